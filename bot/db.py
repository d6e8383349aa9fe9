"""Database access: declarative base, engine and session factory.

No connection is opened at import time. ``get_sessionmaker()`` builds one
engine per database URL on first use. Tables are created and changed by
Alembic migrations (``alembic/``); ``create_all`` is used only by tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from bot.config import get_settings


class Base(DeclarativeBase):
    """Declarative base of every DigiPoint table."""


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine for ``url``; SQLite gets foreign keys switched on.

    ``pool_pre_ping`` makes a restarted database server cost one retry of the
    connection instead of an error for the person chatting.
    """
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


@lru_cache(maxsize=4)
def get_sessionmaker(url: str | None = None) -> sessionmaker[Session]:
    """Return a session factory for ``url`` (default: settings.database_url)."""
    return sessionmaker(make_engine(url or get_settings().database_url), expire_on_commit=False)


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
