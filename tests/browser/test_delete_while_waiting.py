"""F1: "delete my data" works while the person waits for a coach (the bot is paused), on the live stack.

What the person sees on the Espoo page (socket.io, real Rasa, action server and worker):

- typed "delete my data" while waiting: the bot asks "Do you want me to delete everything ...?"
  (before the fix: no answer at all), the handoff is withdrawn (closed, gone from the queue),
  and "Yes, delete" deletes and clears the chat;
- "End and clear" with "also delete my answers from the server" ticked while waiting: "Everything
  is deleted" (before the fix: "We could not delete your data right now" after 30 s), and the
  handoff request is gone from the database.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db import make_engine
from bot.handoff.models import HandoffRequest
from tests.browser.chat import ROOT, Chat
from tests.browser.conftest import DESKTOP
from tests.live_stack import LiveStack

os.environ.setdefault("HANDOFF_OFFICE_HOURS", "always")


@pytest.fixture(scope="module")
def db(live_stack: LiveStack) -> Iterator[Session]:
    """A session on the live stack's product database."""
    engine = make_engine(live_stack.database_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture()
def desktop(browser: Browser) -> Iterator[Page]:
    """A fresh 1280x800 page with its own storage."""
    size = ViewportSize(width=DESKTOP["width"], height=DESKTOP["height"])
    context = browser.new_context(viewport=size, locale="en-GB", reduced_motion="reduce")
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def waiting_for_a_coach(page: Page, live_stack: LiveStack) -> Chat:
    """The Espoo English page: ask for a person, say yes to sharing; the waiting banner shows."""
    chat = Chat.start(page, f"{live_stack.web_url}/espoo/en/")
    chat.type_message("I want to talk to a person")
    expect(chat.bot.filter(has_text="I have asked a coach to join this chat")).to_have_count(1)
    chat.last_buttons().filter(has_text="Yes").first.click()
    expect(page.locator(f"{ROOT} .handoff-banner")).to_contain_text("Waiting for a coach")
    return chat


def requests_of(db: Session, sender: str) -> list[HandoffRequest]:
    """The conversation's handoff requests in the stack's database."""
    db.expire_all()
    return list(db.scalars(select(HandoffRequest).where(HandoffRequest.conversation_id == sender)))


def wait_until_listening(live_stack: LiveStack, sender: str, timeout_s: float = 15) -> None:
    """Wait until the worker's withdraw job has appended ``action_listen`` after the question.

    The job runs the question through Rasa's ``/execute`` and then appends
    ``action_listen`` (bot/handoff/withdraw.py); Playwright can tap "Yes"
    within milliseconds of the question showing, before the second call, which
    no person can. The CI run of 2026-12-03 07:48 failed that way once.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        state = httpx.get(
            f"{live_stack.rasa_api_url}/conversations/{sender}/tracker",
            params={"token": live_stack.rasa_token, "include_events": "NONE"},
            timeout=10,
        ).json()
        if state.get("latest_action_name") == "action_listen" and not state.get("paused"):
            return
        time.sleep(0.2)
    raise AssertionError(f"the bot never listened again: {state.get('latest_action_name')}")


def test_typed_delete_while_waiting_asks_withdraws_and_deletes(
    desktop: Page, live_stack: LiveStack, db: Session
) -> None:
    """The person sees the delete question while waiting; the handoff is withdrawn; yes clears the chat."""
    chat = waiting_for_a_coach(desktop, live_stack)
    sender = chat.session_id()
    assert [r.status for r in requests_of(db, sender)] == ["waiting"]
    chat.input.fill("delete my data")
    chat.input.press("Enter")
    question = chat.bot.filter(has_text="Do you want me to delete everything")
    expect(question).to_have_count(1, timeout=30_000)
    assert [r.status for r in requests_of(db, sender)] == ["closed"]
    wait_until_listening(live_stack, sender)
    chat.last_buttons().filter(has_text="Yes, delete").click()
    notice = desktop.locator(f"{ROOT} .msg.system").filter(has_text=re.compile("Everything is deleted"))
    expect(notice).to_be_visible(timeout=30_000)
    assert chat.session_id() != sender
    assert requests_of(db, sender) == []


def test_end_and_clear_with_deletion_while_waiting(desktop: Page, live_stack: LiveStack, db: Session) -> None:
    """'End and clear' + 'also delete' while waiting: "Everything is deleted", not "could not delete"."""
    chat = waiting_for_a_coach(desktop, live_stack)
    sender = chat.session_id()
    desktop.get_by_role("button", name="End and clear").click()
    desktop.get_by_label(re.compile("Also delete my answers from the server")).check()
    desktop.get_by_role("button", name=re.compile("Yes, end and clear")).click()
    notice = desktop.locator(f"{ROOT} .msg.system").filter(has_text=re.compile("Everything is deleted"))
    expect(notice).to_be_visible(timeout=29_000)
    expect(desktop.locator(f"{ROOT} .log")).not_to_contain_text("could not delete")
    assert chat.session_id() != sender
    assert requests_of(db, sender) == []
