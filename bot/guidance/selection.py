"""Rank the catalogue in the database for a profile: load few rows, score them, stop when sure.

:func:`rank` never loads every open row. The in-memory candidate index
(:mod:`bot.guidance.candidates`) streams open rows in order of an upper
bound of their score (then by id). Rows are loaded from the database and
scored by :mod:`bot.guidance.ranking` a few at a time, until no row left in
the stream can make the list. With ``size`` places and ``L`` the
``size`` best scored rows, a row with bound ``b`` and id ``i`` is left out
only when, for every row ``x`` in ``L``, ``score(x) - M > b``, or
``score(x) - M == b`` and ``id(x) < i``. ``M`` is the most the field
variety rule can take from a row (``VARIETY_POINTS`` per earlier pick of
its field, so ``6 * (size - 1)`` when the person's field is unknown,
otherwise 0). Such a row can never win a place (its score is at most
``b``, and ties go to the lower id), so the result equals ranking every
open row, which ``tests/unit/test_selection.py`` checks on catalogues of
several hundred rows. Typically 10-30 rows per kind are loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalogue.models import Course, Job
from bot.catalogue.search import get_items, parse_suggestion_id
from bot.guidance.candidates import Stream, get_index
from bot.guidance.points import VARIETY_POINTS
from bot.guidance.profile import Profile
from bot.guidance.ranking import Ranking, Suggestion, rank_items, score_course, score_job


def _number(suggestion: Suggestion) -> int:
    return int(suggestion.id.partition(":")[2])


def _load(session: Session, model: type[Course] | type[Job], ids: list[int]) -> list[Any]:
    if not ids:
        return []
    return list(session.scalars(select(model).where(model.id.in_(ids))).all())


def _enough(
    session: Session,
    stream: Stream,
    model: type[Course] | type[Job],
    score: Callable[[Any], Suggestion | None],
    size: int,
    margin: int,
) -> list[Any]:
    """Rows taken from ``stream`` until none left could make the ``size`` best (module docstring)."""
    rows: list[Any] = []
    scored: list[Suggestion] = []
    step = 2 * size + 8
    while True:
        batch = _load(session, model, stream.take(step))
        rows.extend(batch)
        scored.extend(s for s in map(score, batch) if s is not None)
        if stream.given >= len(stream):
            return rows
        best = sorted(scored, key=lambda s: (-s.score, _number(s)))[:size]
        if len(best) < size:
            step *= 2
            continue
        weakest = min(best, key=lambda s: (s.score - margin, -_number(s)))
        needed = stream.count_above(weakest.score - margin, _number(weakest))
        if needed <= stream.given:
            return rows
        step = needed - stream.given


def rank(
    session: Session,
    profile: Profile,
    today: date | None = None,
    *,
    exclude: Iterable[str] = (),
    n_courses: int = 3,
    n_jobs: int = 3,
) -> Ranking:
    """Rank the open catalogue in ``session`` for ``profile`` (today defaults to date.today()).

    Raises:
        sqlalchemy.exc.SQLAlchemyError: when the database cannot be read.
    """
    today = today or date.today()
    rejected = list(get_items(session, profile.rejected).values())
    exclude = list(exclude)
    skip: dict[str, list[int]] = {"course": [], "job": []}
    for sid in [*exclude, *profile.rejected]:
        parsed = parse_suggestion_id(sid)
        if parsed:
            skip[parsed[0]].append(parsed[1])
    index = get_index(session)
    found = []
    for kind_index, model, size, scorer in (
        (index.course, Course, n_courses, score_course),
        (index.job, Job, n_jobs, score_job),
    ):
        margin = VARIETY_POINTS * (size - 1) if profile.field is None else 0
        stream = Stream(kind_index, profile, today, skip[kind_index.kind])

        def score(row: Any, scorer: Any = scorer) -> Suggestion | None:
            return scorer(row, profile, today, rejected)  # type: ignore[no-any-return]

        found.append(_enough(session, stream, model, score, size, margin) if size > 0 else [])
    return rank_items(
        found[0],
        found[1],
        profile,
        today,
        rejected_items=rejected,
        exclude=exclude,
        n_courses=n_courses,
        n_jobs=n_jobs,
    )


def next_best(
    session: Session, profile: Profile, kind: str, today: date | None = None, *, exclude: Iterable[str] = ()
) -> Suggestion | None:
    """The best ``kind`` ("course" or "job") suggestion not in ``exclude`` or rejected, or None."""
    ranking = rank(session, profile, today, exclude=exclude, n_courses=1, n_jobs=1)
    found = ranking.courses if kind == "course" else ranking.jobs
    return found[0] if found else None
