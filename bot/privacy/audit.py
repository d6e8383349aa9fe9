"""Writing and reading the erasure audit (:class:`bot.privacy.models.ErasureRecord`).

Shapes:
    ``record(session, trigger, city, conversations, counts) -> ErasureRecord``
    ``recent(session, city=None, limit=200) -> list[ErasureRecord]`` newest first.
    ``as_line(record) -> str`` one line for the CLI:
        ``2026-12-01 20:10:00  person     Espoo  1 conversation(s)  events=12 summaries=1``.

Errors:
    ValueError: unknown trigger.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.clock import as_utc
from bot.privacy.models import TRIGGERS, ErasureRecord


def record(
    session: Session, trigger: str, city: str, conversations: int, counts: dict[str, int]
) -> ErasureRecord:
    """Add an audit row (the caller commits, in the transaction that deleted the data)."""
    if trigger not in TRIGGERS:
        raise ValueError(f"trigger must be one of {', '.join(TRIGGERS)}")
    row = ErasureRecord(
        trigger=trigger,
        city=(city or "")[:64],
        conversations=conversations,
        counts={kind: int(n) for kind, n in sorted(counts.items()) if n},
    )
    session.add(row)
    session.flush()
    return row


def add_to(session: Session, record_id: int, kind: str, n: int) -> None:
    """Add ``n`` rows of ``kind`` to an audit row written earlier (the caller commits)."""
    row = session.get(ErasureRecord, record_id)
    if row is None or n <= 0:
        return
    counts = dict(row.counts or {})
    counts[kind] = counts.get(kind, 0) + n
    row.counts = counts


def recent(session: Session, city: str | None = None, limit: int = 200) -> list[ErasureRecord]:
    """Newest audit rows first; with ``city``, that city's and those with no city."""
    query = select(ErasureRecord).order_by(ErasureRecord.at.desc(), ErasureRecord.id.desc()).limit(limit)
    if city is not None:
        query = query.where(or_(ErasureRecord.city == city, ErasureRecord.city == ""))
    return list(session.scalars(query))


def as_line(row: ErasureRecord) -> str:
    """The row as one line of text (see the module docstring)."""
    counts = " ".join(f"{kind}={n}" for kind, n in sorted((row.counts or {}).items()))
    return (
        f"{as_utc(row.at):%Y-%m-%d %H:%M:%S}  {row.trigger:<9}  {row.city or '-':<12}  "
        f"{row.conversations} conversation(s)  {counts or 'nothing stored'}"
    )
