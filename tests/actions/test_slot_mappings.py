"""action_validate_slot_mappings: a field the person chose is kept (newcomer finding F3c).

The person picked "data"; later, outside the forms, they typed "the software
developer trainee is not for me" and Rasa's entity mapping set field=software.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.slot_mappings import ValidateSlotMappings
from bot.guidance.answers import asks_to_change_field


def _after(
    make_tracker: Callable[..., Tracker],
    dispatcher: CollectingDispatcher,
    domain: Any,
    *,
    earlier: str | None,
    text: str,
    new: str = "software",
    requested_slot: str | None = None,
) -> list[dict[str, Any]]:
    history = [{"event": "slot", "name": "field", "value": earlier}] if earlier else []
    events = [
        *history,
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"intent": {"name": "not_for_me"}}},
        {"event": "slot", "name": "field", "value": new},
    ]
    tracker = make_tracker(
        slots={"language": "en", "field": new, "requested_slot": requested_slot},
        text=text,
        intent="not_for_me",
        events=events,
    )
    return asyncio.run(ValidateSlotMappings().run(dispatcher, tracker, domain))


def test_the_action_has_the_name_rasa_calls(domain: Any) -> None:
    assert ValidateSlotMappings().name() == "action_validate_slot_mappings"
    assert "action_validate_slot_mappings" in domain["actions"]


def test_a_field_named_in_passing_keeps_the_chosen_field(make_tracker, dispatcher, domain) -> None:
    for text in (
        "the software developer trainee is not for me",
        "ohjelmointi ei ole minua varten",
        "programmering är inte för mig",
    ):
        events = _after(make_tracker, dispatcher, domain, earlier="data", text=text)
        assert events == [SlotSet("field", "data")], (text, events)


def test_a_field_not_chosen_yet_is_filled(make_tracker, dispatcher, domain) -> None:
    for earlier in (None, "unsure", "skipped"):
        events = _after(make_tracker, dispatcher, domain, earlier=earlier, text="I like software")
        assert events == [SlotSet("field", "software")]


def test_asking_to_change_field_changes_it(make_tracker, dispatcher, domain) -> None:
    for text in ("I want to change field to software", "vaihdan alaa, ohjelmointi", "jag vill byta område"):
        events = _after(make_tracker, dispatcher, domain, earlier="data", text=text)
        assert events == [SlotSet("field", "software")], text


def test_the_field_question_itself_changes_it(make_tracker, dispatcher, domain) -> None:
    events = _after(make_tracker, dispatcher, domain, earlier="data", text="software", requested_slot="field")
    assert events == [SlotSet("field", "software")]


def test_change_field_phrases() -> None:
    assert asks_to_change_field("Can I change my field?")
    assert not asks_to_change_field("the software developer trainee is not for me")
    assert not asks_to_change_field("something else instead")
