"""Interest profiler actions: ask, validate (answers and skips), score and store."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.interests import ASK_ACTIONS, ActionScoreInterests, ValidateInterestForm
from bot.config import get_settings
from bot.db import get_sessionmaker
from bot.guidance.riasec import explain_holland_code, items
from bot.guidance.store import AssessmentResult
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
        slots={"language": "fi", "requested_slot": slot, **(slots or {}), slot: text},
        text=text,
        intent=intent,
        entities=entities,
        events=[{"event": "action", "name": "action_listen"}, {"event": "slot", "name": slot, "value": text}],
        active_loop="interest_form",
    )
    return asyncio.run(ValidateInterestForm().run(dispatcher, tracker, domain))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tykkään", "like"),
        ("I'd like that", "like"),
        ("gillar", "like"),
        ("ei kiinnosta", "dislike"),
        ("en ole varma", "unsure"),
        ("en tiedä", "unsure"),
        ("not sure", "unsure"),
    ],
)
def test_answers_are_understood(make_tracker, dispatcher, domain, text, expected) -> None:
    assert _validate(make_tracker, dispatcher, domain, "ri_4", text) == [SlotSet("ri_4", expected)]


def test_button_answer_is_used(make_tracker, dispatcher, domain) -> None:
    payload = '/inform{"answer":"dislike"}'
    entities = [{"entity": "answer", "value": "dislike"}]
    assert _validate(make_tracker, dispatcher, domain, "ri_1", payload, entities=entities) == [
        SlotSet("ri_1", "dislike")
    ]


def test_the_menus_next_steps_button_during_the_questions_says_they_come_later(
    make_tracker, dispatcher, domain
) -> None:
    events = _validate(
        make_tracker, dispatcher, domain, "ri_3", "/choose_next_steps", intent="choose_next_steps"
    )
    assert events == [SlotSet("ri_3", None)]  # asked again
    assert [m["text"] for m in dispatcher.messages] == [t("next_steps.after_questions", "fi")]


def test_unclear_answer_is_asked_again(make_tracker, dispatcher, domain) -> None:
    assert _validate(make_tracker, dispatcher, domain, "ri_1", "banaani") == [SlotSet("ri_1", None)]
    assert [m["text"] for m in dispatcher.messages] == [t("interests.invalid", "fi")]


def test_a_place_not_served_named_mid_check_gets_the_served_cities_and_online_options(
    make_tracker, dispatcher, domain
) -> None:
    """Seen by a Finnish newcomer: "mä asun oulussa, onks siellä töitä" only got the question again."""
    from bot.contract.city_texts import served_cities

    events = _validate(make_tracker, dispatcher, domain, "ri_1", "mä asun oulussa, onks siellä töitä")
    assert SlotSet("ri_1", None) in events and SlotSet("city", "online") in events
    unserved = t("goals.unserved_city", "fi", place="Oulu", **served_cities("fi"))
    assert [m["text"] for m in dispatcher.messages] == [unserved, t("interests.invalid", "fi")]


def test_an_answer_with_a_place_in_it_is_still_an_answer(make_tracker, dispatcher, domain) -> None:
    events = _validate(make_tracker, dispatcher, domain, "ri_2", "tykkään, asun oulussa")
    assert events == [SlotSet("ri_2", "like")] and dispatcher.messages == []  # the answer counts, no detour


@pytest.mark.parametrize(("text", "intent"), [("/skip", "skip"), ("ohita", "inform"), ("hoppa över", "skip")])
def test_skip_fills_the_rest_of_the_section(make_tracker, dispatcher, domain, text, intent) -> None:
    events = _validate(make_tracker, dispatcher, domain, "ri_10", text, intent=intent)
    assert events == [SlotSet("ri_10", "skipped"), SlotSet("ri_11", "skipped"), SlotSet("ri_12", "skipped")]


def test_ask_action_shows_activity_and_buttons(make_tracker, dispatcher, domain) -> None:
    action = ASK_ACTIONS["ri_3"]()
    assert action.name() == "action_ask_ri_3"
    assert asyncio.run(action.run(dispatcher, make_tracker(slots={"language": "en"}), domain)) == []
    message = dispatcher.messages[0]
    assert message["text"] == f"Question 3 of 12\nWould you like this kind of task?\n{items()[2].text['en']}"
    assert [(b["title"], b["payload"]) for b in message["buttons"]] == [
        ("Like", '/inform{"answer":"like"}'),
        ("Not sure", '/inform{"answer":"unsure"}'),
        ("Dislike", '/inform{"answer":"dislike"}'),
        ("Skip this part", "/skip"),
    ]


def test_twelve_ask_actions() -> None:
    assert sorted(cls().name() for cls in ASK_ACTIONS.values()) == sorted(
        f"action_ask_ri_{n}" for n in range(1, 13)
    )


def _score(make_tracker, dispatcher, domain, slots: dict[str, Any]) -> list[dict[str, Any]]:
    tracker = make_tracker(slots={"language": "sv", **slots})
    return asyncio.run(ActionScoreInterests().run(dispatcher, tracker, domain))


def test_holland_code_is_set_stored_and_explained(make_tracker, dispatcher, domain, session: Session) -> None:
    slots = {
        "ri_2": "like",
        "ri_8": "like",
        "ri_6": "unsure",
        "ri_12": "like",
        "ri_1": "dislike",
        "ri_3": "skipped",
    }
    events = _score(make_tracker, dispatcher, domain, slots)
    assert events == [SlotSet("holland_code", "IC")]
    assert [m["text"] for m in dispatcher.messages] == [explain_holland_code("IC", "sv")]
    row = session.scalars(select(AssessmentResult)).one()
    assert (row.kind, row.holland_code, row.score) == ("riasec", "IC", None)
    assert row.answers["ri_2"] == "like"
    assert row.answers["ri_3"] is None


def test_all_skipped_gives_no_code(make_tracker, dispatcher, domain, database_url) -> None:
    events = _score(make_tracker, dispatcher, domain, {f"ri_{n}": "skipped" for n in range(1, 13)})
    assert events == [SlotSet("holland_code", None)]
    assert [m["text"] for m in dispatcher.messages] == [t("interests.no_code", "sv")]


def test_database_down_still_explains(make_tracker, dispatcher, domain, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing/dir/db.sqlite")
    get_settings.cache_clear()
    get_sessionmaker.cache_clear()
    try:
        events = _score(make_tracker, dispatcher, domain, {"ri_5": "like"})
    finally:
        get_settings.cache_clear()
        get_sessionmaker.cache_clear()
    assert events == [SlotSet("holland_code", "E")]
    assert dispatcher.messages[0]["text"].endswith(t("interests.not_saved", "sv"))
