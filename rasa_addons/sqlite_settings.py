"""SQLite settings for the tracker store of the embedded default (one machine, one file).

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
from typing import Any, Optional, Tuple

import sqlalchemy as sa
import sqlalchemy.exc

# Python's default executor runs min(32, cores + 4) threads: one connection each.
POOL_SIZE = 8
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
