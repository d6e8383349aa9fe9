"""Next steps: ``validate_next_steps_form`` and ``action_ask_next_step_pick``.

The form asks ``next_step_pick`` again and again; every valid pick is
appended to the ``next_steps`` list slot and the pick slot is cleared, until
the person has 3 steps or says "That's all" (``done``) with at least one.
Right after each pick the same slot asks the step's due date (issue 15):
``next_step_due_for`` holds the step waiting for its date, the answer (a
quick choice ``due:7`` / ``due:14`` / ``due:30`` / ``due:none`` or a typed
date, :mod:`bot.followup.dates`) goes into ``next_step_dues``
(``{step key: "YYYY-MM-DD" or None}``); the form ends only after the last
step's date.
Options and their labels come from :mod:`bot.summaries.next_steps`; button
payloads are ``/inform{"answer":"<option key>"}``. Typed answers are
matched too (keywords, numbers, words of a title).
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from bot import clock
from bot.catalogue.search import titles_of
from bot.db import session_scope
from bot.followup.dates import NO_DATE, QUICK_KEYS, parse_due
from bot.i18n import t
from bot.resume.trend import local_moment, short_date
from bot.summaries.next_steps import (
    DONE,
    GENERAL_OPTIONS,
    MAX_STEPS,
    Titles,
    match_option,
    option_keys,
    option_label,
)

logger = logging.getLogger(__name__)


def _list_slot(tracker: Tracker, name: str) -> list[str]:
    return [v for v in tracker.get_slot(name) or [] if isinstance(v, str)]


def _titles(shown: list[str]) -> Titles | None:
    """Titles of the shown suggestions, or None when the database is down."""
    try:
        with session_scope() as session:
            return titles_of(session, shown)
    except SQLAlchemyError:
        logger.exception("next steps: catalogue not reachable")
        return None


def available_options(shown: list[str], picked: list[str], titles: Titles | None) -> list[str]:
    """Options not yet picked, in button order; suggestion options only when their title is known."""
    known = titles or {}
    return [
        key
        for key in option_keys(shown)
        if key not in picked and (key in GENERAL_OPTIONS or key.partition(":")[2] in known)
    ]


DUE_BUTTONS = dict(zip(QUICK_KEYS, ("due_week", "due_two_weeks", "due_month", "due_none"), strict=True))


def pending_step(tracker: Tracker) -> str | None:
    """The step waiting for its due date (``next_step_due_for``), or None."""
    value = tracker.get_slot("next_step_due_for")
    return value if isinstance(value, str) and value else None


def due_dates(tracker: Tracker) -> dict[str, str | None]:
    """``next_step_dues``: step key -> ISO date or None (no date)."""
    value = tracker.get_slot("next_step_dues")
    if not isinstance(value, dict):
        return {}
    return {str(k): v if isinstance(v, str) else None for k, v in value.items()}


def today_in_finland() -> date:
    """Today's calendar date in Finland (due dates are Finnish days; tests freeze ``bot.clock.utcnow``)."""
    return local_moment(clock.utcnow()).date()


def answer_button(key: str, label: str) -> dict[str, str]:
    """A button whose payload is ``/inform{"answer":"<key>"}``."""
    payload = json.dumps({"answer": key}, separators=(",", ":"), ensure_ascii=False)
    return {"title": label, "payload": f"/inform{payload}"}


class ActionAskNextStepPick(Action):
    """Ask for a next step: one button per option not yet picked, plus "That's all" after the first."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_ask_next_step_pick"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Send the question with buttons (the due date's when a step waits for one); no events."""
        lang = language_of(tracker)
        picked = _list_slot(tracker, "next_steps")
        shown = _list_slot(tracker, "shown_suggestions")
        titles = _titles(shown)
        pending = pending_step(tracker)
        if pending:
            label = option_label(pending, lang, titles or {})
            buttons = [answer_button(key, t(f"followup.{name}", lang)) for key, name in DUE_BUTTONS.items()]
            dispatcher.utter_message(text=t("followup.ask_due", lang, label=label), buttons=buttons)
            return []
        options = available_options(shown, picked, titles)
        buttons = [answer_button(key, option_label(key, lang, titles or {})) for key in options]
        if picked:
            buttons.append(answer_button(DONE, t("next_steps.done_button", lang)))
        text = t("next_steps.ask_more" if picked else "next_steps.ask_first", lang)
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


class ValidateNextStepsForm(FormValidationAction):
    """Validate ``next_step_pick``: the ``answer`` entity first, else the typed text."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_next_steps_form"

    def validate_next_step_pick(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """Append a valid pick to ``next_steps``; end the form on ``done`` (with at least one) or at 3.

        Returns ``{"next_step_pick": None}`` to ask again, with ``next_steps``
        when a step was added; ``{"next_step_pick": <key or "done">}`` ends the form.
        """
        lang = language_of(tracker)
        answer = next(tracker.get_latest_entity_values("answer"), None)
        text = answer if isinstance(answer, str) and answer else slot_value
        if not isinstance(text, str):
            text = ""
        picked = _list_slot(tracker, "next_steps")
        pending = pending_step(tracker)
        if pending:
            return self._due_date(text, pending, picked, dispatcher, tracker)
        shown = _list_slot(tracker, "shown_suggestions")
        titles = _titles(shown) or {}
        options = available_options(shown, picked, titles)
        choice = match_option(text, options, titles)
        if choice == DONE:
            if picked:
                return {"next_step_pick": DONE}
            dispatcher.utter_message(text=t("next_steps.need_one", lang))
            return {"next_step_pick": None}
        if choice is None:
            again = picked and match_option(text, picked, titles) in picked
            dispatcher.utter_message(
                text=t("next_steps.already_picked" if again else "next_steps.not_understood", lang)
            )
            return {"next_step_pick": None}
        steps = [*picked, choice]
        dispatcher.utter_message(text=t("next_steps.added", lang, label=option_label(choice, lang, titles)))
        return {"next_steps": steps, "next_step_due_for": choice, "next_step_pick": None}

    def _due_date(
        self,
        text: str,
        pending: str,
        picked: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
    ) -> dict[str, Any]:
        """The due date of ``pending``: stored in ``next_step_dues``; ends the form after the 3rd step.

        Returns ``{"next_step_pick": None}`` (ask again) for an answer that is no
        date; else ``next_step_dues`` and ``next_step_due_for: None`` too. "That's
        all" (``done``) instead of a date means no date and ends the form.
        """
        lang = language_of(tracker)
        due = parse_due(text, today_in_finland())
        finished = due is None and match_option(text, [], {}) == DONE
        if finished:  # "That's all" instead of a date: no date, and no more steps
            due = NO_DATE
        if due is None:
            dispatcher.utter_message(text=t("followup.due_not_understood", lang))
            return {"next_step_pick": None}
        dues = {**due_dates(tracker), pending: None if due == NO_DATE else due.isoformat()}
        if due == NO_DATE:
            dispatcher.utter_message(text=t("followup.due_not_set", lang))
        else:
            dispatcher.utter_message(text=t("followup.due_set", lang, date=short_date(due, lang)))
        events: dict[str, Any] = {"next_step_dues": dues, "next_step_due_for": None, "next_step_pick": None}
        if finished:
            events["next_step_pick"] = DONE
        elif len(picked) >= MAX_STEPS:
            dispatcher.utter_message(text=t("next_steps.max_reached", lang))
            events["next_step_pick"] = pending
        return events
