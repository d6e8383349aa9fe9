"""Pick catalogue candidates in SQL and rank them: the database side of ranking.

At scale ``rank`` never loads every open row. It asks the database
for at most ``CANDIDATES`` rows of each kind: open, allowed by the
person's education level, in the person's field or a field their Holland
code fits (overlap of 6 or more), in their city or online / fully remote
(online and hybrid only for an online-only person), ordered by a SQL
pre-score that repeats the rules above which need no Python (field,
interest, place, fee, start for "now" / "3_months", seniority). When that
filter finds fewer than ``CANDIDATES`` rows, the filters on field and
place are dropped (same pre-score order and limit), so a small catalogue
is ranked in full and a thin city still fills both lists. Skills,
language, similarity to rejected items and long degrees (together at most
about +-50 points) are scored in Python on the candidates only.

The scores themselves are :mod:`bot.guidance.ranking`'s (pure Python);
``course_prescore`` / ``job_prescore`` repeat the rules that need no
Python so that the database can order the candidates.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, case, literal
from sqlalchemy.orm import Session

from bot.catalogue.models import FIELDS, Course, Job
from bot.catalogue.search import get_items, open_courses, open_jobs
from bot.guidance.profile import Profile
from bot.guidance.ranking import INTEREST_REASON_MIN, Ranking, Suggestion, holland_overlap, rank_items

#: Rows of each kind :func:`rank` reads from the database (plus the excluded ones).
CANDIDATES = 200


def interest_fields(profile: Profile) -> list[str] | None:
    """Fields the SQL candidate filter keeps: the person's own plus those their Holland code fits.

    None (every field) when neither is known or nothing fits.
    """
    fitting = [
        key
        for key in FIELDS
        if key == profile.field or holland_overlap(profile.holland_code, key)[0] >= INTEREST_REASON_MIN
    ]
    if profile.field is None and not fitting:
        return None
    return fitting or None


def _field_points(column: Any, profile: Profile) -> ColumnElement[Any]:
    whens = []
    for key in FIELDS:
        points = (30 if key == profile.field else 0) + 2 * holland_overlap(profile.holland_code, key)[0]
        if points:
            whens.append((column == key, points))
    return case(*whens, else_=0) if whens else literal(0)


def _place_points(profile: Profile, municipality: Any, remote: Any, hybrid: Any) -> ColumnElement[Any]:
    """SQL mirror of :func:`_place`; ``remote`` / ``hybrid`` are SQL conditions."""
    remote_points = 15 if profile.online_only else 10 if profile.city else 6
    if profile.city:
        return case((remote, remote_points), (municipality == profile.city, 15), (hybrid, -25), else_=-40)
    if profile.online_only:
        return case((remote, remote_points), (hybrid, -10), else_=-30)
    return case((remote, remote_points), else_=0)


def course_prescore(profile: Profile, today: date) -> ColumnElement[Any]:
    """SQL expression: the part of :func:`score_course` the database can compute."""
    start = Course.start_date
    timing: ColumnElement[Any] = literal(0)
    if profile.timeframe == "now":
        timing = case(
            (start.is_(None), 0),
            (start <= today + timedelta(days=45), 12),
            (start <= today + timedelta(days=90), 6),
            (start > today + timedelta(days=180), -6),
            else_=0,
        )
    elif profile.timeframe == "3_months":
        timing = case((start <= today + timedelta(days=100), 6), else_=0)
    fee = case((Course.free_for_jobseekers.is_(True), 6), (Course.cost_eur > 0, -4), else_=0)
    place = _place_points(profile, Course.municipality, Course.mode == "online", Course.mode == "hybrid")
    return _field_points(Course.field, profile) + place + fee + timing


def job_prescore(profile: Profile) -> ColumnElement[Any]:
    """SQL expression: the part of :func:`score_job` the database can compute."""
    entry = 4 + (3 if profile.confidence_score is not None and profile.confidence_score < 3 else 0)
    other = 0 if profile.education_level in ("bachelor", "master") else -8
    seniority = case((Job.seniority == "entry", entry), else_=other)
    place = _place_points(profile, Job.municipality, Job.remote == "full", Job.remote == "hybrid")
    return _field_points(Job.field, profile) + place + seniority


def candidates(
    session: Session, profile: Profile, today: date, *, skip: Iterable[str] = (), limit: int = CANDIDATES
) -> tuple[list[Course], list[Job]]:
    """The open courses and jobs worth scoring for ``profile`` (see the module docstring)."""
    skip = set(skip)
    fields = interest_fields(profile)
    level = profile.education_level
    found: list[list[Course | Job]] = []
    for kind, search, order, keep in (
        ("course", open_courses, course_prescore(profile, today), {"modes": ("online", "hybrid")}),
        ("job", open_jobs, job_prescore(profile), {"remote": ("full", "hybrid")}),
    ):
        size = limit + sum(1 for sid in skip if sid.startswith(kind + ":"))
        place: dict[str, Any] = {"municipality": profile.city} if profile.city else {}
        if profile.online_only and not profile.city:
            place = keep
        order_by = [order.desc()]
        rows: list[Course | Job] = list(
            search(
                session, today, fields=fields, education_level=level, order_by=order_by, limit=size, **place
            )
        )
        if len(rows) < size and (fields is not None or place):
            seen = {row.id for row in rows}
            more = search(session, today, education_level=level, order_by=order_by, limit=size)
            rows.extend(row for row in more if row.id not in seen)
        found.append(rows)
    return cast("list[Course]", found[0]), cast("list[Job]", found[1])


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
    courses, jobs = candidates(session, profile, today, skip=[*exclude, *profile.rejected])
    return rank_items(
        courses,
        jobs,
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
