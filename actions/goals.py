"""Goal form validation: ``validate_goal_form``.

Every goal slot is parsed with :mod:`bot.guidance.answers` into its
canonical value (docs/conversation.md). A button's ``answer`` entity wins
over the raw text. An answer that is not understood gets a short helpful
message and the slot is reset to None, so the form asks again. Values set
before the form began (an entity in an earlier message, say a city
"Atlantis") are validated too. The background text goes through the spaCy
matcher (:mod:`bot.matching`: the shipped vocabulary plus the ESCO concepts in
the database, read since ``actions/warmup.py`` ran) and fills ``skills`` and
``occupations``. When the page gave no language, the language is guessed from
the person's words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.common import language_of
from actions.forms import answer_for, asks_for_next_steps_early, latest_intent, latest_text
from bot.contract.city_texts import served_cities
from bot.faq.places import unserved_place
from bot.guidance import answers
from bot.guidance.language import detect_language
from bot.guidance.vocabulary import GOAL_SLOTS, SKIPPED, is_valid
from bot.i18n import t
from bot.matching import localised_label, match_terms

Parser = Callable[[object], object]


def _merge(existing: object, new: list[str]) -> list[str]:
    merged = [item for item in existing if isinstance(item, str)] if isinstance(existing, list) else []
    return merged + [item for item in new if item not in merged]


def _value_before_latest_message(tracker: Tracker, slot: str) -> Any:
    """The value ``slot`` had before the person's latest message (None if unset then)."""
    seen_latest_message = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_latest_message = True
        elif seen_latest_message and event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
    return None



# A goodbye at the free-text question: only a short message the classifier is sure of.
FAREWELL_WORDS = 4
FAREWELL_CONFIDENCE = 0.7


def is_farewell(tracker: Tracker) -> bool:
    """Whether the latest message is a short goodbye the classifier is sure of (see validate_background)."""
    latest = tracker.latest_message or {}
    intent = latest.get("intent") or {}
    if not isinstance(intent, dict) or intent.get("name") != "goodbye":
        return False
    confidence = intent.get("confidence")
    words = str(latest.get("text") or "").split()
    sure = isinstance(confidence, int | float) and confidence >= FAREWELL_CONFIDENCE
    return sure and len(words) <= FAREWELL_WORDS


class ValidateGoalForm(FormValidationAction):
    """Validate goal_type, field, city, timeframe, education_level and background."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_goal_form"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate the newly extracted slots, then any goal slot still holding
        an invalid value from before the form began; guess the language first."""
        events: list[EventType] = []
        text = latest_text(tracker)
        if not tracker.get_slot("language") and not answers.is_payload(text):
            guessed = detect_language(text)
            if guessed:
                tracker.slots["language"] = guessed
                events.append(SlotSet("language", guessed))
        events.extend(await super().get_validation_events(dispatcher, tracker, domain))
        done = {event.get("name") for event in events}
        for slot in GOAL_SLOTS:
            value = tracker.get_slot(slot)
            if slot in done or value is None or is_valid(slot, value):
                continue
            result = getattr(self, f"validate_{slot}")(value, dispatcher, tracker, domain)
            tracker.slots.update(result)
            events.extend(SlotSet(name, new) for name, new in result.items())
        return events

    def _validate(
        self,
        slot: str,
        value: object,
        parser: Parser,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
    ) -> dict[str, Any]:
        parsed = parser(answer_for(slot, value, tracker))
        if parsed is None and latest_intent(tracker) == "skip" and tracker.get_slot("requested_slot") == slot:
            parsed = SKIPPED
        if parsed is None:
            lang = language_of(tracker)
            if asks_for_next_steps_early(tracker):  # the help menu's button: the steps come later
                dispatcher.utter_message(text=t("next_steps.after_questions", lang))
            else:
                dispatcher.utter_message(text=t(f"goals.invalid_{slot}", lang, **served_cities(lang)))
        return {slot: parsed}

    def validate_goal_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """job / study / both / unsure / skipped."""
        return self._validate("goal_type", value, answers.parse_goal_type, dispatcher, tracker)

    def validate_field(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A field value (software, data, ux_content, ...), unsure or skipped.

        A field named in passing in another answer (the background, say
        "ohjelmointia") never replaces a field the person already chose.
        """
        lang = language_of(tracker)
        earlier = _value_before_latest_message(tracker, "field")
        if earlier not in (None, "unsure", SKIPPED) and tracker.get_slot("requested_slot") != "field":
            return {"field": earlier}
        return self._validate("field", value, lambda v: answers.parse_field(v, lang), dispatcher, tracker)

    def validate_city(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Turku / Espoo / Helsinki / Vantaa / online / skipped.

        A Finnish place DigiPoint does not serve ("Oulu", "Tampereella") gets
        the served cities and what works from anywhere (online courses, the
        national job search), and the form goes on with ``online``; other
        unknown places are asked again.
        """
        raw = answer_for("city", value, tracker)
        if answers.parse_city(raw) is None:
            place = unserved_place(raw)
            if place:
                lang = language_of(tracker)
                text = t("goals.unserved_city", lang, place=place, **served_cities(lang))
                dispatcher.utter_message(text=text)
                return {"city": "online"}
            # Not in the city slot's not_intent, so that "Uleåborg" reaches this
            # validator; a real side remark still gets its own answer.
            side = {"feel_discouraged": "utter_feel_discouraged", "out_of_scope": "utter_out_of_scope"}
            if latest_intent(tracker) in side and tracker.get_slot("requested_slot") == "city":
                dispatcher.utter_message(response=side[latest_intent(tracker)])
                if latest_intent(tracker) == "out_of_scope":  # "asdfgh": say which places work
                    lang = language_of(tracker)
                    dispatcher.utter_message(text=t("goals.served_cities_hint", lang, **served_cities(lang)))
                return {"city": None}
        return self._validate("city", value, answers.parse_city, dispatcher, tracker)

    def validate_timeframe(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """now / 3_months / this_year / unsure / skipped."""
        return self._validate("timeframe", value, answers.parse_timeframe, dispatcher, tracker)

    def validate_education_level(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """basic / secondary / bachelor / master / other / skipped."""
        return self._validate("education_level", value, answers.parse_education_level, dispatcher, tracker)

    def validate_background(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The person's words (max 500 characters) or skipped; also sets skills and occupations.

        A message the classifier reads as ``goodbye`` reaches this validator
        (bot/contract/forms.yml accepts it): a short one it is sure of ("ok
        bye", at most :data:`FAREWELL_WORDS` words, confidence at least
        :data:`FAREWELL_CONFIDENCE`) gets the goodbye and the question stays
        open; anything longer ("office cleaning, fixing phones") is an answer.
        """
        if is_farewell(tracker):
            dispatcher.utter_message(response="utter_goodbye")
            return {"background": None}
        result = self._validate("background", value, answers.parse_background, dispatcher, tracker)
        background = result["background"]
        if not isinstance(background, str) or background == SKIPPED:
            return result
        lang = language_of(tracker)
        if latest_intent(tracker) == "feel_discouraged":
            # A life story may say it has been hard: it is an answer, and the feeling is heard.
            dispatcher.utter_message(response="utter_feel_discouraged")
        found = match_terms(background, lang)
        terms = [localised_label(label, lang) for label in found.skills + found.occupations]
        if terms:
            dispatcher.utter_message(text=t("goals.background_terms", lang, terms=", ".join(terms)))
        else:
            dispatcher.utter_message(text=t("goals.background_thanks", lang))
        result["skills"] = _merge(tracker.get_slot("skills"), found.skills)
        result["occupations"] = _merge(tracker.get_slot("occupations"), found.occupations)
        return result
