"""Tables of the coach dashboard.

Shapes:
    ``coach_accounts``   one row per coach or city admin (email, argon2 hash, role, city,
        optional display name: the first name shown to people in the chat).
    ``coach_sessions``   server-side login sessions (hash of the cookie token, CSRF token, expiry).
    ``coach_login_attempts``  failed logins per email and client, for rate limiting.
    ``coach_audit_log``  who viewed, exported or changed which conversation, and when.
    ``coach_notes``      private notes of coaches on a conversation (redacted text).
    ``coach_reviews``    "reviewed" flag per conversation.

The handoff queue's tables are in :mod:`bot.handoff.models`. Every row that
concerns a person carries ``conversation_id`` (Rasa's sender id), so that the
retention purge and "delete my data" remove it (see :mod:`bot.privacy.erasure`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.clock import utcnow
from bot.db import Base

ROLES: tuple[str, ...] = ("coach", "admin")

__all__ = ["ROLES", "AuditEntry", "CoachAccount", "CoachNote", "CoachSession", "ConversationReview",
           "LoginAttempt", "utcnow"]


class CoachAccount(Base):
    """A dashboard user: a coach (sees one city) or a city admin (same city, plus the audit log)."""

    __tablename__ = "coach_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    city: Mapped[str] = mapped_column(String(64), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    display_name: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CoachSession(Base):
    """A logged-in browser: the cookie carries a random token; only its SHA-256 is stored."""

    __tablename__ = "coach_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("coach_accounts.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LoginAttempt(Base):
    """One failed login (email lower-cased, client address) used by the rate limiter."""

    __tablename__ = "coach_login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    client: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class AuditEntry(Base):
    """Who did what to which conversation: action is view, transcript, export, note, review, handoff_*."""

    __tablename__ = "coach_audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("coach_accounts.id", ondelete="SET NULL"), nullable=True
    )
    account_email: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(32))
    conversation_id: Mapped[str | None] = mapped_column(String(255), index=True, nullable=True)
    city: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class CoachNote(Base):
    """A coach's private note on a conversation; text is redacted before it is stored."""

    __tablename__ = "coach_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("coach_accounts.id", ondelete="SET NULL"), nullable=True
    )
    author_email: Mapped[str] = mapped_column(String(254))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ConversationReview(Base):
    """Marks a conversation as reviewed by a coach (at most one row per conversation)."""

    __tablename__ = "coach_reviews"

    conversation_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    reviewed_by: Mapped[str] = mapped_column(String(254))
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
