"""Practice and follow-through in the real widget, one person from start to finish (issue 15).

In Finnish on the Espoo page, a person opens the chat, opens the help menu
during the first goal question and taps "Valitse seuraavat askeleet" (told
that the steps come after a few questions), then taps "Kirjoita
esittelyni" in the menu, answers the three questions and sees a
numbered introduction of 3 to 6 sentences in their own words, adds it to the
summary and finishes; asks in their own words to practise an interview, rates
the interview item before (a button), answers two questions, each with kind
feedback, stops and rates the item after; chooses "Päivitä ansioluetteloni"
from the menu with the due date "Viikon päästä", lets a coach read the
summary (the introduction and both ratings are in it), gets a resume code,
says no to the reminder and ends the chat with "Lopeta ja tyhjennä". In a new
browser the code brings the plan back and the bot first asks about the open
step with its date; "Tehty" is celebrated briefly and the step's row in the
product database is done. The page passes axe (WCAG 2.1 A/AA) at the interview
feedback and at the question about the open step.

A second, shorter test: the interview alone in English, started in the
person's own words from the first question, with an answer tried again
(the "say more" tip goes away), a question skipped, and the same rating
before and after.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db import make_engine
from bot.followup.models import AgreedStep
from bot.i18n import t
from bot.practice.interview import feedback, question_text, render
from bot.resume.trend import local_moment, short_date
from tests.browser.axe import assert_no_violations
from tests.browser.chat import ROOT, Chat
from tests.browser.conftest import DESKTOP
from tests.live_stack import LiveStack

CODE = re.compile(r"\b([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})\b")
NUMBERED = re.compile(r"^([1-9])\. (.+)$")

DID = "Olen tehnyt varastotöitä viisi vuotta"
GOOD_AT = "asiakaspalvelu ja tiimityö"
WANT_NEXT = "haluan oppia ohjelmointia"
ABOUT_ME = "Olen tehnyt varastotöitä viisi vuotta. Tykkään auttaa asiakkaita ja nyt haluan oppia koodaamaan."
WHY = "Koska tykkään ratkoa pulmia ja haluan työn, jossa voin oppia koko ajan lisää."


def _context_page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop browser (own storage); axe is injected inline, so the CSP is bypassed."""
    context = browser.new_context(
        viewport=ViewportSize(width=DESKTOP["width"], height=DESKTOP["height"]),
        locale="fi-FI",
        reduced_motion="reduce",
        bypass_csp=True,
    )
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


@pytest.fixture()
def page(browser: Browser, live_stack: LiveStack) -> Iterator[Page]:
    """The first visit's browser."""
    yield from _context_page(browser)


@pytest.fixture()
def later_page(browser: Browser, live_stack: LiveStack) -> Iterator[Page]:
    """A second browser with nothing of the first visit (coming back another day)."""
    yield from _context_page(browser)


def _answer_buttons(chat: Chat) -> Locator:
    """Every quick reply on screen now (all answer the messages since the person's last turn)."""
    return chat.page.locator(f"{ROOT} .quick:not(.feedback) button")


def _button_titles(chat: Chat) -> list[str]:
    return [title.strip() for title in _answer_buttons(chat).all_inner_texts()]


def _tap(chat: Chat, title: str) -> None:
    """Tap the newest quick reply whose whole title is ``title``; wait for the replies."""
    before = chat.bot.count()
    groups = chat.page.locator(f"{ROOT} .quick:not(.feedback)")
    groups.get_by_role("button", name=title, exact=True).last.click()
    chat.wait_for_replies(before)


def _tap_rating(chat: Chat, point: int) -> None:
    """Tap the scale button that starts with ``point`` ("2 · Vähän varma")."""
    titles = [title for title in _button_titles(chat) if title.startswith(f"{point} ")]
    assert titles, _button_titles(chat)
    _tap(chat, titles[-1])


def _new_texts(chat: Chat, seen: int) -> list[str]:
    """The bot's messages that came after the first ``seen`` ones."""
    return chat.bot_texts()[seen:]


def _numbered_sentences(texts: list[str]) -> list[str]:
    """The sentences of the shown introduction ("1. ..." lines of one message)."""
    for text in texts:
        lines = [NUMBERED.match(line) for line in text.split("\n")]
        if lines and all(lines):
            return [m.group(2) for m in lines if m]
    return []


def _question(lang: str, number: int, question_id: str) -> str:
    return f"{t('interview.progress', lang, number=number, total=5)}\n{question_text(question_id, lang)}"


def test_a_person_builds_an_introduction_practises_agrees_a_step_and_marks_it_done_on_return(
    page: Page, later_page: Page, live_stack: LiveStack, axe_source: str
) -> None:
    lang = "fi"
    chat = Chat.start(page, f"{live_stack.web_url}/espoo/fi/")

    # The self-introduction, from the help menu while the first goal question is open.
    chat.type_message("mitä sä osaat")
    menu = _button_titles(chat)
    for key in ("introduction", "interview", "next_steps", "coach"):
        assert t(f"responses.help.{key}", lang) in menu, menu
    # "Valitse seuraavat askeleet" this early: the steps come after the questions, the question again.
    goal_question = chat.bot_texts()[-1]
    seen = chat.bot.count()
    _tap(chat, t("responses.help.next_steps", lang))
    assert _new_texts(chat, seen) == [t("next_steps.after_questions", lang), goal_question]
    chat.type_message("mitä sä osaat")
    _tap(chat, t("responses.help.introduction", lang))
    assert chat.bot_texts()[-2:] == [t("introduction.start", lang), t("introduction.ask_did", lang)]
    assert _button_titles(chat) == [t("introduction.skip_button", lang)]
    chat.type_message(DID)
    assert chat.bot_texts()[-1] == t("introduction.ask_good_at", lang)
    chat.type_message(GOOD_AT)
    assert chat.bot_texts()[-1] == t("introduction.ask_want_next", lang)
    seen = chat.bot.count()
    chat.type_message(WANT_NEXT)
    shown = _new_texts(chat, seen)
    assert t("introduction.shown", lang) in shown
    sentences = _numbered_sentences(shown)
    assert 3 <= len(sentences) <= 6, shown
    joined = " ".join(sentences)
    assert GOOD_AT in joined and "varastotöitä viisi vuotta" in joined, sentences
    assert _button_titles(chat) == [
        *(t("introduction.change_button", lang, number=n) for n in range(1, len(sentences) + 1)),
        t("introduction.copy_button", lang),
        t("introduction.summary_button", lang),
        t("introduction.done_button", lang),
    ]
    _tap(chat, t("introduction.summary_button", lang))
    assert t("introduction.added_to_summary", lang) in chat.bot_texts()[-1]
    _tap(chat, t("introduction.done_button", lang))
    assert chat.bot_texts()[-1] == t("responses.finish_introduction", lang)
    assert _button_titles(chat) == [t("responses.finish_introduction.go_on", lang)]

    # Interview practice, asked for in the person's own words: rating before, two answers, stop.
    chat.type_message("haluisin harjotella työhaastattelua")
    item = f"{t('interview.se_before', lang)}\n{t('questionnaires.se_4', lang)}"
    assert chat.bot_texts()[-2:] == [t("interview.start", lang), item]
    assert [title[:1] for title in _button_titles(chat)][:5] == ["1", "2", "3", "4", "5"]
    _tap_rating(chat, 2)
    assert chat.bot_texts()[-1] == _question(lang, 1, "about_you")
    assert _button_titles(chat) == [t("interview.skip_button", lang), t("interview.stop_button", lang)]
    chat.type_message(ABOUT_ME)
    assert chat.bot_texts()[-1] == render(feedback(ABOUT_ME, "about_you", lang), lang)
    assert _button_titles(chat) == [
        t("interview.retry_button", lang), t("interview.next_button", lang), t("interview.stop_button", lang)
    ]
    _tap(chat, t("interview.next_button", lang))
    assert chat.bot_texts()[-1] == _question(lang, 2, "why_this_job")
    chat.type_message(WHY)
    assert chat.bot_texts()[-1] == render(feedback(WHY, "why_this_job", lang), lang)
    assert_no_violations(page, axe_source, "espoo/fi, interview feedback with its buttons")
    _tap(chat, t("interview.stop_button", lang))
    assert chat.bot_texts()[-1] == f"{t('interview.se_after', lang)}\n{t('questionnaires.se_4', lang)}"
    _tap_rating(chat, 4)
    closing = f"{t('interview.done', lang)}\n{t('interview.confidence_up', lang, before=2, after=4)}"
    assert closing in chat.bot_texts(), chat.bot_texts()[-3:]

    # A next step with a due date, from the menu; the summary is shared and a code given.
    chat.type_message("mitä sä osaat")
    _tap(chat, t("responses.help.next_steps", lang))
    label = t("next_steps.option_cv", lang)
    assert label in _button_titles(chat)
    _tap(chat, label)
    assert t("followup.ask_due", lang, label=label) in chat.bot_texts()
    assert _button_titles(chat) == [
        t(f"followup.{key}", lang) for key in ("due_week", "due_two_weeks", "due_month", "due_none")
    ]
    _tap(chat, t("followup.due_week", lang))
    due = local_moment(datetime.now(UTC)).date() + timedelta(days=7)
    assert t("followup.due_set", lang, date=short_date(due, lang)) in chat.bot_texts()
    seen = chat.bot.count()
    _tap(chat, t("next_steps.done_button", lang))
    summary = next(text for text in _new_texts(chat, seen) if text.startswith(t("summary.heading", lang)))
    assert label in summary
    assert t("introduction.summary_heading", lang) in summary and GOOD_AT in summary, summary
    assert t("interview.trend_before", lang) in summary and t("interview.trend_after", lang) in summary
    seen = chat.bot.count()
    _tap(chat, t("summary.yes_button", lang))
    after_consent = _new_texts(chat, seen)
    code = next(m.group(1) for text in after_consent for m in [CODE.search(text)] if m)
    assert t("followup.offer_reminder", lang) in after_consent
    _tap(chat, t("followup.reminder_no_button", lang))
    assert t("followup.reminder_declined", lang) in chat.bot_texts()
    first_sender = chat.session_id()

    # The person ends the chat: the screen and this device forget it.
    chat.page.locator(ROOT).get_by_role("button", name=t("widget.endChat", lang), exact=True).click()
    chat.page.locator(ROOT).get_by_role("button", name=t("widget.endConfirm", lang), exact=True).click()
    expect(chat.page.locator(f"{ROOT} .msg.system")).to_contain_text(t("widget.endedKept", lang))
    assert code not in chat.stored()

    # Another day, another browser: the code, the open step first, "Tehty", a brief celebration.
    later = Chat.start(later_page, f"{live_stack.web_url}/espoo/fi/")
    seen = later.bot.count()
    later.type_message(f"minulla on koodi {code}")
    resumed = _new_texts(later, seen)
    assert any(text.startswith(t("resume.welcome_back", lang)) for text in resumed), resumed
    question = t("followup.review_ask_dated", lang, label=label, date=short_date(due, lang))
    assert t("followup.review_intro", lang) in resumed and question in resumed
    assert resumed.index(question) == resumed.index(t("followup.review_intro", lang)) + 1
    for key in ("done_button", "not_yet_button", "change_button"):
        assert t(f"followup.{key}", lang) in _button_titles(later)
    # Two answer groups at once (the step, the goal question): each labelled by its message.
    assert_no_violations(later_page, axe_source, "espoo/fi, open step asked about after the resume code")
    seen = later.bot.count()
    _tap(later, t("followup.done_button", lang))
    reviewed = _new_texts(later, seen)
    assert reviewed[:2] == [t("followup.celebrate", lang), t("followup.new_step_later", lang)], reviewed
    assert t("followup.done_button", lang) not in _button_titles(later)  # answered, the buttons are gone

    engine = make_engine(live_stack.database_url)
    try:
        with Session(engine) as db:
            row = db.scalars(select(AgreedStep).where(AgreedStep.conversation_id == first_sender)).one()
            assert (row.step_key, row.label, row.due_on, row.city, row.language) == (
                "cv", label, due, "Espoo", lang
            )
            assert (row.status, row.reviewed_at is not None, row.reminder_email) == ("done", True, None)
    finally:
        engine.dispose()


SHORT_TRY = "I like people."
FULLER_TRY = "I worked in a warehouse for five years. I like helping customers and now I want to learn code."
PROBLEM = "When our scanner broke at the warehouse, I wrote the orders by hand, so all parcels left on time."


def test_the_interview_alone_in_english_with_an_answer_tried_again_and_a_question_skipped(
    page: Page, live_stack: LiveStack
) -> None:
    lang = "en"
    chat = Chat.start(page, f"{live_stack.web_url}/espoo/en/")
    chat.type_message("can we do a mock interview")  # while the first goal question is open
    assert chat.bot_texts()[-2:] == [
        t("interview.start", lang), f"{t('interview.se_before', lang)}\n{t('questionnaires.se_4', lang)}"
    ]
    chat.type_message("3")  # a typed rating counts like the button
    assert chat.bot_texts()[-1] == _question(lang, 1, "about_you")

    chat.type_message(SHORT_TRY)
    first = chat.bot_texts()[-1]
    assert first == render(feedback(SHORT_TRY, "about_you", lang), lang)
    assert t("interview.add_more", lang) in first  # the one thing to add: say a little more
    seen = chat.bot.count()
    _tap(chat, t("interview.retry_button", lang))
    assert _new_texts(chat, seen) == [t("interview.retry", lang), _question(lang, 1, "about_you")]
    chat.type_message(FULLER_TRY)
    second = chat.bot_texts()[-1]
    assert second == render(feedback(FULLER_TRY, "about_you", lang), lang)
    assert t("interview.add_more", lang) not in second

    _tap(chat, t("interview.next_button", lang))
    assert chat.bot_texts()[-1] == _question(lang, 2, "why_this_job")
    seen = chat.bot.count()
    _tap(chat, t("interview.skip_button", lang))
    assert _new_texts(chat, seen) == [_question(lang, 3, "problem_solved")]  # no feedback for a skip
    chat.type_message(PROBLEM)
    assert chat.bot_texts()[-1] == t("interview.good_star", lang)  # situation and result, nothing to add
    assert _button_titles(chat) == [
        t("interview.retry_button", lang), t("interview.next_button", lang), t("interview.stop_button", lang)
    ]

    _tap(chat, t("interview.stop_button", lang))
    assert chat.bot_texts()[-1] == f"{t('interview.se_after', lang)}\n{t('questionnaires.se_4', lang)}"
    _tap_rating(chat, 3)
    closing = f"{t('interview.done', lang)}\n{t('interview.confidence_same', lang, before=3)}"
    assert chat.bot_texts()[-1] == closing
    # The practice is over: the one button left goes back to the goal questions,
    # with a short "let's go on", not the whole welcome again.
    assert _button_titles(chat) == [t("interview.go_on_button", lang)]
    welcome = chat.bot_texts()[0]
    assert welcome.startswith(t("responses.welcome", lang)[:20]), welcome
    _tap(chat, t("interview.go_on_button", lang))
    assert chat.bot_texts()[-2:] == [t("session.go_on", lang), t("responses.ask_goal_type", lang)]
    assert chat.bot_texts().count(welcome) == 1
