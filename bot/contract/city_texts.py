"""The served cities in the bot's and the pages' sentences, per language.

Everything here is read from the city files (``bot/contract/cities/<slug>.yml``,
:mod:`bot.contract.cities`), so a new city appears in the city buttons, in
"I can help in Turku, Espoo, Helsinki and Vantaa", in "a course in Turku" and
on its page without a text to edit:

- :func:`localised`: a per-language mapping read along the locale's fallback
  chain (``bot/locale/locales.yml``).
- :func:`name` and :func:`locative`: one city's name ("Åbo") and its place
  phrase ("i Åbo", "Turussa").
- :func:`served_cities`: the catalogue variables ``cities`` (names) and
  ``cities_in`` (place phrases), each joined with the locale's CLDR list
  pattern (:func:`bot.locale.registry.format_list`).
- :func:`city_buttons`: one button per served city for ``utter_ask_city``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from bot.contract.cities import ContractCity, city_contract
from bot.locale import registry


def localised(values: Mapping[str, str], language: str | None) -> str:
    """``values[language]``, else the first language of its fallback chain that has one; "" if none.

    ``language`` is any tag the registry takes ("fi", "sv-FI", "fi-x-plain");
    an unknown one reads the default locale's chain.
    """
    parsed = registry.parse(language) or (registry.default_code(), None)
    chain = registry.fallback_chain(*parsed)
    return next((values[tag] for tag in chain if values.get(tag)), "")


def city_of(value: str | None) -> ContractCity | None:
    """The served city whose slot value or slug is ``value`` (case-insensitive), or None."""
    wanted = (value or "").strip().casefold()
    return next(
        (city for city in city_contract().cities if wanted in (city.value.casefold(), city.slug)),
        None,
    )


def name(value: str | None, language: str | None) -> str:
    """The city's name in ``language`` ("Åbo" for Turku in sv); ``value`` itself when not served."""
    city = city_of(value)
    return localised(city.name, language) if city else (value or "")


def locative(value: str | None, language: str | None) -> str:
    """The city as a place in a sentence ("Turussa", "in Turku", "i Åbo"); "" when not served."""
    city = city_of(value)
    return localised(city.locative, language) if city else ""


def served_cities(language: str | None) -> dict[str, str]:
    """Catalogue variables naming every served city, in the contract's order.

    Returns:
        ``{"cities": "Turku, Espoo, Helsinki and Vantaa",
        "cities_in": "in Turku, in Espoo, ..."}``; in Finnish ``cities_in`` is
        "Turussa, Espoossa, Helsingissä ja Vantaalla", the form Finnish
        sentences need. Messages use whichever their language needs.
    """
    cities = city_contract().cities
    return {
        "cities": registry.format_list([localised(city.name, language) for city in cities], language),
        "cities_in": registry.format_list([localised(city.locative, language) for city in cities], language),
    }


def city_buttons(language: str | None) -> list[dict[str, str]]:
    """One button per served city: ``{"title": name in language, "payload": '/inform{"answer":"Turku"}'}``.

    Payloads are plain JSON (no doubled braces), as in ``bot/locale/responses.yml``.
    """
    return [
        {
            "title": localised(city.name, language),
            "payload": "/inform"
            + json.dumps({"answer": city.value}, separators=(",", ":"), ensure_ascii=False),
        }
        for city in city_contract().cities
    ]
