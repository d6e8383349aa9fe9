"""Start the real DigiPoint stack on spare ports with fresh database files.

Shared by the live tests (tests/live_stack.py) and the benchmark. Runs
``scripts/prepare_db.sh`` (migrations + sample catalogue) on a new SQLite
file (or the given database), then ``scripts/run_stack.sh`` in its own
process group: supervisord with Rasa, the action server, the web app, the
worker and nginx. Waits until every health endpoint answers, and stops them
all on exit.

Ports are the defaults (public 5005 / 8080 through nginx; internal 5006,
5055, 8081) plus an offset; :func:`free_port_offset` picks one whose ports
are all free, so two test runs on one machine do not collide.
"""

from __future__ import annotations

import os
import random
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "digipoint.tar.gz"
SUPERVISORCTL = ROOT / ".venv" / "bin" / "supervisorctl"
BASE_PORTS = {
    "RASA_PORT": 5005,
    "RASA_INTERNAL_PORT": 5006,
    "ACTION_PORT": 5055,
    "WEB_PORT": 8080,
    "WEB_INTERNAL_PORT": 8081,
}

# Settings of the developer's own stack that a test stack must not take over.
NOT_INHERITED = frozenset(
    {"ACTION_ENDPOINT_URL", "ALLOWED_ORIGINS", "RASA_PUBLIC_URL", "DIGIPOINT_ENV", "PUBLIC_HOST",
     "RASA_MODEL", "RUN_DIR", "LOG_DIR"}
)


@dataclass(frozen=True)
class LiveStack:
    """Where the running servers are and which files they use.

    ``rasa_url`` is the public chat entry (nginx: /webhooks/, /socket.io only);
    ``rasa_api_url`` is Rasa itself on 127.0.0.1 for the HTTP API (with
    ``rasa_token``); ``action_url`` is the internal action server (requests need
    ``Authorization: Bearer <action_server_token>``). ``pid`` is supervisord's.
    """

    web_url: str
    rasa_url: str
    action_url: str
    rasa_token: str
    database_url: str
    tracker_db_url: str
    log_dir: Path
    pid: int
    rasa_api_url: str = ""
    web_internal_url: str = ""
    action_server_token: str = ""
    supervisor_conf: Path = Path()
    ports: Mapping[str, int] | None = None

    def supervisorctl(self, *args: str, timeout_s: float = 60) -> subprocess.CompletedProcess[str]:
        """Run ``supervisorctl <args>`` against this stack (e.g. ``"stop", "actions"``).

        Returns the finished process (stdout, stderr, returncode); never raises
        on a non-zero status (supervisorctl uses them for stopped programs).
        """
        return subprocess.run(
            [str(SUPERVISORCTL), "-c", str(self.supervisor_conf), *args],
            capture_output=True, text=True, timeout=timeout_s, check=False,
        )

    def tracker(self, sender: str, include_events: str = "ALL") -> dict[str, Any]:
        """The conversation's tracker from Rasa's internal HTTP API (with the token).

        ``include_events``: Rasa's ``ALL``, ``AFTER_RESTART``, ``APPLIED`` or
        ``NONE``. Returns the tracker as JSON (``events``, ``slots``, ...).

        Raises:
            httpx.HTTPStatusError: Rasa answered with an error status.
        """
        response = httpx.get(
            f"{self.rasa_api_url}/conversations/{sender}/tracker",
            params={"token": self.rasa_token, "include_events": include_events},
            timeout=30,
        )
        response.raise_for_status()
        return dict(response.json())

    def program_pid(self, program: str) -> int:
        """The pid of supervisord's ``program`` (rasa, actions, web, worker, nginx); 0 if not running."""
        out = self.supervisorctl("pid", program).stdout.strip()
        return int(out) if out.isdigit() else 0


class StackError(RuntimeError):
    """The stack did not start; the message carries the end of its logs."""


def _logs(log_dir: Path) -> str:
    parts = (f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(log_dir.glob("*.*")))
    return "\n".join(parts)


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def free_port_offset(attempts: int = 50) -> int:
    """An offset (a multiple of 100 in 10000..24000) at which every stack port is free.

    Random, so two runs starting together rarely try the same one first.

    Raises:
        StackError: no such offset found in ``attempts`` tries.
    """
    candidates = random.sample(range(10000, 24001, 100), k=min(attempts, 141))
    for offset in candidates:
        if all(_port_free(port + offset) for port in BASE_PORTS.values()):
            return offset
    raise StackError("no free set of ports found for a test stack")


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], timeout_s: float, log_dir: Path) -> None:
    """Poll ``url`` until it answers 200.

    Raises:
        StackError: the stack's process ended, or ``timeout_s`` passed.
    """
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


def _rasa_health_path() -> str:
    return "/webhooks/health/" if (ROOT / "rasa_addons" / "health.py").exists() else "/"


@contextmanager
def running_stack(
    work: Path,
    port_offset: int | None = None,
    token: str = "live-test-token",  # noqa: S107  (throwaway stack)
    database_url: str | None = None,
    tracker_db_url: str | None = None,
    extra_env: Mapping[str, str] | None = None,
) -> Iterator[LiveStack]:
    """Run the stack with its files under ``work``; ports are the defaults + ``port_offset``.

    Args:
        work: folder for the SQLite files, logs (``work/logs``) and the
            generated configuration (``work/run``).
        port_offset: added to every port; ``None`` picks a free one.
        token: Rasa's HTTP API token.
        database_url / tracker_db_url: e.g. PostgreSQL URLs; default fresh
            SQLite files in ``work``. The product database is migrated.
        extra_env: more settings for every program (e.g. ``DIGIPOINT_ENV``).

    Raises:
        StackError: the model is missing, a port is taken or a server did not come up.
    """
    if not MODEL.exists():
        raise StackError("models/digipoint.tar.gz is missing: run `make train` (make test does)")
    offset = free_port_offset() if port_offset is None else port_offset
    ports = {name: port + offset for name, port in BASE_PORTS.items()}
    for name, port in ports.items():
        # A server already on the port would answer the health checks in place
        # of ours, and the tests would talk to the wrong stack.
        if not _port_free(port):
            raise StackError(f"port {port} ({name}) is in use: is another DigiPoint stack running?")
    database_url = database_url or f"sqlite:///{work / 'digipoint.db'}"
    tracker_db_url = tracker_db_url or f"sqlite:///{work / 'rasa_tracker.db'}"
    log_dir = work / "logs"
    run_dir = work / "run"
    action_token = secrets.token_urlsafe(24)
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update({k: str(v) for k, v in ports.items()})
    env.update(
        DATABASE_URL=database_url,
        TRACKER_DB_URL=tracker_db_url,
        RASA_TOKEN=token,
        ACTION_SERVER_TOKEN=action_token,
        RASA_URL=f"http://127.0.0.1:{ports['RASA_INTERNAL_PORT']}",
        ACTION_SERVER_URL=f"http://127.0.0.1:{ports['ACTION_PORT']}",
        LOG_DIR=str(log_dir),
        RUN_DIR=str(run_dir),
        PYTHONPATH=str(ROOT),
        RASA_TELEMETRY_ENABLED="false",
    )
    env.update(extra_env or {})
    subprocess.run([str(ROOT / "scripts" / "prepare_db.sh")], env=env, check=True, cwd=ROOT)
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "run_stack.sh")], env=env, cwd=ROOT, start_new_session=True
    )
    stack = LiveStack(
        web_url=f"http://localhost:{ports['WEB_PORT']}",
        rasa_url=f"http://localhost:{ports['RASA_PORT']}",
        action_url=f"http://127.0.0.1:{ports['ACTION_PORT']}",
        rasa_token=token,
        database_url=database_url,
        tracker_db_url=tracker_db_url,
        log_dir=log_dir,
        pid=process.pid,
        rasa_api_url=f"http://127.0.0.1:{ports['RASA_INTERNAL_PORT']}",
        web_internal_url=f"http://127.0.0.1:{ports['WEB_INTERNAL_PORT']}",
        action_server_token=action_token,
        supervisor_conf=run_dir / "supervisord.conf",
        ports=ports,
    )
    try:
        wait_until_healthy(f"{stack.action_url}/health", process, 120, log_dir)
        wait_until_healthy(f"{stack.web_url}/healthz", process, 120, log_dir)
        wait_until_healthy(f"{stack.rasa_api_url}/status?token={token}", process, 300, log_dir)
        wait_until_healthy(f"{stack.rasa_api_url}{_rasa_health_path()}", process, 60, log_dir)
        wait_until_healthy(f"{stack.rasa_url}/webhooks/rest/", process, 60, log_dir)
        yield stack
    finally:
        stop_stack(process)


def stop_stack(process: subprocess.Popen[bytes]) -> None:
    """Stop supervisord and every program (SIGINT to the group, SIGKILL after 60 s)."""
    try:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
