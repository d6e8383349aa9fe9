"""Issue 5 end to end on the live stack: handoff round trip, approved summaries, resume code, deletion.

The person uses the real widget (socket.io) on the Espoo page; coaches are
accounts created in the live stack's database with ``bot.coach.accounts`` and
use the real dashboard at ``{web_url}/coach/``. Rows are counted straight in
the stack's SQLite files (product database and Rasa's tracker store).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from bot.coach import accounts
from bot.coach.models import CoachNote
from bot.db import make_engine
from bot.handoff.models import HandoffMessage, HandoffRequest
from bot.i18n import t
from bot.privacy.erasure import person_tables
from bot.summaries.models import Summary
from tests.browser.chat import SKIP, Chat, Walker
from tests.live_stack import LiveStack

PASSWORD = "a long coach password 42"
# Coaches are on duty whatever the clock says (the live stack inherits this; set before it starts).
os.environ.setdefault("HANDOFF_OFFICE_HOURS", "always")


@pytest.fixture(scope="module")
def db(live_stack: LiveStack) -> Iterator[Session]:
    """A session on the live stack's product database."""
    engine = make_engine(live_stack.database_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture(scope="module")
def coaches(db: Session) -> dict[str, str]:
    """Coach accounts of Espoo and Helsinki: city -> email."""
    made = {"Espoo": "coach@espoo.example", "Helsinki": "coach@helsinki.example"}
    for city, email in made.items():
        accounts.create_account(db, email, PASSWORD, city)
    db.commit()
    return made


def open_widget(page: Page, live_stack: LiveStack, path: str = "/espoo/en/") -> Chat:
    """Open the city page and the widget; wait for the welcome."""
    chat = Chat.start(page, f"{live_stack.web_url}{path}")
    return chat


def send_quietly(chat: Chat, message: str) -> None:
    """Type and send a message without waiting for a bot reply (the bot is paused)."""
    before = chat.user.count()
    chat.input.fill(message)
    chat.input.press("Enter")
    expect(chat.user).to_have_count(before + 1)


def say(chat: Chat, message: str) -> None:
    """Send a message and wait for the bot's replies."""
    before = chat.bot.count()
    send_quietly(chat, message)
    chat.wait_for_replies(before)


def coach_login(browser: Browser, live_stack: LiveStack, email: str) -> Page:
    """A new browser context logged in to the dashboard as ``email``."""
    page = browser.new_context(locale="en-GB").new_page()
    page.goto(f"{live_stack.web_url}/coach/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(
        page.get_by_role("link", name="Log out").or_(page.get_by_role("button", name="Log out"))
    ).to_be_visible()
    return page


def slots_of(live_stack: LiveStack, sender: str) -> dict[str, Any]:
    """The conversation's slots from Rasa's HTTP API."""
    response = httpx.get(
        f"{live_stack.rasa_api_url}/conversations/{sender}/tracker",
        params={"token": live_stack.rasa_token},
        timeout=10,
    )
    response.raise_for_status()
    return dict(response.json()["slots"])


def test_handoff_round_trip_in_the_browser(
    desktop: Page, browser: Browser, live_stack: LiveStack, db: Session, coaches: dict[str, str]
) -> None:
    """Ask for a person, bot goes quiet, coach takes it and replies, hands back, bot answers again."""
    chat = open_widget(desktop, live_stack)
    sender = chat.session_id()
    say(chat, "I want to talk to a person")
    expect(chat.bot.filter(has_text="I have asked a coach to join this chat")).to_have_count(1)
    expect(chat.bot.filter(has_text=t("summary.ask_share_handoff", "en"))).to_have_count(1)
    chat.last_buttons().filter(has_text=t("summary.yes_button", "en")).click()
    # The one reply while paused: the yes is confirmed (actions/handoff_consent.py).
    expect(chat.bot.filter(has_text=t("summary.handoff_shared", "en"))).to_have_count(1)
    bots = chat.bot.count()
    send_quietly(chat, "hello, is anyone there?")
    desktop.wait_for_timeout(4000)
    assert chat.bot.count() == bots, "the bot answered while paused"

    db.expire_all()
    request = db.scalar(select(HandoffRequest).where(HandoffRequest.conversation_id == sender))
    assert request is not None and (request.city, request.status) == ("Espoo", "waiting")

    coach = coach_login(browser, live_stack, coaches["Espoo"])
    coach.goto(f"{live_stack.web_url}/coach/queue")
    coach.locator(f"a[href$='/coach/handoffs/{request.id}']").first.click()
    expect(coach.locator("#messages")).to_contain_text("hello, is anyone there?")
    summary_link = coach.locator("#handoff-summary a")
    expect(summary_link).to_have_count(1)  # the person said yes in the chat
    coach.get_by_role("button", name="Take").click()
    coach.get_by_label("Reply").fill("Hi, I am Sanna, a coach in Espoo. How can I help?")
    coach.get_by_role("button", name="Send").click()
    expect(chat.bot.last).to_contain_text("I am Sanna, a coach in Espoo", timeout=20_000)

    send_quietly(chat, "I need help with my CV")
    expect(coach.locator("#messages")).to_contain_text("I need help with my CV", timeout=20_000)
    coach.get_by_role("button", name="Hand back to the bot").click()
    left = chat.page.locator("#digipoint-chat .msg.system", has_text="The coach has left the chat")
    expect(left).to_have_count(1, timeout=20_000)

    say(chat, "what can you do?")
    assert "The coach has left" not in chat.bot.last.inner_text()

    coach.goto(f"{live_stack.web_url}/coach/handoffs/{request.id}")
    href = coach.locator("#handoff-summary a").get_attribute("href")
    coach.goto(f"{live_stack.web_url}{href}" if href and href.startswith("/") else str(href))
    expect(coach.locator("h1")).to_contain_text("Summary")
    expect(coach.locator("dl.data")).to_contain_text("handoff")
    db.expire_all()
    stored = db.scalar(select(Summary).where(Summary.conversation_id == sender))
    assert stored is not None and stored.consent_to_share is True and stored.data["trigger"] == "handoff"
    helsinki = coach_login(browser, live_stack, coaches["Helsinki"])
    assert helsinki.goto(f"{live_stack.web_url}/coach/handoffs/{request.id}").status == 404
    assert helsinki.goto(f"{live_stack.web_url}/coach/summaries/{stored.id}").status == 404
    coach.context.close()
    helsinki.context.close()


BACKGROUND = "I worked in a warehouse for five years and used Excel every day"


def step(walker: Walker) -> None:
    """One answer; a question whose only button is "skip" (background) gets typed words."""
    titles = [title.strip() for title in walker.chat.last_buttons().all_inner_texts()]
    if titles and all(SKIP.match(title) for title in titles) and BACKGROUND not in walker.log:
        say(walker.chat, BACKGROUND)
        walker.log.append(BACKGROUND)
        return
    walker.step()


def until_suggestions(chat: Chat) -> Walker:
    """Answer until a suggestion link shows (at most 45 answers)."""
    walker = Walker(chat, keyboard=False)
    for _ in range(45):
        if chat.has_suggestion_link():
            return walker
        step(walker)
    raise AssertionError(f"no suggestions: {walker.log}")


def walk_to_consent(chat: Chat) -> None:
    """Answer questions until the summary's consent question is asked."""
    walker = until_suggestions(chat)
    yes = t("summary.yes_button", "en")
    for _ in range(15):
        titles = [title.strip() for title in chat.last_buttons().all_inner_texts()]
        if yes in titles:
            return
        step(walker)
    raise AssertionError(f"no consent question: {walker.log}")


def test_approved_summary_city_only_and_resume_code(
    desktop: Page, browser: Browser, live_stack: LiveStack, db: Session, coaches: dict[str, str]
) -> None:
    """An approved summary is read by an Espoo coach only; a resume code restores the plan later."""
    chat = open_widget(desktop, live_stack)
    sender = chat.session_id()
    walk_to_consent(chat)
    chat.last_buttons().filter(has_text=t("summary.yes_button", "en")).click()
    expect(chat.bot.filter(has_text="Your resume code is")).to_have_count(1, timeout=20_000)
    code_text = chat.bot.filter(has_text="Your resume code is").inner_text()
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code_text).group(0)  # type: ignore[union-attr]
    summary_id = int(slots_of(live_stack, sender)["summary_id"])

    hidden = Summary(
        conversation_id="not-approved", language="en", city="Espoo", data={}, consent_to_share=None
    )
    db.add(hidden)
    db.commit()

    espoo = coach_login(browser, live_stack, coaches["Espoo"])
    response = espoo.goto(f"{live_stack.web_url}/coach/summaries/{summary_id}")
    assert response is not None and response.status == 200
    expect(espoo.locator("dl.data")).to_contain_text(re.compile("open questions", re.IGNORECASE))
    not_approved = espoo.goto(f"{live_stack.web_url}/coach/summaries/{hidden.id}")
    assert not_approved is not None and not_approved.status == 404
    helsinki = coach_login(browser, live_stack, coaches["Helsinki"])
    other = helsinki.goto(f"{live_stack.web_url}/coach/summaries/{summary_id}")
    assert other is not None and other.status == 404
    espoo.context.close()
    helsinki.context.close()

    later = browser.new_context(locale="en-GB").new_page()
    again = open_widget(later, live_stack)
    assert again.session_id() != sender
    say(again, f"I have a code {code.lower().replace('-', ' ')}")
    expect(again.bot.filter(has_text=t("resume.welcome_back", "en"))).to_have_count(1)
    restored = slots_of(live_stack, again.session_id())
    before = slots_of(live_stack, sender)
    for name in ("goal_type", "field", "confidence_score", "holland_code", "next_steps"):
        assert restored.get(name) == before.get(name), name
    # The welcome's goal questions go on with the known answers skipped; the confidence check comes again.
    until_suggestions(again)
    trend = re.compile(r"last time \(")
    assert any(trend.search(text) for text in again.bot.all_inner_texts()), "no confidence trend shown"
    later.context.close()


def count_rows(live_stack: LiveStack, sender: str) -> dict[str, int]:
    """Rows of ``sender`` in every product table keyed by a conversation and in the tracker store."""
    counts: dict[str, int] = {}
    engine = make_engine(live_stack.database_url)
    with engine.connect() as connection:
        for table, column in person_tables():
            counts[table.name] = connection.scalar(select(func.count()).where(column == sender)) or 0
    engine.dispose()
    tracker = make_engine(live_stack.tracker_db_url)
    assert inspect(tracker).has_table("events")
    with tracker.connect() as connection:
        counts["events"] = connection.scalar(
            text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}
        )
    tracker.dispose()
    return counts


def test_delete_my_data_leaves_zero_rows(desktop: Page, live_stack: LiveStack, db: Session) -> None:
    """After "delete my data" no table holds a row of the conversation, Rasa's events included.

    A coach's handoff, reply and note of the conversation are added directly
    (a paused conversation answers nobody, so the person could not ask now).
    """
    chat = open_widget(desktop, live_stack)
    sender = chat.session_id()
    until_suggestions(chat)
    request = HandoffRequest(conversation_id=sender, city="Espoo", language="en", status="closed")
    db.add(request)
    db.flush()
    db.add(HandoffMessage(handoff_id=request.id, conversation_id=sender, author_email="c@e.fi", text="Hi"))
    db.add(CoachNote(conversation_id=sender, author_email="c@e.fi", text="note"))
    db.commit()
    before = count_rows(live_stack, sender)
    assert before["events"] > 0 and before["handoff_requests"] == 1 and before["coach_notes"] == 1
    assert before["assessment_results"] >= 1
    say(chat, "delete my data")
    # Nothing is deleted before the person says yes to the question.
    expect(chat.last_buttons().filter(has_text="Yes, delete")).to_have_count(1)
    asked = count_rows(live_stack, sender)
    for table in ("assessment_results", "handoff_requests", "coach_notes"):
        assert asked[table] == before[table], table
    chat.last_buttons().filter(has_text="Yes, delete").click()
    # The widget then clears the chat from the screen and says so (issue 13).
    erased = chat.page.locator("#digipoint-chat .msg.system", has_text="Everything is deleted")
    expect(erased).to_have_count(1, timeout=20_000)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        after = count_rows(live_stack, sender)
        if not any(after.values()):
            break
        time.sleep(0.5)
    assert after == {name: 0 for name in after}, after
