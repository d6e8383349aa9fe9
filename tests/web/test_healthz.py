"""The web app's /healthz checks its database (run_stack.sh and nginx wait on it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot import db
from bot.config import get_settings
from bot.web.app import create_app


@pytest.fixture()
def fresh_settings() -> None:
    """Settings and engines read DATABASE_URL anew for this test."""
    get_settings.cache_clear()
    db.get_sessionmaker.cache_clear()
    yield
    get_settings.cache_clear()
    db.get_sessionmaker.cache_clear()


def test_healthz_is_ok_when_the_database_answers(database_url: str, fresh_settings: None) -> None:
    """A reachable SQLite database: 200 ok."""
    response = TestClient(create_app()).get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_is_503_when_the_database_is_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_settings: None, caplog: pytest.LogCaptureFixture
) -> None:
    """A database file in a folder that does not exist cannot be opened: 503 with a short reason."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing' / 'digipoint.db'}")
    response = TestClient(create_app()).get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "reason": "database unavailable"}
    assert [r.message for r in caplog.records if r.levelname == "ERROR"] == [
        "healthz: database unavailable (OperationalError)"
    ]
