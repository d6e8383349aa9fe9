"""Tables of the handoff queue.

Shapes:
    ``handoff_requests`` one row per "talk to a person": waiting -> active (a coach
        took it) -> closed, or waiting -> timed_out (nobody took it in time).
    ``handoff_messages`` coach replies waiting to be (or already) delivered to the chat.
    ``handoff_contact_requests`` "please contact me" left outside office hours or after
        a timeout: phone or e-mail, the consent time, and when a coach marked it done.

All three carry ``conversation_id`` (Rasa's sender id), so the erasure rule of
:mod:`bot.privacy.erasure` removes them with the person's data.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.clock import utcnow
from bot.db import Base
from bot.locale.registry import MAX_TAG_LENGTH

HANDOFF_STATUSES: tuple[str, ...] = ("waiting", "active", "closed", "timed_out")


class HandoffRequest(Base):
    """A person asked for a human: waiting -> active (a coach took it) -> closed, or timed_out."""

    __tablename__ = "handoff_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    city: Mapped[str] = mapped_column(String(64), index=True)
    language: Mapped[str] = mapped_column(String(MAX_TAG_LENGTH))
    status: Mapped[str] = mapped_column(String(16), default="waiting", index=True)
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    taken_by: Mapped[str | None] = mapped_column(String(254), nullable=True)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # The queue place and estimate the person was last told (bot.handoff.waiting).
    told_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    told_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)


class HandoffMessage(Base):
    """A coach's reply; ``action_relay_coach_message`` utters undelivered ones and sets delivered_at."""

    __tablename__ = "handoff_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("handoff_requests.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    author_email: Mapped[str] = mapped_column(String(254))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


CONTACT_CHANNELS: tuple[str, ...] = ("phone", "email")
CONTACT_REASONS: tuple[str, ...] = ("closed", "timeout")


class ContactRequest(Base):
    """A person asked a coach to contact them (consent given in the chat); personal data.

    ``contact`` is the normalised phone number (E.164) or e-mail address. Deleted
    with the person's data and by the retention purge (``conversation_id``).
    """

    __tablename__ = "handoff_contact_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    city: Mapped[str] = mapped_column(String(64), index=True)
    language: Mapped[str] = mapped_column(String(MAX_TAG_LENGTH))
    reason: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(8))
    contact: Mapped[str] = mapped_column(String(254))
    consented_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    done_by: Mapped[str | None] = mapped_column(String(254), nullable=True)
