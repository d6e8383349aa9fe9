"""ClearYesGuard: a typed yes the classifier is unsure of is not taken as consent."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("rasa")

import yaml  # noqa: E402
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from rasa_addons.clear_yes import ClearYesGuard  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def parsed(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={TEXT: text})
    entries = [{"name": name, "confidence": conf} for name, conf in ranking]
    message.set(INTENT, entries[0], add_to_output=True)
    message.set(INTENT_RANKING_KEY, entries, add_to_output=True)
    return message


def guard() -> ClearYesGuard:
    return ClearYesGuard({"intent": "affirm", "min_confidence": 0.7})


def test_a_weak_yes_becomes_nlu_fallback_and_keeps_the_ranking_below() -> None:
    # "javisst" was affirm 0.58: at "may a coach read your summary?" that shared it
    [message] = guard().process([parsed("javisst", [("affirm", 0.58), ("thank", 0.2)])])
    assert message.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.7}
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["nlu_fallback", "affirm", "thank"]


def test_a_yes_without_a_confidence_is_not_clear_either() -> None:
    message = Message(data={TEXT: "yes"})
    message.set(INTENT, {"name": "affirm"}, add_to_output=True)
    [message] = guard().process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"


@pytest.mark.parametrize("text, confidence", [("yes", 0.99), ("/affirm", 1.0), ("ok", 0.7)])
def test_a_clear_yes_and_the_yes_button_stay_yes(text: str, confidence: float) -> None:
    [message] = guard().process([parsed(text, [("affirm", confidence)])])
    assert message.get(INTENT) == {"name": "affirm", "confidence": confidence}


@pytest.mark.parametrize("name", ["deny", "request_coach", "nlu_fallback"])
def test_other_intents_are_left_alone_even_when_weak(name: str) -> None:
    # a weak no shares and deletes nothing, so it stays a no
    [message] = guard().process([parsed("nja", [(name, 0.4), ("affirm", 0.35)])])
    assert message.get(INTENT) == {"name": name, "confidence": 0.4}


def test_the_guard_comes_after_the_fallback_classifier() -> None:
    names = [c["name"] for c in yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]]
    assert names.index("FallbackClassifier") < names.index("rasa_addons.clear_yes.ClearYesGuard")
