"""Database access: declarative base, engine and session factory.

No connection is opened at import time. ``get_sessionmaker()`` builds one
engine per database URL on first use. Tables are created and changed by
Alembic migrations (``alembic/``); ``create_all`` is used only by tests.

Sessions from :func:`get_sessionmaker` / :func:`session_scope` (the action
server, the web app, the worker) wait at most ``db_statement_timeout_seconds``
(setting ``DB_STATEMENT_TIMEOUT_SECONDS``, default 5) for a lock or a
statement, so a held lock fails one request instead of hanging it: SQLite's
busy timeout, and PostgreSQL's ``statement_timeout`` and ``lock_timeout`` (and
``connect_timeout``). Engines from :func:`make_engine` without a timeout (the
importers, migrations) have no statement limit.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from bot.config import get_settings


class Base(DeclarativeBase):
    """Declarative base of every DigiPoint table."""


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """Foreign keys on; WAL journal and NORMAL sync, so the action server, web app
    and worker read while one of them writes (https://sqlite.org/wal.html)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


DEFAULT_STATEMENT_TIMEOUT_SECONDS = 5.0
SQLITE_DEFAULT_BUSY_SECONDS = 5.0  # Python's sqlite3 default, kept for engines without a limit


def statement_timeout_seconds() -> float:
    """The settings' ``db_statement_timeout_seconds`` (default 5; 0 or less means no limit)."""
    value = getattr(get_settings(), "db_statement_timeout_seconds", None)
    return DEFAULT_STATEMENT_TIMEOUT_SECONDS if value is None else float(value)


def timeout_connect_args(url: str, timeout_seconds: float | None) -> dict[str, Any]:
    """DBAPI ``connect()`` arguments that bound how long one statement may wait or run.

    Args:
        url: SQLAlchemy URL; SQLite and PostgreSQL get limits, other databases none.
        timeout_seconds: the limit in seconds; None or <= 0: no statement or
            lock limit (SQLite still waits at most 5 s for a lock, as sqlite3 does).

    Returns:
        SQLite: ``{"timeout": s}`` (busy timeout: how long to wait for a lock).
        PostgreSQL: ``{"options": "-c statement_timeout=<ms> -c lock_timeout=<ms>",
        "connect_timeout": <s>}`` (a statement over the limit fails with
        QueryCanceled, a lock wait with LockNotAvailable).
    """
    backend = make_url(url).get_backend_name()
    limited = timeout_seconds is not None and timeout_seconds > 0
    if backend == "sqlite":
        return {"timeout": timeout_seconds if limited else SQLITE_DEFAULT_BUSY_SECONDS}
    if backend == "postgresql" and limited:
        assert timeout_seconds is not None
        ms = max(1, round(timeout_seconds * 1000))
        return {
            "options": f"-c statement_timeout={ms} -c lock_timeout={ms}",
            "connect_timeout": max(1, math.ceil(timeout_seconds)),
        }
    return {}


def make_engine(url: str, *, timeout_seconds: float | None = None) -> Engine:
    """Create an engine for ``url``; SQLite gets foreign keys switched on.

    ``pool_pre_ping`` makes a restarted database server cost one retry of the
    connection instead of an error for the person chatting. With
    ``timeout_seconds``, every statement waits and runs at most that long
    (:func:`timeout_connect_args`); without, there is no statement limit.
    """
    engine = create_engine(
        url, pool_pre_ping=True, connect_args=timeout_connect_args(url, timeout_seconds)
    )
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


@lru_cache(maxsize=4)
def get_sessionmaker(url: str | None = None) -> sessionmaker[Session]:
    """Return a session factory for ``url`` (default: settings.database_url).

    Its engine has the settings' statement timeout (:func:`statement_timeout_seconds`).
    """
    engine = make_engine(url or get_settings().database_url, timeout_seconds=statement_timeout_seconds())
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """Yield a session that commits on success and rolls back on error."""
    session = get_sessionmaker(url)()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
