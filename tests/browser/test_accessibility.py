"""axe-core on every demo page with the panel open on buttons; screenshots; panel controls."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from bot.web.cities import CITIES, LANGUAGES
from tests.browser.chat import Chat, deep_active_html
from tests.browser.conftest import DESKTOP, MOBILE

PAGES = ["/"] + [f"/{slug}/{lang}/" for slug in CITIES for lang in LANGUAGES]


def run_axe(page: Page, axe_source: str) -> list[dict[str, Any]]:
    """Inject axe-core and return its violations for the whole page (shadow DOM included)."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result
    ]


def open_on_buttons(page: Page, url: str) -> Chat:
    """Open ``url``, open the widget, wait until the bot shows quick-reply buttons."""
    page.goto(url)
    chat = Chat(page)
    chat.open_with_keyboard()
    chat.wait_for_replies(0)
    expect(chat.last_buttons().first).to_be_visible()
    return chat


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-") or "index"


@pytest.mark.parametrize("path", PAGES)
def test_axe_has_no_violations_with_the_panel_open(
    browser: Browser, stack: Any, axe_source: str, screenshot_dir: Path, path: str
) -> None:
    """Zero axe violations at desktop and phone widths on each page; screenshots of both."""
    for label, viewport in (("desktop", DESKTOP), ("mobile", MOBILE)):
        # The pages' CSP forbids inline scripts; axe is injected inline, so only here bypass it.
        context = browser.new_context(viewport=viewport, reduced_motion="reduce", bypass_csp=True)
        page = context.new_page()
        try:
            open_on_buttons(page, f"{stack.web_url}{path}")
            page.screenshot(path=str(screenshot_dir / f"{_name(path)}-{label}.png"))
            violations = run_axe(page, axe_source)
            assert violations == [], json.dumps(violations, indent=1)
        finally:
            context.close()


def test_panel_controls_by_keyboard(desktop: Page, stack: Any) -> None:
    """Escape closes and focus returns to the launcher; language switch and start over work."""
    chat = open_on_buttons(desktop, f"{stack.web_url}/espoo/fi/")
    root = desktop.locator("#digipoint-chat .root")
    expect(root).to_have_attribute("lang", "fi")
    expect(desktop.locator("#digipoint-chat textarea")).to_have_attribute("placeholder", "Kirjoita viesti…")
    desktop.keyboard.press("Escape")
    expect(chat.panel).to_be_hidden()
    assert 'class="launcher"' in deep_active_html(desktop)
    expect(chat.launcher).to_have_attribute("aria-expanded", "false")
    desktop.keyboard.press("Enter")
    expect(chat.panel).to_be_visible()
    assert "<textarea" in deep_active_html(desktop)

    before = chat.bot.count()
    desktop.locator("#digipoint-chat select").select_option("sv")
    expect(root).to_have_attribute("lang", "sv")
    expect(desktop.locator("#digipoint-chat .send")).to_have_text("Skicka")
    chat.wait_for_replies(before)

    desktop.locator("#digipoint-chat .restart").click()
    expect(chat.user).to_have_count(0)
    expect(desktop.locator("#digipoint-chat .msg.system")).to_have_count(1)


def test_message_limit_and_counter(desktop: Page, stack: Any) -> None:
    """The box takes at most 2,000 characters and says so in a visible message."""
    chat = open_on_buttons(desktop, f"{stack.web_url}/vantaa/en/")
    chat.input.fill("a" * 2100)
    assert len(chat.input.input_value()) == 2000
    counter = desktop.locator("#digipoint-chat .counter")
    expect(counter).to_be_visible()
    expect(counter).to_contain_text("2,000")


@pytest.mark.parametrize(("width", "height", "zoom"), [(320, 640, 1), (1280, 800, 2)])
def test_usable_at_320px_and_200_percent_zoom(
    browser: Browser, stack: Any, screenshot_dir: Path, width: int, height: int, zoom: int
) -> None:
    """The panel fits without sideways scrolling and its controls are on screen."""
    context = browser.new_context(
        viewport={"width": width // zoom, "height": height // zoom}, device_scale_factor=zoom
    )
    page = context.new_page()
    try:
        open_on_buttons(page, f"{stack.web_url}/helsinki/sv/")
        page.screenshot(path=str(screenshot_dir / f"reflow-{width}x{height}-zoom{zoom}.png"))
        box = page.locator("#digipoint-chat .panel").bounding_box()
        assert box is not None and box["width"] <= width // zoom + 1
        for selector in ("textarea", ".send", ".close", ".quick button"):
            target = page.locator(f"#digipoint-chat {selector}").first
            expect(target).to_be_in_viewport()
        scroller = page.locator("#digipoint-chat .scroller")
        assert scroller.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    finally:
        context.close()
