"""A title typed as the answer to "Which one is not for you?" that reads like "talk to an agent"."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

import actions.suggestions as suggestions
from actions.handoff import ActionHandoffToCoach
from actions.suggestions import answer_to_which_one
from tests.catalogue_helpers import TODAY, load_fixed_catalogue

SHOWN = ["job:1", "course:2"]
ASKED = [{"event": "bot", "text": "Which one is not for you?"}]


@pytest.fixture(autouse=True)
def _catalogue(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggestions, "today", lambda: TODAY)
    load_fixed_catalogue(session)


def test_the_title_after_the_question_rejects_it_and_starts_no_handoff(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(slots={"language": "en", "shown_suggestions": SHOWN}, text="job 1",
                           intent="request_coach", events=ASKED)
    events = asyncio.run(ActionHandoffToCoach().run(dispatcher, tracker, {}))
    assert events[0] == SlotSet("rejected_suggestions", ["job:1"])
    assert not any(e.get("event") == "pause" for e in events)
    assert "coach" not in dispatcher.messages[0]["text"].lower()


@pytest.mark.parametrize(("events", "text"), [
    ([], "job 1"),  # no question asked: a request for a coach is one
    ([{"event": "bot", "text": "Here are some options."}], "job 1"),
    (ASKED, "I want to talk to a person"),  # no title named
    (ASKED, '/request_coach'),  # the button
])
def test_otherwise_it_is_no_answer_to_the_question(
    make_tracker: Callable[..., Tracker], events: list[dict[str, str]], text: str
) -> None:
    tracker = make_tracker(slots={"language": "en", "shown_suggestions": SHOWN}, text=text,
                           intent="request_coach", events=events)
    assert answer_to_which_one(tracker, "en") is None
