"""Next steps that are followed up, over the real Rasa server's REST channel, in every language.

A person chooses a step, types its due date the way people write dates in
their language, shares the summary, gets a resume code, says yes to a
reminder and types an e-mail address: the step is a row with that date and
the address. In a second conversation the person says hello, gives the code
and is first asked about the open step (inside goal_form, where the welcome
leaves them); "Done" is celebrated (a new step comes after the goal
questions), the row closed and the address deleted. A second step agreed
without a date gets no reminder offer, and its resume path works the same.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bench.jobseeker import ScriptedJobseeker
from bot.db import make_engine
from bot.followup.dates import parse_due
from bot.followup.models import AgreedStep
from bot.i18n import t
from bot.resume.trend import local_moment, short_date
from tests.live import aio
from tests.live.replies import payloads as _payloads
from tests.live.replies import texts as _texts
from tests.live_stack import LiveStack

CODE = re.compile(r"\b([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})\b")
CITY = {"fi": "Turku", "sv": "Vantaa", "en": "Espoo"}
TYPED_DATE = {"fi": "15.1.", "sv": "den 15 januari", "en": "by January 15th"}
EMAIL = {
    "fi": "se on Anna.Virtanen@Example.fi",
    "sv": "anna@example.se",
    "en": "my email is anna@example.com",
}
HELLO = {"fi": "Hei", "sv": "Hej", "en": "Hi"}
HAVE_CODE = {"fi": "minulla on koodi {code}", "sv": "jag har en kod {code}", "en": "I have a code {code}"}


def _jobseeker(stack: LiveStack, lang: str) -> ScriptedJobseeker:
    return ScriptedJobseeker(
        stack.rasa_url,
        stack.rasa_token,
        f"live-followup-{lang}-{uuid.uuid4().hex[:10]}",
        metadata={"language": lang, "city": CITY[lang]},
        api_url=stack.rasa_api_url,
    )


def _answer(key: str) -> str:
    return "/inform" + json.dumps({"answer": key}, separators=(",", ":"))


async def _agree_and_share(client: httpx.AsyncClient, person: ScriptedJobseeker, lang: str) -> dict[str, Any]:
    """Choose one step with a typed date, share the summary; the replies of each turn by name."""
    seen: dict[str, Any] = {"first": await person.send(client, "/choose_next_steps")}
    seen["picked"] = await person.send(client, _answer("cv"))
    seen["dated"] = await person.send(client, TYPED_DATE[lang])
    seen["done"] = await person.send(client, _answer("done"))
    seen["shared"] = await person.send(client, "/affirm")
    return seen


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_step_with_a_date_and_a_reminder_is_followed_up_with_the_code(
    live_stack: LiveStack, lang: str
) -> None:
    first, second = _jobseeker(live_stack, lang), _jobseeker(live_stack, lang)
    state: dict[str, Any] = {}

    async def run() -> None:
        async with httpx.AsyncClient(timeout=60) as client:
            state.update(await _agree_and_share(client, first, lang))
            state["remind"] = await first.send(client, "/remind_steps")
            state["bad_email"] = await first.send(client, "anna at example")
            state["email"] = await first.send(client, EMAIL[lang])
            codes = [m.group(1) for text in first.conversation.bot_texts() for m in [CODE.search(text)] if m]
            assert codes, first.conversation.bot_texts()
            await second.send(client, HELLO[lang])
            state["resumed"] = await second.send(client, HAVE_CODE[lang].format(code=codes[-1]))
            done = [p for p in _payloads(state["resumed"]) if p.startswith('/review_steps{"answer":"done:')]
            assert done, _texts(state["resumed"])
            state["reviewed"] = await second.send(client, done[0])
            state["second_tracker"] = await second.tracker(client)

    aio.run(run())
    today = local_moment(datetime.now(UTC)).date()
    due = parse_due(TYPED_DATE[lang], today)
    assert not isinstance(due, str) and due is not None
    label = t("next_steps.option_cv", lang)
    assert t("followup.ask_due", lang, label=label) in _texts(state["picked"])
    assert _payloads(state["picked"])[:4] == [_answer(k) for k in ("due:7", "due:14", "due:30", "due:none")]
    assert t("followup.due_set", lang, date=short_date(due, lang)) in _texts(state["dated"])
    assert t("followup.offer_reminder", lang) in _texts(state["shared"])
    assert {"/remind_steps", "/no_reminder"} <= set(_payloads(state["shared"]))
    # The reminder question is the last one on screen; "was this chat useful?" waits for its answer.
    assert _texts(state["shared"])[-1] == t("followup.offer_reminder", lang)
    assert t("feedback.ask_chat", lang) not in _texts(state["shared"])
    assert _texts(state["remind"]) == [t("followup.ask_email", lang)]
    assert t("followup.email_invalid", lang) in _texts(state["bad_email"])
    address = EMAIL[lang].split()[-1].rsplit("@", 1)
    address_shown = f"{address[0]}@{address[1].lower()}"
    assert _texts(state["email"]) == [
        t("followup.reminder_set", lang, email=address_shown, dates=short_date(due, lang)),
        t("feedback.ask_chat", lang),
    ]

    resumed = _texts(state["resumed"])
    question = t("followup.review_ask_dated", lang, label=label, date=short_date(due, lang))
    assert t("followup.review_intro", lang) in resumed and question in resumed
    assert resumed.index(question) > resumed.index(t("followup.review_intro", lang))
    reviewed = _texts(state["reviewed"])
    # Inside goal_form the new step comes with the next steps, after the questions.
    assert reviewed[:2] == [t("followup.celebrate", lang), t("followup.new_step_later", lang)]
    assert (state["second_tracker"].get("active_loop") or {}).get("name") == "goal_form"  # the form goes on

    engine = make_engine(live_stack.database_url)
    try:
        with Session(engine) as db:
            row = db.scalars(
                select(AgreedStep).where(AgreedStep.conversation_id == first.conversation.sender_id)
            ).one()
            assert (row.step_key, row.label, row.due_on, row.city, row.language) == (
                "cv",
                label,
                due,
                CITY[lang],
                lang,
            )
            assert (row.status, row.reminder_email, row.reviewed_at is not None) == ("done", None, True)
    finally:
        engine.dispose()


def test_a_step_without_a_date_gets_no_reminder_offer_and_the_code_still_works(live_stack: LiveStack) -> None:
    first, second = _jobseeker(live_stack, "fi"), _jobseeker(live_stack, "fi")
    state: dict[str, Any] = {}

    async def run() -> None:
        async with httpx.AsyncClient(timeout=60) as client:
            await first.send(client, "/choose_next_steps")
            await first.send(client, _answer("coach"))
            state["no_date"] = await first.send(client, _answer("due:none"))
            await first.send(client, _answer("done"))
            state["shared"] = await first.send(client, "/affirm")
            codes = [m.group(1) for text in first.conversation.bot_texts() for m in [CODE.search(text)] if m]
            assert codes
            await second.send(client, "Hei")
            state["resumed"] = await second.send(client, f"minulla on koodi {codes[-1]}")
            not_yet = [
                p for p in _payloads(state["resumed"]) if p.startswith('/review_steps{"answer":"not_yet:')
            ]
            assert not_yet, _texts(state["resumed"])
            state["reviewed"] = await second.send(client, not_yet[0])

    aio.run(run())
    assert t("followup.due_not_set", "fi") in _texts(state["no_date"])
    assert t("followup.offer_reminder", "fi") not in _texts(state["shared"])
    assert "/remind_steps" not in _payloads(state["shared"])
    label = t("next_steps.option_coach", "fi")
    assert t("followup.review_ask", "fi", label=label) in _texts(state["resumed"])
    assert _texts(state["reviewed"])[:2] == [t("followup.kept_open", "fi"), t("followup.review_done", "fi")]
    engine = make_engine(live_stack.database_url)
    try:
        with Session(engine) as db:
            row = db.scalars(
                select(AgreedStep).where(AgreedStep.conversation_id == first.conversation.sender_id)
            ).one()
            assert (row.status, row.due_on, row.reminder_email) == ("open", None, None)
            assert row.reviewed_at is not None
    finally:
        engine.dispose()
