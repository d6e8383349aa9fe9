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
degree). Then :class:`bot.guidance.streams.Stream` hands out rows in the
order of that bound (highest first, then lowest id), and
:func:`bot.guidance.selection.rank` loads and scores only as many as the
stopping rule needs (see there).

The index is rebuilt when the catalogue's revision token
(:mod:`bot.catalogue.revision`) changes; one index per engine, held
weakly. Building reads one narrow row per course and job: about 3.5 s
and 48 MiB of resident memory at 100,000 + 100,000 rows on this machine
(``bench/catalogue_scale.py`` prints the build time). The action server
builds it at start (``actions/warmup.py``); after an import, the first
search pays the rebuild.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import JSON, Date, Engine, String, select, type_coerce
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
from bot.locale import registry

_LANGUAGE_BITS = {code: 1 << n for n, code in enumerate(registry.codes())}
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

    _days: dict[int, DayView] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def day_view(self, today: date) -> DayView:
        """The rows open on ``today``, grouped into cells (cached for the last two days)."""
        day = today.toordinal()
        view = self._days.get(day)
        if view is None:
            if len(self._days) >= 2:
                self._days.clear()
            view = self._days[day] = DayView(self, day)
        return view

    def skill_counts(self, skills: tuple[str, ...]) -> Int:
        """Per row: how many of its skill labels match one of ``skills`` (capped at MAX_SKILL_REASONS)."""
        matched = np.array([bool(matching_skills(skills, [label])) for label in self.skills], dtype=np.int64)
        if not len(self.skill_codes):
            return np.zeros(len(self), dtype=np.int64)
        running = np.concatenate(([0], np.cumsum(matched[self.skill_codes])))
        return np.minimum(running[self.skill_ptr[1:]] - running[self.skill_ptr[:-1]], MAX_SKILL_REASONS)


#: Columns of :attr:`DayView.cells`.
_CELL_COLUMNS = ("field", "city", "place", "extra", "timing")


class DayView:
    """The rows of a :class:`KindIndex` open on one day, grouped into cells.

    A cell is a combination of field, municipality, place kind, fee class or
    seniority, and the start's interval between TIMING_BREAKS (course). Their
    points are computed once per cell (a few thousand at most) and spread to
    the rows; languages, skills and required education are per row.
    ``cells`` is (cells x 5), ``cell_of_row`` maps each open row (``ids``)
    to its cell.
    """

    def __init__(self, index: KindIndex, day: int) -> None:
        self.index = index
        rows = np.flatnonzero((index.first_day <= day) & (index.last_day >= day))
        self.rows = rows
        self.ids = index.ids[rows]
        edges = np.array(TIMING_BREAKS)
        timing = np.searchsorted(edges, index.start[rows] - day)
        timing[index.start[rows] == _NO_DATE_HIGH] = len(edges) + 1
        columns = (index.field_code, index.city_code, index.place_kind, index.extra)
        stacked = np.stack([*(c[rows] for c in columns), timing], axis=1)
        if len(rows):
            cells, inverse = np.unique(stacked, axis=0, return_inverse=True)
        else:
            cells, inverse = np.empty((0, len(_CELL_COLUMNS)), dtype=np.int64), np.empty(0, dtype=np.int64)
        self.cells: Int = cells
        self.cell_of_row: Int = inverse.reshape(-1)
        self.languages: Int = index.languages[rows]
        self.level: Int = index.level[rows]
        self._skills: dict[tuple[str, ...], Int] = {}
        self._field_groups: list[Int] | None = None

    def cell_bounds(self, profile: Profile) -> Int:
        """Per cell: the points of the rules the cell's columns decide."""
        index, cells = self.index, self.cells
        field, city, place, extra, timing = (cells[:, i] for i in range(5))
        points = np.array([field_points(profile, name) for name in index.fields], dtype=np.int64)[field]
        own_city = index.cities.index(profile.city) if profile.city in index.cities else -1
        table = np.array([[place_points(profile, bool(c), k) for c in (0, 1)] for k in PLACE_KINDS])
        points += table[place, (city == own_city).astype(np.int64)]
        if index.kind == "course":
            points += np.array([fee_points(True, 0), fee_points(False, 1), fee_points(False, 0)])[extra]
            edges = TIMING_BREAKS
            by_interval = [timing_points(profile, d) for d in (*edges, edges[-1] + 1)]
            points += np.array([*by_interval, timing_points(profile, None)], dtype=np.int64)[timing]
        else:
            points += np.where(extra == 1, seniority_points(profile, True), seniority_points(profile, False))
        return points

    def skill_points(self, profile: Profile) -> Int | None:
        """Per open row: points for the person's skills it matches (None when the person named none)."""
        key = tuple(profile.skills)
        if not key:
            return None
        counts = self._skills.get(key)
        if counts is None:
            if len(self._skills) >= 256:
                self._skills.clear()
            counts = self._skills[key] = self.index.skill_counts(key)[self.rows]
        return SKILL_POINTS[self.index.kind] * counts

    def open_to(self, profile: Profile, skip: Iterable[int]) -> tuple[Int, NDArray[np.bool_]]:
        """(bounds of every open row, mask of those open to ``profile`` and not in ``skip`` (row ids))."""
        row_cells = self.cell_of_row
        bounds = self.cell_bounds(profile)[row_cells]
        bit = _LANGUAGE_BITS.get(profile.language, 0)
        masks = range(1 << len(_LANGUAGE_BITS))
        spoken = [language_points(profile, [profile.language] if mask & bit else []) for mask in masks]
        bounds += np.array(spoken, dtype=np.int64)[self.languages]
        skills = self.skill_points(profile)
        if skills is not None:
            bounds += skills
        if profile.education_level in EDUCATION_LEVELS:
            mask = self.level <= EDUCATION_LEVELS.index(profile.education_level)
        else:
            mask = np.ones(len(self.ids), dtype=bool)
        skip_ids = np.fromiter(skip, dtype=np.int64)
        if len(skip_ids):
            mask &= ~np.isin(self.ids, skip_ids)
        return bounds, mask

    @property
    def field_groups(self) -> list[Int]:
        """Positions of the open rows, one array per field (built on first use)."""
        if self._field_groups is None:
            fields = self.cells[self.cell_of_row, 0]
            order = np.argsort(fields, kind="stable")
            self._field_groups = np.split(order, np.flatnonzero(np.diff(fields[order])) + 1)
        return self._field_groups


def _day_numbers(values: Sequence[Any], missing: int) -> Int:
    """Date ordinals of dates or ISO date strings (SQLite returns text here); ``missing`` for None."""
    known: dict[Any, int] = {None: missing}
    out = np.empty(len(values), dtype=np.int64)
    for i, value in enumerate(values):
        number = known.get(value)
        if number is None:
            day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
            number = known[value] = day.toordinal()
        out[i] = number
    return out


def _lists(values: Sequence[Any]) -> list[list[Any]]:
    """JSON list columns: parsed lists (PostgreSQL's driver) or JSON text (SQLite), each text parsed once."""
    parsed: dict[str, list[Any]] = {}
    out = []
    for value in values:
        if isinstance(value, str):
            if value not in parsed:
                loaded = json.loads(value)
                parsed[value] = loaded if isinstance(loaded, list) else []
            value = parsed[value]
        out.append(value if isinstance(value, list) else [])
    return out


def _classes(values: Sequence[Any], table: dict[Any, int], default: int) -> Int:
    return np.array([table.get(value, default) for value in values], dtype=np.int64)


def _build_kind(kind: str, columns: dict[str, Sequence[Any]]) -> KindIndex:
    """Arrays for one kind from its columns (as selected in :func:`build_index`, in id order)."""
    count = len(columns["id"])
    ptr = [0]
    flat: list[Any] = []
    for labels in _lists(columns["skills"]):
        flat.extend(labels)
        ptr.append(len(flat))
    if kind == "course":
        place = _classes(columns["mode"], {"online": 0, "hybrid": 1}, 2)
        fee = [1 if (cost or 0) > 0 else 2 for cost in columns["cost_eur"]]
        extra = np.where(np.array([bool(f) for f in columns["free_for_jobseekers"]]), 0, np.array(fee))
        start = _day_numbers(columns["start_date"], _NO_DATE_HIGH)
        first = np.full(count, _NO_DATE_LOW, dtype=np.int64)
        last = np.minimum(
            _day_numbers(columns["application_end"], _NO_DATE_HIGH),
            _day_numbers(columns["end_date"], _NO_DATE_HIGH),
        )
        languages = _lists(columns["teaching_languages"])
    else:
        place = _classes(columns["remote"], {"full": 0, "hybrid": 1}, 2)
        extra = _classes(columns["seniority"], {"entry": 1}, 0)
        start = np.full(count, _NO_DATE_HIGH, dtype=np.int64)
        first = _day_numbers(columns["published"], _NO_DATE_HIGH)
        last = _day_numbers(columns["expires"], _NO_DATE_LOW)
        languages = _lists(columns["working_languages"])
    masks = [sum(_LANGUAGE_BITS.get(lang, 0) for lang in set(langs)) for langs in languages]
    fields: list[Any] = []
    cities: list[Any] = []
    skills: list[Any] = []
    return KindIndex(
        kind=kind,
        ids=np.array(columns["id"], dtype=np.int64),
        field_code=_codes(columns["field"], fields),
        fields=fields,
        city_code=_codes(columns["municipality"], cities),
        cities=cities,
        place_kind=place,
        extra=np.asarray(extra, dtype=np.int64),
        start=start,
        first_day=first,
        last_day=last,
        level=np.array([_level(value) for value in columns["education_required"]], dtype=np.int64),
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
    "id", "field", "municipality", "mode", "free_for_jobseekers", "cost_eur", "start_date", "end_date",
    "application_end", "education_required", "teaching_languages", "skills",
)  # fmt: skip
_JOB_COLUMNS = (
    "id", "field", "municipality", "remote", "seniority", "published", "expires", "education_required",
    "working_languages", "skills",
)  # fmt: skip


def _columns(
    session: Session, model: type[Course] | type[Job], names: Sequence[str]
) -> dict[str, Sequence[Any]]:
    """The named columns of every row, in id order; dates and JSON come raw (parsed by the callers)."""
    table = model.__table__.c
    raw = [
        type_coerce(table[n], String) if isinstance(table[n].type, (Date, JSON)) else table[n] for n in names
    ]
    rows = session.connection().execute(select(*raw).order_by(table["id"])).all()
    transposed = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return dict(zip(names, transposed, strict=True))


def build_index(session: Session, revision: str) -> CandidateIndex:
    """Read the narrow columns of every course and job in ``session`` into a new index.

    Raises:
        sqlalchemy.exc.SQLAlchemyError: when the database cannot be read.
    """
    courses = _columns(session, Course, _COURSE_COLUMNS)
    jobs = _columns(session, Job, _JOB_COLUMNS)
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
