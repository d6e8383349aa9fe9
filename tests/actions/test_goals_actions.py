"""validate_goal_form: parsing, button answers, skips, prefilled values, background matching."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.goals import ValidateGoalForm
from bot.catalogue.importers.esco import import_esco_csv
from bot.contract.city_texts import served_cities
from bot.i18n import t
from tests.importers.conftest import FIXTURES

ESCO_FIXTURES = FIXTURES / "esco"


def _slot_events(values: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"event": "action", "name": "action_listen"}] + [
        {"event": "slot", "name": name, "value": value} for name, value in values.items()
    ]


def _run(
    make_tracker: Callable[..., Tracker],
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
    *,
    new: dict[str, Any],
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = "inform",
    entities: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    all_slots = {"language": "en", **(slots or {}), **new}
    tracker = make_tracker(
        slots=all_slots,
        text=text,
        intent=intent,
        entities=entities,
        events=_slot_events(new),
        active_loop="goal_form",
    )
    return asyncio.run(ValidateGoalForm().run(dispatcher, tracker, domain))


def test_button_answer_entity_wins_over_raw_text(make_tracker, dispatcher, domain) -> None:
    payload = '/inform{"answer":"both"}'
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"goal_type": payload},
        slots={"requested_slot": "goal_type"},
        text=payload,
        entities=[{"entity": "answer", "value": "both"}],
    )
    assert events == [SlotSet("goal_type", "both")]
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("slot", "text", "expected"),
    [
        ("goal_type", "mä haluun töihin", "job"),
        ("field", "koodausta", "software"),
        ("city", "Espoossa", "Espoo"),
        ("city", "i Esbo", "Espoo"),
        ("city", "etänä", "online"),
        ("timeframe", "heti", "now"),
        ("education_level", "amk", "bachelor"),
    ],
)
def test_free_text_answers_are_parsed(make_tracker, dispatcher, domain, slot, text, expected) -> None:
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={slot: text},
        slots={"requested_slot": slot, "language": "fi"},
        text=text,
    )
    assert events == [SlotSet(slot, expected)]


def test_invalid_city_is_asked_again_with_help(make_tracker, dispatcher, domain) -> None:
    events = _run(
        make_tracker, dispatcher, domain, new={"city": "Atlantis"}, slots={"requested_slot": "city"},
        text="Atlantis",
    )
    assert events == [SlotSet("city", None)]
    assert [m["text"] for m in dispatcher.messages] == [t("goals.invalid_city", "en", **served_cities("en"))]


@pytest.mark.parametrize("text", ["Oulu", "asun Oulussa", "Tampereella"])
def test_a_city_not_served_is_told_what_works_and_goes_on_online(
    make_tracker, dispatcher, domain, text
) -> None:
    """Issue 12: a place DigiPoint does not serve is not ignored (served cities, online, national search)."""
    events = _run(
        make_tracker, dispatcher, domain, new={"city": text}, slots={"requested_slot": "city"}, text=text
    )
    assert events == [SlotSet("city", "online")]
    (message,) = [m["text"] for m in dispatcher.messages]
    assert "Turku, Espoo, Helsinki and Vantaa" in message and "tyomarkkinatori.fi" in message


def test_invalid_prefilled_city_is_validated_when_the_form_starts(make_tracker, dispatcher, domain) -> None:
    # Rasa's form activation re-sends prefilled slots for validation.
    events = _run(make_tracker, dispatcher, domain, new={"city": "Atlantis"}, slots={"language": "fi"})
    assert events == [SlotSet("city", None)]
    assert [m["text"] for m in dispatcher.messages] == [t("goals.invalid_city", "fi", **served_cities("fi"))]


def test_invalid_city_from_an_earlier_message_is_caught_too(make_tracker, dispatcher, domain) -> None:
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"goal_type": "a job"},
        slots={"requested_slot": "goal_type", "city": "Atlantis"},
        text="a job",
    )
    assert events == [SlotSet("goal_type", "job"), SlotSet("city", None)]
    assert [m["text"] for m in dispatcher.messages] == [t("goals.invalid_city", "en", **served_cities("en"))]


def test_typed_payload_cannot_bypass_validation(make_tracker, dispatcher, domain) -> None:
    text = '/inform{"city":"Atlantis"}'
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"city": "Atlantis"},
        slots={"requested_slot": "city"},
        text=text,
        entities=[{"entity": "city", "value": "Atlantis"}],
    )
    assert events == [SlotSet("city", None)]


@pytest.mark.parametrize("text", ["skip", "not now", "I don't know", "en tiiä", "hoppa över"])
def test_skip_phrases_store_skipped(make_tracker, dispatcher, domain, text) -> None:
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"timeframe": text},
        slots={"requested_slot": "timeframe"},
        text=text,
    )
    assert events == [SlotSet("timeframe", "skipped")]


def test_skip_intent_with_unknown_words_stores_skipped(make_tracker, dispatcher, domain) -> None:
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"field": "pass on this one"},
        slots={"requested_slot": "field"},
        text="pass on this one",
        intent="skip",
    )
    assert events == [SlotSet("field", "skipped")]


def test_unclear_goal_type_gets_help(make_tracker, dispatcher, domain) -> None:
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"goal_type": "🦄"},
        slots={"requested_slot": "goal_type"},
        text="🦄",
    )
    assert events == [SlotSet("goal_type", None)]
    assert [m["text"] for m in dispatcher.messages] == [t("goals.invalid_goal_type", "en")]


@pytest.mark.parametrize("slot", ["goal_type", "city", "timeframe", "background"])
def test_the_menus_next_steps_button_during_the_goal_questions_says_they_come_later(
    make_tracker, dispatcher, domain, slot
) -> None:
    # The help menu offers "Choose next steps" while goal_form is open (the widget opens with it).
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={slot: "/choose_next_steps"},
        slots={"requested_slot": slot, "language": "fi"},
        text="/choose_next_steps",
        intent="choose_next_steps",
    )
    assert events == [SlotSet(slot, None)]  # the form asks its question again
    assert [m["text"] for m in dispatcher.messages] == [t("next_steps.after_questions", "fi")]


def test_typed_next_steps_words_in_the_background_are_an_answer(make_tracker, dispatcher, domain) -> None:
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"background": "valitsen seuraavat askeleet myöhemmin"},
        slots={"requested_slot": "background"},
        text="valitsen seuraavat askeleet myöhemmin",
        intent="choose_next_steps",
    )
    assert SlotSet("background", "valitsen seuraavat askeleet myöhemmin") in events
    assert t("next_steps.after_questions", "en") not in [m["text"] for m in dispatcher.messages]


def _background_said(make_tracker, dispatcher, domain, text: str, confidence: float) -> list[dict[str, Any]]:
    tracker = make_tracker(
        slots={"language": "en", "requested_slot": "background", "background": text},
        text=text,
        intent="goodbye",
        events=_slot_events({"background": text}),
        active_loop="goal_form",
    )
    tracker.latest_message["intent"]["confidence"] = confidence
    return asyncio.run(ValidateGoalForm().run(dispatcher, tracker, domain))


def test_a_background_the_classifier_reads_as_goodbye_is_an_answer(make_tracker, dispatcher, domain) -> None:
    """A newcomer's "office cleaning, fixing phones" (goodbye 0.42) got "Bye for now"."""
    events = _background_said(make_tracker, dispatcher, domain, "office cleaning, fixing phones", 0.42)
    assert SlotSet("background", "office cleaning, fixing phones") in events
    assert not any(m.get("response") == "utter_goodbye" for m in dispatcher.messages)


def test_a_short_sure_goodbye_at_the_background_question_is_a_goodbye(
    make_tracker, dispatcher, domain
) -> None:
    events = _background_said(make_tracker, dispatcher, domain, "ok bye", 0.97)
    assert events == [SlotSet("background", None)]  # the question stays open
    assert [m.get("response") for m in dispatcher.messages] == ["utter_goodbye"]


def test_background_fills_skills_and_occupations(make_tracker, dispatcher, domain) -> None:
    text = "Olen tehnyt asiakaspalvelua ja opiskellut ohjelmointia. Haluan data-analyytikoksi."
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"background": text},
        slots={"requested_slot": "background", "language": "fi", "skills": ["Python"]},
        text=text,
    )
    assert events == [
        SlotSet("background", text),
        SlotSet("skills", ["Python", "customer service", "programming"]),
        SlotSet("occupations", ["data analyst"]),
    ]
    expected = t("goals.background_terms", "fi", terms="asiakaspalvelu, ohjelmointi, data-analyytikko")
    assert [m["text"] for m in dispatcher.messages] == [expected]


def test_background_is_cut_to_500_characters(make_tracker, dispatcher, domain) -> None:
    text = "word " * 2000
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"background": text},
        slots={"requested_slot": "background"},
        text=text,
    )
    assert len(events[0]["value"]) <= 500
    assert events[1:] == [SlotSet("skills", []), SlotSet("occupations", [])]
    assert [m["text"] for m in dispatcher.messages] == [t("goals.background_thanks", "en")]


def test_skipped_background_sets_no_skills(make_tracker, dispatcher, domain) -> None:
    events = _run(
        make_tracker, dispatcher, domain, new={"background": "ohita"}, slots={"requested_slot": "background"}
    )
    assert events == [SlotSet("background", "skipped")]


def test_language_is_guessed_when_the_page_gave_none(make_tracker, dispatcher, domain) -> None:
    tracker = make_tracker(
        slots={"requested_slot": "goal_type", "goal_type": "jag söker jobb"},
        text="jag söker jobb",
        events=_slot_events({"goal_type": "jag söker jobb"}),
        active_loop="goal_form",
    )
    events = asyncio.run(ValidateGoalForm().run(dispatcher, tracker, domain))
    assert events == [SlotSet("language", "sv"), SlotSet("goal_type", "job")]


def test_no_language_guess_from_a_button_payload(make_tracker, dispatcher, domain) -> None:
    payload = '/inform{"answer":"job"}'
    tracker = make_tracker(
        slots={"requested_slot": "goal_type", "goal_type": payload},
        text=payload,
        entities=[{"entity": "answer", "value": "job"}],
        events=_slot_events({"goal_type": payload}),
        active_loop="goal_form",
    )
    assert asyncio.run(ValidateGoalForm().run(dispatcher, tracker, domain)) == [SlotSet("goal_type", "job")]


def test_background_finds_esco_occupations_from_the_database(
    make_tracker, dispatcher, domain, session, database_url, use_esco
) -> None:
    import_esco_csv(session, ESCO_FIXTURES)
    session.commit()
    use_esco(database_url)
    text = "Olen ollut erikoissairaanhoitajana ja haluan helpdesk-asiantuntijaksi."
    events = _run(
        make_tracker,
        dispatcher,
        domain,
        new={"background": text},
        slots={"requested_slot": "background", "language": "fi"},
        text=text,
    )
    assert events == [
        SlotSet("background", text),
        SlotSet("skills", ["IT support"]),
        SlotSet("occupations", ["specialist nurse", "ICT help desk agent"]),
    ]
    expected = t("goals.background_terms", "fi", terms="it-tuki, erikoissairaanhoitaja, IT-tukihenkilö")
    assert [m["text"] for m in dispatcher.messages] == [expected]


def _answer_after_choosing_field(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher, domain: Any, earlier: str | None
) -> list[dict[str, Any]]:
    """Background "ohjelmointia" (field entity software) after the person chose ``earlier``."""
    text = "Olen tehnyt ohjelmointia Pythonilla."
    history = [{"event": "slot", "name": "field", "value": earlier}] if earlier else []
    events = [
        *history,
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"intent": {"name": "inform"}}},
        {"event": "slot", "name": "background", "value": text},
        {"event": "slot", "name": "field", "value": "software"},
    ]
    tracker = make_tracker(
        slots={"language": "fi", "requested_slot": "background", "background": text, "field": "software"},
        text=text,
        events=events,
        active_loop="goal_form",
    )
    return asyncio.run(ValidateGoalForm().run(dispatcher, tracker, domain))


def test_a_field_named_in_the_background_does_not_replace_the_chosen_field(make_tracker, dispatcher, domain):
    events = _answer_after_choosing_field(make_tracker, dispatcher, domain, "data")
    assert SlotSet("field", "data") in events and SlotSet("field", "software") not in events


def test_a_field_named_in_the_background_fills_a_field_not_chosen_yet(make_tracker, dispatcher, domain):
    for earlier in (None, "unsure"):
        events = _answer_after_choosing_field(make_tracker, dispatcher, domain, earlier)
        assert SlotSet("field", "software") in events


def test_an_unreadable_city_answer_names_the_served_cities(make_tracker, dispatcher, domain) -> None:
    """Found by a new user: 'asdfgh' at the city question got only 'I can't help with that'."""
    tracker = make_tracker(
        slots={"language": "fi", "requested_slot": "city"}, text="asdfgh", intent="out_of_scope"
    )
    events = ValidateGoalForm().validate_city("asdfgh", dispatcher, tracker, domain)
    assert events == {"city": None}
    assert dispatcher.messages[0]["response"] == "utter_out_of_scope"
    assert "Turussa, Espoossa, Helsingissä ja Vantaalla" in dispatcher.messages[1]["text"]
