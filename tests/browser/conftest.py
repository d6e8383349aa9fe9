"""Browser tests: Playwright on Debian's Chromium against the real stack.

The stack comes from ``tests.live_stack.live_stack`` (Rasa server, action
server and web app on spare ports). To run these tests against a stack that
is already running (say ``make run``), set ``DIGIPOINT_WEB_URL`` (and
optionally ``DIGIPOINT_RASA_URL``, ``DIGIPOINT_RASA_API_URL`` (internal Rasa,
for the HTTP API), ``DIGIPOINT_RASA_TOKEN``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_PATH = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def stack(request: pytest.FixtureRequest) -> Any:
    """The running stack: an already running one from DIGIPOINT_WEB_URL, else ``live_stack``."""
    web_url = os.environ.get("DIGIPOINT_WEB_URL")
    if web_url:
        return SimpleNamespace(
            web_url=web_url.rstrip("/"),
            rasa_url=os.environ.get("DIGIPOINT_RASA_URL", "http://localhost:5005"),
            rasa_api_url=os.environ.get("DIGIPOINT_RASA_API_URL", "http://127.0.0.1:5006"),
            rasa_token=os.environ.get("DIGIPOINT_RASA_TOKEN"),
        )
    return request.getfixturevalue("live_stack")


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    """One Playwright driver for the session."""
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless (no browser is ever downloaded)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def _new_context(browser: Browser, viewport: dict[str, int]) -> BrowserContext:
    context = browser.new_context(viewport=viewport, locale="en-GB", reduced_motion="reduce")
    context.set_default_timeout(30_000)
    return context


@pytest.fixture()
def desktop(browser: Browser) -> Iterator[Page]:
    """A fresh page (own storage) at 1280x800."""
    context = _new_context(browser, DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture()
def mobile(browser: Browser) -> Iterator[Page]:
    """A fresh page (own storage) at 360x740."""
    context = _new_context(browser, MOBILE)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's browser build from widget/node_modules (``npm ci`` in widget/ installs it)."""
    if not AXE_PATH.exists():
        pytest.fail(f"{AXE_PATH} is missing: run `npm ci` in widget/")
    return AXE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """test-results/screenshots/, created."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
