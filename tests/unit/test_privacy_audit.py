"""Erasure audit rows on SQLite and PostgreSQL: counts per kind, the city, and no personal data."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, insert, inspect, select, update
from sqlalchemy.orm import Session

from bot import handoff
from bot.db import get_sessionmaker, make_engine
from bot.guidance.store import AssessmentResult, save_result
from bot.privacy import audit, person, retention
from bot.privacy.models import ErasureRecord
from bot.summaries.models import Summary

SECRET = "Maija Meikäläinen 131052-308T"


def _tracker(tmp_path: Path, rows: list[tuple[str, float]]) -> str:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = make_engine(url)
    events = Table(
        "events", MetaData(),
        Column("id", Integer, primary_key=True), Column("sender_id", String(255)),
        Column("type_name", String(255)), Column("action_name", String(255)), Column("timestamp", Float),
    )
    events.metadata.create_all(engine)
    with engine.begin() as c:
        for sender, ts in rows:
            c.execute(insert(events).values(sender_id=sender, type_name="user", timestamp=ts))
    engine.dispose()
    return url


def _fill(session: Session, cid: str, city: str, when: datetime) -> None:
    save_result(session, cid, "self_efficacy", answers={"se_1": 4}, score=4.0)
    session.execute(
        update(AssessmentResult).where(AssessmentResult.conversation_id == cid).values(created_at=when)
    )
    session.add(
        Summary(conversation_id=cid, language="fi", city=city, data={"name": SECRET}, created_at=when)
    )
    request = handoff.enqueue(session, cid, city, "fi")
    request.requested_at = when
    session.commit()


def _no_personal_data(row: ErasureRecord, *conversation_ids: str) -> None:
    columns = {c.key for c in inspect(ErasureRecord).columns}
    assert columns == {"id", "at", "trigger", "city", "conversations", "counts"}
    values = " ".join(str(getattr(row, c)) for c in columns)
    assert SECRET not in values and not any(cid in values for cid in conversation_ids)


def test_erase_person_writes_one_row_with_counts_per_kind(any_session: Session, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    url = _tracker(tmp_path, [("asker-77", now.timestamp())] * 3 + [("other", now.timestamp())])
    _fill(any_session, "asker-77", "Espoo", now)
    _fill(any_session, "other", "Turku", now)
    row = person.erase_person(any_session, "asker-77", "person", tracker_url=url)
    stored = any_session.scalars(select(ErasureRecord)).all()
    assert [r.id for r in stored] == [row.id]
    assert (row.trigger, row.city, row.conversations) == ("person", "Espoo", 1)
    assert row.counts == {"assessment_results": 1, "summaries": 1, "handoff_requests": 1, "events": 3}
    _no_personal_data(row, "asker-77")
    assert audit.as_line(row).split()[2:4] == ["person", "Espoo"]
    assert any_session.scalar(select(Summary.conversation_id)) == "other"


def test_purge_writes_one_row_per_city_and_run(any_session: Session, tmp_path: Path) -> None:
    old = datetime.now(UTC) - timedelta(days=120)
    url = _tracker(tmp_path, [("old-e1", old.timestamp()), ("old-e2", old.timestamp())])
    for cid, city in (("old-e1", "Espoo"), ("old-e2", "Espoo"), ("old-t", "Turku"), ("new-t", "Turku")):
        _fill(any_session, cid, city, old if cid.startswith("old") else datetime.now(UTC))
    assert retention.purge(any_session, 90, url) == ["old-e1", "old-e2", "old-t"]
    rows = {r.city: r for r in audit.recent(any_session)}
    assert set(rows) == {"Espoo", "Turku"}
    assert (rows["Espoo"].conversations, rows["Espoo"].counts) == (
        2, {"assessment_results": 2, "summaries": 2, "handoff_requests": 2, "events": 2},
    )
    assert rows["Turku"].conversations == 1 and rows["Turku"].trigger == "retention"
    for row in rows.values():
        _no_personal_data(row, "old-e1", "old-e2", "old-t")
    assert [r.city for r in audit.recent(any_session, "Turku")] == ["Turku"]


def test_delete_my_data_action_writes_the_audit_row(make_tracker, dispatcher, domain, database_url, tmp_path):  # type: ignore[no-untyped-def]
    from actions.privacy import ActionDeleteMyData

    sessions = get_sessionmaker(database_url)
    with sessions() as session:
        _fill(session, "test-user", "Vantaa", datetime.now(UTC))
    tracker = make_tracker(slots={"language": "sv", "city": "Vantaa"}, intent="delete_my_data")
    asyncio.run(ActionDeleteMyData().run(dispatcher, tracker, domain))
    with sessions() as session:
        (row,) = session.scalars(select(ErasureRecord)).all()
        assert (row.trigger, row.city, row.conversations) == ("person", "Vantaa", 1)
        assert row.counts == {"assessment_results": 1, "summaries": 1, "handoff_requests": 1}
        _no_personal_data(row, "test-user")
