"""The demo city page and the bot give the same contacts (one source: bot/contract/cities/<slug>.yml).

Issue 13: Turku's page said 'Linnankatu 3' while the bot said 'Monitori,
Kauppatori'. Now the page's contact card is rendered from the city file the
bot reads; these tests render the real pages and the bot's real contact
message for every city and language and compare what a person reads.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from actions.support import coach_message
from bot.config.cities import city_config
from bot.web.app import create_app
from bot.web.cities import CITIES, LANGUAGES

CASES = [(slug, lang) for slug in CITIES for lang in LANGUAGES]


@pytest.fixture(scope="module")
def client() -> TestClient:
    """The demo web app."""
    return TestClient(create_app())


def contact_card(client: TestClient, slug: str, lang: str) -> str:
    """Plain text of the page's contact card, one line per paragraph."""
    html = client.get(f"/{slug}/{lang}/").text
    card = re.search(r'<section class="card contact".*?</section>', html, re.DOTALL)
    assert card is not None, f"/{slug}/{lang}/ has no contact card"
    paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", card.group(0), re.DOTALL)
    return "\n".join(unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in paragraphs)


@pytest.mark.parametrize(("slug", "lang"), CASES)
def test_page_and_bot_give_the_same_walk_in_address_phone_and_service(
    client: TestClient, slug: str, lang: str
) -> None:
    """The walk-in point, phone and service name on the page are the ones the bot says."""
    city = CITIES[slug].slot_value
    service = city_config(city).service(lang)
    card = contact_card(client, slug, lang)
    bot = coach_message(city, lang)
    for value in (service["name"], service["phone"]):
        assert value in card and value in bot, (value, card, bot)
    if service["visit"]:
        assert service["visit"] in card and service["visit"] in bot, (card, bot)
    else:  # no walk-in point in the city file: the page invents none
        assert len(card.splitlines()) == 3, card  # service name, phone, web address


def test_turku_page_gives_monitori_not_an_old_address(client: TestClient) -> None:
    """Turku's walk-in point is Monitori at the Market Square, in every language."""
    expected = {"fi": "Monitori, Kauppatori", "sv": "Monitori, Salutorget", "en": "Monitori, Market Square"}
    for lang, visit in expected.items():
        card = contact_card(client, "turku", lang)
        assert visit in card, card
        assert "Linnankatu" not in card and "Slottsgatan" not in card


@pytest.mark.parametrize(("slug", "lang"), CASES)
def test_the_widget_gets_the_same_contact_for_when_it_cannot_connect(
    client: TestClient, slug: str, lang: str
) -> None:
    """The widget's <script> tag carries the city's service name, phone and web address."""
    service = city_config(CITIES[slug].slot_value).service(lang)
    html = client.get(f"/{slug}/{lang}/").text
    tag = re.search(r"<script src=\"[^\"]*widget[^>]*>", html, re.DOTALL)
    assert tag is not None, html[:500]
    attributes = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', tag.group(0)))
    assert unescape(attributes["contact-name"]) == service["name"]
    assert attributes["contact-phone"] == service["phone"]
    assert unescape(attributes["contact-url"]) == service["url"]
