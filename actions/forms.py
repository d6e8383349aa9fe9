"""Helpers shared by the form validators of goals, confidence and interests."""

from __future__ import annotations

from rasa_sdk import Tracker

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
