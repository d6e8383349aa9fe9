"""Issue 13 "private means private" in Chromium on the live stack: a coach sees no unshared summary.

Two people use the real widget on the Espoo page, answer questions until they
get suggestions (so their summary has a confidence score, interests and
suggestion titles) and ask for a person. The first answers 'No, keep it
private': on the coach's handoff page, its live updates, the queue and the CSV
export nothing of the summary shows; the transcript has the one line
'Summary shown to the person, not shared.'. The second answers 'Yes' while the
coach has the handoff page open: the summary appears on the page, and it is
there when the coach takes the handoff. A third shares the summary at the end
of the plan and then asks for a person: no second summary, no second question,
the bot says the coach can read it, and the coach's page shows it as shared
(after the take and the hand-back too); the join notice reads 'Notice: ...'.
Coaches are on duty around the clock
on the test stack (``HANDOFF_OFFICE_HOURS=always``, set before it starts).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.coach import accounts
from bot.coach.i18n import text
from bot.db import make_engine
from bot.handoff.models import HandoffRequest
from bot.i18n import t
from bot.summaries.models import Summary
from bot.summaries.service import render_summary
from tests.browser.axe import assert_no_violations
from tests.browser.chat import SKIP, Chat
from tests.live_stack import LiveStack

os.environ.setdefault("HANDOFF_OFFICE_HOURS", "always")  # inherited by the live stack

PASSWORD = "a long privacy coach password 7"
COACH = "privacy.coach@espoo.example"
EN = text("en")  # the coach's dashboard language (locale en-GB)
NOTE = EN["summary_hidden"]  # "Summary shown to the person, not shared."
BACKGROUND = "I worked in a shop for three years and I know Excel."


@pytest.fixture(scope="module")
def db(live_stack: LiveStack) -> Iterator[Session]:
    """A session on the live stack's product database, with the Espoo coach's account."""
    engine = make_engine(live_stack.database_url)
    with Session(engine) as session:
        accounts.create_account(session, COACH, PASSWORD, "Espoo")
        session.commit()
        yield session
    engine.dispose()


def open_widget(page: Page, live_stack: LiveStack) -> Chat:
    """The Espoo page in English with the chat open and the welcome shown."""
    chat = Chat.start(page, f"{live_stack.web_url}/espoo/en/")
    return chat


def answer_until_suggestions(chat: Chat) -> None:
    """Answer every question with its first real option (words for a free-text one) until suggestions show."""
    for _ in range(45):
        if chat.has_suggestion_link():
            return
        titles = [title.strip() for title in chat.last_buttons().all_inner_texts()]
        real = [i for i, title in enumerate(titles) if not SKIP.match(title)]
        if real:
            chat.click_button(real[0])
        else:
            chat.type_message(BACKGROUND if titles else "skip")
    raise AssertionError("no suggestions after 45 answers")


def ask_for_a_coach(chat: Chat) -> None:
    """Ask for a person; wait for the consent question of the handoff."""
    chat.type_message("I want to talk to a person")
    expect(chat.bot.filter(has_text=t("summary.ask_share_handoff", "en"))).to_have_count(1, timeout=20_000)


def coach_page(browser: Browser, live_stack: LiveStack, *, for_axe: bool = False) -> Page:
    """A new browser context logged in to the dashboard as the Espoo coach (English).

    ``for_axe``: the page's CSP is bypassed so axe-core can be injected (a second
    context; the checks of what the coach sees run with the CSP in force).
    """
    page = browser.new_context(locale="en-GB", bypass_csp=for_axe).new_page()
    page.goto(f"{live_stack.web_url}/coach/")
    page.get_by_label(EN["email"]).fill(COACH)
    page.get_by_label(EN["password"]).fill(PASSWORD)
    page.get_by_role("button", name=EN["login"]).click()
    expect(
        page.get_by_role("link", name=EN["logout"]).or_(page.get_by_role("button", name=EN["logout"]))
    ).to_be_visible()
    return page


def check_axe(browser: Browser, live_stack: LiveStack, url: str, axe_source: str, where: str) -> None:
    """axe-core (WCAG 2.1 A/AA) finds nothing on ``url`` as the coach sees it."""
    page = coach_page(browser, live_stack, for_axe=True)
    page.goto(url)
    assert_no_violations(page, axe_source, where)
    page.context.close()


def handoff_of(db: Session, sender: str) -> tuple[HandoffRequest, Summary]:
    """The handoff request and the summary written at it, read from the live database."""
    db.expire_all()
    request = db.scalar(select(HandoffRequest).where(HandoffRequest.conversation_id == sender))
    summary = db.scalar(select(Summary).where(Summary.conversation_id == sender).order_by(Summary.id.desc()))
    assert request is not None and summary is not None
    return request, summary


def summary_texts(summary: Summary) -> list[str]:
    """What the person saw of the summary (every line but the heading), plus the scores themselves."""
    data = summary.data
    assert data.get("confidence_score") is not None, data  # the walk answered the confidence check
    assert data.get("suggestions"), data
    lines = render_summary(data, "en").splitlines()
    return [
        *lines,
        str(data["confidence_score"]),
        *(s["title"]["en"] for s in data["suggestions"] if s["title"]),
    ]


NUMBER = re.compile(r"\d+(\.\d+)?")


def shows(secret: str, page_text: str) -> bool:
    """Whether a page shows one piece of the summary.

    A number (the confidence score, such as '1.0') counts only as a whole
    number: a time such as '13:07:31.029' contains '1.0' without showing
    anyone's score.
    """
    if NUMBER.fullmatch(secret):
        return re.search(rf"(?<![\d.]){re.escape(secret)}(?![\d])", page_text) is not None
    return secret in page_text


def test_no_keep_it_private_leaves_no_trace_of_the_summary_for_the_coach(
    desktop: Page, browser: Browser, live_stack: LiveStack, db: Session, axe_source: str
) -> None:
    """After 'No, keep it private' the coach sees one line instead of the summary, everywhere."""
    chat = open_widget(desktop, live_stack)
    sender = chat.session_id()
    answer_until_suggestions(chat)
    ask_for_a_coach(chat)
    shown = chat.bot.filter(has_text=t("summary.heading", "en"))
    expect(shown).to_have_count(1)  # the person saw the summary in the chat
    chat.last_buttons().filter(has_text=t("summary.no_button", "en")).click()
    request, summary = handoff_of(db, sender)
    secrets = summary_texts(summary)
    if summary.data.get("holland_code"):
        secrets.append("You like:")

    coach = coach_page(browser, live_stack)
    coach.goto(f"{live_stack.web_url}/coach/handoffs/{request.id}")
    expect(coach.locator("#handoff-summary")).to_have_text(EN["summary_not_shared"])
    expect(coach.locator("#messages")).to_contain_text(NOTE)
    expect(coach.locator("#messages")).to_contain_text(t("summary.no_button", "en"))  # what the person chose
    coach.get_by_role("button", name=EN["take"]).click()
    expect(coach.locator("#handoff-status")).to_have_text(EN["active"])
    coach.wait_for_timeout(5000)  # one live update (every 4 s) replaced the list from messages.json
    expect(coach.locator("#messages")).to_contain_text(NOTE)
    check_axe(browser, live_stack, coach.url, axe_source, "coach handoff page, summary not shared")
    pages = {"handoff": coach.locator("main").inner_text()}
    assert coach.locator("#shared-summary").inner_text().strip() == ""
    coach.goto(f"{live_stack.web_url}/coach/queue")
    pages["queue"] = coach.locator("main").inner_text()
    pages["list"] = coach.goto(f"{live_stack.web_url}/coach/").text()  # type: ignore[union-attr]
    export = coach.request.get(f"{live_stack.web_url}/coach/export.csv")
    assert export.ok
    pages["csv"] = export.text()
    assert sender not in pages["csv"] and sender not in pages["list"]
    exported = list(csv.DictReader(io.StringIO(pages["csv"])))
    assert str(summary.id) not in {row["summary_id"] for row in exported}  # other people's rows stay
    for name, shown_text in pages.items():
        for secret in secrets:
            if name == "csv" and NUMBER.fullmatch(secret):
                continue  # the score column holds other people's scores; the row check above covers ours
            assert not shows(secret, shown_text), (name, secret)
    part = coach.request.get(f"{live_stack.web_url}/coach/handoffs/{request.id}/summary")
    assert part.status == 404
    assert coach.goto(f"{live_stack.web_url}/coach/summaries/{summary.id}").status == 404  # type: ignore[union-attr]
    coach.context.close()


def test_yes_shows_the_summary_to_the_coach_who_takes_the_handoff(
    desktop: Page, browser: Browser, live_stack: LiveStack, db: Session, axe_source: str
) -> None:
    """The coach waits on the handoff page; the person's yes brings the summary onto it."""
    chat = open_widget(desktop, live_stack)
    sender = chat.session_id()
    answer_until_suggestions(chat)
    ask_for_a_coach(chat)
    request, summary = handoff_of(db, sender)
    lines = render_summary(summary.data, "en").splitlines()[1:]
    summary_texts(summary)

    coach = coach_page(browser, live_stack)
    coach.goto(f"{live_stack.web_url}/coach/handoffs/{request.id}")
    expect(coach.locator("#handoff-summary")).to_have_text(EN["summary_waiting"])
    expect(coach.locator("#messages")).to_contain_text(NOTE)
    for line in lines:
        expect(coach.locator("main")).not_to_contain_text(line)

    chat.last_buttons().filter(has_text=t("summary.yes_button", "en")).click()
    section = coach.locator("#shared-summary")
    expect(section.get_by_role("heading", name=EN["shared_summary"])).to_be_visible(timeout=20_000)
    for line in lines:
        expect(section).to_contain_text(line)
    expect(coach.locator("#handoff-summary a")).to_have_count(1)
    # The live transcript now shows the summary itself where the note was.
    expect(coach.locator("#messages")).not_to_contain_text(NOTE, timeout=10_000)
    expect(coach.locator("#messages")).to_contain_text(lines[0])

    coach.get_by_role("button", name=EN["take"]).click()
    expect(coach.locator("#handoff-status")).to_have_text(EN["active"])
    for line in lines:
        expect(section).to_contain_text(line)
    if summary.data.get("holland_code"):
        holland = section.locator("dl.data")
        expect(holland.locator("dt")).to_have_text(EN["holland"])
        expect(holland.locator("dd")).to_have_text(summary.data["holland_code"])
    expect(section.get_by_role("heading", name=EN["trend"])).to_be_visible()
    expect(section.locator("table")).to_contain_text(f"{summary.data['confidence_score']:.1f}")
    expect(coach.locator("#messages")).not_to_contain_text(NOTE)  # the approved summary reads in full
    check_axe(browser, live_stack, coach.url, axe_source, "coach handoff page with the approved summary")
    coach.context.close()


def press(chat: Chat, title: str) -> None:
    """Click the current question's button ``title`` and wait for the replies."""
    titles = [text.strip() for text in chat.last_buttons().all_inner_texts()]
    assert title in titles, (title, titles)
    chat.click_button(titles.index(title))


def test_a_summary_shared_just_before_asking_for_a_coach_is_not_asked_again_and_reads_as_shared(
    desktop: Page, browser: Browser, live_stack: LiveStack, db: Session
) -> None:
    """Yes at the end of the plan, then 'talk to a person': the coach reads that summary, no 2nd question."""
    chat = open_widget(desktop, live_stack)
    sender = chat.session_id()
    answer_until_suggestions(chat)
    chat.click_button(0)  # yes to the offer of next steps
    expect(chat.bot.last).to_contain_text(t("next_steps.ask_first", "en"))
    chat.click_button(0)
    press(chat, t("followup.due_none", "en"))  # the step's due date (issue 15): none yet
    press(chat, t("next_steps.done_button", "en"))
    expect(chat.bot.filter(has_text=t("summary.ask_share", "en"))).to_have_count(1)
    press(chat, t("summary.yes_button", "en"))
    expect(chat.bot.filter(has_text=t("summary.shared", "en"))).to_have_count(1)

    chat.type_message("I want to talk to a person")
    told = chat.bot.filter(has_text=t("summary.handoff_already_shared", "en"))
    expect(told).to_have_count(1, timeout=20_000)
    expect(chat.bot.filter(has_text=t("summary.heading", "en"))).to_have_count(1)  # shown once, at the end
    expect(chat.bot.filter(has_text=t("summary.ask_share_handoff", "en"))).to_have_count(0)
    request, summary = handoff_of(db, sender)
    assert summary.consent_to_share is True and summary.data["trigger"] == "end"
    lines = render_summary(summary.data, "en").splitlines()[1:]

    coach = coach_page(browser, live_stack)
    coach.goto(f"{live_stack.web_url}/coach/handoffs/{request.id}")
    link = coach.locator("#handoff-summary a")
    expect(link).to_have_attribute("href", re.compile(rf"/coach/summaries/{summary.id}$"))
    expect(coach.locator("#handoff-summary")).not_to_contain_text(EN["summary_waiting"])
    for line in lines:
        expect(coach.locator("#shared-summary")).to_contain_text(line)
    coach.get_by_role("button", name=EN["take"]).click()
    expect(coach.locator("#handoff-status")).to_have_text(EN["active"])
    notice = coach.locator("#messages li.notice")
    expect(notice.first).to_be_visible(timeout=10_000)
    expect(notice.locator(".who").first).to_have_text(f"{EN['notice']}:")
    labels = {label.strip() for label in coach.locator("#messages .who").all_inner_texts()}
    assert labels <= {f"{EN['bot']}:", f"{EN['notice']}:", f"{EN['person']}:"}, labels  # no "Bot Anna:"
    coach.get_by_role("button", name=EN["hand_back"]).click()
    coach.goto(f"{live_stack.web_url}/coach/handoffs/{request.id}")
    expect(link).to_have_attribute("href", re.compile(rf"/coach/summaries/{summary.id}$"))
    expect(coach.locator("#handoff-summary")).not_to_contain_text(EN["summary_not_shared"])
    coach.context.close()
