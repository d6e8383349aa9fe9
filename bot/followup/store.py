"""Store of agreed next steps: save, list the open ones, record answers, count for the coach.

Every function takes a session; the caller commits (``bot.db.session_scope``).

Shapes:
    ``PlannedStep(key, label, due_on)``: a step as the conversation holds it.
    ``save_steps(session, conversation_id, steps, *, city, language, summary_id) -> list[AgreedStep]``
    ``open_steps(session, conversation_id) -> list[AgreedStep]``: of the person behind the
        conversation (every conversation a resume code joined), oldest first.
    ``record_answer(session, step_id, answer, conversation_id) -> AgreedStep``:
        answer ``done`` / ``not_yet`` / ``change``.
    ``set_reminder(session, conversation_id, email) -> int``: rows given the address.
    ``city_counts(session) -> list[CityCounts]``: agreed / followed up / done per city.
    ``summary_steps(session, summary_id) -> list[AgreedStep]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from bot.clock import utcnow
from bot.followup.models import CLOSED, AgreedStep
from bot.resume.codes import person_conversations, person_of

ANSWERS = ("done", "not_yet", "change")
_STATUS_OF = {"done": "done", "change": "changed"}


@dataclass(frozen=True)
class PlannedStep:
    """A step agreed in the conversation: option key, label in the person's language, due date or None."""

    key: str
    label: str
    due_on: date | None = None


@dataclass(frozen=True)
class CityCounts:
    """Steps of one city ("" when unknown): agreed, followed up (answered at least once), done."""

    city: str
    agreed: int
    followed_up: int
    done: int


def save_steps(
    session: Session,
    conversation_id: str,
    steps: Iterable[PlannedStep],
    *,
    city: str | None,
    language: str,
    summary_id: int | None = None,
) -> list[AgreedStep]:
    """Make the conversation's steps rows; a step already there is updated, not added twice.

    A step that is still open for the same person from an earlier conversation
    (brought back by a resume code) is not added again. Steps of this
    conversation that are no longer in ``steps`` and were never answered are
    dropped (the person picked again before the summary was saved twice).

    Returns:
        The rows of ``steps``, in their order.
    """
    person_id = person_of(session, conversation_id)
    mine = {
        row.step_key: row
        for row in session.scalars(select(AgreedStep).where(AgreedStep.conversation_id == conversation_id))
    }
    earlier_open = {
        row.step_key: row
        for row in open_steps(session, conversation_id)
        if row.conversation_id != conversation_id
    }
    rows: list[AgreedStep] = []
    wanted = []
    for step in steps:
        wanted.append(step.key)
        if step.key in earlier_open:
            row = earlier_open[step.key]
            if step.due_on is not None:
                row.due_on = step.due_on
            rows.append(row)
            continue
        row = mine.get(step.key) or AgreedStep(
            conversation_id=conversation_id, step_key=step.key, status="open"
        )
        row.label, row.due_on, row.city, row.language = step.label[:300], step.due_on, city, language
        row.person_id = person_id
        if summary_id is not None:
            row.summary_id = summary_id
        session.add(row)
        rows.append(row)
    for key, row in mine.items():
        if key not in wanted and row.status == "open" and row.reviewed_at is None:
            session.delete(row)
    session.flush()
    return rows


def open_steps(session: Session, conversation_id: str) -> list[AgreedStep]:
    """Open steps of every conversation of the person behind ``conversation_id``, oldest first.

    Rows saved before a resume code linked their conversation get the person's id here.
    """
    ids = person_conversations(session, conversation_id)
    rows = list(
        session.scalars(
            select(AgreedStep)
            .where(AgreedStep.conversation_id.in_(ids), AgreedStep.status == "open")
            .order_by(AgreedStep.created_at, AgreedStep.id)
        )
    )
    person_id = person_of(session, conversation_id)
    for row in rows:
        if person_id and row.person_id is None:
            row.person_id = person_id
    return rows


def record_answer(session: Session, step_id: int, answer: str, conversation_id: str) -> AgreedStep:
    """Record the person's answer about one of their open steps.

    ``done`` and ``change`` close the step (status ``done`` / ``changed``,
    ``closed_at`` set, the reminder address deleted); ``not_yet`` keeps it open.
    Every answer sets ``reviewed_at`` (the step counts as followed up).

    Raises:
        ValueError: unknown ``answer``.
        LookupError: no open step ``step_id`` of this person (someone else's, or closed).
    """
    if answer not in ANSWERS:
        raise ValueError(f"unknown answer {answer!r}")
    row = next((r for r in open_steps(session, conversation_id) if r.id == step_id), None)
    if row is None:
        raise LookupError(step_id)
    now = utcnow()
    row.reviewed_at = now
    if answer in _STATUS_OF:
        close(row, _STATUS_OF[answer])
    session.flush()
    return row


def close(row: AgreedStep, status: str) -> None:
    """Close a step with ``status`` (one of ``CLOSED``): closed now, reminder address deleted."""
    if status not in CLOSED:
        raise ValueError(f"not a closing status: {status!r}")
    row.status, row.closed_at, row.reminder_email = status, utcnow(), None


def set_reminder(session: Session, conversation_id: str, email: str | None) -> int:
    """Store (or with None delete) the reminder address on the person's open steps that have a date.

    Only steps whose reminder was not sent yet get it; returns how many rows changed.
    """
    changed = 0
    for row in open_steps(session, conversation_id):
        if row.due_on is not None and row.reminder_sent_at is None:
            row.reminder_email = email
            changed += 1
    session.flush()
    return changed


def remindable(session: Session, conversation_id: str) -> list[AgreedStep]:
    """The person's open steps with a due date and no reminder sent yet (what a reminder would cover)."""
    steps = open_steps(session, conversation_id)
    return [r for r in steps if r.due_on is not None and r.reminder_sent_at is None]


def city_counts(session: Session, cities: Iterable[str] | None = None) -> list[CityCounts]:
    """Per city: steps agreed, followed up (answered at least once) and done; no names, no ids.

    ``cities`` limits the rows (a coach sees their own cities); None: all, by city name.
    """
    city = func.coalesce(AgreedStep.city, "")
    query = select(
        city,
        func.count(AgreedStep.id),
        func.sum(case((AgreedStep.reviewed_at.is_not(None), 1), else_=0)),
        func.sum(case((AgreedStep.status == "done", 1), else_=0)),
    ).group_by(city).order_by(city)
    if cities is not None:
        query = query.where(city.in_(list(cities)))
    return [CityCounts(str(c), int(a), int(f or 0), int(d or 0)) for c, a, f, d in session.execute(query)]


def summary_steps(session: Session, summary_id: int) -> list[AgreedStep]:
    """The steps saved with summary ``summary_id``, in the order they were saved."""
    return list(
        session.scalars(
            select(AgreedStep).where(AgreedStep.summary_id == summary_id).order_by(AgreedStep.id)
        )
    )
