"""axe-core (WCAG 2.1 A and AA, experimental rules included) on every page; panel controls.

Every demo page (each city in fi, sv and en, and the landing page) is checked
with the widget closed and open on a conversation with buttons, at desktop and
phone widths; the coach dashboard's login, conversation list and queue pages
in each language too. tests/browser/axe.py says which rules run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect
from sqlalchemy.orm import Session

from bot.coach import accounts
from bot.db import make_engine
from bot.handoff.queue import enqueue
from bot.web.cities import CITIES, LANGUAGES
from tests.browser.axe import assert_no_violations, run_axe
from tests.browser.chat import Chat, Walker, deep_active_html
from tests.browser.conftest import DESKTOP, MOBILE

PAGES = ["/"] + [f"/{slug}/{lang}/" for slug in CITIES for lang in LANGUAGES]
VIEWPORTS: tuple[tuple[str, ViewportSize], ...] = (
    ("desktop", ViewportSize(width=DESKTOP["width"], height=DESKTOP["height"])),
    ("mobile", ViewportSize(width=MOBILE["width"], height=MOBILE["height"])),
)
COACH_EMAIL = "a11y-coach@turku.example"
COACH_PASSWORD = "an accessible coach password 7"


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


def _page_language(path: str) -> str:
    parts = path.strip("/").split("/")
    return parts[1] if len(parts) == 2 else "en"


def _axe_context(browser: Browser, viewport: ViewportSize) -> BrowserContext:
    # The pages' CSP forbids inline scripts; axe is injected inline, so only here bypass it.
    context = browser.new_context(viewport=viewport, reduced_motion="reduce", bypass_csp=True)
    context.set_default_timeout(30_000)
    return context


def test_label_in_name_flags_a_name_that_does_not_start_with_the_visible_word(
    browser: Browser, axe_source: str
) -> None:
    """The old Swedish launcher (shows 'Chatt', named 'Öppna chatten: ...') fails; 'Chatt: ...' passes."""
    context = _axe_context(browser, VIEWPORTS[0][1])
    page = context.new_page()
    try:
        page.set_content(
            '<html lang="sv"><head><title>t</title></head><body><main>'
            '<button id="old" aria-label="Öppna chatten: DigiPoint karriärguide">Chatt</button>'
            '<button id="new" aria-label="Chatt: DigiPoint karriärguide">Chatt</button>'
            "</main></body></html>"
        )
        result = run_axe(page, axe_source)
        found = {v["id"]: [n["target"] for n in v["nodes"]] for v in result["violations"]}
        assert found == {"label-in-name-start": [["#old"]]}, result["violations"]
        summary = result["violations"][0]["nodes"][0]["summary"]
        assert 'does not start with the visible words "chatt"' in summary
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_nothing_with_the_widget_closed(
    browser: Browser, stack: Any, axe_source: str, path: str
) -> None:
    """The page as it first shows, launcher only: its name holds its visible text (SC 2.5.3)."""
    for label, viewport in VIEWPORTS:
        context = _axe_context(browser, viewport)
        page = context.new_page()
        try:
            page.goto(f"{stack.web_url}{path}")
            expect(Chat(page).launcher).to_be_visible()
            assert_no_violations(page, axe_source, f"{path}, widget closed, {label}")
        finally:
            context.close()


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_nothing_with_the_panel_open(
    browser: Browser, stack: Any, axe_source: str, screenshot_dir: Path, path: str
) -> None:
    """Panel open: the welcome with its buttons, then an answer and the next question's buttons."""
    language_button = {"fi": 0, "sv": 1, "en": 2}[_page_language(path)]
    for label, viewport in VIEWPORTS:
        context = _axe_context(browser, viewport)
        page = context.new_page()
        try:
            chat = open_on_buttons(page, f"{stack.web_url}{path}")
            assert_no_violations(page, axe_source, f"{path}, welcome buttons, {label}")
            chat.click_button(language_button)
            expect(chat.user).to_have_count(1)
            expect(chat.last_buttons().first).to_be_visible()
            page.screenshot(path=str(screenshot_dir / f"{_name(path)}-{label}.png"))
            assert_no_violations(page, axe_source, f"{path}, after an answer, {label}")
        finally:
            context.close()


ASK_FOR_A_COACH = {"fi": "haluan puhua ohjaajalle", "sv": "prata med en handledare", "en": "talk to a coach"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_nothing_while_waiting_for_a_coach(
    browser: Browser, stack: Any, axe_source: str, lang: str
) -> None:
    """Asking for a coach in ``lang``, then the 'end and clear' question: notices and controls pass."""
    for label, viewport in VIEWPORTS:
        context = _axe_context(browser, viewport)
        page = context.new_page()
        try:
            chat = open_on_buttons(page, f"{stack.web_url}/turku/{lang}/")
            chat.type_message(ASK_FOR_A_COACH[lang])
            assert_no_violations(page, axe_source, f"/turku/{lang}/, asked for a coach, {label}")
            page.locator("#digipoint-chat .end").click()
            expect(page.locator("#digipoint-chat #dp-end")).to_be_visible()
            assert_no_violations(page, axe_source, f"/turku/{lang}/, 'end and clear' question, {label}")
        finally:
            context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_nothing_on_the_suggestions_and_their_feedback_buttons(
    browser: Browser, stack: Any, axe_source: str, lang: str
) -> None:
    """Suggestions with their links and 'useful?' buttons, in ``lang`` at desktop width."""
    context = _axe_context(browser, VIEWPORTS[0][1])
    page = context.new_page()
    try:
        chat = open_on_buttons(page, f"{stack.web_url}/vantaa/{lang}/")
        chat.click_button({"fi": 0, "sv": 1, "en": 2}[lang])
        Walker(chat, keyboard=False).until_suggestions()
        expect(page.locator("#digipoint-chat .quick.feedback button").first).to_be_visible()
        assert_no_violations(page, axe_source, f"/vantaa/{lang}/, suggestions with feedback buttons")
    finally:
        context.close()


@pytest.fixture(scope="module")
def coach_account(live_stack: Any) -> str:
    """A Turku coach account and one waiting Turku handoff request; returns the email."""
    engine = make_engine(live_stack.database_url)
    try:
        with Session(engine) as session:
            accounts.create_account(session, COACH_EMAIL, COACH_PASSWORD, "Turku")
            enqueue(session, "a11y-waiting-person", "Turku", "fi")
            session.commit()
    finally:
        engine.dispose()
    return COACH_EMAIL


@pytest.fixture()
def coach_pages(browser: Browser) -> Iterator[dict[str, Page]]:
    """One page per viewport, each in its own context."""
    contexts = {label: _axe_context(browser, viewport) for label, viewport in VIEWPORTS}
    yield {label: context.new_page() for label, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_nothing_on_the_coach_pages(
    live_stack: Any, coach_account: str, coach_pages: dict[str, Page], axe_source: str, lang: str
) -> None:
    """Login form, conversation list, queue, contact requests, feedback and a handoff page in ``lang``."""
    for label, page in coach_pages.items():
        base = f"{live_stack.web_url}/coach"
        page.goto(f"{base}/login?lang={lang}")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert_no_violations(page, axe_source, f"coach login ({lang}), {label}")
        page.locator("#email").fill(coach_account)
        page.locator("#password").fill(COACH_PASSWORD)
        page.locator("form.stack button[type=submit]").click()
        expect(page.locator("form.inline button[type=submit]")).to_be_visible()
        for view in ("/", "/queue", "/contacts", "/feedback"):
            page.goto(f"{base}{view}?lang={lang}")
            expect(page.locator("html")).to_have_attribute("lang", lang)
            assert_no_violations(page, axe_source, f"coach {view} ({lang}), {label}")
        page.goto(f"{base}/queue?lang={lang}")
        page.locator("main a[href*='/coach/handoffs/']").first.click()
        page.wait_for_url("**/coach/handoffs/**")
        expect(page.locator("main h1")).to_be_visible()
        assert_no_violations(page, axe_source, f"coach handoff page ({lang}), {label}")


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


def test_a_paste_that_is_cut_off_says_so(desktop: Page, stack: Any) -> None:
    """Pasting 2,500 characters keeps 2,000, and the person is told the end was cut off (not silently)."""
    desktop.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=stack.web_url)
    chat = open_on_buttons(desktop, f"{stack.web_url}/vantaa/en/")
    desktop.evaluate("text => navigator.clipboard.writeText(text)", "b" * 2500)
    chat.input.focus()
    desktop.keyboard.press("Control+V")
    expect(chat.input).to_have_value("b" * 2000)
    counter = desktop.locator("#digipoint-chat .counter")
    expect(counter).to_have_text(
        "Your text was too long. I kept the first 2,000 characters. Please check the end before you send it."
    )
    # Shortened below the limit, the counter counts again.
    chat.input.press("Backspace")
    expect(counter).to_have_text("1,999 of 2,000 characters")


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
