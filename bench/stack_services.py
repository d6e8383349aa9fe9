"""PostgreSQL and Redis for a production-profile test stack (bench/stack.py).

Each stack gets fresh PostgreSQL databases (product and tracker) and a Redis
server, so two stacks never share conversations or locks:

- PostgreSQL: the test run's cluster when ``DIGIPOINT_TEST_POSTGRES_DIR`` is set
  (scripts/test_all.sh; the run destroys it), else a private cluster of
  scripts/postgres.sh under ``var/test-runs/`` (owner watcher: this process),
  destroyed afterwards. The two databases are dropped afterwards either way.
- Redis: the test run's server when ``DIGIPOINT_TEST_REDIS_DIR`` is set, else a
  private scripts/redis.sh server under ``var/test-runs/``, destroyed afterwards.

The directories are under the repository, not the pytest temporary folder:
when run as root, PostgreSQL runs as the ``postgres`` user, which cannot enter
root's private temporary folders.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]


class ServiceError(RuntimeError):
    """PostgreSQL or Redis did not start; the message carries the script's own words."""


@dataclass(frozen=True)
class Services:
    """Where a production-profile stack keeps its data."""

    database_url: str
    tracker_db_url: str
    redis_url: str


def _script(name: str, command: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(ROOT / "scripts" / name), command],
        capture_output=True, text=True, timeout=600, check=False, env={**os.environ, **env},
    )
    if done.returncode != 0:
        raise ServiceError(f"scripts/{name} {command} exit {done.returncode}: {done.stderr.strip()[-800:]}")
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""


@contextmanager
def _server(name: str, dir_var: str, owner_var: str, shared_var: str, private: Path) -> Iterator[str]:
    """URL of the run's shared server (``shared_var``), else of a private one destroyed at the end."""
    shared = os.environ.get(shared_var)
    if shared:
        yield _script(name, "start", {dir_var: shared})
        return
    env = {dir_var: str(private), owner_var: str(os.getpid())}
    try:
        yield _script(name, "start", env)
    finally:
        _script(name, "destroy", {dir_var: str(private)})


@contextmanager
def _databases(server_url: str, names: list[str]) -> Iterator[list[str]]:
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with admin.connect() as connection:
            for name in names:
                connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield [server_url.rsplit("/", 1)[0] + f"/{name}" for name in names]
    finally:
        try:
            with admin.connect() as connection:
                for name in names:
                    connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except sa.exc.SQLAlchemyError:
            pass  # the cluster went first (a private one is destroyed anyway)
        admin.dispose()


@contextmanager
def production_services(
    database_url: str | None = None, tracker_db_url: str | None = None
) -> Iterator[Services]:
    """Start (or reuse) PostgreSQL and Redis; yield fresh URLs; clean up afterwards.

    ``database_url`` / ``tracker_db_url``: use these instead of fresh databases.

    Raises:
        ServiceError: a server did not start.
    """
    private = ROOT / "var" / "test-runs" / f"stack-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    try:
        with ExitStack() as stack:
            if not (database_url and tracker_db_url):
                server = stack.enter_context(_server(
                    "postgres.sh", "POSTGRES_DIR", "POSTGRES_OWNER_PID", "DIGIPOINT_TEST_POSTGRES_DIR",
                    private / "postgres",
                ))
                tag = uuid.uuid4().hex[:10]
                product, tracker = stack.enter_context(_databases(server, [f"dp_{tag}", f"tracker_{tag}"]))
                database_url = database_url or product
                tracker_db_url = tracker_db_url or tracker
            redis_url = stack.enter_context(_server(
                "redis.sh", "REDIS_DIR", "REDIS_OWNER_PID", "DIGIPOINT_TEST_REDIS_DIR", private / "redis"
            ))
            assert database_url and tracker_db_url
            yield Services(database_url, tracker_db_url, redis_url)
    finally:
        shutil.rmtree(private, ignore_errors=True)
