"""LinearIntentClassifier (rasa_addons/linear_intent.py): Rasa's logistic regression, weights column-major.

Trains on a small feature set made here (sparse n-gram-like counts plus a
dense sentence vector, as the real pipeline gives), stores and loads the
model through Rasa's own LocalModelStorage in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("rasa")

import scipy.sparse  # noqa: E402
from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier  # noqa: E402
from rasa.shared.nlu.constants import INTENT, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.features import Features  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from rasa_addons.linear_intent import LinearIntentClassifier, column_major, decision_scores  # noqa: E402

INTENTS = ("greet", "ask_jobs", "ask_courses")


def featurised(text: str, intent: str | None, rng: np.random.Generator, index: int) -> Message:
    """A message with a sparse sentence feature (20 counts) and a dense one (8 values)."""
    message = Message(data={TEXT: text, **({INTENT: intent} if intent else {})})
    counts = np.zeros((1, 20))
    counts[0, index * 5:(index + 1) * 5] = rng.integers(0, 3, 5)
    counts[0, 15 + rng.integers(0, 5)] = 1
    message.add_features(Features(scipy.sparse.coo_matrix(counts), "sentence", TEXT, "counts"))
    dense = rng.normal(size=(1, 8)) + index
    message.add_features(Features(dense, "sentence", TEXT, "e5"))
    return message


def examples(n: int, seed: int, labelled: bool = True) -> list[Message]:
    rng = np.random.default_rng(seed)
    return [featurised(f"text {i}", INTENTS[i % 3] if labelled else None, rng, i % 3) for i in range(n)]


def make(cls: type, storage: LocalModelStorage, name: str) -> LogisticRegressionClassifier:
    context = ExecutionContext(GraphSchema({}), node_name=name)
    config = {**cls.get_default_config(), "random_state": 42}
    return cls.create(config, storage, Resource(name), context)


def trained_pair(
    tmp_path: Path, data: TrainingData
) -> tuple[LinearIntentClassifier, LogisticRegressionClassifier]:
    """Ours and Rasa's classifier, each trained on ``data`` in its own model storage."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    ours = make(LinearIntentClassifier, LocalModelStorage(tmp_path / "a"), "ours")
    rasas = make(LogisticRegressionClassifier, LocalModelStorage(tmp_path / "b"), "rasas")
    ours.train(data)
    rasas.train(data)
    return ours, rasas


def test_weights_are_column_major_after_training_and_after_loading(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    component = make(LinearIntentClassifier, storage, "linear")
    component.train(TrainingData(training_examples=examples(60, seed=1)))
    assert component.clf.coef_.flags["F_CONTIGUOUS"]
    context = ExecutionContext(GraphSchema({}), node_name="linear")
    loaded = LinearIntentClassifier.load(component.config, storage, Resource("linear"), context)
    assert loaded.clf.coef_.flags["F_CONTIGUOUS"]
    assert np.array_equal(loaded.clf.coef_, component.clf.coef_)


def test_intents_and_confidences_are_those_of_rasas_classifier(tmp_path: Path) -> None:
    data = TrainingData(training_examples=examples(60, seed=2))
    ours, rasas = trained_pair(tmp_path, data)
    new_ours, new_rasas = examples(12, seed=3, labelled=False), examples(12, seed=3, labelled=False)
    ours.process(new_ours)
    rasas.process(new_rasas)
    for a, b in zip(new_ours, new_rasas, strict=True):
        assert a.get(INTENT)["name"] == b.get(INTENT)["name"]
        assert a.get(INTENT)["confidence"] == pytest.approx(b.get(INTENT)["confidence"], abs=1e-12)
    assert {m.get(INTENT)["name"] for m in new_ours} == set(INTENTS)  # it learned something


def test_column_major_leaves_an_unfitted_model_alone() -> None:
    class Unfitted:
        pass

    model = Unfitted()
    column_major(model)
    assert not hasattr(model, "coef_")


def two_sparse(text: str, intent: str | None, rng: np.random.Generator, index: int) -> Message:
    """Like ``featurised`` with a second sparse featurizer (6 counts) between the two, as in config.yml."""
    message = featurised(text, intent, rng, index)
    extra = np.zeros((1, 6))
    extra[0, index * 2] = 1 + rng.integers(0, 2)
    message.features.insert(1, Features(scipy.sparse.coo_matrix(extra), "sentence", TEXT, "char_counts"))
    sequence = scipy.sparse.coo_matrix(np.ones((3, 6)))  # sequence features are not part of x
    message.add_features(Features(sequence, "sequence", TEXT, "char_counts"))
    return message


def test_block_scoring_gives_rasas_whole_ranking_with_several_featurizers(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    labelled = [two_sparse(f"t {i}", INTENTS[i % 3], rng, i % 3) for i in range(60)]
    data = TrainingData(training_examples=labelled)
    ours, rasas = trained_pair(tmp_path, data)
    fresh = np.random.default_rng(6)
    new = [two_sparse(f"n {i}", None, fresh, i % 3) for i in range(9)]
    assert all(decision_scores(ours.clf, m) is not None for m in new)  # the block path is taken
    copies = [Message(data=dict(m.data), features=list(m.features)) for m in new]
    ours.process(new)
    rasas.process(copies)
    for a, b in zip(new, copies, strict=True):
        assert [r["name"] for r in a.get("intent_ranking")] == [r["name"] for r in b.get("intent_ranking")]
        for ra, rb in zip(a.get("intent_ranking"), b.get("intent_ranking"), strict=True):
            assert ra["confidence"] == pytest.approx(rb["confidence"], abs=1e-12)


def test_a_message_whose_features_do_not_fit_goes_through_rasas_path(tmp_path: Path) -> None:
    component = make(LinearIntentClassifier, LocalModelStorage(tmp_path), "linear")
    component.train(TrainingData(training_examples=examples(60, seed=7)))
    odd = Message(data={TEXT: "no dense part"})
    odd.add_features(Features(scipy.sparse.coo_matrix(np.ones((1, 20))), "sentence", TEXT, "counts"))
    assert decision_scores(component.clf, odd) is None  # 20 columns, the model has 28
    with pytest.raises(ValueError):  # Rasa's path, with scikit-learn's clear error about the width
        component.process([odd])
