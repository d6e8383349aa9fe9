"""Button payloads of domain.yml render without errors and reach the person unchanged.

Rasa fills ``{slot}`` placeholders in button payloads too; a payload written
``/inform{"answer":"job"}`` made one ERROR line per button ("The specified
slot name does not exist", rasa/core/nlg/interpolator.py). domain.yml writes
them with doubled braces, Rasa's escape.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rasa")

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def _rendered_buttons(domain: Domain, language: str) -> list[dict[str, Any]]:
    generator = TemplatedNaturalLanguageGenerator(domain.responses)
    slots: dict[str, Any] = {slot.name: None for slot in domain.slots}
    slots["language"] = language
    buttons: list[dict[str, Any]] = []
    for name in domain.responses:
        response = generator.generate_from_slots(name, dict(slots), "rest")
        buttons.extend((response or {}).get("buttons") or [])
    return buttons


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_every_button_renders_without_an_error_line(
    domain: Domain, language: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        buttons = _rendered_buttons(domain, language)
    assert buttons, "the domain has buttons"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_entity_payloads_reach_the_person_with_single_braces(domain: Domain, language: str) -> None:
    payloads = [b["payload"] for b in _rendered_buttons(domain, language) if "{" in b["payload"]]
    assert payloads
    for payload in payloads:
        assert "{{" not in payload and "0[" not in payload, payload
        intent, _, entities = payload[1:].partition("{")
        assert intent.isidentifier(), payload
        assert isinstance(json.loads("{" + entities), dict), payload


def test_the_interpolator_logs_nothing_for_escaped_json(caplog: pytest.LogCaptureFixture) -> None:
    from rasa.core.nlg.interpolator import interpolate_text

    with caplog.at_level(logging.DEBUG):
        text = interpolate_text('/inform{{"answer":"job"}}', {"language": "fi"})
    assert text == '/inform{"answer":"job"}'
    assert not caplog.records


def test_a_clicked_payload_still_parses_to_intent_and_entity(domain: Domain) -> None:
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.message import Message

    handler = RegexMessageHandler()
    [message] = handler.process([Message(data={TEXT: '/inform{"answer":"job"}'})], domain)
    assert message.get("intent")["name"] == "inform"
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("answer", "job")]
