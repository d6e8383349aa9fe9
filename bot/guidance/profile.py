"""The person's profile as the ranking sees it, built from conversation slots.

Slot names and values follow docs/conversation.md. The sentinel
``"skipped"``, ``None``, empty strings and values outside the contract all
mean "unknown" and become ``None`` here, so the ranking can work from
whatever is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.catalogue.models import EDUCATION_LEVELS, FIELDS, MUNICIPALITIES
from bot.guidance.vocabulary import SKIPPED
from bot.locale import registry

GOAL_TYPES: tuple[str, ...] = ("job", "study", "both", "unsure")
TIMEFRAMES: tuple[str, ...] = ("now", "3_months", "this_year", "unsure")
RIASEC_LETTERS = "RIASEC"


@dataclass(frozen=True)
class Profile:
    """What is known about the person; ``None`` means unknown.

    Attributes:
        language: conversation language, "en", "fi" or "sv".
        goal_type: "job", "study", "both" or "unsure".
        field: one of the six job-family keys (FIELDS); "unsure" -> None.
        city: "Turku", "Espoo", "Helsinki" or "Vantaa".
        online_only: True when the person answered "online" for the city.
        timeframe: "now", "3_months", "this_year" or "unsure".
        education_level: "basic", "secondary", "bachelor" or "master"
            ("other" is unknown: it cannot be compared).
        holland_code: 1-3 distinct RIASEC letters, strongest first ("IAS").
        confidence_score: mean self-efficacy rating, 1.0-5.0.
        skills: skill labels the person mentioned (as in the ``skills`` slot).
        shown: suggestion ids currently shown ("course:12", "job:3").
        rejected: suggestion ids the person said "not for me" to.
    """

    language: str = "en"
    goal_type: str | None = None
    field: str | None = None
    city: str | None = None
    online_only: bool = False
    timeframe: str | None = None
    education_level: str | None = None
    holland_code: str | None = None
    confidence_score: float | None = None
    skills: tuple[str, ...] = ()
    shown: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()


def _known(value: Any, allowed: Iterable[str]) -> str | None:
    if not isinstance(value, str) or value == SKIPPED:
        return None
    return value if value in tuple(allowed) else None


def _city(value: Any) -> tuple[str | None, bool]:
    if not isinstance(value, str):
        return None, False
    cleaned = value.strip().lower()
    if cleaned == "online":
        return None, True
    for city in MUNICIPALITIES:
        if cleaned == city.lower():
            return city, False
    return None, False


def _holland(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    code = value.strip().upper()
    if not re.fullmatch(f"[{RIASEC_LETTERS}]{{1,3}}", code) or len(set(code)) != len(code):
        return None
    return code


def _labels(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return ()
    seen: dict[str, None] = {}
    for item in value:
        if isinstance(item, str) and item.strip() and item != SKIPPED:
            seen.setdefault(item.strip(), None)
    return tuple(seen)


def _score(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        score = float(value)
    except (TypeError, ValueError):
        return None
    return score if 1.0 <= score <= 5.0 else None


def profile_from_slots(slots: Mapping[str, Any]) -> Profile:
    """Build a Profile from a ``{slot name: value}`` mapping (tracker slots).

    Never raises: unknown, skipped or malformed values become None / empty.
    """
    city, online_only = _city(slots.get("city"))
    language = slots.get("language")
    return Profile(
        language=language if language in registry.codes() else registry.default_code(),
        goal_type=_known(slots.get("goal_type"), GOAL_TYPES),
        field=_known(slots.get("field"), FIELDS),
        city=city,
        online_only=online_only,
        timeframe=_known(slots.get("timeframe"), TIMEFRAMES),
        education_level=_known(slots.get("education_level"), EDUCATION_LEVELS),
        holland_code=_holland(slots.get("holland_code")),
        confidence_score=_score(slots.get("confidence_score")),
        skills=_labels(slots.get("skills")),
        shown=_labels(slots.get("shown_suggestions")),
        rejected=_labels(slots.get("rejected_suggestions")),
    )
