"""Issue 13, "a handoff people can see", in Debian's Chromium on the live stack.

What the person sees in the widget on the Espoo page (socket.io, real Rasa,
action server and worker), and what the coach sees on the real dashboard:

- while waiting: a banner with their place in the queue and "about N minutes",
  updated by the worker when someone ahead is taken; no typing indicator while
  the bot is paused; what they write reaches the coach's handoff page;
- "Anna, a coach, has joined the chat", coach replies labelled "Coach Anna"
  (visible and for screen readers), "The coach has left the chat ...";
- nobody takes the request in time: "Yes, contact me", a consent question, a
  clear message for a bad phone number; the request is listed for Espoo's
  coaches only, and "Mark done" removes it from the list;
- outside office hours: when coaches answer, "Yes, contact me" (in the middle
  of the goal questions), an e-mail address, listed as "outside office hours".

Coaches are on duty around the clock on the session's stack
(``HANDOFF_OFFICE_HOURS=always``, set before it starts), so the tests do not
depend on the clock; the outside-office-hours test runs a second stack with
``HANDOFF_OFFICE_HOURS=closed`` (the hours themselves: tests/handoff/).
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bench.stack import StackError, running_stack
from bot.clock import utcnow
from bot.coach import accounts
from bot.db import make_engine
from bot.handoff.models import ContactRequest, HandoffRequest
from bot.i18n import t
from tests.browser.axe import assert_no_violations
from tests.browser.chat import ROOT, Chat
from tests.browser.conftest import DESKTOP
from tests.live_stack import LiveStack

os.environ.setdefault("HANDOFF_OFFICE_HOURS", "always")
PASSWORD = "a long coach password 43"
ANNA = "anna@espoo.example"
HELSINKI = "visible@helsinki.example"


@pytest.fixture(scope="module")
def db(live_stack: LiveStack) -> Iterator[Session]:
    """A session on the live stack's product database; Anna (Espoo, display name) and a Helsinki coach."""
    engine = make_engine(live_stack.database_url)
    with Session(engine) as session:
        accounts.create_account(session, ANNA, PASSWORD, "Espoo", display_name="Anna")
        accounts.create_account(session, HELSINKI, PASSWORD, "Helsinki")
        session.commit()
        yield session
    engine.dispose()


@pytest.fixture()
def desktop(browser: Browser) -> Iterator[Page]:
    """A fresh 1280x800 page (own storage) where axe-core may be injected (bypass_csp)."""
    size = ViewportSize(width=DESKTOP["width"], height=DESKTOP["height"])
    context = browser.new_context(viewport=size, locale="en-GB", reduced_motion="reduce", bypass_csp=True)
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def closed_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    """A second real stack where no coach answers in the chat now (``HANDOFF_OFFICE_HOURS=closed``)."""
    try:
        closed = {"HANDOFF_OFFICE_HOURS": "closed"}
        with running_stack(tmp_path_factory.mktemp("closed"), extra_env=closed) as stack:
            engine = make_engine(stack.database_url)
            with Session(engine) as session:
                accounts.create_account(session, ANNA, PASSWORD, "Espoo", display_name="Anna")
                session.commit()
            engine.dispose()
            yield stack
    except StackError as error:
        pytest.fail(str(error))


def open_widget(page: Page, live_stack: LiveStack) -> Chat:
    """The Espoo English page with the widget open and the welcome shown."""
    chat = Chat.start(page, f"{live_stack.web_url}/espoo/en/")
    return chat


def coach_login(browser: Browser, live_stack: LiveStack, email: str) -> Page:
    """A new browser context logged in to the dashboard as ``email``."""
    # bypass_csp: axe-core is injected as a script (the pages allow only their own).
    page = browser.new_context(locale="en-GB", bypass_csp=True).new_page()
    page.goto(f"{live_stack.web_url}/coach/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    return page


def ask_for_a_coach(chat: Chat) -> None:
    """'I want to talk to a person', then yes to sharing the summary."""
    chat.type_message("I want to talk to a person")
    expect(chat.bot.filter(has_text="I have asked a coach to join this chat")).to_have_count(1)
    chat.last_buttons().filter(has_text=t("summary.yes_button", "en")).click()


def assert_no_typing_for_a_while(chat: Chat) -> None:
    """The typing indicator stays off (the bot is paused: nobody is typing)."""
    for _ in range(4):
        assert chat.typing.is_hidden(), "a typing indicator is shown while the bot is paused"
        chat.page.wait_for_timeout(500)


def request_of(db: Session, sender: str) -> HandoffRequest:
    """The conversation's newest handoff request in the stack's database."""
    db.expire_all()
    request = db.scalar(
        select(HandoffRequest)
        .where(HandoffRequest.conversation_id == sender)
        .order_by(HandoffRequest.id.desc())
    )
    assert request is not None
    return request


def test_waiting_place_joined_coach_label_left(
    desktop: Page, browser: Browser, live_stack: LiveStack, db: Session, axe_source: str
) -> None:
    """Place 2, then next; no typing while paused; Anna joins, her reply is labelled; she leaves."""
    # Earlier tests on the session's stack (tests/live/test_paused_for_coach.py and others)
    # leave their Espoo requests waiting; close them so the queue holds only "ahead" and us.
    db.execute(update(HandoffRequest)
               .where(HandoffRequest.city == "Espoo", HandoffRequest.status == "waiting")
               .values(status="closed"))
    db.commit()
    ahead = HandoffRequest(conversation_id=f"ahead-{uuid.uuid4().hex}", city="Espoo", language="en")
    db.add(ahead)
    db.commit()
    chat = open_widget(desktop, live_stack)
    sender = chat.session_id()
    ask_for_a_coach(chat)
    banner = desktop.locator(f"{ROOT} .handoff-banner")
    expect(banner).to_be_visible()
    expect(banner).to_have_attribute("role", "status")
    expect(banner).to_contain_text("Waiting for a coach")
    expect(banner).to_contain_text(
        re.compile(r"You are number 2 in the queue\. A coach usually joins in about \d+ minutes\.")
    )
    assert_no_typing_for_a_while(chat)
    chat.input.fill("hello, is anyone there?")
    chat.input.press("Enter")
    assert_no_typing_for_a_while(chat)

    # Someone else's coach takes the person ahead: the worker moves this one up.
    db.execute(update(HandoffRequest).where(HandoffRequest.id == ahead.id)
               .values(status="active", taken_by="other@espoo.example", taken_at=utcnow()))
    db.commit()
    expect(banner).to_contain_text("You are next in the queue", timeout=30_000)
    assert_no_violations(desktop, axe_source, "widget waiting for a coach, banner shown")

    coach = coach_login(browser, live_stack, ANNA)
    coach.goto(f"{live_stack.web_url}/coach/handoffs/{request_of(db, sender).id}")
    expect(coach.locator("#messages")).to_contain_text("hello, is anyone there?")
    coach.get_by_role("button", name="Take").click()
    joined = desktop.locator(f"{ROOT} .msg.system", has_text="Anna, a coach, has joined the chat.")
    expect(joined).to_have_count(1, timeout=20_000)
    expect(banner).to_be_hidden()

    coach.get_by_label("Reply").fill("Hi, I am Anna from Espoo. How can I help?")
    coach.get_by_role("button", name="Send").click()
    reply = desktop.locator(f"{ROOT} .msg.coach").last
    expect(reply).to_contain_text("Hi, I am Anna from Espoo.", timeout=20_000)
    expect(reply.locator(".who")).to_have_text("Coach Anna")
    expect(reply.locator(".sr-only").first).to_have_text("Coach Anna: ")
    expect(desktop.locator(f"{ROOT} .msg.bot:not(.coach) .who").first).to_have_text("Guide")
    expect(coach.locator("#messages li.coach")).to_contain_text("Anna", timeout=20_000)
    assert_no_violations(desktop, axe_source, "widget with a coach's labelled reply and notices")

    coach.get_by_role("button", name="Hand back to the bot").click()
    left = desktop.locator(f"{ROOT} .msg.system", has_text="The coach has left the chat.")
    expect(left).to_have_count(1, timeout=20_000)
    expect(left).to_contain_text("You are with DigiPoint, the chatbot, again.")
    before = chat.bot.count()
    chat.type_message("what can you do?")
    assert chat.bot.count() > before
    coach.context.close()


def test_nobody_free_contact_me_listed_for_the_city(
    desktop: Page, browser: Browser, live_stack: LiveStack, db: Session, axe_source: str
) -> None:
    """Timeout: 'Yes, contact me', consent, a bad number refused, the good one listed for Espoo only."""
    chat = open_widget(desktop, live_stack)
    sender = chat.session_id()
    ask_for_a_coach(chat)
    request = request_of(db, sender)
    db.execute(update(HandoffRequest).where(HandoffRequest.id == request.id)
               .values(requested_at=utcnow() - timedelta(hours=1)))
    db.commit()
    sorry = chat.bot.filter(has_text="I'm sorry, no coach is free right now.")
    expect(sorry).to_have_count(1, timeout=40_000)
    expect(desktop.locator(f"{ROOT} .handoff-banner")).to_be_hidden()
    chat.wait_for_replies(0)

    chat.last_buttons().filter(has_text="Yes, contact me").click()
    expect(chat.bot.last).to_contain_text("Is that OK?", timeout=20_000)
    expect(chat.bot.last).to_contain_text("deleted when you write \"delete my data\"")
    chat.type_message("hmm, what for?")
    expect(chat.bot.filter(has_text="Please choose Yes or No.")).to_have_count(1)
    expect(chat.bot.last).to_contain_text("Is that OK?")
    chat.click_button(0)  # "Yes, that's OK"
    expect(chat.bot.last).to_contain_text("Please write your phone number or your e-mail address.")
    chat.type_message("12345")
    expect(chat.bot.filter(has_text="That doesn't look like a phone number.")).to_have_count(1)
    chat.type_message("040 123 4567")
    expect(chat.bot.last).to_contain_text("Thank you. A coach will contact you at +358 40 1234567")
    db.expire_all()
    row = db.scalar(select(ContactRequest).where(ContactRequest.conversation_id == sender))
    assert row is not None and (row.contact, row.reason, row.city) == ("+358401234567", "timeout", "Espoo")

    helsinki = coach_login(browser, live_stack, HELSINKI)
    helsinki.goto(f"{live_stack.web_url}/coach/contacts")
    expect(helsinki.locator("#contacts")).not_to_contain_text("+358 40 1234567")
    helsinki.context.close()

    espoo = coach_login(browser, live_stack, ANNA)
    espoo.get_by_role("link", name="Contact requests").click()
    table = espoo.locator("#contacts")
    entry = table.locator("tr", has_text="+358 40 1234567")
    expect(entry).to_contain_text("no coach was free")
    assert_no_violations(espoo, axe_source, "coach contact requests with a request")
    expect(entry.get_by_role("link", name="+358 40 1234567")).to_have_attribute("href", "tel:+358401234567")
    entry.get_by_role("button", name="Mark done: +358 40 1234567").click()
    expect(espoo.get_by_role("status")).to_have_text("Request marked done.")
    expect(table).not_to_contain_text("+358 40 1234567")
    espoo.context.close()


def test_outside_office_hours_contact_me_listed_on_the_dashboard(
    desktop: Page, browser: Browser, closed_stack: LiveStack
) -> None:
    """Closed: the hours, no queue, 'Yes, contact me' mid-questions, an e-mail address on the dashboard."""
    chat = open_widget(desktop, closed_stack)
    chat.type_message("I want to talk to a person")
    hours = "Coaches answer in this chat Mon–Fri 9:00–16:00. Right now no coach is here."
    closed = chat.bot.filter(has_text=hours)
    expect(closed).to_have_count(1)
    expect(closed).to_contain_text("09 81621")  # Employment Espoo's phone
    expect(chat.bot.filter(has_text="I have asked a coach to join this chat")).to_have_count(0)
    expect(desktop.locator(f"{ROOT} .handoff-banner")).to_be_hidden()

    desktop.locator(f"{ROOT} .quick button", has_text="Yes, contact me").click()
    expect(chat.bot.last).to_contain_text("Is that OK?", timeout=20_000)
    chat.wait_for_replies(0)
    chat.last_buttons().filter(has_text="Yes, that's OK").click()
    expect(chat.bot.last).to_contain_text("Please write your phone number or your e-mail address.")
    chat.wait_for_replies(0)
    chat.type_message("anna.virtanen@")
    expect(chat.bot.filter(has_text="That e-mail address doesn't look right.")).to_have_count(1)
    chat.type_message("anna.virtanen@example.fi")
    expect(chat.bot.last).to_contain_text("Thank you. A coach will contact you at anna.virtanen@example.fi")

    espoo = coach_login(browser, closed_stack, ANNA)
    espoo.goto(f"{closed_stack.web_url}/coach/contacts")
    entry = espoo.locator("#contacts tr", has_text="anna.virtanen@example.fi")
    expect(entry).to_contain_text("outside office hours")
    expect(entry.get_by_role("link", name="anna.virtanen@example.fi")).to_have_attribute(
        "href", "mailto:anna.virtanen@example.fi"
    )
    espoo.context.close()


def test_coach_sets_the_name_people_see(
    browser: Browser, live_stack: LiveStack, db: Session, axe_source: str
) -> None:
    """'Your name in the chat': a name with digits is refused with a clear message, 'Sanna' is saved."""
    email = "sanna@espoo.example"
    accounts.create_account(db, email, PASSWORD, "Espoo")
    db.commit()
    coach = coach_login(browser, live_stack, email)
    coach.get_by_role("link", name="Your name in the chat").click()
    field = coach.get_by_label("First name")
    field.fill("S4nna")
    coach.get_by_role("button", name="Save name").click()
    refused = "Please write a first name in letters, at most 40 characters."
    expect(coach.get_by_role("alert")).to_have_text(refused)
    expect(field).to_have_value("S4nna")
    expect(field).to_have_attribute("aria-invalid", "true")
    assert_no_violations(coach, axe_source, "coach profile with a refused name")
    field.fill("Sanna")
    coach.get_by_role("button", name="Save name").click()
    expect(coach.get_by_role("status")).to_have_text("Your name in the chat is saved.")
    expect(coach.get_by_label("First name")).to_have_value("Sanna")
    db.expire_all()
    assert accounts.display_name_of(db, email) == "Sanna"
    coach.context.close()
