"""Start the real DigiPoint stack on spare ports with fresh database files.

Shared by the live tests (tests/live_stack.py) and the benchmark. Runs
``scripts/prepare_db.sh`` (migrations + sample catalogue) on a new SQLite
file, then ``scripts/run_stack.sh`` in its own process group, waits until
the action server, web app and Rasa server (with its model) answer, and
stops them all on exit.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "digipoint.tar.gz"


@dataclass(frozen=True)
class LiveStack:
    """Where the running servers are and which files they use."""

    web_url: str
    rasa_url: str
    action_url: str
    rasa_token: str
    database_url: str
    tracker_db_url: str
    log_dir: Path
    pid: int


class StackError(RuntimeError):
    """The stack did not start; the message carries the end of its logs."""


def _logs(log_dir: Path) -> str:
    parts = (f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(log_dir.glob("*")))
    return "\n".join(parts)


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout_s: float, log_dir: Path) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StackError(f"the stack stopped while starting:\n{_logs(log_dir)}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise StackError(f"{url} did not answer within {timeout_s:.0f} s\n{_logs(log_dir)}")


@contextmanager
def running_stack(
    work: Path, port_offset: int = 10000, token: str = "live-test-token"  # noqa: S107  (throwaway stack)
) -> Iterator[LiveStack]:
    """Run the stack with its files under ``work``; ports are the defaults + ``port_offset``.

    Raises:
        StackError: the model is missing or a server did not come up.
    """
    if not MODEL.exists():
        raise StackError("models/digipoint.tar.gz is missing: run `make train` (make test does)")
    ports = {"RASA_PORT": 5005, "ACTION_PORT": 5055, "WEB_PORT": 8080}
    ports = {name: port + port_offset for name, port in ports.items()}
    for name, port in ports.items():
        # A server already on the port would answer the health checks in place
        # of ours, and the tests would talk to the wrong stack.
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise StackError(f"port {port} ({name}) is in use: is another DigiPoint stack running?")
    database_url = f"sqlite:///{work / 'digipoint.db'}"
    tracker_db_url = f"sqlite:///{work / 'rasa_tracker.db'}"
    log_dir = work / "logs"
    env = {k: v for k, v in os.environ.items() if k not in ("ACTION_ENDPOINT_URL", "ALLOWED_ORIGINS")}
    env.update({k: str(v) for k, v in ports.items()})
    env.update(
        DATABASE_URL=database_url,
        TRACKER_DB_URL=tracker_db_url,
        RASA_TOKEN=token,
        RASA_URL=f"http://localhost:{ports['RASA_PORT']}",
        ACTION_SERVER_URL=f"http://localhost:{ports['ACTION_PORT']}",
        LOG_DIR=str(log_dir),
        PYTHONPATH=str(ROOT),
    )
    subprocess.run([str(ROOT / "scripts" / "prepare_db.sh")], env=env, check=True, cwd=ROOT)
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "run_stack.sh")], env=env, cwd=ROOT, start_new_session=True
    )
    stack = LiveStack(
        web_url=f"http://localhost:{ports['WEB_PORT']}",
        rasa_url=f"http://localhost:{ports['RASA_PORT']}",
        action_url=f"http://localhost:{ports['ACTION_PORT']}",
        rasa_token=token,
        database_url=database_url,
        tracker_db_url=tracker_db_url,
        log_dir=log_dir,
        pid=process.pid,
    )
    try:
        _wait_until_up(f"{stack.action_url}/health", process, 120, log_dir)
        _wait_until_up(f"{stack.web_url}/healthz", process, 120, log_dir)
        _wait_until_up(f"{stack.rasa_url}/status?token={token}", process, 300, log_dir)
        yield stack
    finally:
        try:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
