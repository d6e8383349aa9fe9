"""actions/handoff.py: pause + queue, relay of coach replies, timeout text, resume text."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from actions.handoff import (
    ActionHandoffResumed,
    ActionHandoffTimeout,
    ActionHandoffToCoach,
    ActionRelayCoachMessage,
)
from bot.handoff.models import HandoffMessage, HandoffRequest
from bot.i18n import t
from bot.summaries.models import Summary


def test_handoff_pauses_and_queues(session, make_tracker, dispatcher, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HANDOFF_OFFICE_HOURS", "always")  # outside office hours nothing is queued
    tracker = make_tracker(
        slots={"language": "fi", "city": "Turku"}, sender_id="conv-a", intent="request_coach"
    )
    events = asyncio.run(ActionHandoffToCoach().run(dispatcher, tracker, {}))
    summary = session.scalar(select(Summary))
    assert events == [
        {"event": "slot", "timestamp": None, "name": "summary_id", "value": str(summary.id)},
        {"event": "pause", "timestamp": None},
    ]
    assert "ohjaaja" in dispatcher.messages[0]["text"].lower()
    assert (summary.data["trigger"], summary.consent_to_share, summary.city) == ("handoff", None, "Turku")
    assert "confidence" in summary.data["open_questions"]
    # [1] is the queue place (custom data for the widget's banner), [2] the summary.
    assert dispatcher.messages[1]["custom"]["data"]["digipoint"]["kind"] == "queue"
    assert dispatcher.messages[3]["text"] == t("summary.ask_share_handoff", "fi")
    assert [b["payload"] for b in dispatcher.messages[3]["buttons"]] == ["/affirm", "/deny"]
    request = session.scalar(select(HandoffRequest))
    assert (request.conversation_id, request.city, request.language, request.status) == (
        "conv-a",
        "Turku",
        "fi",
        "waiting",
    )


def test_relay_utters_waiting_replies_once(session, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    request = HandoffRequest(conversation_id="conv-b", city="Turku", language="en", status="active")
    session.add(request)
    session.flush()
    session.add(
        HandoffMessage(handoff_id=request.id, conversation_id="conv-b", author_email="c@t.fi", text="Hello")
    )
    session.commit()
    tracker = make_tracker(sender_id="conv-b")
    asyncio.run(ActionRelayCoachMessage().run(dispatcher, tracker, {}))
    asyncio.run(ActionRelayCoachMessage().run(dispatcher, tracker, {}))
    assert [m["custom"]["data"]["text"] for m in dispatcher.messages] == ["Hello"]
    assert dispatcher.messages[0]["custom"]["data"]["digipoint"]["from"] == "coach"


def test_timeout_and_resume_texts(database_url, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    tracker = make_tracker(slots={"language": "sv", "city": "Espoo"})
    asyncio.run(ActionHandoffTimeout().run(dispatcher, tracker, {}))
    asyncio.run(ActionHandoffResumed().run(dispatcher, tracker, {}))
    timeout_text, resumed_text = (m["custom"]["data"]["text"] for m in dispatcher.messages[:2])
    assert "handledare" in timeout_text and "DigiPoint" in resumed_text
    assert [b["payload"].split("{")[0] for b in dispatcher.messages[2]["buttons"]] == ["/give_feedback"] * 2
