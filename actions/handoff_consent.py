"""The answer to "May the coach read it?" while the chat waits for a coach.

``action_handoff_to_coach`` shows the summary, asks the question with Yes / No
buttons and pauses the bot. Rasa runs no action in a paused conversation, so
``rasa_addons.paused_replies`` runs ``action_record_handoff_consent`` for an
``affirm`` or ``deny`` message there. The action records the answer at once
(:func:`bot.handoff.consent.record_chat_answer`), so the coach list and the
handoff page show the summary without waiting for a coach to open the chat,
and tells the person what happens with their summary. A longer typed yes
("okej jag väntar", "ok I'll wait") is not taken as consent: the bot asks
once more with the Yes / No buttons (once per handoff; after that it stays
quiet). When the message was not the answer (already answered, or a typed
"yes" to a coach who has joined), it says nothing: the message is for the coach.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from actions.summary import share_buttons
from bot.db import session_scope
from bot.handoff.consent import ASK_AGAIN, SHARED_NOW, record_chat_answer
from bot.i18n import t

logger = logging.getLogger(__name__)


class ActionRecordHandoffConsent(Action):
    """Record a paused chat's yes / no to sharing the handoff summary and confirm it. Returns no events."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_record_handoff_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """One confirmation when the message was the answer; nothing otherwise."""
        lang = language_of(tracker)
        latest = tracker.latest_message or {}
        intent = (latest.get("intent") or {}).get("name")
        try:
            with session_scope() as session:
                answer = record_chat_answer(session, tracker.sender_id, intent, str(latest.get("text") or ""))
        except SQLAlchemyError:
            # Nothing lost: the answer stays in the chat, and the coach's page reads it from there.
            logger.exception("action_record_handoff_consent: could not record the answer of %s",
                             tracker.sender_id)
            dispatcher.utter_message(text=t("summary.consent_failed", lang))
            return []
        if answer == ASK_AGAIN:
            again = t("summary.ask_share_handoff_again", lang)
            if not asked_again_since_pause(tracker, again):
                dispatcher.utter_message(text=again, buttons=share_buttons(lang))
        elif answer is not None:
            key = "summary.handoff_shared" if answer == SHARED_NOW else "summary.handoff_private"
            dispatcher.utter_message(text=t(key, lang))
        return []


def asked_again_since_pause(tracker: Tracker, text: str) -> bool:
    """Whether the bot already said ``text`` since the chat was last paused (for the coach)."""
    for event in reversed(tracker.events):
        if event.get("event") == "pause":
            return False
        if event.get("event") == "bot" and event.get("text") == text:
            return True
    return False
