"""Summary: ``action_save_summary`` and ``action_record_summary_consent``.

``action_save_summary`` builds the structured summary from the slots
(:func:`bot.summaries.service.build_summary`), stores it, shows it in plain
words and asks whether a coach may read it (buttons ``/affirm`` and
``/deny``). ``action_record_summary_consent`` stores the answer and gives
the person a resume code (``actions/resume.py``) and, when a step has a
date, offers an e-mail reminder (``actions/followup.py``). The agreed next
steps are saved as rows with the summary (:mod:`bot.followup.store`). When the
database cannot be reached the person gets a kind message; the slots keep
everything, so nothing is lost and the step can be repeated.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from actions.followup import planned_steps, reminder_offer
from actions.resume import give_code
from bot.catalogue.search import titles_of
from bot.db import session_scope
from bot.followup.store import save_steps
from bot.i18n import t
from bot.summaries.service import build_summary, record_consent, render_summary, save_summary

logger = logging.getLogger(__name__)


def share_buttons(lang: str) -> list[dict[str, str]]:
    """The yes / no buttons of the consent question (payloads ``/affirm``, ``/deny``)."""
    return [
        {"title": t("summary.yes_button", lang), "payload": "/affirm"},
        {"title": t("summary.no_button", lang), "payload": "/deny"},
    ]


class ActionSaveSummary(Action):
    """Save the conversation summary, show it, and ask for consent to share it.

    Sets ``summary_id`` to the new row's id (as text).
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_save_summary"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Build, save, show, ask; see class docstring."""
        lang = language_of(tracker)
        slots = dict(tracker.current_slot_values())
        ids = [
            s
            for name in ("shown_suggestions", "rejected_suggestions")
            for s in slots.get(name) or []
            if isinstance(s, str)
        ]
        try:
            with session_scope() as session:
                titles = titles_of(session, ids)
                data = build_summary(slots, tracker.sender_id, titles=titles)
                row = save_summary(session, data)
                summary_id = str(row.id)
                save_steps(
                    session,
                    tracker.sender_id,
                    planned_steps(slots, lang, titles),
                    city=row.city,
                    language=lang,
                    summary_id=row.id,
                )
        except SQLAlchemyError:
            logger.exception("action_save_summary: database not reachable")
            dispatcher.utter_message(text=t("summary.save_failed", lang))
            return []
        dispatcher.utter_message(text=render_summary(data, lang), summary_id=summary_id)
        dispatcher.utter_message(text=t("summary.ask_share", lang), buttons=share_buttons(lang))
        return [SlotSet("summary_id", summary_id)]


class ActionRecordSummaryConsent(Action):
    """Record the answer to "may a coach read this?": ``affirm`` shares, ``deny`` keeps it private.

    Any other intent repeats the question. Returns no events.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_record_summary_consent"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Store the consent and confirm it; see class docstring."""
        lang = language_of(tracker)
        summary_id = tracker.get_slot("summary_id")
        if not summary_id:
            dispatcher.utter_message(text=t("summary.no_summary", lang))
            return []
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent not in ("affirm", "deny"):
            dispatcher.utter_message(text=t("summary.ask_share", lang), buttons=share_buttons(lang))
            return []
        shared = intent == "affirm"
        try:
            with session_scope() as session:
                record_consent(session, summary_id, shared)
        except LookupError:
            dispatcher.utter_message(text=t("summary.no_summary", lang))
            return []
        except SQLAlchemyError:
            logger.exception("action_record_summary_consent: database not reachable")
            dispatcher.utter_message(text=t("summary.consent_failed", lang))
            return []
        dispatcher.utter_message(text=t("summary.shared" if shared else "summary.not_shared", lang))
        try:
            with session_scope() as session:
                dispatcher.utter_message(text=give_code(session, tracker.sender_id, lang))
        except SQLAlchemyError:
            logger.exception("action_record_summary_consent: could not issue a resume code")
        dispatcher.utter_message(
            text=t("summary.offer_coach", lang),
            buttons=[{"title": t("summary.coach_button", lang), "payload": "/request_coach"}],
        )
        # The reminder question comes last, so it is the one on screen to answer
        # (action_ask_chat_feedback waits until it is answered).
        try:
            with session_scope() as session:
                offer = reminder_offer(session, tracker.sender_id, lang)
            if offer:
                dispatcher.utter_message(**offer)
        except SQLAlchemyError:
            logger.exception("action_record_summary_consent: could not read the agreed steps")
        return []
