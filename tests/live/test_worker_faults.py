"""The worker on the real stack: a 20 s exclusive lock on the product SQLite file.

Real stack (tests/live_stack.py: supervisord with Rasa, the action server, the
web app, the worker and nginx) plus a second ``python -m bot.worker`` of this
test, so two workers race for the same handoff timeout. A person asks for a
coach over the REST channel; nobody takes it. The test makes the request due
and holds ``BEGIN EXCLUSIVE`` on the product database for 20 s (longer than
SQLite's 5 s busy timeout, so every read and write of the workers fails).

Expected: the workers log the failure (one line each, no message text) and keep
running (supervisord does not restart the worker: same pid); Rasa, the action
server and the web app keep answering; after the lock the person gets the
timeout message exactly once; no tracker event or product row saved before or
during the lock is lost.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.stack import ROOT
from bot.handoff.chat_text import say
from tests.live_stack import LiveStack

LOCK_S = 20.0
PERSON_TEXT = "I want to talk to a person"


def _say(stack: LiveStack, sender: str, text: str) -> tuple[int, list[dict[str, Any]], float]:
    started = time.monotonic()
    response = httpx.post(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text, "metadata": {"language": "en", "city": "Espoo"}},
        timeout=60,
    )
    return (
        response.status_code,
        response.json() if response.status_code == 200 else [],
        time.monotonic() - started,
    )




def _bot_text(event: dict[str, Any]) -> str:
    """A bot event's text; handoff messages carry it in custom data (actions/handoff.py)."""
    custom = ((event.get("data") or {}).get("custom") or {}).get("data") or {}
    return str(event.get("text") or custom.get("text") or "")


def _timeouts(events: list[dict[str, Any]]) -> tuple[int, int]:
    """(timeout actions run, timeout messages the person got)."""
    text = say("timeout", "en")
    return (
        sum(e.get("event") == "action" and e.get("name") == "action_handoff_timeout" for e in events),
        sum(e.get("event") == "bot" and _bot_text(e).startswith(text) for e in events),
    )


def _product_rows(path: str, sender: str) -> dict[str, int]:
    with sqlite3.connect(path, timeout=30) as db:
        return {
            table: db.execute(query, (sender,)).fetchone()[0]
            for table, query in (
                ("summaries", "SELECT count(*) FROM summaries WHERE conversation_id = ?"),
                ("handoff_requests", "SELECT count(*) FROM handoff_requests WHERE conversation_id = ?"),
            )
        }


def _answers(url: str) -> tuple[int, float]:
    started = time.monotonic()
    try:
        status = httpx.get(url, timeout=15).status_code
    except httpx.HTTPError:
        status = 0
    return status, time.monotonic() - started


def _second_worker(stack: LiveStack, log: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=stack.database_url,
        TRACKER_DB_URL=stack.tracker_db_url,
        RASA_URL=stack.rasa_api_url,
        RASA_TOKEN=stack.rasa_token,
        WORKER_TICK_SECONDS="1",
        PYTHONPATH=str(ROOT),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot.worker"],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def test_worker_survives_a_20_s_lock_and_sends_the_timeout_once(
    live_stack: LiveStack, tmp_path: Path
) -> None:
    path = live_stack.database_url.removeprefix("sqlite:///")
    sender = f"worker-fault-{uuid.uuid4().hex[:10]}"
    status, replies, _ = _say(live_stack, sender, PERSON_TEXT)
    assert status == 200 and any("I have asked a coach" in r.get("text", "") for r in replies), replies
    before_events = live_stack.tracker(sender)["events"]
    before_rows = _product_rows(path, sender)
    assert before_rows["handoff_requests"] == 1 and _timeouts(before_events) == (0, 0)
    worker_pid = live_stack.program_pid("worker")
    assert worker_pid, live_stack.supervisorctl("status").stdout
    second_log = tmp_path / "second-worker.log"
    second = _second_worker(live_stack, second_log)
    try:
        lock = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        lock.execute("BEGIN EXCLUSIVE")
        long_ago = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S.%f")
        lock.execute(
            "UPDATE handoff_requests SET requested_at = ? WHERE conversation_id = ?", (long_ago, sender)
        )
        locked_at = time.monotonic()
        release = threading.Timer(LOCK_S, lambda: lock.execute("COMMIT"))
        release.start()

        # While the lock holds: Rasa answers another person, the servers answer their health checks.
        other = f"worker-fault-other-{uuid.uuid4().hex[:8]}"
        chat_status, chat_replies, chat_s = _say(live_stack, other, "hi")
        health = {
            "action server": _answers(f"{live_stack.action_url}/health"),
            "web app": _answers(f"{live_stack.web_url}/healthz"),
            "rasa": _answers(f"{live_stack.rasa_api_url}/status?token={live_stack.rasa_token}"),
        }
        during = time.monotonic() - locked_at
        release.join()
        lock.close()
        print(f"during the lock ({during:.1f} s in): chat {chat_status} in {chat_s:.1f} s; health {health}")
        assert during < LOCK_S, "the checks must run while the lock holds"
        assert chat_status == 200 and chat_replies
        assert all(status in (200, 503) and seconds < 15 for status, seconds in health.values()), health

        # After the lock: the timeout reaches the person once, from one of the two workers.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _timeouts(live_stack.tracker(sender)["events"]) != (1, 1):
            time.sleep(1)
        delivered_s = time.monotonic() - locked_at - LOCK_S
        time.sleep(6)  # both workers tick again: nothing is sent twice
        after_events = live_stack.tracker(sender)["events"]
        assert _timeouts(after_events) == (1, 1), [
            e for e in after_events if e.get("event") in ("action", "bot")
        ]
        print(f"timeout delivered {delivered_s:.1f} s after the lock ended")
    finally:
        second.terminate()
        second.wait(30)

    # The supervised worker kept running (same process), and said what happened.
    assert live_stack.program_pid("worker") == worker_pid
    assert " RUNNING " in live_stack.supervisorctl("status", "worker").stdout
    assert second.returncode == 0  # SIGTERM: clean stop
    logs = (live_stack.log_dir / "worker.log").read_text(errors="replace") + second_log.read_text(
        errors="replace"
    )
    failures = [line for line in logs.splitlines() if " WARNING bot.worker" in line]
    print("worker failure lines:\n" + "\n".join(failures))
    # SQLite in WAL mode: the worker's reads go on during the lock; a write it
    # tried in that time failed with one WARNING line naming the lock.
    assert all("database is locked" in line for line in failures), logs[-3000:]
    assert all(PERSON_TEXT not in line for line in logs.splitlines())
    assert "stopped" in second_log.read_text()
    # Nothing saved is lost: every earlier event is still there, in order; the rows too.
    assert after_events[: len(before_events)] == before_events
    assert _product_rows(path, sender) == before_rows
    with sqlite3.connect(path) as db:
        status_row = db.execute(
            "SELECT status FROM handoff_requests WHERE conversation_id = ?", (sender,)
        ).fetchone()
    assert status_row == ("timed_out",)
    assert _say(live_stack, sender, "hi")[0] == 200  # the bot answers the person again
    for status, _ in (_answers(f"{live_stack.action_url}/health"), _answers(f"{live_stack.web_url}/healthz")):
        assert status == 200
