"""Privacy: ``action_delete_my_data``.

Deletes every row of this conversation (``conversation_id`` = Rasa sender
id) in every table of ``bot.db.Base.metadata`` that has a
``conversation_id`` column, and in tables that hang off those by foreign
key (:func:`bot.guidance.store.delete_conversation_data`), so tables other
features add are covered without changing this action. The person's other
conversations (joined by a resume code, :mod:`bot.resume.codes`) go too, with
their tracker events. Then it confirms, restarts the conversation and keeps
only the language.

This conversation's own tracker events cannot be deleted inside the action:
Rasa saves the tracker after the action, and would write them all again. A
background task of the action server waits for that save (the turn's closing
``action_listen``) and then deletes every event of the conversation
(:func:`bot.coach.retention.delete_events_after_turn`), normally within a
second; a later message of the person starts a fresh tracker.
"""

from __future__ import annotations

import asyncio
import logging
import time

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from bot.coach import retention
from bot.db import session_scope
from bot.guidance.store import delete_conversation_data
from bot.guidance.vocabulary import LANGUAGES
from bot.i18n import t
from bot.resume.codes import person_conversations

logger = logging.getLogger(__name__)
_CLEANUPS: set[asyncio.Task[int]] = set()


def schedule_tracker_cleanup(conversation_id: str, since: float) -> asyncio.Task[int]:
    """Start the background deletion of this conversation's tracker events (see module docstring)."""
    task = asyncio.get_running_loop().create_task(
        asyncio.to_thread(retention.delete_events_after_turn, conversation_id, since)
    )
    _CLEANUPS.add(task)
    task.add_done_callback(_CLEANUPS.discard)
    return task


class ActionDeleteMyData(Action):
    """Delete the person's stored data, confirm, restart (language kept).

    If the database cannot be reached nothing is restarted: the person is
    told kindly to try again, and the conversation goes on.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_delete_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """``[Restarted(), SlotSet("language", lang)]`` after a confirmation; ``[]`` on failure."""
        lang = language_of(tracker)
        started = time.time()
        counts: dict[str, int] = {}
        try:
            with session_scope() as session:
                conversations = person_conversations(session, tracker.sender_id)
                for conversation_id in conversations:
                    for name, n in delete_conversation_data(session, conversation_id).items():
                        counts[name] = counts.get(name, 0) + n
            for conversation_id in conversations[1:]:
                with session_scope() as session:
                    retention.delete_conversation(session, conversation_id)
        except SQLAlchemyError:
            logger.exception("could not delete the data of a conversation")
            dispatcher.utter_message(text=t("privacy.delete_failed", lang))
            return []
        logger.info("deleted conversation data: %s", {name: n for name, n in counts.items() if n})
        schedule_tracker_cleanup(tracker.sender_id, started)
        dispatcher.utter_message(text=t("privacy.deleted", lang))
        events: list[EventType] = [Restarted()]
        if tracker.get_slot("language") in LANGUAGES:
            events.append(SlotSet("language", tracker.get_slot("language")))
        return events
