"""action_suggest and action_reject_suggestion: exact events and messages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

import actions.suggestions as suggestions
from actions.suggestions import ActionRejectSuggestion, ActionSuggest
from tests.catalogue_helpers import TODAY, break_database, load_fixed_catalogue

JOB_URL = "https://tyomarkkinatori.fi/henkiloasiakkaat/avoimet-tyopaikat/00000000-0000-0000-0000-{:012d}"
COURSE_URL = "https://opintopolku.fi/konfo/fi/toteutus/1.2.246.562.17.{:020d}"
PROFILE = {
    "language": "en",
    "goal_type": "job",
    "field": "data",
    "city": "Vantaa",
    "timeframe": "now",
    "education_level": "secondary",
    "holland_code": "ICS",
    "skills": ["Excel"],
}
SHOWN = ["job:1", "job:8", "job:4", "course:1", "course:2", "course:7"]


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggestions, "today", lambda: TODAY)


@pytest.fixture()
def catalogue(session: Session) -> None:
    load_fixed_catalogue(session)


def _nfm(sid: str, title: str = "Not for me") -> dict[str, str]:
    return {"title": title, "payload": f'/not_for_me{{"suggestion_id":"{sid}"}}'}


FEEDBACK_TITLES = {"en": ("Useful", "Not useful"), "fi": ("Hyödyllinen", "Ei hyödyllinen")}


def _item(sid: str, lang: str = "en") -> list[dict[str, str]]:
    """A suggestion's buttons: "Not for me", then the one-tap "Useful" / "Not useful"."""
    useful, not_useful = FEEDBACK_TITLES[lang]
    return [_nfm(sid, "Ei minulle" if lang == "fi" else "Not for me")] + [
        {"title": title, "payload": "/give_feedback" + json.dumps(body, separators=(",", ":"))}
        for title, body in (
            (useful, {"target": "suggestion", "item": sid, "useful": True}),
            (not_useful, {"target": "suggestion", "item": sid, "useful": False}),
        )
    ]


NEXT = (
    "When you are ready, we can choose your next steps together.",
    [{"title": "Choose next steps", "payload": "/choose_next_steps"}],
)


def _messages(dispatcher: CollectingDispatcher) -> list[tuple[str, list[dict[str, Any]]]]:
    return [(m["text"], m["buttons"]) for m in dispatcher.messages]


def _run(action: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    return action.run(dispatcher, tracker, {})


@pytest.mark.usefixtures("catalogue")
def test_suggest_shows_three_jobs_then_three_courses(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    events = _run(ActionSuggest(), dispatcher, make_tracker(slots=PROFILE))
    assert events == [SlotSet("shown_suggestions", SHOWN)]
    messages = _messages(dispatcher)
    assert len(messages) == 9  # the rule after action_suggest offers next steps
    assert messages[0] == ("Here are some options that fit what you told me. Take your time.", [])
    assert messages[1] == ("Jobs:", [])
    assert messages[2] == (
        "Job 1, Finnair\n"
        "Why this: it fits your field (data and analytics), it uses your skill: Excel and it is in Vantaa.\n"
        + JOB_URL.format(1),
        _item("job:1"),
    )
    assert [m[1] for m in messages[2:5]] == [_item("job:1"), _item("job:8"), _item("job:4")]
    assert messages[5] == ("Courses and training:", [])
    assert messages[6] == (
        "Course 1 (Haaga-Helia)\n"
        "Why this: it fits your field (data and analytics), it is online and it is free for jobseekers. "
        "You already know some of this (Excel), so ask the school to recognise your prior learning (AHOT).\n"
        + COURSE_URL.format(1),
        _item("course:1"),
    )
    assert [m[1] for m in messages[6:9]] == [_item("course:1"), _item("course:2"), _item("course:7")]
    assert NEXT not in messages


@pytest.mark.usefixtures("catalogue")
def test_suggest_in_finnish_with_little_known_puts_courses_first(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    events = _run(ActionSuggest(), dispatcher, make_tracker(slots={"language": "fi", "goal_type": "skipped"}))
    assert events == [
        SlotSet("shown_suggestions", ["course:1", "course:4", "course:3", "job:8", "job:1", "job:4"])
    ]
    texts = [m[0] for m in _messages(dispatcher)]
    assert texts[0] == "Tiedän sinusta vielä vähän, joten tässä on hyviä vaihtoehtoja alkuun."
    assert texts[1] == "Kursseja ja koulutuksia:"
    assert texts[2].startswith("Kurssi 1 (Haaga-Helia)\nMiksi tämä: se on verkossa")
    assert texts[5] == "Työpaikkoja:"
    assert dispatcher.messages[2]["buttons"] == _item("course:1", "fi")
    assert texts[-1].startswith("Työ")


def test_suggest_with_empty_catalogue_says_so(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    events = _run(ActionSuggest(), dispatcher, make_tracker(slots={"language": "sv", "field": "data"}))
    assert events == [SlotSet("shown_suggestions", [])]
    assert [m[0] for m in _messages(dispatcher)] == [
        "Här är några alternativ som passar det du berättade. Ta den tid du behöver.",
        "Jag hittade inga öppna kurser som passar just nu.",
        "Jag hittade inga lediga jobb som passar just nu.",
    ]


def test_suggest_with_database_down_is_kind_and_sets_nothing(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dispatcher: CollectingDispatcher,
    make_tracker: Callable[..., Tracker],
) -> None:
    break_database(monkeypatch, tmp_path)
    assert _run(ActionSuggest(), dispatcher, make_tracker(slots=PROFILE)) == []
    assert _messages(dispatcher) == [
        (
            "Sorry, I cannot look at the courses and jobs right now. Your answers are safe. "
            "Please try again in a moment.",
            [],
        )
    ]


@pytest.mark.usefixtures("catalogue")
def test_reject_replaces_with_next_best_in_the_same_place(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(
        slots={**PROFILE, "shown_suggestions": SHOWN},
        intent="not_for_me",
        entities=[{"entity": "suggestion_id", "value": "job:8"}],
    )
    events = _run(ActionRejectSuggestion(), dispatcher, tracker)
    assert events == [
        SlotSet("rejected_suggestions", ["job:8"]),
        SlotSet("shown_suggestions", ["job:1", "job:7", "job:4", "course:1", "course:2", "course:7"]),
    ]
    assert _messages(dispatcher) == [
        ("Thank you for telling me. Here is another option:", []),
        (
            "Job 7, Gigantti\nWhy this: it is in Vantaa and it is good for starting out.\n"
            + JOB_URL.format(7),
            _item("job:7"),
        ),
        NEXT,
    ]


@pytest.mark.usefixtures("catalogue")
def test_reject_when_nothing_else_fits_removes_it(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    shown = ["course:1", "course:2", "course:3", "course:4", "course:7", "course:8"]
    tracker = make_tracker(
        slots={"shown_suggestions": shown, "rejected_suggestions": ["course:5"]},
        entities=[{"entity": "suggestion_id", "value": "course:3"}],
    )
    events = _run(ActionRejectSuggestion(), dispatcher, tracker)
    assert events == [
        SlotSet("rejected_suggestions", ["course:5", "course:3"]),
        SlotSet("shown_suggestions", ["course:1", "course:2", "course:4", "course:7", "course:8"]),
    ]
    assert _messages(dispatcher)[0] == (
        "Thank you for telling me. I have no other courses that fit right now.",
        [],
    )


@pytest.mark.usefixtures("catalogue")
def test_typed_not_for_me_without_id_asks_which_one(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(
        slots={"shown_suggestions": ["job:1", "course:2"]}, text="not for me", intent="not_for_me"
    )
    assert _run(ActionRejectSuggestion(), dispatcher, tracker) == []
    assert _messages(dispatcher) == [
        ("Which one is not for you?", [_nfm("job:1", "Job 1"), _nfm("course:2", "Course 2")]),
    ]


@pytest.mark.usefixtures("catalogue")
def test_id_not_shown_is_refused_politely(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(
        slots={"language": "sv", "shown_suggestions": ["job:1"]},
        entities=[{"entity": "suggestion_id", "value": "job:2"}],
    )
    assert _run(ActionRejectSuggestion(), dispatcher, tracker) == []
    assert _messages(dispatcher) == [
        (
            "Jag kan bara byta de alternativ jag just visade. Vilket passar inte dig?",
            [_nfm("job:1", "Jobb 1")],
        )
    ]


def test_reject_before_anything_was_shown(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(entities=[{"entity": "suggestion_id", "value": "job:1"}])
    assert _run(ActionRejectSuggestion(), dispatcher, tracker) == []
    assert _messages(dispatcher) == [
        (
            "I have not shown you any options yet. Would you like to see some?",
            [{"title": "Show me options", "payload": "/ask_courses"}],
        )
    ]


def test_reject_with_database_down_still_records_the_rejection(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dispatcher: CollectingDispatcher,
    make_tracker: Callable[..., Tracker],
) -> None:
    break_database(monkeypatch, tmp_path)
    tracker = make_tracker(
        slots={"shown_suggestions": ["job:1", "course:2"]},
        entities=[{"entity": "suggestion_id", "value": "job:1"}],
    )
    events = _run(ActionRejectSuggestion(), dispatcher, tracker)
    assert events == [SlotSet("rejected_suggestions", ["job:1"]), SlotSet("shown_suggestions", ["course:2"])]
    assert _messages(dispatcher) == [
        (
            "Thank you, I noted that. I cannot find a new option right now. Please try again in a moment.",
            [],
        )
    ]


def test_action_names() -> None:
    assert (ActionSuggest().name(), ActionRejectSuggestion().name()) == (
        "action_suggest",
        "action_reject_suggestion",
    )
