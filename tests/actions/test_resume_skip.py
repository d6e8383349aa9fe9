"""Skipping a check in a resumed chat (tester's Finnish session, E3RN-RYGD).

The earlier visit left a confidence score 2.8, interests answered up to
question 4 (skipped at 5 of 12), Holland code from those answers and a
self-introduction added to the summary. In the resumed chat the person taps
"Ohita tämä osio" at confidence question 1. That skip must end only the
confidence check (one "Selvä, ohitin loput..." line), the interest form must
not take it as its own when it starts and validates the restored answers,
and the new summary (and the next resume) must keep the score, the interests
and the introduction.

Real components: the SQLite test database file, the real actions one after
the other, slots carried from one action's events to the next tracker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.confidence import SE_ITEMS, ActionScoreConfidence, ValidateConfidenceForm
from actions.interests import RI_ITEMS, ActionScoreInterests, ValidateInterestForm
from actions.resume import ActionResumeWithCode
from actions.summary import ActionSaveSummary
from bot.guidance.riasec import explain_holland_code, score_riasec
from bot.guidance.store import AssessmentResult, latest_answers, save_result
from bot.i18n import t
from bot.resume import codes
from bot.summaries.models import Summary
from bot.summaries.service import build_summary, save_summary

FIRST_DAY = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
INTRODUCTION = [
    "Minua kiinnostaa erityisesti IT-tuki.",
    "Olen kärsivällinen ja osaan selittää asiat selkeästi.",
    "Kerron mielelläni lisää.",
]
PARTIAL = {"ri_1": "like", "ri_2": "unsure", "ri_3": "like", "ri_4": "dislike"}
COMPLETE = {item: ("like" if n % 3 == 0 else "dislike") for n, item in enumerate(RI_ITEMS)}
SKIP = "Ohita tämä osio"


def _earlier_visit(session: Session, interests: dict[str, str]) -> tuple[str, str | None]:
    """The first visit in Finnish; its resume code and Holland code."""
    answers = {item: interests.get(item) for item in RI_ITEMS}
    code = score_riasec(answers).holland_code
    save_result(session, "old", "self_efficacy", answers={}, score=2.8, created_at=FIRST_DAY)
    save_result(session, "old", "riasec", answers=answers, holland_code=code, created_at=FIRST_DAY)
    slots = {
        "language": "fi",
        "goal_type": "job",
        "field": "it_support",
        "city": "Espoo",
        "confidence_score": 2.8,
        "holland_code": code,
        "next_steps": ["cv"],
        "introduction_sentences": INTRODUCTION,
        "introduction_in_summary": True,
        **{item: interests.get(item, "skipped") for item in RI_ITEMS},
    }
    save_summary(session, build_summary(slots, "old"))
    resume_code = codes.issue(session, "old")
    session.commit()
    return resume_code, code


@cache
def _domain() -> dict[str, Any]:
    """The parsed domain.yml: the form validators read their slots from it."""
    text = (Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


def _apply(slots: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    return {**slots, **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}


def _resume(make_tracker: Callable[..., Tracker], code: str, sender: str) -> dict[str, Any]:
    tracker = make_tracker(slots={"language": "fi"}, text=f"mulla on koodi {code}", sender_id=sender)
    events = asyncio.run(ActionResumeWithCode().run(CollectingDispatcher(), tracker, {}))
    return _apply({"language": "fi"}, events)


def _skip_at(
    make_tracker: Callable[..., Tracker], form: Any, loop: str, slots: dict[str, Any], slot: str, sender: str
) -> tuple[dict[str, Any], list[str]]:
    """The person taps "Ohita tämä osio" (``/skip``) when ``slot`` is asked."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={**slots, "requested_slot": slot, slot: SKIP},
        text=SKIP,
        intent="skip",
        events=[{"event": "action", "name": "action_listen"}, {"event": "slot", "name": slot, "value": SKIP}],
        active_loop=loop,
        sender_id=sender,
    )
    events = asyncio.run(form.run(dispatcher, tracker, _domain()))
    return _apply(slots, events), [m["text"] for m in dispatcher.messages]


def _interest_form_starts(
    make_tracker: Callable[..., Tracker], slots: dict[str, Any], sender: str
) -> tuple[dict[str, Any], list[str]]:
    """interest_form's activation: Rasa validates the prefilled (restored) answers.

    The latest user message is still the confidence check's skip, and the
    confidence form has cleared ``requested_slot``.
    """
    prefilled = {item: slots[item] for item in RI_ITEMS if slots.get(item) is not None}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={**slots, "requested_slot": None},
        text=SKIP,
        intent="skip",
        events=[
            {"event": "action", "name": "utter_interest_intro"},
            *({"event": "slot", "name": name, "value": value} for name, value in prefilled.items()),
        ],
        active_loop="interest_form",
        sender_id=sender,
    )
    events = asyncio.run(ValidateInterestForm().run(dispatcher, tracker, _domain()))
    return _apply(slots, events), [m["text"] for m in dispatcher.messages]


def _score(make_tracker: Callable[..., Tracker], action: Any, slots: dict[str, Any], sender: str) -> Any:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, make_tracker(slots=slots, sender_id=sender), {}))
    return _apply(slots, events), [m["text"] for m in dispatcher.messages]


def _resumed_chat(
    make_tracker: Callable[..., Tracker], code: str, sender: str = "new"
) -> tuple[dict[str, Any], list[str]]:
    """Resume, skip the confidence check at question 1, start the interest form."""
    slots = _resume(make_tracker, code, sender)
    slots, said = _skip_at(make_tracker, ValidateConfidenceForm(), "confidence_form", slots, "se_1", sender)
    assert {item: slots[item] for item in SE_ITEMS} == dict.fromkeys(SE_ITEMS, "skipped")
    slots, scored = _score(make_tracker, ActionScoreConfidence(), slots, sender)
    slots, started = _interest_form_starts(make_tracker, slots, sender)
    return slots, [*said, *scored, *started]


def test_confidence_skip_after_resume_skips_only_the_confidence_section(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    code, holland = _earlier_visit(session, PARTIAL)
    slots, said = _resumed_chat(make_tracker, code)
    skipped_line = t("confidence.section_skipped", "fi")
    assert said == [skipped_line, t("confidence.all_skipped", "fi")]  # once, for the confidence check
    # The restored interest answers stay; the form goes on asking question 5 normally.
    assert {item: slots.get(item) for item in RI_ITEMS} == {item: PARTIAL.get(item) for item in RI_ITEMS}
    assert slots["confidence_score"] == 2.8 and slots["holland_code"] == holland


def test_complete_restored_interests_are_not_skipped_by_the_confidence_skip(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    code, _ = _earlier_visit(session, COMPLETE)
    slots, said = _resumed_chat(make_tracker, code)
    assert slots["interests_restored"] is True
    assert said.count(t("interests.section_skipped", "fi")) == 1  # the confidence one (same text)
    assert {item: slots[item] for item in RI_ITEMS} == COMPLETE


def test_skip_at_the_asked_interest_item_still_skips_the_rest(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    code, _ = _earlier_visit(session, PARTIAL)
    slots, _ = _resumed_chat(make_tracker, code)
    slots, said = _skip_at(make_tracker, ValidateInterestForm(), "interest_form", slots, "ri_5", "new")
    assert said == [t("interests.section_skipped", "fi")]
    assert [slots[item] for item in RI_ITEMS[4:]] == ["skipped"] * 8
    assert {item: slots[item] for item in RI_ITEMS[:4]} == PARTIAL


def test_resumed_summary_keeps_score_interests_and_introduction(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    code, holland = _earlier_visit(session, PARTIAL)
    assert holland
    slots, _ = _resumed_chat(make_tracker, code)
    slots, _ = _skip_at(make_tracker, ValidateInterestForm(), "interest_form", slots, "ri_5", "new")
    slots, _ = _score(make_tracker, ActionScoreInterests(), slots, "new")
    assert slots["holland_code"] == holland
    shown = CollectingDispatcher()
    ActionSaveSummary().run(shown, make_tracker(slots=slots, sender_id="new"), {})
    text = shown.messages[0]["text"]
    assert t("summary.confidence", "fi", score="2,8") in text
    assert "Sinua kiinnostaa" in text and INTRODUCTION[0] in text
    session.expire_all()
    stored = session.scalars(select(Summary).where(Summary.conversation_id == "new")).one()
    assert stored.data["confidence_score"] == 2.8 and stored.data["holland_code"] == holland
    assert stored.data["introduction"] == INTRODUCTION
    assert [p["score"] for p in stored.data["confidence_trend"]] == [2.8]
    # The same code later brings the whole plan back, the interest answers too.
    again = _resume(make_tracker, code, "third")
    assert again["confidence_score"] == 2.8 and again["holland_code"] == holland
    assert again["introduction_sentences"] == INTRODUCTION and again["introduction_in_summary"] is True
    assert {item: again.get(item) for item in RI_ITEMS[:4]} == PARTIAL


def test_skipped_check_after_resume_stores_no_empty_result(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    code, _ = _earlier_visit(session, COMPLETE)
    slots = _resume(make_tracker, code, "new")
    skipped = {**slots, **dict.fromkeys(SE_ITEMS, "skipped"), **dict.fromkeys(RI_ITEMS, "skipped")}
    slots_after, said = _score(make_tracker, ActionScoreConfidence(), skipped, "new")
    assert slots_after["confidence_score"] == 2.8 and said == [t("confidence.all_skipped", "fi")]
    kept, said = _score(make_tracker, ActionScoreInterests(), skipped, "new")
    assert kept["holland_code"] == slots["holland_code"]
    assert said == [explain_holland_code(slots["holland_code"], "fi")]  # the earlier code, kept
    session.expire_all()
    rows = session.scalars(select(AssessmentResult).where(AssessmentResult.conversation_id == "new"))
    kinds = [row.kind for row in rows]
    assert sorted(kinds) == ["riasec", "self_efficacy"]  # only the two copied by the code
    assert latest_answers(session, "new", "riasec") == COMPLETE
