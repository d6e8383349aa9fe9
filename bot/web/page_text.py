"""Texts of the demo city pages, from the catalogue (``bot/locale/messages/<l>/pages.ftl``).

The pages read one mapping per language (``text.page_title``,
``text.sections``), built from the ``pages.*`` messages:

- ``pages-<key>`` -> ``text[key]`` (a string);
- ``pages-<list>_<n>`` -> the n-th item of ``text[list]`` (``nav_1``, ...);
  an item with attributes and no value is a dict of them (``sections_1``
  has ``.heading`` and ``.body``);
- ``{ $city_in }`` in a message is the city as a place in a sentence ("in
  Helsinki" / "Helsingissä" / "i Helsingfors"): the city file's ``locative``
  (``bot/contract/cities/<slug>.yml``, :func:`bot.contract.city_texts.locative`).

A message a language lacks falls back along the locale's chain (the
registry, ``bot/locale/locales.yml``), so a new locale never raises a KeyError.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from bot.contract.city_texts import locative
from bot.locale import catalogue, registry

#: The catalogue topic of the page texts.
TOPIC = "pages"
#: The messages' variable for the city as a place ("Turussa", "in Turku").
CITY_IN = "city_in"

#: Each language's name in itself, for the language links (bot/locale/locales.yml).
LANGUAGE_NAMES: dict[str, str] = {loc.code: loc.name for loc in registry.locales()}

_ITEM = re.compile(r"^(?P<list>.+)_(?P<index>\d+)$")


@cache
def _messages() -> dict[str, tuple[bool, tuple[str, ...]]]:
    """``{id: (has a value, attribute names)}`` of the ``pages.*`` messages, in catalogue key order."""
    found: dict[str, tuple[bool, tuple[str, ...]]] = {}
    for key in catalogue.keys():
        topic, name, *attribute = key.split(".")
        if topic != TOPIC:
            continue
        has_value, attributes = found.get(name, (False, ()))
        if attribute:
            attributes = (*attributes, attribute[0])
        else:
            has_value = True
        found[name] = (has_value, attributes)
    return found


def _message(name: str, language: str, values: dict[str, str]) -> Any:
    """Message ``name``: its text, or ``{attribute: text}`` when it has no value."""
    has_value, attributes = _messages()[name]
    if has_value:
        return catalogue.t(f"{TOPIC}.{name}", language, **values)
    return {
        attribute: catalogue.t(f"{TOPIC}.{name}.{attribute}", language, **values) for attribute in attributes
    }


def _texts(language: str, city_in: str) -> dict[str, Any]:
    """The page texts of ``language`` with ``{ $city_in }`` given as ``city_in``."""
    values = {CITY_IN: city_in}
    result: dict[str, Any] = {}
    lists: dict[str, dict[int, Any]] = {}
    for name in _messages():
        item = _ITEM.match(name)
        if item:
            lists.setdefault(item["list"], {})[int(item["index"])] = _message(name, language, values)
        else:
            result[name] = _message(name, language, values)
    for list_name, items in lists.items():
        result[list_name] = [items[index] for index in sorted(items)]
    return result


def texts(language: str) -> dict[str, Any]:
    """The page texts of ``language`` with the placeholder unfilled (``"{city_in}"``)."""
    return _texts(language, "{" + CITY_IN + "}")


def city_in(language: str, city_slug: str | None) -> str:
    """The city's name in the sentences' form in ``language``; "" for no city or one without it."""
    return locative(city_slug, language) if city_slug else ""


def page_text(language: str, city_slug: str | None = None) -> dict[str, Any]:
    """Return the page texts of ``language`` with ``{city_in}`` filled for ``city_slug``."""
    return _texts(language, city_in(language, city_slug))
