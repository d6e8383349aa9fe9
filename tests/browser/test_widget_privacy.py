"""The widget's privacy and lifecycle promises on the live stack (issue 13).

- "Delete my data": after the bot confirms, the conversation is gone from the
  screen and from the browser's storage, a new session id starts, and the
  person is told everything is deleted on the server and on this device.
- "End and clear" in the header (keyboard, full-screen phone layout): asks
  first; "yes" clears screen and storage with a new session id and leaves the
  server copy to retention, or, ticked, deletes it on the server too.
- "Start over" starts again with the welcome and the first question with
  buttons, the same a new visitor gets.
- A page whose origin the server does not allow gets a clear message and the
  city's contact instead of "Connecting…" forever.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.chat import ROOT, Chat, Walker, deep_active_html, deep_active_text

WIDGET_JS = Path(__file__).resolve().parents[2] / "bot" / "web" / "static" / "widget.js"
PRIVATE = "I am feeling hopeless about finding work"


def tracker_events(stack: Any, session_id: str) -> list[dict[str, Any]]:
    """The user events of ``session_id`` in Rasa's tracker (via the token-protected API)."""
    token = getattr(stack, "rasa_token", None)
    if not token:
        pytest.skip("no Rasa token for the tracker API (set DIGIPOINT_RASA_TOKEN)")
    response = httpx.get(
        f"{stack.rasa_api_url}/conversations/{session_id}/tracker", params={"token": token}, timeout=10
    )
    response.raise_for_status()
    return [e for e in response.json().get("events") or [] if e.get("event") == "user"]


def start(page: Page, stack: Any, path: str) -> Chat:
    """Open ``path``, open the widget with the keyboard, wait for the welcome."""
    page.goto(f"{stack.web_url}{path}")
    chat = Chat(page)
    chat.open_with_keyboard()
    chat.wait_for_replies(0)
    return chat


def say_something_private(chat: Chat) -> None:
    """Answer the first question, then write a sentence nobody else should read."""
    Walker(chat, keyboard=False).step()
    chat.type_message(PRIVATE)
    expect(chat.user.filter(has_text=PRIVATE)).to_have_count(1)
    assert PRIVATE in chat.stored()


def expect_forgotten(chat: Chat, old_session: str, notice: re.Pattern[str]) -> None:
    """Screen and storage hold nothing of the old conversation; a new session greets anew."""
    page = chat.page
    expect(page.locator(f"{ROOT} .msg.system").filter(has_text=notice)).to_be_visible(timeout=30_000)
    expect(chat.user).to_have_count(0)
    expect(page.locator(f"{ROOT} .log")).not_to_contain_text(PRIVATE)
    assert PRIVATE not in chat.stored()
    new_session = chat.session_id()
    assert new_session and new_session != old_session
    # The new session starts like a new visitor's: welcome and first question with buttons.
    expect(chat.last_buttons().first).to_be_visible(timeout=45_000)
    expect(page.locator(f"{ROOT} .panel")).to_have_attribute("data-connection", "online")
    page.reload()
    expect(Chat(page).panel).to_be_visible()
    expect(page.locator(f"{ROOT} .log")).not_to_contain_text(PRIVATE)
    assert PRIVATE not in Chat(page).stored()


def wait_until_deleted(stack: Any, session_id: str, timeout_s: float = 20) -> list[dict[str, Any]]:
    """The old session's user events once the action server's cleanup has run (normally < 1 s)."""
    deadline = time.monotonic() + timeout_s
    events = tracker_events(stack, session_id)
    while events and time.monotonic() < deadline:
        time.sleep(0.5)
        events = tracker_events(stack, session_id)
    return events


def test_delete_my_data_clears_the_screen_the_storage_and_the_session(desktop: Page, stack: Any) -> None:
    """After 'delete my data' and 'yes', nothing is on screen or in storage; a new session starts."""
    chat = start(desktop, stack, "/espoo/en/")
    say_something_private(chat)
    old_session = chat.session_id()
    chat.type_message("delete my data")
    yes = chat.last_buttons().filter(has_text=re.compile(r"^yes", re.IGNORECASE))
    expect(yes).to_have_count(1)
    yes.click()
    expect_forgotten(chat, old_session, re.compile("deleted: on our server and on this device"))
    assert wait_until_deleted(stack, old_session) == []


def test_end_and_clear_by_keyboard_on_a_phone_keeps_the_server_copy(mobile: Page, stack: Any) -> None:
    """Full-screen 360x740: Tab to 'End and clear', confirm by keys; the device forgets, the server keeps."""
    chat = start(mobile, stack, "/turku/en/")
    say_something_private(chat)
    old_session = chat.session_id()
    end = mobile.locator(f"{ROOT} .tool.end")
    expect(end).to_have_text("End and clear")
    expect(end).to_have_accessible_name(re.compile("End and clear"))
    chat.input.focus()
    for _ in range(40):  # focus stays inside the full-screen panel, so Tab comes round to the header
        mobile.keyboard.press("Tab")
        if deep_active_text(mobile) == "End and clear":
            break
    else:
        raise AssertionError("'End and clear' was not reachable with Tab")
    mobile.keyboard.press("Enter")
    question = mobile.locator(f"{ROOT} .confirm")
    expect(question).to_be_visible()
    expect(question).to_contain_text("End this chat?")
    expect(question).to_contain_text("then deletes it automatically")
    assert 'type="checkbox"' in deep_active_html(mobile)
    # Escape takes the question back and nothing is lost.
    mobile.keyboard.press("Escape")
    expect(question).to_be_hidden()
    expect(chat.panel).to_be_visible()
    assert PRIVATE in chat.stored()
    mobile.keyboard.press("Enter")  # focus is back on "End and clear"
    expect(question).to_be_visible()
    mobile.keyboard.press("Tab")
    assert deep_active_text(mobile) == "Yes, end and clear"
    mobile.keyboard.press("Enter")
    expect_forgotten(chat, old_session, re.compile("cleared from this device"))
    # Not ticked: the server copy is left to the retention purge, not deleted.
    assert any(e.get("text") == PRIVATE for e in tracker_events(stack, old_session))


def test_end_and_clear_with_server_deletion_ticked_deletes_everything(desktop: Page, stack: Any) -> None:
    """On the Swedish page, ticking 'also delete my answers from the server' deletes the server copy too."""
    chat = start(desktop, stack, "/vantaa/sv/")
    say_something_private(chat)
    old_session = chat.session_id()
    desktop.get_by_role("button", name="Avsluta och rensa").click()
    desktop.get_by_label("Radera också mina svar från servern nu").check()
    desktop.get_by_role("button", name="Ja, avsluta och rensa").click()
    expect_forgotten(chat, old_session, re.compile("Allt är raderat: på vår server och på den här enheten"))
    # The bot's own yes/no question was answered for the person, never shown.
    expect(desktop.locator(f"{ROOT} .log")).not_to_contain_text("Vill du att jag raderar allt")
    assert wait_until_deleted(stack, old_session) == []


def test_another_tab_of_the_site_forgets_too(desktop: Page, stack: Any) -> None:
    """Two tabs share the chat; 'End and clear' in one empties the other, which cannot write it back."""
    chat = start(desktop, stack, "/espoo/en/")
    say_something_private(chat)
    other = desktop.context.new_page()
    other.goto(f"{stack.web_url}/espoo/fi/")
    other_chat = Chat(other)
    other_chat.launcher.click()
    expect(other.locator(f"{ROOT} .log")).to_contain_text(PRIVATE)
    old_session = chat.session_id()
    desktop.locator(f"{ROOT} .tool.end").click()
    desktop.locator(f"{ROOT} .confirm .yes").click()
    expect_forgotten(chat, old_session, re.compile("cleared from this device"))
    expect(other.locator(f"{ROOT} .log")).not_to_contain_text(PRIVATE)
    other_chat.type_message("hello")
    assert PRIVATE not in other_chat.stored()
    assert PRIVATE not in chat.stored()
    assert other_chat.session_id() != old_session
    other.close()


def test_start_over_asks_the_first_question_again(desktop: Page, stack: Any) -> None:
    """'Start over' gives the same welcome and first question with buttons a new visitor gets."""
    chat = start(desktop, stack, "/helsinki/en/")
    first = chat.bot_texts()
    first_buttons = [b.strip() for b in chat.last_buttons().all_inner_texts()]
    assert first_buttons
    walker = Walker(chat, keyboard=False)
    walker.step()
    walker.step()
    assert chat.bot_texts()[-1] != first[-1]
    desktop.locator(f"{ROOT} .restart").click()
    expect(chat.user).to_have_count(0)
    note = desktop.locator(f"{ROOT} .msg.system")
    expect(note).to_have_text(re.compile("The conversation was started again"))
    chat.wait_for_replies(0)
    expect(chat.bot.last.locator(".bubble")).to_have_text(first[-1], timeout=30_000)
    assert chat.bot_texts() == first
    assert [b.strip() for b in chat.last_buttons().all_inner_texts()] == first_buttons
    # The question can be answered: the conversation goes on.
    walker.step()
    assert chat.user.count() == 1


@pytest.fixture()
def other_origin() -> Iterator[Callable[..., str]]:
    """``serve(server_url, tag=None)``: a page with the widget (talking to ``server_url``,
    or the given <script> tag) on http://127.0.0.1:<free port>, an origin the stack does
    not allow; returns its URL.

    A real local server (not a Playwright route): Chromium's Private Network
    Access treats a routed page as public and blocks all its requests to
    localhost, which is not the situation under test.
    """
    servers: list[ThreadingHTTPServer] = []
    script = WIDGET_JS.read_bytes()

    def serve(server_url: str, tag: str | None = None) -> str:
        tag = tag or f"""<script src="/widget.js" defer data-server-url="{server_url}" data-city="Turku"
  data-language="en" data-title="DigiPoint"
  data-contact-name="Turku Employment Services" data-contact-phone="02 262 3000"
  data-contact-url="https://www.turku.fi/en"></script>"""
        html = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jobs</title></head>
<body><main><h1>Jobs</h1></main>
{tag}</body></html>""".encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802  (http.server's name)
                is_script = self.path.endswith("/widget.js")
                body, kind = (script, "text/javascript") if is_script else (html, "text/html")
                self.send_response(200)
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                """Quiet."""

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}/jobs/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def axe_violations(page: Page, axe_source: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page (shadow roots included), as 'rule: targets'."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source)
    return page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
            .then(r => r.violations.map(
              v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"""
    )


def test_a_refused_page_shows_a_message_and_the_city_contact(
    desktop: Page, stack: Any, other_origin: Callable[..., str], axe_source: str
) -> None:
    """On a page of a refused origin: a clear message and the city's contact, not 'Connecting…'."""
    warnings: list[str] = []
    desktop.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    desktop.goto(other_origin(stack.rasa_url))
    chat = Chat(desktop)
    chat.launcher.click()
    panel = desktop.locator(f"{ROOT} .panel")
    expect(panel).to_have_attribute("data-connection", "refused", timeout=30_000)
    trouble = desktop.locator(f"{ROOT} .trouble")
    expect(trouble).to_be_visible()
    expect(trouble).to_contain_text("the chat does not work on this page")
    expect(trouble.get_by_role("link", name=re.compile("Turku Employment Services"))).to_have_attribute(
        "href", "https://www.turku.fi/en"
    )
    expect(trouble.get_by_role("link", name="02 262 3000")).to_have_attribute("href", "tel:022623000")
    expect(desktop.locator(f"{ROOT} .status")).not_to_contain_text("Connecting")
    expect(chat.typing).to_be_hidden()
    # It stays that way (no fall back to "Connecting…"), and the page's developer gets one line.
    desktop.wait_for_timeout(4000)
    expect(panel).to_have_attribute("data-connection", "refused")
    assert sum("ALLOWED_ORIGINS" in w for w in warnings) == 1
    assert axe_violations(desktop, axe_source) == []
    # The 'End and clear' question (it works offline too) passes the same checks.
    desktop.locator(f"{ROOT} .tool.end").click()
    expect(desktop.locator(f"{ROOT} .confirm")).to_be_visible()
    assert axe_violations(desktop, axe_source) == []


def test_a_server_that_is_down_is_not_called_a_refusal(
    desktop: Page, other_origin: Callable[..., str]
) -> None:
    """No server at all: 'not available right now, we keep trying' and the contact, not a refusal."""
    desktop.goto(other_origin(f"http://127.0.0.1:{closed_port()}"))
    Chat(desktop).launcher.click()
    panel = desktop.locator(f"{ROOT} .panel")
    expect(panel).to_have_attribute("data-connection", "unreachable", timeout=30_000)
    trouble = desktop.locator(f"{ROOT} .trouble")
    expect(trouble).to_contain_text("The chat is not available right now. We keep trying.")
    expect(trouble.get_by_role("link", name="02 262 3000")).to_be_visible()
    expect(trouble).not_to_contain_text("does not work on this page")


def test_a_city_page_copied_elsewhere_shows_that_city_s_contact(
    desktop: Page, stack: Any, other_origin: Callable[..., str]
) -> None:
    """The Espoo Swedish page's own script tag on a refused origin: Esbo's contact from the city file."""
    page = httpx.get(f"{stack.web_url}/espoo/sv/", timeout=10).text
    tag = re.search(r"<script src=\"[^\"]*widget\.js[^>]*></script>", page, re.S)
    assert tag, "no widget script tag on the city page"
    attrs = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', tag.group(0)))
    assert attrs.get("contact-phone") and attrs.get("contact-url") and attrs.get("contact-name")
    desktop.goto(other_origin(stack.rasa_url, re.sub(r'src="[^"]*"', 'src="/widget.js"', tag.group(0))))
    Chat(desktop).launcher.click()
    trouble = desktop.locator(f"{ROOT} .trouble")
    expect(trouble).to_contain_text("Tyvärr fungerar chatten inte på den här sidan", timeout=30_000)
    expect(trouble.get_by_role("link", name=re.compile(re.escape(attrs["contact-name"])))).to_have_attribute(
        "href", attrs["contact-url"]
    )
    expect(trouble.get_by_role("link", name=attrs["contact-phone"])).to_be_visible()
