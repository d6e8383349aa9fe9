"""The points of each ranking rule, in one place.

:mod:`bot.guidance.ranking` adds these up per item (with the reasons), and
:mod:`bot.guidance.candidates` uses the same functions to pre-score every
open row in bulk, so the two can never disagree. The table of rules and
points is in :mod:`bot.guidance.ranking`'s docstring. The Holland code of
each job family is :data:`bot.guidance.riasec.FIELD_RIASEC`, the table the
interest assessment uses (our own hand-made mapping, not a published one).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.guidance.profile import Profile
from bot.guidance.riasec import FIELD_RIASEC

_POSITION_WEIGHTS = (3, 2, 1)
#: Holland overlap (0-7) from which an item counts as matching the interests.
INTEREST_REASON_MIN = 6
#: Points per skill the person mentioned that the item teaches or asks for.
SKILL_POINTS: dict[str, int] = {"course": 3, "job": 6}
#: Skills counted per item.
MAX_SKILL_REASONS = 3
#: Most points a row loses for being like rows the person rejected ("not for me").
MAX_SIMILAR_PENALTY = 30
#: Points a long degree loses for someone whose goal is a job.
LONG_DEGREE_POINTS = 5
#: When the person's field is unknown, each pick costs later items of its field this many points.
VARIETY_POINTS = 6


def holland_overlap(holland_code: str | None, field_key: str) -> tuple[int, str | None]:
    """Overlap (0-14) of a Holland code with a field's affinity, and the strongest shared letter.

    Positions weigh 3, 2, 1 in both codes; the overlap is the sum over
    shared letters of the product of their weights ("IRC" vs "IRC" = 14).
    """
    affinity = FIELD_RIASEC.get(field_key, "")
    if not holland_code or not affinity:
        return 0, None
    total, best, best_letter = 0, 0, None
    for position, letter in enumerate(holland_code[:3]):
        if letter in affinity:
            product = _POSITION_WEIGHTS[position] * _POSITION_WEIGHTS[affinity.index(letter)]
            total += product
            if product > best:
                best, best_letter = product, letter
    return total, best_letter


#: Days from today at which :func:`timing_points` changes value (it is constant between them).
TIMING_BREAKS: tuple[int, ...] = (45, 90, 100, 180)
#: Place kinds of :func:`place_points`.
PLACE_KINDS: tuple[str, ...] = ("remote", "hybrid", "on_site")


def field_points(profile: Profile, field_key: str | None) -> int:
    """Points for an item's field: +30 for the person's own field, +2 per Holland overlap point."""
    own = 30 if profile.field and field_key == profile.field else 0
    return own + 2 * holland_overlap(profile.holland_code, field_key or "")[0]


def place_points(profile: Profile, in_city: bool, kind: str) -> int:
    """Points for where an item is: ``kind`` in PLACE_KINDS (remote = online course or fully remote job)."""
    if kind == "remote":
        return 15 if profile.online_only else 10 if profile.city else 6
    if profile.city:
        return 15 if in_city else -25 if kind == "hybrid" else -40
    if profile.online_only:
        return -10 if kind == "hybrid" else -30
    return 0


def fee_points(free_for_jobseekers: bool | None, cost_eur: float | None) -> int:
    """+6 free for jobseekers, -4 a fee, 0 otherwise."""
    return 6 if free_for_jobseekers else -4 if (cost_eur or 0) > 0 else 0


def timing_points(profile: Profile, days_to_start: int | None) -> int:
    """Points for a course start ``days_to_start`` days from today (None: unknown start, 0)."""
    if days_to_start is None:
        return 0
    if profile.timeframe == "now":
        return 12 if days_to_start <= 45 else 6 if days_to_start <= 90 else -6 if days_to_start > 180 else 0
    if profile.timeframe == "3_months" and days_to_start <= 100:
        return 6
    return 0


def seniority_points(profile: Profile, entry_level: bool) -> int:
    """+4 an entry-level job (+3 more when confidence < 3); -8 an experienced one without a degree."""
    if entry_level:
        return 4 + (3 if profile.confidence_score is not None and profile.confidence_score < 3 else 0)
    return 0 if profile.education_level in ("bachelor", "master") else -8


def language_points(profile: Profile, languages: Iterable[str] | None) -> int:
    """+3 when the conversation language is taught or used, otherwise -3."""
    return 3 if profile.language in (languages or []) else -3


def bonus_bound(profile: Profile, kind: str) -> int:
    """Most points the item-level rules can add to the points above (skills and language).

    ``kind`` is "course" or "job". The other item-level rules (similar to a
    rejected item, long degree) only take points away.
    """
    per_skill = SKILL_POINTS[kind]
    return per_skill * min(MAX_SKILL_REASONS, len(profile.skills)) + 3
