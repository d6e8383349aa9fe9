"""Erasure on request: every conversation of the person, with an audit row, in one transaction.

``erase_person`` is "delete my data" (the action server) and ``python -m bot.coach
delete`` (an administrator acting on a request made elsewhere). Both follow
:mod:`bot.privacy.erasure`; the person's other conversations (joined by a resume
code, :func:`bot.resume.codes.person_conversations`) go too.

The conversation that asks cannot lose its own tracker events inside the action:
Rasa saves the tracker after the action and would write them all again. So the
action passes ``own_events=False`` and runs :func:`delete_events_after_turn` in
a thread, which waits for that save and adds what it deleted to the audit row.
"""

from __future__ import annotations

import time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.db import make_engine
from bot.privacy import audit
from bot.privacy.erasure import add_counts, city_of, delete_conversation, delete_tracker_events, events_table
from bot.privacy.erasure import tracker_db_url as _tracker_db_url
from bot.privacy.models import ErasureRecord


def erase_person(
    session: Session,
    conversation_id: str,
    trigger: str,
    city: str | None = None,
    tracker_url: str | None = None,
    *,
    own_events: bool = True,
) -> ErasureRecord:
    """Delete every row of the person behind ``conversation_id`` and write the audit row; commits.

    Args:
        trigger: ``"person"`` or ``"admin"`` (see :mod:`bot.privacy.models`).
        city: the conversation's city when the caller knows it; else read from
            the stored data before it goes ("" when none).
        own_events: also delete ``conversation_id``'s tracker events now (the
            person's other conversations always lose theirs after the commit).

    Returns:
        The committed audit row (``counts`` include the tracker events deleted).

    Raises:
        sqlalchemy.exc.SQLAlchemyError: the product database failed; nothing is
            deleted there and no audit row is written (rolled back).
    """
    from bot.resume.codes import person_conversations

    try:
        conversations = person_conversations(session, conversation_id)
        city = city or city_of(session, conversations)
        counts: dict[str, int] = {}
        for cid in conversations:
            counts = add_counts(counts, delete_conversation(session, cid, tracker=False))
        row = audit.record(session, trigger, city, len(conversations), counts)
        session.commit()
    except Exception:
        session.rollback()
        raise
    tracked = conversations if own_events else conversations[1:]
    events = delete_tracker_events(tracked, tracker_url)
    if events:
        audit.add_to(session, row.id, "events", events)
        session.commit()
    return row


def delete_events_after_turn(
    conversation_id: str,
    since: float,
    tracker_url: str | None = None,
    timeout_s: float = 60.0,
    poll_s: float = 0.3,
    record_id: int | None = None,
) -> int:
    """Delete the conversation's tracker events once Rasa has saved the current turn.

    Rasa saves the tracker after the action that asked for deletion has run,
    and a save after an earlier delete would write every event again. So this
    waits (polling every ``poll_s``) until the turn's closing ``action_listen``
    with a timestamp at or after ``since`` (epoch seconds) is in the tracker
    store, then deletes every event of the conversation up to and including
    it. After ``timeout_s`` without one it deletes what is there. With
    ``record_id`` the count is added to that erasure audit row. Blocking: run
    it in a thread.

    Returns:
        Rows deleted (0 without a tracker store).
    """
    tracker_url = tracker_url or _tracker_db_url()
    if not tracker_url:
        return 0
    engine = make_engine(tracker_url)
    try:
        deadline = time.monotonic() + timeout_s
        last_id: int | None = None
        while True:
            events = events_table(engine)
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
            deleted = int(connection.execute(delete(events).where(condition)).rowcount or 0)
    finally:
        engine.dispose()
    if record_id is not None and deleted:
        from bot.db import session_scope

        with session_scope() as session:
            audit.add_to(session, record_id, "events", deleted)
    return deleted
