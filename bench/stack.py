"""Start the real DigiPoint stack on spare ports with fresh databases.

Shared by the live tests (tests/live_stack.py) and the benchmark. Two profiles
(``profile``, default ``DIGIPOINT_TEST_PROFILE``, else ``embedded``):

- ``embedded``: runs ``scripts/prepare_db.sh`` (migrations + sample catalogue)
  on a new SQLite file (or the given database), then ``scripts/run_stack.sh``
  in its own process group: supervisord with Rasa, the action server, the web
  app, the worker and nginx.
- ``production``: fresh PostgreSQL databases and a Redis server
  (bench/stack_services.py), then ``scripts/run_stack.sh`` with
  ``DIGIPOINT_PROFILE=production``: 2 Rasa processes (rasa-1, rasa-2) and 2
  action servers (actions-1, actions-2) behind nginx, Rasa's lock store and the
  socket.io rooms in Redis; run_stack.sh migrates the database.
  ``DIGIPOINT_TEST_LOCK_STORE_URL`` replaces the lock store's URL (say
  ``memory://``, to see what the Redis lock store prevents).

Waits until every health endpoint answers, and stops them all on exit.

Ports are the defaults (public 5005 / 8080 through nginx; internal 5006,
5055, 8081; production also 5007, 5056 and the balancers 5004, 5054) plus an
offset; :func:`free_port_offset` picks one whose ports are all free, so two
test runs on one machine do not collide.
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
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench.stack_services import ServiceError, production_services

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

# The internal balancers of the production profile (deploy/topology.py).
PRODUCTION_PORTS = {"ACTION_LB_PORT": 5054, "RASA_API_LB_PORT": 5004}
PROFILES = ("embedded", "production")

# Settings of the developer's own stack that a test stack must not take over.
NOT_INHERITED = frozenset(
    {"ACTION_ENDPOINT_URL", "ALLOWED_ORIGINS", "RASA_PUBLIC_URL", "DIGIPOINT_ENV", "PUBLIC_HOST",
     "RASA_MODEL", "RUN_DIR", "LOG_DIR", "DIGIPOINT_PROFILE", "RASA_REPLICAS", "ACTION_REPLICAS",
     "LOCK_STORE_URL", "SOCKETIO_REDIS_URL"}
)


@dataclass(frozen=True)
class LiveStack:
    """Where the running servers are and which files they use.

    ``rasa_url`` is the public chat entry (nginx: /webhooks/, /socket.io only);
    ``rasa_api_url`` is Rasa's HTTP API on 127.0.0.1 (with ``rasa_token``);
    ``action_url`` is the internal action server (requests need
    ``Authorization: Bearer <action_server_token>``). ``pid`` is supervisord's.
    In the production profile ``rasa_api_url`` and ``action_url`` are nginx's
    internal balancers, ``rasa_internal_urls`` / ``action_urls`` each process
    (in the order of ``rasa_programs`` / ``action_programs``); embedded, the
    lists hold the one process each. ``redis_url``: the production Redis.
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
    profile: str = "embedded"
    rasa_internal_urls: tuple[str, ...] = ()
    action_urls: tuple[str, ...] = ()
    rasa_programs: tuple[str, ...] = ("rasa",)
    action_programs: tuple[str, ...] = ("actions",)
    redis_url: str = ""

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
        """The pid of supervisord's ``program`` (rasa or rasa-1, actions or actions-1, web, worker,
        nginx); 0 if not running."""
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


def stack_ports(
    profile: str, offset: int, rasa_replicas: int = 2, action_replicas: int = 2
) -> dict[str, int]:
    """Every port of a stack by name: the settings (``RASA_PORT``, ...) and each process (``rasa-2``)."""
    ports = {name: port + offset for name, port in BASE_PORTS.items()}
    if profile == "production":
        ports.update({name: port + offset for name, port in PRODUCTION_PORTS.items()})
        for i in range(1, rasa_replicas + 1):
            ports[f"rasa-{i}"] = ports["RASA_INTERNAL_PORT"] + i - 1
        for i in range(1, action_replicas + 1):
            ports[f"actions-{i}"] = ports["ACTION_PORT"] + i - 1
    return ports


def free_port_offset(attempts: int = 50, profile: str = "embedded") -> int:
    """An offset (a multiple of 100 in 10000..24000) at which every stack port is free.

    Random, so two runs starting together rarely try the same one first.

    Raises:
        StackError: no such offset found in ``attempts`` tries.
    """
    candidates = random.sample(range(10000, 24001, 100), k=min(attempts, 141))
    for offset in candidates:
        if all(_port_free(port) for port in set(stack_ports(profile, offset).values())):
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
    profile: str | None = None,
) -> Iterator[LiveStack]:
    """Run the stack with its files under ``work``; ports are the defaults + ``port_offset``.

    Args:
        work: folder for the SQLite files, logs (``work/logs``) and the
            generated configuration (``work/run``).
        port_offset: added to every port; ``None`` picks a free one.
        token: Rasa's HTTP API token.
        database_url / tracker_db_url: e.g. PostgreSQL URLs; default fresh
            SQLite files in ``work`` (embedded) or fresh PostgreSQL databases
            (production). The product database is migrated.
        extra_env: more settings for every program (e.g. ``DIGIPOINT_ENV``).
        profile: ``embedded`` or ``production``; default ``DIGIPOINT_TEST_PROFILE``,
            else ``embedded``.

    Raises:
        StackError: the model is missing, a port is taken, PostgreSQL or Redis
            did not start, or a server did not come up.
    """
    profile = profile or os.environ.get("DIGIPOINT_TEST_PROFILE") or "embedded"
    if profile not in PROFILES:
        raise StackError(f"profile {profile!r}: use embedded or production")
    if not MODEL.exists():
        raise StackError("models/digipoint.tar.gz is missing: run `make train` (make test does)")
    offset = free_port_offset(profile=profile) if port_offset is None else port_offset
    all_ports = stack_ports(profile, offset)
    for name, port in all_ports.items():
        # A server already on the port would answer the health checks in place
        # of ours, and the tests would talk to the wrong stack.
        if not _port_free(port):
            raise StackError(f"port {port} ({name}) is in use: is another DigiPoint stack running?")
    with ExitStack() as services:
        redis_url = ""
        if profile == "production":
            try:
                found = services.enter_context(production_services(database_url, tracker_db_url))
            except ServiceError as error:
                raise StackError(str(error)) from error
            database_url, tracker_db_url = found.database_url, found.tracker_db_url
            redis_url = found.redis_url
        with _started(work, profile, all_ports, token, database_url, tracker_db_url, redis_url,
                      extra_env or {}) as stack:
            yield stack


def _urls(profile: str, ports: Mapping[str, int], kind: str) -> tuple[str, ...]:
    if profile == "embedded":
        return (f"http://127.0.0.1:{ports['RASA_INTERNAL_PORT' if kind == 'rasa' else 'ACTION_PORT']}",)
    return tuple(f"http://127.0.0.1:{port}" for name, port in ports.items() if name.startswith(f"{kind}-"))


@contextmanager
def _started(
    work: Path, profile: str, all_ports: Mapping[str, int], token: str, database_url: str | None,
    tracker_db_url: str | None, redis_url: str, extra_env: Mapping[str, str],
) -> Iterator[LiveStack]:
    ports = {name: port for name, port in all_ports.items() if name.isupper()}
    production = profile == "production"
    rasa_urls, action_urls = _urls(profile, all_ports, "rasa"), _urls(profile, all_ports, "actions")
    rasa_api = f"http://127.0.0.1:{ports['RASA_API_LB_PORT']}" if production else rasa_urls[0]
    action_url = f"http://127.0.0.1:{ports['ACTION_LB_PORT']}" if production else action_urls[0]
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
        RASA_URL=rasa_api,
        ACTION_SERVER_URL=action_url,
        LOG_DIR=str(log_dir),
        RUN_DIR=str(run_dir),
        PYTHONPATH=str(ROOT),
        RASA_TELEMETRY_ENABLED="false",
        DIGIPOINT_PROFILE=profile,
        LOCK_STORE_URL="memory://",
        SOCKETIO_REDIS_URL="",
    )
    if production:
        env.update(
            RASA_REPLICAS=str(len(rasa_urls)),
            ACTION_REPLICAS=str(len(action_urls)),
            LOCK_STORE_URL=os.environ.get("DIGIPOINT_TEST_LOCK_STORE_URL") or redis_url,
            SOCKETIO_REDIS_URL=redis_url,
        )
    env.update(extra_env)
    if not production:  # production: run_stack.sh migrates the PostgreSQL database itself
        subprocess.run([str(ROOT / "scripts" / "prepare_db.sh")], env=env, check=True, cwd=ROOT)
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "run_stack.sh")], env=env, cwd=ROOT, start_new_session=True
    )
    names = [name for name in all_ports if name.islower()]
    stack = LiveStack(
        web_url=f"http://localhost:{ports['WEB_PORT']}",
        rasa_url=f"http://localhost:{ports['RASA_PORT']}",
        action_url=action_url,
        rasa_token=token,
        database_url=database_url,
        tracker_db_url=tracker_db_url,
        log_dir=log_dir,
        pid=process.pid,
        rasa_api_url=rasa_api,
        web_internal_url=f"http://127.0.0.1:{ports['WEB_INTERNAL_PORT']}",
        action_server_token=action_token,
        supervisor_conf=run_dir / "supervisord.conf",
        ports=dict(all_ports),
        profile=profile,
        rasa_internal_urls=rasa_urls,
        action_urls=action_urls,
        rasa_programs=tuple(n for n in names if n.startswith("rasa-")) or ("rasa",),
        action_programs=tuple(n for n in names if n.startswith("actions-")) or ("actions",),
        redis_url=redis_url,
    )
    try:
        for url in (*action_urls, action_url):
            wait_until_healthy(f"{url}/health", process, 180, log_dir)
        wait_until_healthy(f"{stack.web_url}/healthz", process, 120, log_dir)
        for url in rasa_urls:  # several Rasa processes load their models at once
            wait_until_healthy(f"{url}/status?token={token}", process, 300 * len(rasa_urls), log_dir)
            wait_until_healthy(f"{url}{_rasa_health_path()}", process, 60, log_dir)
        wait_until_healthy(f"{rasa_api}{_rasa_health_path()}", process, 60, log_dir)
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
