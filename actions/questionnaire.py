"""Rasa actions every questionnaire shares: ask an item, validate answers, score.

A check (actions/confidence.py, actions/interests.py) subclasses the three
bases below with its :class:`bot.assessment.questionnaire.Questionnaire` and
adds only what is its own: how a typed answer is read
(:meth:`ValidateQuestionnaireForm.read_answer`), and how the result is
stored and told (:meth:`ActionScoreQuestionnaire.store` /
:meth:`ActionScoreQuestionnaire.message`). The bases are abstract, so the
action server registers only the concrete actions.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, ClassVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.common import language_of
from actions.followup import review_asked_this_turn
from actions.forms import ActionAskItem, answer_for, asks_for_next_steps_early, latest_text
from bot.assessment.questionnaire import Questionnaire
from bot.assessment.typed_answers import is_explicit_section_skip
from bot.contract.city_texts import served_cities
from bot.db import session_scope
from bot.faq.places import unserved_place
from bot.i18n import t

logger = logging.getLogger(__name__)


class ActionAskQuestionnaireItem(ActionAskItem):
    """Ask one item: "Question n of N", the question, the scale buttons and "Skip this part"."""

    questionnaire: ClassVar[Questionnaire[Any]]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Send the item's prompt with its buttons; no events.

        Right after a resume code the question about an open step came in this
        turn, above the check's intro: it is asked again here, last on screen,
        and the item waits (the form asks it after the answer, a digression of
        the form). A rating typed instead still answers the item.
        """
        lang = language_of(tracker)
        review = review_asked_this_turn(tracker)
        if review is not None:
            question, is_last = review
            if not is_last:  # the check's intro came after it: ask it again, last on screen
                dispatcher.utter_message(text=t("followup.answer_first", lang))
                dispatcher.utter_message(text=question["text"], buttons=question["buttons"])
            return []
        q = self.questionnaire
        dispatcher.utter_message(text=q.prompt(self.item_id(), lang), buttons=q.buttons(lang))
        return []


class ValidateQuestionnaireForm(FormValidationAction, ABC):
    """Validates every item slot of :attr:`questionnaire` through :meth:`validate_item`.

    A subclass that sets ``questionnaire`` gets one ``validate_<item>``
    method per item (Rasa calls them by name).
    """

    questionnaire: ClassVar[Questionnaire[Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Add ``validate_<item>`` for each item of the subclass's questionnaire."""
        super().__init_subclass__(**kwargs)
        if "questionnaire" in cls.__dict__:
            for slot in cls.questionnaire.item_ids:
                setattr(cls, f"validate_{slot}", _validator(slot))

    def validate_item(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """Slot updates for one answer: a section skip fills the rest, else :meth:`read_answer`.

        An answer that is not understood and names a place DigiPoint does not
        serve ("Oulu") first gets the served cities and what works from
        anywhere (``goals.unserved_city``), and ``city`` becomes ``online``.

        The latest message's words count as a section skip only for the item
        it answered (``requested_slot``); a slot filled before the form asked
        (restored by a resume code) is validated on its own value.
        """
        raw = answer_for(slot, value, tracker)
        lang = language_of(tracker)
        # The latest message answers only the item it was asked for: when a form starts, Rasa
        # validates the slots already filled (answers a resume code restored) right after the
        # "Skip this part" that ended the check before it, and that skip is not theirs.
        asked = tracker.get_slot("requested_slot") == slot
        if is_explicit_section_skip(raw) or (asked and is_explicit_section_skip(latest_text(tracker))):
            dispatcher.utter_message(text=self.questionnaire.section_skipped_text(lang))
            return self.questionnaire.section_rest(slot, tracker.get_slot)
        if asked and asks_for_next_steps_early(tracker):  # the help menu's button: the steps come later
            dispatcher.utter_message(text=t("next_steps.after_questions", lang))
            return {slot: None}
        if not asked:
            return self.read_answer(slot, raw, lang, dispatcher, tracker)
        held = CollectingDispatcher()
        updates = self.read_answer(slot, raw, lang, held, tracker)
        place = unserved_place(raw) if updates.get(slot) is None else None
        if place:
            # "mä asun oulussa, onks siellä töitä" in the middle of the check: say where
            # DigiPoint serves and what works from anywhere, look for online options, ask again.
            dispatcher.utter_message(text=t("goals.unserved_city", lang, place=place, **served_cities(lang)))
            updates = {**updates, "city": "online"}
        dispatcher.messages.extend(held.messages)
        return updates

    @abstractmethod
    def read_answer(
        self, slot: str, raw: object, lang: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """``{slot: value}`` for an answer, ``{slot: None}`` (with a message) to ask again."""


def _validator(slot: str) -> Any:
    def validate(
        self: ValidateQuestionnaireForm,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return self.validate_item(slot, value, dispatcher, tracker)

    validate.__doc__ = f"Validate {slot} (see validate_item)."
    return validate


class ActionScoreQuestionnaire(Action, ABC):
    """Score the answers in the slots, store the result, tell it, set the result slots.

    When the database cannot be reached the message is still given, with the
    check's ``<key>.not_saved`` note, and one log line names the check.

    When no item was answered this time (the whole section skipped) and the
    result slot already holds a result (restored by a resume code, or an
    earlier check of this conversation), that result is kept: nothing is
    stored, no slot changes, and :meth:`kept_message` is said. Skipping a
    check never erases earlier answers.
    """

    questionnaire: ClassVar[Questionnaire[Any]]
    #: Name of the result in the operator's log line ("self-efficacy", "RIASEC").
    log_name: ClassVar[str]
    #: The slot holding the result ("confidence_score", "holland_code").
    result_slot: ClassVar[str]

    @abstractmethod
    def store(self, session: Session, sender_id: str, result: Any) -> Any:
        """Save ``result``; return what :meth:`message` needs from the database (or None)."""

    @abstractmethod
    def message(self, result: Any, lang: str, stored: Any, saved: bool) -> str:
        """The result message; ``stored`` is :meth:`store`'s value (None when not ``saved``)."""

    @abstractmethod
    def events(self, result: Any) -> list[EventType]:
        """The slot events of the result (``SlotSet("confidence_score", 3.4)``)."""

    def kept_message(self, kept: Any, result: Any, lang: str) -> str:
        """The message when the section was skipped and the earlier result ``kept`` stays."""
        return self.message(result, lang, None, True)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Score, store, utter one message; return :meth:`events` (none when an earlier result is kept)."""
        lang = language_of(tracker)
        result = self.questionnaire.result(tracker.get_slot)
        kept = tracker.get_slot(self.result_slot)
        if kept is not None and all(v is None for v in self.questionnaire.answers(tracker.get_slot).values()):
            dispatcher.utter_message(text=self.kept_message(kept, result, lang))
            return []
        stored: Any = None
        saved = True
        try:
            with session_scope() as session:
                stored = self.store(session, tracker.sender_id, result)
        except SQLAlchemyError:
            logger.exception("could not store the %s result", self.log_name)
            saved = False
        text = self.message(result, lang, stored, saved)
        if not saved:
            text = f"{text} {t(f'{self.questionnaire.key}.not_saved', lang)}"
        dispatcher.utter_message(text=text)
        return self.events(result)
