"""Fixtures of the importer tests: fixture directory, a fast-retry HTTP session.

The database comes from the shared ``session`` fixture (tests/conftest.py,
a real SQLite file with every table).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy.orm import Session

from bot.catalogue.importers.http import make_session

FIXTURES = Path(__file__).parents[1] / "fixtures" / "importers"


def load_json(relative: str) -> Any:
    """Parsed JSON of a file under tests/fixtures/importers/."""
    return json.loads((FIXTURES / relative).read_text(encoding="utf-8"))


@pytest.fixture()
def http() -> requests.Session:
    """An importer session whose retries back off by 0 s (tests stay fast)."""
    return make_session("test", retries=3, backoff_factor=0.0, timeout=(0.5, 0.5))


ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """URL of the throwaway cluster of scripts/postgres.sh (started, or installed, on first use).

    Fails the test, with the script's own message, when PostgreSQL cannot
    start: nothing is skipped silently.
    """
    import subprocess

    done = subprocess.run([str(ROOT / "scripts" / "postgres.sh")], capture_output=True, text=True,
                          timeout=600, check=False)
    if done.returncode != 0 or not done.stdout.strip().startswith("postgresql"):
        pytest.fail(f"PostgreSQL did not start (scripts/postgres.sh exit {done.returncode}): "
                    f"{done.stderr.strip()[-800:]}")
    return done.stdout.strip().splitlines()[-1]


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
