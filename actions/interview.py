"""Interview practice (issue 15): the confidence item before and after, five questions, kind feedback.

Flow (data/rules/interview.yml):

- ``practise_interview`` → ``action_start_interview`` (says what comes; clears
  an earlier round) → ``interview_form``:
  ``interview_se_before``: the self-efficacy interview item (se_4) with the
  confidence check's 1-5 buttons, read like the check
  (:meth:`actions.confidence.ValidateConfidenceForm.read_answer`) and stored
  as a point labelled "before" (:data:`bot.resume.trend.INTERVIEW_KIND`);
  ``interview_answer``: every question is asked through this one slot
  (``interview_question`` = 0..4). An answer gets the feedback of
  :func:`bot.practice.interview.feedback` with the buttons Try again / Next
  question / Stop practice (``/inform{"answer":"retry"}``, ``"next"``,
  ``"stop"``; typed "seuraava", "nästa", "stop" work too), and the slot stays
  empty (``interview_waiting`` true: the ask action then stays quiet). A new
  typed answer is a new try at the same question. "stop", or "next" after the
  last question, fills the slot with "done";
  An answer the classifier takes for a call for a coach gets its feedback and
  a line on how to reach one (Stop practice, then "talk to a coach");
  ``interview_se_after``: se_4 again, stored labelled "after".
- ``action_finish_interview``: a warm closing, with the before and after
  ratings side by side (never a score of the answers).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from actions.confidence import ValidateConfidenceForm
from actions.forms import answer_for, latest_intent
from bot.assessment.questionnaire import CONFIDENCE
from bot.assessment.typed_answers import is_explicit_section_skip
from bot.db import session_scope
from bot.guidance.answers import fold
from bot.guidance.store import save_result
from bot.guidance.vocabulary import SKIPPED
from bot.i18n import t
from bot.practice.interview import QUESTION_IDS, feedback, question_text, render
from bot.practice.introduction import is_help_request
from bot.resume.trend import INTERVIEW_KIND

logger = logging.getLogger(__name__)

ITEM = "se_4"
DONE = "done"
SLOTS = ("interview_se_before", "interview_answer", "interview_se_after")
# Typed choices after the feedback (folded: ä → a, ö → o, å → a), whole message only.
_CHOICES: dict[str, tuple[str, ...]] = {
    "retry": ("retry", "try again", "again", "uudestaan", "uudelleen", "yrita uudestaan", "uusiks",
              "igen", "forsok igen", "en gang till"),
    "next": ("next", "next question", "skip", "pass", "seuraava", "seuraava kysymys", "ohita", "skippaa",
             "nasta", "nasta fraga", "hoppa over", "hoppa over fragan"),
    "stop": ("stop", "stop practice", "quit", "enough", "lopeta", "lopetetaan", "riittaa", "lopeta harjoitus",
             "sluta", "sluta ova", "avsluta", "det racker"),
}


def choice_of(text: object) -> str | None:
    """"retry", "next" or "stop" for a button value or a short typed choice ("seuraava", "nästa").

    None for anything else (an answer)."""
    if not isinstance(text, str):
        return None
    plain = " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())
    for choice, words in _CHOICES.items():
        if plain in words:
            return choice
    return None


def _index(tracker: Tracker) -> int:
    value = tracker.get_slot("interview_question")
    return int(value) if isinstance(value, int | float) and 0 <= value < len(QUESTION_IDS) else 0


def _button(title: str, answer: str) -> dict[str, str]:
    return {"title": title, "payload": f'/inform{{"answer":"{answer}"}}'}


def choice_buttons(lang: str, last: bool) -> list[dict[str, str]]:
    """Try again, Next question (not after the last question) and Stop practice."""
    buttons = [_button(t("interview.retry_button", lang), "retry")]
    if not last:
        buttons.append(_button(t("interview.next_button", lang), "next"))
    buttons.append(_button(t("interview.stop_button", lang), "stop"))
    return buttons


def question_for(tracker: Tracker, index: int, lang: str) -> str:
    """Question ``index`` worded for the conversation's field, education level and goal."""
    def slot(name: str) -> str | None:
        value = tracker.get_slot(name)
        return value if isinstance(value, str) and value != SKIPPED else None

    return question_text(
        QUESTION_IDS[index], lang, field=slot("field"), level=slot("education_level"), goal=slot("goal_type")
    )


def _rating(value: object) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() else None


def store_rating(conversation_id: str, moment: str, value: object) -> bool:
    """Save the item's rating as a labelled point (a skip too, without a score).

    Returns False when the database cannot be written (logged)."""
    rating = _rating(value)
    try:
        with session_scope() as session:
            save_result(
                session, conversation_id, INTERVIEW_KIND,
                answers={ITEM: value if isinstance(value, str) else None, "moment": moment},
                score=float(rating) if rating is not None else None,
            )
    except SQLAlchemyError:
        logger.exception("could not store the interview confidence rating (%s)", moment)
        return False
    return True


class ActionStartInterview(Action):
    """Say what comes; clear the slots of an earlier round (question 1, nothing answered)."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_start_interview"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Utter ``interview.start``; reset the interview slots."""
        dispatcher.utter_message(text=t("interview.start", language_of(tracker)))
        return [
            *(SlotSet(slot, None) for slot in SLOTS),
            SlotSet("interview_question", 0.0),
            SlotSet("interview_waiting", False),
            SlotSet("interview_answered", 0.0),
        ]


class _AskRating(Action):
    """Ask se_4 with the confidence check's 1-5 buttons and "Skip this part"."""

    slot = ""
    intro_key = ""

    def name(self) -> str:
        """``action_ask_<slot>``."""
        return f"action_ask_{self.slot}"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Utter the intro line and the item; no events."""
        lang = language_of(tracker)
        text = f"{t(self.intro_key, lang)}\n{t(f'questionnaires.{ITEM}', lang)}"
        dispatcher.utter_message(text=text, buttons=CONFIDENCE.buttons(lang))
        return []


class ActionAskInterviewSeBefore(_AskRating):
    """The interview item before the practice."""

    slot = "interview_se_before"
    intro_key = "interview.se_before"


class ActionAskInterviewSeAfter(_AskRating):
    """The interview item after the practice."""

    slot = "interview_se_after"
    intro_key = "interview.se_after"


class ActionAskInterviewAnswer(Action):
    """Ask the current question ("Question 2 of 5", the question, Skip / Stop); quiet while feedback waits."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_ask_interview_answer"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Utter the question unless ``interview_waiting``; no events."""
        if tracker.get_slot("interview_waiting") is True:
            return []  # the feedback just sent carries the buttons
        lang = language_of(tracker)
        index = _index(tracker)
        progress = t("interview.progress", lang, number=index + 1, total=len(QUESTION_IDS))
        buttons = [
            _button(t("interview.skip_button", lang), "next"),
            _button(t("interview.stop_button", lang), "stop"),
        ]
        dispatcher.utter_message(text=f"{progress}\n{question_for(tracker, index, lang)}", buttons=buttons)
        return []


class ValidateInterviewForm(FormValidationAction):
    """The ratings are read like the confidence check's; an answer gets feedback; buttons move on.

    ``validate_interview_answer`` returns ``{"interview_answer": None, ...}``
    while the drill goes on and ``"done"`` when it ends (see the module docstring).
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_interview_form"

    def _rating(
        self, slot: str, moment: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        if value is None:
            return {slot: None}
        raw = answer_for(slot, value, tracker)
        lang = language_of(tracker)
        if is_explicit_section_skip(raw) or latest_intent(tracker) == "skip":
            result: dict[str, Any] = {slot: SKIPPED}
        else:
            result = ValidateConfidenceForm().read_answer(slot, raw, lang, dispatcher, tracker)
        if result.get(slot) is not None and not store_rating(tracker.sender_id, moment, result[slot]):
            dispatcher.utter_message(text=t("interview.not_saved", lang))
        return result

    def validate_interview_se_before(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """"1".."5" or "skipped", stored as the "before" point; None (ask again) when unclear."""
        return self._rating("interview_se_before", "before", slot_value, dispatcher, tracker)

    def validate_interview_se_after(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """"1".."5" or "skipped", stored as the "after" point; None (ask again) when unclear."""
        return self._rating("interview_se_after", "after", slot_value, dispatcher, tracker)

    def validate_interview_answer(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Feedback for an answer; Try again / Next / Stop move the drill (see class docstring)."""
        if slot_value is None:
            return {"interview_answer": None}
        lang = language_of(tracker)
        index = _index(tracker)
        raw = answer_for("interview_answer", slot_value, tracker)
        text = raw if isinstance(raw, str) else ""
        choice = choice_of(text)
        if choice == "stop" or (choice == "next" and index + 1 >= len(QUESTION_IDS)):
            return {"interview_answer": DONE, "interview_waiting": False}
        if choice == "next":
            following = float(index + 1)
            return {"interview_answer": None, "interview_question": following, "interview_waiting": False}
        if choice == "retry":
            dispatcher.utter_message(text=t("interview.retry", lang))
            return {"interview_answer": None, "interview_waiting": False}
        if is_help_request(text):  # a bare "help" / "apua" is no answer (help is accepted as text here)
            dispatcher.utter_message(response="utter_help")
            return {"interview_answer": None}
        if not any(ch.isalpha() for ch in text) or text.strip().startswith("/"):
            dispatcher.utter_message(text=t("interview.empty", lang))
            return {"interview_answer": None}
        fb = feedback(text, QUESTION_IDS[index], lang)
        last = index + 1 >= len(QUESTION_IDS)
        reply = render(fb, lang)
        if latest_intent(tracker) == "request_coach":
            # "I like working with people" reads as a call for a coach; it is an answer here,
            # so the way to a coach is told instead of taken (bot/contract/forms.yml).
            reply = f"{reply}\n{t('interview.coach_hint', lang)}"
        dispatcher.utter_message(text=reply, buttons=choice_buttons(lang, last))
        answered = tracker.get_slot("interview_answered")
        count = float(answered) + 1 if isinstance(answered, int | float) else 1.0
        return {"interview_answer": None, "interview_waiting": True, "interview_answered": count}


def closing_text(before: object, after: object, answered: int, lang: str) -> str:
    """The warm closing, with the before and after ratings when both were given."""
    if answered == 0:
        return t("interview.done_none", lang)
    text = t("interview.done", lang)
    first, second = _rating(before), _rating(after)
    if first is None or second is None:
        return text
    key = "up" if second > first else "same" if second == first else "down"
    return f"{text}\n{t(f'interview.confidence_{key}', lang, before=first, after=second)}"


class ActionFinishInterview(Action):
    """Close the practice warmly; the before and after points are already stored."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_finish_interview"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Utter :func:`closing_text` with a "Courses and jobs" button; clear ``interview_waiting``."""
        answered = tracker.get_slot("interview_answered")
        count = int(answered) if isinstance(answered, int | float) else 0
        text = closing_text(
            tracker.get_slot("interview_se_before"), tracker.get_slot("interview_se_after"),
            count, language_of(tracker),
        )
        # "Courses and jobs" goes back to the goal questions (or to the suggestions).
        go_on = [{"title": t("interview.go_on_button", language_of(tracker)), "payload": "/ask_courses"}]
        dispatcher.utter_message(text=text, buttons=go_on)
        return [SlotSet("interview_waiting", False)]
