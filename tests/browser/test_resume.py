"""A plan that survives a resume code, in Chromium against the real stack (issue 13).

What the person sees: in a first visit they say "Not for me" to a course,
answer the interest questions and the confidence check, share the summary
and get a resume code. In a new browser (no storage of the first visit) they
type "I have a code ..." and see their confidence trend with a date for
each visit, no interest questions again (the same interests as before) and
never the course they rejected. The coach's detail page of the second
summary shows both scores, each with its date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalogue.models import Course
from bot.coach import accounts
from bot.db import make_engine
from bot.guidance import riasec
from bot.guidance.store import confidence_trend, latest_answers
from bot.resume.trend import local_moment, short_date, trend_line
from bot.summaries.models import Summary
from tests.browser.chat import ROOT, SKIP, Chat
from tests.live_stack import LiveStack

PASSWORD = "resume trend coach password"
COACH = "resume.coach@espoo.example"
CODE = re.compile(r"\b([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})\b")
SCALE = re.compile(r"^([1-5])\b")
BACKGROUND = "I worked in a shop for three years and I know Excel."


@pytest.fixture(scope="module")
def db(live_stack: LiveStack) -> Iterator[Session]:
    """A session on the live stack's product database (with a coach account of Espoo)."""
    engine = make_engine(live_stack.database_url)
    with Session(engine) as session:
        accounts.create_account(session, COACH, PASSWORD, "Espoo")
        session.commit()
        yield session
    engine.dispose()


def _buttons(chat: Chat) -> Locator:
    """The current question's quick replies (not the feedback buttons)."""
    return chat.page.locator(f"{ROOT} .msg.bot:has(.quick:not(.feedback))").last.locator(
        ".quick:not(.feedback) button"
    )


def _click(chat: Chat, title: str) -> None:
    before = chat.bot.count()
    _buttons(chat).filter(has_text=title).first.click()
    chat.wait_for_replies(before)


class Visit:
    """One visit: answers every question the bot asks, the way a person taps."""

    def __init__(self, chat: Chat, rating: str) -> None:
        self.chat = chat
        self.rating = rating  # every confidence item gets this rating
        self.interest_answers = 0
        self.log: list[str] = []

    def answer(self) -> None:
        """Answer the current question once."""
        titles = [t.strip() for t in _buttons(self.chat).all_inner_texts()]
        self.log.append(" | ".join(titles) or "(typed)")
        ratings = [t for t in titles if SCALE.match(t)]
        if ratings:
            _click(self.chat, next(t for t in ratings if SCALE.match(t).group(1) == self.rating))  # type: ignore[union-attr]
        elif "Like" in titles and "Dislike" in titles:
            self.interest_answers += 1
            _click(self.chat, "Like" if self.interest_answers % 3 == 1 else "Dislike")
        elif "Yes, a coach may read it" in titles:
            _click(self.chat, "Yes, a coach may read it")
        elif "Yes, let's choose" in titles:
            _click(self.chat, "Yes, let's choose")
        elif "That's all" in titles:  # one next step is enough
            _click(self.chat, "That's all")
        elif not titles or all(SKIP.match(t) for t in titles):  # the free-text question
            self.chat.type_message(BACKGROUND)
        else:
            _click(self.chat, next(t for t in titles if not SKIP.match(t) and not t.startswith("Talk to")))

    def until(self, done: re.Pattern[str], max_turns: int = 60) -> str:
        """Answer until a bot message matches ``done``; returns that message."""
        for _ in range(max_turns):
            for text in reversed(self.chat.bot_texts()):
                if done.search(text):
                    return text
            self.answer()
        raise AssertionError(f"{done.pattern!r} never came: {self.log}")


def _open(page: Page, live_stack: LiveStack) -> Chat:
    chat = Chat.start(page, f"{live_stack.web_url}/espoo/en/")
    return chat


def _course_links(chat: Chat) -> list[str]:
    links = chat.page.locator(f"{ROOT} .msg.bot .bubble a[href^='https://opintopolku.fi']")
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


def test_resume_code_keeps_rejections_interests_and_the_dated_trend(
    live_stack: LiveStack, browser: Browser, db: Session
) -> None:
    # First visit: interests, confidence 3 on every item, "Not for me" to a course, shared, a code.
    first_context = browser.new_context(locale="en-GB", reduced_motion="reduce")
    first_context.set_default_timeout(30_000)
    first = _open(first_context.new_page(), live_stack)
    visit = Visit(first, rating="3")
    visit.until(re.compile(r"https://opintopolku\.fi"))
    course = first.page.locator(f"{ROOT} .msg.bot:has(a[href^='https://opintopolku.fi'])").first
    rejected_link = course.locator("a").first.get_attribute("href")
    before = first.bot.count()
    course.get_by_role("button", name="Not for me").click()
    first.wait_for_replies(before)
    first.type_message("yes")
    code = CODE.search(visit.until(CODE)).group(1)  # type: ignore[union-attr]
    first_sender = first.session_id()
    first_texts = first.bot_texts()
    first_context.close()

    rejected_title = db.scalars(select(Course).where(Course.url == rejected_link)).one().titles["en"]
    answers = latest_answers(db, first_sender, "riasec")
    explanation = riasec.explain_holland_code(riasec.score_riasec(answers).holland_code, "en")
    assert explanation in first_texts

    # Second visit, a new browser: the code brings the plan back.
    second_context = browser.new_context(locale="en-GB", reduced_motion="reduce")
    second_context.set_default_timeout(30_000)
    second = _open(second_context.new_page(), live_stack)
    second.type_message(f"I have a code {code}")
    texts = second.bot_texts()
    plan = next(t for t in texts if t.startswith("Welcome back!"))
    assert f"Not for you: {rejected_title}" in plan
    first_day = short_date(local_moment(confidence_trend(db, first_sender)[0].at).date(), "en")
    assert any(t.startswith(f"Your confidence so far: 3.0 ({first_day}).") for t in texts), texts

    again = Visit(second, rating="4")
    feedback = again.until(re.compile(r"Your confidence over time:"))
    sender = second.session_id()
    db.expire_all()
    line = trend_line(confidence_trend(db, sender), "en")
    assert f"Your confidence over time: {line}." in feedback
    assert line.startswith(f"3.0 ({first_day}) · 4.0 (") and line.endswith(")")
    assert "That is higher than last time (3.0)." in feedback

    # No interest questions again, and the same interests as last time.
    again.until(re.compile(r"https://opintopolku\.fi"))
    assert again.interest_answers == 0
    assert any("I kept your interest answers from last time" in t for t in second.bot_texts())
    assert explanation in second.bot_texts()
    # The rejected course is never offered again.
    assert rejected_link not in _course_links(second) and _course_links(second)

    again.until(CODE)  # next steps, summary shared
    # The summary they agreed to share showed the same dated trend (after the check's own line).
    assert sum(f"Your confidence over time: {line}." in t for t in second.bot_texts()) == 2
    second_context.close()

    # The coach sees both scores, each with its date.
    db.expire_all()
    summary = db.scalars(
        select(Summary).where(Summary.conversation_id == sender, Summary.consent_to_share.is_(True))
    ).one()
    coach = browser.new_context(locale="en-GB").new_page()
    coach.goto(f"{live_stack.web_url}/coach/")
    coach.get_by_label("Email").fill(COACH)
    coach.get_by_label("Password").fill(PASSWORD)
    coach.get_by_role("button", name="Log in").click()
    coach.goto(f"{live_stack.web_url}/coach/summaries/{summary.id}")
    chart = coach.locator("svg.trend")
    expect(chart.locator("circle")).to_have_count(2)
    days = [local_moment(p.at) for p in confidence_trend(db, sender)]
    assert chart.locator("text.trend-date").all_text_contents() == [f"{d.day}.{d.month}." for d in days]
    cells = coach.locator("table.sr-table tbody td").all_text_contents()
    assert cells == [f"{days[0]:%Y-%m-%d}", "3.0", f"{days[1]:%Y-%m-%d}", "4.0"]
    coach.context.close()
