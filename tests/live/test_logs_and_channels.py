"""Input channels and logs on the real stack: what a person and an operator see.

- a sender id longer than the tracker column: HTTP 400 on REST, a refusal the
  widget shows on socket.io (faults.id_too_long in the page's language);
- a browser origin not in ALLOWED_ORIGINS: 403 on REST;
- text in Unicode NFD reads exactly like NFC (Rasa's /model/parse on the
  internal API, and a conversation through the REST channel: 'Åbo' fills the
  city Turku, the tracker stores NFC text);
- the log files in LOG_DIR: no message text, name, phone or identity code,
  no spurious ERROR lines; a real error is one line with the conversation id.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import unicodedata
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect

from bot.locale import catalogue
from tests.live_stack import LiveStack

ROOT = Path(__file__).resolve().parents[2]
# What people type that must never reach a log line (name, phone, identity code, e-mail, free text).
PERSONAL = ["Matti Virtanen", "040 123 4567", "0401234567", "131052-308T", "matti.virtanen@example.fi"]
TYPED = [
    "Hei, olen Matti Virtanen, puhelin 040 123 4567",
    "henkilötunnukseni on 131052-308T",
    "/Matti Virtanen 0401234567",
    '/inform{"answer": "matti.virtanen@example.fi"}',
    '/no_such_intent{"name":"Matti Virtanen"}',
    '/inform{"answer": "Matti Virtanen"',
    "Matti Virtanen " * 200,
]


def _fault(key: str, language: str) -> str:
    faults = catalogue.topic_texts("faults")
    return str(faults[key][language])


def _post(stack: LiveStack, body: dict[str, Any], headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.post(f"{stack.rasa_url}/webhooks/rest/webhook", json=body, headers=headers, timeout=60)


def _say(stack: LiveStack, sender: str, text: str, language: str = "en") -> list[dict[str, Any]]:
    response = _post(stack, {"sender": sender, "message": text, "metadata": {"language": language}})
    assert response.status_code == 200, response.text
    return list(response.json())




class SocketIO:
    """A minimal socket.io (Engine.IO 4) client over the public websocket, as the widget speaks it."""

    def __init__(self, stack: LiveStack, headers: dict[str, str]) -> None:
        url = stack.rasa_url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
        self.socket = connect(url, additional_headers=headers, open_timeout=20)
        assert str(self.socket.recv(timeout=20)).startswith("0")  # Engine.IO open
        self.socket.send("40")
        assert str(self.recv_packet()).startswith("40")  # socket.io namespace connect

    def recv_packet(self, timeout: float = 20) -> str:
        while True:
            packet = str(self.socket.recv(timeout=timeout))
            if packet == "2":  # Engine.IO ping
                self.socket.send("3")
                continue
            return packet

    def emit(self, event: str, data: Any) -> None:
        self.socket.send("42" + json.dumps([event, data]))

    def next_event(self, timeout: float = 30) -> tuple[str, Any]:
        while True:
            packet = self.recv_packet(timeout)
            if packet.startswith("42"):
                name, *args = json.loads(packet[2:])
                return str(name), args[0] if args else None

    def close(self) -> None:
        self.socket.close()


def test_rest_sender_id_longer_than_the_tracker_column_is_a_clear_400(live_stack: LiveStack) -> None:
    response = _post(live_stack, {"sender": "x" * 300, "message": "hei", "metadata": {"language": "fi"}})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "sender_id_too_long"
    assert body["max_length"] == 255
    assert body["message"] == _fault("id_too_long", "fi")
    assert _say(live_stack, "y" * 255, "hello")  # at the limit it is served


def test_rest_without_a_sender_is_refused(live_stack: LiveStack) -> None:
    response = _post(live_stack, {"message": "hello"})
    assert response.status_code == 400
    assert response.json()["error"] == "sender_missing"


def test_rest_refuses_a_browser_origin_not_allowed(live_stack: LiveStack) -> None:
    sender = f"origin-{uuid.uuid4().hex[:8]}"
    body = {"sender": sender, "message": "hello", "metadata": {"language": "en"}}
    refused = _post(live_stack, body, headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403
    assert refused.json() == {"error": "origin_not_allowed"}
    assert _post(live_stack, body, headers={"Origin": live_stack.web_url}).status_code == 200


def test_socketio_refuses_a_long_session_id_with_a_message_the_widget_shows(live_stack: LiveStack) -> None:
    client = SocketIO(live_stack, {"Origin": live_stack.web_url, "Accept-Language": "sv-FI,sv;q=0.9"})
    try:
        client.emit("session_request", {"session_id": "s" * 300})
        name, data = client.next_event()
        assert name == "bot_uttered"
        assert data["text"] == _fault("id_too_long", "sv")
        # A message sent under that id is refused the same way, in the message's language.
        client.emit(
            "user_uttered", {"message": "hei", "session_id": "s" * 300, "metadata": {"language": "fi"}}
        )
        name, data = client.next_event()
        assert (name, data["text"]) == ("bot_uttered", _fault("id_too_long", "fi"))
        # A normal session still works on the same socket.
        session = uuid.uuid4().hex
        client.emit("session_request", {"session_id": session})
        assert client.next_event() == ("session_confirm", session)
        client.emit(
            "user_uttered", {"message": "/greet", "session_id": session, "metadata": {"language": "en"}}
        )
        name, data = client.next_event(timeout=60)
        assert name == "bot_uttered" and data.get("text")
    finally:
        client.close()


def _parse(stack: LiveStack, text: str) -> dict[str, Any]:
    response = httpx.post(
        f"{stack.rasa_api_url}/model/parse",
        params={"token": stack.rasa_token},
        json={"text": text},
        timeout=30,
    )
    response.raise_for_status()
    return dict(response.json())


@pytest.mark.parametrize("sentence", ["Haluan töitä Jyväskylässä", "Åbo", "Jag söker jobb i Esbo"])
def test_decomposed_text_parses_as_composed(live_stack: LiveStack, sentence: str) -> None:
    composed = _parse(live_stack, unicodedata.normalize("NFC", sentence))
    decomposed = _parse(live_stack, unicodedata.normalize("NFD", sentence))
    assert decomposed["intent"]["name"] == composed["intent"]["name"]
    assert decomposed["intent"]["confidence"] == pytest.approx(composed["intent"]["confidence"])
    assert [(e["entity"], e["value"]) for e in decomposed["entities"]] == [
        (e["entity"], e["value"]) for e in composed["entities"]
    ]
    assert decomposed["intent"]["name"] != "deny"


def test_decomposed_city_answer_fills_the_city_and_the_tracker_stores_nfc(live_stack: LiveStack) -> None:
    sender = f"nfd-{uuid.uuid4().hex[:10]}"
    for answer in ("/greet", '/inform{"answer":"job"}', '/inform{"answer":"software"}'):
        _say(live_stack, sender, answer, "sv")
    assert live_stack.tracker(sender)["slots"]["requested_slot"] == "city"
    decomposed = unicodedata.normalize("NFD", "Åbo")
    assert decomposed != "Åbo"
    _say(live_stack, sender, decomposed, "sv")
    tracker = live_stack.tracker(sender)
    assert tracker["slots"]["city"] == "Turku"
    texts = [e.get("text") or "" for e in tracker["events"] if e["event"] == "user"]
    assert "Åbo" in texts
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


def test_logs_hold_no_personal_data_and_no_spurious_errors(live_stack: LiveStack) -> None:
    senders = []
    for language in ("fi", "en"):
        sender = f"logs-{language}-{uuid.uuid4().hex[:8]}"
        senders.append(sender)
        _say(live_stack, sender, "/greet", language)
        for text in TYPED:
            assert _say(live_stack, sender, text, language), text
    client = SocketIO(live_stack, {"Origin": live_stack.web_url})
    try:
        session = uuid.uuid4().hex
        senders.append(session)
        client.emit("session_request", {"session_id": session})
        assert client.next_event()[0] == "session_confirm"
        client.emit(
            "user_uttered", {"message": TYPED[0], "session_id": session, "metadata": {"language": "fi"}}
        )
        assert client.next_event(timeout=60)[0] == "bot_uttered"
    finally:
        client.close()

    lines = [
        (path.name, line)
        for path in sorted(live_stack.log_dir.glob("*.*"))
        for line in path.read_text(errors="replace").splitlines()
    ]
    assert lines
    leaks = [
        (name, line) for name, line in lines if any(p.lower() in line.lower() for p in PERSONAL + TYPED[:2])
    ]
    assert not leaks, leaks[:5]
    # Rasa's own log files: no spurious ERROR line, no traceback; a real error (in this
    # session, the action-server faults of test_action_server_down.py) is ONE line that
    # names its conversation.
    rasa_lines = [(name, line) for name, line in lines if name.startswith("rasa.")]
    errors = [(name, line) for name, line in rasa_lines if re.search(r"\bERROR\b|\[error|Traceback", line)]
    spurious = [(name, line) for name, line in errors if not re.search(r"conversation \S+", line)]
    assert not spurious, spurious[:5]
    assert not [(name, line) for name, line in errors if any(sender in line for sender in senders)]


@pytest.mark.parametrize("origins", ["*", ""])
def test_rasa_itself_refuses_production_with_any_origin(tmp_path: Path, origins: str) -> None:
    """Even started without scripts/rasa_launch.py, the channels stop Rasa with one clear line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIGIPOINT_")}
    env.update(
        DIGIPOINT_ENV="production",
        ALLOWED_ORIGINS=origins,
        ACTION_ENDPOINT_URL="http://127.0.0.1:9/webhook",
        ACTION_SERVER_TOKEN="refused",
        TRACKER_DB_URL=f"sqlite:///{tmp_path / 'tracker.db'}",
        LOCK_STORE_URL="memory://",
        PYTHONPATH=str(ROOT),
        RASA_TELEMETRY_ENABLED="false",
    )
    command = [
        str(ROOT / ".venv-rasa" / "bin" / "rasa"),
        "run",
        "--model",
        str(ROOT / "models" / "digipoint.tar.gz"),
    ]
    command += ["--port", "9", "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"]
    finished = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert finished.returncode == 1
    assert "OriginsRefused: DigiPoint's REST channel refuses to start" in finished.stdout + finished.stderr
