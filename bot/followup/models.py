"""The ``agreed_steps`` table: one row per next step a person agreed to.

Written when the summary is saved (``actions/summary.py``), read when the
person comes back with a resume code (``actions/followup.py``) and by the
reminder job (:mod:`bot.followup.reminders`) and the coach dashboard counts.

Columns:
    conversation_id: the conversation the step was agreed in (erasure and the
        retention purge reach the row through this column, :mod:`bot.privacy.erasure`).
    person_id: the person of the conversation (``person_links``), None until a
        resume code links it.
    summary_id: the summary the step was saved with (None when unknown).
    city, language: for the coach's counts per city and the reminder's language.
    step_key / label: the option key (:mod:`bot.summaries.next_steps`) and its
        label in the person's language when agreed (shown in the reminder).
    due_on: the date the person picked (a calendar date, no time), or None.
    status: ``open``, ``done``, ``changed`` (replaced by another step) or ``dropped``.
    reviewed_at: when the person last answered the follow-up question ("not yet" too).
    reminder_email: address for one reminder on ``due_on``; set only with the
        person's consent, cleared when the step is closed or the reminder is sent.
    reminder_sent_at: when the reminder went out (UTC), so a re-run sends nothing twice.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.db import Base
from bot.locale.registry import MAX_TAG_LENGTH

STATUSES = ("open", "done", "changed", "dropped")
CLOSED = ("done", "changed", "dropped")


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class AgreedStep(Base):
    """An agreed next step (see module docstring)."""

    __tablename__ = "agreed_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    person_id: Mapped[str | None] = mapped_column(String(32), index=True, nullable=True)
    summary_id: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)
    city: Mapped[str | None] = mapped_column(String(40), index=True, nullable=True)
    language: Mapped[str] = mapped_column(String(MAX_TAG_LENGTH), default="en")
    step_key: Mapped[str] = mapped_column(String(120))
    label: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    reminder_email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
