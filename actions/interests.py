"""Interest profiler: ``validate_interest_form``, ``action_ask_ri_1`` ..
``action_ask_ri_12`` and ``action_score_interests``.

Items, the like / not sure / dislike scale, its buttons and the skip rules
are the questionnaire base's (:data:`bot.assessment.questionnaire.INTERESTS`,
actions in actions/questionnaire.py). Answers are stored as "like",
"unsure" or "dislike". Skip rules (docs/conversation.md): "Skip this part"
(``/skip``) or a typed "skip this part" / "ohita tämä osio" fills this item
and all remaining ones with "skipped", and the bot says so; "not sure" and
"I don't know" ("emmä tiiä") are the real answer "unsure" for this item only.
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
from bot.assessment.questionnaire import INTERESTS
from bot.assessment.typed_answers import is_dont_know
from bot.guidance import riasec
from bot.guidance.answers import parse_preference
from bot.guidance.store import save_result
from bot.i18n import t

RI_ITEMS: tuple[str, ...] = INTERESTS.item_ids


def preference_buttons(lang: str) -> list[dict[str, str]]:
    """Buttons Like / Not sure / Dislike (payload ``/inform{"answer":"like"}`` etc.)
    and "Skip this part" (payload ``/skip``)."""
    return INTERESTS.buttons(lang)


class ActionAskInterestItem(ActionAskQuestionnaireItem):
    """Ask one activity item: "Question n of 12", the question, the activity, buttons."""

    questionnaire = INTERESTS


ASK_ACTIONS = ask_action_classes(ActionAskInterestItem, RI_ITEMS, __name__)
globals().update({cls.__name__: cls for cls in ASK_ACTIONS.values()})


class ValidateInterestForm(ValidateQuestionnaireForm):
    """Parse each answer ("tykkään", "not sure", "gillar inte") to like / unsure / dislike."""

    questionnaire = INTERESTS

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_interest_form"

    def read_answer(
        self, slot: str, raw: object, lang: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """"like", "unsure" or "dislike", or None (ask again) with help."""
        if is_dont_know(raw):
            return {slot: INTERESTS.dont_know}
        preference = parse_preference(raw, lang)
        if preference in riasec.POINTS:
            return {slot: preference}
        if preference == "skipped" or latest_intent(tracker) == "skip":
            # A skip word without "this part" ("ei nyt", "en tiiä"): this item only, as "not sure".
            return {slot: INTERESTS.dont_know}
        dispatcher.utter_message(text=t("interests.invalid", lang))
        return {slot: None}


class ActionScoreInterests(ActionScoreQuestionnaire):
    """Score the profiler (O*NET-style sums), store it, and explain the Holland code.

    Sets ``holland_code`` (e.g. "IRC", or None when nothing was liked or
    answered). If the database is unreachable the explanation is still given,
    with a note.
    """

    questionnaire = INTERESTS
    log_name = "RIASEC"
    result_slot = "holland_code"

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_score_interests"

    def store(self, session: Session, sender_id: str, result: riasec.RiasecResult) -> None:
        """Save the answers and the Holland code."""
        answers, code = result.answers, result.holland_code
        save_result(session, sender_id, INTERESTS.result_kind, answers=answers, holland_code=code)

    def message(self, result: riasec.RiasecResult, lang: str, stored: None, saved: bool) -> str:
        """The Holland code explained."""
        return riasec.explain_holland_code(result.holland_code, lang)

    def kept_message(self, kept: Any, result: riasec.RiasecResult, lang: str) -> str:
        """The earlier Holland code explained: skipping this time keeps it."""
        return riasec.explain_holland_code(kept if isinstance(kept, str) else None, lang)

    def events(self, result: riasec.RiasecResult) -> list[EventType]:
        """``[SlotSet("holland_code", code)]``."""
        return [SlotSet("holland_code", result.holland_code)]
