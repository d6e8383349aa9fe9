"""The action server hung or stopped, on the real stack: an apology within 10 s, the form keeps its place.

Faults are injected on the live processes: SIGSTOP of the action server's
processes (a hung server: connections are accepted, nothing answers) and
``supervisorctl stop actions`` (a stopped server: connection refused). The
Rasa side (rasa_addons/action_guard.py) gives each action 8 s. Tracker
events are read through Rasa's internal HTTP API before and after: every
event saved before the fault is still there, only the message in flight is
undone, and the next message continues the form.
"""

from __future__ import annotations

import signal
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psutil

from bot.locale import catalogue
from tests.live_stack import LiveStack

ROOT = Path(__file__).resolve().parents[2]
LIMIT_S = 10.0


def _fault(key: str, language: str) -> str:
    faults = catalogue.topic_texts("faults")
    return str(faults[key][language])


class Chat:
    """One REST conversation through the public entry (nginx)."""

    def __init__(self, stack: LiveStack, language: str) -> None:
        self.stack = stack
        self.sender = f"down-{uuid.uuid4().hex[:12]}"
        self.language = language

    def say(self, message: str) -> tuple[list[str], float]:
        """The texts the person sees and the seconds the answer took."""
        started = time.monotonic()
        response = httpx.post(
            f"{self.stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": message, "metadata": {"language": self.language}},
            timeout=60,
        )
        elapsed = time.monotonic() - started
        assert response.status_code == 200, response.text
        return [str(m.get("text") or "") for m in response.json()], elapsed

    def tracker(self) -> dict[str, Any]:
        response = httpx.get(
            f"{self.stack.rasa_api_url}/conversations/{self.sender}/tracker",
            params={"token": self.stack.rasa_token, "include_events": "ALL"},
            timeout=30,
        )
        response.raise_for_status()
        return dict(response.json())


def _action_server_processes(stack: LiveStack) -> list[psutil.Process]:
    pid = stack.program_pid("actions")
    assert pid, stack.supervisorctl("status").stdout
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


@contextmanager
def _hung_action_server(stack: LiveStack) -> Iterator[None]:
    processes = _action_server_processes(stack)
    for process in processes:
        process.send_signal(signal.SIGSTOP)
    try:
        yield
    finally:
        for process in processes:
            try:
                process.send_signal(signal.SIGCONT)
            except psutil.NoSuchProcess:
                pass


def _wait_healthy(stack: LiveStack, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{stack.action_url}/health", timeout=3).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise AssertionError("the action server did not come back")


def _form_at_field_question(stack: LiveStack, language: str) -> Chat:
    chat = Chat(stack, language)
    chat.say("/greet")
    chat.say('/inform{"answer":"job"}')
    tracker = chat.tracker()
    assert (tracker.get("active_loop") or {}).get("name") == "goal_form"
    assert tracker["slots"]["requested_slot"] == "field"
    return chat


def _assert_nothing_saved_was_lost(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    def key(event: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(event.get(field) for field in ("event", "name", "text", "value", "timestamp"))

    assert [key(e) for e in after[: len(before)]] == [key(e) for e in before]


def test_hung_action_server_apology_within_10_s_and_the_form_continues(live_stack: LiveStack) -> None:
    chat = _form_at_field_question(live_stack, "fi")
    before = chat.tracker()["events"]

    with _hung_action_server(live_stack):
        texts, elapsed = chat.say('/inform{"answer":"software"}')
        during = chat.tracker()

    # What the person saw: the apology in Finnish, within the limit.
    assert elapsed < LIMIT_S, f"{elapsed:.1f} s"
    assert texts == [_fault("try_again", "fi")]
    # The form kept its place: the same question is open, the answer was not taken.
    assert (during.get("active_loop") or {}).get("name") == "goal_form"
    assert during["slots"]["requested_slot"] == "field"
    assert during["slots"]["field"] is None
    assert during["latest_action_name"] == "action_listen"
    # Nothing saved before was lost; the message in flight is in the raw events, undone.
    _assert_nothing_saved_was_lost(before, during["events"])
    added = [e["event"] for e in during["events"][len(before) :]]
    assert added.count("user") == 1 and "rewind" in added

    # The server is back: the same answer continues the form with the next question.
    texts, _ = chat.say('/inform{"answer":"software"}')
    after = chat.tracker()
    assert texts and _fault("try_again", "fi") not in texts
    assert after["slots"]["field"] == "software"
    assert after["slots"]["requested_slot"] == "city"
    _assert_nothing_saved_was_lost(during["events"], after["events"])


def test_stopped_action_server_apology_at_once_and_the_form_continues_after_restart(
    live_stack: LiveStack,
) -> None:
    chat = _form_at_field_question(live_stack, "sv")
    before = chat.tracker()["events"]
    stopped = live_stack.supervisorctl("stop", "actions")
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    try:
        texts, elapsed = chat.say('/inform{"answer":"data"}')
        during = chat.tracker()
    finally:
        live_stack.supervisorctl("start", "actions")
    assert elapsed < LIMIT_S, f"{elapsed:.1f} s"
    assert texts == [_fault("try_again", "sv")]
    assert during["slots"]["requested_slot"] == "field"
    assert during["slots"]["field"] is None
    _assert_nothing_saved_was_lost(before, during["events"])

    _wait_healthy(live_stack)
    texts, _ = chat.say('/inform{"answer":"data"}')
    after = chat.tracker()
    assert texts and _fault("try_again", "sv") not in texts
    assert after["slots"]["field"] == "data"
    assert after["slots"]["requested_slot"] == "city"


def test_a_crisis_message_gets_112_and_the_crisis_line_while_the_action_server_is_stopped(
    live_stack: LiveStack,
) -> None:
    """Found by a newcomer walk: "jag vill dö" got only "Sorry, something went wrong"."""
    from bot.support_messages import distress_message

    stopped = live_stack.supervisorctl("stop", "actions")
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    try:
        replies = {}
        crises = (("sv", "jag vill dö"), ("fi", "haluun kuolla"), ("en", "I want to kill myself"))
        for language, message in crises:
            chat = Chat(live_stack, language)
            replies[language] = chat.say(message)
    finally:
        live_stack.supervisorctl("start", "actions")
    for language, (texts, elapsed) in replies.items():
        assert elapsed < LIMIT_S, f"{language}: {elapsed:.1f} s"
        assert texts == [distress_message(None, language)], (language, texts)
        assert "112" in texts[0]
    _wait_healthy(live_stack)


def test_each_failure_is_one_log_line_with_the_conversation_id(live_stack: LiveStack) -> None:
    chat = _form_at_field_question(live_stack, "en")
    with _hung_action_server(live_stack):
        texts, _ = chat.say("I would like to work with software, my name is Matti Virtanen")
    assert texts == [_fault("try_again", "en")]
    # Rasa writes its log to rasa.log (--log-file) and the same lines to stderr (rasa.out).
    for path in sorted(live_stack.log_dir.glob("rasa.*")):
        lines = [line for line in path.read_text(errors="replace").splitlines() if chat.sender in line]
        assert len(lines) == 1, (path.name, lines)
        assert "ERROR" in lines[0] and "goal_form" in lines[0] and "timeout" in lines[0]
    everything = "\n".join(p.read_text(errors="replace") for p in live_stack.log_dir.glob("*.*"))
    assert "Matti" not in everything and "would like to work" not in everything
