"""Test runs do not share PostgreSQL: scripts/postgres.sh with POSTGRES_DIR.

Two clusters started through the script in two run directories get two
ports and two data directories, serve at the same time, and ``stop`` /
``destroy`` end exactly their own server (checked with ``pgrep -af``, as an
operator would). A cluster started with POSTGRES_OWNER_PID goes when its
owner process dies, however it dies. And this session's
``postgres_server_url`` is a cluster of this run, not the shared
var/postgres one bench uses.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "postgres.sh"


def postgres_sh(command: str, cluster: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``scripts/postgres.sh <command>`` on the cluster in ``cluster``."""
    full_env = {k: v for k, v in os.environ.items() if k != "POSTGRES_OWNER_PID"}
    full_env.update(POSTGRES_DIR=str(cluster), **env)
    return subprocess.run(
        [str(SCRIPT), command], capture_output=True, text=True, timeout=300, check=False, env=full_env
    )


def start(cluster: Path, **env: str) -> str:
    """Start the cluster in ``cluster``; its URL."""
    done = postgres_sh("start", cluster, **env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def server_processes(cluster: Path) -> list[str]:
    """``pgrep -af`` lines of PostgreSQL servers whose data directory is in ``cluster``."""
    done = subprocess.run(["pgrep", "-af", f"postgres -D {cluster}/"], capture_output=True, text=True)
    return [line for line in done.stdout.splitlines() if "pgrep" not in line]


def data_directory(url: str) -> str:
    """The server's own ``SHOW data_directory``."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SHOW data_directory")).scalar_one())
    finally:
        engine.dispose()


@pytest.fixture()
def run_dirs() -> Iterator[Path]:
    """A directory for two runs' clusters under var/test-runs; destroyed afterwards."""
    base = ROOT / "var" / "test-runs" / f"isolation-{uuid.uuid4().hex[:8]}"
    yield base
    for cluster in (base / "a", base / "b", base / "owned"):
        postgres_sh("destroy", cluster)
    shutil.rmtree(base, ignore_errors=True)


def test_two_runs_get_their_own_cluster_port_and_directory_and_stop_cleanly(run_dirs: Path) -> None:
    url_a, url_b = start(run_dirs / "a"), start(run_dirs / "b")
    port_a, port_b = (Path(run_dirs / name / "port").read_text().strip() for name in ("a", "b"))
    assert port_a != port_b
    assert f":{port_a}/" in url_a and f":{port_b}/" in url_b
    assert data_directory(url_a) == str(run_dirs / "a" / "data")
    assert data_directory(url_b) == str(run_dirs / "b" / "data")
    assert len(server_processes(run_dirs / "a")) == 1 and len(server_processes(run_dirs / "b")) == 1
    # Starting again reuses the running cluster of that directory (same URL).
    assert start(run_dirs / "a") == url_a

    done = postgres_sh("stop", run_dirs / "a")
    assert done.returncode == 0, done.stderr
    assert server_processes(run_dirs / "a") == []
    assert postgres_sh("url", run_dirs / "a").returncode == 1
    assert data_directory(url_b) == str(run_dirs / "b" / "data")  # the other run keeps its server

    done = postgres_sh("destroy", run_dirs / "b")
    assert done.returncode == 0, done.stderr
    assert server_processes(run_dirs / "b") == []
    assert not (run_dirs / "b").exists()


def test_cluster_goes_when_its_owner_process_is_killed(run_dirs: Path) -> None:
    owner = subprocess.Popen(["sleep", "300"])
    try:
        start(run_dirs / "owned", POSTGRES_OWNER_PID=str(owner.pid))
        assert len(server_processes(run_dirs / "owned")) == 1
    finally:
        owner.send_signal(signal.SIGKILL)
        owner.wait()
    deadline = time.monotonic() + 30
    owned = run_dirs / "owned"
    while (server_processes(owned) or owned.exists()) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert server_processes(run_dirs / "owned") == []
    assert not (run_dirs / "owned").exists()


def test_destroy_refuses_the_shared_default_cluster() -> None:
    env = {k: v for k, v in os.environ.items() if k != "POSTGRES_DIR"}
    done = subprocess.run([str(SCRIPT), "destroy"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 2
    assert "destroy needs POSTGRES_DIR" in done.stderr


def test_this_session_uses_a_cluster_of_its_own_run(postgres_server_url: str) -> None:
    directory = Path(data_directory(postgres_server_url))
    assert directory != ROOT / "var" / "postgres" / "data"
    shared = os.environ.get("DIGIPOINT_TEST_POSTGRES_DIR")
    expected = Path(shared) if shared else ROOT / "var" / "test-runs" / f"pytest-{os.getpid()}" / "postgres"
    assert directory == expected.resolve() / "data"
