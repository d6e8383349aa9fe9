"""Reminder mails of agreed steps through the worker, against a real local SMTP server (aiosmtpd)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.orm import Session, sessionmaker

from bot import clock
from bot.config import get_settings
from bot.db import get_sessionmaker
from bot.followup import reminders, store
from bot.followup.models import AgreedStep
from bot.followup.store import PlannedStep
from bot.worker import runner
from bot.worker.jobs import FOLLOWUP_REMINDER, JOBS
from bot.worker.runner import Worker

NOW = datetime(2026, 12, 9, 8, 0, tzinfo=UTC)  # 10.00 in Finland


class Inbox:
    """aiosmtpd handler: keeps every accepted message."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.envelopes: list[tuple[str, list[str]]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def smtp(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[Inbox]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(port))
    monkeypatch.setenv("SMTP_FROM", "digipoint@turku.example")
    get_settings.cache_clear()
    yield inbox
    controller.stop()
    get_settings.cache_clear()


def _freeze(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    """The clock of the worker, the store and the reminders at ``moment``."""
    for target in (clock, runner, reminders, store):
        monkeypatch.setattr(target, "utcnow", lambda: moment)


@pytest.fixture()
def sessions(database_url: str, monkeypatch: pytest.MonkeyPatch) -> sessionmaker[Session]:
    _freeze(monkeypatch, NOW)
    return get_sessionmaker(database_url)


def _agree(
    sessions: sessionmaker[Session], cid: str, due: date, lang: str = "fi", email: str | None = None
) -> int:
    with sessions() as session:
        rows = store.save_steps(
            session, cid, [PlannedStep("cv", "Päivitä ansioluetteloni", due)], city="turku", language=lang
        )
        store.set_reminder(session, cid, email)
        session.commit()
        return rows[0].id


def _worker(sessions: sessionmaker[Session]) -> Worker:
    return Worker(sessions, jobs=[FOLLOWUP_REMINDER], worker_id="test-worker", tick_s=0)


def test_the_reminder_job_is_one_of_the_workers_jobs() -> None:
    assert FOLLOWUP_REMINDER in JOBS


def test_a_due_reminder_is_sent_once_in_the_persons_language_with_only_the_step(
    smtp: Inbox, sessions: sessionmaker[Session]
) -> None:
    step_id = _agree(sessions, "conv-secret-id", date(2026, 12, 9), email="anna@example.fi")
    _agree(sessions, "later", date(2026, 12, 20), email="ben@example.fi")  # not due yet
    _agree(sessions, "no-address", date(2026, 12, 1))  # no address, no reminder
    outcomes = _worker(sessions).run_once()
    assert [(o.kind, o.key, o.ok) for o in outcomes] == [("followup_reminder", str(step_id), True)]
    assert smtp.envelopes == [("digipoint@turku.example", ["anna@example.fi"])]
    mail = smtp.messages[0]
    assert mail["Subject"] == "Muistutus: seuraava askeleesi"
    body = mail.get_payload(decode=True).decode("utf-8")  # type: ignore[union-attr]
    assert "Päivitä ansioluetteloni (9.12. mennessä)" in body
    assert "poista tietoni" in body  # how to stop reminders
    assert "conv-secret-id" not in body and "conv-secret-id" not in str(mail)
    with sessions() as session:
        row = session.get(AgreedStep, step_id)
        assert row is not None and row.reminder_sent_at is not None
        assert row.reminder_email is None  # the address was stored only for this reminder
    # A re-run (another tick, or a worker restarted after a crash) sends nothing more.
    _worker(sessions).run_once()
    assert len(smtp.messages) == 1


def test_a_job_run_again_after_a_crash_before_its_finish_sends_nothing_twice(
    smtp: Inbox, sessions: sessionmaker[Session]
) -> None:
    send_reminder = reminders.send_reminder
    step_id = _agree(sessions, "c1", date(2026, 12, 8), lang="en", email="anna@example.fi")
    with sessions() as session:
        assert send_reminder(session, step_id) == "c1"
        session.commit()
    with sessions() as session:  # the job's row is still claimed: the worker runs it again
        assert send_reminder(session, step_id) is None
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["Subject"] == "Reminder: your next step"


def test_a_closed_step_gets_no_reminder(smtp: Inbox, sessions: sessionmaker[Session]) -> None:
    step_id = _agree(sessions, "c1", date(2026, 12, 9), email="anna@example.fi")
    with sessions() as session:
        store.record_answer(session, step_id, "done", "c1")
        session.commit()
    assert _worker(sessions).run_once() == []
    assert smtp.messages == []


def test_an_unreachable_server_is_retried_and_the_mail_goes_out_later(
    smtp: Inbox, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    step_id = _agree(sessions, "c1", date(2026, 12, 9), lang="sv", email="anna@example.fi")
    port = get_settings().smtp_port
    monkeypatch.setenv("SMTP_PORT", str(_free_port()))  # nobody listens there
    get_settings.cache_clear()
    first = _worker(sessions).run_once()
    assert [(o.key, o.ok) for o in first] == [(str(step_id), False)]
    with sessions() as session:
        row = session.get(AgreedStep, step_id)
        assert row is not None and row.reminder_sent_at is None and row.reminder_email == "anna@example.fi"
    monkeypatch.setenv("SMTP_PORT", str(port))  # the server is back
    _freeze(monkeypatch, datetime(2026, 12, 9, 9, 0, tzinfo=UTC))  # after the back-off
    get_settings.cache_clear()
    assert [(o.key, o.ok) for o in _worker(sessions).run_once()] == [(str(step_id), True)]
    assert smtp.messages[0]["Subject"] == "Påminnelse: ditt nästa steg"


def test_without_smtp_host_nothing_is_sent_and_the_address_is_kept(
    sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMTP_HOST", "")
    get_settings.cache_clear()
    step_id = _agree(sessions, "c1", date(2026, 12, 9), email="anna@example.fi")
    assert [o.ok for o in _worker(sessions).run_once()] == [False]
    with sessions() as session:
        row = session.get(AgreedStep, step_id)
        assert row is not None and row.reminder_sent_at is None
