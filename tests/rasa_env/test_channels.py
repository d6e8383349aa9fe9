"""Input channels (rasa_addons/rest_channel.py, socketio_channel.py, origins.py).

The REST channel runs in a real Sanic server on a free port; its
``on_new_message`` records the UserMessage and answers through the channel's
collector, as Rasa's agent does. The full path through Rasa is in
tests/live/test_logs_and_channels.py.
"""

from __future__ import annotations

import asyncio
import socket
import unicodedata
import uuid
from typing import Any

import pytest

pytest.importorskip("rasa")

import aiohttp  # noqa: E402
from rasa.core.channels.channel import UserMessage  # noqa: E402
from sanic import Sanic  # noqa: E402

from rasa_addons.action_guard import fault_text  # noqa: E402
from rasa_addons.origins import DEFAULT_ALLOWED_ORIGINS, OriginsRefused, resolve_allowed_origins  # noqa: E402
from rasa_addons.rest_channel import DigiPointRestInput, sender_problem  # noqa: E402
from rasa_addons.socketio_channel import RestrictedSocketIOInput  # noqa: E402
from rasa_addons.tracker_store import MAX_SENDER_ID_LENGTH  # noqa: E402


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ALLOWED_ORIGINS", raising=False)
    monkeypatch.delenv("DIGIPOINT_ENV", raising=False)


@pytest.mark.parametrize("origins", ["*", "", " , ", "https://www.espoo.fi,*"])
@pytest.mark.parametrize("channel", [DigiPointRestInput, RestrictedSocketIOInput])
def test_production_refuses_star_or_no_origins_at_start(
    monkeypatch: pytest.MonkeyPatch, origins: str, channel: Any
) -> None:
    monkeypatch.setenv("DIGIPOINT_ENV", "production")
    monkeypatch.setenv("ALLOWED_ORIGINS", origins)
    with pytest.raises(OriginsRefused, match="ALLOWED_ORIGINS must list"):
        channel()


def test_production_with_listed_origins_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGIPOINT_ENV", "production")
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://www.espoo.fi, https://www.turku.fi/")
    assert DigiPointRestInput().allowed_origins == ["https://www.espoo.fi", "https://www.turku.fi"]
    assert RestrictedSocketIOInput().origin_allowed("https://www.turku.fi")


def test_outside_production_star_is_dropped_unless_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_ORIGINS", "*")
    assert resolve_allowed_origins(None, "REST") == list(DEFAULT_ALLOWED_ORIGINS)
    monkeypatch.setenv("DIGIPOINT_ENV", "development")
    assert resolve_allowed_origins(None, "REST") == ["*"]


def test_sender_checks() -> None:
    assert sender_problem("a" * MAX_SENDER_ID_LENGTH) is None
    assert sender_problem(12345) is None
    assert sender_problem("a" * (MAX_SENDER_ID_LENGTH + 1)) == "sender_id_too_long"
    for missing in (None, "", "  ", True, {"id": 1}):
        assert sender_problem(missing) == "sender_missing"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _serve_and_post(requests: list[dict[str, Any]]) -> tuple[list[tuple[int, Any]], list[UserMessage]]:
    """One real Sanic server (Sanic patches itself at start: one per process) for every request.

    ``on_new_message`` fails for the sender ``boom`` (after reading the text, as Rasa would).
    """
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        if message.sender_id == "boom":
            raise RuntimeError(f"failed on {message.text}")
        received.append(message)
        await message.output_channel.send_text_message(message.sender_id, f"got {len(message.text or '')}")

    app = Sanic(f"rest_{uuid.uuid4().hex[:8]}")
    app.blueprint(DigiPointRestInput().blueprint(on_new_message), url_prefix="/webhooks/rest")
    port = _free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    answers: list[tuple[int, Any]] = []
    try:
        async with aiohttp.ClientSession() as session:
            for request in requests:
                async with session.post(
                    f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                    json=request.get("json"),
                    headers=request.get("headers", {}),
                ) as response:
                    answers.append((response.status, await response.json()))
    finally:
        server.close()
        await server.wait_closed()
    return answers, received


def test_rest_channel_end_to_end(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://www.espoo.fi")
    decomposed = unicodedata.normalize("NFD", "Åbo")
    metadata = {"language": "sv", "city": "Turku"}
    answers, received = asyncio.run(
        _serve_and_post(
            [
                {"json": {"sender": "p1", "message": decomposed, "metadata": metadata}},
                {"json": {"sender": "x" * 300, "message": "hei", "metadata": {"language": "fi"}}},
                {"json": {"message": "hello"}},
                {"json": {"sender": "p1", "message": "hi"}, "headers": {"Origin": "https://evil.example"}},
                {"json": {"sender": "p1", "message": "hi"}, "headers": {"Origin": "https://www.espoo.fi"}},
                {"json": {"sender": "a\x00b", "message": "hi"}},
                {"json": {"sender": "boom", "message": "Matti Virtanen", "metadata": {"language": "fi"}}},
            ]
        )
    )
    assert answers[0] == (200, [{"recipient_id": "p1", "text": "got 3"}])
    assert answers[1] == (
        400,
        {"error": "sender_id_too_long", "max_length": 255, "message": fault_text("id_too_long", "fi")},
    )
    assert answers[2][0] == 400 and answers[2][1]["error"] == "sender_missing"
    assert answers[3] == (403, {"error": "origin_not_allowed"})
    assert answers[4][0] == 200
    assert answers[5][0] == 400 and answers[5][1]["error"] == "sender_id_invalid"
    # A failure while handling: the apology, and one log line with the conversation id, no text.
    assert answers[6] == (200, [{"recipient_id": "boom", "text": fault_text("try_again", "fi")}])
    failures = [r for r in caplog.records if r.name.startswith("rasa_addons") and r.levelname == "ERROR"]
    assert len(failures) == 1 and "boom" in failures[0].getMessage()
    assert "Matti" not in caplog.text
    # Only the accepted requests reached Rasa; text in NFC, metadata as sent.
    assert [m.sender_id for m in received] == ["p1", "p1"]
    assert received[0].text == "Åbo" and unicodedata.is_normalized("NFC", received[0].text)
    assert received[0].metadata == metadata
    assert received[0].input_channel == "rest"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fi-FI,fi;q=0.9,en;q=0.8", "fi"),
        ("sv_SE", "sv"),
        ("de-DE,de;q=0.9,sv;q=0.5", "sv"),  # German is not served: the next listed language is
        ("fil-PH", ""),  # Filipino is not Finnish, whatever its first two letters
        ("", ""),
        (None, ""),
    ],
)
def test_the_socket_language_comes_from_the_registry_not_two_letters(header: Any, expected: str) -> None:
    """A browser's Accept-Language gives the first language DigiPoint speaks; an apology then uses it."""
    from rasa_addons.socketio_channel import accepted_language

    assert accepted_language(header) == expected


@pytest.mark.parametrize(
    ("metadata", "expected", "logged"),
    [
        ({"language": "sv_SE"}, "sv", False),
        ({"language": "FI-fi"}, "fi", False),
        ({"language": "fi-x-plain"}, "fi-x-plain", False),  # Finnish in the plain register
        ({"language": "fi-x-unknown"}, "fi", False),  # an unknown register: still Finnish
        ({"language": "fil"}, "en", True),  # Filipino is not Finnish: the default, one log line
        ({"language": 7}, "en", False),
        (None, "en", False),
    ],
)
def test_the_rest_language_is_a_registry_tag(
    metadata: Any, expected: str, logged: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """What the REST channel answers in: the registry's reading of the metadata, never its first letters."""
    from rasa_addons.rest_channel import metadata_language

    with caplog.at_level("INFO", logger="rasa_addons.channel_language"):
        assert metadata_language(metadata) == expected
    lines = [r for r in caplog.records if r.name == "rasa_addons.channel_language"]
    assert len(lines) == (1 if logged else 0)
    if logged:
        assert "'fil'" in lines[0].getMessage() and "REST channel" in lines[0].getMessage()


def test_the_socket_answers_in_the_first_language_the_registry_knows(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A page saying "de" and a browser accepting Swedish: the refusal is in Swedish, with one log line."""
    from rasa_addons.channel_language import channel_language

    with caplog.at_level("INFO", logger="rasa_addons.channel_language"):
        assert channel_language("de", None, "sv", source="socket.io channel") == "sv"
        assert channel_language("de", "", "klingon", source="socket.io channel") == "en"
    lines = [r.getMessage() for r in caplog.records if r.name == "rasa_addons.channel_language"]
    assert len(lines) == 1 and "'de', 'klingon'" in lines[0]
    assert fault_text("id_too_long", channel_language("sv_FI")) == fault_text("id_too_long", "sv")
