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
"""

from __future__ import annotations

from typing import Any, Dict, Text

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.training_data import TrainingData


def column_major(classifier: Any) -> None:
    """Store a fitted scikit-learn linear model's ``coef_`` in Fortran order (no-op if unfitted)."""
    coef = getattr(classifier, "coef_", None)
    if isinstance(coef, np.ndarray) and not coef.flags["F_CONTIGUOUS"]:
        classifier.coef_ = np.asfortranarray(coef)


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
