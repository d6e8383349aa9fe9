"""Changing one sentence of the self-introduction (issue 15; the builder is :mod:`actions.introduction`).

- ``edit_introduction`` (a button ``/edit_introduction{"sentence":N}``, "change
  sentence 2" or a typed "2: new text") → ``action_edit_introduction`` →
  ``introduction_edit_form``: its one slot ``intro_new_sentence`` is the new
  text; a typed "2: ..." arrives filled, so the form only validates.
  ``action_ask_intro_new_sentence`` asks for the text (or which sentence).
- :func:`sentence_number` reads which sentence is meant: the ``sentence``
  entity, a digit, an ordinal word in fi/sv/en ("toinen", "andra") or "last".
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import language_of
from actions.forms import latest_text
from actions.introduction import payload_button
from bot.i18n import t
from bot.practice.introduction import is_help_request, parse_edit, replace_sentence, sentences_of

_ORDINALS = {
    1: ("first", "1st", "eka", "ekan", "ensimmainen", "ensimmaisen", "ykkonen", "ykkosta", "forsta"),
    2: ("second", "2nd", "toinen", "toisen", "toista", "toka", "tokan", "kakkonen", "kakkosta", "andra"),
    3: ("third", "3rd", "kolmas", "kolmannen", "kolmatta", "kolmonen", "kolmosta", "tredje"),
    4: ("fourth", "4th", "neljas", "neljannen", "neljatta", "nelonen", "nelosta", "fjarde"),
    5: ("fifth", "5th", "viides", "viidennen", "viidetta", "vitonen", "vitosta", "femte"),
    6: ("sixth", "6th", "kuudes", "kuudennen", "kuudetta", "kutonen", "kutosta", "sjatte"),
}
_LAST = ("last", "viimeinen", "viimeisen", "viimeista", "viimenen", "vika", "vikan", "sista")
_DIGIT = re.compile(r"(?<!\d)([1-9])(?!\d)")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a"})



def sentence_number(tracker: Tracker, sentences: list[str]) -> int | None:
    """The sentence the person means: the ``sentence`` entity, a digit, an ordinal word, "last"."""
    for value in tracker.get_latest_entity_values("sentence"):
        try:
            return int(float(value))
        except (TypeError, ValueError):
            continue
    words = re.findall(r"\w+", latest_text(tracker).lower().translate(_FOLD))
    if any(word in _LAST for word in words) and sentences:
        return len(sentences)
    for number, names in _ORDINALS.items():
        if any(word in names for word in words):
            return number
    digit = _DIGIT.search(latest_text(tracker))
    return int(digit.group(1)) if digit else None



class ActionEditIntroduction(Action):
    """Start changing a sentence: which one (``introduction_edit``) and, for "2: text", the new text.

    The rule runs ``introduction_edit_form`` next: it asks for the text, or
    validates the text given here. Without an introduction the form gets a
    placeholder text and ends at once, and action_show_introduction offers to
    write one.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_edit_introduction"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """SlotSet ``introduction_edit`` and ``intro_new_sentence``; see class docstring."""
        sentences = sentences_of(tracker.get_slot("introduction_sentences"))
        if not sentences:
            return [SlotSet("introduction_edit", None), SlotSet("intro_new_sentence", "-")]
        typed = parse_edit(latest_text(tracker))
        if typed:
            return [SlotSet("introduction_edit", typed[0]), SlotSet("intro_new_sentence", typed[1])]
        number = sentence_number(tracker, sentences)
        if number is not None and not 1 <= number <= len(sentences):
            lang = language_of(tracker)
            dispatcher.utter_message(text=t("introduction.no_such_sentence", lang, count=len(sentences)))
            number = None
        return [SlotSet("introduction_edit", number), SlotSet("intro_new_sentence", None)]


class ActionAskIntroNewSentence(Action):
    """Ask for the new text of sentence ``introduction_edit`` (quoting it), or which sentence."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_ask_intro_new_sentence"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Utter the question; returns no events."""
        lang = language_of(tracker)
        sentences = sentences_of(tracker.get_slot("introduction_sentences"))
        number = tracker.get_slot("introduction_edit")
        if isinstance(number, int | float) and 1 <= int(number) <= len(sentences):
            n = int(number)
            dispatcher.utter_message(
                text=t("introduction.ask_new_sentence", lang, number=n, sentence=sentences[n - 1])
            )
            return []
        buttons = [
            payload_button(
                t("introduction.change_button", lang, number=n), "edit_introduction", {"sentence": n}
            )
            for n in range(1, len(sentences) + 1)
        ]
        dispatcher.utter_message(text=t("introduction.ask_which", lang), buttons=buttons)
        return []


class ValidateIntroductionEditForm(FormValidationAction):
    """Replace the sentence with the person's text; ask again when it is unclear which or what.

    Returns ``{"intro_new_sentence": None}`` (ask again) or the cleaned text
    with the new ``introduction_sentences`` (the form ends). Another change
    button switches the sentence; any other button ends the edit unchanged.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "validate_introduction_edit_form"

    def validate_intro_new_sentence(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """See class docstring."""
        if slot_value is None:  # cleared by action_edit_introduction: the question comes next
            return {"intro_new_sentence": None}
        if is_help_request(slot_value):
            dispatcher.utter_message(response="utter_help")
            return {"intro_new_sentence": None}
        lang = language_of(tracker)
        sentences = sentences_of(tracker.get_slot("introduction_sentences"))
        text = slot_value if isinstance(slot_value, str) else ""
        if not sentences:
            return {"intro_new_sentence": text or "-"}
        if text.strip().startswith("/"):
            number = next(tracker.get_latest_entity_values("sentence"), None)
            if number is None:
                return {"intro_new_sentence": text}
            return {"intro_new_sentence": None, "introduction_edit": float(number)}
        number = tracker.get_slot("introduction_edit")
        typed = parse_edit(text)
        if typed:
            number, text = typed
        elif text.strip().isdigit():
            return {"intro_new_sentence": None, "introduction_edit": float(text.strip())}
        if not isinstance(number, int | float):
            dispatcher.utter_message(text=t("introduction.ask_which", lang))
            return {"intro_new_sentence": None}
        try:
            changed = replace_sentence(sentences, int(number), text)
        except IndexError:
            dispatcher.utter_message(text=t("introduction.no_such_sentence", lang, count=len(sentences)))
            return {"intro_new_sentence": None, "introduction_edit": None}
        except ValueError:
            dispatcher.utter_message(text=t("introduction.edit_empty", lang))
            return {"intro_new_sentence": None}
        dispatcher.utter_message(text=t("introduction.changed", lang, number=int(number)))
        return {"intro_new_sentence": changed[int(number) - 1], "introduction_sentences": changed}
