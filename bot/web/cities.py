"""The four demo cities: names and brand colours per language; contacts from the city file.

City administrators configure their widget's branding here (colours are
checked for WCAG AA contrast in ``tests/web/test_pages.py``). The colours are
inspired by each city's visual identity, not official values. The contact
details (service name, phone, web address, walk-in point) are not kept here:
they come from bot/config/cities.yml, the file the bot reads, so the page and
the chat never give different addresses.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config.cities import city_config
from bot.locale import registry

#: Page languages: the locale registry's codes, in display order (bot/locale/locales.yml).
LANGUAGES: tuple[str, ...] = registry.codes()


@dataclass(frozen=True)
class City:
    """One city's demo page settings.

    Attributes:
        slug: URL segment (``/helsinki/en/``).
        slot_value: value sent to the bot as metadata ``city`` (slot value).
        names: the city's name per language.
        organisation: "City of X" per language.
        primary: brand colour (#rrggbb) used for the header and the widget;
            white text on it reaches 4.5:1.
        tint: light background for the page's hero area; dark text on it
            reaches 4.5:1.
    """

    slug: str
    slot_value: str
    names: dict[str, str]
    organisation: dict[str, str]
    primary: str
    tint: str

    def service(self, language: str) -> dict[str, str]:
        """The employment services' contact in ``language``, from bot/config/cities.yml.

        Keys name, phone, url, hours and visit (the walk-in point, "" when the
        city gives none): the same entry the bot gives in chat.
        """
        return city_config(self.slot_value).service(language)


CITIES: dict[str, City] = {
    city.slug: city
    for city in (
        City(
            slug="helsinki",
            slot_value="Helsinki",
            names={"fi": "Helsinki", "sv": "Helsingfors", "en": "Helsinki"},
            organisation={
                "fi": "Helsingin kaupunki",
                "sv": "Helsingfors stad",
                "en": "City of Helsinki",
            },
            primary="#0000bf",
            tint="#e6ecff",
        ),
        City(
            slug="espoo",
            slot_value="Espoo",
            names={"fi": "Espoo", "sv": "Esbo", "en": "Espoo"},
            organisation={
                "fi": "Espoon kaupunki",
                "sv": "Esbo stad",
                "en": "City of Espoo",
            },
            primary="#00508f",
            tint="#e3f1fb",
        ),
        City(
            slug="turku",
            slot_value="Turku",
            names={"fi": "Turku", "sv": "Åbo", "en": "Turku"},
            organisation={
                "fi": "Turun kaupunki",
                "sv": "Åbo stad",
                "en": "City of Turku",
            },
            primary="#a3162b",
            tint="#fbeaec",
        ),
        City(
            slug="vantaa",
            slot_value="Vantaa",
            names={"fi": "Vantaa", "sv": "Vanda", "en": "Vantaa"},
            organisation={
                "fi": "Vantaan kaupunki",
                "sv": "Vanda stad",
                "en": "City of Vantaa",
            },
            primary="#006245",
            tint="#e4f4ee",
        ),
    )
}

DEFAULT_CITY = "helsinki"
DEFAULT_LANGUAGE = "en"


def get_city(slug: str) -> City | None:
    """Return the city with URL segment ``slug`` (case-insensitive), or None."""
    return CITIES.get(slug.lower())
