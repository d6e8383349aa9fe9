"""The retention purge: conversations inactive for ``RETENTION_DAYS`` lose every row (the erasure rule).

Run daily by the worker (job ``retention_purge``) and on demand by
``python -m bot.coach purge``. Each run writes one audit row per city
(:mod:`bot.privacy.audit`), updated in the same transaction as each
conversation's deletion, so nothing is deleted without its audit row.

Shapes:
    ``purge(...) -> list[str]``: conversation ids that were deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import DateTime, func, select
from sqlalchemy.orm import Session

from bot.clock import as_utc
from bot.db import make_engine
from bot.privacy import audit
from bot.privacy.erasure import (
    add_counts,
    city_of,
    delete_conversation,
    delete_tracker_events,
    events_table,
    person_tables,
    tracker_db_url,
)
from bot.privacy.models import ErasureRecord

# Rows written by coaches or the worker: deleted with the person, but a coach
# reading or annotating a conversation does not keep the person's data alive.
NOT_PERSON_ACTIVITY = frozenset(
    {"coach_notes", "coach_reviews", "coach_audit_log", "handoff_messages", "worker_jobs"}
)


def last_activity(session: Session, tracker_url: str | None) -> dict[str, datetime]:
    """Conversation id -> newest moment the person was active (product rows and tracker events)."""
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
            events = events_table(engine)
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
    for the person (not coach notes, reviews, audit rows, replies or jobs) or in a
    tracker event. Commits after each conversation, with its audit row's counts.

    Raises:
        ValueError: ``retention_days`` is below 1.
        sqlalchemy.exc.SQLAlchemyError: a database failed; the conversations
            deleted so far stay deleted and audited, a new run goes on.
    """
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")
    tracker_url = tracker_url or tracker_db_url()
    cutoff = (now or datetime.now(UTC)) - timedelta(days=retention_days)
    stale = sorted(key for key, moment in last_activity(session, tracker_url).items() if moment < cutoff)
    rows: dict[str, ErasureRecord] = {}
    for conversation_id in stale:
        city = city_of(session, [conversation_id])
        counts = delete_conversation(session, conversation_id, tracker=False)
        if city not in rows:
            rows[city] = audit.record(session, "retention", city, 0, {})
        row = rows[city]
        row.conversations += 1
        row.counts = add_counts(row.counts or {}, counts)
        session.commit()
        # After the commit: a failure here leaves only tracker events, which
        # keep the conversation stale, so the next run deletes them.
        events = delete_tracker_events([conversation_id], tracker_url)
        if events:
            row.counts = add_counts(row.counts or {}, {"events": events})
            session.commit()
    return stale
