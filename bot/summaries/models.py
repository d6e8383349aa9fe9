"""The ``summaries`` table: one structured conversation summary per save.

``data`` holds the dictionary built by :func:`bot.summaries.service.build_summary`
(goals, confidence score, Holland code, suggestions with reactions, next
steps). ``consent_to_share`` is None until the person answers whether a
coach may read it; ``consent_at`` is when they answered (UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.db import Base
from bot.locale.registry import MAX_TAG_LENGTH


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class Summary(Base):
    """A saved conversation summary (see module docstring for ``data``)."""

    __tablename__ = "summaries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    language: Mapped[str] = mapped_column(String(MAX_TAG_LENGTH))
    city: Mapped[str | None] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    consent_to_share: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    consent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
