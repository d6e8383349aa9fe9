"""The self-introduction in the real widget: built from the help menu, copied and downloaded (issue 15).

A person on the Espoo page opens the chat (the first goal question is open),
taps "What can you do" → "Write my introduction", answers the three questions
(skipping one), taps "Copy or download", then "Copy text" and "Download as a
text file" under the plain text. The clipboard holds the text, the file has it
too, the status line says so, both tools are real buttons reachable with the
keyboard, and the page passes axe (WCAG 2.1 A/AA) with the tools shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from bot.i18n import t
from tests.browser.axe import assert_no_violations
from tests.browser.chat import ROOT, Chat, deep_active_text
from tests.browser.conftest import DESKTOP
from tests.live_stack import LiveStack


@pytest.fixture()
def page(browser: Browser, live_stack: LiveStack) -> Iterator[Page]:
    """A desktop page allowed to read the clipboard and to download."""
    context = browser.new_context(
        viewport=ViewportSize(width=DESKTOP["width"], height=DESKTOP["height"]),
        locale="en-GB",
        reduced_motion="reduce",
        bypass_csp=True,
        accept_downloads=True,
        permissions=["clipboard-read", "clipboard-write"],
    )
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def _click(chat: Chat, title: str) -> None:
    """Click the newest quick reply ``title`` (the help menu sits above the open question)."""
    before = chat.bot.count()
    chat.page.locator(f"{ROOT} .quick:not(.feedback) button", has_text=title).last.click()
    chat.wait_for_replies(before)


def test_a_person_builds_an_introduction_from_the_menu_and_copies_and_downloads_it(
    page: Page, live_stack: LiveStack, axe_source: str, tmp_path: Path
) -> None:
    chat = Chat.start(page, f"{live_stack.web_url}/espoo/en/")
    chat.type_message("what can you do")
    _click(chat, t("responses.help.introduction", "en"))
    assert t("introduction.ask_did", "en") in chat.bot_texts()
    chat.type_message("worked in a shop for three years")
    chat.type_message("helping customers")
    _click(chat, t("introduction.skip_button", "en"))
    texts = chat.bot_texts()
    assert any("1. " in text and "I am good at helping customers." in text for text in texts), texts[-4:]
    _click(chat, t("introduction.copy_button", "en"))

    tools = page.locator(f"{ROOT} .msg.bot .intro-tools").last
    expect(tools).to_have_attribute("role", "group")
    expect(tools).to_have_attribute("aria-label", t("widget.introductionTools", "en"))
    copy = tools.get_by_role("button", name=t("widget.copyIntroduction", "en"))
    download = tools.get_by_role("button", name=t("widget.downloadIntroduction", "en"))
    expect(copy).to_be_visible()
    expect(download).to_be_visible()
    assert_no_violations(page, axe_source, "espoo/en, introduction with copy and download")

    plain = page.evaluate(
        """() => JSON.parse(Object.keys(localStorage).filter((k) => k.startsWith('digipoint:'))
              .map((k) => localStorage.getItem(k))[0]).messages.filter((m) => m.introduction).pop()
              .introduction.text"""
    )
    assert "I am good at helping customers." in plain and plain.endswith("\n")
    copy.focus()
    assert deep_active_text(page) == t("widget.copyIntroduction", "en")
    page.keyboard.press("Enter")
    status = tools.locator(".intro-status")
    expect(status).to_have_text(t("widget.introductionCopied", "en"))
    expect(status).to_have_attribute("role", "status")
    assert page.evaluate("() => navigator.clipboard.readText()") == plain

    with page.expect_download() as info:
        download.click()
    file = info.value
    assert file.suggested_filename == t("introduction.filename", "en")
    saved = tmp_path / file.suggested_filename
    file.save_as(saved)
    assert saved.read_text(encoding="utf-8") == plain
    expect(status).to_have_text(t("widget.introductionDownloaded", "en"))
