"""Page object for the chat widget (its Shadow DOM is open, so CSS locators reach it).

The helpers do not depend on the bot's exact wording: a conversation is
walked by answering the latest question with one of its buttons, typed
digits for 1-5 scales, and "skip" for free-text questions (every question
accepts it, docs/conversation.md).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from playwright.sync_api import Locator, Page, expect

ROOT = "#digipoint-chat"
SKIP = re.compile(r"^(skip|ohita|hoppa)", re.IGNORECASE)
DIGIT = re.compile(r"^[1-5]$")


def deep_active_html(page: Page) -> str:
    """outerHTML (first 200 chars) of the focused element, looking inside shadow roots."""
    return page.evaluate(
        """() => { let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return a ? a.outerHTML.slice(0, 200) : ''; }"""
    )


def deep_active_text(page: Page) -> str:
    """Text of the focused element, looking inside shadow roots."""
    return page.evaluate(
        """() => { let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return a ? (a.textContent || '').trim() : ''; }"""
    )


class Chat:
    """The widget on one page."""

    def __init__(self, page: Page) -> None:
        """Wraps ``page``; the widget must be on it."""
        self.page = page
        self.launcher = page.locator(f"{ROOT} .launcher")
        self.panel = page.locator(f"{ROOT} .panel")
        self.input = page.locator(f"{ROOT} textarea")
        self.bot = page.locator(f"{ROOT} .msg.bot")
        self.user = page.locator(f"{ROOT} .msg.user")
        self.typing = page.locator(f"{ROOT} .typing")

    @classmethod
    def start(cls, page: Page, url: str) -> Chat:
        """Go to ``url``, click the launcher, wait for the panel and the bot's welcome."""
        page.goto(url)
        chat = cls(page)
        chat.launcher.click()
        expect(chat.panel).to_be_visible()
        chat.wait_for_replies(0)
        return chat

    def open_with_keyboard(self, max_tabs: int = 60) -> None:
        """Tab to the launcher, press Enter; focus must land in the message box."""
        for _ in range(max_tabs):
            self.page.keyboard.press("Tab")
            if 'class="launcher"' in deep_active_html(self.page):
                break
        else:
            raise AssertionError("the launcher was not reachable with Tab")
        self.page.keyboard.press("Enter")
        expect(self.panel).to_be_visible()
        assert "<textarea" in deep_active_html(self.page)

    def session_id(self) -> str:
        """The session id the widget keeps in localStorage."""
        return self.page.evaluate(
            """() => { for (let i = 0; i < localStorage.length; i++) {
                const k = localStorage.key(i);
                if (k.startsWith('digipoint:')) return JSON.parse(localStorage.getItem(k)).sessionId; }
              return ''; }"""
        )

    def stored(self) -> str:
        """Everything the widget keeps in localStorage, as one string ("" when nothing)."""
        return self.page.evaluate(
            """() => { let all = '';
              for (let i = 0; i < localStorage.length; i++) {
                const k = localStorage.key(i);
                if (k.startsWith('digipoint:')) all += localStorage.getItem(k); }
              return all; }"""
        )

    def bot_texts(self) -> list[str]:
        """The text of every bot message bubble on screen, in order."""
        return [text.strip() for text in self.bot.locator(".bubble").all_inner_texts()]

    def wait_for_replies(self, before: int, timeout_s: float = 45) -> None:
        """Wait until more than ``before`` bot messages are shown and the burst is over."""
        expect(self.bot).not_to_have_count(before, timeout=timeout_s * 1000)
        deadline = time.monotonic() + timeout_s
        count = self.bot.count()
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(800)
            now = self.bot.count()
            if now == count and self.typing.is_hidden():
                return
            count = now

    def last_buttons(self) -> Locator:
        """Quick replies of the latest bot message that has some (the current question).

        One-tap feedback buttons (``.quick.feedback``: "Useful", "Was this chat useful?") answer
        no question, so they are left out.
        """
        return self.page.locator(f"{ROOT} .msg.bot:has(.quick:not(.feedback))").last.locator(
            ".quick:not(.feedback) button"
        )

    def type_message(self, text: str) -> None:
        """Type ``text`` into the message box and press Enter; waits for the bot's reply."""
        before = self.bot.count()
        self.input.click()
        self.input.fill(text)
        self.input.press("Enter")
        self.wait_for_replies(before)

    def type_with_keyboard(self, text: str) -> None:
        """Like type_message but only with key presses (focus is already in the box)."""
        before = self.bot.count()
        assert "<textarea" in deep_active_html(self.page)
        self.page.keyboard.type(text)
        self.page.keyboard.press("Enter")
        self.wait_for_replies(before)

    def press_button_with_keyboard(self, index: int) -> str:
        """From the message box, Shift+Tab back to quick reply ``index`` and press Enter."""
        buttons = self.last_buttons()
        total = buttons.count()
        title = buttons.nth(index).inner_text().strip()
        for _ in range(total - index):
            self.page.keyboard.press("Shift+Tab")
        assert deep_active_text(self.page) == title, (deep_active_text(self.page), title)
        before = self.bot.count()
        self.page.keyboard.press("Enter")
        self.wait_for_replies(before)
        return title

    def click_button(self, index: int) -> str:
        """Click quick reply ``index`` of the current question; waits for the reply."""
        button = self.last_buttons().nth(index)
        title = button.inner_text().strip()
        before = self.bot.count()
        button.click()
        self.wait_for_replies(before)
        return title

    def has_suggestion_link(self) -> bool:
        """Whether a bot message carries an http(s) link (suggestions do)."""
        return self.page.locator(f"{ROOT} .msg.bot .bubble a[href^='http']").count() > 0


@dataclass
class Walker:
    """Answers questions until suggestions appear: buttons, typed digits, "skip"."""

    chat: Chat
    keyboard: bool
    turns: int = 0
    scale_answers: int = 0
    button_answers: int = 0
    log: list[str] = field(default_factory=list)

    def step(self) -> None:
        """Answer the current question once."""
        chat = self.chat
        self.turns += 1
        buttons = chat.last_buttons()
        titles = [t.strip() for t in buttons.all_inner_texts()]
        if not titles:
            self._type("skip")
            return
        if any(DIGIT.match(t) for t in titles):
            self.scale_answers += 1
            if self.scale_answers == 1:
                self._type("4")  # a typed answer on a 1-5 scale
                return
            if self.scale_answers > 2:
                skip = [i for i, t in enumerate(titles) if SKIP.match(t)]
                if skip:
                    self._press(skip[0])
                    return
            self._press(next(i for i, t in enumerate(titles) if DIGIT.match(t)))
            return
        self.button_answers += 1
        skips = [i for i, t in enumerate(titles) if SKIP.match(t)]
        if len(skips) == len(titles):
            # A free-text question (work experience) offers only "Skip": answer in words.
            self._type("I worked in a shop for three years and I know Excel.")
            return
        if self.button_answers > 6 and skips:
            self._press(skips[0])
            return
        self._press(next(i for i, t in enumerate(titles) if not SKIP.match(t)))

    def _press(self, index: int) -> None:
        chat = self.chat
        title = chat.press_button_with_keyboard(index) if self.keyboard else chat.click_button(index)
        self.log.append(f"button: {title}")

    def _type(self, text: str) -> None:
        if self.keyboard:
            self.chat.type_with_keyboard(text)
        else:
            self.chat.type_message(text)
        self.log.append(f"typed: {text}")

    def until_suggestions(self, max_turns: int = 45) -> None:
        """Answer until a suggestion link shows; fail after ``max_turns``."""
        while not self.chat.has_suggestion_link():
            if self.turns >= max_turns:
                raise AssertionError(f"no suggestions after {self.turns} turns: {self.log}")
            self.step()
