"""The widget against the real stack: conversations by keyboard and mouse, reloads, network drops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.chat import Chat, Walker


def tracker(stack: Any, session_id: str) -> dict[str, Any] | None:
    """The Rasa tracker of ``session_id`` via the token-protected HTTP API (None without a token)."""
    token = getattr(stack, "rasa_token", None)
    if not token:
        return None
    url = f"{stack.rasa_api_url}/conversations/{session_id}/tracker"
    response = httpx.get(url, params={"token": token}, timeout=10)
    response.raise_for_status()
    return response.json()


def start(page: Page, stack: Any, path: str) -> Chat:
    """Open ``path``, open the widget with the keyboard, wait for the welcome."""
    page.goto(f"{stack.web_url}{path}")
    chat = Chat(page)
    chat.open_with_keyboard()
    chat.wait_for_replies(0)
    return chat


def test_keyboard_only_conversation_on_a_phone_reaches_suggestions(
    mobile: Page, stack: Any, screenshot_dir: Path
) -> None:
    """At 360x740, with keys only, a person goes from the welcome to suggestions with links."""
    chat = start(mobile, stack, "/turku/en/")
    mobile.screenshot(path=str(screenshot_dir / "mobile-welcome.png"))
    walker = Walker(chat, keyboard=True)
    walker.until_suggestions()
    mobile.screenshot(path=str(screenshot_dir / "mobile-suggestions.png"))
    links = mobile.locator("#digipoint-chat .msg.bot .bubble a[href^='http']")
    assert links.first.get_attribute("target") == "_blank"
    assert links.first.get_attribute("rel") == "noopener noreferrer"
    state = tracker(stack, chat.session_id())
    if state is not None:
        assert state["slots"].get("city") in ("Turku", "skipped", "online")
        assert state["slots"].get("shown_suggestions")


def test_clicks_and_typed_answers_with_page_metadata(desktop: Page, stack: Any, screenshot_dir: Path) -> None:
    """Mouse clicks and typed answers hold a conversation; the page's city and language reach the bot."""
    chat = start(desktop, stack, "/helsinki/en/")
    welcome = chat.bot.first.inner_text()
    walker = Walker(chat, keyboard=False)
    for _ in range(3):
        walker.step()
    assert chat.user.count() == 3
    assert chat.bot.last.inner_text() != welcome
    desktop.screenshot(path=str(screenshot_dir / "desktop-conversation.png"))
    state = tracker(stack, chat.session_id())
    if state is not None:
        assert state["slots"]["language"] == "en"
        assert state["slots"]["city"] in ("Helsinki", "skipped")
        texts = [e.get("text") for e in state["events"] if e.get("event") == "user"]
        assert len(texts) >= 4  # greet + three answers, all in this one session


def test_reload_in_the_middle_of_a_form_continues(desktop: Page, stack: Any) -> None:
    """After a reload the transcript, the open panel and the session are back; the form goes on."""
    chat = start(desktop, stack, "/espoo/en/")
    walker = Walker(chat, keyboard=False)
    walker.step()
    walker.step()
    session = chat.session_id()
    shown = chat.bot.count()
    question = chat.bot.last.inner_text()
    before = tracker(stack, session)
    desktop.reload()
    chat = Chat(desktop)
    expect(chat.panel).to_be_visible()
    expect(chat.bot).to_have_count(shown)
    assert chat.session_id() == session
    expect(desktop.locator("#digipoint-chat .panel")).to_have_attribute("data-connection", "online")
    walker.chat = chat
    walker.step()
    assert chat.bot.last.inner_text() != question
    assert chat.session_id() == session
    after = tracker(stack, session)
    if before is not None and after is not None:
        assert before["active_loop"].get("name") == "goal_form"
        moved_on = after["slots"]["requested_slot"] != before["slots"]["requested_slot"]
        assert moved_on or not after["active_loop"]


def test_network_drop_and_restore_keeps_the_session(desktop: Page, stack: Any) -> None:
    """Offline: the widget says so and keeps the answer; online again: same session, the form goes on."""
    chat = start(desktop, stack, "/vantaa/en/")
    walker = Walker(chat, keyboard=False)
    walker.step()
    session = chat.session_id()
    panel = desktop.locator("#digipoint-chat .panel")
    desktop.context.set_offline(True)
    expect(panel).to_have_attribute("data-connection", "offline", timeout=15_000)
    expect(desktop.locator("#digipoint-chat .status")).not_to_be_empty()
    before = chat.bot.count()
    chat.input.fill("skip")
    chat.input.press("Enter")
    expect(chat.user.last).to_contain_text("skip")
    desktop.context.set_offline(False)
    expect(panel).to_have_attribute("data-connection", "online", timeout=30_000)
    chat.wait_for_replies(before)
    assert chat.session_id() == session
    walker.step()
    state = tracker(stack, session)
    if state is not None:
        users = [e for e in state["events"] if e.get("event") == "user"]
        assert len(users) >= 4  # greet, first answer, the one sent offline, one more


@pytest.mark.parametrize("payload", ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>"])
def test_xss_payloads_are_plain_text(desktop: Page, stack: Any, payload: str) -> None:
    """Markup typed into the chat is shown as the same characters; nothing runs."""
    dialogs: list[str] = []
    desktop.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    chat = start(desktop, stack, "/helsinki/en/")
    chat.type_message(payload)
    expect(chat.user.last.locator(".bubble")).to_have_text(payload)
    assert desktop.locator("#digipoint-chat .log img, #digipoint-chat .log script").count() == 0
    desktop.wait_for_timeout(500)
    assert dialogs == []


def test_session_follows_the_person_to_another_page(desktop: Page, stack: Any) -> None:
    """Moving to another page of the site keeps the open panel, the transcript and the session."""
    chat = start(desktop, stack, "/helsinki/en/")
    Walker(chat, keyboard=False).step()
    session = chat.session_id()
    shown = chat.bot.count()
    desktop.goto(f"{stack.web_url}/helsinki/fi/")
    chat = Chat(desktop)
    expect(chat.panel).to_be_visible()
    expect(chat.bot).to_have_count(shown)
    assert chat.session_id() == session
    expect(desktop.locator("#digipoint-chat .panel")).to_have_attribute("data-connection", "online")
