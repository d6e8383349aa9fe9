"""action_resume_with_code: asks for the code, restores slots and trend, refuses bad or many codes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.privacy import ActionDeleteMyData
from actions.resume import MAX_ATTEMPTS, ActionResumeWithCode
from bot.guidance.store import AssessmentResult, confidence_trend, save_result
from bot.i18n import t
from bot.resume import codes
from bot.resume.trend import local_moment, short_date, trend_line
from bot.summaries.models import Summary
from bot.summaries.service import build_summary, save_summary

SLOTS = {
    "language": "sv",
    "goal_type": "job",
    "field": "data",
    "city": "Espoo",
    "confidence_score": 2.6,
    "holland_code": "ICS",
    "next_steps": ["cv"],
    "skills": ["Excel"],
}


def run(tracker: Tracker, dispatcher: CollectingDispatcher) -> list[dict[str, object]]:
    return asyncio.run(ActionResumeWithCode().run(dispatcher, tracker, {}))


def test_without_a_code_it_asks(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    events = run(make_tracker(slots={"language": "fi"}, text="minulla on koodi"), dispatcher)
    assert events == [] and dispatcher.messages[0]["text"] == t("resume.ask_code", "fi")


def test_a_code_restores_profile_plan_and_trend(
    session: Session, make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    save_summary(session, build_summary(SLOTS, "old"))
    save_result(session, "old", "self_efficacy", answers={}, score=2.6)
    code = codes.issue(session, "old")
    session.commit()
    tracker = make_tracker(
        slots={"language": "sv", "city": "Vantaa"}, text=f"jag har en kod {code}", sender_id="new"
    )
    events = run(tracker, dispatcher)
    values = {e["name"]: e["value"] for e in events}
    assert values == {
        "goal_type": "job",
        "field": "data",
        "skills": ["Excel"],
        "confidence_score": 2.6,
        "holland_code": "ICS",
        "next_steps": ["cv"],
    }  # the page's city (Vantaa) is kept
    texts = [m["text"] for m in dispatcher.messages]
    day = trend_line(confidence_trend(session, "new"), "sv")
    assert texts[0].startswith(t("resume.welcome_back", "sv"))
    assert texts[1] == t("resume.trend_kept", "sv", trend=day) and day.startswith("2,6 (")
    assert texts[2].startswith("Din kod fungerar till och med ")  # the code keeps working
    assert [b["payload"] for b in dispatcher.messages[3]["buttons"]] == ["/ask_courses", "/ask_jobs"]


def test_the_same_code_works_again_with_the_newest_plan(
    session: Session,
    make_tracker: Callable[..., Tracker],
    dispatcher: CollectingDispatcher,
    domain: dict[str, object],
) -> None:
    """Someone who closes the tab in a resumed session types the same code again and gets the newer plan."""
    save_summary(session, build_summary(SLOTS, "old"))
    code = codes.issue(session, "old")
    session.commit()
    run(make_tracker(slots={"language": "en"}, text=f"I have a code {code}", sender_id="second"), dispatcher)
    save_summary(session, build_summary({**SLOTS, "holland_code": "SEC", "field": "health"}, "second"))
    session.commit()
    again = CollectingDispatcher()
    events = run(make_tracker(slots={"language": "en"}, text=code.lower(), sender_id="third"), again)
    values = {e["name"]: e["value"] for e in events}
    assert values["holland_code"] == "SEC" and values["field"] == "health"
    until = local_moment(codes.utcnow() + codes.lifetime()).date()
    assert again.messages[0]["text"].startswith(t("resume.welcome_back", "en"))
    assert t("resume.still_valid", "en", date=short_date(until, "en")) in [m["text"] for m in again.messages]
    # "Delete my data" ends the code too.
    asyncio.run(ActionDeleteMyData().run(CollectingDispatcher(), make_tracker(sender_id="third"), domain))
    session.expire_all()
    late = CollectingDispatcher()
    run(make_tracker(slots={"language": "en"}, text=code, sender_id="fourth"), late)
    assert late.messages[-1]["text"] == t("resume.not_found", "en")


def test_unknown_code_and_too_many_attempts(
    session: Session, make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    events = run(make_tracker(text="my code is ABCD-EFG2"), dispatcher)
    assert dispatcher.messages[-1]["text"] == t("resume.not_found", "en")
    assert SlotSet("resume_code_attempts", 1.0) in events
    # The count lives in a slot, so it holds even when the tracker the action
    # server sees no longer has the earlier tries (the tracker window).
    many = {"resume_code_attempts": float(MAX_ATTEMPTS)}
    events = run(make_tracker(text="ABCD-EFG3", slots=many), dispatcher)
    assert dispatcher.messages[-1]["text"] == t("resume.too_many", "en")
    assert not any(e.get("name") == "resume_code_attempts" for e in events)


def test_delete_reaches_the_persons_earlier_conversation(
    session: Session,
    make_tracker: Callable[..., Tracker],
    dispatcher: CollectingDispatcher,
    domain: dict[str, object],
) -> None:
    save_result(session, "old", "self_efficacy", answers={}, score=3.0)
    code = codes.issue(session, "old")
    codes.redeem(session, code, "new")
    session.commit()
    asyncio.run(ActionDeleteMyData().run(dispatcher, make_tracker(sender_id="new"), domain))
    session.expire_all()
    assert session.query(AssessmentResult).count() == 0
    assert codes.person_conversations(session, "old") == ["old"]


def test_inside_goal_form_the_code_text_leaves_the_asked_slot(
    session: Session, make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    code = codes.issue(session, "old")
    session.add(Summary(conversation_id="old", language="en", city=None, data={"goals": {"field": "data"}}))
    session.commit()
    text = f"I have a code {code}"
    tracker = make_tracker(slots={"goal_type": text}, text=text, sender_id="new", active_loop="goal_form")
    values = {e["name"]: e["value"] for e in run(tracker, dispatcher)}
    assert values == {"goal_type": None, "field": "data"}
    assert all(not m["buttons"] for m in dispatcher.messages)  # the form goes on, no extra offer
    asked = make_tracker(slots={"goal_type": "I have a code"}, text="I have a code", active_loop="goal_form")
    assert run(asked, dispatcher) == [
        {"event": "slot", "timestamp": None, "name": "goal_type", "value": None}
    ]
