"""The tracker store's SQLAlchemy engine: pool sizes, and SQLite settings for the embedded default.

PostgreSQL (production): ``SQL_POOL_SIZE`` (default 5) and ``SQL_MAX_OVERFLOW``
(default 10) connections per Rasa process, for every driver name (Rasa itself
reads them only for a plain ``postgresql`` URL and defaults to 50 + 100),
checked before use (``pool_pre_ping``: the server may have restarted), and a
5 s connect timeout.

SQLite (one machine, one file):

- ``journal_mode=WAL``: readers do not wait for the writer and a commit
  appends to the log instead of rewriting pages (https://sqlite.org/wal.html);
  the mode is kept in the database file.
- ``synchronous=NORMAL``: in WAL mode a commit no longer waits for the disk
  (fsync happens at checkpoints). A power cut may lose the last commits, never
  corrupt the file (https://sqlite.org/pragma.html#pragma_synchronous);
  production uses PostgreSQL.
- A file replaced or deleted under a pooled connection is noticed at the
  next checkout (:func:`watch_file`).
- A few pooled connections (``POOL_SIZE``) shared by the worker threads, and a
  busy timeout (``BUSY_S`` seconds) for a lock held by another process.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Optional, Text, Tuple

import sqlalchemy as sa
import sqlalchemy.exc
from rasa.core.tracker_store import create_engine_kwargs

# Python's default executor runs min(32, cores + 4) threads: one connection each.
POOL_SIZE = 8
DEFAULT_PG_POOL_SIZE = 5
DEFAULT_PG_MAX_OVERFLOW = 10
BUSY_S = 5.0


def write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    """SQLAlchemy ``connect`` listener: WAL journal and NORMAL synchronous mode."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _file_id(path: str) -> Optional[Tuple[int, ...]]:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    # ctime and size too: a new file may get the inode number of the deleted one
    # within one clock tick; the
    # main file changes otherwise only at WAL checkpoints (then one reconnect).
    return (stat.st_dev, stat.st_ino, stat.st_ctime_ns, stat.st_size)


def watch_file(engine: sa.engine.Engine, path: str) -> None:
    """Reconnect pooled connections when the database file is replaced or deleted.

    A pooled connection keeps the file it opened, so a restored backup (a new
    file at the same path) would go unseen. On each checkout the file's
    (device, inode) is compared with the one seen at connect; a different or
    missing file makes SQLAlchemy drop that connection and open a new one
    (``DisconnectionError``), as ``pool_pre_ping`` does for a server database.
    """

    @sa.event.listens_for(engine, "connect")
    def _remember(dbapi_connection: Any, record: Any) -> None:
        record.info["digipoint_file_id"] = _file_id(path)

    @sa.event.listens_for(engine, "checkout")
    def _check(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        seen = record.info.get("digipoint_file_id")
        if seen is None or _file_id(path) != seen:
            raise sa.exc.DisconnectionError(f"SQLite file {path} was replaced")


def create(url: sa.engine.URL) -> sa.engine.Engine:
    """The engine for ``url`` (PostgreSQL or SQLite) with the settings above.

    Raises:
        ValueError: ``SQL_POOL_SIZE`` or ``SQL_MAX_OVERFLOW`` is not an integer.
    """
    engine_kwargs: Dict[Text, Any] = create_engine_kwargs(url)
    backend = url.get_backend_name()
    on_disk = backend == "sqlite" and url.database not in (None, "", ":memory:")
    if backend == "postgresql":
        engine_kwargs["connect_args"] = {**engine_kwargs.get("connect_args", {}), "connect_timeout": 5}
        engine_kwargs["pool_size"] = int(os.environ.get("SQL_POOL_SIZE") or DEFAULT_PG_POOL_SIZE)
        engine_kwargs["max_overflow"] = int(os.environ.get("SQL_MAX_OVERFLOW") or DEFAULT_PG_MAX_OVERFLOW)
    if on_disk:
        # SQLAlchemy 1.4 opens a new SQLite connection per session (NullPool);
        # keep a few open instead (the worker threads share them).
        engine_kwargs["poolclass"] = sa.pool.QueuePool
        engine_kwargs["pool_size"] = POOL_SIZE
        engine_kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_S}
    engine = sa.create_engine(url, pool_pre_ping=backend != "sqlite", **engine_kwargs)
    if backend == "sqlite":
        sa.event.listen(engine, "connect", write_ahead_log)
    if on_disk:
        watch_file(engine, str(url.database))
    return engine
