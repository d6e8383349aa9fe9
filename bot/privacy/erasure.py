"""The one erasure rule: which rows are a conversation's, and deleting them.

Used by "delete my data" (``actions/privacy.py``), the admins' ``python -m
bot.coach delete`` and the retention purge (:mod:`bot.privacy.retention`).

A product table belongs to a conversation when it has a ``conversation_id`` (or
``sender_id``) column, or a foreign key to such a table (recursively; the items
of a summary, say). ``bot.models`` registers every table on ``Base.metadata``,
so tables that later features add are covered without changing this module.
Rasa's tracker store (``TRACKER_DB_URL``, table ``events``, column
``sender_id``) loses the conversation's events too.

Shapes:
    ``delete_conversation(...) -> dict[str, int]``: rows deleted per table name
        (``events`` for the tracker store).
    ``erase_person(...) -> ErasureRecord``: the audit row written with the deletion.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Column, Engine, MetaData, Table, delete, inspect, select
from sqlalchemy.orm import Session

from bot.db import Base, make_engine

ID_COLUMNS = ("conversation_id", "sender_id")
Condition = Callable[[str], Any]


def tracker_db_url() -> str | None:
    """``TRACKER_DB_URL`` from the environment (Rasa's format; ``sqlite:///`` works for both)."""
    return os.environ.get("TRACKER_DB_URL") or None


def person_tables() -> list[tuple[Table, Column]]:  # type: ignore[type-arg]
    """(table, id column) for every product table with its own conversation id column, parents first."""
    import bot.models  # noqa: F401  (registers every table on Base.metadata)

    found = []
    for table in Base.metadata.sorted_tables:
        for name in ID_COLUMNS:
            if name in table.c:
                found.append((table, table.c[name]))
                break
    return found


def _own(column: Any) -> Condition:
    return lambda conversation_id: column == conversation_id


def _child(local: Any, remote: Any, parent: Condition) -> Condition:
    return lambda conversation_id: local.in_(select(remote).where(parent(conversation_id)))


def owned_tables() -> list[tuple[Table, Condition]]:
    """(table, ``condition(conversation_id)``) for every table holding a conversation's rows.

    Tables with an id column (:func:`person_tables`) and tables hanging off them
    by foreign key, children before parents, so deletes never break a key.
    """
    conditions: dict[str, Condition] = {table.name: _own(column) for table, column in person_tables()}
    tables = list(Base.metadata.sorted_tables)
    changed = True
    while changed:
        changed = False
        for table in tables:
            if table.name in conditions:
                continue
            for fk in table.foreign_keys:
                parent = fk.column.table
                if parent.name in conditions and parent is not table:
                    conditions[table.name] = _child(fk.parent, fk.column, conditions[parent.name])
                    changed = True
                    break
    return [(table, conditions[table.name]) for table in reversed(tables) if table.name in conditions]


def events_table(engine: Engine) -> Table | None:
    """Rasa's ``events`` table in the tracker store, or None before Rasa created it."""
    if not inspect(engine).has_table("events"):
        return None
    return Table("events", MetaData(), autoload_with=engine)


def delete_tracker_events(conversation_ids: Iterable[str], tracker_url: str | None = None) -> int:
    """Delete every tracker event of ``conversation_ids`` (own committed transaction); rows deleted.

    0 without a tracker store (``TRACKER_DB_URL`` unset) or before Rasa created its table.
    """
    ids = list(conversation_ids)
    tracker_url = tracker_url or tracker_db_url()
    if not tracker_url or not ids:
        return 0
    engine = make_engine(tracker_url)
    try:
        events = events_table(engine)
        if events is None:
            return 0
        with engine.begin() as connection:
            result = connection.execute(delete(events).where(events.c.sender_id.in_(ids)))
            return int(result.rowcount or 0)
    finally:
        engine.dispose()


def delete_conversation(
    session: Session, conversation_id: str, tracker_url: str | None = None, *, tracker: bool = True
) -> dict[str, int]:
    """Delete every row of ``conversation_id`` in the product tables (and the tracker store).

    The product deletes run in ``session`` (the caller commits); the tracker store
    is changed in its own committed transaction (skipped with ``tracker=False``).

    Returns:
        Rows deleted per table name, every owned table included (0 when none).
    """
    counts: dict[str, int] = {}
    for table, condition in owned_tables():
        result = session.execute(delete(table).where(condition(conversation_id)))
        counts[table.name] = int(getattr(result, "rowcount", 0) or 0)
    if tracker:
        counts["events"] = delete_tracker_events([conversation_id], tracker_url)
    return counts


def city_of(session: Session, conversation_ids: Iterable[str]) -> str:
    """The city the conversations were about (newest summary, else handoff request), or ""."""
    from bot.handoff.models import HandoffRequest
    from bot.summaries.models import Summary

    ids = list(conversation_ids)
    for column, order in ((Summary.city, Summary.id), (HandoffRequest.city, HandoffRequest.id)):
        city = session.scalar(
            select(column).where(column.table.c.conversation_id.in_(ids), column != "").order_by(order.desc())
        )
        if city:
            return str(city)
    return ""


def add_counts(total: dict[str, int], more: dict[str, int]) -> dict[str, int]:
    """``total`` plus ``more``, kinds with 0 rows left out (a new dict)."""
    merged = dict(total)
    for kind, n in more.items():
        if n:
            merged[kind] = merged.get(kind, 0) + n
    return merged
