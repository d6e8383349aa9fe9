"""bot/db.py: a held lock or a runaway statement fails after the statement timeout, never hangs.

Real databases: a SQLite file locked by another connection (BEGIN EXCLUSIVE),
and this run's PostgreSQL cluster with a table locked by another session.
"""

from __future__ import annotations

import sqlite3
import time

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from bot import db
from bot.catalogue.models import Course


def _seconds_until_error(url: str, statement: str) -> float:
    engine = db.make_engine(url, timeout_seconds=1)
    started = time.monotonic()
    try:
        with pytest.raises(OperationalError), engine.connect() as conn:
            conn.execute(text(statement))
        return time.monotonic() - started
    finally:
        engine.dispose()


def test_sqlite_lock_fails_after_the_busy_timeout(database_url: str) -> None:
    holder = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        # WAL mode: readers never wait for the writer; a second writer does.
        seconds = _seconds_until_error(database_url, "DELETE FROM courses WHERE id = -1")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert 0.8 < seconds < 3, seconds


@pytest.mark.parametrize("any_database_url", ["postgresql"], indirect=True)
def test_postgresql_lock_and_slow_statement_fail_after_the_timeout(any_database_url: str) -> None:
    holder = db.make_engine(any_database_url)
    try:
        with holder.connect() as conn:
            conn.execute(text("LOCK TABLE courses IN ACCESS EXCLUSIVE MODE"))  # held until rollback
            lock_seconds = _seconds_until_error(any_database_url, "SELECT count(*) FROM courses")
            conn.rollback()
    finally:
        holder.dispose()
    assert 0.8 < lock_seconds < 3, lock_seconds
    assert 0.8 < _seconds_until_error(any_database_url, "SELECT pg_sleep(10)") < 3


def test_sessions_get_the_default_limit(any_database_url: str) -> None:
    db.get_sessionmaker.cache_clear()
    with db.session_scope(any_database_url) as session:
        session.execute(select(Course.id).limit(1)).all()
        if any_database_url.startswith("postgresql"):
            assert session.scalar(text("SHOW statement_timeout")) == "5s"
            assert session.scalar(text("SHOW lock_timeout")) == "5s"
    assert db.timeout_connect_args(any_database_url, None) == (
        {"timeout": 5.0} if any_database_url.startswith("sqlite") else {}
    )
    db.get_sessionmaker.cache_clear()


def test_sqlite_readers_do_not_wait_for_a_writer(database_url: str) -> None:
    """WAL journal (bot/db.py): the dashboard reads while the action server writes."""
    db.get_sessionmaker.cache_clear()
    with db.session_scope(database_url) as session:
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"
    holder = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("DELETE FROM courses WHERE id = -1")
    try:
        started = time.monotonic()
        with db.session_scope(database_url) as session:
            session.execute(select(Course.id).limit(1)).all()
        assert time.monotonic() - started < 2  # a blocked reader would wait the 5 s busy timeout
    finally:
        holder.execute("ROLLBACK")
        holder.close()
