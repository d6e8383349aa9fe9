"""action_record_handoff_consent: a yes / no while waiting for a coach is recorded and confirmed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.handoff_consent import ActionRecordHandoffConsent
from bot import handoff
from bot.summaries.models import Summary
from tests.catalogue_helpers import break_database


def waiting_with_summary(session: Session, sender: str) -> Summary:
    handoff.enqueue(session, sender, "Espoo", "fi")
    summary = Summary(conversation_id=sender, language="fi", city="Espoo", data={"trigger": "handoff"})
    session.add(summary)
    session.commit()
    return summary


def run(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[object]:
    return asyncio.run(ActionRecordHandoffConsent().run(dispatcher, tracker, {}))


@pytest.mark.parametrize(("language", "intent", "text", "shared", "reply"), [
    ("fi", "affirm", "/affirm", True, "Kiitos. Ohjaaja voi nyt lukea yhteenvedon."),
    ("sv", "deny", "nej tack", False,
     "Det går bra. Din sammanfattning stannar hos dig. Handledaren ser den inte."),
    ("en", "affirm", "yes sure", True, "Thank you. The coach can read your summary now."),
])
def test_the_answer_is_recorded_and_confirmed_in_the_persons_language(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker],
    language: str, intent: str, text: str, shared: bool, reply: str,
) -> None:
    summary = waiting_with_summary(session, "conv-h")
    tracker = make_tracker(slots={"language": language}, sender_id="conv-h", intent=intent, text=text)
    assert run(dispatcher, tracker) == []
    assert [m["text"] for m in dispatcher.messages] == [reply]
    session.expire_all()
    assert summary.consent_to_share is shared and summary.consent_at is not None


def test_a_second_yes_says_nothing_and_changes_nothing(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    summary = waiting_with_summary(session, "conv-h")
    run(dispatcher, make_tracker(slots={"language": "en"}, sender_id="conv-h", intent="deny", text="/deny"))
    later = CollectingDispatcher()
    run(later, make_tracker(slots={"language": "en"}, sender_id="conv-h", intent="affirm", text="yes"))
    assert later.messages == []
    session.expire_all()
    assert summary.consent_to_share is False


def test_database_down_the_person_is_told_and_nothing_is_lost(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker],
) -> None:
    # The answer stays in the transcript; the coach's page reads it from there (sync_consent).
    break_database(monkeypatch, tmp_path)
    tracker = make_tracker(slots={"language": "en"}, sender_id="conv-h", intent="affirm", text="/affirm")
    assert run(dispatcher, tracker) == []
    assert [m["text"] for m in dispatcher.messages] == [
        "Sorry, I could not save your answer right now. Please try again in a moment."
    ]


def test_a_longer_typed_yes_is_asked_again_with_the_buttons_once(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    summary = waiting_with_summary(session, "conv-h")
    first = CollectingDispatcher()
    run(first, make_tracker(slots={"language": "sv"}, sender_id="conv-h", intent="affirm",
                            text="okej jag väntar", events=[{"event": "pause"}]))
    again = "Svara gärna med en knapp: får handledaren läsa sammanfattningen?"
    assert [(m["text"], [b["payload"] for b in m["buttons"]]) for m in first.messages] == [
        (again, ["/affirm", "/deny"])
    ]
    second = CollectingDispatcher()
    asked = [{"event": "pause"}, {"event": "bot", "text": again}]
    run(second, make_tracker(slots={"language": "sv"}, sender_id="conv-h", intent="affirm",
                             text="okej då tack", events=asked))
    assert second.messages == []
    session.expire_all()
    assert summary.consent_to_share is None
