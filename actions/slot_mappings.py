"""``action_validate_slot_mappings``: slots Rasa fills outside a form.

Rasa runs this action after it extracts slots from a message (its default
``action_extract_slots``). The ``field`` entity fills the ``field`` slot
outside the forms too, so that a first message ("haluan data-alalle")
counts; but a field the person already chose is kept when a later message
only names another one in passing ("the software developer trainee is not
for me"), as docs/conversation.md says. Asking to change it ("I'd rather
change field to data", "vaihdan alaa") or answering the field question
itself still changes it.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions.forms import latest_text
from actions.goals import _value_before_latest_message
from bot.guidance import answers
from bot.guidance.vocabulary import SKIPPED, UNSURE


class ValidateSlotMappings(ValidationAction):
    """Keep a chosen field unless the person asks to change it."""

    def domain_slots(self, domain: DomainDict) -> list[str]:
        """``field``: its entity mapping has an ``active_loop: null`` condition, so rasa-sdk
        would not count it as a slot filled outside forms."""
        return ["field"]

    def validate_field(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The new field, or the one chosen before this message when this message
        names a field only in passing."""
        earlier = _value_before_latest_message(tracker, "field")
        if earlier in (None, UNSURE, SKIPPED) or earlier == slot_value:
            return {"field": slot_value}
        asked = tracker.get_slot("requested_slot") == "field"
        if asked or answers.asks_to_change_field(latest_text(tracker)):
            return {"field": slot_value}
        return {"field": earlier}
