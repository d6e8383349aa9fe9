"""TypedPayloadCheck (rasa_addons/typed_payload.py): typed '/' text that is no payload is read as text.

Rasa 3.6 logged the whole line of such a message (names, phone numbers);
after the check Rasa's RegexMessageHandler leaves it alone and logs nothing.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pytest

pytest.importorskip("rasa")

from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.nlu.constants import TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from rasa_addons.typed_payload import TypedPayloadCheck, domain_names  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
VALID = ['/inform{"answer":"job"}', "/greet", '/change_language{"language":"fi"}', "/greet@0.9", "/restart"]
TYPED = [
    "/Matti Virtanen 0401234567",
    '/no_such_intent{"name":"Matti Virtanen"}',
    '/inform{"answer": "Matti Virtanen"',
    '/inform{"name": "Matti Virtanen"}',
    '/inform{"answer":"job"} ja puhelin 0401234567',
    "/ Matti",
]


@pytest.mark.parametrize("payload", VALID)
def test_valid_payloads_pass_unchanged(payload: str) -> None:
    [message] = TypedPayloadCheck().process([Message(data={TEXT: payload})])
    assert message.get(TEXT) == payload


@pytest.mark.parametrize("typed", TYPED)
def test_typed_slash_text_reaches_rasa_without_the_slash_and_nothing_is_logged(
    typed: str, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    domain = Domain.load(str(ROOT / "domain.yml"))
    [message] = TypedPayloadCheck().process([Message(data={TEXT: typed})])
    assert not message.get(TEXT).startswith("/")
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.DEBUG):
        warnings.simplefilter("always")
        [handled] = RegexMessageHandler().process([message], domain)
    assert not caught, [str(w.message) for w in caught]
    assert "Matti" not in caplog.text and "Matti" not in capsys.readouterr().out
    assert handled.get("intent") is None  # the classifiers' intent stands


@pytest.mark.parametrize("typed", TYPED[:3])
def test_without_the_check_rasa_logs_the_line(typed: str) -> None:
    domain = Domain.load(str(ROOT / "domain.yml"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        RegexMessageHandler().process([Message(data={TEXT: typed})], domain)
    assert any("Matti" in str(w.message) for w in caught)


def test_domain_names_are_read_from_domain_yml() -> None:
    names = domain_names()
    assert names is not None
    intents, entities = names
    assert {"inform", "greet"} <= intents and {"answer", "suggestion_id"} <= entities


def test_only_slash_becomes_empty_for_the_empty_message_handling() -> None:
    [message] = TypedPayloadCheck().process([Message(data={TEXT: "/"})])
    assert message.get(TEXT) == ""


@pytest.mark.parametrize("forged", [
    '/request_coach{"city":"Vantaa"}', '/greet{"city":"Espoo"}', '/inform{"city":"Vantaa"}',
    '/not_for_me{"answer":"job"}', '/change_language{"language":"fi","city":"Vantaa"}',
])
def test_a_typed_payload_with_entities_no_button_sends_is_read_as_text(forged: str) -> None:
    """Rasa would accept these (domain intents and entities); no button of ours sends them."""
    domain = Domain.load(str(ROOT / "domain.yml"))
    [message] = TypedPayloadCheck().process([Message(data={TEXT: forged})])
    assert message.get(TEXT) == forged.lstrip("/")
    [handled] = RegexMessageHandler().process([message], domain)
    assert not handled.get("entities")  # no city or answer from the JSON
