"""action_give_feedback, action_ask_chat_feedback and ask_handoff_feedback: exact events, messages, rows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

import actions.feedback as feedback
from actions.feedback import ActionAskChatFeedback, ActionGiveFeedback, ask_handoff_feedback
from bot.feedback.models import Feedback
from tests.catalogue_helpers import break_database

DAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedback, "today", lambda: DAY)


def _tap(target: str, useful: object, item: str | None = None) -> list[dict[str, Any]]:
    entities: list[dict[str, Any]] = [{"entity": "target", "value": target}]
    if item is not None:
        entities.append({"entity": "item", "value": item})
    return [*entities, {"entity": "useful", "value": useful}]


def _texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["text"] for m in dispatcher.messages]


def _rows(session: Session) -> list[tuple[str, str, str, bool, date]]:
    session.expire_all()
    return [(r.city, r.target, r.item, r.useful, r.given_on) for r in session.scalars(select(Feedback))]


def test_names_match_the_domain() -> None:
    assert ActionGiveFeedback().name() == "action_give_feedback"
    assert ActionAskChatFeedback().name() == "action_ask_chat_feedback"


def test_a_useful_tap_on_a_suggestion_is_stored_thanked_and_reverted(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(
        slots={"language": "en", "city": "Espoo"},
        intent="give_feedback",
        entities=_tap("suggestion", True, "job:3"),
    )
    events = ActionGiveFeedback().run(dispatcher, tracker, {})
    [row_id] = [r.id for r in session.scalars(select(Feedback))]
    assert events == [
        UserUtteranceReverted(),
        SlotSet("feedback_given", {"suggestion:job:3": row_id}),
        FollowupAction("action_listen"),
    ]
    assert _texts(dispatcher) == ["Thank you! Good to hear."]
    assert _rows(session) == [("Espoo", "suggestion", "job:3", True, DAY)]


def test_a_second_tap_on_the_same_item_changes_the_answer_instead_of_counting_twice(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    first = make_tracker(
        slots={"language": "fi", "city": "Turku"}, entities=_tap("suggestion", True, "course:1")
    )
    [_, set_given, _] = ActionGiveFeedback().run(dispatcher, first, {})
    given = set_given["value"]
    second = make_tracker(
        slots={"language": "fi", "city": "Turku", "feedback_given": given},
        entities=_tap("suggestion", False, "course:1"),
    )
    events = ActionGiveFeedback().run(dispatcher, second, {})
    assert events == [
        UserUtteranceReverted(),
        SlotSet("feedback_given", given),
        FollowupAction("action_listen"),
    ]
    assert _texts(dispatcher) == ["Kiitos! Kiva kuulla.", "Kiitos, vaihdoin vastauksesi."]
    assert _rows(session) == [("Turku", "suggestion", "course:1", False, DAY)]


def test_the_page_city_counts_when_the_person_chose_online_or_skipped_the_city(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(
        slots={"language": "sv", "city": "online"}, entities=_tap("chat", False), metadata={"city": "Esbo"}
    )
    ActionGiveFeedback().run(dispatcher, tracker, {})
    assert _texts(dispatcher) == ["Tack för att du berättar. Det hjälper oss att bli bättre."]
    assert _rows(session) == [("Espoo", "chat", "", False, DAY)]
    ActionGiveFeedback().run(CollectingDispatcher(), make_tracker(entities=_tap("handoff", True)), {})
    assert _rows(session)[-1] == ("", "handoff", "", True, DAY)


def test_a_wrong_payload_stores_nothing_says_so_and_logs_one_line_without_what_was_sent(
    session: Session,
    dispatcher: CollectingDispatcher,
    make_tracker: Callable[..., Tracker],
    caplog: pytest.LogCaptureFixture,
) -> None:
    tracker = make_tracker(slots={"language": "en"}, entities=_tap("suggestion", True, "Matti 0401234567"))
    with caplog.at_level(logging.WARNING, logger="actions.feedback"):
        events = ActionGiveFeedback().run(dispatcher, tracker, {})
    assert events == [UserUtteranceReverted(), FollowupAction("action_listen")]
    assert _texts(dispatcher) == ["Sorry, I could not read that answer. You can go on where we were."]
    assert _rows(session) == []
    assert len(caplog.records) == 1 and "Matti" not in caplog.text and "test-user" in caplog.text


def test_a_database_fault_thanks_the_person_keeps_the_dialogue_and_logs_one_line(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dispatcher: CollectingDispatcher,
    make_tracker: Callable[..., Tracker],
    caplog: pytest.LogCaptureFixture,
) -> None:
    break_database(monkeypatch, tmp_path)
    with caplog.at_level(logging.ERROR, logger="actions.feedback"):
        events = ActionGiveFeedback().run(dispatcher, make_tracker(entities=_tap("chat", True)), {})
    assert events == [UserUtteranceReverted(), FollowupAction("action_listen")]
    assert _texts(dispatcher) == [
        "Thank you! I could not save your answer just now. You can go on where we were."
    ]
    assert [r.levelname for r in caplog.records] == ["ERROR"]


def test_the_end_question_is_asked_with_yes_no_buttons_once(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    assert ActionAskChatFeedback().run(dispatcher, make_tracker(slots={"language": "fi"}), {}) == []
    assert dispatcher.messages[0]["text"] == (
        "Vielä yksi nopea kysymys: oliko tästä keskustelusta sinulle hyötyä? Vastaat nimettömänä."
    )
    assert dispatcher.messages[0]["buttons"] == [
        {"title": "Kyllä", "payload": '/give_feedback{"target":"chat","useful":true}'},
        {"title": "Ei", "payload": '/give_feedback{"target":"chat","useful":false}'},
    ]
    answered = make_tracker(slots={"language": "fi", "feedback_given": {"chat": 4}})
    later = CollectingDispatcher()
    assert ActionAskChatFeedback().run(later, answered, {}) == []
    assert later.messages == []


def test_the_hand_back_question_asks_about_the_coach_in_swedish() -> None:
    dispatcher = CollectingDispatcher()
    ask_handoff_feedback(dispatcher, "sv")
    assert (
        dispatcher.messages[0]["text"] == "Var handledarens hjälp till nytta för dig? Ditt svar är anonymt."
    )
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        '/give_feedback{"target":"handoff","useful":true}',
        '/give_feedback{"target":"handoff","useful":false}',
    ]
