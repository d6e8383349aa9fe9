"""UnicodeNFC (rasa_addons/unicode_nfc.py): decomposed text reads like composed text.

The component tests need no model; the parse tests load the trained model
(models/digipoint.tar.gz) and are skipped when it has not been trained yet
(``make test`` trains it after this folder's tests; the live tests check the
same through the running server).
"""

from __future__ import annotations

import asyncio
import unicodedata
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rasa")

import yaml  # noqa: E402
from rasa.shared.nlu.constants import TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from rasa_addons.unicode_nfc import UnicodeNFC, nfc  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "digipoint.tar.gz"
SENTENCES = ["Haluan töitä Jyväskylässä", "Åbo", "Jag vill studera i Åbo", "Bor i Esbo, söker jobb"]


def test_decomposed_text_becomes_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Haluan töitä Jyväskylässä")
    assert decomposed != "Haluan töitä Jyväskylässä"  # 'a' + U+0308 ...
    [message] = UnicodeNFC().process([Message(data={TEXT: decomposed})])
    assert message.get(TEXT) == "Haluan töitä Jyväskylässä"
    assert unicodedata.is_normalized("NFC", message.get(TEXT))


def test_composed_and_plain_text_are_left_as_they_are() -> None:
    text = "Åbo"
    message = Message(data={TEXT: text})
    UnicodeNFC().process([message])
    assert message.get(TEXT) is text
    assert nfc(None) is None
    assert nfc("") == ""


def test_training_examples_are_normalised_too() -> None:
    data = TrainingData([Message(data={TEXT: unicodedata.normalize("NFD", "Åbo"), "intent": "inform"})])
    UnicodeNFC().process_training_data(data)
    assert data.training_examples[0].get(TEXT) == "Åbo"


def test_the_component_is_first_in_the_pipeline() -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    assert config["pipeline"][0]["name"] == "rasa_addons.unicode_nfc.UnicodeNFC"


@pytest.fixture(scope="module")
def agent() -> Any:
    if not MODEL.exists():
        pytest.skip("models/digipoint.tar.gz is not trained yet (scripts/train_if_needed.sh)")
    from rasa.core.agent import Agent

    return Agent.load(str(MODEL))


def _parse(agent: Any, text: str) -> dict[str, Any]:
    return dict(asyncio.run(agent.parse_message(text)))


@pytest.mark.parametrize("sentence", SENTENCES)
def test_decomposed_message_parses_exactly_as_composed(agent: Any, sentence: str) -> None:
    composed = _parse(agent, unicodedata.normalize("NFC", sentence))
    decomposed = _parse(agent, unicodedata.normalize("NFD", sentence))
    assert decomposed["text"] == unicodedata.normalize("NFC", sentence)
    assert decomposed["intent"] == composed["intent"]
    entities = [(e["entity"], e["value"]) for e in decomposed["entities"]]
    assert entities == [(e["entity"], e["value"]) for e in composed["entities"]]
    assert all(unicodedata.is_normalized("NFC", str(value)) for _, value in entities)


def test_decomposed_abo_is_found_as_the_city_turku(agent: Any) -> None:
    parsed = _parse(agent, unicodedata.normalize("NFD", "Åbo"))
    assert ("city", "Turku") in [(e["entity"], e["value"]) for e in parsed["entities"]]


def test_decomposed_job_wish_is_not_read_as_deny(agent: Any) -> None:
    parsed = _parse(agent, unicodedata.normalize("NFD", "Haluan töitä Jyväskylässä"))
    assert parsed["intent"]["name"] != "deny"
    assert parsed["intent"]["name"] == _parse(agent, "Haluan töitä Jyväskylässä")["intent"]["name"]
