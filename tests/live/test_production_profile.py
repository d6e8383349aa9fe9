"""The production profile on one machine (make run-production): 2 Rasa processes and
2 action servers under one supervisord behind nginx, PostgreSQL, Redis.

- every process runs and answers; action calls are spread over both action
  servers (nginx's internal balancer), REST messages over both Rasa processes;
- a whole REST conversation through nginx's public chat port;
- a coach's reply run through Rasa process 1's HTTP API
  (``/execute?output_channel=latest``, as the dashboard does) reaches the
  socket.io client that process 2 holds (socket.io rooms shared through Redis);
- socket.io's long-polling transport through nginx stays on one process
  (sticky on the client address): every request of the session is served;
- after ``kill -9`` of one Rasa process the chat keeps answering through the
  other, and supervisord brings the killed one back. A message nginx passes to
  the process in the moment it dies (the kernel still accepts connections on
  its port while the process's memory is freed, then resets them) gets the
  JSON apology, as any message in flight does: nginx does not send a POST
  twice, since a message Rasa may have half handled must not be handled again.
  The test sends once the port refuses connections (nginx then moves on to the
  other process at once).

The socket.io client is a minimal Engine.IO 4 client over a websocket (the
widget's transport), as in test_logs_and_channels.py: python-socketio's
client is not in .venv.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import time
import uuid
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session
from websockets.sync.client import connect

from bench.stack import LiveStack
from bot.db import make_engine
from bot.handoff.models import HandoffMessage, HandoffRequest
from bot.i18n import t

UPSTREAM = re.compile(r"-> (127\.0\.0\.1:\d+)\s*$")


class SocketIO:
    """A socket.io client on one server's websocket (``base`` e.g. http://127.0.0.1:5007)."""

    def __init__(self, base: str, origin: str) -> None:
        url = base.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
        self.socket = connect(url, additional_headers={"Origin": origin}, open_timeout=20)
        assert str(self.socket.recv(timeout=20)).startswith("0")  # Engine.IO open
        self.socket.send("40")
        assert self._packet(20).startswith("40")  # namespace connected

    def _packet(self, timeout: float) -> str:
        while True:
            packet = str(self.socket.recv(timeout=timeout))
            if packet == "2":  # Engine.IO ping
                self.socket.send("3")
                continue
            return packet

    def emit(self, event: str, data: Any) -> None:
        self.socket.send("42" + json.dumps([event, data]))

    def event(self, timeout: float = 30) -> tuple[str, Any]:
        """The next event (name, first argument); TimeoutError when none comes in time."""
        deadline = time.monotonic() + timeout
        while True:
            packet = self._packet(max(0.1, deadline - time.monotonic()))
            if packet.startswith("42"):
                name, *args = json.loads(packet[2:])
                return str(name), args[0] if args else None

    def bot_texts_until(self, wanted: str, timeout: float = 60) -> list[str]:
        """Texts of bot_uttered events up to and with the first that contains ``wanted``."""
        texts: list[str] = []
        deadline = time.monotonic() + timeout
        while not any(wanted in text for text in texts):
            name, data = self.event(max(0.1, deadline - time.monotonic()))
            if name == "bot_uttered":
                texts.append(str((data or {}).get("text", "")))
        return texts

    def close(self) -> None:
        self.socket.close()


def _say(url: str, sender: str, text: str, language: str = "en") -> httpx.Response:
    return httpx.post(
        f"{url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text, "metadata": {"language": language, "city": "Espoo"}},
        timeout=90,
    )


def _upstreams(log: os.PathLike[str] | str, since: int = 0) -> list[str]:
    with open(log, encoding="utf-8") as lines:
        return [m.group(1) for line in list(lines)[since:] if (m := UPSTREAM.search(line))]


def _accepts(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _lines(log: os.PathLike[str] | str) -> int:
    with open(log, encoding="utf-8") as lines:
        return sum(1 for _ in lines)


def test_two_rasa_processes_and_two_action_servers_serve_the_chat(production_stack: LiveStack) -> None:
    stack = production_stack
    assert stack.rasa_programs == ("rasa-1", "rasa-2")
    assert stack.action_programs == ("actions-1", "actions-2")
    pids = {name: stack.program_pid(name) for name in (*stack.rasa_programs, *stack.action_programs)}
    assert all(pids.values()) and len(set(pids.values())) == 4, stack.supervisorctl("status").stdout
    for url in stack.rasa_internal_urls:
        assert httpx.get(f"{url}/status", params={"token": stack.rasa_token}, timeout=10).status_code == 200
    for url in stack.action_urls:
        assert httpx.get(f"{url}/health", timeout=10).json() == {"status": "ok"}

    public_log, internal_log = stack.log_dir / "nginx-access.log", stack.log_dir / "nginx-internal.log"
    public_from, internal_from = _lines(public_log), _lines(internal_log)
    sender = f"prod-{uuid.uuid4().hex[:10]}"
    for text in ("hi", "I want a job", '/inform{"answer":"data"}', '/inform{"answer":"now"}'):
        response = _say(stack.rasa_url, sender, text)
        assert response.status_code == 200 and response.json(), response.text
    time.sleep(1)  # nginx writes its access log as requests end
    rasa_ports = {url.rsplit(":", 1)[1] for url in stack.rasa_internal_urls}
    action_ports = {url.rsplit(":", 1)[1] for url in stack.action_urls}
    chat = {u.rsplit(":", 1)[1] for u in _upstreams(public_log, public_from)}
    actions = {u.rsplit(":", 1)[1] for u in _upstreams(internal_log, internal_from)}
    assert chat == rasa_ports, f"REST messages went to {chat}, not to both of {rasa_ports}"
    assert action_ports <= actions, f"action calls went to {actions}, not to both of {action_ports}"


def test_rest_conversation_through_nginx_fills_the_goal_form(production_stack: LiveStack) -> None:
    stack = production_stack
    sender = f"prod-{uuid.uuid4().hex[:10]}"
    welcome = _say(stack.rasa_url, sender, "moi", "fi").json()
    assert welcome and all(r.get("recipient_id") == sender for r in welcome)
    _say(stack.rasa_url, sender, "haluan töihin", "fi").raise_for_status()
    slots = stack.tracker(sender, include_events="NONE")["slots"]
    assert (slots["goal_type"], slots["requested_slot"]) == ("job", "field"), slots
    user_texts = [e["text"] for e in stack.tracker(sender)["events"] if e["event"] == "user"]
    assert user_texts == ["moi", "haluan töihin"]


def test_coach_reply_through_process_1_reaches_the_socket_on_process_2(production_stack: LiveStack) -> None:
    stack = production_stack
    session = uuid.uuid4().hex
    client = SocketIO(stack.rasa_internal_urls[1], stack.web_url)
    try:
        client.emit("session_request", {"session_id": session})
        assert client.event() == ("session_confirm", session)
        client.emit("user_uttered", {"message": "I want to talk to a person", "session_id": session,
                                     "metadata": {"language": "en", "city": "Espoo"}})
        client.bot_texts_until(t("summary.ask_share_handoff", "en"))

        engine = make_engine(stack.database_url)
        with Session(engine) as db:
            request = db.scalar(select(HandoffRequest).where(HandoffRequest.conversation_id == session))
            assert request is not None and request.status == "waiting"
            request.status, request.taken_by = "active", "coach@espoo.example"
            reply = "Hi, I am Sanna, a coach in Espoo. How can I help?"
            db.add(HandoffMessage(handoff_id=request.id, conversation_id=session,
                                  author_email="coach@espoo.example", text=reply))
            db.commit()
        engine.dispose()

        started = time.monotonic()
        done = httpx.post(
            f"{stack.rasa_internal_urls[0]}/conversations/{session}/execute",
            params={"token": stack.rasa_token, "output_channel": "latest"},
            json={"name": "action_relay_coach_message"},
            timeout=30,
        )
        assert done.status_code == 200, done.text
        assert client.bot_texts_until(reply, timeout=15)[-1] == reply
        seconds = time.monotonic() - started
        try:  # delivered once: nothing else arrives
            extra = client.event(timeout=3)
        except TimeoutError:
            extra = None
        assert extra is None, extra
    finally:
        client.close()
    print(f"coach reply on the socket of process 2 {seconds:.2f} s after /execute on process 1")
    assert seconds < 10


def test_socketio_long_polling_through_nginx_stays_on_one_process(production_stack: LiveStack) -> None:
    """Every request of a polling session must reach the process that made it (else 400)."""
    base = f"{production_stack.rasa_url}/socket.io/"
    with httpx.Client(timeout=30) as http:
        opened = http.get(base, params={"EIO": "4", "transport": "polling"})
        assert opened.status_code == 200 and opened.text.startswith("0"), opened.text
        sid = json.loads(opened.text[1:])["sid"]
        params = {"EIO": "4", "transport": "polling", "sid": sid}
        assert http.post(base, params=params, content="40").status_code == 200
        assert http.get(base, params=params).text.startswith("40")
        for _ in range(10):
            session = uuid.uuid4().hex
            packet = "42" + json.dumps(["session_request", {"session_id": session}])
            sent = http.post(base, params=params, content=packet)
            assert sent.status_code == 200, sent.text
            polled = http.get(base, params=params)
            assert polled.status_code == 200, polled.text
            assert session in polled.text, polled.text


def test_chat_answers_through_the_other_process_when_one_is_killed(production_stack: LiveStack) -> None:
    stack = production_stack
    pid = stack.program_pid("rasa-1")
    assert pid
    os.kill(pid, signal.SIGKILL)
    killed = time.monotonic()
    port = int(stack.rasa_internal_urls[0].rsplit(":", 1)[1])
    while time.monotonic() - killed < 10 and _accepts(port):
        time.sleep(0.02)
    assert not _accepts(port), "the killed process's port still accepts connections after 10 s"
    started = time.monotonic()
    senders = [f"prod-kill-{uuid.uuid4().hex[:8]}" for _ in range(3)]
    for sender in senders:
        for text in ("hi", "I want a job"):
            response = _say(stack.rasa_url, sender, text)
            assert response.status_code == 200, response.text
            assert response.json() and "error" not in response.json(), response.text
    answered_in = time.monotonic() - started
    for sender in senders:
        user = [e["text"] for e in stack.tracker(sender)["events"] if e["event"] == "user"]
        assert user == ["hi", "I want a job"]
    # supervisord starts it again; it serves once its model is loaded.
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        new_pid = stack.program_pid("rasa-1")
        try:
            status = httpx.get(f"{stack.rasa_internal_urls[0]}/webhooks/health/", timeout=5).status_code
        except httpx.HTTPError:
            status = 0
        if new_pid and new_pid != pid and status == 200:
            break
        time.sleep(3)
    else:
        raise AssertionError(f"rasa-1 did not come back: {stack.supervisorctl('status').stdout}")
    print(f"port closed {started - killed:.2f} s after kill -9; 6 messages answered in {answered_in:.1f} s;"
          f" rasa-1 serving again after {time.monotonic() - killed:.0f} s")
    assert answered_in < 60
