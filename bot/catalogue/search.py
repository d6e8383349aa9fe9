"""Catalogue queries. Every query is a parameterised SQLAlchemy ``select()``.

"Open" means still suggestible on ``today``: a course whose application
period has not closed (``application_end`` is missing or on/after today)
and which has not ended; a job that is published and not expired
(``published <= today <= expires``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.catalogue.models import EDUCATION_LEVELS, Course, Job, with_titles


def _allowed_levels(education_level: str | None) -> list[str] | None:
    if education_level not in EDUCATION_LEVELS:
        return None
    return list(EDUCATION_LEVELS[: EDUCATION_LEVELS.index(education_level) + 1])


def open_courses(
    session: Session,
    today: date,
    *,
    fields: Iterable[str] | None = None,
    municipality: str | None = None,
    include_online: bool = True,
    education_level: str | None = None,
) -> Sequence[Course]:
    """Courses open for application on ``today``, ordered by id.

    Args:
        fields: keep only these fields (job-family keys); None keeps all.
        municipality: keep courses in this municipality (plus online ones
            when ``include_online``); None keeps all places.
        education_level: the person's level (EDUCATION_LEVELS); courses that
            require more are left out. None or an unknown value keeps all.

    Ranking does not read through here (it uses
    :mod:`bot.guidance.candidates`); tests and benchmarks use these as the
    reference "every open row".
    """
    query = select(Course).where(
        or_(Course.application_end.is_(None), Course.application_end >= today),
        or_(Course.end_date.is_(None), Course.end_date >= today),
    )
    if fields is not None:
        query = query.where(Course.field.in_(list(fields)))
    if municipality is not None:
        place = Course.municipality == municipality
        query = query.where(or_(place, Course.mode == "online") if include_online else place)
    levels = _allowed_levels(education_level)
    if levels is not None:
        query = query.where(or_(Course.education_required.is_(None), Course.education_required.in_(levels)))
    return session.scalars(query.order_by(Course.id).options(with_titles(Course))).all()


def open_jobs(
    session: Session,
    today: date,
    *,
    fields: Iterable[str] | None = None,
    municipality: str | None = None,
    include_remote: bool = True,
    education_level: str | None = None,
) -> Sequence[Job]:
    """Jobs published and not expired on ``today``, ordered by id.

    Arguments as in :func:`open_courses`; ``include_remote`` keeps fully
    remote jobs when filtering by municipality.
    """
    query = select(Job).where(Job.published <= today, Job.expires >= today)
    if fields is not None:
        query = query.where(Job.field.in_(list(fields)))
    if municipality is not None:
        place = Job.municipality == municipality
        query = query.where(or_(place, Job.remote == "full") if include_remote else place)
    levels = _allowed_levels(education_level)
    if levels is not None:
        query = query.where(or_(Job.education_required.is_(None), Job.education_required.in_(levels)))
    return session.scalars(query.order_by(Job.id).options(with_titles(Job))).all()


def parse_suggestion_id(suggestion_id: str) -> tuple[str, int] | None:
    """``"course:12"`` -> ``("course", 12)``; anything else -> None."""
    kind, _, number = str(suggestion_id).partition(":")
    if kind not in ("course", "job") or not number.isdigit():
        return None
    return kind, int(number)


def get_items(session: Session, suggestion_ids: Iterable[str]) -> dict[str, Course | Job]:
    """Look up catalogue rows by suggestion id; unknown or malformed ids are left out.

    Returns ``{suggestion_id: row}`` for the ids found (open or not).
    """
    wanted: dict[str, list[int]] = {"course": [], "job": []}
    for sid in suggestion_ids:
        parsed = parse_suggestion_id(sid)
        if parsed:
            wanted[parsed[0]].append(parsed[1])
    found: dict[str, Course | Job] = {}
    if wanted["course"]:
        courses = select(Course).where(Course.id.in_(wanted["course"])).options(with_titles(Course))
        for course in session.scalars(courses):
            found[course.suggestion_id] = course
    if wanted["job"]:
        for job in session.scalars(select(Job).where(Job.id.in_(wanted["job"])).options(with_titles(Job))):
            found[job.suggestion_id] = job
    return found


def titles_of(session: Session, suggestion_ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """``{suggestion_id: {"fi": ..., "sv": ..., "en": ...}}`` (every stored language) for the ids found."""
    return {sid: item.titles for sid, item in get_items(session, suggestion_ids).items()}
