"""action_save_summary and action_record_summary_consent: exact events, messages and rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.summary import ActionRecordSummaryConsent, ActionSaveSummary
from bot.summaries.models import Summary
from bot.summaries.service import build_summary, save_summary
from tests.catalogue_helpers import break_database, load_fixed_catalogue

SLOTS = {
    "language": "en",
    "city": "Vantaa",
    "goal_type": "job",
    "field": "data",
    "education_level": "secondary",
    "background": "Shop work. Phone 040 123 4567.",
    "confidence_score": 3.0,
    "holland_code": "ICS",
    "shown_suggestions": ["job:1", "course:2"],
    "rejected_suggestions": ["job:8"],
    "next_steps": ["look:job:1", "cv"],
}
SHARE_BUTTONS = [
    {"title": "Yes, a coach may read it", "payload": "/affirm"},
    {"title": "No, keep it private", "payload": "/deny"},
]


def test_save_summary_stores_shows_and_asks(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    load_fixed_catalogue(session)
    tracker = make_tracker(slots=SLOTS, sender_id="conv-42", intent="deny")
    assert ActionSaveSummary().run(dispatcher, tracker, {}) == [SlotSet("summary_id", "1")]
    assert [(m["text"], m["buttons"]) for m in dispatcher.messages] == [
        (
            "Here is a short summary of our talk.\n"
            "You are looking for a job.\n"
            "Field: data and analytics.\n"
            "Place: in Vantaa.\n"
            "Your confidence: 3.0 out of 5.\n"
            "You like: solving problems, careful, organised work, helping people.\n"
            "Options we looked at: Job 1; Course 2.\n"
            "Not for you: Job 8.\n"
            "Your next steps:\n"
            "1. Look at the job Job 1\n"
            "2. Update my CV",
            [],
        ),
        ("May a coach read this summary? It helps them help you. You decide.", SHARE_BUTTONS),
    ]
    session.expire_all()
    stored = session.get(Summary, 1)
    assert stored is not None
    assert (stored.conversation_id, stored.language, stored.city, stored.consent_to_share) == (
        "conv-42",
        "en",
        "Vantaa",
        None,
    )
    assert stored.data["goals"]["background"] == "Shop work. Phone [phone removed]."
    assert stored.data["suggestions"] == [
        {"id": "job:1", "title": {"fi": "Työ 1", "sv": "Jobb 1", "en": "Job 1"}, "rejected": False},
        {"id": "course:2", "title": {"fi": "Kurssi 2", "sv": "Kurs 2", "en": "Course 2"}, "rejected": False},
        {"id": "job:8", "title": {"fi": "Työ 8", "sv": "Jobb 8", "en": "Job 8"}, "rejected": True},
    ]
    assert stored.data["next_steps"] == ["look:job:1", "cv"]


def test_save_summary_with_database_down_keeps_slots(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dispatcher: CollectingDispatcher,
    make_tracker: Callable[..., Tracker],
) -> None:
    break_database(monkeypatch, tmp_path)
    assert ActionSaveSummary().run(dispatcher, make_tracker(slots={**SLOTS, "language": "fi"}), {}) == []
    assert [m["text"] for m in dispatcher.messages] == [
        "Anteeksi, en pystynyt tallentamaan yhteenvetoa juuri nyt. Mitään ei hävinnyt. "
        "Yritä hetken päästä uudelleen."
    ]


@pytest.mark.parametrize(
    ("intent", "shared", "reply"),
    [
        ("affirm", True, "Thank you. A coach may now read your summary."),
        ("deny", False, "That is fine. Your summary stays private. No coach will read it."),
    ],
)
def test_consent_is_recorded(
    intent: str,
    shared: bool,
    reply: str,
    session: Session,
    dispatcher: CollectingDispatcher,
    make_tracker: Callable[..., Tracker],
) -> None:
    summary_id = save_summary(session, build_summary(SLOTS, "conv-1")).id
    session.commit()
    tracker = make_tracker(slots={"summary_id": str(summary_id)}, intent=intent)
    assert ActionRecordSummaryConsent().run(dispatcher, tracker, {}) == []
    texts = [(m["text"], m["buttons"]) for m in dispatcher.messages]
    code_text = texts.pop(1)[0]
    assert code_text.startswith("Your resume code is ") and "30 days" in code_text
    assert texts == [
        (reply, []),
        (
            "If you want, you can talk with a person too.",
            [{"title": "Talk with a coach", "payload": "/request_coach"}],
        ),
    ]
    session.expire_all()
    stored = session.get(Summary, summary_id)
    assert stored is not None and stored.consent_to_share is shared and stored.consent_at is not None


def test_other_intent_repeats_the_question(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(slots={"summary_id": "1", "language": "sv"}, intent="nlu_fallback")
    assert ActionRecordSummaryConsent().run(dispatcher, tracker, {}) == []
    assert dispatcher.messages[0]["text"] == (
        "Får en handledare läsa sammanfattningen? Det hjälper hen att hjälpa dig. Du bestämmer."
    )
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/affirm", "/deny"]


@pytest.mark.parametrize("summary_id", [None, "77", "abc"])
def test_consent_without_a_saved_summary(
    summary_id: str | None,
    session: Session,
    dispatcher: CollectingDispatcher,
    make_tracker: Callable[..., Tracker],
) -> None:
    tracker = make_tracker(slots={"summary_id": summary_id}, intent="affirm")
    assert ActionRecordSummaryConsent().run(dispatcher, tracker, {}) == []
    assert [m["text"] for m in dispatcher.messages] == [
        "I have not saved a summary yet. We can make one when you have chosen your next steps."
    ]


def test_consent_with_database_down(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dispatcher: CollectingDispatcher,
    make_tracker: Callable[..., Tracker],
) -> None:
    break_database(monkeypatch, tmp_path)
    tracker = make_tracker(slots={"summary_id": "1"}, intent="affirm")
    assert ActionRecordSummaryConsent().run(dispatcher, tracker, {}) == []
    assert [m["text"] for m in dispatcher.messages] == [
        "Sorry, I could not save your answer right now. Please try again in a moment."
    ]


def test_action_names() -> None:
    assert ActionSaveSummary().name() == "action_save_summary"
    assert ActionRecordSummaryConsent().name() == "action_record_summary_consent"
