"""Deleting a person's data: "delete my data" now, and the retention purge after inactivity.

Every product table with a ``conversation_id`` (or ``sender_id``) column is
covered automatically (``bot.models`` registers them all on ``Base.metadata``),
and Rasa's tracker store (``TRACKER_DB_URL``, table ``events``, column
``sender_id``) loses the conversation's events too.

Shapes:
    ``delete_conversation(...) -> dict[str, int]``: rows deleted per table.
    ``purge(...) -> list[str]``: conversation ids that were deleted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, DateTime, Engine, MetaData, Table, delete, func, inspect, select
from sqlalchemy.orm import Session

import bot.models  # noqa: F401  (registers every table)
from bot.coach.accounts import as_utc
from bot.db import Base, make_engine

ID_COLUMNS = ("conversation_id", "sender_id")
# Rows written by coaches: they are deleted with the person, but a coach reading
# or annotating a conversation does not keep the person's data alive.
NOT_PERSON_ACTIVITY = frozenset({"coach_notes", "coach_reviews", "coach_audit_log", "handoff_messages"})


def tracker_db_url() -> str | None:
    """``TRACKER_DB_URL`` from the environment (Rasa's format; ``sqlite:///`` works for both)."""
    return os.environ.get("TRACKER_DB_URL") or None


def person_tables() -> list[tuple[Table, Column]]:  # type: ignore[type-arg]
    """(table, id column) for every product table keyed by a conversation."""
    found = []
    for table in Base.metadata.sorted_tables:
        for name in ID_COLUMNS:
            if name in table.c:
                found.append((table, table.c[name]))
                break
    return found


def _events_table(engine: Engine) -> Table | None:
    if not inspect(engine).has_table("events"):
        return None
    return Table("events", MetaData(), autoload_with=engine)


def delete_conversation(
    session: Session, conversation_id: str, tracker_url: str | None = None
) -> dict[str, int]:
    """Delete every row of ``conversation_id`` in the product tables and the tracker store.

    The product deletes run in ``session`` (the caller commits); the tracker store
    is changed in its own committed transaction. Children go first (reverse
    dependency order), so foreign keys hold.

    Returns:
        Rows deleted per table name (``events`` for the tracker store).
    """
    counts: dict[str, int] = {}
    for table, column in reversed(person_tables()):
        result = session.execute(delete(table).where(column == conversation_id))
        counts[table.name] = result.rowcount or 0  # type: ignore[attr-defined]
    tracker_url = tracker_url or tracker_db_url()
    if tracker_url:
        engine = make_engine(tracker_url)
        try:
            events = _events_table(engine)
            if events is not None:
                with engine.begin() as connection:
                    result = connection.execute(delete(events).where(events.c.sender_id == conversation_id))
                    counts["events"] = result.rowcount or 0
        finally:
            engine.dispose()
    return counts


def _last_activity(session: Session, tracker_url: str | None) -> dict[str, datetime]:
    latest: dict[str, datetime] = {}

    def note(pairs: Iterable[tuple[str, datetime | None]]) -> None:
        for key, moment in pairs:
            if key is None:
                continue
            moment = as_utc(moment) if moment else datetime.min.replace(tzinfo=UTC)
            if key not in latest or moment > latest[key]:
                latest[key] = moment

    for table, column in person_tables():
        times = [c for c in table.c if isinstance(c.type, DateTime)]
        if not times or table.name in NOT_PERSON_ACTIVITY:
            note((key, None) for key in session.scalars(select(column).distinct()))
            continue
        for time_column in times:
            rows = session.execute(select(column, func.max(time_column)).group_by(column))
            note((key, moment) for key, moment in rows)
    if tracker_url:
        engine = make_engine(tracker_url)
        try:
            events = _events_table(engine)
            if events is not None:
                with engine.connect() as connection:
                    rows = connection.execute(
                        select(events.c.sender_id, func.max(events.c.timestamp)).group_by(events.c.sender_id)
                    )
                    note((key, datetime.fromtimestamp(ts or 0, UTC)) for key, ts in rows)
        finally:
            engine.dispose()
    return latest


def purge(
    session: Session, retention_days: int, tracker_url: str | None = None, now: datetime | None = None
) -> list[str]:
    """Delete every conversation whose last activity is older than ``retention_days``.

    Activity is the newest timestamp of the conversation in a product table written
    for the person (not coach notes, reviews, audit rows or replies) or in a
    tracker event. Commits after each conversation.

    Raises:
        ValueError: ``retention_days`` is below 1.
    """
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")
    tracker_url = tracker_url or tracker_db_url()
    cutoff = (now or datetime.now(UTC)) - timedelta(days=retention_days)
    stale = sorted(key for key, moment in _last_activity(session, tracker_url).items() if moment < cutoff)
    for conversation_id in stale:
        delete_conversation(session, conversation_id, tracker_url)
        session.commit()
    return stale


def delete_events_after_turn(
    conversation_id: str,
    since: float,
    tracker_url: str | None = None,
    timeout_s: float = 60.0,
    poll_s: float = 0.3,
) -> int:
    """Delete the conversation's tracker events once Rasa has saved the current turn.

    Rasa saves the tracker after the action that asked for deletion has run,
    and a save after an earlier delete would write every event again. So this
    waits (polling every ``poll_s``) until the turn's closing ``action_listen``
    with a timestamp at or after ``since`` (epoch seconds) is in the tracker
    store, then deletes every event of the conversation up to and including
    it. After ``timeout_s`` without one it deletes what is there. Blocking:
    run it in a thread.

    Returns:
        Rows deleted (0 without a tracker store).
    """
    tracker_url = tracker_url or tracker_db_url()
    if not tracker_url:
        return 0
    engine = make_engine(tracker_url)
    try:
        deadline = time.monotonic() + timeout_s
        last_id: int | None = None
        while True:
            events = _events_table(engine)
            if events is not None:
                with engine.connect() as connection:
                    last_id = connection.scalar(
                        select(func.max(events.c.id)).where(
                            events.c.sender_id == conversation_id,
                            events.c.type_name == "action",
                            events.c.action_name == "action_listen",
                            events.c.timestamp >= since,
                        )
                    )
            if last_id is not None or time.monotonic() >= deadline:
                break
            time.sleep(poll_s)
        if events is None:
            return 0
        condition = events.c.sender_id == conversation_id
        if last_id is not None:
            condition = condition & (events.c.id <= last_id)
        with engine.begin() as connection:
            return int(connection.execute(delete(events).where(condition)).rowcount or 0)
    finally:
        engine.dispose()
