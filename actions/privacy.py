"""Privacy: ``action_delete_my_data`` and ``action_keep_my_data``.

A request to delete is always confirmed first: the rules answer
``delete_my_data`` with ``utter_confirm_delete`` (Yes / No buttons); only
"yes" (intent ``affirm``) runs ``action_delete_my_data``; anything else runs
``action_keep_my_data`` (nothing deleted, the conversation goes on).

Deletes every row of the person with the one erasure rule of
:mod:`bot.privacy` (``erase_person``): every table of ``bot.db.Base.metadata``
keyed by ``conversation_id`` and the tables hanging off those by foreign key,
for this conversation and the person's other conversations (joined by a resume
code, :mod:`bot.resume.codes`, with their tracker events), and writes the
erasure audit row (time, city, counts; no personal data) in the same
transaction. Then it confirms, tells the widget to forget the conversation
too (:data:`CLEAR_DEVICE`), restarts the conversation and keeps only the
language.

``CLEAR_DEVICE`` is a custom message (``json_message``). Rasa's socket.io
channel emits a custom message as ``emit("bot_uttered", **json_message)``, so
the widget receives ``{"digipoint": {"clear": true}}`` as a ``bot_uttered``
event to the session's room: it then empties its screen and the browser's
storage, takes a new session id and says that everything is deleted on the
server and on this device (widget/src/widget.js). Other channels (REST) get
it as ``{"custom": {"data": {"digipoint": {"clear": true}}}}`` and may ignore it.

This conversation's own tracker events cannot be deleted inside the action:
Rasa saves the tracker after the action, and would write them all again. A
background task of the action server waits for that save (the turn's closing
``action_listen``) and then deletes every event of the conversation
(:func:`bot.privacy.person.delete_events_after_turn`, adding the count to the
audit row), normally within a second; a later message of the person starts a
fresh tracker.
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
from bot.db import session_scope
from bot.guidance.vocabulary import LANGUAGES
from bot.i18n import t
from bot.privacy.person import delete_events_after_turn, erase_person

logger = logging.getLogger(__name__)
# The custom message that makes the widget forget the conversation (see module docstring).
CLEAR_DEVICE: dict[str, object] = {"data": {"digipoint": {"clear": True}}}
_CLEANUPS: set[asyncio.Task[int]] = set()


def schedule_tracker_cleanup(
    conversation_id: str, since: float, record_id: int | None = None
) -> asyncio.Task[int]:
    """Start the background deletion of this conversation's tracker events (see module docstring)."""
    task = asyncio.get_running_loop().create_task(
        asyncio.to_thread(delete_events_after_turn, conversation_id, since, record_id=record_id)
    )
    _CLEANUPS.add(task)
    task.add_done_callback(_CLEANUPS.discard)
    return task


class ActionDeleteMyData(Action):
    """Delete the person's stored data, confirm, clear the widget, restart (language kept).

    If the database cannot be reached nothing is deleted or restarted: the
    person is told kindly to try again, and the conversation goes on.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_delete_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """``[Restarted(), SlotSet("language", lang)]`` after a deletion; ``[]`` on failure.

        Messages after a deletion: ``privacy.deleted``, then ``CLEAR_DEVICE``
        (custom); on a database error only ``privacy.delete_failed``.
        """
        lang = language_of(tracker)
        started = time.time()
        city = tracker.get_slot("city")
        try:
            with session_scope() as session:
                record = erase_person(
                    session,
                    tracker.sender_id,
                    "person",
                    city=city if isinstance(city, str) and city != "skipped" else None,
                    own_events=False,
                )
                record_id, counts = record.id, dict(record.counts)
        except SQLAlchemyError as error:
            logger.error(
                "action_delete_my_data: conversation %s not deleted, database error %s",
                tracker.sender_id, type(error).__name__,
            )
            dispatcher.utter_message(text=t("privacy.delete_failed", lang))
            return []
        # No conversation id here: the erasure leaves no trace of the person.
        logger.info("deleted a person's data: %s (erasure audit #%s)", counts, record_id)
        schedule_tracker_cleanup(tracker.sender_id, started, record_id)
        dispatcher.utter_message(text=t("privacy.deleted", lang))
        dispatcher.utter_message(json_message=CLEAR_DEVICE)
        events: list[EventType] = [Restarted()]
        if tracker.get_slot("language") in LANGUAGES:
            events.append(SlotSet("language", tracker.get_slot("language")))
        return events


class ActionKeepMyData(Action):
    """The person did not say yes to "delete everything?": nothing is deleted.

    Says so kindly. Inside a form, the person's reply may have been taken as
    the answer to the form's question (Rasa fills a text slot from every
    message); that slot is emptied again, so the form asks its question anew.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_keep_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """``[SlotSet(<requested slot>, None)]`` inside a form, else ``[]``; one message."""
        dispatcher.utter_message(text=t("privacy.not_deleted", language_of(tracker)))
        requested = tracker.get_slot("requested_slot")
        if tracker.active_loop.get("name") and isinstance(requested, str) and requested:
            return [SlotSet(requested, None)]
        return []
