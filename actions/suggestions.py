"""Suggestions: ``action_suggest`` and ``action_reject_suggestion`` (docs/conversation.md).

Each suggestion is one message: title, provider, the one-line "why" and the
link, with a "Not for me" button whose payload is
``/not_for_me{"suggestion_id":"course:12"}`` and the one-tap "Useful" /
"Not useful" buttons (``/give_feedback{...}``, handled by actions/feedback.py). The ranking lives in
:mod:`bot.guidance.ranking`; these actions only read slots, call it and
turn the result into messages and ``SlotSet`` events. When the database
cannot be reached, a kind message is sent and no slot is lost.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from actions.forms import latest_intent, latest_text
from bot.assessment.suggestion_pick import SuggestionPick, pick_suggestion
from bot.catalogue.search import titles_of
from bot.db import session_scope
from bot.feedback.taps import feedback_buttons
from bot.guidance.explain import explain
from bot.guidance.profile import Profile, profile_from_slots
from bot.guidance.ranking import Suggestion
from bot.guidance.selection import next_best, rank
from bot.i18n import t

logger = logging.getLogger(__name__)


def today() -> date:
    """The date suggestions are checked against (tests replace this)."""
    return date.today()


def not_for_me_button(suggestion_id: str, title: str) -> dict[str, str]:
    """A button rejecting ``suggestion_id``; ``title`` is the button text."""
    payload = json.dumps({"suggestion_id": suggestion_id}, separators=(",", ":"))
    return {"title": title, "payload": f"/not_for_me{payload}"}


def suggestion_text(suggestion: Suggestion, lang: str) -> str:
    """The message text of one suggestion: title and provider, why, link (one per line)."""
    item = t(
        f"suggestions.item_{suggestion.kind}",
        lang,
        title=suggestion.title_in(lang),
        provider=suggestion.provider,
    )
    return f"{item}\n{explain(suggestion, lang)}\n{suggestion.url}"


def utter_suggestion(dispatcher: CollectingDispatcher, suggestion: Suggestion, lang: str) -> None:
    """Send one suggestion with its "Not for me" button and the "Useful" / "Not useful" buttons."""
    dispatcher.utter_message(
        text=suggestion_text(suggestion, lang),
        buttons=[
            not_for_me_button(suggestion.id, t("suggestions.not_for_me_button", lang)),
            *feedback_buttons("suggestion", lang, suggestion.id),
        ],
    )


def utter_offer_next_steps(dispatcher: CollectingDispatcher, lang: str) -> None:
    """Offer the "Choose next steps" button (payload ``/choose_next_steps``)."""
    dispatcher.utter_message(
        text=t("suggestions.offer_next_steps", lang),
        buttons=[{"title": t("suggestions.next_steps_button", lang), "payload": "/choose_next_steps"}],
    )


def _little_known(profile: Profile) -> bool:
    return not (profile.field or profile.holland_code or profile.city or profile.online_only)


def _slots(tracker: Tracker) -> dict[str, Any]:
    return dict(tracker.current_slot_values())


class ActionSuggest(Action):
    """Show the 3 best courses and 3 best jobs, the goal type's kind first.

    A typed answer after the suggestions that names one of them ("Ohjelmoinnin
    perusteet ei kiinnosta", "the second one") or rejects one ("ei kiinnosta")
    is handled like the "Not for me" button instead (the rules send such a
    message, classified ``inform``, here).

    Sets ``shown_suggestions`` to the ids shown, in order.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_suggest"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Rank and send one message per suggestion; see class docstring."""
        lang = language_of(tracker)
        typed = typed_rejection(tracker)
        if typed is not None:
            return typed.handle(dispatcher, tracker, lang, offer_next_steps=False)
        profile = profile_from_slots(_slots(tracker))
        try:
            with session_scope() as session:
                ranking = rank(session, profile, today())
        except SQLAlchemyError:
            logger.exception("action_suggest: catalogue not reachable")
            dispatcher.utter_message(text=t("suggestions.database_down", lang))
            return []
        dispatcher.utter_message(
            text=t("suggestions.intro_little_known" if _little_known(profile) else "suggestions.intro", lang)
        )
        kinds = ("job", "course") if ranking.emphasis == "jobs" else ("course", "job")
        shown: list[str] = []
        for kind in kinds:
            items = ranking.courses if kind == "course" else ranking.jobs
            if not items:
                dispatcher.utter_message(text=t(f"suggestions.none_found_{kind}s", lang))
                continue
            dispatcher.utter_message(text=t(f"suggestions.heading_{kind}s", lang))
            for suggestion in items:
                utter_suggestion(dispatcher, suggestion, lang)
                shown.append(suggestion.id)
        # The rule after action_suggest utters utter_offer_next_steps.
        return [SlotSet("shown_suggestions", shown)]


class ActionRejectSuggestion(Action):
    """Handle "not for me": replace the rejected suggestion with the next best one.

    Reads the ``suggestion_id`` entity. Without one, the typed text is read
    (:func:`bot.assessment.suggestion_pick.pick_suggestion`: a title, even
    misspelt, or a number such as "the second one"); when that does not say
    which suggestion is meant, asks which suggestion
    with one button per shown suggestion; an id that is not currently shown
    is refused politely with the same buttons. Sets
    ``rejected_suggestions`` (adds the id) and ``shown_suggestions`` (the
    replacement takes the rejected one's place).
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_reject_suggestion"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Reject, replace and report; see class docstring."""
        lang = language_of(tracker)
        suggestion_id = next(tracker.get_latest_entity_values("suggestion_id"), None)
        if suggestion_id is None:
            typed = typed_rejection(tracker, rejecting=True)
            if typed is not None:
                return typed.handle(dispatcher, tracker, lang, offer_next_steps=True)
        return self.reject(dispatcher, tracker, lang, suggestion_id, offer_next_steps=True)

    def reject(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        lang: str,
        suggestion_id: str | None,
        offer_next_steps: bool,
    ) -> list[dict[str, Any]]:
        """Reject ``suggestion_id`` (ask which when it is None or not shown) and show the next best."""
        slots = _slots(tracker)
        shown = [s for s in slots.get("shown_suggestions") or [] if isinstance(s, str)]
        rejected = [s for s in slots.get("rejected_suggestions") or [] if isinstance(s, str)]
        if not shown:
            dispatcher.utter_message(
                text=t("suggestions.nothing_shown", lang),
                buttons=[{"title": t("suggestions.show_options_button", lang), "payload": "/ask_courses"}],
            )
            return []
        if suggestion_id not in shown:
            self._ask_which(dispatcher, lang, shown, "not_shown" if suggestion_id else "which_one")
            return []
        rejected = [*rejected, suggestion_id] if suggestion_id not in rejected else rejected
        profile = profile_from_slots({**slots, "rejected_suggestions": rejected})
        kind = suggestion_id.partition(":")[0]
        try:
            with session_scope() as session:
                replacement = next_best(session, profile, kind, today(), exclude=shown)
        except SQLAlchemyError:
            logger.exception("action_reject_suggestion: catalogue not reachable")
            dispatcher.utter_message(text=t("suggestions.rejection_noted_database_down", lang))
            return [
                SlotSet("rejected_suggestions", rejected),
                SlotSet("shown_suggestions", [s for s in shown if s != suggestion_id]),
            ]
        if replacement is None:
            dispatcher.utter_message(text=t(f"suggestions.no_replacement_{kind}", lang))
            new_shown = [s for s in shown if s != suggestion_id]
        else:
            dispatcher.utter_message(text=t("suggestions.replaced", lang))
            utter_suggestion(dispatcher, replacement, lang)
            new_shown = [replacement.id if s == suggestion_id else s for s in shown]
        if offer_next_steps:
            utter_offer_next_steps(dispatcher, lang)
        return [SlotSet("rejected_suggestions", rejected), SlotSet("shown_suggestions", new_shown)]

    @staticmethod
    def _ask_which(dispatcher: CollectingDispatcher, lang: str, shown: list[str], key: str) -> None:
        try:
            with session_scope() as session:
                titles = titles_of(session, shown)
        except SQLAlchemyError:
            logger.exception("action_reject_suggestion: catalogue not reachable")
            dispatcher.utter_message(text=t("suggestions.database_down", lang))
            return
        buttons = [
            not_for_me_button(sid, titles[sid].get(lang) or titles[sid]["en"])
            for sid in shown
            if sid in titles
        ]
        dispatcher.utter_message(text=t(f"suggestions.{key}", lang), buttons=buttons)


class TypedRejection:
    """A typed message after the suggestions that rejects one of them (or asks which)."""

    def __init__(self, pick: SuggestionPick, shown: list[str]) -> None:
        self.pick = pick
        self.shown = shown

    def handle(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str, offer_next_steps: bool
    ) -> list[dict[str, Any]]:
        """Reject the suggestion meant, or ask which one with the titles as buttons."""
        action = ActionRejectSuggestion()
        if self.pick.suggestion_id:
            return action.reject(dispatcher, tracker, lang, self.pick.suggestion_id, offer_next_steps)
        action._ask_which(dispatcher, lang, self.shown, "which_one")
        return []


def typed_rejection(tracker: Tracker, rejecting: bool = False) -> TypedRejection | None:
    """How a typed message refers to the shown suggestions (title, number, "ei kiinnosta").

    None when nothing is shown, the message is a button payload, an
    ask_courses / ask_jobs request that names no shown title, or (unless ``rejecting``: the intent
    already says "not for me") it names no suggestion and rejects nothing.
    """
    shown = [s for s in tracker.get_slot("shown_suggestions") or [] if isinstance(s, str)]
    text = latest_text(tracker)
    if not shown or not text or text.startswith("/"):
        return None
    asking_for_more = latest_intent(tracker) in ("ask_courses", "ask_jobs")
    try:
        with session_scope() as session:
            titles = titles_of(session, shown)
    except SQLAlchemyError:
        logger.exception("typed rejection: catalogue not reachable")
        return None
    options = [(sid, [title for title in titles[sid].values() if title]) for sid in shown if sid in titles]
    pick = pick_suggestion(text, options)
    if asking_for_more:
        # A job title typed alone often looks like "I want jobs": only a title that names one counts.
        return TypedRejection(pick, shown) if pick.suggestion_id else None
    if pick.suggestion_id or pick.ask_which:
        return TypedRejection(pick, shown)
    return TypedRejection(SuggestionPick(ask_which=True), shown) if rejecting else None


def answer_to_which_one(tracker: Tracker, lang: str) -> TypedRejection | None:
    """A typed title given right after "Which one is not for you?", whatever its intent.

    Found by a newcomer walk: "service desk agent" typed as the answer was
    classified ``request_coach`` ("agent") and started a handoff. Returns the
    rejection of the suggestion named when the bot's latest message was that
    question (``suggestions.which_one`` or ``suggestions.not_shown``) and the
    text names one shown suggestion; None otherwise.
    """
    asked = {t("suggestions.which_one", lang), t("suggestions.not_shown", lang)}
    latest_bot = next((e for e in reversed(tracker.events) if e.get("event") == "bot"), None)
    if latest_bot is None or latest_bot.get("text") not in asked:
        return None
    typed = typed_rejection(tracker)
    return typed if typed is not None and typed.pick.suggestion_id else None
