"""rasa_addons/nlg.py: every reply Rasa sends by name, from the catalogue, in the person's language.

domain.yml lists response names only; CatalogueNLG (endpoints.yml ``nlg:``)
builds each from bot/locale/messages/<locale>/responses.ftl and
bot/locale/responses.yml. Run in .venv-rasa:
``.venv-rasa/bin/python -m pytest -q -p no:cacheprovider --noconftest tests/rasa_env/test_nlg.py``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("rasa")

from rasa.core.nlg.generator import NaturalLanguageGenerator  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import SlotSet  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402
from rasa.utils.endpoints import read_endpoint_config  # noqa: E402

from bot.locale import catalogue  # noqa: E402
from rasa_addons.nlg import CatalogueNLG, load_structure  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("en", "fi", "sv")


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture(scope="module")
def nlg(domain: Domain) -> CatalogueNLG:
    return CatalogueNLG(endpoint_config=None, domain=domain)


def _slots(domain: Domain, **values: Any) -> dict[str, Any]:
    slots: dict[str, Any] = {slot.name: slot.initial_value for slot in domain.slots}
    slots.update(values)
    return slots


def _reply(nlg: CatalogueNLG, domain: Domain, name: str, **slots: Any) -> dict[str, Any]:
    reply = nlg.generate_from_slots(name, _slots(domain, **slots), "rest")
    assert reply is not None, name
    return reply


def test_domain_holds_names_only_and_every_name_has_a_structure(domain: Domain) -> None:
    names = set(domain.responses)
    assert len(names) >= 26
    assert all(variations == [] for variations in domain.responses.values())
    assert set(load_structure()) == names


def test_endpoints_yml_makes_rasa_build_this_generator(
    domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("ACTION_ENDPOINT_URL", "ACTION_SERVER_TOKEN", "TRACKER_DB_URL", "LOCK_STORE_URL"):
        monkeypatch.setenv(name, "x")
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "nlg")
    assert isinstance(NaturalLanguageGenerator.create(config, domain), CatalogueNLG)


@pytest.mark.parametrize("language", LANGS)
def test_every_response_has_its_own_text_and_titles_in_every_language(
    nlg: CatalogueNLG, domain: Domain, language: str
) -> None:
    for name in domain.responses:
        reply = _reply(nlg, domain, name, language=language)
        assert reply["text"].strip(), (name, language)
        assert all(button["title"].strip() for button in reply.get("buttons", [])), name
        for key in [f"responses.{name[len('utter_') :]}"]:
            assert catalogue.has(key, language), (key, language)


def test_buttons_send_the_same_payloads_in_every_language(nlg: CatalogueNLG, domain: Domain) -> None:
    with_buttons = 0
    for name in domain.responses:
        payloads = {
            lang: [b["payload"] for b in _reply(nlg, domain, name, language=lang).get("buttons", [])]
            for lang in LANGS
        }
        assert payloads["fi"] == payloads["en"] == payloads["sv"], name
        with_buttons += bool(payloads["en"])
    assert with_buttons >= 8


def test_texts_are_the_ones_the_domain_variations_gave(nlg: CatalogueNLG, domain: Domain) -> None:
    welcome = _reply(nlg, domain, "utter_welcome", language="fi")
    assert welcome["text"].startswith("Moi! Olen DigiPoint, chatbot.")
    assert [b["title"] for b in welcome["buttons"]] == [
        "Suomeksi",
        "På svenska",
        "In English",
        "Mitä tallennat?",
    ]
    assert welcome["buttons"][0]["payload"] == '/change_language{"language":"fi"}'
    city = _reply(nlg, domain, "utter_ask_city", language="sv")
    assert city["text"] == "Var vill du jobba eller studera?"
    assert [b["title"] for b in city["buttons"]][:2] == ["Åbo", "Esbo"]
    assert city["buttons"][0]["payload"] == '/inform{"answer":"Turku"}'
    assert _reply(nlg, domain, "utter_thank", language="en") == {"text": "You're welcome! I'm glad to help."}


@pytest.mark.parametrize("language", LANGS)
def test_entity_payloads_are_plain_json_that_rasa_parses(
    nlg: CatalogueNLG, domain: Domain, language: str
) -> None:
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.message import Message

    payloads = [
        b["payload"]
        for name in domain.responses
        for b in _reply(nlg, domain, name, language=language).get("buttons", [])
        if "{" in b["payload"]
    ]
    assert payloads
    handler = RegexMessageHandler()
    for payload in payloads:
        assert "{{" not in payload, payload
        intent, _, entities = payload[1:].partition("{")
        expected = json.loads("{" + entities)
        [message] = handler.process([Message(data={TEXT: payload})], domain)
        assert message.get("intent")["name"] == intent, payload
        assert {e["entity"]: e["value"] for e in message.get("entities")} == expected, payload


@pytest.mark.parametrize("language", [None, "", "de", "xx-YY"])
def test_an_unknown_or_missing_language_gets_the_default_english(
    nlg: CatalogueNLG, domain: Domain, language: Any
) -> None:
    assert _reply(nlg, domain, "utter_goodbye", language=language)["text"].startswith("Bye for now")


@pytest.mark.parametrize(
    ("language", "asked", "kept"),
    [
        ("en", "12 quick questions", "I kept your interest answers"),
        ("fi", "12 nopeaa kysymystä", "Säilytin kiinnostusvastauksesi"),
        ("sv", "12 snabba frågor", "Jag sparade dina svar om intressen"),
    ],
)
def test_interest_intro_follows_the_restored_slot(
    nlg: CatalogueNLG, domain: Domain, language: str, asked: str, kept: str
) -> None:
    assert next(s for s in domain.slots if s.name == "interests_restored").initial_value is False
    assert asked in _reply(nlg, domain, "utter_interest_intro", language=language)["text"]
    assert (
        kept
        in _reply(nlg, domain, "utter_interest_intro", language=language, interests_restored=True)["text"]
    )
    # An action's utter_message(response=..., interests_restored=True) wins over the slot.
    reply = nlg.generate_from_slots(
        "utter_interest_intro", _slots(domain, language=language), "rest", interests_restored=True
    )
    assert reply is not None and kept in reply["text"]


def test_an_unknown_response_logs_one_error_and_sends_nothing(
    nlg: CatalogueNLG, domain: Domain, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="rasa_addons.nlg"):
        assert nlg.generate_from_slots("utter_no_such_reply", _slots(domain, language="fi"), "rest") is None
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "utter_no_such_reply" in errors[0].getMessage()


def test_generate_reads_the_trackers_language(nlg: CatalogueNLG, domain: Domain) -> None:
    tracker = DialogueStateTracker.from_events("t", [SlotSet("language", "sv")], domain.slots)
    reply = asyncio.run(nlg.generate("utter_resume_form", tracker, "socketio", domain_responses={}))
    assert reply == {"text": "Vi fortsätter."}


@pytest.fixture()
def plain_finnish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A copy of the catalogue with a plain-Finnish (fi-x-plain) wording of utter_thank only."""
    messages = tmp_path / "messages"
    shutil.copytree(catalogue.MESSAGES_DIR, messages)
    (messages / "fi-x-plain").mkdir(exist_ok=True)
    (messages / "fi-x-plain" / "responses.ftl").write_text(
        "responses-thank = Kiitos itsellesi!\n", encoding="utf-8"
    )
    monkeypatch.setattr(catalogue, "MESSAGES_DIR", messages)
    catalogue.reload()
    yield
    catalogue.reload()


def test_the_register_slot_picks_the_register_and_falls_back_to_its_language(plain_finnish: Any) -> None:
    data = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    data["slots"]["register"] = {
        "type": "text",
        "influence_conversation": False,
        "mappings": [{"type": "custom"}],
    }
    with_register = Domain.from_dict(data)
    nlg = CatalogueNLG(endpoint_config=None, domain=with_register)
    slots = {"language": "fi", "register": "plain", "interests_restored": False}
    assert nlg.generate_from_slots("utter_thank", slots, "rest") == {"text": "Kiitos itsellesi!"}
    assert nlg.generate_from_slots("utter_resume_form", slots, "rest") == {"text": "Jatketaan."}
    # A domain without a register slot ignores a value under that name.
    without = CatalogueNLG(endpoint_config=None, domain=Domain.load(str(ROOT / "domain.yml")))
    assert without.generate_from_slots("utter_thank", slots, "rest") == {
        "text": "Ole hyvä! Autan mielelläni."
    }
