"""Interest profiler: ``validate_interest_form``, ``action_ask_ri_1`` ..
``action_ask_ri_12`` and ``action_score_interests``.

Items come from the RIASEC instrument (bot/guidance/riasec.yml); one small
factory builds an ask action per item. Answers are stored as "like",
"unsure" or "dislike". Skip rules (docs/conversation.md): "Skip this part"
(``/skip``) or a typed "skip this part" / "ohita tämä osio" fills this item
and all remaining ones with "skipped", and the bot says so; "not sure" and
"I don't know" ("emmä tiiä") are the real answer "unsure" for this item only.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from actions.forms import (
    ActionAskItem,
    answer_for,
    ask_action_classes,
    latest_intent,
    latest_text,
    section_rest,
)
from bot.assessment.typed_answers import is_dont_know, is_explicit_section_skip
from bot.db import session_scope
from bot.guidance import riasec
from bot.guidance.answers import parse_preference
from bot.guidance.store import save_result
from bot.i18n import t

logger = logging.getLogger(__name__)

RI_ITEMS: tuple[str, ...] = tuple(riasec.item_ids())


def preference_buttons(lang: str) -> list[dict[str, str]]:
    """Buttons Like / Not sure / Dislike (payload ``/inform{"answer":"like"}`` etc.)
    and "Skip this part" (payload ``/skip``)."""
    buttons = [
        {"title": t(f"interests.{value}", lang), "payload": f'/inform{{"answer":"{value}"}}'}
        for value in ("like", "unsure", "dislike")
    ]
    buttons.append({"title": t("interests.skip_button", lang), "payload": "/skip"})
    return buttons


class ActionAskInterestItem(ActionAskItem):
    """Ask one activity item: progress, question, the activity, buttons."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Send "Question n of 12", the question and the activity with buttons; no events."""
        lang = language_of(tracker)
        item = next(i for i in riasec.items() if i.id == self.item_id())
        progress = t("interests.progress", lang, n=RI_ITEMS.index(item.id) + 1, total=len(RI_ITEMS))
        text = f"{progress}\n{t('interests.question', lang)}\n{item.text[lang]}"
        dispatcher.utter_message(text=text, buttons=preference_buttons(lang))
        return []


ASK_ACTIONS = ask_action_classes(ActionAskInterestItem, RI_ITEMS, __name__)
globals().update({cls.__name__: cls for cls in ASK_ACTIONS.values()})


class ValidateInterestForm(FormValidationAction):
    """Parse each answer ("tykkään", "not sure", "gillar inte") to like / unsure / dislike."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_interest_form"

    def validate_item(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """Slot updates for one answered item; None (ask again) with help when not understood."""
        raw = answer_for(slot, value, tracker)
        lang = language_of(tracker)
        if is_explicit_section_skip(raw) or is_explicit_section_skip(latest_text(tracker)):
            dispatcher.utter_message(text=t("interests.section_skipped", lang))
            return section_rest(RI_ITEMS, slot, tracker)
        if is_dont_know(raw):
            return {slot: "unsure"}
        preference = parse_preference(raw)
        if preference in riasec.POINTS:
            return {slot: preference}
        if preference == "skipped" or latest_intent(tracker) == "skip":
            # A skip word without "this part" ("ei nyt", "en tiiä"): this item only, as "not sure".
            return {slot: "unsure"}
        dispatcher.utter_message(text=t("interests.invalid", lang))
        return {slot: None}


def _validator(slot: str) -> Any:
    def validate(
        self: ValidateInterestForm,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return self.validate_item(slot, value, dispatcher, tracker)

    validate.__doc__ = f"Validate {slot} (see validate_item)."
    return validate


for _slot in RI_ITEMS:
    setattr(ValidateInterestForm, f"validate_{_slot}", _validator(_slot))


class ActionScoreInterests(Action):
    """Score the profiler (O*NET-style sums), store it, and explain the Holland code.

    Sets ``holland_code`` (e.g. "IRC", or None when nothing was liked or
    answered). If the database is unreachable the explanation is still given,
    with a note.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_score_interests"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """``[SlotSet("holland_code", code)]`` and one explanation message."""
        lang = language_of(tracker)
        answers = {item: tracker.get_slot(item) for item in RI_ITEMS}
        clean = {item: value if value in riasec.POINTS else None for item, value in answers.items()}
        result = riasec.score_riasec(clean)
        text = riasec.explain_holland_code(result.holland_code, lang)
        try:
            with session_scope() as session:
                save_result(
                    session,
                    tracker.sender_id,
                    "riasec",
                    answers=result.answers,
                    holland_code=result.holland_code,
                )
        except SQLAlchemyError:
            logger.exception("could not store the RIASEC result")
            text = f"{text} {t('interests.not_saved', lang)}"
        dispatcher.utter_message(text=text)
        return [SlotSet("holland_code", result.holland_code)]
