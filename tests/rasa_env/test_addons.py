"""Tests of rasa_addons/, run in the Rasa environment (Python 3.10, Rasa 3.6).

``make test`` runs them with ``.venv-rasa/bin/python -m pytest tests/rasa_env``;
the Python 3.11 test run skips this folder (Rasa is not installed there).
"""

from __future__ import annotations

import pytest

pytest.importorskip("rasa")

from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from rasa_addons.long_message import EmptyMessagePlaceholder, LongMessageGuard  # noqa: E402
from rasa_addons.origins import OriginsRefused  # noqa: E402
from rasa_addons.socketio_channel import RestrictedSocketIOInput  # noqa: E402


def _classified(text: str) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": "greet", "confidence": 0.9}, add_to_output=True)
    message.set(ENTITIES, [{"entity": "city", "value": "Espoo"}], add_to_output=True)
    return message


def test_message_over_the_limit_becomes_message_too_long_without_entities() -> None:
    guard = LongMessageGuard({"max_chars": 2000})
    [message] = guard.process([_classified("a" * 2001)])
    assert message.get(INTENT) == {"name": "message_too_long", "confidence": 1.0}
    assert message.get(ENTITIES) == []
    assert message.get(TEXT) == "a" * 2001  # the text itself is kept


def test_message_at_the_limit_keeps_its_intent() -> None:
    text = ("I worked in a shop in Espoo. " * 80)[:2000]
    [message] = LongMessageGuard({"max_chars": 2000}).process([_classified(text)])
    assert message.get(INTENT)["name"] == "greet"
    assert message.get(ENTITIES) == [{"entity": "city", "value": "Espoo"}]


@pytest.mark.parametrize(
    "text", ["a" * 2000, "a" * 30, "ha" * 20, "k " * 30, "😀" * 40]
)
def test_text_without_words_becomes_nlu_fallback_and_says_nothing(text: str) -> None:
    # "a" pasted 2,000 times (the widget's limit) was read as affirm and shared a summary
    [message] = LongMessageGuard({"max_chars": 2000}).process([_classified(text)])
    assert message.get(INTENT) == {"name": "nlu_fallback", "confidence": 1.0}
    assert message.get(ENTITIES) == []
    assert message.get(TEXT) == text


@pytest.mark.parametrize(
    "text", ["yes " * 10, "a" * 29, "hahahaha", "n" + "o" * 28 + "!!", "I worked in a shop. " * 5]
)
def test_short_or_worded_repetition_keeps_its_intent(text: str) -> None:
    [message] = LongMessageGuard({"max_chars": 2000}).process([_classified(text)])
    assert message.get(INTENT)["name"] == "greet"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_message_becomes_nlu_fallback_so_the_bot_answers(text: str) -> None:
    [placeheld] = EmptyMessagePlaceholder().process([Message(data={TEXT: text})])
    assert placeheld.get(TEXT).strip()  # the classifiers get something to read
    placeheld.set(INTENT, {"name": "greet", "confidence": 0.9}, add_to_output=True)
    [message] = LongMessageGuard({"max_chars": 2000}).process([placeheld])
    assert message.get(INTENT)["name"] == "nlu_fallback"


def test_socketio_accepts_only_configured_origins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://www.espoo.fi,https://www.turku.fi/")
    monkeypatch.delenv("DIGIPOINT_ENV", raising=False)
    channel = RestrictedSocketIOInput(session_persistence=True)
    assert channel.origin_allowed("https://www.espoo.fi")
    assert channel.origin_allowed("https://www.turku.fi")
    assert not channel.origin_allowed("https://evil.example")
    assert channel.origin_allowed(None)  # non-browser clients send no Origin


def test_socketio_star_is_refused_outside_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_ORIGINS", "*")
    monkeypatch.delenv("DIGIPOINT_ENV", raising=False)
    assert not RestrictedSocketIOInput().origin_allowed("https://evil.example")
    monkeypatch.setenv("DIGIPOINT_ENV", "production")
    with pytest.raises(OriginsRefused):  # production does not even start
        RestrictedSocketIOInput()
    monkeypatch.setenv("DIGIPOINT_ENV", "development")
    assert RestrictedSocketIOInput().origin_allowed("https://anything.example")
