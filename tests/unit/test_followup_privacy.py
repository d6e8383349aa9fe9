"""Agreed steps (with their reminder addresses) go with "delete my data" and with the retention purge."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.followup import store
from bot.followup.models import AgreedStep
from bot.followup.store import PlannedStep
from bot.privacy.erasure import owned_tables, person_tables
from bot.privacy.person import erase_person
from bot.privacy.retention import purge
from bot.resume import codes


@pytest.fixture()
def session(any_session: Session) -> Session:
    """Every test here runs on SQLite and on PostgreSQL (tests/conftest.py ``any_session``)."""
    return any_session


STEP = [PlannedStep("cv", "Update my CV", date(2026, 12, 9))]


def _agree(
    session: Session, cid: str, email: str | None = "anna@example.fi", steps: list[PlannedStep] = STEP
) -> None:
    store.save_steps(session, cid, steps, city="turku", language="en")
    store.set_reminder(session, cid, email)
    session.commit()


def _conversations(session: Session) -> list[str]:
    return sorted(session.scalars(select(AgreedStep.conversation_id)))


def test_the_table_is_a_person_table() -> None:
    assert "agreed_steps" in {table.name for table, _ in person_tables()}
    assert "agreed_steps" in {table.name for table, _ in owned_tables()}


def test_delete_my_data_removes_the_steps_and_addresses_of_every_conversation_of_the_person(
    session: Session,
) -> None:
    _agree(session, "first")
    code = codes.issue(session, "first")
    assert codes.redeem(session, code, "second") is not None
    _agree(session, "second", steps=[PlannedStep("coach", "Talk with a coach", date(2026, 12, 20))])
    _agree(session, "someone-else")
    record = erase_person(session, "second", "person")
    assert _conversations(session) == ["someone-else"]
    assert record.counts["agreed_steps"] == 2
    assert session.scalar(select(AgreedStep.reminder_email)) == "anna@example.fi"  # only the other person's


def test_the_retention_purge_removes_steps_of_inactive_conversations_only(session: Session) -> None:
    _agree(session, "old")
    _agree(session, "fresh")
    old = session.scalars(select(AgreedStep).where(AgreedStep.conversation_id == "old")).one()
    old.created_at = datetime.now(UTC) - timedelta(days=120)
    session.commit()
    assert purge(session, 90) == ["old"]
    assert _conversations(session) == ["fresh"]


def test_a_recent_answer_keeps_an_old_step_alive(session: Session) -> None:
    _agree(session, "old", email=None)
    row = session.scalars(select(AgreedStep)).one()
    row.created_at = datetime.now(UTC) - timedelta(days=120)
    store.record_answer(session, row.id, "not_yet", "old")  # the person answered today
    session.commit()
    assert purge(session, 90) == []
    assert _conversations(session) == ["old"]
