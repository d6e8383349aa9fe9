"""validate_next_steps_form and action_ask_next_step_pick: exact events and messages."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.next_steps import ActionAskNextStepPick, ValidateNextStepsForm
from tests.catalogue_helpers import break_database, load_fixed_catalogue

SHOWN = ["job:1", "course:2"]
DOMAIN: dict[str, Any] = {
    "forms": {"next_steps_form": {"required_slots": ["next_step_pick"]}},
    "slots": {"next_step_pick": {"type": "text", "mappings": [{"type": "from_text"}]}},
}


@pytest.fixture()
def catalogue(session: Session) -> None:
    load_fixed_catalogue(session)


def _button(key: str, title: str) -> dict[str, str]:
    return {"title": title, "payload": f'/inform{{"answer":"{key}"}}'}


def _pick(
    make_tracker: Callable[..., Tracker],
    text: str,
    *,
    answer: str | None = None,
    picked: list[str] | None = None,
    language: str = "en",
) -> Tracker:
    return make_tracker(
        slots={
            "language": language,
            "shown_suggestions": SHOWN,
            "next_steps": picked,
            "next_step_pick": text,
        },
        text=text,
        entities=[{"entity": "answer", "value": answer}] if answer else [],
        active_loop="next_steps_form",
        events=[{"event": "slot", "name": "next_step_pick", "value": text}],
    )


def _validate(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    return asyncio.run(ValidateNextStepsForm().run(dispatcher, tracker, DOMAIN))


def _texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["text"] for m in dispatcher.messages]


@pytest.mark.usefixtures("catalogue")
def test_first_question_lists_suggestion_and_general_options(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(slots={"shown_suggestions": SHOWN})
    assert ActionAskNextStepPick().run(dispatcher, tracker, DOMAIN) == []
    assert (
        dispatcher.messages[0]["text"]
        == "What would you like to do next? Pick one step. You can pick up to 3."
    )
    assert dispatcher.messages[0]["buttons"] == [
        _button("apply:course:2", "Apply to Course 2"),
        _button("look:job:1", "Look at the job Job 1"),
        _button("coach", "Talk with a coach"),
        _button("cv", "Update my CV"),
        _button("employment_services", "Visit the city's employment services"),
    ]


@pytest.mark.usefixtures("catalogue")
def test_later_question_leaves_out_picked_and_offers_thats_all(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(
        slots={"language": "fi", "shown_suggestions": SHOWN, "next_steps": ["cv", "look:job:1"]}
    )
    ActionAskNextStepPick().run(dispatcher, tracker, DOMAIN)
    assert dispatcher.messages[0]["text"] == "Hyvä valinta. Haluatko lisätä vielä yhden askeleen?"
    assert dispatcher.messages[0]["buttons"] == [
        _button("apply:course:2", "Hae koulutukseen: Kurssi 2"),
        _button("coach", "Juttele ohjaajan kanssa"),
        _button("employment_services", "Käy kaupungin työllisyyspalveluissa"),
        _button("done", "Siinä kaikki"),
    ]


def test_question_with_database_down_offers_general_steps(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dispatcher: CollectingDispatcher,
    make_tracker: Callable[..., Tracker],
) -> None:
    break_database(monkeypatch, tmp_path)
    ActionAskNextStepPick().run(dispatcher, make_tracker(slots={"shown_suggestions": SHOWN}), DOMAIN)
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        '/inform{"answer":"coach"}',
        '/inform{"answer":"cv"}',
        '/inform{"answer":"employment_services"}',
    ]


@pytest.mark.usefixtures("catalogue")
def test_button_pick_is_added_and_the_form_asks_again(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = _pick(make_tracker, '/inform{"answer":"apply:course:2"}', answer="apply:course:2")
    # The same question slot asks the step's due date next (issue 15, tests/actions/test_followup_actions.py).
    assert _validate(dispatcher, tracker) == [
        SlotSet("next_step_pick", None),
        SlotSet("next_steps", ["apply:course:2"]),
        SlotSet("next_step_due_for", "apply:course:2"),
    ]
    assert _texts(dispatcher) == ["Added: Apply to Course 2."]


@pytest.mark.usefixtures("catalogue")
def test_typed_picks_are_matched(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    assert _validate(dispatcher, _pick(make_tracker, "i should update my cv", picked=["coach"])) == [
        SlotSet("next_step_pick", None),
        SlotSet("next_steps", ["coach", "cv"]),
        SlotSet("next_step_due_for", "cv"),
    ]
    assert _validate(dispatcher, _pick(make_tracker, "katso työ 1", language="fi")) == [
        SlotSet("next_step_pick", None),
        SlotSet("next_steps", ["look:job:1"]),
        SlotSet("next_step_due_for", "look:job:1"),
    ]
    assert _texts(dispatcher) == ["Added: Update my CV.", "Lisätty: Katso työpaikka: Työ 1."]


@pytest.mark.usefixtures("catalogue")
def test_third_pick_ends_the_form(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    # Issue 15: the third pick still asks its due date; the form ends with that answer.
    tracker = _pick(make_tracker, "coach", answer="coach", picked=["cv", "look:job:1"])
    assert _validate(dispatcher, tracker) == [
        SlotSet("next_step_pick", None),
        SlotSet("next_steps", ["cv", "look:job:1", "coach"]),
        SlotSet("next_step_due_for", "coach"),
    ]
    assert _texts(dispatcher) == ["Added: Talk with a coach."]
    tracker = _pick(make_tracker, "due:none", answer="due:none", picked=["cv", "look:job:1", "coach"])
    tracker.slots["next_step_due_for"] = "coach"
    assert _validate(dispatcher, tracker) == [
        SlotSet("next_step_pick", "coach"),
        SlotSet("next_step_dues", {"coach": None}),
        SlotSet("next_step_due_for", None),
    ]
    assert _texts(dispatcher)[1:] == ["That's fine, no date for now.", "That makes 3 steps. Well done!"]


@pytest.mark.usefixtures("catalogue")
def test_thats_all_ends_the_form_after_one_pick(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    assert _validate(dispatcher, _pick(make_tracker, "That's all", picked=["cv"])) == [
        SlotSet("next_step_pick", "done")
    ]
    assert _texts(dispatcher) == []


@pytest.mark.usefixtures("catalogue")
def test_thats_all_without_any_pick_asks_for_one(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = _pick(make_tracker, '/inform{"answer":"done"}', answer="done", language="sv")
    assert _validate(dispatcher, tracker) == [SlotSet("next_step_pick", None)]
    assert _texts(dispatcher) == ["Välj minst ett litet steg. Vilket som helst går bra."]


@pytest.mark.usefixtures("catalogue")
@pytest.mark.parametrize("text", ["banana", "🙂", '/inform{"answer":"rm -rf"}', "x" * 300])
def test_unclear_answers_are_asked_again(
    text: str, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    answer = "rm -rf" if text.startswith("/inform") else None
    assert _validate(dispatcher, _pick(make_tracker, text, answer=answer)) == [
        SlotSet("next_step_pick", None)
    ]
    assert _texts(dispatcher) == [
        "Sorry, I did not get that. Please tap one of the buttons, or write its number."
    ]


@pytest.mark.usefixtures("catalogue")
def test_picking_the_same_step_twice_is_explained(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    assert _validate(dispatcher, _pick(make_tracker, "cv", answer="cv", picked=["cv"])) == [
        SlotSet("next_step_pick", None)
    ]
    assert _texts(dispatcher) == ["You already picked that one. You can pick another, or say that's all."]


def test_action_names() -> None:
    assert ActionAskNextStepPick().name() == "action_ask_next_step_pick"
    assert ValidateNextStepsForm().name() == "validate_next_steps_form"
