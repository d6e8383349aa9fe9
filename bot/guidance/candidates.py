"""In-memory candidate index: which catalogue rows are worth loading and scoring.

Scoring every open row with :mod:`bot.guidance.ranking` takes seconds at
100,000 rows, and ordering them in SQL by a per-person score still reads
every row. Instead, each process keeps a column-wise copy (NumPy arrays)
of what the points depend on: field, municipality, mode or remote option,
fee, start, dates that decide whether a row is open, required education,
languages, seniority and the skill labels. For a profile it computes, for
every open row at once, an **upper bound** of the row's score: every rule
of :mod:`bot.guidance.points` (the same functions the scorer uses) except
the two that only take points away (similar to a rejected item, long
degree). Then :class:`Stream` hands out rows in the order of that bound
(highest first, then lowest id), and :func:`bot.guidance.selection.rank`
loads and scores only as many as the stopping rule needs (see there).

The index is rebuilt when the catalogue's revision token
(:mod:`bot.catalogue.revision`) changes; one index per engine, held
weakly. Building reads one narrow row per course and job (about 0.5 s
and 30 MB at 100,000 + 100,000 rows on this machine, see
``bench/catalogue_scale.py``).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.catalogue.models import EDUCATION_LEVELS, Course, Job
from bot.catalogue.revision import current_revision
from bot.guidance.points import (
    MAX_SKILL_REASONS,
    PLACE_KINDS,
    SKILL_POINTS,
    TIMING_BREAKS,
    fee_points,
    field_points,
    language_points,
    place_points,
    seniority_points,
    timing_points,
)
from bot.guidance.profile import Profile
from bot.guidance.ranking import matching_skills

_LANGUAGE_BITS = {"fi": 1, "sv": 2, "en": 4}
_NO_DATE_LOW = np.iinfo(np.int32).min  # a missing date that must be before today to pass
_NO_DATE_HIGH = np.iinfo(np.int32).max  # a missing date that is never in the past
_UNKNOWN_LEVEL = len(EDUCATION_LEVELS)  # stricter than every known level
_LOWEST = np.iinfo(np.int64).min
Int = NDArray[np.int64]


def _codes(values: Sequence[Any], names: list[Any]) -> Int:
    """Each value's position in ``names`` (appended when new)."""
    positions = {name: i for i, name in enumerate(names)}
    out = np.empty(len(values), dtype=np.int64)
    for i, value in enumerate(values):
        if value not in positions:
            positions[value] = len(names)
            names.append(value)
        out[i] = positions[value]
    return out


def _ordinal(day: date | None, missing: int) -> int:
    return day.toordinal() if day is not None else missing


def _level(required: str | None) -> int:
    if required is None:
        return -1
    return EDUCATION_LEVELS.index(required) if required in EDUCATION_LEVELS else _UNKNOWN_LEVEL


@dataclass
class KindIndex:
    """The columns of one kind ("course" or "job"), one array element per row, rows by id.

    ``first_day`` / ``last_day`` are date ordinals between which the row is
    open (course: ``last_day`` is the earlier of application end and end
    date; job: published and expiry). ``place_kind`` indexes PLACE_KINDS.
    ``extra`` (course: fee class 0 free / 1 fee / 2 none; job: 1 entry
    level) and ``start`` (course start ordinal, or ``_NO_DATE_HIGH``).
    Skill labels are kept as CSR: row i has ``skill_codes[skill_ptr[i]:skill_ptr[i+1]]``.
    """

    kind: str
    ids: Int
    field_code: Int
    fields: list[Any]
    city_code: Int
    cities: list[Any]
    place_kind: Int
    extra: Int
    start: Int
    first_day: Int
    last_day: Int
    level: Int
    languages: Int
    skill_ptr: Int
    skill_codes: Int
    skills: list[Any]
    _skill_cache: dict[tuple[str, ...], Int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def open_mask(self, profile: Profile, today: date, skip: Iterable[int]) -> NDArray[np.bool_]:
        """Rows open on ``today``, allowed by the person's education level, not in ``skip`` (ids)."""
        day = today.toordinal()
        mask = (self.first_day <= day) & (self.last_day >= day)
        if profile.education_level in EDUCATION_LEVELS:
            mask &= self.level <= EDUCATION_LEVELS.index(profile.education_level)
        skip_ids = np.fromiter(skip, dtype=np.int64)
        if len(skip_ids):
            at = np.searchsorted(self.ids, skip_ids)
            found = at < len(self.ids)
            at = at[found][self.ids[at[found]] == skip_ids[found]]
            mask[at] = False
        return mask

    def skill_counts(self, profile: Profile) -> Int:
        """Per row: how many of its skill labels match the person's skills (capped at 3)."""
        key = tuple(profile.skills)
        if not key or not len(self.skill_codes):
            return np.zeros(len(self), dtype=np.int64)
        matched = self._skill_cache.get(key)
        if matched is None:
            matched = np.array([bool(matching_skills(key, [label])) for label in self.skills], dtype=np.int64)
            if len(self._skill_cache) > 256:
                self._skill_cache.clear()
            self._skill_cache[key] = matched
        running = np.concatenate(([0], np.cumsum(matched[self.skill_codes])))
        return np.minimum(running[self.skill_ptr[1:]] - running[self.skill_ptr[:-1]], MAX_SKILL_REASONS)

    def upper_bounds(self, profile: Profile, today: date) -> Int:
        """Per row: the most points :mod:`bot.guidance.ranking` can give it for ``profile``."""
        points = np.array([field_points(profile, name) for name in self.fields], dtype=np.int64)[
            self.field_code
        ]
        city = self.cities.index(profile.city) if profile.city in self.cities else -1
        in_city = (self.city_code == city).astype(np.int64)
        table = np.array([[place_points(profile, bool(c), k) for c in (0, 1)] for k in PLACE_KINDS])
        points += table[self.place_kind, in_city]
        if self.kind == "course":
            points += np.array([fee_points(True, 0), fee_points(False, 1), fee_points(False, 0)])[self.extra]
            days = self.start - today.toordinal()
            edges = np.array(TIMING_BREAKS)
            by_interval = [timing_points(profile, int(d)) for d in (*edges, edges[-1] + 1)]
            timing = np.array(by_interval, dtype=np.int64)[np.searchsorted(edges, days)]
            points += np.where(self.start == _NO_DATE_HIGH, timing_points(profile, None), timing)
        else:
            points += np.where(
                self.extra == 1, seniority_points(profile, True), seniority_points(profile, False)
            )
        bit = _LANGUAGE_BITS.get(profile.language, 0)
        has = language_points(profile, [profile.language])
        points += np.where(self.languages & bit, has, language_points(profile, []))
        return points + SKILL_POINTS[self.kind] * self.skill_counts(profile)


def _build_kind(kind: str, rows: Sequence[Any]) -> KindIndex:
    """Arrays for ``rows`` (Core rows of the columns selected in :func:`build_index`)."""
    fields: list[Any] = []
    cities: list[Any] = []
    skills: list[Any] = []
    ptr = [0]
    flat: list[Any] = []
    for row in rows:
        flat.extend(row.skills or [])
        ptr.append(len(flat))
    if kind == "course":
        place = [0 if r.mode == "online" else 1 if r.mode == "hybrid" else 2 for r in rows]
        extra = [0 if r.free_for_jobseekers else 1 if (r.cost_eur or 0) > 0 else 2 for r in rows]
        start = [_ordinal(r.start_date, _NO_DATE_HIGH) for r in rows]
        first = [_NO_DATE_LOW] * len(rows)
        last = [
            min(_ordinal(r.application_end, _NO_DATE_HIGH), _ordinal(r.end_date, _NO_DATE_HIGH)) for r in rows
        ]
        languages = [r.teaching_languages for r in rows]
    else:
        place = [0 if r.remote == "full" else 1 if r.remote == "hybrid" else 2 for r in rows]
        extra = [1 if r.seniority == "entry" else 0 for r in rows]
        start = [_NO_DATE_HIGH] * len(rows)
        first = [_ordinal(r.published, _NO_DATE_HIGH) for r in rows]
        last = [_ordinal(r.expires, _NO_DATE_LOW) for r in rows]
        languages = [r.working_languages for r in rows]
    masks = [sum(_LANGUAGE_BITS.get(lang, 0) for lang in set(langs or [])) for langs in languages]
    return KindIndex(
        kind=kind,
        ids=np.array([r.id for r in rows], dtype=np.int64),
        field_code=_codes([r.field for r in rows], fields),
        fields=fields,
        city_code=_codes([r.municipality for r in rows], cities),
        cities=cities,
        place_kind=np.array(place, dtype=np.int64),
        extra=np.array(extra, dtype=np.int64),
        start=np.array(start, dtype=np.int64),
        first_day=np.array(first, dtype=np.int64),
        last_day=np.array(last, dtype=np.int64),
        level=np.array([_level(r.education_required) for r in rows], dtype=np.int64),
        languages=np.array(masks, dtype=np.int64),
        skill_ptr=np.array(ptr, dtype=np.int64),
        skill_codes=_codes(flat, skills),
        skills=skills,
    )


@dataclass(frozen=True)
class CandidateIndex:
    """Both kinds' arrays and the catalogue revision token they were built from."""

    revision: str
    course: KindIndex
    job: KindIndex


_COURSE_COLUMNS = (
    Course.id, Course.field, Course.municipality, Course.mode, Course.free_for_jobseekers, Course.cost_eur,
    Course.start_date, Course.end_date, Course.application_end, Course.education_required,
    Course.teaching_languages, Course.skills,
)  # fmt: skip
_JOB_COLUMNS = (
    Job.id, Job.field, Job.municipality, Job.remote, Job.seniority, Job.published, Job.expires,
    Job.education_required, Job.working_languages, Job.skills,
)  # fmt: skip


def build_index(session: Session, revision: str) -> CandidateIndex:
    """Read the narrow columns of every course and job in ``session`` into a new index.

    Raises:
        sqlalchemy.exc.SQLAlchemyError: when the database cannot be read.
    """
    courses = session.execute(select(*_COURSE_COLUMNS).order_by(Course.id)).all()
    jobs = session.execute(select(*_JOB_COLUMNS).order_by(Job.id)).all()
    return CandidateIndex(revision, _build_kind("course", courses), _build_kind("job", jobs))


_indexes: weakref.WeakKeyDictionary[Engine, CandidateIndex] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def get_index(session: Session) -> CandidateIndex:
    """This engine's index, rebuilt first when the catalogue's revision token has changed.

    Raises:
        sqlalchemy.exc.SQLAlchemyError: when the database cannot be read.
    """
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    revision = current_revision(session)
    with _lock:
        index = _indexes.get(engine)
        if index is None or index.revision != revision or not revision:
            index = build_index(session, revision)
            if revision:
                _indexes[engine] = index
    return index


class Stream:
    """Open rows of one kind in order of score bound (highest first), then id (lowest first).

    ``take(n)`` returns the next ``n`` row ids; ``bound_of(position)`` the
    (bound, id) of the row at that position, or None past the end. Only the
    prefix asked for is ever sorted.
    """

    def __init__(self, index: KindIndex, profile: Profile, today: date, skip: Iterable[int]) -> None:
        mask = index.open_mask(profile, today, skip)
        self.ids = index.ids[mask]
        self.bounds = index.upper_bounds(profile, today)[mask]
        self.order: Int = np.empty(0, dtype=np.int64)
        self.given = 0

    def __len__(self) -> int:
        return len(self.ids)

    def _sorted_prefix(self, size: int) -> None:
        size = min(size, len(self.ids))
        if size <= len(self.order):
            return
        cut = np.partition(self.bounds, len(self.bounds) - size)[len(self.bounds) - size]
        inside = np.flatnonzero(self.bounds >= cut)
        by_bound = inside[np.lexsort((self.ids[inside], -self.bounds[inside]))]
        self.order = by_bound[:size]

    def count_above(self, bound: int, row_id: int) -> int:
        """How many rows come before a row with this (bound, id) in the stream order."""
        return int(np.count_nonzero((self.bounds > bound) | ((self.bounds == bound) & (self.ids < row_id))))

    def take(self, n: int) -> list[int]:
        """The ids of the next ``n`` rows (fewer at the end)."""
        self._sorted_prefix(self.given + n)
        chosen = self.order[self.given : self.given + n]
        self.given += len(chosen)
        return [int(i) for i in self.ids[chosen]]

    def bound_at(self, position: int) -> tuple[int, int] | None:
        """(bound, id) of the row at ``position`` of the stream, or None past the end."""
        if position >= len(self.ids):
            return None
        self._sorted_prefix(position + 1)
        at = self.order[position]
        return int(self.bounds[at]), int(self.ids[at])
