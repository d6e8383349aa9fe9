"""Job-search and learning self-efficacy check: items, scoring, feedback.

Self-efficacy is Bandura's construct: a person's belief that they can carry
out the actions a situation needs (Bandura, 1977, "Self-efficacy: toward a
unifying theory of behavioral change", Psychological Review 84(2); Bandura,
1997, *Self-efficacy: The exercise of control*). Job-search self-efficacy
scales apply it to finding openings, applying, presenting oneself and
persisting after rejection (e.g. Ellis & Taylor, 1983; Saks & Ashforth's
job-search self-efficacy scale). The five items in ``self_efficacy.yml``
follow those task areas plus learning new digital skills, in plain fi/sv/en,
each answered on a 1-5 scale (1 = not at all sure, 5 = completely sure).

Scoring: the mean of the answered items (1.0-5.0), as in Bandura's guide to
constructing self-efficacy scales (average item confidence), with skipped
items left out rather than counted as low. Feedback is strengths-based: it
names the item(s) the person felt surest about and never labels the person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.i18n import normalise_language, t
from bot.locale import registry

INSTRUMENT_PATH = Path(__file__).with_name("self_efficacy.yml")
TREND_STEP = 0.3
"""Smallest change of the mean score (scale points) reported as up or down."""


@dataclass(frozen=True)
class SelfEfficacyItem:
    """One item: id ("se_1"), question and strength clause per language."""

    id: str
    text: dict[str, str]
    strength: dict[str, str]


@dataclass(frozen=True)
class SelfEfficacyResult:
    """Score of one self-efficacy check.

    Attributes:
        score: mean of the answered items on the 1-5 scale, rounded to two
            decimals; None when no item was answered.
        answered: number of items answered (0-5).
        total: number of items in the instrument.
        strongest: ids of the highest-rated item(s), at most two, in item order.
        answers: item id -> rating (1-5) or None when skipped.
    """

    score: float | None
    answered: int
    total: int
    strongest: list[str] = field(default_factory=list)
    answers: dict[str, int | None] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _instrument() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(INSTRUMENT_PATH.read_text(encoding="utf-8"))
    return data


def _in_every_locale(key: str) -> dict[str, str]:
    """``{locale code: text}`` of catalogue ``key`` for every registry locale (fallback chain applied)."""
    return {code: t(key, code) for code in registry.codes()}


def items() -> list[SelfEfficacyItem]:
    """The instrument's items in asking order (se_1 .. se_5), texts from the catalogue.

    The words are ``questionnaires-<id>`` and its ``.strength`` in
    ``bot/locale/messages/<locale>/questionnaires.ftl``.
    """
    return [
        SelfEfficacyItem(
            id=item["id"],
            text=_in_every_locale(f"questionnaires.{item['id']}"),
            strength=_in_every_locale(f"questionnaires.{item['id']}.strength"),
        )
        for item in _instrument()["items"]
    ]


def item_ids() -> list[str]:
    """Item ids in asking order, which are also the form's slot names."""
    return [item.id for item in items()]


def scale_labels(lang: str) -> dict[int, str]:
    """Label of each scale point in ``lang``: {1: "Not at all sure", ..., 5: "Completely sure"}."""
    lang = normalise_language(lang)
    scale = _instrument()["scale"]
    return {
        point: t(f"questionnaires.se_scale.point_{point}", lang)
        for point in range(int(scale["min"]), int(scale["max"]) + 1)
    }


def _rating(item_id: str, value: object) -> int | None:
    if value is None or value == "skipped":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return value
    raise ValueError(f"{item_id}: rating must be 1-5, 'skipped' or None, not {value!r}")


def score_self_efficacy(answers: dict[str, int | None]) -> SelfEfficacyResult:
    """Score the check.

    Args:
        answers: item id -> rating 1-5 (int, or the slot's string "1".."5"),
            None or "skipped" when not answered. Missing items count as skipped.

    Returns:
        A :class:`SelfEfficacyResult` (mean of answered items, 1.0-5.0).

    Raises:
        ValueError: for an unknown item id or a rating outside 1-5.
    """
    ids = item_ids()
    unknown = set(answers) - set(ids)
    if unknown:
        raise ValueError(f"unknown self-efficacy items: {sorted(unknown)}")
    ratings = {item_id: _rating(item_id, answers.get(item_id)) for item_id in ids}
    given = {item_id: value for item_id, value in ratings.items() if value is not None}
    if not given:
        return SelfEfficacyResult(score=None, answered=0, total=len(ids), answers=ratings)
    top = max(given.values())
    strongest = [item_id for item_id in ids if given.get(item_id) == top][:2]
    score = round(sum(given.values()) / len(given), 2)
    return SelfEfficacyResult(
        score=score, answered=len(given), total=len(ids), strongest=strongest, answers=ratings
    )


def _format_score(score: float, lang: str) -> str:
    return registry.format_decimal(score, lang)


def feedback(result: SelfEfficacyResult, lang: str, previous: float | None = None) -> str:
    """Supportive, strengths-based feedback in ``lang`` (a few short sentences).

    Names the strongest item(s) as a strength; with no answers it thanks the
    person and moves on. ``previous`` is the score of an earlier session: the
    text then says whether confidence went up, stayed about the same (change
    below ``TREND_STEP``) or went down, without judging.
    """
    lang = normalise_language(lang)
    if result.score is None:
        return t("confidence.all_skipped", lang)
    by_id = {item.id: item for item in items()}
    strengths = [by_id[item_id].strength[lang] for item_id in result.strongest]
    joined = t("confidence.and_word", lang).join(strengths)
    top = max(value for value in result.answers.values() if value is not None)
    parts = [t("confidence.score", lang, score=_format_score(result.score, lang))]
    if result.score >= 4:
        parts.append(t("confidence.feedback_high", lang))
    elif result.score >= 3:
        parts.append(t("confidence.feedback_mid", lang))
    else:
        parts.append(t("confidence.feedback_low", lang))
    parts.append(t("confidence.strength" if top >= 3 else "confidence.strength_low", lang, strength=joined))
    if previous is not None:
        change = result.score - previous
        key = "trend_up" if change >= TREND_STEP else "trend_down" if change <= -TREND_STEP else "trend_same"
        parts.append(t(f"confidence.{key}", lang, previous=_format_score(previous, lang)))
    return " ".join(parts)
