"""One-tap feedback: ``action_give_feedback`` and ``action_ask_chat_feedback`` (docs/conversation.md).

- Each suggestion carries "Useful" / "Not useful" buttons
  (:func:`bot.feedback.taps.feedback_buttons`), the end of the chat asks
  "was this chat useful?" (``action_ask_chat_feedback``, after the summary
  consent and after a goodbye), and after a handoff the handoff action calls
  :func:`ask_handoff_feedback`. Every tap is the payload
  ``/give_feedback{"target": ..., "item": ..., "useful": true|false}``.
- ``action_give_feedback`` stores the tap (anonymous: city, kind, item, day),
  thanks the person in one short line and returns ``UserUtteranceReverted``
  and ``FollowupAction("action_listen")``: the tap leaves no trace in the
  dialogue state and no policy predicts anything after it, so the
  conversation goes on exactly where it was (a form keeps its question, "yes"
  still answers the question before the tap, a tap right after a hand-back
  that the dashboard ran through ``/execute`` gets no fallback reply). The
  slot ``feedback_given`` (key -> row id) is set after the revert, so a
  second tap on the same item changes that row.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from actions.followup import REMIND_PAYLOAD, offer_this_turn
from actions.session import metadata_city
from bot.db import session_scope
from bot.feedback.store import record
from bot.feedback.taps import BadTapError, feedback_buttons, read_tap
from bot.guidance.vocabulary import CITIES
from bot.i18n import t

logger = logging.getLogger(__name__)

GIVEN_SLOT = "feedback_given"


def back_to_where_it_was(*events: EventType) -> list[EventType]:
    """Revert the tap, add ``events`` after the revert, then listen (no policy is asked)."""
    return [UserUtteranceReverted(), *events, FollowupAction("action_listen")]


def today() -> date:
    """The day stored with a tap (tests replace this)."""
    return date.today()


def conversation_city(tracker: Tracker) -> str:
    """The city counted with a tap: the ``city`` slot when it is a city, else the page's city, else ""."""
    city = tracker.get_slot("city")
    if isinstance(city, str) and city in CITIES:
        return city
    metadata = tracker.latest_message.get("metadata") or {}
    return metadata_city(metadata.get("city")) or ""


def given(tracker: Tracker) -> dict[str, int]:
    """The ``feedback_given`` slot as {key: row id}; anything malformed is dropped."""
    value = tracker.get_slot(GIVEN_SLOT)
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, int)}


def ask_handoff_feedback(dispatcher: CollectingDispatcher, lang: str) -> None:
    """Utter "Was the coach's help useful?" with Yes / No buttons (for the hand-back action)."""
    dispatcher.utter_message(text=t("feedback.ask_handoff", lang), buttons=feedback_buttons("handoff", lang))


class ActionGiveFeedback(Action):
    """Store a feedback tap, thank the person, and leave the dialogue where it was.

    Events: ``[UserUtteranceReverted(), FollowupAction("action_listen")]``
    with, when stored, ``SlotSet("feedback_given", {..., key: row_id})``
    between the two. A payload with a
    wrong target, item or answer stores nothing and says so; a database
    fault stores nothing, thanks the person anyway and logs one line.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_give_feedback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Read, store, thank; see class docstring."""
        lang = language_of(tracker)
        try:
            tap = read_tap(tracker.latest_message.get("entities") or [])
        except BadTapError as error:
            logger.warning(
                "action_give_feedback: tap not stored (%s), conversation %s", error, tracker.sender_id
            )
            dispatcher.utter_message(text=t("feedback.not_understood", lang))
            return back_to_where_it_was()
        earlier = given(tracker)
        try:
            with session_scope() as session:
                stored = record(session, tap, conversation_city(tracker), today(), earlier.get(tap.key))
        except SQLAlchemyError:
            logger.exception(
                "action_give_feedback: database not reachable, conversation %s", tracker.sender_id
            )
            dispatcher.utter_message(text=t("feedback.save_failed", lang))
            return back_to_where_it_was()
        if stored.changed:
            key = "feedback.thanks_changed"
        else:
            key = "feedback.thanks_useful" if tap.useful else "feedback.thanks_not_useful"
        dispatcher.utter_message(text=t(key, lang))
        return back_to_where_it_was(SlotSet(GIVEN_SLOT, {**earlier, tap.key: stored.row_id}))


def offered_this_turn(tracker: Tracker, payload: str) -> bool:
    """Whether a bot message since the latest user message has a button sending ``payload``."""
    return offer_this_turn(tracker, lambda sent: sent == payload) is not None


class ActionAskChatFeedback(Action):
    """Ask "was this chat useful?" with Yes / No buttons, once per conversation.

    Says nothing when the person already answered (``chat`` in
    ``feedback_given``), or when the reminder offer was just asked: that
    question stays the last one on screen, and the feedback question follows
    its answer (data/rules/followup.yml). Returns no events.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_ask_chat_feedback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Ask unless answered, or while this turn's reminder offer waits; see class docstring."""
        if "chat" in given(tracker) or offered_this_turn(tracker, REMIND_PAYLOAD):
            return []
        lang = language_of(tracker)
        dispatcher.utter_message(text=t("feedback.ask_chat", lang), buttons=feedback_buttons("chat", lang))
        return []
