"""In Chromium: each city page's contact card shows the walk-in point and phone the bot gives.

One source (bot/contract/cities/<slug>.yml): Turku's page used to say 'Linnankatu 3'
while the bot sent people to Monitori at the Market Square.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from actions.support import coach_message
from bot.config.cities import city_config
from bot.web.cities import CITIES, LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_city_page_shows_the_contacts_the_bot_gives(desktop: Page, stack: Any, lang: str) -> None:
    """The person reads the same service, walk-in point and phone on the page as in the chat."""
    for slug, city in CITIES.items():
        service = city_config(city.slot_value).service(lang)
        bot = coach_message(city.slot_value, lang)
        desktop.goto(f"{stack.web_url}/{slug}/{lang}/")
        card = desktop.locator("section.contact")
        expect(card).to_contain_text(service["name"])
        expect(card.get_by_role("link", name=service["phone"])).to_have_attribute(
            "href", f"tel:{service['phone'].replace(' ', '')}"
        )
        assert service["phone"] in bot and service["name"] in bot
        if service["visit"]:
            expect(card).to_contain_text(f"{service['visit']}, {city.names[lang]}")
            assert service["visit"] in bot
        else:
            expect(card.locator(".visit")).to_have_count(0)
    desktop.goto(f"{stack.web_url}/turku/{lang}/")
    expect(desktop.locator("section.contact")).not_to_contain_text("Linnankatu")
