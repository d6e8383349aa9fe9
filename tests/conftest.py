"""Shared pytest fixtures: a real SQLite database file, the same on SQLite and
PostgreSQL (``any_database_url``, ``any_session``), trackers, dispatcher.

Fixtures follow rasa-sdk's own tests: each action test builds a tracker and
domain and asserts the exact events and messages an action returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot import db
from tests.live_stack import live_stack

# One session-wide stack for tests/live and tests/browser alike: defined here
# once, so pytest never starts a second stack on the same ports.
__all__ = ["live_stack"]


@pytest.fixture()
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh SQLite database file with every table; DATABASE_URL points at it."""
    url = f"sqlite:///{tmp_path / 'digipoint-test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    from bot.config import get_settings

    get_settings.cache_clear()
    db.get_sessionmaker.cache_clear()
    import bot.models  # noqa: F401  (registers every table on db.Base)

    engine = db.make_engine(url)
    db.Base.metadata.create_all(engine)
    engine.dispose()
    yield url
    get_settings.cache_clear()
    db.get_sessionmaker.cache_clear()


@pytest.fixture()
def session(database_url: str) -> Iterator[Session]:
    """A session on the test database file; closed after the test."""
    factory: sessionmaker[Session] = db.get_sessionmaker(database_url)
    with factory() as s:
        yield s


@pytest.fixture()
def dispatcher() -> CollectingDispatcher:
    """Collects the messages an action sends."""
    return CollectingDispatcher()


@pytest.fixture()
def domain() -> dict[str, Any]:
    """The parsed domain.yml (actions read responses and slots from it)."""
    import yaml

    return yaml.safe_load((Path(__file__).parents[1] / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture()
def make_tracker() -> Callable[..., Tracker]:
    """Build a Tracker: ``make_tracker(slots={...}, text="hi", intent="greet", entities=[...])``."""

    def _make(
        slots: dict[str, Any] | None = None,
        text: str = "",
        intent: str = "inform",
        entities: list[dict[str, Any]] | None = None,
        sender_id: str = "test-user",
        active_loop: str | None = None,
        metadata: dict[str, Any] | None = None,
        events: list[dict[str, Any]] | None = None,
    ) -> Tracker:
        latest_message = {
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities or [],
            "metadata": metadata or {},
        }
        return Tracker(
            sender_id=sender_id,
            slots=dict(slots or {}),
            latest_message=latest_message,
            events=events or [],
            paused=False,
            followup_action=None,
            active_loop={"name": active_loop} if active_loop else {},
            latest_action_name="action_listen",
        )

    return _make


ROOT = Path(__file__).parents[1]


def _postgres_sh(command: str, cluster_dir: Path, owner_pid: int | None = None) -> str:
    """Run ``scripts/postgres.sh <command>`` on the cluster in ``cluster_dir``; its stdout.

    Fails the test, with the script's own message, when the script fails:
    nothing is skipped silently.
    """
    import os
    import subprocess

    env = {**os.environ, "POSTGRES_DIR": str(cluster_dir)}
    if owner_pid is not None:
        env["POSTGRES_OWNER_PID"] = str(owner_pid)
    done = subprocess.run(
        [str(ROOT / "scripts" / "postgres.sh"), command],
        capture_output=True, text=True, timeout=600, check=False, env=env,
    )
    if done.returncode != 0:
        pytest.fail(f"scripts/postgres.sh {command} exit {done.returncode}: {done.stderr.strip()[-800:]}")
    return done.stdout.strip()


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """URL of this test run's own PostgreSQL cluster (scripts/postgres.sh; installed on first use).

    - Under scripts/test_all.sh (``DIGIPOINT_TEST_POSTGRES_DIR`` set): the run's
      cluster in that directory, started on first use; test_all.sh stops and
      deletes it when the run ends, however it ends.
    - pytest alone: a cluster of this session in
      ``var/test-runs/pytest-<pid>/postgres`` on a free port, stopped and
      deleted at session end (also after Ctrl-C); should pytest be killed, the
      script's owner watcher (POSTGRES_OWNER_PID) stops it within seconds.

    So two runs on one machine never share a server, a port or a data
    directory. Fails the test, never skips, when PostgreSQL cannot start.
    """
    import os
    import shutil

    shared = os.environ.get("DIGIPOINT_TEST_POSTGRES_DIR")
    if shared:
        url = _postgres_sh("start", Path(shared))
        yield url.splitlines()[-1]
        return
    cluster_dir = ROOT / "var" / "test-runs" / f"pytest-{os.getpid()}" / "postgres"
    try:
        url = _postgres_sh("start", cluster_dir, owner_pid=os.getpid())
        yield url.splitlines()[-1]
    finally:
        _postgres_sh("destroy", cluster_dir)
        shutil.rmtree(cluster_dir.parent, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database with every table, on SQLite and on PostgreSQL in turn.

    PostgreSQL gets a new database per test (``digipoint_t_<hex>``), dropped
    afterwards, so concurrent runs do not meet.
    """
    import uuid

    from sqlalchemy import create_engine, text

    import bot.models  # noqa: F401  (registers every table)
    from bot import db

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'both.db'}"
        admin = None
    else:
        server = request.getfixturevalue("postgres_server_url")
        name = f"digipoint_t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = server.rsplit("/", 1)[0] + f"/{name}"
    engine = db.make_engine(url)
    db.Base.metadata.create_all(engine)
    engine.dispose()
    yield url
    db.get_sessionmaker.cache_clear()
    if admin is not None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture()
def any_session(any_database_url: str) -> Iterator[Session]:
    """A session on :func:`any_database_url`."""
    from bot import db

    with db.get_sessionmaker(any_database_url)() as s:
        yield s


@pytest.fixture()
def use_esco() -> Iterator[Callable[[str], None]]:
    """``use_esco(url)`` makes the matcher read that database's ESCO tables (as the
    action server does at start); the shipped vocabulary alone again afterwards."""
    from bot.matching import use_esco_database

    yield lambda url: use_esco_database(url)
    use_esco_database(enabled=False)


@pytest.fixture()
def swedish_right_to_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped locale registry with Swedish turned right to left, for this test only.

    Stands in for a right-to-left language (Arabic, later) without adding one:
    the pages and the dashboard must take ``dir`` from the registry, not from
    a list of their own.
    """
    from bot.locale import registry
    from bot.locale.registry import LOCALES_PATH, Registry

    ltr = "code: sv\n    name: Svenska\n    direction: ltr"
    shipped = LOCALES_PATH.read_text(encoding="utf-8")
    assert ltr in shipped, "bot/locale/locales.yml changed: update this fixture"
    rtl = tmp_path / "locales.yml"
    rtl.write_text(shipped.replace(ltr, ltr.replace("ltr", "rtl")), encoding="utf-8")
    monkeypatch.setattr(registry, "shipped", lambda: Registry.from_file(rtl))
