"""Delete and purge leave zero rows for the person in every table (counted), tracker events included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, func, insert, select

from bot import handoff
from bot.coach import queries
from bot.coach.accounts import Principal, create_account
from bot.coach.redaction import redact
from bot.db import make_engine
from bot.privacy import erasure, retention
from bot.summaries.models import Summary
from tests.coach.conftest import PASSWORD


def _tracker(tmp_path: Path, rows: list[tuple[str, float]]) -> str:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = make_engine(url)
    events = Table(
        "events",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255)),
        Column("type_name", String(255)),
        Column("timestamp", Float),
    )
    events.metadata.create_all(engine)
    with engine.begin() as c:
        for sender, ts in rows:
            c.execute(insert(events).values(sender_id=sender, type_name="user", timestamp=ts))
    engine.dispose()
    return url


def _fill(session, conversation_id: str, when: datetime) -> None:  # type: ignore[no-untyped-def]
    account = create_account(session, f"{conversation_id}@turku.fi", PASSWORD, "Turku")
    principal = Principal(account.id, account.email, "coach", "Turku", "x")
    session.add(
        Summary(
            conversation_id=conversation_id,
            language="en",
            city="Turku",
            data={},
            created_at=when,
            consent_to_share=True,
        )
    )
    queries.add_note(session, principal, conversation_id, "note")
    queries.set_reviewed(session, principal, conversation_id, True)
    queries.audit(session, principal, "view", conversation_id)
    request = handoff.enqueue(session, conversation_id, "Turku", "en")
    request.requested_at = when
    session.flush()
    session.commit()


def _counts(session, tracker_url: str, conversation_id: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    counts = {
        t.name: session.scalar(select(func.count()).select_from(t).where(c == conversation_id))
        for t, c in erasure.person_tables()
    }
    engine = make_engine(tracker_url)
    events = Table("events", MetaData(), autoload_with=engine)
    with engine.connect() as c:
        counts["events"] = c.scalar(
            select(func.count()).select_from(events).where(events.c.sender_id == conversation_id)
        )
    engine.dispose()
    return counts


def test_delete_conversation_leaves_zero_rows(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    url = _tracker(tmp_path, [("gone", now.timestamp()), ("kept", now.timestamp())])
    _fill(session, "gone", now)
    _fill(session, "kept", now)
    before = _counts(session, url, "gone")
    assert {"summaries", "coach_notes", "coach_reviews", "coach_audit_log", "handoff_requests", "events"} <= {
        k for k, v in before.items() if v > 0
    }
    erasure.delete_conversation(session, "gone", url)
    session.commit()
    assert set(_counts(session, url, "gone").values()) == {0}
    assert _counts(session, url, "kept")["summaries"] == 1 and _counts(session, url, "kept")["events"] == 1


def test_purge_removes_only_inactive_conversations(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    old = now - timedelta(days=91)
    url = _tracker(
        tmp_path, [("old", old.timestamp()), ("recent", old.timestamp()), ("recent", now.timestamp())]
    )
    _fill(session, "old", old)
    _fill(session, "recent", old)
    assert retention.purge(session, 90, url) == ["old"]  # "recent" has a fresh tracker event
    assert set(_counts(session, url, "old").values()) == {0}
    assert _counts(session, url, "recent")["events"] == 2


def test_redaction() -> None:
    text = redact(
        "hetu 131052-308T, puh +358 40 123 4567 tai 09 310 36000, mail maija.m@example.fi, vuodet 2015-2020"
    )
    assert "131052" not in text and "4567" not in text and "36000" not in text and "example.fi" not in text
    assert "2015-2020" in text


def test_log_redaction_keeps_uvicorn_access_log_arguments_usable() -> None:
    import logging

    from bot.coach.redaction import RedactingFilter

    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/coach/?email=maija@example.fi", "1.1", 200), None,
    )
    assert RedactingFilter().filter(record)
    message = record.getMessage()
    assert "maija@example.fi" not in message
    assert message.startswith('127.0.0.1:5000 - "GET /coach/?email=')
    assert message.endswith(" 200")
