"""Storage of assessment results, so that a later session can show the trend.

Table ``assessment_results``: one row per scored check (self-efficacy or
RIASEC) of a conversation, with its answers and a UTC timestamp. A resume
code copies the earlier conversation's rows (with their times) into the new
one (:func:`bot.resume.codes.redeem`), so one conversation's rows are the
person's whole history. Erasure ("delete my data", retention) is
:mod:`bot.privacy.erasure`.

Shapes:
    ``history(session, conversation_id, kind) -> list[AssessmentResult]``, oldest first.
    ``confidence_trend(session, conversation_id) -> list[TrendPoint]``, oldest first.
    ``latest_answers(session, conversation_id, kind) -> dict[str, Any]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import JSON, DateTime, Float, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from bot.db import Base

# "interview_confidence" (issue 15): the self-efficacy interview item (se_4) rated
# just before and after the interview practice; answers {"se_4": "3", "moment": "before"}.
AssessmentKind = Literal["self_efficacy", "riasec", "interview_confidence"]
KINDS: tuple[str, ...] = ("self_efficacy", "riasec", "interview_confidence")


def _utcnow() -> datetime:
    return datetime.now(UTC)


class AssessmentResult(Base):
    """One scored assessment.

    Columns: ``conversation_id`` (Rasa sender id), ``kind`` ("self_efficacy"
    or "riasec"), ``score`` (self-efficacy mean 1.0-5.0, null for RIASEC or
    when nothing was answered), ``holland_code`` (e.g. "IRC", null for
    self-efficacy), ``answers`` (JSON: item id -> answer or null),
    ``created_at`` (timezone-aware UTC).
    """

    __tablename__ = "assessment_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    holland_code: Mapped[str | None] = mapped_column(String(3), nullable=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


def save_result(
    session: Session,
    conversation_id: str,
    kind: AssessmentKind,
    *,
    answers: dict[str, Any],
    score: float | None = None,
    holland_code: str | None = None,
    created_at: datetime | None = None,
) -> AssessmentResult:
    """Add one result to ``session`` and flush it (the caller commits).

    Raises:
        ValueError: for an unknown ``kind``.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown assessment kind {kind!r}")
    row = AssessmentResult(
        conversation_id=conversation_id,
        kind=kind,
        score=score,
        holland_code=holland_code,
        answers=dict(answers),
        created_at=created_at or _utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def history(session: Session, conversation_id: str, kind: AssessmentKind) -> list[AssessmentResult]:
    """Earlier results of one kind for a conversation, oldest first (by created_at, then id)."""
    query = (
        select(AssessmentResult)
        .where(AssessmentResult.conversation_id == conversation_id, AssessmentResult.kind == kind)
        .order_by(AssessmentResult.created_at, AssessmentResult.id)
    )
    return list(session.scalars(query))


def latest_score(session: Session, conversation_id: str) -> float | None:
    """The most recent non-null self-efficacy score of a conversation, or None."""
    rows = history(session, conversation_id, "self_efficacy")
    scores = [row.score for row in rows if row.score is not None]
    return scores[-1] if scores else None


@dataclass(frozen=True)
class TrendPoint:
    """One scored confidence check: ``at`` (aware UTC) and ``score`` (mean 1.0-5.0)."""

    at: datetime
    score: float


def confidence_trend(session: Session, conversation_id: str) -> list[TrendPoint]:
    """Every scored self-efficacy check of the conversation (resumed ones included), oldest first.

    Checks where every item was skipped (no score) are left out.
    """
    return [
        TrendPoint(row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC), row.score)
        for row in history(session, conversation_id, "self_efficacy")
        if row.score is not None
    ]


def latest_answers(session: Session, conversation_id: str, kind: AssessmentKind) -> dict[str, Any]:
    """The answers (item id -> answer or None) of the newest result of ``kind``; ``{}`` when none."""
    rows = history(session, conversation_id, kind)
    return dict(rows[-1].answers or {}) if rows else {}
