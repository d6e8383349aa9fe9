"""Rank catalogue courses and jobs for a Profile, with structured reasons.

Hard rules (an item that breaks one is never suggested):
  * a course whose application period has closed, a job that has expired
    or is not yet published (compared with ``today``);
  * an item the person rejected ("not for me"), or an id in ``exclude``;
  * an item requiring more education than the person has, when known.

Everything else is a score (whole points, higher is better); ties are
broken by the item's database id, so the order is deterministic:

  field chosen by the person            +30  reason matches_field(field)
  Holland code vs field affinity        +2 per overlap point (0-14)
                                             reason matches_interest(letter)
  skill the person mentioned            jobs +6, courses +3 each (max 3)
                                             reason matches_skill(label)
  same city / online or fully remote    +15 / +6..+15  reasons in_city, online, remote
  other city                            -40 on site, -25 hybrid
  free for jobseekers / has a fee       +6 reason free_for_jobseekers / -4
  start soon when timeframe is "now"    +12 within 45 days, +6 within 90, -6 after 180
  start when timeframe is "3_months"    +6 within 100 days
  entry-level job                       +4 (+3 more when confidence < 3) reason entry_level
  experienced job without a degree      -8
  conversation language taught/used     +3, otherwise -3
  similar to a rejected item            -8 same field, -10 same provider (max -30)
  long degree for someone after a job   -5

When the person's field is unknown, each pick makes further items of the
same field 6 points less attractive, so the lists show some variety.
The goal type decides the emphasis (which list comes first); both lists
are always filled up to their size when the catalogue has enough items.

The points of each rule are :mod:`bot.guidance.points`'s, shared with the
candidate index that picks what is scored here. The database-facing entry
points, :func:`bot.guidance.selection.rank` and
:func:`~bot.guidance.selection.next_best`, pick the candidates
(:mod:`bot.guidance.candidates`) and call :func:`rank_items` here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from bot.catalogue.models import EDUCATION_LEVELS, Course, Job
from bot.guidance.points import (
    INTEREST_REASON_MIN,
    LONG_DEGREE_POINTS,
    MAX_SIMILAR_PENALTY,
    MAX_SKILL_REASONS,
    SKILL_POINTS,
    VARIETY_POINTS,
    fee_points,
    field_points,
    holland_overlap,
    language_points,
    place_points,
    seniority_points,
    timing_points,
)
from bot.guidance.profile import Profile

HIGHER_EDUCATION = ("uas", "university", "open_university")


@dataclass(frozen=True)
class Reason:
    """One reason why an item fits: ``code`` plus an optional value.

    Codes and values: matches_field (field key), matches_interest (RIASEC
    letter), matches_skill (label), in_city (city), online, remote,
    free_for_jobseekers, starts (month number "1"-"12"), entry_level.
    """

    code: str
    value: str | None = None


@dataclass(frozen=True)
class Suggestion:
    """A ranked course or job.

    ``id`` is ``"course:<id>"`` or ``"job:<id>"``; ``title`` maps "fi", "sv",
    "en" to the title; ``reasons`` are ordered most telling first;
    ``prior_learning`` lists skills the course teaches that the person
    already mentioned (for the recognition-of-prior-learning hint).
    """

    id: str
    kind: str
    title: dict[str, str]
    provider: str
    provider_type: str | None
    url: str
    field: str
    score: int
    reasons: tuple[Reason, ...] = ()
    prior_learning: tuple[str, ...] = ()

    def title_in(self, language: str) -> str:
        """The title in ``language``, falling back to English."""
        return self.title.get(language) or self.title["en"]


@dataclass(frozen=True)
class Ranking:
    """Best courses and jobs, best first; ``emphasis`` is "courses" or "jobs"."""

    courses: tuple[Suggestion, ...] = ()
    jobs: tuple[Suggestion, ...] = ()
    emphasis: str = "courses"

    def ordered(self) -> list[Suggestion]:
        """All suggestions, the emphasised kind first."""
        first, second = (self.jobs, self.courses) if self.emphasis == "jobs" else (self.courses, self.jobs)
        return [*first, *second]


@dataclass
class _Score:
    points: int = 0
    reasons: list[Reason] = field(default_factory=list)

    def add(self, points: int, reason: Reason | None = None) -> None:
        self.points += points
        if reason is not None:
            self.reasons.append(reason)


@lru_cache(maxsize=65536)
def normalise_label(label: str) -> str:
    """Lower case; parenthesised parts and punctuation dropped ("Python (programming)" -> "python")."""
    label = re.sub(r"\(.*?\)", " ", label.lower())
    return " ".join(re.findall(r"\w+", label))


def matching_skills(person: Iterable[str], item: Iterable[str]) -> list[str]:
    """Item skill labels that match one of the person's (equal, or one contains the other as words)."""
    mine = [normalise_label(s) for s in person]
    found = []
    for label in item:
        theirs = normalise_label(label)
        if not theirs:
            continue
        for skill in mine:
            if skill and (skill == theirs or f" {skill} " in f" {theirs} " or f" {theirs} " in f" {skill} "):
                found.append(label)
                break
    return found


def _too_demanding(required: str | None, profile: Profile) -> bool:
    if required is None or profile.education_level not in EDUCATION_LEVELS:
        return False
    return EDUCATION_LEVELS.index(required) > EDUCATION_LEVELS.index(profile.education_level)


def _place(
    score: _Score, profile: Profile, municipality: str | None, remote_kind: str, fully_remote: bool
) -> None:
    in_city = bool(profile.city) and municipality == profile.city
    kind = "remote" if fully_remote else "hybrid" if remote_kind == "online_hybrid" else "on_site"
    reason = Reason(remote_kind) if fully_remote else Reason("in_city", municipality) if in_city else None
    score.add(place_points(profile, in_city, kind), reason)


def _common(score: _Score, profile: Profile, item: Course | Job, similar: Sequence[Course | Job]) -> None:
    score.add(field_points(profile, item.field))
    if profile.field and item.field == profile.field:
        score.add(0, Reason("matches_field", item.field))
    overlap, letter = holland_overlap(profile.holland_code, item.field)
    if overlap >= INTEREST_REASON_MIN:
        score.add(0, Reason("matches_interest", letter))
    penalty = 0
    for other in similar:
        penalty += 8 if other.field == item.field else 0
        penalty += 10 if other.provider == item.provider else 0
    score.add(-min(penalty, MAX_SIMILAR_PENALTY))


def score_course(
    course: Course, profile: Profile, today: date, similar: Sequence[Course | Job] = ()
) -> Suggestion | None:
    """Score one course for ``profile``; None when a hard rule excludes it."""
    if course.application_end is not None and course.application_end < today:
        return None
    if (course.end_date is not None and course.end_date < today) or _too_demanding(
        course.education_required, profile
    ):
        return None
    score = _Score()
    _common(score, profile, course, similar)
    skills = matching_skills(profile.skills, course.skills)
    for label in skills[:MAX_SKILL_REASONS]:
        score.add(SKILL_POINTS["course"], Reason("matches_skill", label))
    kind = "online" if course.mode == "online" else "online_hybrid" if course.mode == "hybrid" else "on_site"
    _place(score, profile, course.municipality, kind, course.mode == "online")
    free = Reason("free_for_jobseekers") if course.free_for_jobseekers else None
    score.add(fee_points(course.free_for_jobseekers, course.cost_eur), free)
    if course.start_date is not None:
        score.add(timing_points(profile, (course.start_date - today).days))
        score.add(0, Reason("starts", str(course.start_date.month)))
    score.add(language_points(profile, course.teaching_languages))
    long_degree = (course.extent_unit == "credits" and (course.extent or 0) >= 60) or (
        course.extent_unit == "competence_points" and (course.extent or 0) >= 120
    )
    if profile.goal_type == "job" and long_degree:
        score.add(-LONG_DEGREE_POINTS)
    return Suggestion(
        id=course.suggestion_id,
        kind="course",
        title=course.titles,
        provider=course.provider,
        provider_type=course.provider_type,
        url=course.url,
        field=course.field,
        score=score.points,
        reasons=tuple(score.reasons),
        prior_learning=tuple(skills),
    )


def score_job(
    job: Job, profile: Profile, today: date, similar: Sequence[Course | Job] = ()
) -> Suggestion | None:
    """Score one job for ``profile``; None when a hard rule excludes it."""
    if job.expires < today or job.published > today or _too_demanding(job.education_required, profile):
        return None
    score = _Score()
    _common(score, profile, job, similar)
    for label in matching_skills(profile.skills, job.skills)[:MAX_SKILL_REASONS]:
        score.add(SKILL_POINTS["job"], Reason("matches_skill", label))
    _place(
        score,
        profile,
        job.municipality,
        "online_hybrid" if job.remote == "hybrid" else "remote",
        job.remote == "full",
    )
    entry = job.seniority == "entry"
    score.add(seniority_points(profile, entry), Reason("entry_level") if entry else None)
    score.add(language_points(profile, job.working_languages))
    return Suggestion(
        id=job.suggestion_id,
        kind="job",
        title=job.titles,
        provider=job.employer,
        provider_type=None,
        url=job.url,
        field=job.field,
        score=score.points,
        reasons=tuple(score.reasons),
    )


_REASON_ORDER = (
    "matches_field",
    "matches_interest",
    "matches_skill",
    "in_city",
    "online",
    "remote",
    "free_for_jobseekers",
    "starts",
    "entry_level",
)


def _ordered_reasons(suggestion: Suggestion) -> Suggestion:
    reasons = tuple(sorted(suggestion.reasons, key=lambda r: _REASON_ORDER.index(r.code)))
    return Suggestion(**{**suggestion.__dict__, "reasons": reasons})


def rank_key(suggestion: Suggestion) -> tuple[int, int]:
    """Sort key of the ranking: higher score first, then the lower database id."""
    return -suggestion.score, int(suggestion.id.partition(":")[2])


def _best(items: Iterable[Suggestion], size: int, diversify: bool) -> tuple[Suggestion, ...]:
    """Top ``size`` by score, ties by id; with ``diversify`` each pick costs its field 6 points."""
    pool = sorted(items, key=rank_key)
    picked: list[Suggestion] = []
    while pool and len(picked) < size:
        used = [s.field for s in picked]
        best = min(
            pool,
            key=lambda s: (
                -(s.score - (VARIETY_POINTS * used.count(s.field) if diversify else 0)),
                int(s.id.partition(":")[2]),
            ),
        )
        pool.remove(best)
        picked.append(best)
    return tuple(_ordered_reasons(s) for s in picked)


def rank_items(
    courses: Iterable[Course],
    jobs: Iterable[Job],
    profile: Profile,
    today: date,
    *,
    rejected_items: Sequence[Course | Job] = (),
    exclude: Iterable[str] = (),
    n_courses: int = 3,
    n_jobs: int = 3,
) -> Ranking:
    """Rank the given rows (no database access). See the module docstring for the rules.

    ``rejected_items`` are the rows the person rejected (their ids are
    excluded; similar items lose points); ``exclude`` holds more ids to skip.
    """
    skip = set(exclude) | set(profile.rejected) | {item.suggestion_id for item in rejected_items}
    course_list = [
        s
        for c in courses
        if c.suggestion_id not in skip and (s := score_course(c, profile, today, rejected_items))
    ]
    job_list = [
        s for j in jobs if j.suggestion_id not in skip and (s := score_job(j, profile, today, rejected_items))
    ]
    return pick_best(course_list, job_list, profile, n_courses=n_courses, n_jobs=n_jobs)


def pick_best(
    courses: Iterable[Suggestion],
    jobs: Iterable[Suggestion],
    profile: Profile,
    *,
    n_courses: int = 3,
    n_jobs: int = 3,
) -> Ranking:
    """The best of already scored suggestions (variety rule and emphasis as in :func:`rank_items`)."""
    return Ranking(
        courses=_best(courses, n_courses, profile.field is None),
        jobs=_best(jobs, n_jobs, profile.field is None),
        emphasis="jobs" if profile.goal_type == "job" else "courses",
    )
