"""Privacy: ``action_delete_my_data``.

Deletes every row of this conversation (``conversation_id`` = Rasa sender
id) in every table of ``bot.db.Base.metadata`` that has a
``conversation_id`` column, and in tables that hang off those by foreign
key (:func:`bot.guidance.store.delete_conversation_data`), so tables other
features add are covered without changing this action. Then it confirms,
restarts the conversation and keeps only the language.
"""

from __future__ import annotations

import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from bot.db import session_scope
from bot.guidance.store import delete_conversation_data
from bot.guidance.vocabulary import LANGUAGES
from bot.i18n import t

logger = logging.getLogger(__name__)


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
        try:
            with session_scope() as session:
                counts = delete_conversation_data(session, tracker.sender_id)
        except SQLAlchemyError:
            logger.exception("could not delete the data of a conversation")
            dispatcher.utter_message(text=t("privacy.delete_failed", lang))
            return []
        logger.info("deleted conversation data: %s", {name: n for name, n in counts.items() if n})
        dispatcher.utter_message(text=t("privacy.deleted", lang))
        events: list[EventType] = [Restarted()]
        if tracker.get_slot("language") in LANGUAGES:
            events.append(SlotSet("language", tracker.get_slot("language")))
        return events
