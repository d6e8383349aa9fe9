"""A resume code over the real Rasa server's REST channel keeps the plan (issue 13).

Scripted conversations (bench/jobseeker.py) on the real stack: the first
rejects a suggestion, answers the interests and the confidence check, shares
its summary and gets a code; the second starts with "Hi", gives the code and
goes on; a third gives the same code again and gets the plan back. The second
never offers the rejected item, keeps the Holland code without asking the
interest questions again, shows every score with its date, and its shared
summary holds both dated scores for the coach.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from bench.jobseeker import ScriptedJobseeker
from bot.db import make_engine
from bot.guidance.store import confidence_trend
from bot.i18n import t
from bot.resume.trend import trend_line
from bot.summaries.models import Summary
from tests.live import aio
from tests.live_stack import LiveStack

CODE = re.compile(r"\b([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})\b")
METADATA = {"language": "en", "city": "Espoo"}


def _jobseeker(stack: LiveStack) -> ScriptedJobseeker:
    return ScriptedJobseeker(
        stack.rasa_url,
        stack.rasa_token,
        f"live-resume-{uuid.uuid4().hex[:10]}",
        metadata=METADATA,
        api_url=stack.rasa_api_url,
    )


def _payloads(jobseeker: ScriptedJobseeker) -> list[str]:
    return [
        b.get("payload", "")
        for t in jobseeker.conversation.turns
        for r in t.replies
        for b in r.get("buttons") or []
    ]


def test_resume_over_rest_keeps_rejection_holland_code_and_dated_trend(live_stack: LiveStack) -> None:
    first, second, third = _jobseeker(live_stack), _jobseeker(live_stack), _jobseeker(live_stack)
    state: dict[str, Any] = {}

    async def run() -> None:
        async with httpx.AsyncClient(timeout=60) as client:
            await first.run(client)
            state["first"] = await first.tracker(client)
            await second.send(client, "Hi")
            codes = [m.group(1) for t in first.conversation.bot_texts() for m in [CODE.search(t)] if m]
            assert codes, first.conversation.bot_texts()
            state["code"] = codes[-1]
            replies = await second.send(client, f"I have a code {codes[-1]}")
            state["resumed"] = replies
            for _ in range(60):
                message = second._next_message(await second.tracker(client), replies)
                if message is None:
                    break
                replies = await second.send(client, message)
            state["second"] = await second.tracker(client)
            # The same code again in a third conversation (the person closed the tab): it still works.
            await third.send(client, "Hi")
            state["third_replies"] = await third.send(client, f"I have a code {codes[-1]}")
            state["third"] = await third.tracker(client)

    aio.run(run())
    assert first.conversation.finished and second.conversation.finished
    # The plan had an open step: its question ends the burst, after the confidence check's
    # intro, so the person sees it last (then a rating, as this script sends, still counts).
    resumed = state["resumed"]
    assert [b["payload"][:13] for b in resumed[-1].get("buttons") or []][:1] == ["/review_steps"], resumed
    assert resumed[-2].get("text") == t("followup.answer_first", "en")
    assert not any((r.get("text") or "").startswith("Question 1 of 5") for r in resumed)
    rejected = first.conversation.rejected_id
    assert rejected and rejected in state["second"]["slots"]["rejected_suggestions"]
    # Never offered again: no suggestion in the second conversation carries its "Not for me" button.
    assert not any(rejected in payload for payload in _payloads(second))
    assert any("not_for_me" in payload for payload in _payloads(second))

    holland = state["first"]["slots"]["holland_code"]
    assert holland and state["second"]["slots"]["holland_code"] == holland
    sent = [turn.sent for turn in second.conversation.turns]
    assert not any(s in ("like", "dislike", "not sure") for s in sent)  # no interest questions again

    # A code works for its whole validity: the third conversation gets the plan back, not "could not find".
    third_texts = [r.get("text") or "" for r in state["third_replies"]]
    assert any(text.startswith(t("resume.welcome_back", "en")) for text in third_texts), third_texts
    assert not any(t("resume.not_found", "en") in text for text in third_texts)
    assert any(text.startswith("Your code keeps working until ") for text in third_texts), third_texts
    assert state["third"]["slots"]["holland_code"] == holland

    engine = make_engine(live_stack.database_url)
    with Session(engine) as db:
        points = confidence_trend(db, second.conversation.sender_id)
        assert len(points) == 2
        texts = second.conversation.bot_texts()
        assert any(f"Your confidence over time: {trend_line(points, 'en')}." in t for t in texts), texts
        summary = db.scalars(
            select(Summary).where(
                Summary.conversation_id == second.conversation.sender_id, Summary.consent_to_share.is_(True)
            )
        ).one()
        trend = summary.data["confidence_trend"]
        assert [p["score"] for p in trend] == [round(p.score, 2) for p in points]
    engine.dispose()
