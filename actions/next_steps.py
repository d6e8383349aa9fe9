"""Next steps: ``validate_next_steps_form`` and ``action_ask_next_step_pick``.

The form asks ``next_step_pick`` again and again; every valid pick is
appended to the ``next_steps`` list slot and the pick slot is cleared, until
the person has 3 steps or says "That's all" (``done``) with at least one.
Options and their labels come from :mod:`bot.summaries.next_steps`; button
payloads are ``/inform{"answer":"<option key>"}``. Typed answers are
matched too (keywords, numbers, words of a title).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from bot.catalogue.search import titles_of
from bot.db import session_scope
from bot.i18n import t
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
        """Send the question with buttons; returns no events."""
        lang = language_of(tracker)
        picked = _list_slot(tracker, "next_steps")
        shown = _list_slot(tracker, "shown_suggestions")
        titles = _titles(shown)
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
        if len(steps) >= MAX_STEPS:
            dispatcher.utter_message(text=t("next_steps.max_reached", lang))
            return {"next_steps": steps, "next_step_pick": choice}
        return {"next_steps": steps, "next_step_pick": None}
