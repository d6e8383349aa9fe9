"""Confidence check actions: ask, validate (ratings and skips), score and store."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from actions.confidence import ASK_ACTIONS, ActionScoreConfidence, ValidateConfidenceForm, rating_buttons
from bot.config import get_settings
from bot.db import get_sessionmaker
from bot.guidance.self_efficacy import feedback, items, score_self_efficacy
from bot.guidance.store import AssessmentResult, save_result
from bot.i18n import t


def _validate(
    make_tracker: Callable[..., Tracker],
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
    slot: str,
    text: str,
    *,
    intent: str = "inform",
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    tracker = make_tracker(
        slots={"language": "en", "requested_slot": slot, **(slots or {}), slot: text},
        text=text,
        intent=intent,
        entities=entities,
        events=[{"event": "action", "name": "action_listen"}, {"event": "slot", "name": slot, "value": text}],
        active_loop="confidence_form",
    )
    return asyncio.run(ValidateConfidenceForm().run(dispatcher, tracker, domain))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("four", "4"), ("4", "4"), ("neljä", "4"), ("fyra", "4"), ("not really", "2"), ("yes definitely", "5")],
)
def test_typed_ratings_are_understood(make_tracker, dispatcher, domain, text, expected) -> None:
    assert _validate(make_tracker, dispatcher, domain, "se_2", text) == [SlotSet("se_2", expected)]
    assert dispatcher.messages == []


def test_button_answer_is_used(make_tracker, dispatcher, domain) -> None:
    payload = '/inform{"answer":"3"}'
    events = _validate(
        make_tracker, dispatcher, domain, "se_1", payload, entities=[{"entity": "answer", "value": "3"}]
    )
    assert events == [SlotSet("se_1", "3")]


def test_out_of_range_is_asked_again_with_help(make_tracker, dispatcher, domain) -> None:
    assert _validate(make_tracker, dispatcher, domain, "se_1", "9") == [SlotSet("se_1", None)]
    assert [m["text"] for m in dispatcher.messages] == [t("confidence.invalid", "en")]


@pytest.mark.parametrize(("text", "intent"), [("/skip", "skip"), ("skip", "inform"), ("ohita", "skip")])
def test_skip_fills_the_rest_of_the_section(make_tracker, dispatcher, domain, text, intent) -> None:
    events = _validate(make_tracker, dispatcher, domain, "se_2", text, intent=intent, slots={"se_1": "3"})
    assert events == [SlotSet(f"se_{n}", "skipped") for n in range(2, 6)]


def test_dont_know_skips_only_this_item(make_tracker, dispatcher, domain) -> None:
    events = _validate(make_tracker, dispatcher, domain, "se_3", "I don't know", intent="skip")
    assert events == [SlotSet("se_3", "skipped")]


def test_ask_action_shows_progress_question_and_buttons(make_tracker, dispatcher, domain) -> None:
    action = ASK_ACTIONS["se_2"]()
    assert action.name() == "action_ask_se_2"
    events = asyncio.run(action.run(dispatcher, make_tracker(slots={"language": "fi"}), domain))
    assert events == []
    assert dispatcher.messages[0]["text"] == f"Kysymys 2/5\n{items()[1].text['fi']}"
    buttons = dispatcher.messages[0]["buttons"]
    assert buttons == rating_buttons("fi")
    assert [b["payload"] for b in buttons] == [f'/inform{{"answer":"{n}"}}' for n in range(1, 6)] + ["/skip"]
    assert buttons[0]["title"] == "1 · En lainkaan varma"
    assert buttons[-1]["title"] == "Ohita tämä osio"


STEP_BUTTONS = [
    {"title": "Tehty", "payload": '/review_steps{"answer":"done:7"}'},
    {"title": "Ei vielä", "payload": '/review_steps{"answer":"not_yet:7"}'},
]
STEP_TEXT = "Päivitä ansioluetteloni. Miten meni?"
STEP_QUESTION = {"event": "bot", "text": STEP_TEXT, "data": {"buttons": STEP_BUTTONS}}


def test_after_a_resume_code_the_step_question_is_asked_again_last_and_the_item_waits(
    make_tracker, dispatcher, domain
) -> None:
    """Seen by newcomers (fi, sv, en): the check's intro and question 1 buried the question about the step."""
    events = [
        {"event": "user", "text": "mulla on koodi KTPR-M7XH"},
        STEP_QUESTION,
        {"event": "bot", "text": "Kiitos! Seuraavaksi 5 lyhyttä kysymystä..."},
    ]
    tracker = make_tracker(slots={"language": "fi", "requested_slot": "se_1"}, events=events)
    assert asyncio.run(ASK_ACTIONS["se_1"]().run(dispatcher, tracker, domain)) == []
    assert [m["text"] for m in dispatcher.messages] == [t("followup.answer_first", "fi"), STEP_TEXT]
    assert dispatcher.messages[1]["buttons"] == STEP_BUTTONS


def test_a_next_step_question_already_last_is_not_repeated(make_tracker, dispatcher, domain) -> None:
    """After "Tehty" the next open step's question ends the turn: the item waits, nothing is said twice."""
    events = [{"event": "user", "text": "/review_steps"}, {"event": "bot", "text": "Hienoa!"}, STEP_QUESTION]
    tracker = make_tracker(slots={"language": "fi"}, events=events)
    asyncio.run(ASK_ACTIONS["se_1"]().run(dispatcher, tracker, domain))
    assert dispatcher.messages == []


def test_a_step_question_of_an_earlier_turn_does_not_hold_the_item(make_tracker, dispatcher, domain) -> None:
    events = [STEP_QUESTION, {"event": "user", "text": "/review_steps"}, {"event": "bot", "text": "Hienoa!"}]
    tracker = make_tracker(slots={"language": "fi"}, events=events)
    asyncio.run(ASK_ACTIONS["se_1"]().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["text"].startswith("Kysymys 1/5")


def test_one_ask_action_per_item_with_convention_names() -> None:
    assert [cls.__name__ for cls in ASK_ACTIONS.values()] == [f"ActionAskSe{n}" for n in range(1, 6)]


def _score(make_tracker, dispatcher, domain, slots: dict[str, Any]) -> list[dict[str, Any]]:
    tracker = make_tracker(slots={"language": "en", **slots})
    return asyncio.run(ActionScoreConfidence().run(dispatcher, tracker, domain))


def test_score_is_set_stored_and_fed_back(make_tracker, dispatcher, domain, session: Session) -> None:
    slots = {"se_1": "4", "se_2": "5", "se_3": "skipped", "se_4": "3", "se_5": None}
    events = _score(make_tracker, dispatcher, domain, slots)
    assert events == [SlotSet("confidence_score", 4.0)]
    expected = feedback(score_self_efficacy({"se_1": 4, "se_2": 5, "se_4": 3}), "en")
    assert [m["text"] for m in dispatcher.messages] == [expected]
    row = session.scalars(select(AssessmentResult)).one()
    assert (row.conversation_id, row.kind, row.score) == ("test-user", "self_efficacy", 4.0)
    assert row.answers == {"se_1": 4, "se_2": 5, "se_3": None, "se_4": 3, "se_5": None}
    assert row.created_at is not None


def test_trend_from_an_earlier_session(make_tracker, dispatcher, domain, session: Session) -> None:
    save_result(session, "test-user", "self_efficacy", answers={}, score=2.5)
    session.commit()
    _score(make_tracker, dispatcher, domain, {f"se_{n}": "4" for n in range(1, 6)})
    assert "higher than last time (2.5)" in dispatcher.messages[0]["text"]
    assert session.scalar(select(func.count()).select_from(AssessmentResult)) == 2


def test_all_skipped_gives_no_score_and_kind_words(make_tracker, dispatcher, domain, database_url) -> None:
    events = _score(make_tracker, dispatcher, domain, {f"se_{n}": "skipped" for n in range(1, 6)})
    assert events == [SlotSet("confidence_score", None)]
    assert [m["text"] for m in dispatcher.messages] == [t("confidence.all_skipped", "en")]


def test_database_down_still_gives_feedback(make_tracker, dispatcher, domain, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing/dir/db.sqlite")
    get_settings.cache_clear()
    get_sessionmaker.cache_clear()
    try:
        events = _score(make_tracker, dispatcher, domain, {"se_1": "2"})
    finally:
        get_settings.cache_clear()
        get_sessionmaker.cache_clear()
    assert events == [SlotSet("confidence_score", 2.0)]
    assert dispatcher.messages[0]["text"].endswith(t("confidence.not_saved", "en"))
