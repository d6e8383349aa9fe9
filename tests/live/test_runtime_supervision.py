"""The running stack as an operator sees it: supervised, locked down, nothing lost.

Real stack (tests/live_stack.py): supervisord running Rasa, the action
server, the web app, the worker and nginx. Faults are injected on the live
processes (kill -9); Rasa's tracker events are counted through its internal
HTTP API before and after.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest

from bench.stack import BASE_PORTS, ROOT, free_port_offset
from tests.live_stack import LiveStack

REFUSAL = "DIGIPOINT_ENV=production needs ALLOWED_ORIGINS"


def _say(stack: LiveStack, sender: str, text: str) -> list[dict[str, Any]]:
    response = httpx.post(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text, "metadata": {"language": "en", "city": "Espoo"}},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    replies: list[dict[str, Any]] = response.json()
    return replies




def _stack_processes(stack: LiveStack) -> list[psutil.Process]:
    root = psutil.Process(stack.pid)
    return [root, *root.children(recursive=True)]


def _pgid(pid: int) -> int:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return 0


def _wait_restarted(stack: LiveStack, program: str, old_pid: int, health_url: str) -> float:
    """Seconds until ``program`` runs with a new pid and ``health_url`` answers 200."""
    started = time.monotonic()
    while time.monotonic() - started < 90:
        pid = stack.program_pid(program)
        running = " RUNNING " in stack.supervisorctl("status", program).stdout
        if running and pid and pid != old_pid:
            try:
                if httpx.get(health_url, timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
        time.sleep(0.5)
    status = stack.supervisorctl("status").stdout
    raise AssertionError(f"{program} was not restarted within 90 s:\n{status}")


@pytest.mark.parametrize(
    ("program", "health_path"),
    [("actions", "action_url:/health"), ("web", "web_url:/healthz")],
)
def test_a_killed_server_is_restarted_and_the_conversation_goes_on(
    live_stack: LiveStack, program: str, health_path: str
) -> None:
    """kill -9 of the action server (or web app): supervisord restarts it, the rest keeps serving."""
    sender = f"supervised-{uuid.uuid4().hex[:10]}"
    assert _say(live_stack, sender, "hi")
    before = live_stack.tracker(sender)["events"]
    assert before

    old_pid = live_stack.program_pid(program)
    assert old_pid, live_stack.supervisorctl("status").stdout
    os.kill(old_pid, signal.SIGKILL)
    # Meanwhile the others keep answering: the public pages, Rasa's channels and its API.
    assert httpx.get(f"{live_stack.rasa_url}/webhooks/rest/", timeout=10).status_code == 200
    assert httpx.get(f"{live_stack.rasa_api_url}/status", params={"token": live_stack.rasa_token},
                     timeout=10).status_code == 200
    if program != "web":
        assert httpx.get(f"{live_stack.web_url}/healthz", timeout=10).status_code == 200

    attribute, path = health_path.split(":", 1)
    recovered_s = _wait_restarted(live_stack, program, old_pid, getattr(live_stack, attribute) + path)
    print(f"{program}: kill -9 -> healthy again in {recovered_s:.1f} s")
    # Nothing of the killed process is left (its workers would hold the port).
    leftovers = [p.pid for p in psutil.process_iter() if _pgid(p.pid) == old_pid]
    assert leftovers == []
    status = live_stack.supervisorctl("status").stdout
    assert all(" RUNNING " in line for line in status.splitlines() if line.strip()), status

    # Nothing saved was lost, and the same conversation continues.
    after_restart = live_stack.tracker(sender)["events"]
    assert after_restart[: len(before)] == before
    assert _say(live_stack, sender, "I want a job")
    after = live_stack.tracker(sender)["events"]
    assert after[: len(before)] == before
    assert sum(e["event"] == "user" for e in after) == sum(e["event"] == "user" for e in before) + 1


def test_the_process_serving_actions_is_the_one_supervisord_watches(live_stack: LiveStack) -> None:
    """The action server's port is held by the supervised process itself, not by a child.

    With Sanic's worker process under a primary one, kill -9 of the worker left
    the primary RUNNING in supervisord and the port dead: every action timed out.
    """
    port = live_stack.ports["ACTION_PORT"]
    listening = [c for c in psutil.net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN]
    holders = {c.pid for c in listening if c.laddr.port == port}
    assert holders == {live_stack.program_pid("actions")}


@pytest.mark.parametrize(
    "path",
    ["/conversations/someone/tracker", "/status", "/model", "/version", "/domain", "/"],
)
def test_rasa_http_api_is_not_public(live_stack: LiveStack, path: str) -> None:
    """Port 5005 (nginx) has no Rasa HTTP API, token or not; the internal Rasa has it."""
    public = httpx.get(f"{live_stack.rasa_url}{path}", params={"token": live_stack.rasa_token}, timeout=10)
    assert public.status_code == 404
    assert "rasa" not in public.text.lower()


def test_rest_channel_and_socketio_are_public(live_stack: LiveStack) -> None:
    """The REST channel answers through nginx; socket.io's handshake reaches Rasa."""
    assert _say(live_stack, f"public-{uuid.uuid4().hex[:10]}", "hi")
    handshake = httpx.get(
        f"{live_stack.rasa_url}/socket.io/",
        params={"EIO": "4", "transport": "polling"},
        headers={"Origin": live_stack.web_url},
        timeout=10,
    )
    assert handshake.status_code == 200 and '"sid"' in handshake.text
    token = {"token": live_stack.rasa_token}
    assert httpx.get(f"{live_stack.rasa_api_url}/status", params=token, timeout=10).status_code == 200


def test_no_secret_on_any_command_line(live_stack: LiveStack) -> None:
    """Neither the Rasa token nor the action server's token is in ps or /proc/*/cmdline."""
    secrets = [live_stack.rasa_token, live_stack.action_server_token]
    assert all(secrets)
    processes = _stack_processes(live_stack)
    names = " ".join(" ".join(p.cmdline()) for p in processes)
    assert "rasa_launch.py" in names and "nginx" in names
    for process in processes:
        cmdline = " ".join(process.cmdline())
        assert not any(secret in cmdline for secret in secrets), cmdline
    for cmdline_file in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            raw = cmdline_file.read_bytes().decode(errors="replace")
        except OSError:
            continue
        assert live_stack.action_server_token not in raw, cmdline_file
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True).stdout
    assert live_stack.action_server_token not in ps


def test_every_server_listens_on_localhost_only(live_stack: LiveStack) -> None:
    """Every listening socket of the stack's processes is on 127.0.0.1, and every port is served."""
    pids = {p.pid for p in _stack_processes(live_stack)}
    listening = [
        c for c in psutil.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN and c.pid in pids
    ]
    assert {c.laddr.ip for c in listening} == {"127.0.0.1"}, listening
    assert live_stack.ports is not None
    assert set(live_stack.ports.values()) <= {c.laddr.port for c in listening}


def _refused_start(tmp_path: Path, command: list[str], origins: str) -> subprocess.CompletedProcess[str]:
    offset = free_port_offset()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIGIPOINT_")}
    env.update({name: str(port + offset) for name, port in BASE_PORTS.items()})
    env.update(
        DIGIPOINT_ENV="production",
        ALLOWED_ORIGINS=origins,
        RASA_TOKEN="refused-token",
        RUN_DIR=str(tmp_path / "run"),
        LOG_DIR=str(tmp_path / "logs"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'digipoint.db'}",
        TRACKER_DB_URL=f"sqlite:///{tmp_path / 'tracker.db'}",
    )
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=60)
        message = f"{command[0]} started instead of refusing:\n{out[-2000:]}\n{err[-2000:]}"
        raise AssertionError(message) from None
    return subprocess.CompletedProcess(command, process.returncode, out, err)


@pytest.mark.parametrize("origins", ["*", "", "https://www.espoo.fi,*"])
def test_production_refuses_any_origin_at_start(tmp_path: Path, origins: str) -> None:
    """DIGIPOINT_ENV=production with ALLOWED_ORIGINS '*' (or empty): run_stack.sh stops with a clear line."""
    result = _refused_start(tmp_path, [str(ROOT / "scripts" / "run_stack.sh")], origins)
    assert result.returncode != 0
    assert REFUSAL in result.stderr
    assert not (tmp_path / "run" / "supervisor.sock").exists()


@pytest.mark.parametrize("origins", ["*", ""])
def test_rasa_launcher_refuses_any_origin_in_production(tmp_path: Path, origins: str) -> None:
    """The launcher that starts Rasa checks it too (Rasa never starts with CORS '*' in production)."""
    launcher = [str(ROOT / ".venv-rasa" / "bin" / "python"), str(ROOT / "scripts" / "rasa_launch.py"), "run"]
    result = _refused_start(tmp_path, launcher, origins)
    assert result.returncode == 2
    assert REFUSAL in result.stderr
