"""Tables of the resume codes.

- ``person_links``: one row per conversation that belongs to a person who
  used (or was given) a resume code. ``person_id`` is a random hex id; it
  joins the conversations of one person so that "delete my data" and the
  confidence trend can reach all of them. Keyed by ``conversation_id``, so
  deletion and the retention purge remove it with the conversation.
- ``resume_codes``: a code given at the end of ``conversation_id``; only the
  HMAC-SHA256 of the normalised code is stored (``code_hash``). A code works
  as often as needed until ``expires_at``; ``used_at`` is its latest use.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.db import Base


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class PersonLink(Base):
    """A conversation of a person (see module docstring)."""

    __tablename__ = "person_links"

    conversation_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ResumeCode(Base):
    """A resume code, stored hashed (see module docstring)."""

    __tablename__ = "resume_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    person_id: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
