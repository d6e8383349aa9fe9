"""rasa_addons/tracker_engine.py: pool sizes as configured, SQLite in WAL mode."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from rasa_addons import tracker_engine


def test_pool_sizes_apply_to_every_postgresql_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SQL_POOL_SIZE", "3")
    monkeypatch.setenv("SQL_MAX_OVERFLOW", "4")
    for driver in ("postgresql", "postgresql+psycopg2"):
        engine = tracker_engine.create(sa.engine.make_url(f"{driver}://u:p@127.0.0.1:1/rasa"))
        assert (engine.pool.size(), engine.pool._max_overflow) == (3, 4)  # no connection is opened
    monkeypatch.delenv("SQL_POOL_SIZE")
    monkeypatch.delenv("SQL_MAX_OVERFLOW")
    engine = tracker_engine.create(sa.engine.make_url("postgresql+psycopg2://u:p@127.0.0.1:1/rasa"))
    assert engine.pool.size() == tracker_engine.DEFAULT_PG_POOL_SIZE


def test_sqlite_file_is_pooled_and_in_wal_mode(tmp_path: Path) -> None:
    engine = tracker_engine.create(sa.engine.make_url(f"sqlite:///{tmp_path / 'tracker.db'}"))
    with engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    assert isinstance(engine.pool, sa.pool.QueuePool)
