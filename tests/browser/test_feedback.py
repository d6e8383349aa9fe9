"""One-tap feedback in the real widget, counted on the real dashboard (issue 13).

A person on the Espoo page walks to the suggestions, taps "Useful" under the
first one, says yes to choosing next steps, taps "Not useful" under the second
one while the next-steps question is open, picks a step, shares the summary
and answers "Yes" to "was this chat useful?". Each tap: the chosen button shows a check mark and is
pressed, the bot thanks in one line, no chat bubble of the person appears and
the open question keeps its buttons. An Espoo coach watches the feedback page
(/coach/feedback) and sees the counts rise; a Helsinki coach sees none of it.
After a handoff the coach hands back and the person answers "Yes" to "was the
coach's help useful?"; the coach's page counts it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.coach import accounts
from bot.db import make_engine
from bot.handoff.models import HandoffRequest
from bot.i18n import t
from tests.browser.axe import assert_no_violations
from tests.browser.chat import ROOT, Chat, Walker
from tests.browser.conftest import DESKTOP, MOBILE
from tests.live_stack import LiveStack

# Coaches are on duty around the clock in this stack (set before the live stack starts), as in
# tests/browser/test_handoff_live.py, so the hand-back test does not depend on the clock.
os.environ.setdefault("HANDOFF_OFFICE_HOURS", "always")
PASSWORD = "a long feedback password 7"
COACHES = {"Espoo": "feedback-coach@espoo.example", "Helsinki": "feedback-coach@helsinki.example"}


@pytest.fixture(scope="module")
def coaches(live_stack: LiveStack) -> Iterator[dict[str, str]]:
    """Coach accounts of Espoo and Helsinki in the live stack's database."""
    engine = make_engine(live_stack.database_url)
    with Session(engine) as session:
        for city, email in COACHES.items():
            accounts.create_account(session, email, PASSWORD, city)
        session.commit()
    engine.dispose()
    yield COACHES


def new_page(browser: Browser, viewport: dict[str, int] = DESKTOP) -> Page:
    """A page in its own context; axe is injected inline, so the pages' CSP is bypassed."""
    size = ViewportSize(width=viewport["width"], height=viewport["height"])
    context = browser.new_context(viewport=size, locale="en-GB", reduced_motion="reduce", bypass_csp=True)
    context.set_default_timeout(30_000)
    return context.new_page()


def coach_page(
    browser: Browser, live_stack: LiveStack, email: str, lang: str = "en", viewport: dict[str, int] = DESKTOP
) -> Page:
    """A logged-in dashboard on the feedback page, in ``lang``."""
    page = new_page(browser, viewport)
    page.goto(f"{live_stack.web_url}/coach/?lang={lang}")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.locator("nav a[href$='/coach/feedback']").click()
    page.goto(f"{live_stack.web_url}/coach/feedback?lang={lang}")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    return page


def counts(page: Page, city: str, label: str) -> tuple[int, int]:
    """(useful, not useful) of one row of the city's "Answers by topic" table, after a reload."""
    page.reload()
    row = page.get_by_role("table", name=f"Answers by topic – {city}").get_by_role("row", name=label)
    cells = row.get_by_role("cell").all_inner_texts()
    return int(cells[0]), int(cells[1])


def tap(chat: Chat, group: str, title: str, thanks: str) -> None:
    """Tap a feedback button; the bot thanks, the person gets no bubble, the button shows the choice."""
    button = chat.page.locator(group).get_by_role("button", name=title, exact=True)
    users, bots = chat.user.count(), chat.bot.count()
    button.click()
    chat.wait_for_replies(bots)
    assert chat.bot_texts()[-1] == thanks
    assert chat.user.count() == users
    chosen = chat.page.locator(group).get_by_role("button", name=f"✓ {title}", exact=True)
    expect(chosen).to_have_attribute("aria-pressed", "true")


def press(chat: Chat, title: str) -> None:
    """Click the current question's button ``title`` and wait for the replies."""
    titles = [text.strip() for text in chat.last_buttons().all_inner_texts()]
    assert title in titles, (title, titles)
    chat.click_button(titles.index(title))


def test_person_taps_useful_on_a_suggestion_and_at_the_end_and_the_coach_sees_the_counts_rise(
    browser: Browser, live_stack: LiveStack, coaches: dict[str, str], axe_source: str
) -> None:
    espoo = coach_page(browser, live_stack, coaches["Espoo"])
    suggestions_before = counts(espoo, "Espoo", "Suggestions (courses and jobs)")
    chat_before = counts(espoo, "Espoo", "The whole chat")

    desktop = new_page(browser)
    chat = Chat.start(desktop, f"{live_stack.web_url}/espoo/en/")
    Walker(chat, keyboard=False).until_suggestions()

    # Every suggestion has its own "Was this useful?" group; the offer of next steps is the open question.
    first = f"{ROOT} .msg.bot .quick.feedback >> nth=0"
    assert (desktop.locator(first).get_attribute("aria-label") or "").startswith("Was this useful?")
    offer = chat.last_buttons().all_inner_texts()
    tap(chat, first, "Useful", t("feedback.thanks_useful", "en"))
    assert chat.last_buttons().all_inner_texts() == offer  # the open question kept its buttons
    assert_no_violations(desktop, axe_source, "espoo/en, suggestions with feedback buttons, one pressed")
    assert counts(espoo, "Espoo", "Suggestions (courses and jobs)") == (
        suggestions_before[0] + 1,
        suggestions_before[1],
    )

    # The conversation carries on: "yes" to the offer (it was the open question before the tap),
    # a step, "That's all", share the summary.
    press(chat, offer[0].strip())
    expect(chat.bot.last).to_contain_text(t("next_steps.ask_first", "en"))
    # The answer cleared the offer's buttons but not the feedback: the first choice is still shown,
    # and a tap in the middle of the next-steps question leaves that question as it was.
    expect(desktop.locator(first).get_by_role("button", name="✓ Useful", exact=True)).to_be_visible()
    steps = chat.last_buttons().all_inner_texts()
    second = f"{ROOT} .msg.bot .quick.feedback >> nth=1"
    tap(chat, second, "Not useful", t("feedback.thanks_not_useful", "en"))
    assert chat.last_buttons().all_inner_texts() == steps
    chat.click_button(0)
    press(chat, t("followup.due_none", "en"))  # the step's due date (issue 15): none yet
    expect(chat.bot.filter(has_text=t("next_steps.ask_more", "en"))).to_have_count(1)
    press(chat, t("next_steps.done_button", "en"))
    expect(chat.bot.filter(has_text=t("summary.ask_share", "en"))).to_have_count(1)
    press(chat, t("summary.yes_button", "en"))
    question = chat.bot.filter(has_text=t("feedback.ask_chat", "en"))
    expect(question).to_have_count(1)
    end = f"{ROOT} .msg.bot:has-text('{t('feedback.ask_chat', 'en')}') .quick.feedback"
    tap(chat, end, "Yes", t("feedback.thanks_useful", "en"))

    assert counts(espoo, "Espoo", "The whole chat") == (chat_before[0] + 1, chat_before[1])
    assert counts(espoo, "Espoo", "Suggestions (courses and jobs)") == (
        suggestions_before[0] + 1,
        suggestions_before[1] + 1,
    )
    top = espoo.get_by_role("table", name="Most useful suggestions – Espoo").get_by_role("row")
    assert top.count() >= 2  # header + the tapped suggestion
    assert_no_violations(espoo, axe_source, "coach feedback page (en)")

    helsinki = coach_page(browser, live_stack, coaches["Helsinki"])
    expect(helsinki.get_by_role("heading", level=2)).to_have_text(["Helsinki"])
    assert counts(helsinki, "Helsinki", "The whole chat") == (0, 0)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_feedback_page_passes_axe_in_finnish_and_swedish_on_desktop_and_phone(
    browser: Browser, live_stack: LiveStack, coaches: dict[str, str], axe_source: str, lang: str
) -> None:
    """The Espoo coach's feedback page: title, tables and date field in ``lang``, no WCAG 2.1 A/AA finding."""
    titles = {"fi": ("Palaute", "Vastaukset aiheittain – Espoo"), "sv": ("Respons", "Svar per ämne – Espoo")}
    for viewport in (DESKTOP, MOBILE):
        page = coach_page(browser, live_stack, coaches["Espoo"], lang, viewport)
        expect(page.get_by_role("heading", level=1)).to_have_text(titles[lang][0])
        expect(page.get_by_role("table", name=titles[lang][1])).to_be_visible()
        assert_no_violations(page, axe_source, f"coach feedback page ({lang}), {viewport['width']}px")
        page.context.close()


def test_after_the_coach_hands_back_the_person_rates_the_coach_s_help_and_the_coach_sees_it(
    browser: Browser, live_stack: LiveStack, coaches: dict[str, str]
) -> None:
    """Talk to a person, the Espoo coach takes the chat and hands it back, the person taps "Yes"."""
    espoo = coach_page(browser, live_stack, coaches["Espoo"])
    before = counts(espoo, "Espoo", "The coach's help")

    person = new_page(browser)
    chat = Chat.start(person, f"{live_stack.web_url}/espoo/en/")
    chat.type_message("I want to talk to a person")
    chat.last_buttons().filter(has_text=t("summary.yes_button", "en")).click()  # the bot is paused now
    engine = make_engine(live_stack.database_url)
    with Session(engine) as session:
        request = session.scalars(
            select(HandoffRequest).where(HandoffRequest.conversation_id == chat.session_id())
        ).one()
    engine.dispose()

    espoo.goto(f"{live_stack.web_url}/coach/handoffs/{request.id}?lang=en")
    espoo.get_by_role("button", name="Take").click()
    joined = person.locator(f"{ROOT} .msg.system", has_text="has joined the chat")
    expect(joined).to_have_count(1, timeout=20_000)
    espoo.get_by_role("button", name="Hand back to the bot").click()
    question = chat.bot.filter(has_text=t("feedback.ask_handoff", "en"))
    expect(question).to_have_count(1, timeout=20_000)
    group = f'{ROOT} .msg.bot:has-text("{t("feedback.ask_handoff", "en")}") .quick.feedback'
    tap(chat, group, "Yes", t("feedback.thanks_useful", "en"))

    espoo.goto(f"{live_stack.web_url}/coach/feedback?lang=en")
    assert counts(espoo, "Espoo", "The coach's help") == (before[0] + 1, before[1])
    person.context.close()
    espoo.context.close()
