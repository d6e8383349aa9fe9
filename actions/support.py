"""Support: ``action_handle_distress`` and the coach contact text of the handoff.

Both read the city's contact details from bot/contract/cities/<slug>.yml (the
default entry when no city is known) and answer in the conversation
language. Neither changes a slot, so a form in progress resumes.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import language_of
from bot.support_messages import coach_message, distress_message

__all__ = ["ActionHandleDistress", "coach_message", "distress_message"]


class ActionHandleDistress(Action):
    """Safety net for distress: a calm message with 112 and the crisis line."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_handle_distress"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """One message; no events."""
        dispatcher.utter_message(text=distress_message(tracker.get_slot("city"), language_of(tracker)))
        return []
