"""The erasure audit: one row per "delete my data", per admin deletion and per retention purge run.

Shape of ``erasure_audit``:
    ``at``      when the data was deleted (UTC).
    ``trigger`` ``"person"`` (the person asked in the chat), ``"admin"``
                (``python -m bot.coach delete``) or ``"retention"`` (purge after
                ``RETENTION_DAYS`` of inactivity; one row per city and run).
    ``city``    the conversation's city ("" when it never chose one).
    ``conversations`` how many conversations were deleted.
    ``counts``  rows deleted per kind (table name -> count, ``events`` for the
                tracker store; kinds with 0 rows are left out).

No personal data: no conversation or sender id, no text, no coach. The table has
no ``conversation_id`` column on purpose, so the erasure rule never deletes it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.clock import utcnow
from bot.db import Base

TRIGGERS: tuple[str, ...] = ("person", "admin", "retention")


class ErasureRecord(Base):
    """That an erasure happened, where and how much: never who."""

    __tablename__ = "erasure_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    trigger: Mapped[str] = mapped_column(String(16))
    city: Mapped[str] = mapped_column(String(64), index=True, default="")
    conversations: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
