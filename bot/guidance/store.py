"""Storage of assessment results, so that a later session can show the trend.

Table ``assessment_results``: one row per scored check (self-efficacy or
RIASEC) of a conversation, with its answers and a UTC timestamp.
Also :func:`delete_conversation_data`, the generic erasure behind
"delete my data", which covers every table on ``bot.db.Base``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import JSON, DateTime, Float, Integer, String, Table, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from bot.db import Base

AssessmentKind = Literal["self_efficacy", "riasec"]
KINDS: tuple[str, ...] = ("self_efficacy", "riasec")


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


Condition = Callable[[str], Any]


def _own_condition(column: Any) -> Condition:
    return lambda conversation_id: column == conversation_id


def _child_condition(local: Any, remote: Any, parent_condition: Condition) -> Condition:
    return lambda conversation_id: local.in_(select(remote).where(parent_condition(conversation_id)))


def _owned_tables() -> list[tuple[Table, Condition]]:
    """(table, where-clause factory) for every table holding a conversation's rows.

    A table belongs to a conversation when it has a ``conversation_id``
    column, or a foreign key to a table that does (recursively, e.g. the
    items of a summary). Children come before parents so deletes never
    break a foreign key.
    """
    import bot.models  # noqa: F401  (registers every table on Base.metadata)

    conditions: dict[str, Condition] = {}
    tables = list(Base.metadata.sorted_tables)
    for table in tables:
        if "conversation_id" in table.columns:
            column = table.columns["conversation_id"]
            conditions[table.name] = _own_condition(column)
    changed = True
    while changed:
        changed = False
        for table in tables:
            if table.name in conditions:
                continue
            for fk in table.foreign_keys:
                parent = fk.column.table
                if parent.name in conditions and parent is not table:
                    conditions[table.name] = _child_condition(fk.parent, fk.column, conditions[parent.name])
                    changed = True
                    break
    return [(table, conditions[table.name]) for table in reversed(tables) if table.name in conditions]


def delete_conversation_data(session: Session, conversation_id: str) -> dict[str, int]:
    """Delete every row of ``conversation_id`` in every table (the caller commits).

    Returns:
        table name -> number of rows deleted (tables with nothing to delete included, as 0).
    """
    counts: dict[str, int] = {}
    for table, condition in _owned_tables():
        result = session.execute(delete(table).where(condition(conversation_id)))
        counts[table.name] = int(getattr(result, "rowcount", 0) or 0)
    return counts
