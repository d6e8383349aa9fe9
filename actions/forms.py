"""Helpers shared by the forms of goals, confidence and interests."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import TypeVar

from rasa_sdk import Action, Tracker

from bot.guidance.answers import skip_kind


def latest_text(tracker: Tracker) -> str:
    """Text of the latest user message ("" when none)."""
    text = (tracker.latest_message or {}).get("text")
    return text if isinstance(text, str) else ""


def latest_intent(tracker: Tracker) -> str:
    """Intent name of the latest user message ("" when none)."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    name = intent.get("name") if isinstance(intent, dict) else None
    return name if isinstance(name, str) else ""


def asks_for_next_steps_early(tracker: Tracker) -> bool:
    """Whether the latest message is the help menu's "Choose next steps" button (``/choose_next_steps``).

    The menu offers it anywhere, but inside goal_form and the questionnaires the
    steps come later (after the suggestions): their validators then say so
    (``next_steps.after_questions``) instead of "I did not understand".
    """
    return latest_intent(tracker) == "choose_next_steps" and latest_text(tracker).startswith("/")


def answer_for(slot: str, value: object, tracker: Tracker) -> object:
    """The value to validate for ``slot``: the ``answer`` entity of a button
    payload (``/inform{"answer":"job"}``) when ``slot`` is the requested slot,
    else the slot's extracted value.
    """
    if tracker.get_slot("requested_slot") == slot:
        for answer in tracker.get_latest_entity_values("answer"):
            if answer is not None:
                return str(answer)
    return value


def is_section_skip(tracker: Tracker, value: object) -> bool:
    """True when the person asked to skip the rest of a section: the "Skip
    this part" button (``/skip``), intent ``skip`` with anything but an
    "I don't know" phrase, or a typed "skip" / "ohita" / "hoppa över".
    """
    text = latest_text(tracker)
    if text.strip().startswith("/skip"):
        return True
    if latest_intent(tracker) == "skip" and skip_kind(text) != "item":
        return True
    return skip_kind(value) == "section" or skip_kind(text) == "section"


def section_rest(slots: tuple[str, ...] | list[str], slot: str, tracker: Tracker) -> dict[str, str]:
    """``{slot: "skipped"}`` plus every later, still empty slot of the section."""
    start = list(slots).index(slot)
    rest = [name for name in list(slots)[start + 1 :] if tracker.get_slot(name) is None]
    return {name: "skipped" for name in [slot, *rest]}


class ActionAskItem(Action, ABC):
    """Asks one questionnaire item; ``name()`` is ``action_ask_<item id>``.

    Subclasses implement ``run``; :func:`ask_action_classes` makes one
    concrete class per item.
    """

    @abstractmethod
    def item_id(self) -> str:
        """The item (and slot) this action asks, e.g. "se_2" or "ri_3"."""

    def name(self) -> str:
        """``action_ask_<item id>``."""
        return f"action_ask_{self.item_id()}"


AskBase = TypeVar("AskBase", bound=ActionAskItem)


def ask_action_classes(base: type[AskBase], item_ids: Iterable[str], module: str) -> dict[str, type[AskBase]]:
    """One subclass of ``base`` per item id, named ``ActionAsk<Id>`` (e.g. ActionAskSe2) in ``module``."""
    classes: dict[str, type[AskBase]] = {}
    for item_id in item_ids:
        class_name = "ActionAsk" + item_id.replace("_", "").capitalize()
        namespace = {"item_id": lambda self, item_id=item_id: item_id, "__module__": module}
        classes[item_id] = type(class_name, (base,), namespace)
    return classes
