"""Self-introduction builder (issue 15): the form, the numbered sentences and their buttons.

Flow (data/rules/introduction.yml):

- ``build_introduction`` → ``action_start_introduction`` (says what comes and
  clears the answers of an earlier round) → ``introduction_form`` asks
  ``intro_did``, ``intro_good_at``, ``intro_want_next`` (``action_ask_*``, each
  with a "Skip" button ``/skip``); ``validate_introduction_form`` cleans every
  answer (:func:`bot.practice.introduction.clean_answer`), "skipped" for a skip.
- ``action_show_introduction`` builds the sentences (slot
  ``introduction_sentences``) and shows them numbered with the buttons
  ``/edit_introduction{"sentence":N}`` per sentence, ``/copy_introduction``,
  ``/add_introduction_to_summary`` (until added) and ``/finish_introduction``.
- ``edit_introduction`` (a button, "change sentence 2" or a typed "2: new text"):
  :mod:`actions.introduction_edit`. Then the sentences are shown again.
- ``action_copy_introduction``: the text as one paragraph in a custom message
  ``{"data": {"text", "buttons", "introduction": {"text", "filename"}}}``; the
  widget shows "Copy" and "Download as text" under it (widget/src/introduction.js).
- ``action_add_introduction_to_summary``: sets ``introduction_in_summary``, so
  the next summary includes the sentences (:mod:`bot.summaries.service`), and
  puts them into a summary already saved (:mod:`bot.practice.introduction_store`).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from bot.db import session_scope
from bot.guidance.answers import skip_kind
from bot.guidance.vocabulary import SKIPPED
from bot.i18n import t
from bot.matching import localised_label
from bot.practice.introduction import (
    IntroAnswers,
    KnownFacts,
    build_introduction,
    clean_answer,
    is_help_request,
    render_download,
    render_numbered,
    sentences_of,
    skills_section,
)
from bot.practice.introduction_store import add_to_saved_summary

logger = logging.getLogger(__name__)

ANSWER_SLOTS = ("intro_did", "intro_good_at", "intro_want_next")


def payload_button(title: str, intent: str, entities: dict[str, Any] | None = None) -> dict[str, str]:
    """A button sending ``/<intent>`` and ``entities`` as plain JSON: ``/edit_introduction{"sentence":2}``."""
    body = json.dumps(entities, separators=(",", ":"), ensure_ascii=False) if entities else ""
    return {"title": title, "payload": f"/{intent}{body}"}


def introduction_buttons(sentences: list[str], lang: str, in_summary: bool) -> list[dict[str, str]]:
    """Change sentence 1..N, copy or download, add to my summary (until added), done."""
    buttons = [
        payload_button(t("introduction.change_button", lang, number=n), "edit_introduction", {"sentence": n})
        for n in range(1, len(sentences) + 1)
    ]
    buttons.append(payload_button(t("introduction.copy_button", lang), "copy_introduction"))
    if not in_summary:
        buttons.append(payload_button(t("introduction.summary_button", lang), "add_introduction_to_summary"))
    buttons.append(payload_button(t("introduction.done_button", lang), "finish_introduction"))
    return buttons


def start_button(lang: str) -> dict[str, str]:
    """The "Write my introduction" button (``/build_introduction``)."""
    return payload_button(t("introduction.start_button", lang), "build_introduction")


def _known(tracker: Tracker, lang: str) -> KnownFacts:
    def texts(slot: str) -> tuple[str, ...]:
        value = tracker.get_slot(slot)
        items = value if isinstance(value, list) else []
        return tuple(localised_label(item, lang) for item in items if isinstance(item, str) and item)

    field, goal = tracker.get_slot("field"), tracker.get_slot("goal_type")
    return KnownFacts(
        field=field if isinstance(field, str) else None,
        goal_type=goal if isinstance(goal, str) else None,
        skills=texts("skills"),
        occupations=texts("occupations"),
    )


def _answer(tracker: Tracker, slot: str) -> str | None:
    value = tracker.get_slot(slot)
    return value if isinstance(value, str) and value and value != SKIPPED else None


def show(dispatcher: CollectingDispatcher, tracker: Tracker, sentences: list[str]) -> None:
    """Utter the numbered sentences with the introduction's buttons."""
    lang = language_of(tracker)
    text = "\n\n".join(
        [t("introduction.shown", lang), render_numbered(sentences), t("introduction.edit_hint", lang)]
    )
    in_summary = tracker.get_slot("introduction_in_summary") is True
    dispatcher.utter_message(text=text, buttons=introduction_buttons(sentences, lang, in_summary))


def say_none_yet(dispatcher: CollectingDispatcher, lang: str) -> None:
    """There is no introduction yet: say so, with the "Write my introduction" button."""
    dispatcher.utter_message(text=t("introduction.none_yet", lang), buttons=[start_button(lang)])


class ActionStartIntroduction(Action):
    """Say what comes; clear the answers, sentences and edit state of an earlier round."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_start_introduction"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Utter the start text; clear each introduction slot (``introduction_in_summary``: False)."""
        dispatcher.utter_message(text=t("introduction.start", language_of(tracker)))
        cleared = [*ANSWER_SLOTS, "intro_new_sentence", "introduction_sentences", "introduction_edit"]
        return [*(SlotSet(slot, None) for slot in cleared), SlotSet("introduction_in_summary", False)]


class _AskAnswer(Action):
    """Ask one question of introduction_form, with a "Skip" button (``/skip``)."""

    slot = ""

    def name(self) -> str:
        """``action_ask_<slot>``."""
        return f"action_ask_{self.slot}"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Utter the question; returns no events."""
        lang = language_of(tracker)
        key = self.slot.removeprefix("intro_")
        dispatcher.utter_message(
            text=t(f"introduction.ask_{key}", lang),
            buttons=[{"title": t("introduction.skip_button", lang), "payload": "/skip"}],
        )
        return []


class ActionAskIntroDid(_AskAnswer):
    """What have you done so far (work, studies, volunteering, hobbies, family)?"""

    slot = "intro_did"


class ActionAskIntroGoodAt(_AskAnswer):
    """What are you good at?"""

    slot = "intro_good_at"


class ActionAskIntroWantNext(_AskAnswer):
    """What would you like to do next?"""

    slot = "intro_want_next"


class ValidateIntroductionForm(FormValidationAction):
    """Clean each answer; a skip, an empty or emoji-only answer gives "skipped", never a question again.

    An answer that only says what the person cannot do ("en osaa mitään") is
    left out with a kind word (``introduction.reframe``): strengths only. A slot
    cleared by action_start_introduction (None) stays None, so the form asks it.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_introduction_form"

    def _clean(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        if value is None:  # cleared by action_start_introduction: nothing to judge yet
            return {slot: None}
        if is_help_request(value):  # help is accepted as text here ("helping customers" is an answer)
            dispatcher.utter_message(response="utter_help")
            return {slot: None}
        cleaned = clean_answer(value)
        if cleaned is not None:
            return {slot: cleaned}
        text = value if isinstance(value, str) else ""
        said_something = any(ch.isalpha() for ch in text) and not text.strip().startswith("/")
        if said_something and skip_kind(text) is None:
            dispatcher.utter_message(text=t("introduction.reframe", language_of(tracker)))
        return {slot: SKIPPED}

    def validate_intro_did(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The cleaned answer or "skipped"."""
        return self._clean("intro_did", slot_value, dispatcher, tracker)

    def validate_intro_good_at(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The cleaned answer or "skipped"."""
        return self._clean("intro_good_at", slot_value, dispatcher, tracker)

    def validate_intro_want_next(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The cleaned answer or "skipped"."""
        return self._clean("intro_want_next", slot_value, dispatcher, tracker)


class ActionShowIntroduction(Action):
    """Show the sentences numbered with their buttons; build them first when there are none yet.

    Returns ``introduction_sentences`` and clears the edit state
    (``intro_new_sentence``, ``introduction_edit``). With neither sentences nor
    answers (an edit before any introduction) it offers to write one.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_show_introduction"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Build if needed, show; see class docstring."""
        lang = language_of(tracker)
        sentences = sentences_of(tracker.get_slot("introduction_sentences"))
        cleared: list[EventType] = [SlotSet("intro_new_sentence", None), SlotSet("introduction_edit", None)]
        if not sentences:
            if all(tracker.get_slot(slot) is None for slot in ANSWER_SLOTS):
                say_none_yet(dispatcher, lang)
                return cleared
            answers = IntroAnswers(*(_answer(tracker, slot) for slot in ANSWER_SLOTS))
            sentences = build_introduction(answers, _known(tracker, lang), lang)
        show(dispatcher, tracker, sentences)
        return [SlotSet("introduction_sentences", sentences), *cleared]


class ActionCopyIntroduction(Action):
    """The introduction as plain text (and the CV skills it names), in a custom message the widget
    adds Copy and Download to."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_copy_introduction"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Utter ``{"data": {"text", "buttons", "introduction": {"text", "filename"}}}``; no events."""
        lang = language_of(tracker)
        sentences = sentences_of(tracker.get_slot("introduction_sentences"))
        if not sentences:
            say_none_yet(dispatcher, lang)
            return []
        answers = IntroAnswers(*(_answer(tracker, slot) for slot in ANSWER_SLOTS))
        plain = render_download(sentences, skills_section(answers, _known(tracker, lang)), lang)
        in_summary = tracker.get_slot("introduction_in_summary") is True
        buttons = [
            button
            for button in introduction_buttons(sentences, lang, in_summary)
            if not button["payload"].startswith(("/edit_introduction", "/copy_introduction"))
        ]
        data = {
            "text": f"{t('introduction.plain', lang)}\n\n{plain.strip()}",
            "buttons": buttons,
            "introduction": {"text": plain, "filename": t("introduction.filename", lang)},
        }
        dispatcher.utter_message(json_message={"data": data})
        return []


class ActionAddIntroductionToSummary(Action):
    """Include the introduction in the summary: the next one, and one already saved (``summary_id``)."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_add_introduction_to_summary"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """SlotSet ``introduction_in_summary`` True and confirm (shared, private or not saved yet)."""
        lang = language_of(tracker)
        sentences = sentences_of(tracker.get_slot("introduction_sentences"))
        if not sentences:
            say_none_yet(dispatcher, lang)
            return []
        key = "introduction.added_to_summary"
        summary_id = tracker.get_slot("summary_id")
        if summary_id:
            try:
                with session_scope() as session:
                    shared = add_to_saved_summary(session, summary_id, sentences)
                key = "introduction.added_shared" if shared else "introduction.added_private"
            except LookupError:
                pass
            except SQLAlchemyError:
                logger.exception("action_add_introduction_to_summary: database not reachable")
                key = "introduction.save_failed"
        buttons = [
            payload_button(t("introduction.copy_button", lang), "copy_introduction"),
            payload_button(t("introduction.done_button", lang), "finish_introduction"),
        ]
        dispatcher.utter_message(text=t(key, lang), buttons=buttons)
        return [SlotSet("introduction_in_summary", True)]
