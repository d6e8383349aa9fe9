"""Texts of the demo city pages in Finnish, Swedish and English (``page_text.yml``).

Strings may contain ``{city_in}``, replaced by the city's name in the form the
sentence needs ("in Helsinki" / "Helsingissä" / "i Helsingfors").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.locale import registry

_FILE = Path(__file__).with_name("page_text.yml")

#: Each language's name in itself, for the language links (bot/locale/locales.yml).
LANGUAGE_NAMES: dict[str, str] = {loc.code: loc.name for loc in registry.locales()}


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    with _FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def _along_chain(table: dict[str, Any], language: str) -> Any:
    """``table``'s entry for the first of the locale's fallback chain that has one.

    A language of the registry with no page texts yet (a new locale) gets
    its fallback language's texts, never a KeyError.
    """
    code = registry.normalise(language, registry.default_code()) or registry.default_code()
    for tag in registry.fallback_chain(code):
        if tag in table:
            return table[tag]
    return table[registry.default_code()]


def texts(language: str) -> dict[str, Any]:
    """The raw page texts of ``language`` (placeholders unfilled), with the registry's fallback."""
    result: dict[str, Any] = _along_chain(_load()["text"], language)
    return result


def page_text(language: str, city_slug: str | None = None) -> dict[str, Any]:
    """Return the page texts of ``language`` with ``{city_in}`` filled for ``city_slug``."""
    city_in = _along_chain(_load()["city_in"], language).get(city_slug or "", "")
    filled: dict[str, Any] = {}
    for key, value in texts(language).items():
        filled[key] = value.replace("{city_in}", city_in) if isinstance(value, str) else value
    return filled
