"""The worker survives a locked SQLite file, a stopped PostgreSQL server and an unreachable Rasa.

Each fault is real: another connection holds ``BEGIN EXCLUSIVE`` on the SQLite
file for longer than the busy timeout (5 s); a private PostgreSQL cluster is
stopped with ``pg_ctl`` and started again; Rasa's URL points at a closed port.
The worker logs one line per failure (job, conversation id, error; no text),
keeps running, and the job runs once the fault is gone, exactly once. Rows
saved before and during the fault are all still there afterwards.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import handoff
from bot.config import get_settings
from bot.db import Base, get_sessionmaker, make_engine
from bot.handoff.models import HandoffRequest
from bot.summaries.models import Summary
from bot.worker.jobs import HANDOFF_TIMEOUT
from bot.worker.runner import Worker
from tests.unit.test_worker_claims import RecordingRasa

SECRET_TEXT = "Minun henkilötunnukseni on 131052-308T"


def _until(check: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def _seed(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        handoff.enqueue(session, "conv-fault", "Espoo", "fi")
        session.add(
            Summary(conversation_id="conv-fault", language="fi", city="Espoo", data={"x": SECRET_TEXT})
        )
        session.commit()


def _rows(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as session:
        return (
            session.scalar(select(func.count()).select_from(Summary)) or 0,
            session.scalar(select(func.count()).select_from(HandoffRequest)) or 0,
        )


@pytest.fixture()
def running_worker() -> Iterator[Callable[[sessionmaker[Session]], tuple[Worker, threading.Thread]]]:
    started: list[tuple[Worker, threading.Thread]] = []

    def start(sessions: sessionmaker[Session]) -> tuple[Worker, threading.Thread]:
        worker = Worker(sessions, jobs=[HANDOFF_TIMEOUT], worker_id="w-test", tick_s=0.2)
        thread = threading.Thread(target=worker.run_forever, daemon=True)
        thread.start()
        started.append((worker, thread))
        return worker, thread

    yield start
    for worker, thread in started:
        worker.stop.set()
        thread.join(30)


def _failure_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.worker" and r.levelno >= logging.WARNING]


def test_sqlite_locked_longer_than_busy_timeout(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    running_worker: Callable[[sessionmaker[Session]], tuple[Worker, threading.Thread]],
) -> None:
    fake = RecordingRasa()
    fake.install(monkeypatch)
    sessions = get_sessionmaker(database_url)
    _seed(sessions)
    before = _rows(sessions)
    caplog.set_level(logging.INFO, logger="bot.worker")
    lock = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    lock.execute(
        "INSERT INTO summaries (conversation_id, language, city, data, created_at) "
        "VALUES ('saved-during-lock', 'en', 'Espoo', '{}', CURRENT_TIMESTAMP)"
    )
    monkeypatch.setenv("HANDOFF_TIMEOUT_SECONDS", "0")
    worker, thread = running_worker(sessions)
    assert _until(lambda: any("database is locked" in line for line in _failure_lines(caplog)), 20)
    time.sleep(6)  # past another busy timeout: still locked, still running
    assert thread.is_alive() and fake.calls == []
    lock.execute("COMMIT")
    lock.close()
    assert _until(lambda: fake.timeouts("conv-fault") == 1, 40)
    time.sleep(1)  # more ticks: nothing is sent twice
    assert fake.timeouts("conv-fault") == 1 and thread.is_alive()
    assert _rows(sessions) == (before[0] + 1, before[1])
    lines = _failure_lines(caplog)
    assert lines and all("\n" not in line and SECRET_TEXT not in line for line in lines)


def test_rasa_unreachable_is_retried_with_back_off_and_delivered_once(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    running_worker: Callable[[sessionmaker[Session]], tuple[Worker, threading.Thread]],
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("RASA_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("RASA_TOKEN", "secret-token-value")
    get_settings.cache_clear()
    monkeypatch.setenv("HANDOFF_TIMEOUT_SECONDS", "0")
    sessions = get_sessionmaker(database_url)
    _seed(sessions)
    caplog.set_level(logging.INFO, logger="bot.worker")
    _worker, thread = running_worker(sessions)
    assert _until(lambda: len(_failure_lines(caplog)) >= 2, 30)
    lines = _failure_lines(caplog)
    assert "job handoff_timeout" in lines[0] and "conversation=conv-fault" in lines[0]
    assert "Rasa is not reachable" in lines[0] and "retry in 2 s" in lines[0] and "retry in 4 s" in lines[1]
    assert all("secret-token-value" not in line for line in lines)
    fake = RecordingRasa()
    fake.install(monkeypatch)  # Rasa is back
    assert _until(lambda: fake.timeouts("conv-fault") == 1, 30)
    time.sleep(1)
    assert fake.timeouts("conv-fault") == 1 and thread.is_alive()
    get_settings.cache_clear()


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not found and not shutil.which("pg_ctl"):
        pytest.fail("PostgreSQL is not installed (scripts/postgres.sh installs it)")
    return found[-1].parent if found else Path(str(shutil.which("pg_ctl"))).parent


class PrivateCluster:
    """A PostgreSQL cluster of this test alone (so stopping it disturbs no other test)."""

    def __init__(self) -> None:
        self.bin = _pg_bin()
        self.base = Path(tempfile.mkdtemp(prefix="digipoint-pg-", dir="/tmp"))
        self.data = self.base / "data"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "digipoint", "--auth=trust", "-E", "UTF8")
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://digipoint@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "log"), "-w", "-o", options, "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.base, ignore_errors=True)


def test_postgresql_stopped_and_started_again(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    running_worker: Callable[[sessionmaker[Session]], tuple[Worker, threading.Thread]],
) -> None:
    import bot.models  # noqa: F401  (every table)

    cluster = PrivateCluster()
    try:
        engine = make_engine(cluster.url)
        Base.metadata.create_all(engine)
        engine.dispose()
        fake = RecordingRasa()
        fake.install(monkeypatch)
        sessions = get_sessionmaker(cluster.url)
        _seed(sessions)
        before = _rows(sessions)
        caplog.set_level(logging.INFO, logger="bot.worker")
        cluster.stop()
        monkeypatch.setenv("HANDOFF_TIMEOUT_SECONDS", "0")
        _worker, thread = running_worker(sessions)
        assert _until(lambda: len(_failure_lines(caplog)) >= 2, 30)
        assert thread.is_alive() and fake.calls == []
        cluster.start()
        assert _until(lambda: fake.timeouts("conv-fault") == 1, 60)
        time.sleep(1)
        assert fake.timeouts("conv-fault") == 1 and thread.is_alive()
        assert _rows(sessions) == before
        lines = _failure_lines(caplog)
        assert any("OperationalError" in line for line in lines)
        assert all(SECRET_TEXT not in line for line in lines)
        get_sessionmaker(cluster.url).kw["bind"].dispose()
    finally:
        get_sessionmaker.cache_clear()
        cluster.remove()
