"""Confidence check: ``validate_confidence_form``, ``action_ask_se_1`` ..
``action_ask_se_5`` and ``action_score_confidence``.

Items come from the self-efficacy instrument (bot/guidance/self_efficacy.yml);
one small factory builds an ask action per item. Ratings are stored in the
slots as "1".."5"; typed answers are read by meaning
(:func:`bot.assessment.typed_answers.score_likert`). Skip rules
(docs/conversation.md): "Skip this part" (``/skip``) or a typed "skip this
part" / "ohita tämä osio" fills this item and all remaining ones with
"skipped", and the bot says so; "I don't know" skips only this item.
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
from bot.assessment.typed_answers import is_explicit_section_skip, score_likert
from bot.db import session_scope
from bot.guidance import self_efficacy
from bot.guidance.store import TrendPoint, confidence_trend, latest_score, save_result
from bot.i18n import t
from bot.resume.trend import trend_line

logger = logging.getLogger(__name__)

SE_ITEMS: tuple[str, ...] = tuple(self_efficacy.item_ids())


def rating_buttons(lang: str) -> list[dict[str, str]]:
    """Buttons "1 · Not at all sure" .. "5 · Completely sure" (payload
    ``/inform{"answer":"4"}``) and "Skip this part" (payload ``/skip``)."""
    labels = self_efficacy.scale_labels(lang)
    buttons = [
        {"title": f"{point} · {label}", "payload": f'/inform{{"answer":"{point}"}}'}
        for point, label in sorted(labels.items())
    ]
    buttons.append({"title": t("confidence.skip_button", lang), "payload": "/skip"})
    return buttons


class ActionAskConfidenceItem(ActionAskItem):
    """Ask one self-efficacy item: progress, question, 1-5 buttons and skip."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Send "Question n of 5", the item text and the buttons; no events."""
        lang = language_of(tracker)
        item = next(i for i in self_efficacy.items() if i.id == self.item_id())
        progress = t("confidence.progress", lang, n=SE_ITEMS.index(item.id) + 1, total=len(SE_ITEMS))
        dispatcher.utter_message(text=f"{progress}\n{item.text[lang]}", buttons=rating_buttons(lang))
        return []


ASK_ACTIONS = ask_action_classes(ActionAskConfidenceItem, SE_ITEMS, __name__)
globals().update({cls.__name__: cls for cls in ASK_ACTIONS.values()})


class ValidateConfidenceForm(FormValidationAction):
    """Read each rating by meaning (bot.assessment.typed_answers.score_likert, 1-5 Likert):
    "4", "neljä", "not really" → "2", "aika huonosti" → "2"; when the meaning is
    unclear the item is asked again with the buttons, never guessed."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_confidence_form"

    def validate_item(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """Slot updates for one answered item; None (ask again) with help when not understood."""
        raw = answer_for(slot, value, tracker)
        lang = language_of(tracker)
        reading = score_likert(raw)
        if reading.section_skip or is_explicit_section_skip(latest_text(tracker)):
            dispatcher.utter_message(text=t("confidence.section_skipped", lang))
            return section_rest(SE_ITEMS, slot, tracker)
        if isinstance(reading.value, int):
            if latest_intent(tracker) == "feel_discouraged":
                # "aika huonosti, välil tuntuu et ei jaksa" is an answer and a feeling: both count.
                dispatcher.utter_message(response="utter_feel_discouraged")
            return {slot: str(reading.value)}
        if reading.value is not None or latest_intent(tracker) == "skip":
            # "I don't know" (or the skip intent without explicit words): this item only.
            return {slot: "skipped"}
        side = {"feel_discouraged": "utter_feel_discouraged", "out_of_scope": "utter_out_of_scope"}
        if latest_intent(tracker) == "feel_discouraged" or (
            latest_intent(tracker) in side and not reading.scale_words
        ):
            # A side remark, not an answer: its own reply, then the form asks again.
            dispatcher.utter_message(response=side[latest_intent(tracker)])
            return {slot: None}
        # A number outside 1-5 gets the scale explained; words we cannot place, a kind "which button?".
        number = any(ch.isdigit() for ch in str(raw))
        dispatcher.utter_message(text=t("confidence.invalid" if number else "confidence.unsure", lang))
        return {slot: None}


def _validator(slot: str) -> Any:
    def validate(
        self: ValidateConfidenceForm,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return self.validate_item(slot, value, dispatcher, tracker)

    validate.__doc__ = f"Validate {slot} (see validate_item)."
    return validate


for _slot in SE_ITEMS:
    setattr(ValidateConfidenceForm, f"validate_{_slot}", _validator(_slot))


def _slot_rating(value: object) -> int | None:
    if isinstance(value, str) and value.strip() in {"1", "2", "3", "4", "5"}:
        return int(value.strip())
    return None


class ActionScoreConfidence(Action):
    """Score the check, store it with a timestamp, and give strengths-based feedback.

    Sets ``confidence_score`` (mean 1.0-5.0, or None when all were skipped).
    Mentions the trend when an earlier score of this conversation is stored
    (one copied by a resume code too): a warm comparison with the last score
    and a line with every score and its date ("1 Dec: 2.8 · 2 Dec: 3.4").
    If the database is unreachable the feedback is still given, with a note.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_score_confidence"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """``[SlotSet("confidence_score", score)]`` and one feedback message."""
        lang = language_of(tracker)
        ratings = {item: _slot_rating(tracker.get_slot(item)) for item in SE_ITEMS}
        result = self_efficacy.score_self_efficacy(dict(ratings))
        previous: float | None = None
        trend: list[TrendPoint] = []
        saved = True
        try:
            with session_scope() as session:
                previous = latest_score(session, tracker.sender_id)
                save_result(
                    session, tracker.sender_id, "self_efficacy", answers=result.answers, score=result.score
                )
                trend = confidence_trend(session, tracker.sender_id)
        except SQLAlchemyError:
            logger.exception("could not store the self-efficacy result")
            saved = False
        text = self_efficacy.feedback(result, lang, previous=previous)
        if not saved:
            text = f"{text} {t('confidence.not_saved', lang)}"
        elif len(trend) > 1 and result.score is not None:
            # Earlier sessions (a resume code): every score with its date, as the coach sees it.
            text = f"{text}\n{t('resume.trend_line', lang, trend=trend_line(trend, lang))}"
        dispatcher.utter_message(text=text)
        return [SlotSet("confidence_score", result.score)]
