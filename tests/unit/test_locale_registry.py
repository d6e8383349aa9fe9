"""The locale registry (bot/locale): one list of languages, tags mapped without traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import i18n
from bot.catalogue.importers import common
from bot.esco.models import ESCO_LANGUAGES
from bot.guidance import vocabulary
from bot.locale import registry
from bot.locale.registry import LocaleRegistryError, Registry


def test_the_shipped_registry_lists_finnish_swedish_and_english_in_display_order() -> None:
    assert registry.codes() == ("fi", "sv", "en")
    assert [loc.name for loc in registry.locales()] == ["Suomi", "Svenska", "English"]
    assert registry.default_code() == "en"
    assert all(loc.direction == "ltr" for loc in registry.locales())


@pytest.mark.parametrize(
    ("tag", "code"),
    [("fi-FI", "fi"), ("sv_SE", "sv"), ("FI", "fi"), ("sv-FI", "sv"), ("en_GB.UTF-8", "en"),
     ("fin", "fi"), ("swe", "sv"), ("fi-x-plain", "fi"), (" en ", "en")],
)
def test_normalise_maps_browser_and_source_tags_to_registry_codes(tag: str, code: str) -> None:
    assert registry.normalise(tag) == code
    assert registry.is_supported(tag)


@pytest.mark.parametrize("tag", ["fil", "svenska", "finnish", "", "x", None, "uk", "e"])
def test_normalise_never_truncates_an_unknown_tag_into_a_known_one(tag: str | None) -> None:
    assert registry.normalise(tag) is None
    assert registry.normalise(tag, "en") == "en"
    assert not registry.is_supported(tag)


def test_plain_finnish_is_a_register_of_finnish_that_falls_back_to_finnish() -> None:
    assert registry.get("fi").registers["plain"].name == "selkosuomi"
    assert registry.fallback_chain("fi", "plain") == ("fi-x-plain", "fi", "en", "sv")
    assert registry.fallback_chain("fi") == ("fi", "en", "sv")
    assert registry.fallback_chain("sv", "plain") == ("sv", "en", "fi")
    assert registry.parse("fi-x-plain") == ("fi", "plain")
    assert registry.parse("fi-x-unknown") == ("fi", None)
    assert registry.parse("fil") is None


def test_every_chain_ends_with_the_default_and_names_each_locale_once() -> None:
    for code in registry.codes():
        chain = registry.fallback_chain(code)
        assert chain[0] == code and "en" in chain and len(chain) == len(set(chain))


def test_get_of_an_unknown_code_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known: fi, sv, en"):
        registry.get("so")
    with pytest.raises(ValueError, match="unknown capability"):
        registry.codes("spellchecker")


def test_the_modules_that_used_their_own_list_read_the_registry() -> None:
    assert set(i18n.LANGUAGES) == set(vocabulary.LANGUAGES) == set(common.LANGUAGES) == {"fi", "sv", "en"}
    assert ESCO_LANGUAGES == registry.codes("esco_labels")
    assert common.FALLBACK_ORDER == {"fi": ("en", "sv"), "sv": ("en", "fi"), "en": ("fi", "sv")}
    assert i18n.normalise_language("sv_SE") == "sv"
    assert i18n.normalise_language("fil") == "en"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "locales.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_registry_file_can_add_a_right_to_left_locale_with_a_longer_code(tmp_path: Path) -> None:
    reg = Registry.from_file(_write(tmp_path, """
default: en
locales:
  - {code: en, name: English, fallbacks: [], capabilities: {nlu_data: true}}
  - {code: ar, name: العربية, direction: rtl, fallbacks: [en], aliases: [ara]}
  - {code: sr-Latn, name: srpski, fallbacks: [en]}
"""))
    assert reg.codes() == ("en", "ar", "sr-Latn")
    assert reg.codes("nlu_data") == ("en",)
    assert reg.get("ar-EG").direction == "rtl"
    assert reg.normalise("ara") == "ar"
    assert reg.normalise("sr_Latn_RS") == "sr-Latn"
    assert reg.normalise("sr") is None
    assert reg.fallback_chain("ar") == ("ar", "en")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("default: en\nlocales:\n  - {code: en, name: English, fallbacks: [xx]}\n", "fallback 'xx'"),
        ("default: fi\nlocales:\n  - {code: en, name: English}\n", "default 'fi'"),
        ("default: en\nlocales:\n  - {code: en, name: English, direction: up}\n", "ltr or rtl"),
        ("default: en\nlocales:\n  - {code: en, name: English}\n  - {code: EN, name: E}\n", "listed twice"),
        ("default: en\nlocales:\n  - {code: en, name: English, capabilities: {tts: 1}}\n", "capability tts"),
        ("default: en\nlocales:\n  - {code: en}\n", "own 'name'"),
        ("default: en\nlocales: [\n", "not valid YAML"),
        ("default: en\n", "'locales' list"),
    ],
)
def test_a_malformed_registry_file_gives_one_clear_error(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(LocaleRegistryError, match=message):
        Registry.from_file(_write(tmp_path, body))


def test_numbers_shown_to_people_use_the_locales_decimal_separator() -> None:
    assert registry.format_decimal(3.44, "fi") == "3,4"
    assert registry.format_decimal(3.44, "sv_SE") == "3,4"
    assert registry.format_decimal(3.45, "en", digits=2) == "3.45"
    assert registry.format_decimal(2.0, None) == "2.0"
