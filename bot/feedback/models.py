"""The ``feedback`` table: one row per one-tap answer to "was this useful?".

Shape: ``feedback(id, city, target, item, useful, given_on)``.

- ``city``: canonical city name of the conversation ("Espoo"), "" when unknown.
- ``target``: ``suggestion`` (a course or job), ``chat`` (the whole chat) or
  ``handoff`` (the coach's help after a handoff).
- ``item``: the suggestion id (``course:12``, ``job:3``); "" for chat and handoff.
- ``useful``: the answer.
- ``given_on``: the day only, no time of day.

The row has no conversation id and no text the person wrote: it cannot be
tied to a person, so "delete my data" has nothing of it to delete. The
conversation keeps the row ids it created (slot ``feedback_given``) so that a
changed answer updates its row instead of counting twice; that slot is
deleted with the rest of the conversation.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.db import Base


class Feedback(Base):
    """One "useful / not useful" answer, anonymous."""

    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_city_target", "city", "target"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    city: Mapped[str] = mapped_column(String(64), default="")
    target: Mapped[str] = mapped_column(String(16))
    item: Mapped[str] = mapped_column(String(64), default="")
    useful: Mapped[bool] = mapped_column(Boolean)
    given_on: Mapped[date] = mapped_column(Date, index=True)
