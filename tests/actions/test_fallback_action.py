"""action_not_understood: "Sorry, I did not understand", unless a typed "not for me" after suggestions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

import actions.suggestions as suggestions
from actions.fallback import ActionNotUnderstood
from tests.catalogue_helpers import TODAY, load_fixed_catalogue

SHOWN = ["job:1", "course:2"]


@pytest.fixture(autouse=True)
def _catalogue(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggestions, "today", lambda: TODAY)
    load_fixed_catalogue(session)


def run(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, object]]:
    return ActionNotUnderstood().run(dispatcher, tracker, {})


def test_a_title_with_finnish_rejection_words_is_rejected(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(slots={"language": "fi", "shown_suggestions": SHOWN},
                           text="kurssi 2 ei oo mua varten", intent="nlu_fallback")
    events = run(dispatcher, tracker)
    assert events[0] == SlotSet("rejected_suggestions", ["course:2"])
    assert "course:2" not in events[1]["value"]
    assert all(m.get("response") != "utter_default" for m in dispatcher.messages)


def test_rejection_words_without_a_title_ask_which_with_the_titles(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(slots={"language": "sv", "shown_suggestions": SHOWN},
                           text="nä det där passar inte", intent="nlu_fallback")
    assert run(dispatcher, tracker) == []
    assert dispatcher.messages[0]["text"] == "Vilket alternativ passar inte dig?"
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        '/not_for_me{"suggestion_id":"job:1"}', '/not_for_me{"suggestion_id":"course:2"}',
    ]


@pytest.mark.parametrize(("slots", "text"), [
    ({"shown_suggestions": SHOWN}, "blorp fizz"),
    ({"shown_suggestions": SHOWN}, "Job 1 how long is it"),
    ({}, "not for me"),
])
def test_anything_else_gets_the_sorry_reply(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker],
    slots: dict[str, object], text: str,
) -> None:
    assert run(dispatcher, make_tracker(slots=slots, text=text, intent="nlu_fallback")) == []
    assert [m.get("response") for m in dispatcher.messages] == ["utter_default"]
