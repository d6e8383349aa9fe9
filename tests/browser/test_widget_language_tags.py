"""The widget reads the page's language tag by the locale registry's rules, in Chromium (issue 14).

What the person sees: a page that says its language as "sv_SE" or "FI" gets the
widget in Swedish or Finnish; a page in Filipino ("fil") gets English, not
Finnish (the old two-letter cut read "fil" as "fi").
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.chat import ROOT, Chat
from tests.live_stack import LiveStack


@pytest.mark.parametrize(
    ("tag", "code", "launcher"),
    [("sv_SE", "sv", "Chatt"), ("FI", "fi", "Chat"), ("fil", "en", "Chat"), ("en-GB", "en", "Chat")],
)
def test_the_widget_speaks_the_language_the_page_tag_names(
    live_stack: LiveStack, desktop: Page, tag: str, code: str, launcher: str
) -> None:
    url = f"{live_stack.web_url}/turku/fi/"

    def retag(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace('data-language="fi"', f'data-language="{tag}"')
        route.fulfill(response=response, body=body)

    desktop.route(url, retag)
    desktop.goto(url)
    chat = Chat(desktop)
    expect(chat.launcher).to_contain_text(launcher)
    expect(desktop.locator(f"{ROOT} select.lang")).to_have_value(code)
    chat.launcher.click()
    expect(chat.panel).to_be_visible()
    expect(desktop.locator(f"{ROOT} select.lang option:checked")).to_have_attribute("lang", code)
