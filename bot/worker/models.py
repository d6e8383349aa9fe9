"""The worker's job table: one row per timed job, claimed by one worker before it runs.

Shape of ``worker_jobs``:
    ``kind``, ``job_key`` what to do and to what, unique together
        (``handoff_timeout`` / the request id; ``retention_purge`` / the UTC day).
    ``conversation_id`` the person the job is about, or null; the erasure rule
        deletes a deleted person's jobs with the rest of their data.
    ``due_at``   not before (UTC); moved on by the back-off after a failure.
    ``state``    ``open`` -> ``claimed`` (by ``claimed_by`` at ``claimed_at``) ->
                 ``done``; a failure puts it back to ``open``. A claim older than
                 the lease (a dead worker's) may be taken over.
    ``attempts`` failed runs so far; ``last_error`` the last failure's class and
                 reason (never message text).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.clock import utcnow
from bot.db import Base

STATES: tuple[str, ...] = ("open", "claimed", "done")


class WorkerJob(Base):
    """A timed job (see the module docstring)."""

    __tablename__ = "worker_jobs"
    __table_args__ = (
        UniqueConstraint("kind", "job_key", name="uq_worker_jobs_kind_key"),
        Index("ix_worker_jobs_state_due", "state", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    job_key: Mapped[str] = mapped_column(String(64))
    conversation_id: Mapped[str | None] = mapped_column(String(255), index=True, nullable=True)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="open")
    claimed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(200), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
