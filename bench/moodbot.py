"""Rasa's starter bot (``rasa init``, "moodbot") as the benchmark's floor.

Same Rasa install as DigiPoint (.venv-rasa, Rasa 3.6.21). The project is
created once into ``var/bench/moodbot`` with::

    .venv-rasa/bin/rasa init --no-prompt --init-dir var/bench/moodbot

which also trains its model into ``var/bench/moodbot/models`` (rebuilt only
when no model is there). :func:`running_moodbot` runs ``rasa run`` for it the
way Rasa ships it: one process, in-memory tracker and lock store, the REST
channel of its credentials.yml, no action server, no HTTP API.

Usage: ``python -m bench.moodbot`` creates it (if needed), starts it, sends
"hi" and prints the reply.
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
MOODBOT_DIR = ROOT / "var" / "bench" / "moodbot"
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
# One conversation of the starter bot, in its own intents (greet, mood_unhappy,
# affirm, mood_great, goodbye): every message gets at least one reply.
SCRIPT = ("hi", "I am sad", "yes", "great", "bye")


@dataclass(frozen=True)
class Moodbot:
    """A running moodbot: its REST base URL and the pid of its one Rasa process."""

    url: str
    pid: int


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["RASA_TELEMETRY_ENABLED"] = "false"
    return env


def model_path() -> Path | None:
    """The newest trained moodbot model, or ``None`` when there is none."""
    models = sorted((MOODBOT_DIR / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def ensure_moodbot() -> Path:
    """Create and train the starter project unless a model is already there; return the model.

    Raises:
        subprocess.CalledProcessError: ``rasa init`` failed (its output was printed).
        RuntimeError: it finished without leaving a model.
    """
    model = model_path()
    if model is not None:
        return model
    MOODBOT_DIR.mkdir(parents=True, exist_ok=True)
    print(f"==> Creating moodbot with `rasa init` in {MOODBOT_DIR} (trains a model)", flush=True)
    subprocess.run(
        [str(RASA), "init", "--no-prompt", "--quiet", "--init-dir", str(MOODBOT_DIR)],
        cwd=MOODBOT_DIR, env=_env(), check=True, stdout=subprocess.DEVNULL,
    )
    model = model_path()
    if model is None:
        raise RuntimeError(f"rasa init left no model in {MOODBOT_DIR / 'models'}")
    return model


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_answering(url: str, process: subprocess.Popen[bytes], timeout_s: float, log: Path) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"moodbot's rasa run exited ({process.returncode}):\n{tail}")
        try:
            body = {"sender": "bench-ready", "message": "hi"}
            reply = httpx.post(f"{url}/webhooks/rest/webhook", json=body, timeout=10)
            if reply.status_code == 200 and reply.json():
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"moodbot did not answer within {timeout_s:.0f} s:\n{log.read_text()[-3000:]}")


@contextmanager
def running_moodbot(port: int | None = None) -> Iterator[Moodbot]:
    """Run moodbot (created first if needed) on ``port`` (default a free one); stop it on exit.

    Raises:
        RuntimeError: it did not start or answer "hi" within 300 s.
    """
    model = ensure_moodbot()
    port = port or free_port()
    log = MOODBOT_DIR / "rasa-run.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(RASA), "run", "--model", str(model), "--interface", "127.0.0.1", "--port", str(port),
             "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"],
            cwd=MOODBOT_DIR, env=_env(), stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_answering(url, process, 300, log)
        yield Moodbot(url=url, pid=process.pid)
    finally:
        try:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()


if __name__ == "__main__":
    with running_moodbot() as bot:
        print(bot.url, httpx.post(f"{bot.url}/webhooks/rest/webhook",
                                  json={"sender": "demo", "message": "hi"}, timeout=10).json())
