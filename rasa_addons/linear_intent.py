"""NLU component: Rasa's logistic-regression intent classifier, laid out for fast parsing.

``LinearIntentClassifier`` is Rasa 3.6.21's ``LogisticRegressionClassifier``
(same training, same skops file, same probabilities) with one change: the
weight matrix ``coef_`` (shape ``(n_intents, n_features)``, here about
35 x 52,000 float64, ~15 MB) is kept in Fortran (column-major) order.

Why: scikit-learn scores a message as ``X @ coef_.T``. With ``X`` a scipy
CSR matrix (the n-gram counts stacked with the dense e5 embedding), scipy
needs the right-hand operand C-contiguous and copies ``coef_.T`` (all
~15 MB) on every call when ``coef_`` is row-major. In Fortran order
``coef_.T`` is already C-contiguous, so nothing is copied. Measured on
this machine (a 70-character Finnish message, embedding cached): parse
p50 8.9 ms -> 4.7 ms, p95 10.8 ms -> 6.3 ms, identical intent and
confidence (docs/nlu-pipeline.md, "Parse cost").

The layout is set after training and after loading; the stored model file
is unchanged (skops stores the values, not the memory order).

Scoring (``process``): Rasa's ``_create_X`` first deep-copies and stacks every
featurizer's sparse sentence features (``Message.get_sparse_features``, scipy
``bmat``), then stacks them with the dense embedding, then scikit-learn checks
and multiplies the result: about 3.5 ms per message here, more than all the
n-gram featurizers together. ``decision_scores`` computes the same
``intercept_ + x @ coef_.T`` block by block straight from each featurizer's
features, in the order Rasa would stack them (sparse features in pipeline
order, then dense), and ``probabilities`` applies scikit-learn's own rule
(softmax for a multinomial model, normalised sigmoids for one-vs-rest). Same
probabilities to float rounding (tested in
``tests/rasa_env/test_linear_intent.py``); when the feature widths do not add
up to the model's, Rasa's own path is used.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.special import expit, softmax


def column_major(classifier: Any) -> None:
    """Store a fitted scikit-learn linear model's ``coef_`` in Fortran order (no-op if unfitted)."""
    coef = getattr(classifier, "coef_", None)
    if isinstance(coef, np.ndarray) and not coef.flags["F_CONTIGUOUS"]:
        classifier.coef_ = np.asfortranarray(coef)


def decision_scores(classifier: Any, message: Message) -> Optional[np.ndarray]:
    """``intercept_ + x @ coef_.T`` for one message, without building ``x``.

    ``x`` is what Rasa's ``LogisticRegressionClassifier._create_X`` would
    build: the TEXT sentence-level sparse features of every featurizer in the
    order they were added, then the dense ones. Returns a float64 array of
    shape ``(n_intents,)`` for a multi-class model (``(1,)`` for two
    classes), or None when the message has no sparse sentence features or
    their widths do not match ``coef_`` (the caller then uses Rasa's path).
    """
    coef = getattr(classifier, "coef_", None)
    intercept = getattr(classifier, "intercept_", None)
    if not isinstance(coef, np.ndarray) or intercept is None:
        return None
    sentence = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
    sparse = [f for f in sentence if f.is_sparse()]
    dense = [f for f in sentence if f.is_dense()]
    if not sparse:
        return None
    widths = [f.features.shape[1] for f in sparse + dense]
    if sum(widths) != coef.shape[1] or any(f.features.shape[0] != 1 for f in sparse + dense):
        return None
    # Element-wise products and sums, not ``@``: a BLAS call for these tiny
    # products wakes BLAS threads that compete with the encoder's OpenMP
    # threads on the same cores (1.4 ms p50 in the pipeline, 0.05 ms alone).
    weights = coef.T  # (n_features, n_intents); C-contiguous when coef_ is column-major
    scores = np.array(intercept, dtype=np.float64, copy=True)
    offset = 0
    for feature in sparse:
        block = feature.features
        if not scipy.sparse.isspmatrix_coo(block):
            block = scipy.sparse.coo_matrix(block)
        if block.nnz:
            scores += (weights[offset + block.col] * block.data[:, None]).sum(axis=0)
        offset += block.shape[1]
    for feature in dense:
        vector = np.asarray(feature.features, dtype=np.float64).reshape(-1)
        scores += (weights[offset : offset + vector.shape[0]] * vector[:, None]).sum(axis=0)
        offset += vector.shape[0]
    return scores


def probabilities(classifier: Any, scores: np.ndarray) -> np.ndarray:
    """Class probabilities from ``decision_scores``, by scikit-learn 1.1's ``predict_proba`` rule.

    Multinomial (lbfgs, more than two classes, ``multi_class`` "auto" or
    "multinomial"): softmax. One-vs-rest ("ovr", liblinear, two classes):
    each class's sigmoid, normalised to sum 1 (``_predict_proba_lr``).
    Shape ``(n_classes,)``, in the order of ``classifier.classes_``.
    """
    multi_class = getattr(classifier, "multi_class", "auto")
    ovr = multi_class in ("ovr", "warn") or (
        multi_class == "auto" and (classifier.classes_.size <= 2 or classifier.solver == "liblinear")
    )
    if scores.shape[0] == 1:
        if ovr:
            positive = float(expit(scores[0]))
            return np.array([1.0 - positive, positive])
        return softmax(np.array([-scores[0], scores[0]]))
    if ovr:
        sigmoids = expit(scores)
        return sigmoids / sigmoids.sum()
    return softmax(scores)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(LogisticRegressionClassifier):
    """``LogisticRegressionClassifier`` whose weights are column-major, so a parse copies nothing."""

    def train(self, training_data: TrainingData) -> Resource:
        """Trains as Rasa does (lbfgs on sparse + dense sentence features), then lays out the weights."""
        resource = super().train(training_data)
        column_major(self.clf)
        return resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LogisticRegressionClassifier":
        """Loads the stored classifier as Rasa does, then lays out the weights."""
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        column_major(component.clf)
        return component

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets ``intent`` and ``intent_ranking`` as Rasa does, scoring each message block by block.

        A message whose features do not fit ``decision_scores`` goes through
        Rasa's own ``LogisticRegressionClassifier.process``.
        """
        fallback: List[Message] = []
        for message in messages:
            scores = decision_scores(self.clf, message)
            if scores is None:
                fallback.append(message)
                continue
            confidences = probabilities(self.clf, scores)
            ranking = sorted(
                (
                    {"name": name, "confidence": float(p)}
                    for name, p in zip(self.clf.classes_, confidences, strict=True)
                ),
                key=lambda entry: -entry["confidence"],
            )
            intent = ranking[0]
            if self.config[RANKING_LENGTH] > 0:
                ranking = ranking[: self.config[RANKING_LENGTH]]
            message.set("intent", intent, add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        if fallback:
            super().process(fallback)
        return messages
