"""Every message of the catalogue exists in every locale with NLU data, with the same variables.

A text missing in Finnish would fall back to English for a Finnish reader
(bot/locale/catalogue.py): allowed for a register or a new locale, never for
the three languages DigiPoint ships. A variable missing in one language
would raise at run time (the person would get the apology instead).
"""

from __future__ import annotations

import pytest

from bot.i18n import all_keys, t
from bot.locale import catalogue, registry

SHIPPED = registry.codes("nlu_data")
KEYS = all_keys()
#: Variables that are two forms of one fact, always passed together: the served
#: cities' names and their place phrases (bot.contract.city_texts.served_cities).
#: A language uses the form its grammar needs ("Turussa, Espoossa ja Vantaalla"
#: in Finnish, "Turku, Espoo and Vantaa" in English).
SAME_FACT = {"cities_in": "cities"}


def _facts(names: frozenset[str]) -> frozenset[str]:
    return frozenset(SAME_FACT.get(name, name) for name in names)


def test_catalogue_has_the_guidance_topics() -> None:
    topics = {key.split(".")[0] for key in KEYS}
    assert {"goals", "confidence", "interests", "session", "support", "privacy", "faults"} <= topics


@pytest.mark.parametrize("key", KEYS)
def test_message_in_every_locale_with_same_variables(key: str) -> None:
    missing = [code for code in SHIPPED if not catalogue.has(key, code)]
    assert missing == [], f"{key} missing in {missing}"
    names = {code: catalogue.variables(key, code) for code in SHIPPED}
    assert len({_facts(frozenset(v)) for v in names.values()}) == 1, names
    values = {name: f"<{name}>" for v in names.values() for name in v}
    for code in SHIPPED:
        text = t(key, code, **values)
        assert text.strip() and "{" not in text.replace("{{", ""), (key, code, text)


def test_missing_variable_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(KeyError, match="emergency"):
        t("support.distress_emergency", "fi")


def test_unknown_key_names_the_key() -> None:
    with pytest.raises(KeyError, match="support.no_such_message"):
        t("support.no_such_message", "en")


def test_register_and_unknown_locale_fall_back() -> None:
    finnish = t("support.distress_emergency", "fi", emergency="112")
    assert t("support.distress_emergency", "fi", register="plain", emergency="112") == finnish
    assert t("support.distress_emergency", "fi-x-plain", emergency="112") == finnish
    assert t("support.distress_emergency", "xx", emergency="112").startswith("If you are in danger")
