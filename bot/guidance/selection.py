"""Rank the catalogue in the database for a profile: load few rows, score them, stop when sure.

:func:`rank` never loads every open row. The in-memory candidate index
(:mod:`bot.guidance.candidates`) streams open rows in order of an upper
bound of their score (then by id). Rows are loaded from the database and
scored by :mod:`bot.guidance.ranking` a few at a time, until no row left in
the stream can make the list. With ``size`` places and ``x`` the
``size``-th best scored row so far (score desc, id asc), a row with bound
``b`` and id ``i`` is left out when ``score(x) > b``, or ``score(x) == b``
and ``id(x) < i``: its score is at most ``b`` and ties go to the lower
id, so at least ``size`` rows beat it. The stream's order makes the rows
still needed a prefix of it, so one count tells how many more to load.

When the person's field is unknown, the variety rule (each pick costs
later rows of its field ``VARIETY_POINTS``, :mod:`bot.guidance.points`) can let a lower-scored row of
another field win. The penalty is the same for every row of a field, so
within a field the order never changes and only a field's ``size`` best
rows can ever be picked: each field then gets its own stream and stop
rule, and a field's stream also stops once its next bound is below the
``size``-th best score loaded so far minus the most the rule can take
(``VARIETY_POINTS * (size - 1)``): such a row can never beat a row of
those ``size``. Either way the result equals ranking every open row, which
``tests/unit/test_selection.py`` checks on catalogues of several hundred
rows; typically 5-15 rows per kind and field are loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalogue.models import Course, Job, titles_inline
from bot.catalogue.search import get_items, parse_suggestion_id
from bot.guidance.candidates import get_index
from bot.guidance.points import LONG_DEGREE_POINTS, MAX_SIMILAR_PENALTY, VARIETY_POINTS
from bot.guidance.profile import Profile
from bot.guidance.ranking import Ranking, Suggestion, pick_best, rank_key, score_course, score_job
from bot.guidance.streams import Stream


def _number(suggestion: Suggestion) -> int:
    return int(suggestion.id.partition(":")[2])


def _load(session: Session, model: type[Course] | type[Job], ids: list[int]) -> list[Any]:
    if not ids:
        return []
    # A few rows, read only: their titles come in the same query as one JSON object.
    inline = titles_inline(model, session.get_bind().dialect.name)
    return list(session.scalars(select(model).where(model.id.in_(ids)).options(inline)).all())


def _enough(
    session: Session,
    streams: list[Stream],
    model: type[Course] | type[Job],
    score: Callable[[Any], Suggestion | None],
    size: int,
    margin: int,
) -> list[Suggestion]:
    """Scored rows taken from ``streams`` until none left could make the ``size`` best (module docstring).

    Each round loads the rows every unfinished stream asks for in one query.
    With ``margin`` (the variety rule's most, per-field streams) a stream
    also stops when its next bound is below the ``size``-th best score of
    all rows loaded minus ``margin``.
    """
    scored: list[list[Suggestion]] = [[] for _ in streams]
    steps = [size + (4 if len(streams) == 1 else 1)] * len(streams)
    active = list(range(len(streams)))
    while active:
        wanted = {row_id: i for i in active for row_id in streams[i].take(steps[i])}
        for row in _load(session, model, list(wanted)):
            suggestion = score(row)
            if suggestion is not None:
                scored[wanted[row.id]].append(suggestion)
        overall = sorted((s for group in scored for s in group), key=rank_key)[:size]
        floor = overall[-1].score - margin if margin and len(overall) == size else None
        still = []
        for i in active:
            stream = streams[i]
            upcoming = stream.next_bound()
            if upcoming is None or (floor is not None and upcoming < floor):
                continue
            best = sorted(scored[i], key=rank_key)[:size]
            if len(best) < size:
                steps[i] *= 2
                still.append(i)
                continue
            needed = stream.count_above(best[-1].score, _number(best[-1]))
            if needed > stream.given:
                steps[i] = needed - stream.given
                still.append(i)
        active = still
    return [s for group in scored for s in group]


def _most_lost(profile: Profile, kind: str, rejected: list[Any]) -> int:
    """Most points the rules outside the score bound can take from a row (rejected-similar, long degree)."""
    return (MAX_SIMILAR_PENALTY if rejected else 0) + (
        LONG_DEGREE_POINTS if kind == "course" and profile.goal_type == "job" else 0
    )


def _fields_that_can_win(streams: list[Stream], size: int, margin: int, most_lost: int) -> list[Stream]:
    """Per-field streams whose best bound can still beat the ``size``-th best row anywhere.

    Every row scores at least its bound minus ``most_lost``; a field whose
    best bound is below the ``size``-th highest of those minus ``margin``
    can never win a place, so its stream is dropped before loading anything.
    """
    bounds = np.concatenate([stream.bounds for stream in streams]) if streams else np.empty(0)
    if len(bounds) < size:
        return streams
    floor = int(np.partition(bounds, len(bounds) - size)[len(bounds) - size]) - most_lost - margin
    return [stream for stream in streams if (stream.next_bound() or floor) >= floor]


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
        variety = profile.field is None and size > 1
        streams = Stream.open_rows(kind_index, profile, today, skip[kind_index.kind], by_field=variety)

        def score(row: Any, scorer: Any = scorer) -> Suggestion | None:
            return scorer(row, profile, today, rejected)  # type: ignore[no-any-return]

        margin = VARIETY_POINTS * (size - 1) if variety else 0
        if variety:
            streams = _fields_that_can_win(
                streams, size, margin, _most_lost(profile, kind_index.kind, rejected)
            )
        found.append(_enough(session, streams, model, score, size, margin) if size > 0 else [])
    return pick_best(found[0], found[1], profile, n_courses=n_courses, n_jobs=n_jobs)


def next_best(
    session: Session, profile: Profile, kind: str, today: date | None = None, *, exclude: Iterable[str] = ()
) -> Suggestion | None:
    """The best ``kind`` ("course" or "job") suggestion not in ``exclude`` or rejected, or None."""
    ranking = rank(session, profile, today, exclude=exclude, n_courses=1, n_jobs=1)
    found = ranking.courses if kind == "course" else ranking.jobs
    return found[0] if found else None
