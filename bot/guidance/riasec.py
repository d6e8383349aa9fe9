"""Interest profiler on Holland's RIASEC model, written for digital-industry work.

Holland's theory of vocational interests sorts work activities into six
types: Realistic, Investigative, Artistic, Social, Enterprising and
Conventional. The twelve items in ``riasec.yml`` (two per type, asked in
the interleaved order R I A S E C R I A S E C) describe digital-industry
tasks in plain fi/sv/en.

Scoring follows the O*NET Interest Profiler: each answer adds points to its
type (like = 2, unsure = 1, dislike = 0; a skipped item adds nothing), the
six sums are the profile, and the three highest types, strongest first,
form the Holland code. Ties are broken by the fixed order R, I, A, S, E, C
(Holland's hexagon order), so the code is always the same for the same
answers. Only a type with at least one item answered "like" enters the
code: the code is read back to the person and the coach as "You like: ..."
and explains suggestions ("it fits your interest in helping people"), and
"not sure" once and "dislike" once is no interest. When nothing was liked
there is no code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.guidance.vocabulary import FIELDS
from bot.i18n import normalise_language, t
from bot.locale import registry

INSTRUMENT_PATH = Path(__file__).with_name("riasec.yml")
TYPES = ("R", "I", "A", "S", "E", "C")
"""RIASEC types in Holland's hexagon order, which is also the tie-break order."""
POINTS = {"like": 2, "unsure": 1, "dislike": 0}
"""Points per answer (O*NET Interest Profiler style)."""

FIELD_RIASEC: dict[str, str] = {
    "software": "IRC",
    "data": "ICR",
    "ux_content": "ASI",
    "it_support": "RSC",
    "marketing_sales": "EAS",
    "testing_quality": "CIR",
}
"""Holland code of each job family (field value), strongest type first."""


@dataclass(frozen=True)
class RiasecItem:
    """One activity item: id ("ri_1"), RIASEC type letter and text per language."""

    id: str
    type: str
    text: dict[str, str]


@dataclass(frozen=True)
class RiasecResult:
    """Profile of one interest check.

    Attributes:
        scores: type letter -> points (0-4 with two items per type).
        holland_code: the top three types, e.g. "IRC"; None when all scores are 0.
        answered: number of items answered like / unsure / dislike.
        answers: item id -> "like" | "unsure" | "dislike" | None (skipped).
    """

    scores: dict[str, int]
    holland_code: str | None
    answered: int
    answers: dict[str, str | None] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _instrument() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(INSTRUMENT_PATH.read_text(encoding="utf-8"))
    return data


def items() -> list[RiasecItem]:
    """The items in asking order (ri_1 .. ri_12); texts are ``questionnaires-<id>`` in the catalogue."""
    return [
        RiasecItem(
            id=i["id"],
            type=i["type"],
            text={code: t(f"questionnaires.{i['id']}", code) for code in registry.codes()},
        )
        for i in _instrument()["items"]
    ]


def item_ids() -> list[str]:
    """Item ids in asking order, which are also the form's slot names."""
    return [item.id for item in items()]


def type_name(letter: str, lang: str) -> str:
    """Plain name of a RIASEC type in ``lang`` ("I" -> "Investigating")."""
    if letter not in _instrument()["types"]:
        raise KeyError(f"not a RIASEC type: {letter!r}")
    return t(f"questionnaires.riasec_{letter}", normalise_language(lang))


def score_riasec(answers: dict[str, str | None]) -> RiasecResult:
    """Sum points per type and form the Holland code (top three types with points).

    Only types with at least one item answered "like" enter the code, so it
    has 1-3 letters or is None: a type that was disliked, only "not sure" or
    not asked is never called an interest. Ties among the top types go to the hexagon order R-I-A-S-E-C
    (Holland 1997, *Making Vocational Choices*, 3rd ed.).

    Args:
        answers: item id -> "like" | "unsure" | "dislike"; None or "skipped"
            when not answered. Missing items count as skipped.

    Raises:
        ValueError: for an unknown item id or answer value.
    """
    all_items = items()
    unknown = set(answers) - {item.id for item in all_items}
    if unknown:
        raise ValueError(f"unknown RIASEC items: {sorted(unknown)}")
    scores = dict.fromkeys(TYPES, 0)
    clean: dict[str, str | None] = {}
    for item in all_items:
        value = answers.get(item.id)
        if value in (None, "skipped"):
            clean[item.id] = None
            continue
        if value not in POINTS:
            raise ValueError(f"{item.id}: answer must be like, unsure, dislike or skipped, not {value!r}")
        clean[item.id] = value
        scores[item.type] += POINTS[value]
    answered = sum(1 for value in clean.values() if value is not None)
    ranked = sorted(TYPES, key=lambda letter: (-scores[letter], TYPES.index(letter)))
    liked = {item.type for item in all_items if clean[item.id] == "like"}
    code = "".join(letter for letter in ranked if letter in liked)[:3] or None
    return RiasecResult(scores=scores, holland_code=code, answered=answered, answers=clean)


def fields_for_code(code: str, limit: int = 2) -> list[str]:
    """Job families (field values) that fit a Holland code best, best first.

    Similarity: letters are weighted 3, 2, 1 by position in both codes and
    the products are summed over shared letters; ties keep FIELDS order.
    Returns an empty list for an empty or invalid code.
    """
    weights = {letter: 3 - index for index, letter in enumerate(code.upper()[:3]) if letter in TYPES}
    if not weights:
        return []

    def similarity(field_value: str) -> int:
        field_code = FIELD_RIASEC[field_value]
        return sum(weights.get(letter, 0) * (3 - index) for index, letter in enumerate(field_code))

    ranked = sorted(FIELDS, key=lambda value: (-similarity(value), FIELDS.index(value)))
    return [value for value in ranked if similarity(value) > 0][:limit]


def explain_holland_code(code: str | None, lang: str) -> str:
    """One plain sentence in ``lang``: what the code's first type enjoys and
    which job families it points to, e.g. "Your interest code is IRC: you like
    solving problems most, and this points to software development and data
    analysis." A None or empty code gives a kind sentence without a code.
    """
    lang = normalise_language(lang)
    families = fields_for_code(code or "")
    if not code or not families:
        return t("interests.no_code", lang)
    enjoys = t(f"questionnaires.riasec_{code[0]}.enjoys", lang)
    names = [t(f"goals.field_{value}", lang) for value in families]
    joined = t("interests.and_word", lang).join(names)
    return t("interests.explanation", lang, code=code, enjoys=enjoys, families=joined)
