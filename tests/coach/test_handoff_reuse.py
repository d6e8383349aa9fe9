"""A summary the person answered about just before asking for a coach is not shown or asked again."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from actions.handoff import ActionHandoffToCoach
from bot import handoff
from bot.handoff.consent import SHARED, WAITING, takeover_summary
from bot.handoff.models import HandoffRequest
from bot.i18n import t
from bot.summaries.models import Summary
from bot.summaries.service import build_summary, save_summary

SLOTS = {"language": "fi", "city": "Turku", "next_steps": ["visit_employment_office"], "skills": ["excel"]}


@pytest.fixture(autouse=True)
def _always_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOFF_OFFICE_HOURS", "always")


def _answered(session, shared: bool | None, conversation_id: str = "conv-r") -> Summary:  # type: ignore[no-untyped-def]
    summary = save_summary(session, build_summary(SLOTS, conversation_id))
    summary.consent_to_share = shared
    session.commit()
    return summary


def _handoff(make_tracker, dispatcher, slots: dict[str, object]) -> list[object]:  # type: ignore[no-untyped-def]
    tracker = make_tracker(slots=slots, sender_id="conv-r", intent="request_coach")
    return asyncio.run(ActionHandoffToCoach().run(dispatcher, tracker, {}))


def test_shared_just_before_no_second_summary_no_second_question(session, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    earlier = _answered(session, True)
    events = _handoff(make_tracker, dispatcher, {**SLOTS, "summary_id": str(earlier.id)})
    assert events == [{"event": "pause", "timestamp": None}]
    assert session.scalars(select(Summary)).all() == [earlier]
    texts = [m.get("text") for m in dispatcher.messages]
    assert texts[-1] == t("summary.handoff_already_shared", "fi")
    assert t("summary.ask_share_handoff", "fi") not in texts
    assert not any(m.get("buttons") for m in dispatcher.messages)
    request = session.scalar(select(HandoffRequest))
    assert takeover_summary(session, request) == (SHARED, earlier)


def test_said_no_just_before_it_stays_private_without_asking_again(session, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    earlier = _answered(session, False)
    _handoff(make_tracker, dispatcher, {**SLOTS, "summary_id": str(earlier.id)})
    assert dispatcher.messages[-1]["text"] == t("summary.handoff_already_private", "fi")
    assert len(session.scalars(select(Summary)).all()) == 1
    assert takeover_summary(session, session.scalar(select(HandoffRequest)))[0] == "not_shared"


def test_plan_changed_asks_again_and_the_coach_reads_the_earlier_shared_one_meanwhile(  # type: ignore[no-untyped-def]
    session, make_tracker, dispatcher
) -> None:
    earlier = _answered(session, True)
    changed = {**SLOTS, "skills": ["excel", "python"], "summary_id": str(earlier.id)}
    events = _handoff(make_tracker, dispatcher, changed)
    newer = session.scalars(select(Summary).order_by(Summary.id.desc())).first()
    assert newer.id != earlier.id and newer.consent_to_share is None
    assert events[0]["value"] == str(newer.id)
    assert dispatcher.messages[-1]["text"] == t("summary.ask_share_handoff", "fi")
    request = session.scalar(select(HandoffRequest))
    assert takeover_summary(session, request) == (SHARED, earlier)


def test_unanswered_or_other_conversations_summary_is_not_reused(session, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    other = _answered(session, True, conversation_id="someone-else")
    _handoff(make_tracker, dispatcher, {**SLOTS, "summary_id": str(other.id)})
    assert dispatcher.messages[-1]["text"] == t("summary.ask_share_handoff", "fi")
    request = session.scalar(select(HandoffRequest))
    assert takeover_summary(session, request) == (WAITING, None)
    assert handoff.shared_summary(session, request) is None
