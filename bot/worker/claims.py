"""Claiming timed jobs so that each runs in one worker at a time (``worker_jobs``).

A claim is one atomic change of a row from ``open`` to ``claimed``:

- SQLite: ``UPDATE worker_jobs SET state='claimed', claimed_by=?, claimed_at=?
  WHERE id=? AND <claimable>``; rowcount 1 means this worker has it. SQLite
  takes the database write lock for the UPDATE, so two workers cannot both see
  the row still claimable.
- PostgreSQL: ``SELECT ... FOR UPDATE SKIP LOCKED`` picks rows no other worker
  is claiming at that moment, and the same guarded UPDATE changes them.

*Claimable* is: open and due, or claimed longer ago than the lease (a dead
worker's; ``WORKER_LEASE_SECONDS``, default 300), or claimed by this same worker
(its claim survived a database error that kept it from finishing or releasing).

Shapes:
    ``Claimed``: the claimed job as the runner sees it (no ORM object).
    ``claim_due(...) -> list[Claimed]``; ``finish`` / ``release`` -> bool (this
    worker still held the claim).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.worker.models import WorkerJob

LAST_ERROR_CHARS = 200


@dataclass(frozen=True)
class Claimed:
    """A job this worker holds: row id, kind, key, conversation (or None), failed runs so far."""

    id: int
    kind: str
    key: str
    conversation_id: str | None
    attempts: int


def lease() -> timedelta:
    """How long a claim holds before another worker may take the job over (``WORKER_LEASE_SECONDS``)."""
    return timedelta(seconds=float(os.environ.get("WORKER_LEASE_SECONDS", "300")))


def ensure(
    session: Session, kind: str, key: str, due_at: datetime, conversation_id: str | None = None
) -> bool:
    """Add the job ``(kind, key)`` unless it exists (any state); the caller commits.

    Two workers adding the same job at once is fine: the unique key and
    ``ON CONFLICT DO NOTHING`` keep one row.

    Returns:
        True when this call added the row.
    """
    exists = session.scalar(select(WorkerJob.id).where(WorkerJob.kind == kind, WorkerJob.job_key == key))
    if exists is not None:
        return False
    values = {"kind": kind, "job_key": key, "conversation_id": conversation_id, "due_at": due_at,
              "state": "open", "attempts": 0}
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    result = session.execute(
        insert(WorkerJob).values(**values).on_conflict_do_nothing(index_elements=["kind", "job_key"])
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _claimable(worker_id: str, now: datetime) -> ColumnElement[bool]:
    return or_(
        and_(WorkerJob.state == "open", WorkerJob.due_at <= now),
        and_(
            WorkerJob.state == "claimed",
            or_(WorkerJob.claimed_at < now - lease(), WorkerJob.claimed_by == worker_id),
        ),
    )


def claim(session: Session, job_id: int, worker_id: str, now: datetime) -> bool:
    """Claim one job with the guarded UPDATE; commits. True when this worker has it now."""
    result = session.execute(
        update(WorkerJob)
        .where(WorkerJob.id == job_id, _claimable(worker_id, now))
        .values(state="claimed", claimed_by=worker_id, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]


def claim_due(
    session: Session, worker_id: str, kinds: list[str], now: datetime, limit: int = 20
) -> list[Claimed]:
    """Claim up to ``limit`` claimable jobs of ``kinds``, oldest due first; commits.

    Raises:
        sqlalchemy.exc.SQLAlchemyError: the database failed (nothing claimed).
    """
    query = (
        select(WorkerJob.id)
        .where(WorkerJob.kind.in_(kinds), _claimable(worker_id, now))
        .order_by(WorkerJob.due_at, WorkerJob.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        ids = list(session.scalars(query.with_for_update(skip_locked=True)))
        if ids:
            session.execute(
                update(WorkerJob)
                .where(WorkerJob.id.in_(ids), _claimable(worker_id, now))
                .values(state="claimed", claimed_by=worker_id, claimed_at=now)
                .execution_options(synchronize_session=False)
            )
        session.commit()
        won = ids
    else:
        candidates = list(session.scalars(query))
        session.rollback()  # end the read transaction before the UPDATEs
        won = [job_id for job_id in candidates if claim(session, job_id, worker_id, now)]
    if not won:
        return []
    rows = session.execute(
        select(WorkerJob.id, WorkerJob.kind, WorkerJob.job_key, WorkerJob.conversation_id, WorkerJob.attempts)
        .where(WorkerJob.id.in_(won), WorkerJob.claimed_by == worker_id)
        .order_by(WorkerJob.due_at, WorkerJob.id)
    )
    claimed = [Claimed(*row) for row in rows]
    session.rollback()
    return claimed


def finish(session: Session, job: Claimed, worker_id: str, now: datetime) -> bool:
    """Mark the job done if this worker still holds it; commits."""
    result = session.execute(
        update(WorkerJob)
        .where(WorkerJob.id == job.id, WorkerJob.state == "claimed", WorkerJob.claimed_by == worker_id)
        .values(state="done", finished_at=now, last_error=None)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]


def release(session: Session, job: Claimed, worker_id: str, error: str, retry_at: datetime) -> bool:
    """Give a failed job back (``open``, one more attempt, due at ``retry_at``); commits."""
    result = session.execute(
        update(WorkerJob)
        .where(WorkerJob.id == job.id, WorkerJob.state == "claimed", WorkerJob.claimed_by == worker_id)
        .values(
            state="open",
            claimed_by=None,
            claimed_at=None,
            attempts=WorkerJob.attempts + 1,
            last_error=error[:LAST_ERROR_CHARS],
            due_at=retry_at,
        )
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]
