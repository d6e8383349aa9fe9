"""Confidence check: ``validate_confidence_form``, ``action_ask_se_1`` ..
``action_ask_se_5`` and ``action_score_confidence``.

Items, the 1-5 scale, its buttons and the skip rules are the questionnaire
base's (:data:`bot.assessment.questionnaire.CONFIDENCE`, actions in
actions/questionnaire.py). Ratings are stored in the slots as "1".."5";
typed answers are read by meaning
(:func:`bot.assessment.typed_answers.score_likert`). Skip rules
(docs/conversation.md): "Skip this part" (``/skip``) or a typed "skip this
part" / "ohita tämä osio" fills this item and all remaining ones with
"skipped", and the bot says so; "I don't know" skips only this item.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.forms import ask_action_classes, latest_intent
from actions.questionnaire import (
    ActionAskQuestionnaireItem,
    ActionScoreQuestionnaire,
    ValidateQuestionnaireForm,
)
from bot.assessment.questionnaire import CONFIDENCE
from bot.assessment.typed_answers import score_likert
from bot.guidance import self_efficacy
from bot.guidance.store import TrendPoint, confidence_trend, latest_score, save_result
from bot.i18n import t
from bot.resume.trend import trend_line

SE_ITEMS: tuple[str, ...] = CONFIDENCE.item_ids


def rating_buttons(lang: str) -> list[dict[str, str]]:
    """Buttons "1 · Not at all sure" .. "5 · Completely sure" (payload
    ``/inform{"answer":"4"}``) and "Skip this part" (payload ``/skip``)."""
    return CONFIDENCE.buttons(lang)


class ActionAskConfidenceItem(ActionAskQuestionnaireItem):
    """Ask one self-efficacy item: "Question n of 5", the item text, 1-5 buttons and skip."""

    questionnaire = CONFIDENCE


ASK_ACTIONS = ask_action_classes(ActionAskConfidenceItem, SE_ITEMS, __name__)
globals().update({cls.__name__: cls for cls in ASK_ACTIONS.values()})


class ValidateConfidenceForm(ValidateQuestionnaireForm):
    """Read each rating by meaning (bot.assessment.typed_answers.score_likert, 1-5 Likert):
    "4", "neljä", "not really" → "2", "aika huonosti" → "2"; when the meaning is
    unclear the item is asked again with the buttons, never guessed."""

    questionnaire = CONFIDENCE

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_confidence_form"

    def read_answer(
        self, slot: str, raw: object, lang: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """A rating "1".."5", "skipped" for "I don't know", or None (ask again) with help."""
        reading = score_likert(raw, lang)
        intent = latest_intent(tracker)
        if isinstance(reading.value, int):
            if intent == "feel_discouraged":
                # "aika huonosti, välil tuntuu et ei jaksa" is an answer and a feeling: both count.
                dispatcher.utter_message(response="utter_feel_discouraged")
            return {slot: str(reading.value)}
        if reading.value is not None or intent == "skip":
            # "I don't know" (or the skip intent without explicit words): this item only.
            return {slot: CONFIDENCE.dont_know}
        side = {"feel_discouraged": "utter_feel_discouraged", "out_of_scope": "utter_out_of_scope"}
        if intent == "feel_discouraged" or (intent in side and not reading.scale_words):
            # A side remark, not an answer: its own reply, then the form asks again.
            dispatcher.utter_message(response=side[intent])
            return {slot: None}
        # A number outside 1-5 gets the scale explained; words we cannot place, a kind "which button?".
        number = any(ch.isdigit() for ch in str(raw))
        dispatcher.utter_message(text=t("confidence.invalid" if number else "confidence.unsure", lang))
        return {slot: None}


class ActionScoreConfidence(ActionScoreQuestionnaire):
    """Score the check, store it with a timestamp, and give strengths-based feedback.

    Sets ``confidence_score`` (mean 1.0-5.0, or None when all were skipped).
    Mentions the trend when an earlier score of this conversation is stored
    (one copied by a resume code too): a warm comparison with the last score
    and a line with every score and its date ("1 Dec: 2.8 · 2 Dec: 3.4").
    If the database is unreachable the feedback is still given, with a note.
    """

    questionnaire = CONFIDENCE
    log_name = "self-efficacy"
    result_slot = "confidence_score"

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_score_confidence"

    def store(
        self, session: Session, sender_id: str, result: self_efficacy.SelfEfficacyResult
    ) -> tuple[float | None, list[TrendPoint]]:
        """Save the result; ``(the score before this one, every dated score)``."""
        previous = latest_score(session, sender_id)
        save_result(session, sender_id, CONFIDENCE.result_kind, answers=result.answers, score=result.score)
        return previous, confidence_trend(session, sender_id)

    def message(
        self,
        result: self_efficacy.SelfEfficacyResult,
        lang: str,
        stored: tuple[float | None, list[TrendPoint]] | None,
        saved: bool,
    ) -> str:
        """The feedback, with the comparison and the dated trend when there are earlier scores."""
        previous, trend = stored if stored is not None else (None, [])
        text = self_efficacy.feedback(result, lang, previous=previous)
        if saved and len(trend) > 1 and result.score is not None:
            # Earlier sessions (a resume code): every score with its date, as the coach sees it.
            text = f"{text}\n{t('resume.trend_line', lang, trend=trend_line(trend, lang))}"
        return text

    def events(self, result: self_efficacy.SelfEfficacyResult) -> list[EventType]:
        """``[SlotSet("confidence_score", score)]``."""
        return [SlotSet("confidence_score", result.score)]
