"""Per-city contacts: employment services and crisis lines."""

from __future__ import annotations

import pytest

from bot.config.cities import city_config, known_cities


def test_every_covered_city_has_its_own_entry() -> None:
    assert set(known_cities()) == {"Turku", "Espoo", "Helsinki", "Vantaa"}


@pytest.mark.parametrize("city", ["Turku", "Espoo", "Helsinki", "Vantaa", None])
@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_contacts_are_complete_in_every_language(city: str | None, lang: str) -> None:
    config = city_config(city)
    service = config.service(lang)
    assert service["name"] and service["phone"] and service["hours"]
    assert service["url"].startswith("https://")
    crisis = config.crisis(lang)
    assert crisis["emergency"] == "112"
    assert crisis["name"] and crisis["phone"] and crisis["url"].startswith("https://")


def test_crisis_line_number_follows_the_language() -> None:
    config = city_config("Espoo")
    assert config.crisis("fi")["phone"] == "09 2525 0111"
    assert config.crisis("sv")["phone"] == "09 2525 0112"
    assert config.crisis("en")["phone"] == "09 2525 0116"


def test_city_names_per_language() -> None:
    assert city_config("Turku").name("sv") == "Åbo"
    assert city_config("Espoo").name("sv") == "Esbo"
    assert city_config("Helsinki").name("fi") == "Helsinki"


@pytest.mark.parametrize("city", [None, "", "online", "skipped", "Atlantis", "<b>x</b>"])
def test_unknown_city_gives_the_default(city: str | None) -> None:
    assert city_config(city).key == "default"


def test_city_lookup_ignores_letter_case() -> None:
    assert city_config("vantaa").key == "Vantaa"
    assert city_config("Vantaa").service("fi")["name"] == "Vantaan työllisyyspalvelut"


def test_city_values_override_default_and_keep_the_rest() -> None:
    turku = city_config("Turku")
    assert turku.service("en")["visit"]
    assert turku.service("en")["hours"] == city_config(None).service("en")["hours"]
    assert city_config("Helsinki").service("en")["visit"] == ""
