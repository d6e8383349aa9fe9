"""A plan survives a resume code (issue 13): rejections, Holland code, next steps and the dated trend.

Real components: the SQLite test database file, the real actions one after
the other, slots carried from one action's events to the next tracker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

import actions.suggestions as suggestions
from actions.confidence import SE_ITEMS, ActionScoreConfidence
from actions.interests import RI_ITEMS
from actions.resume import ActionResumeWithCode
from actions.suggestions import ActionSuggest
from actions.summary import ActionSaveSummary
from bot.catalogue.search import titles_of
from bot.guidance.store import save_result
from bot.resume import codes
from bot.resume.trend import short_date, trend_line
from bot.summaries.models import Summary
from bot.summaries.service import build_summary, save_summary
from tests.catalogue_helpers import TODAY, load_fixed_catalogue

OLD_SLOTS: dict[str, Any] = {
    "language": "en",
    "goal_type": "study",
    "field": "data",
    "city": "Vantaa",
    "timeframe": "now",
    "education_level": "secondary",
    "holland_code": "ICS",
    "shown_suggestions": ["course:2", "course:4", "job:1"],
    "rejected_suggestions": ["course:1"],
    "next_steps": ["cv"],
    "confidence_score": 2.8,
}
INTERESTS = {item: ("like" if n < 4 else "dislike") for n, item in enumerate(RI_ITEMS)}
FIRST_DAY = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggestions, "today", lambda: TODAY)


def _earlier_session(session: Session) -> str:
    """The first session: rejected course:1, Holland code ICS, confidence 2.8 on 1 Dec; its code."""
    load_fixed_catalogue(session)
    save_result(session, "old", "self_efficacy", answers={}, score=2.8, created_at=FIRST_DAY)
    save_result(session, "old", "riasec", answers=INTERESTS, holland_code="ICS", created_at=FIRST_DAY)
    ids = [*OLD_SLOTS["shown_suggestions"], *OLD_SLOTS["rejected_suggestions"]]
    save_summary(session, build_summary(OLD_SLOTS, "old", titles=titles_of(session, ids)))
    code = codes.issue(session, "old")
    session.commit()
    return code


def _resume(make_tracker: Callable[..., Tracker], code: str) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"language": "en"}, text=f"I have a code {code}", sender_id="new")
    events = asyncio.run(ActionResumeWithCode().run(dispatcher, tracker, {}))
    slots = {"language": "en", **{e["name"]: e["value"] for e in events}}
    # The plan is summary content: tagged, so the coach's transcript shows it only when it was shared.
    assert isinstance(dispatcher.messages[0]["summary_id"], int)
    return slots, [m["text"] for m in dispatcher.messages]


def test_resume_restores_rejections_holland_code_interest_answers_and_next_steps(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    slots, texts = _resume(make_tracker, _earlier_session(session))
    assert slots["rejected_suggestions"] == ["course:1"]
    assert slots["holland_code"] == "ICS" and slots["next_steps"] == ["cv"]
    # The interest answers are back, so the interest questions are not asked again.
    assert {item: slots[item] for item in RI_ITEMS} == INTERESTS and slots["interests_restored"] is True
    assert not any(item in slots for item in SE_ITEMS)  # the confidence check is asked again
    assert "Not for you: Course 1." in texts[0]  # the plan the person sees names the rejection
    assert texts[1] == f"Your confidence so far: 2.8 ({short_date(FIRST_DAY.date(), 'en')}). " + (
        "When you answer the questions again, today's answer is added."
    )


def test_suggestions_after_resume_never_offer_the_rejected_course(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    slots, _ = _resume(make_tracker, _earlier_session(session))
    dispatcher = CollectingDispatcher()
    events = ActionSuggest().run(dispatcher, make_tracker(slots=slots, sender_id="new"), {})
    shown = events[0]["value"]
    assert "course:1" not in shown and len(shown) == 6
    assert not any("Course 1\n" in (m["text"] or "") for m in dispatcher.messages)


def test_confidence_after_resume_shows_every_dated_score_and_a_warm_comparison(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    slots, _ = _resume(make_tracker, _earlier_session(session))
    ratings = {item: "4" if n < 3 else "3" for n, item in enumerate(SE_ITEMS)}  # mean 3.6
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={**slots, **ratings}, sender_id="new")
    events = asyncio.run(ActionScoreConfidence().run(dispatcher, tracker, {}))
    assert events[0]["value"] == pytest.approx(3.6)
    text = dispatcher.messages[0]["text"]
    assert "That is higher than last time (2.8). Well done!" in text
    today = datetime.now(UTC)
    line = text.splitlines()[-1]
    assert line.startswith(f"Your confidence over time: 2.8 ({short_date(FIRST_DAY.date(), 'en')}) · 3.6 (")
    assert line.endswith(").") and line.count("·") == 1
    # The summary the person reads before sharing it shows the same line, and the
    # stored summary the coach reads holds the same two dated points.
    shown = CollectingDispatcher()
    summary_tracker = make_tracker(slots={**slots, "confidence_score": 3.6}, sender_id="new")
    ActionSaveSummary().run(shown, summary_tracker, {})
    assert line in shown.messages[0]["text"].splitlines()
    session.expire_all()
    stored = session.scalars(select(Summary).where(Summary.conversation_id == "new")).one()
    trend = stored.data["confidence_trend"]
    assert [p["score"] for p in trend] == [2.8, 3.6]
    assert trend[0]["at"].startswith("2026-12-01T12:00:00+02:00")
    assert datetime.fromisoformat(trend[1]["at"]) >= today.replace(microsecond=0)


def test_trend_line_in_every_language() -> None:
    from bot.guidance.store import TrendPoint

    points = [
        TrendPoint(datetime(2026, 12, 1, 9, tzinfo=UTC), 2.8),
        TrendPoint(datetime(2026, 12, 2, 22, 30, tzinfo=UTC), 3.4),  # 3 Dec in Finland
    ]
    assert trend_line(points, "en") == "2.8 (1 Dec) · 3.4 (3 Dec)"
    assert trend_line(points, "fi") == "2,8 (1.12.) · 3,4 (3.12.)"  # never "3.12.: 3,4"
    assert trend_line(points, "sv") == "2,8 (1 dec.) · 3,4 (3 dec.)"
    assert trend_line([], "en") == ""


def test_delete_my_data_removes_the_trend_and_the_plan_of_both_visits(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    from bot.guidance.store import AssessmentResult
    from bot.privacy.person import erase_person

    slots, _ = _resume(make_tracker, _earlier_session(session))
    save_summary(session, build_summary(slots, "new"))  # holds the copied, dated trend
    session.commit()
    erase_person(session, "new", "person")
    session.expire_all()
    assert session.scalars(select(Summary)).all() == []
    assert session.scalars(select(AssessmentResult)).all() == []
