"""Handoff to a human coach: queue with a visible place, relay labelled replies, time out, hand back.

Messages the widget shows in a special way are uttered as custom data only
(one socket.io message): ``{"data": {"text": ..., "buttons": [...]?, "digipoint":
{"from": "bot" | "coach", "kind": ..., "name": ...}}}`` with kind
``queue`` (``position``, ``minutes``: the waiting banner), ``joined``, ``left``,
``timeout`` (notices) or ``reply`` (a coach's message, ``name`` = the coach's
display name or None). ``widget/src/handoff.js`` renders them.

- ``action_handoff_to_coach``: outside the city's office hours
  (:mod:`bot.handoff.office_hours`) it says when coaches answer and offers
  "contact me" (``/request_contact``) with the city's contacts, and does not
  queue. Otherwise it queues the conversation, says the person can keep
  writing (the coach sees it) and shows their place and estimated wait, writes
  the handoff summary and asks whether the coach may read it, and pauses the bot.
  When the person already answered about a summary with the same plan in this
  conversation (:func:`bot.handoff.consent.answered_summary`), it writes none and
  only says the coach can read the shared summary, or that it stays private.
- ``action_handoff_queue_status``: the place or the estimate changed (run by the
  worker through ``/execute``, :mod:`bot.handoff.waiting`).
- ``action_handoff_joined``: a coach took the request (run by ``handoff.take``).
- ``action_relay_coach_message``: utters the coach replies waiting in ``handoff_messages``.
- ``action_handoff_timeout``: nobody took the request; offers "contact me" and the
  city's contacts (run by the worker, ``bot.handoff.expiry``).
- ``action_handoff_resumed``: the coach handed back: "the coach has left", then
  H4's "was the coach's help useful?" (``actions.feedback.ask_handoff_feedback``).
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
from actions.feedback import ask_handoff_feedback
from actions.suggestions import answer_to_which_one
from actions.summary import share_buttons
from actions.support import coach_message
from bot import handoff
from bot.catalogue.search import titles_of
from bot.coach.accounts import display_name_of
from bot.config.cities import city_config
from bot.db import session_scope
from bot.handoff import waiting
from bot.handoff.chat_text import say
from bot.handoff.consent import answered_summary
from bot.handoff.office_hours import coaches_on_duty, hours_of
from bot.i18n import t
from bot.summaries.service import build_summary, render_summary, save_summary

logger = logging.getLogger(__name__)


def custom(text: str, kind: str, sender: str = "bot", buttons: list[dict[str, str]] | None = None,
           **extra: Any) -> dict[str, Any]:
    """The ``json_message`` of a widget message (see the module docstring)."""
    data: dict[str, Any] = {"text": text, "digipoint": {"from": sender, "kind": kind, **extra}}
    if buttons:
        data["buttons"] = buttons
    return {"data": data}


def city_of(tracker: Tracker) -> str:
    """The conversation's city slot, "" when unknown or skipped."""
    city = tracker.get_slot("city")
    return city if city and city != "skipped" else ""


def contacts_line(city: str, lang: str) -> tuple[str, str]:
    """(service name, "phone · hours · web address") of the city's employment service."""
    service = city_config(city).service(lang)
    return service["name"], " · ".join(v for v in (service["phone"], service["hours"], service["url"]) if v)


def offer_buttons(lang: str) -> list[dict[str, str]]:
    """The one "Yes, contact me" button (payload ``/request_contact``)."""
    return [{"title": say("offer_button", lang), "payload": "/request_contact"}]


def offer_text(city: str, lang: str) -> str:
    """"A coach can contact you later ... or contact <service>: <contacts>"."""
    service, contacts = contacts_line(city, lang)
    return say("offer", lang, service=service, contacts=contacts)


def queue_text(status: waiting.Status, lang: str) -> str:
    """"You are next in the queue ..." or "You are number N in the queue ..."."""
    if status.position <= 1:
        return say("queue_next", lang, minutes=status.minutes)
    return say("queue_place", lang, position=status.position, minutes=status.minutes)


class ActionHandoffToCoach(Action):
    """Queue the conversation for a coach of its city and pause the bot (or offer contact-me)."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_handoff_to_coach"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """Closed: hours + offer. Open: notice, queue place, summary, consent question, pause.

        A job or course title typed as the answer to "Which one is not for you?"
        that reads like a request for a person ("service desk agent") rejects that
        suggestion instead (:func:`actions.suggestions.answer_to_which_one`).
        """
        lang = language_of(tracker)
        answer = answer_to_which_one(tracker, lang)
        if answer is not None:
            return list(answer.handle(dispatcher, tracker, lang, offer_next_steps=True))
        city = city_of(tracker)
        if not coaches_on_duty(city):
            closed = say("closed", lang, hours=hours_of(city).describe(lang))
            dispatcher.utter_message(text=f"{closed} {offer_text(city, lang)}", buttons=offer_buttons(lang))
            return []
        slots = dict(tracker.current_slot_values())
        ids = [s for name in ("shown_suggestions", "rejected_suggestions") for s in slots.get(name) or []]
        try:
            with session_scope() as session:
                request = handoff.enqueue(session, tracker.sender_id, city, lang)
                status = waiting.status(session, request)
                request.told_position, request.told_minutes = status.position, status.minutes
                data = build_summary(
                    slots, tracker.sender_id, titles=titles_of(session, ids), trigger="handoff"
                )
                answered = answered_summary(session, slots.get("summary_id"), tracker.sender_id, data)
                # Already answered and the plan is the same: keep that summary and its answer.
                shared = None if answered is None else bool(answered.consent_to_share)
                summary_id = str(answered.id if answered is not None else save_summary(session, data).id)
        except SQLAlchemyError:
            # No queue without the database: give the city's contacts and keep the bot talking.
            logger.exception("action_handoff_to_coach: could not queue %s", tracker.sender_id)
            dispatcher.utter_message(text=coach_message(city, lang))
            return []
        dispatcher.utter_message(text=say("queued", lang) + "\n" + coach_message(city, lang))
        dispatcher.utter_message(
            json_message=custom(queue_text(status, lang), "queue", position=status.position,
                                minutes=status.minutes)
        )
        if shared is not None:
            key = "summary.handoff_already_shared" if shared else "summary.handoff_already_private"
            dispatcher.utter_message(text=t(key, lang))
            return [ConversationPaused()]
        dispatcher.utter_message(text=render_summary(data, lang), summary_id=summary_id)
        dispatcher.utter_message(text=t("summary.ask_share_handoff", lang), buttons=share_buttons(lang))
        return [SlotSet("summary_id", summary_id), ConversationPaused()]


class ActionHandoffQueueStatus(Action):
    """Tell a waiting person their new place in the queue and wait (only if it changed)."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_handoff_queue_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """One ``queue`` message; nothing when the request is no longer waiting or nothing changed."""
        lang = language_of(tracker)
        with session_scope() as session:
            request = handoff.latest_request(session, tracker.sender_id)
            if request is None or request.status != "waiting":
                return []
            status = waiting.status(session, request)
            if (status.position, status.minutes) == (request.told_position, request.told_minutes):
                return []
            request.told_position, request.told_minutes = status.position, status.minutes
        dispatcher.utter_message(
            json_message=custom(queue_text(status, lang), "queue", position=status.position,
                                minutes=status.minutes)
        )
        return []


class ActionHandoffJoined(Action):
    """A coach took the request: "Anna, a coach, has joined the chat"."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_handoff_joined"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """One ``joined`` notice with the coach's display name when they gave one."""
        lang = language_of(tracker)
        with session_scope() as session:
            request = handoff.latest_request(session, tracker.sender_id)
            name = display_name_of(session, request.taken_by) if request else None
        text = say("joined_named", lang, name=name) if name else say("joined", lang)
        dispatcher.utter_message(json_message=custom(text, "joined", name=name))
        return []


class ActionRelayCoachMessage(Action):
    """Utter the coach's undelivered replies, labelled as the coach's (the bot stays paused)."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_relay_coach_message"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """One ``reply`` message (from coach, with their display name) per waiting reply; no events."""
        with session_scope() as session:
            replies = handoff.pop_undelivered_replies(session, tracker.sender_id)
            names = {author: display_name_of(session, author) for _text, author in replies}
        for text, author in replies:
            dispatcher.utter_message(json_message=custom(text, "reply", sender="coach", name=names[author]))
        return []


class ActionHandoffTimeout(Action):
    """Nobody took the request in time: apologise, offer contact-me and the city's contacts."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_handoff_timeout"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """One ``timeout`` message with the "Yes, contact me" button."""
        lang = language_of(tracker)
        city = city_of(tracker)
        text = f"{say('timeout', lang)} {offer_text(city, lang)}"
        dispatcher.utter_message(json_message=custom(text, "timeout", buttons=offer_buttons(lang)))
        return []


class ActionHandoffResumed(Action):
    """The coach handed the conversation back: "the coach has left" (``resume`` is already appended)."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_handoff_resumed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """One ``left`` notice, then "Was the coach's help useful?" (Yes / No, actions/feedback.py)."""
        lang = language_of(tracker)
        dispatcher.utter_message(json_message=custom(say("left", lang), "left"))
        ask_handoff_feedback(dispatcher, lang)
        return []
