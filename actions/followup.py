"""Follow-up of agreed next steps (issue 15): the steps as rows, the reminder opt-in, the review on return.

- ``planned_steps`` turns the ``next_steps`` and ``next_step_dues`` slots into
  :class:`bot.followup.store.PlannedStep` (``action_save_summary`` saves them).
- ``reminder_offer`` is the question after the resume code: "a reminder by
  e-mail on the date you chose?" with buttons ``/remind_steps`` (starts
  ``reminder_form``) and ``/no_reminder``; only when a step has a date.
- ``reminder_form`` asks one slot, ``reminder_email`` (``validate_reminder_form``
  checks the address, :func:`bot.followup.reminders.reminder_address`);
  ``action_save_reminder`` puts it on the open dated steps and clears the
  slot; ``action_decline_reminder`` (``/no_reminder``, also inside the form)
  stores nothing and ends the form.
- ``review_messages`` asks about the first open step when a person comes back
  with a resume code (``actions/resume.py``); each answer button is
  ``/review_steps{"answer":"done:<id>"}`` (``not_yet:<id>``, ``change:<id>``).
  ``action_review_step`` records it, celebrates a done step, offers a new
  step (``/choose_next_steps``) after done or change (inside goal_form, where
  a code given after the welcome leaves the person, it says the new step comes
  after the questions), and asks about the next open step; after the last one
  it offers courses and jobs (outside a form).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.common import language_of
from bot.config import get_settings
from bot.db import session_scope
from bot.followup import store
from bot.followup.models import AgreedStep
from bot.followup.reminders import reminder_address
from bot.followup.store import PlannedStep
from bot.i18n import t
from bot.locale.registry import format_list
from bot.resume.trend import short_date
from bot.summaries.next_steps import Titles, is_known_option, option_label

logger = logging.getLogger(__name__)
DECLINED = "declined"


def planned_steps(slots: dict[str, Any], lang: str, titles: Titles) -> list[PlannedStep]:
    """The agreed steps of the slots: ``next_steps`` keys with their ``next_step_dues`` dates and labels."""
    dues = slots.get("next_step_dues") if isinstance(slots.get("next_step_dues"), dict) else {}
    steps = []
    for key in slots.get("next_steps") or []:
        if not isinstance(key, str) or not is_known_option(key):
            continue
        raw = (dues or {}).get(key)
        try:
            due = date.fromisoformat(raw) if isinstance(raw, str) else None
        except ValueError:
            due = None
        steps.append(PlannedStep(key, option_label(key, lang, titles), due))
    return steps


REVIEW_PAYLOAD = "/review_steps"


def offer_this_turn(tracker: Tracker, matches: Callable[[str], bool]) -> tuple[dict[str, Any], bool] | None:
    """The bot message since the latest user message with a button whose payload ``matches``, else None.

    Returns ``({"text", "buttons"}, is_last)``: that bot event (Rasa event
    dicts in ``tracker.events``, buttons in ``data.buttons``) and whether no
    bot message came after it.
    """
    later = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            return None
        buttons = (event.get("data") or {}).get("buttons") or [] if kind == "bot" else []
        if any(isinstance(b, dict) and matches(str(b.get("payload", ""))) for b in buttons):
            return {"text": event.get("text"), "buttons": buttons}, not later
        later = later or kind == "bot"
    return None


def review_asked_this_turn(tracker: Tracker) -> tuple[dict[str, Any], bool] | None:
    """The question about an open step sent this turn (a ``/review_steps`` button), as offer_this_turn."""
    return offer_this_turn(tracker, lambda payload: payload.startswith(REVIEW_PAYLOAD))


# The reminder offer's "yes" button; action_ask_chat_feedback waits while it is on screen.
REMIND_PAYLOAD = "/remind_steps"


def reminder_offer(session: Session, conversation_id: str, lang: str) -> dict[str, Any] | None:
    """The reminder question (text and buttons) when an open step has a date and no address yet; else None.

    None also when no mail server is configured (``SMTP_HOST`` empty, the
    embedded default): an address left then would never get its mail.
    """
    if not get_settings().smtp_host:
        return None
    if not any(step.reminder_email is None for step in store.remindable(session, conversation_id)):
        return None
    return {
        "text": t("followup.offer_reminder", lang),
        "buttons": [
            {"title": t("followup.reminder_yes_button", lang), "payload": REMIND_PAYLOAD},
            {"title": t("followup.reminder_no_button", lang), "payload": "/no_reminder"},
        ],
    }


def _review_button(answer: str, step_id: int, lang: str) -> dict[str, str]:
    payload = json.dumps({"answer": f"{answer}:{step_id}"}, separators=(",", ":"))
    return {"title": t(f"followup.{answer}_button", lang), "payload": f"/review_steps{payload}"}


def review_question(step: AgreedStep, lang: str) -> dict[str, Any]:
    """The question about one open step, with Done / Not yet / Change it buttons."""
    if step.due_on is not None:
        text = t("followup.review_ask_dated", lang, label=step.label, date=short_date(step.due_on, lang))
    else:
        text = t("followup.review_ask", lang, label=step.label)
    buttons = [_review_button(answer, step.id, lang) for answer in ("done", "not_yet", "change")]
    return {"text": text, "buttons": buttons}


def go_on_buttons(lang: str) -> list[dict[str, str]]:
    """Courses / jobs, as after a resume without open steps."""
    return [
        {"title": t("resume.courses_button", lang), "payload": "/ask_courses"},
        {"title": t("resume.jobs_button", lang), "payload": "/ask_jobs"},
    ]


def review_messages(session: Session, conversation_id: str, lang: str) -> list[dict[str, Any]]:
    """The intro and the question about the first open step of the person; ``[]`` when none is open."""
    steps = store.open_steps(session, conversation_id)
    if not steps:
        return []
    return [{"text": t("followup.review_intro", lang)}, review_question(steps[0], lang)]


def _parse_answer(value: Any) -> tuple[str, int] | None:
    if not isinstance(value, str):
        return None
    answer, _, raw_id = value.partition(":")
    if answer not in store.ANSWERS or not raw_id.isdigit():
        return None
    return answer, int(raw_id)


class ActionReviewStep(Action):
    """Record the answer about one open step (``/review_steps{"answer":"done:12"}``); see module docstring.

    Sets ``next_steps`` to the person's steps still open, so a new pick adds to them.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_review_step"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Record, reply, ask the next; see class docstring."""
        lang = language_of(tracker)
        parsed = _parse_answer(next(tracker.get_latest_entity_values("answer"), None))
        if parsed is None:
            dispatcher.utter_message(text=t("followup.review_closed", lang))
            return []
        answer, step_id = parsed
        try:
            with session_scope() as session:
                try:
                    store.record_answer(session, step_id, answer, tracker.sender_id)
                except LookupError:
                    dispatcher.utter_message(text=t("followup.review_closed", lang))
                    return []
                still_open = store.open_steps(session, tracker.sender_id)
                following = [step for step in still_open if step.id > step_id]
                question = review_question(following[0], lang) if following else None
                keys = [step.step_key for step in still_open]
        except SQLAlchemyError:
            logger.exception("action_review_step: database not reachable")
            dispatcher.utter_message(text=t("followup.review_failed", lang))
            return []
        reply = {"done": "followup.celebrate", "not_yet": "followup.kept_open", "change": "followup.changed"}
        dispatcher.utter_message(text=t(reply[answer], lang))
        in_form = bool((tracker.active_loop or {}).get("name"))
        if answer in ("done", "change") and in_form:  # goal_form goes on; the steps come after it
            dispatcher.utter_message(text=t("followup.new_step_later", lang))
        elif answer in ("done", "change"):
            dispatcher.utter_message(
                text=t("followup.offer_new_step", lang),
                buttons=[{"title": t("followup.new_step_button", lang), "payload": "/choose_next_steps"}],
            )
        if question is not None:
            dispatcher.utter_message(**question)
        else:
            dispatcher.utter_message(text=t("followup.review_done", lang))
            if not in_form:
                dispatcher.utter_message(text=t("resume.go_on", lang), buttons=go_on_buttons(lang))
        return [SlotSet("next_steps", keys or None)]


class ValidateReminderForm(FormValidationAction):
    """Check the typed e-mail address of ``reminder_form``."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_reminder_form"

    def validate_reminder_email(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """``{"reminder_email": <normalised address>}``, or None (asked again) with a kind word."""
        address = reminder_address(slot_value if isinstance(slot_value, str) else "")
        if address is None:
            dispatcher.utter_message(text=t("followup.email_invalid", language_of(tracker)))
        return {"reminder_email": address}


class ActionAskReminderEmail(Action):
    """Ask for the reminder address, with a "No reminder" button (``/no_reminder``)."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_ask_reminder_email"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Send the question; no events."""
        lang = language_of(tracker)
        dispatcher.utter_message(
            text=t("followup.ask_email", lang),
            buttons=[{"title": t("followup.no_reminder_button", lang), "payload": "/no_reminder"}],
        )
        return []


class ActionSaveReminder(Action):
    """Put the address on the person's open dated steps; the slot is cleared (the rows keep it)."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_save_reminder"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Store and confirm with the dates; ``SlotSet("reminder_email", None)``."""
        lang = language_of(tracker)
        address = tracker.get_slot("reminder_email")
        cleared: list[EventType] = [SlotSet("reminder_email", None)]
        if not isinstance(address, str) or reminder_address(address) is None:
            return cleared
        try:
            with session_scope() as session:
                store.set_reminder(session, tracker.sender_id, address)
                days = sorted({s.due_on for s in store.remindable(session, tracker.sender_id) if s.due_on})
        except SQLAlchemyError:
            logger.exception("action_save_reminder: database not reachable")
            dispatcher.utter_message(text=t("followup.reminder_failed", lang))
            return cleared
        if not days:
            dispatcher.utter_message(text=t("followup.reminder_declined", lang))
            return cleared
        dates = format_list([short_date(day, lang) for day in days], lang)
        dispatcher.utter_message(text=t("followup.reminder_set", lang, email=address, dates=dates))
        return cleared


class ActionDeclineReminder(Action):
    """No reminder (``/no_reminder``, before or inside ``reminder_form``): no address kept, form ended."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_decline_reminder"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Say so; end the form and clear its slot."""
        lang = language_of(tracker)
        try:
            with session_scope() as session:
                store.set_reminder(session, tracker.sender_id, None)
        except SQLAlchemyError:
            logger.exception("action_decline_reminder: database not reachable")
        dispatcher.utter_message(text=t("followup.reminder_declined", lang))
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("reminder_email", None)]
