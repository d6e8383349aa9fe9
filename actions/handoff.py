"""Handoff to a human coach: pause the bot, relay coach replies, time out, hand back.

- ``action_handoff_to_coach``: tells the person what happens next (the city's
  contact options and hours), queues the conversation, writes a summary
  (``trigger: "handoff"``), shows it and asks with yes / no buttons whether the
  coach may read it, and returns ``ConversationPaused``. The answer arrives
  while the bot is paused; the dashboard reads it from the tracker
  (``bot.handoff.sync_consent``) and links the summary only after a yes.
  Until then the coach sees the queue entry and the messages since the request.
- ``action_relay_coach_message``: run by the dashboard through Rasa's
  ``/execute`` endpoint; utters the coach replies waiting in ``handoff_messages``.
- ``action_handoff_timeout``: nobody took the request; offers the city's contacts (run
  through ``/execute`` by the worker, ``bot.handoff.expiry``).
- ``action_handoff_resumed``: the coach handed back; the bot says it is back.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from actions.summary import share_buttons
from actions.support import coach_message
from bot import handoff
from bot.catalogue.search import titles_of
from bot.config.cities import city_config
from bot.db import session_scope
from bot.handoff.chat_text import say
from bot.i18n import t
from bot.summaries.service import build_summary, render_summary, save_summary

logger = logging.getLogger(__name__)


class ActionHandoffToCoach(Action):
    """Queue the conversation for a coach of its city and pause the bot."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_handoff_to_coach"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """Message (what happens next + contacts), queue row, ``ConversationPaused``."""
        lang = language_of(tracker)
        city = tracker.get_slot("city")
        minutes = max(1, int(handoff.timeout().total_seconds() // 60))
        slots = dict(tracker.current_slot_values())
        ids = [s for name in ("shown_suggestions", "rejected_suggestions") for s in slots.get(name) or []]
        try:
            with session_scope() as session:
                handoff.enqueue(session, tracker.sender_id, city if city and city != "skipped" else "", lang)
                data = build_summary(
                    slots, tracker.sender_id, titles=titles_of(session, ids), trigger="handoff"
                )
                summary_id = str(save_summary(session, data).id)
        except SQLAlchemyError:
            # No queue without the database: give the city's contacts and keep the bot talking.
            logger.exception("action_handoff_to_coach: could not queue %s", tracker.sender_id)
            dispatcher.utter_message(text=coach_message(city, lang))
            return []
        dispatcher.utter_message(text=say("queued", lang, minutes=minutes) + "\n" + coach_message(city, lang))
        dispatcher.utter_message(text=render_summary(data, lang), summary_id=summary_id)
        dispatcher.utter_message(text=t("summary.ask_share_handoff", lang), buttons=share_buttons(lang))
        return [SlotSet("summary_id", summary_id), ConversationPaused()]


class ActionRelayCoachMessage(Action):
    """Utter the coach's replies that are not delivered yet (the bot stays paused)."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_relay_coach_message"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """One bot message per waiting reply; no events."""
        with session_scope() as session:
            texts = handoff.pop_undelivered(session, tracker.sender_id)
        for text in texts:
            dispatcher.utter_message(text=text)
        return []


class ActionHandoffTimeout(Action):
    """Nobody took the request in time: apologise and give the city's other contact options."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_handoff_timeout"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """Timeout text with phone, hours and web address of the city's employment service."""
        lang = language_of(tracker)
        service = city_config(tracker.get_slot("city")).service(lang)
        contacts = " · ".join(v for v in (service["phone"], service["hours"], service["url"]) if v)
        dispatcher.utter_message(text=f"{say('timeout', lang)} {service['name']}: {contacts}")
        return []


class ActionHandoffResumed(Action):
    """The coach handed the conversation back: say so (the dashboard already appended ``resume``)."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_handoff_resumed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """One message in the conversation language."""
        dispatcher.utter_message(text=say("resumed", language_of(tracker)))
        return []
