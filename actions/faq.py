"""FAQ: ``action_answer_faq`` answers a short factual question (intent ``ask_faq``).

The answer comes from :mod:`bot.faq` (``bot/faq/faq.yml`` with the city's
overrides) in the conversation language. Inside a form the rule then runs the
form again, which asks its question again.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import language_of
from actions.forms import latest_text
from bot import faq


class ActionAnswerFaq(Action):
    """Send the FAQ answer that fits the latest message; no events."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_answer_faq"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """One message with the answer; see the module docstring."""
        city = tracker.get_slot("city")
        found = faq.answer(
            latest_text(tracker),
            language_of(tracker),
            city=city if isinstance(city, str) and city not in ("online", "skipped") else None,
        )
        dispatcher.utter_message(text=found.text)
        return []
