"""In Chromium on the real stack: a mistyped address shows the 404 page in the browser's language.

A newcomer saw raw JSON ({"detail":"Not Found"}) at /oulu/fi/ and /espoo/;
now every not-found page is the HTML page with links to the city pages, and
/espoo/ opens Espoo's Finnish page.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from bot.web.cities import CITIES
from bot.web.page_text import texts
from tests.browser.axe import assert_no_violations
from tests.browser.conftest import DESKTOP


@pytest.mark.parametrize(("locale", "language"), [("sv-FI", "sv"), ("fi-FI", "fi"), ("de-DE", "en")])
def test_unknown_addresses_show_the_404_page_in_the_browsers_language(
    browser: Browser, stack: Any, axe_source: str, locale: str, language: str
) -> None:
    """The person reads 'Page not found' in their language and can go on to a city page."""
    context = browser.new_context(viewport=DESKTOP, locale=locale, reduced_motion="reduce", bypass_csp=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        for path in ("/oulu/fi/", "/espoo/de/", "/no-such-page", "/coach/no-such-page"):
            response = page.goto(f"{stack.web_url}{path}")
            assert response is not None and response.status == 404
            expect(page.locator("html")).to_have_attribute("lang", language)
            expect(page.get_by_role("heading", level=1)).to_have_text(texts(language)["not_found_title"])
            expect(page.locator("body")).not_to_contain_text('"detail"')
            for slug, city in CITIES.items():
                link = page.get_by_role("link", name=city.names[language], exact=True)
                expect(link).to_have_attribute("href", f"/{slug}/{language}/")
        assert_no_violations(page, axe_source, f"404 {locale}")
        page.get_by_role("link", name=CITIES["vantaa"].names[language], exact=True).click()
        expect(page).to_have_url(f"{stack.web_url}/vantaa/{language}/")
    finally:
        context.close()


def test_a_city_address_without_language_opens_the_finnish_page(browser: Browser, stack: Any) -> None:
    """/espoo/ takes the person to Espoo's page in Finnish, not to 'Not Found'."""
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", reduced_motion="reduce")
    page = context.new_page()
    try:
        for path in ("/espoo/", "/espoo"):
            response = page.goto(f"{stack.web_url}{path}")
            assert response is not None and response.status == 200
            expect(page).to_have_url(f"{stack.web_url}/espoo/fi/")
            expect(page.locator("html")).to_have_attribute("lang", "fi")
    finally:
        context.close()
