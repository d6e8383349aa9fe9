"""The action server app (actions/server): token, health, thread pool, time limit.

Each test serves the real Sanic app (rasa-sdk's routes plus ours) on a free
127.0.0.1 port inside the test's event loop and talks HTTP to it with httpx;
real actions run against a real SQLite file (the ``database_url`` fixture).
Test actions are registered as functions (``register_function``), so no
``Action`` subclass leaks into other tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from rasa_sdk.executor import ActionExecutor
from sanic import Sanic
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from actions.privacy import ActionDeleteMyData
from actions.server.app import ConfigError, ServerConfig, create_server_app, token_matches
from actions.server.executor import GuardedActionExecutor
from bot.guidance.store import save_result
from bot.i18n import t
from bot.summaries.models import Summary

ROOT = Path(__file__).parents[2]
TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TYPED = "minun salainen vastaukseni"  # a person's words: must never reach a log line


@pytest.fixture(autouse=True)
def _sanic_test_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every test builds an app named "rasa_sdk"; test mode allows the same name again.
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)


def action_call(name: str, sender: str = "person-1", language: str = "fi", **tracker: Any) -> dict[str, Any]:
    """A webhook body as Rasa 3.6 sends it."""
    state: dict[str, Any] = {
        "sender_id": sender,
        "slots": {"language": language, "city": "Espoo"},
        "latest_message": {"text": TYPED, "intent": {"name": "inform", "confidence": 1.0}, "entities": []},
        "events": [],
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": "action_listen",
    }
    state.update(tracker)
    return {"next_action": name, "sender_id": sender, "tracker": state, "domain": {}, "version": "3.6.21"}


@contextlib.contextmanager
def serving(executor: ActionExecutor, database_url: str | None = None) -> Iterator[str]:
    """Serve ``create_server_app(executor)`` on a free port in a thread of its own; yield its base URL.

    The server has its own event loop, as in production, so a client in the
    test's thread sees exactly what another conversation would.
    """
    app = create_server_app(executor, TOKEN, database_url)  # type: ignore[arg-type]
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    holder: dict[str, Any] = {}

    def serve() -> None:
        asyncio.set_event_loop(loop)

        async def start() -> None:
            server = await app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
            assert server is not None
            await server.startup()
            await server.start_serving()
            holder["server"] = server
            ready.set()

        loop.run_until_complete(start())
        loop.run_forever()

        async def stop() -> None:
            holder["server"].close()
            await holder["server"].wait_closed()

        loop.run_until_complete(stop())
        loop.close()

    thread = threading.Thread(target=serve, name="test-action-server", daemon=True)
    thread.start()
    assert ready.wait(20), "the action server app did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        if isinstance(executor, GuardedActionExecutor):
            executor.pool.stop()


def _person_rows(session: Session, conversation_id: str) -> int:
    summaries = session.scalar(
        select(func.count()).select_from(Summary).where(Summary.conversation_id == conversation_id)
    )
    return int(summaries or 0)


def _fill(session: Session, conversation_id: str) -> None:
    save_result(session, conversation_id, "self_efficacy", answers={"se_1": 4}, score=4.0)
    session.add(
        Summary(conversation_id=conversation_id, language="fi", city="Espoo", data={"goal_type": "job"})
    )
    session.commit()


# --- locked down ---------------------------------------------------------------------------------


def client(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, timeout=20)


def test_forged_calls_get_401_and_change_nothing(database_url: str, session: Session) -> None:
    _fill(session, "person-1")
    executor = GuardedActionExecutor(timeout_seconds=5)
    executor.register_action(ActionDeleteMyData)
    body = action_call("action_delete_my_data", intent={"name": "delete_my_data"})
    with serving(executor, database_url) as url, client(url) as http:
        statuses = []
        for headers in (
            {},
            {"Authorization": "Bearer wrong-token"},
            {"Authorization": f"Basic {TOKEN}"},
            {"Authorization": TOKEN},
            {"Authorization": f"Bearer {TOKEN}x"},
        ):
            answer = http.post("/webhook", json=body, headers=headers)
            assert answer.json() == {"error": "unauthorized"}
            statuses.append(answer.status_code)
        statuses.append(http.get("/actions").status_code)
        statuses.append(http.get("/no-such-route").status_code)
        statuses.append(http.options("/webhook", headers={"Origin": "http://evil.example"}).status_code)
        assert statuses == [401] * 8
        session.expire_all()
        assert _person_rows(session, "person-1") == 1, "a forged call deleted the summary"
        listed = http.get("/actions", headers=AUTH)
        assert listed.status_code == 200 and {"name": "action_delete_my_data"} in listed.json()
        real = http.post("/webhook", json=body, headers=AUTH)
        assert real.status_code == 200
        assert real.json()["responses"][0]["text"] == t("privacy.deleted", "fi")
    session.expire_all()
    assert _person_rows(session, "person-1") == 0  # the authenticated call did run the action


def test_token_matches_only_the_exact_bearer_token() -> None:
    assert token_matches(f"Bearer {TOKEN}", TOKEN)
    assert token_matches(f"bearer  {TOKEN} ", TOKEN)
    for header in (None, "", "Bearer", f"Bearer {TOKEN[:-1]}", f"Token {TOKEN}", f"Bearer {TOKEN} extra"):
        assert not token_matches(header, TOKEN), header


def test_config_requires_a_token_and_sane_numbers() -> None:
    with pytest.raises(ConfigError, match="ACTION_SERVER_TOKEN is not set"):
        ServerConfig.from_env({})
    with pytest.raises(ConfigError, match="ACTION_SERVER_TOKEN"):
        ServerConfig.from_env({"ACTION_SERVER_TOKEN": "   "})
    with pytest.raises(ConfigError, match="below 10"):
        ServerConfig.from_env({"ACTION_SERVER_TOKEN": "x", "ACTION_TIMEOUT_SECONDS": "12"})
    with pytest.raises(ConfigError, match="at least 1"):
        ServerConfig.from_env({"ACTION_SERVER_TOKEN": "x", "ACTION_WORKER_THREADS": "0"})
    with pytest.raises(ConfigError, match="must be numbers"):
        ServerConfig.from_env({"ACTION_SERVER_TOKEN": "x", "ACTION_TIMEOUT_SECONDS": "soon"})
    config = ServerConfig.from_env({"ACTION_SERVER_TOKEN": "x"})
    assert (config.timeout_seconds, config.worker_threads, config.host) == (7.0, 8, "127.0.0.1")


def test_server_refuses_to_start_without_a_token() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ACTION_SERVER_TOKEN"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "actions.server", "--port", "1"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 2
    assert "ACTION_SERVER_TOKEN is not set" in done.stderr


# --- health --------------------------------------------------------------------------------------


def _health(url: str) -> tuple[int, dict[str, Any]]:
    with serving(GuardedActionExecutor(), url) as base, client(base) as http:
        answer = http.get("/health")  # no token needed
        return answer.status_code, answer.json()


def test_health_checks_the_database(database_url: str, tmp_path: Path) -> None:
    assert _health(database_url) == (200, {"status": "ok"})
    missing = f"sqlite:///{tmp_path}/missing/dir/db.sqlite"
    assert _health(missing) == (503, {"status": "unhealthy", "reason": "database file missing"})
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    status, body = _health(f"postgresql+psycopg://u:p@127.0.0.1:{port}/none")
    assert (status, body["status"]) == (503, "unhealthy")
    assert body["reason"].startswith("database unreachable") and "u:p" not in body["reason"]


# --- time limit and failures ---------------------------------------------------------------------


def _slow_sync(dispatcher: Any, tracker: Any, domain: Any) -> list[dict[str, Any]]:
    time.sleep(3)
    return []


async def _slow_async(dispatcher: Any, tracker: Any, domain: Any) -> list[dict[str, Any]]:
    await asyncio.sleep(3)
    return []


def _broken(dispatcher: Any, tracker: Any, domain: Any) -> list[dict[str, Any]]:
    raise ValueError(f"cannot read {tracker.latest_message['text']}")


def rewind(name: str) -> list[dict[str, Any]]:
    """The events after a slow first action of a turn: rejected (no ActionExecuted), undone, listen."""
    return [
        {
            "event": "action_execution_rejected", "name": name,
            "policy": None, "confidence": None, "timestamp": None,
        },
        {"event": "rewind", "timestamp": None},
        {"event": "followup", "timestamp": None, "name": "action_listen"},
    ]


def test_slow_or_failing_actions_get_an_apology_in_time(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    executor = GuardedActionExecutor(timeout_seconds=0.5, worker_threads=4)
    executor.register_function("action_slow_sync", _slow_sync)
    executor.register_function("action_slow_async", _slow_async)
    executor.register_function("action_broken", _broken)
    caplog.set_level(logging.INFO)
    # alembic's fileConfig (the migration tests) disables the loggers that exist when it runs.
    monkeypatch.setattr(logging.getLogger("actions.server.executor"), "disabled", False)
    with serving(executor) as url, client(url) as http:
        for name, language, key in (
            ("action_slow_sync", "fi", "faults.slow_answer"),
            ("action_slow_async", "sv", "faults.slow_answer"),
            ("action_broken", "en", "faults.try_again"),
        ):
            started = time.monotonic()
            answer = http.post("/webhook", json=action_call(name, f"c-{name}", language), headers=AUTH)
            elapsed = time.monotonic() - started
            assert answer.status_code == 200
            assert elapsed < 1.0, f"{name} answered after {elapsed:.2f} s"
            result = answer.json()
            assert result["events"] == rewind(name)
            assert [r["text"] for r in result["responses"]] == [t(key, language)]
        # An unknown action is still rasa-sdk's 404.
        assert http.post("/webhook", json=action_call("action_nope"), headers=AUTH).status_code == 404
    ours = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name == "actions.server.executor"]
    lines = [r.getMessage() for r in ours]
    assert len(lines) == 3, lines  # one line per fault
    assert "action_slow_sync" in lines[0] and "conversation c-action_slow_sync" in lines[0]
    assert "action_broken" in lines[2]
    assert "ValueError at tests/actions/test_action_server_app.py:" in lines[2]
    assert all(TYPED not in m for m in caplog.messages)
    assert all(r.exc_info is None for r in ours)  # no traceback: it would carry the exception's text


def test_session_start_that_times_out_still_starts_a_session() -> None:
    executor = GuardedActionExecutor(timeout_seconds=0.3)
    executor.register_function("action_session_start", _slow_sync)
    body = action_call("action_session_start", latest_message={})
    body["tracker"]["slots"]["requested_slot"] = "goal_type"
    with serving(executor) as url, client(url) as http:
        result = http.post("/webhook", json=body, headers=AUTH).json()
    assert result["responses"] == []
    assert [e["event"] for e in result["events"]] == ["session_started", "slot", "slot", "action"]
    slots = {e["name"]: e["value"] for e in result["events"] if e["event"] == "slot"}
    assert slots == {"language": "fi", "city": "Espoo"}
    assert result["events"][-1]["name"] == "action_listen"


def test_slow_form_steps_keep_the_form_in_place() -> None:
    """Inside a form a rewind would undo the whole form (Rasa's applied_events): other events there."""
    executor = GuardedActionExecutor(timeout_seconds=0.3)
    for name in ("validate_goal_form", "action_ask_field", "action_score_interests"):
        executor.register_function(name, _slow_sync)
    user = {"event": "user", "text": TYPED, "parse_data": {"intent": {"name": "inform"}}}
    asked = [user, {"event": "slot", "name": "field", "value": "software", "timestamp": None}]
    validate = action_call("validate_goal_form", events=asked)
    validate["tracker"]["slots"]["requested_slot"] = "field"
    form_turn = [
        {"event": "active_loop", "name": "interest_form"},
        {"event": "slot", "name": "requested_slot", "value": "ri_12"},
        {"event": "action", "name": "action_listen"},
        user,
        {"event": "action", "name": "interest_form"},
        {"event": "slot", "name": "ri_12", "value": "like"},
        {"event": "active_loop", "name": None},
        {"event": "slot", "name": "requested_slot", "value": None},
    ]
    after_form = action_call("action_score_interests", events=form_turn)
    after_form["domain"] = {"forms": {"interest_form": {}}}
    with serving(executor) as url, client(url) as http:
        answers = [
            http.post("/webhook", json=body, headers=AUTH).json()
            for body in (validate, action_call("action_ask_field", events=asked), after_form)
        ]
    assert [a["responses"][0]["text"] for a in answers] == [t("faults.slow_answer", "fi")] * 3
    assert answers[0]["events"] == [{"event": "slot", "timestamp": None, "name": "field", "value": None}]
    assert answers[1]["events"] == []
    assert [(e["event"], e.get("name"), e.get("value")) for e in answers[2]["events"]] == [
        ("action_execution_rejected", "action_score_interests", None),
        ("active_loop", "interest_form", None),  # the completed form is active again
        ("slot", "ri_12", None),
        ("slot", "requested_slot", "ri_12"),  # asking the same question
        ("followup", "action_listen", None),
    ]


# --- no one stalls anyone ------------------------------------------------------------------------


def _blocking(release: threading.Event) -> Callable[..., list[dict[str, Any]]]:
    def run(dispatcher: Any, tracker: Any, domain: Any) -> list[dict[str, Any]]:
        release.wait(3)  # like a query waiting on a lock: holds its thread, not the loop
        return []

    return run


def _quick(dispatcher: Any, tracker: Any, domain: Any) -> list[dict[str, Any]]:
    dispatcher.utter_message(text="ok")
    return [{"event": "slot", "name": "city", "value": "Espoo", "timestamp": None}]


def _quick_while_blocked(executor: ActionExecutor) -> float:
    """Seconds a quick call of conversation b takes while conversation a's call blocks."""
    with serving(executor) as url, client(url) as http_a, client(url) as http_b:
        blocked = threading.Thread(
            target=http_a.post,
            args=("/webhook",),
            kwargs={"json": action_call("action_block", "a"), "headers": AUTH},
        )
        blocked.start()
        time.sleep(0.3)
        started = time.monotonic()
        quick = http_b.post("/webhook", json=action_call("action_quick", "b"), headers=AUTH)
        seconds = time.monotonic() - started
        assert quick.status_code == 200 and quick.json()["responses"][0]["text"] == "ok"
        blocked.join(10)
        return seconds


def test_a_blocking_action_does_not_delay_another_conversation() -> None:
    release = threading.Event()
    executor = GuardedActionExecutor(timeout_seconds=7, worker_threads=2)
    executor.register_function("action_block", _blocking(release))
    executor.register_function("action_quick", _quick)
    try:
        seconds = _quick_while_blocked(executor)
    finally:
        release.set()
    assert seconds < 0.5, f"the other conversation waited {seconds:.2f} s"


def test_plain_rasa_sdk_executor_is_stalled_by_the_same_action() -> None:
    # The control: rasa-sdk runs a sync action on the event loop, so the quick call waits ~2.7 s.
    executor = ActionExecutor()
    executor.register_function("action_block", _blocking(threading.Event()))
    executor.register_function("action_quick", _quick)
    assert _quick_while_blocked(executor) > 2


def test_busy_pool_answers_in_time_and_frees_its_thread() -> None:
    release = threading.Event()
    executor = GuardedActionExecutor(timeout_seconds=0.5, worker_threads=1)
    executor.register_function("action_block", _blocking(release))
    executor.register_function("action_quick", _quick)
    with serving(executor) as url, client(url) as http:
        first = http.post("/webhook", json=action_call("action_block", "a"), headers=AUTH)
        assert first.json()["events"] == rewind("action_block")  # timed out; it goes on in its thread
        started = time.monotonic()
        waiting = http.post("/webhook", json=action_call("action_quick", "b"), headers=AUTH)
        assert time.monotonic() - started < 1.0
        assert waiting.json()["responses"][0]["text"] == t("faults.slow_answer", "fi")  # no free thread
        release.set()
        time.sleep(0.2)  # the blocked call ends and gives its thread back
        again = http.post("/webhook", json=action_call("action_quick", "b"), headers=AUTH)
        assert again.json()["responses"][0]["text"] == "ok"


def test_background_task_of_an_async_action_keeps_running() -> None:
    # action_delete_my_data starts a task on the running loop that outlives the action.
    done = threading.Event()
    tasks: list[asyncio.Task[None]] = []

    async def starts_a_task(dispatcher: Any, tracker: Any, domain: Any) -> list[dict[str, Any]]:
        async def later() -> None:
            await asyncio.sleep(0.2)
            done.set()

        tasks.append(asyncio.get_running_loop().create_task(later()))
        return []

    executor = GuardedActionExecutor(timeout_seconds=2)
    executor.register_function("action_with_task", starts_a_task)
    with serving(executor) as url, client(url) as http:
        answer = http.post("/webhook", json=action_call("action_with_task"), headers=AUTH)
        assert answer.status_code == 200 and not done.is_set()
        assert done.wait(2)
