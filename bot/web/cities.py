"""The demo cities: names and brand colours per language; contacts from the city file.

Everything comes from the city's file ``bot/contract/cities/<slug>.yml``
(:mod:`bot.contract.cities`), where city administrators configure their
widget's branding (colours are checked for WCAG AA contrast in
``tests/web/test_pages.py``) and the contact details (service name, phone,
web address, walk-in point) the bot gives too, so the page and the chat never
give different addresses.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config.cities import city_config
from bot.contract.cities import city_contract
from bot.contract.city_texts import localised
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

    def name_in(self, language: str) -> str:
        """The city's name in ``language``, else in the first of its fallback chain that has one."""
        return localised(self.names, language)

    def organisation_in(self, language: str) -> str:
        """"City of X" in ``language``, else in the first of its fallback chain that has one."""
        return localised(self.organisation, language)

    def service(self, language: str) -> dict[str, str]:
        """The employment services' contact in ``language``, from the city's contract file.

        Keys name, phone, url, hours and visit (the walk-in point, "" when the
        city gives none): the same entry the bot gives in chat.
        """
        return city_config(self.slot_value).service(language)


#: Slug -> city, in the contract's order (bot/contract/cities/<slug>.yml).
CITIES: dict[str, City] = {
    city.slug: City(
        slug=city.slug,
        slot_value=city.value,
        names=dict(city.name),
        organisation=dict(city.organisation),
        primary=city.primary,
        tint=city.tint,
    )
    for city in city_contract().cities
}

DEFAULT_CITY = "helsinki"
DEFAULT_LANGUAGE = "en"


def get_city(slug: str) -> City | None:
    """Return the city with URL segment ``slug`` (case-insensitive), or None."""
    return CITIES.get(slug.lower())
