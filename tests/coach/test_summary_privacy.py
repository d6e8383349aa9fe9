"""A coach never reads an unshared summary (one line instead); an approved one shows at takeover.

The tracker events are shaped as Rasa 3.6 stores them (the summary message
carries ``metadata.summary_id``, the tag ``utter_message(..., summary_id=...)``
leaves); the database is a real SQLite file (``coach_env``).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from markupsafe import escape
from sqlalchemy import select

from actions.handoff import ActionHandoffToCoach
from actions.summary import ActionSaveSummary
from bot import handoff
from bot.coach.accounts import Principal
from bot.coach.i18n import text
from bot.coach.models import AuditEntry
from bot.coach.redaction import coach_lines
from bot.coach.transcript import Line, lines_of
from bot.handoff.consent import takeover_summary
from bot.handoff.models import HandoffRequest
from bot.i18n import t
from bot.summaries.models import Summary
from bot.summaries.service import build_summary, render_summary, save_summary
from tests.coach.conftest import CoachEnv

EN = text("en")
NOTE = EN["summary_hidden"]  # "Summary shown to the person, not shared."
TITLES = {
    "course:1": {"en": "Data analyst course", "fi": "Data-analyytikon kurssi", "sv": "Dataanalytikerkurs"}
}
SLOTS = {
    "language": "en",
    "city": "Espoo",
    "goal_type": "job",
    "field": "data",
    "confidence_score": 3.4,
    "holland_code": "IAS",
    "shown_suggestions": ["course:1"],
}
# What the person saw in the chat; none of it may reach a coach before a yes.
SECRETS = ("3.4 out of 5", "You like:", "Data analyst course", "Field: data and analytics")


def _summary(env: CoachEnv, conversation_id: str, consent: bool | None, city: str = "Espoo") -> Summary:
    data = build_summary({**SLOTS, "city": city}, conversation_id, titles=TITLES, trigger="handoff")
    summary = save_summary(env.session, data)
    summary.consent_to_share = consent
    env.session.commit()
    return summary


def _handoff_events(summary: Summary, at: datetime, *, tagged: bool = True) -> list[dict[str, Any]]:
    """The events of action_handoff_to_coach as the tracker keeps them, then the person's answer."""
    shown: dict[str, Any] = {
        "event": "bot",
        "text": render_summary(summary.data, "en"),
        "timestamp": at.timestamp(),
        "data": {},
    }
    if tagged:
        shown["metadata"] = {"summary_id": str(summary.id)}
    return [
        {"event": "action", "name": "action_handoff_to_coach", "timestamp": at.timestamp()},
        {"event": "bot", "text": "I have asked a coach to join this chat.", "timestamp": at.timestamp()},
        shown,
        {
            "event": "bot",
            "text": t("summary.ask_share_handoff", "en"),
            "timestamp": at.timestamp(),
            "data": {"buttons": [{"title": "No, keep it private", "payload": "/deny"}]},
        },
        {"event": "slot", "name": "summary_id", "value": str(summary.id), "timestamp": at.timestamp()},
        {"event": "pause", "timestamp": at.timestamp()},
    ]


def _answer(payload: str, intent: str, at: datetime) -> dict[str, Any]:
    return {
        "event": "user",
        "text": payload,
        "timestamp": at.timestamp(),
        "parse_data": {"intent": {"name": intent}},
    }


def _principal(city: str = "Espoo") -> Principal:
    return Principal(1, f"coach@{city.lower()}.fi", "coach", city, "token")


def test_a_tagged_summary_message_is_marked_with_its_id(coach_env: CoachEnv) -> None:
    summary = _summary(coach_env, "conv-a", None)
    lines = lines_of(_handoff_events(summary, datetime.now(UTC)))
    marked = [(line.shows_summary, line.summary_id) for line in lines]
    assert marked == [(False, None), (True, summary.id), (False, None)]


def test_an_untagged_summary_from_an_older_tracker_is_recognised_and_gets_the_slots_id(
    coach_env: CoachEnv,
) -> None:
    summary = _summary(coach_env, "conv-b", None)
    lines = lines_of(_handoff_events(summary, datetime.now(UTC), tagged=False))
    assert [line.summary_id for line in lines if line.shows_summary] == [summary.id]
    finnish = {"event": "bot", "text": render_summary(summary.data, "fi"), "timestamp": 1}
    resumed = {"event": "bot", "text": t("resume.welcome_back", "sv") + "\nDu söker jobb.", "timestamp": 2}
    plain = {"event": "bot", "text": t("resume.welcome_back", "sv"), "timestamp": 3}
    assert [line.shows_summary for line in lines_of([finnish, resumed, plain])] == [True, True, False]


def test_unshared_summaries_read_as_one_line(coach_env: CoachEnv) -> None:
    now = datetime.now(UTC)
    refused = _summary(coach_env, "conv-c", False)
    unanswered = _summary(coach_env, "conv-c", None)
    approved = _summary(coach_env, "conv-c", True)
    other_city = _summary(coach_env, "conv-c", True, city="Turku")
    lines = [
        Line("bot", render_summary(s.data, "en"), now, True, s.id)
        for s in (refused, unanswered, approved, other_city)
    ]
    lines += [
        Line("bot", "Welcome back!\nYou are looking for a job.", now, True, None),
        Line("user", "hi", now),
    ]
    seen = coach_lines(coach_env.session, _principal(), lines, NOTE)
    texts = [line.text for line in seen]
    assert texts[:2] == [NOTE, NOTE] and texts[3:] == [NOTE, NOTE, "hi"]
    assert texts[2] == render_summary(approved.data, "en")
    assert all(line.summary_id is None for line in seen if line.text == NOTE)


def _handoff(env: CoachEnv, summary: Summary) -> HandoffRequest:
    env.account("coach@espoo.fi", city="Espoo")
    request = handoff.enqueue(env.session, summary.conversation_id, "Espoo", "en")
    env.session.commit()
    return request


def test_no_keep_it_private_hides_the_summary_from_the_handoff_page_and_its_updates(
    coach_env: CoachEnv,
) -> None:
    summary = _summary(coach_env, "conv-no", None)
    request = _handoff(coach_env, summary)
    later = datetime.now(UTC) + timedelta(seconds=1)
    coach_env.rasa.events[:] = [
        *_handoff_events(summary, later),
        _answer("/deny", "deny", later + timedelta(seconds=1)),
    ]
    coach_env.login("coach@espoo.fi")
    page = coach_env.client.get(f"/coach/handoffs/{request.id}").text
    assert NOTE in page and EN["summary_not_shared"] in page and "No, keep it private" in page
    body = coach_env.client.get(f"/coach/handoffs/{request.id}/messages.json").json()
    assert (
        body["summary_state"] == "not_shared" and body["summary_url"] is None and body["summary_part"] is None
    )
    assert NOTE in [line["text"] for line in body["lines"]]
    assert coach_env.client.get(f"/coach/handoffs/{request.id}/summary").status_code == 404
    queue = coach_env.client.get("/coach/queue").text
    export = coach_env.client.get("/coach/export.csv").text
    for shown in (page, str(body), queue, export):
        for secret in SECRETS:
            assert secret not in shown, secret
    assert "IAS" not in export and "3.4" not in export


def test_the_summary_shows_at_takeover_only_after_the_persons_yes(coach_env: CoachEnv) -> None:
    summary = _summary(coach_env, "conv-yes", None)
    request = _handoff(coach_env, summary)
    later = datetime.now(UTC) + timedelta(seconds=1)
    coach_env.rasa.events[:] = _handoff_events(summary, later)
    coach_env.login("coach@espoo.fi")
    waiting = coach_env.client.get(f"/coach/handoffs/{request.id}").text
    assert escape(EN["summary_waiting"]) in waiting and NOTE in waiting
    assert not any(secret in waiting for secret in SECRETS)
    assert coach_env.client.get(f"/coach/handoffs/{request.id}/summary").status_code == 404

    coach_env.rasa.events.append(_answer("/affirm", "affirm", later + timedelta(seconds=1)))
    body = coach_env.client.get(f"/coach/handoffs/{request.id}/messages.json").json()
    assert body["summary_state"] == "shared" and body["summary_part"].endswith(
        f"/handoffs/{request.id}/summary"
    )
    part = coach_env.client.get(f"/coach/handoffs/{request.id}/summary")
    assert part.status_code == 200 and EN["shared_summary"] in part.text
    page = coach_env.client.get(f"/coach/handoffs/{request.id}").text
    for expected in (*SECRETS, EN["holland"], "IAS", EN["trend"], f"/coach/summaries/{summary.id}"):
        assert expected in page, expected
    assert NOTE not in page  # the approved summary reads in full in the transcript too
    actions = {e.action for e in coach_env.session.scalars(select(AuditEntry))}
    assert {"handoff_view", "handoff_summary_view"} <= actions


def test_the_detail_page_hides_an_earlier_summary_the_person_kept_private(coach_env: CoachEnv) -> None:
    private = _summary(coach_env, "conv-d", False)
    approved = _summary(coach_env, "conv-d", True)
    now = datetime.now(UTC)
    coach_env.rasa.events[:] = [
        {
            "event": "bot",
            "text": render_summary(private.data, "en"),
            "timestamp": now.timestamp(),
            "metadata": {"summary_id": private.id},
        },
        _answer("/deny", "deny", now),
        {"event": "bot", "text": "Thanks, your goal is noted.", "timestamp": now.timestamp()},
    ]
    coach_env.account("coach@espoo.fi", city="Espoo")
    coach_env.login("coach@espoo.fi")
    page = coach_env.client.get(f"/coach/summaries/{approved.id}").text
    assert NOTE in page and "Thanks, your goal is noted." in page
    assert "Here is a short summary of our talk." not in page


def test_the_note_is_in_the_dashboard_language(coach_env: CoachEnv) -> None:
    summary = _summary(coach_env, "conv-fi", False)
    request = _handoff(coach_env, summary)
    coach_env.rasa.events[:] = _handoff_events(summary, datetime.now(UTC) + timedelta(seconds=1))
    coach_env.login("coach@espoo.fi")
    fi = coach_env.client.get(f"/coach/handoffs/{request.id}?lang=fi").text
    sv = coach_env.client.get(f"/coach/handoffs/{request.id}?lang=sv").text
    assert text("fi")["summary_hidden"] in fi and text("sv")["summary_hidden"] in sv
    assert NOTE not in fi and NOTE not in sv


def test_both_actions_tag_the_message_that_shows_the_summary(  # type: ignore[no-untyped-def]
    session, make_tracker, dispatcher, monkeypatch
) -> None:
    """The tag rides on ``utter_message`` kwargs; Rasa 3.6 stores it as the bot event's metadata."""
    monkeypatch.setenv("HANDOFF_OFFICE_HOURS", "always")  # a coach is on duty whatever the clock says
    ActionSaveSummary().run(dispatcher, make_tracker(slots=SLOTS, sender_id="conv-e"), {})
    asyncio.run(ActionHandoffToCoach().run(dispatcher, make_tracker(slots=SLOTS, sender_id="conv-f"), {}))
    ids = [str(s.id) for s in session.scalars(select(Summary).order_by(Summary.id))]
    tagged = [
        (m.get("summary_id"), m["text"].splitlines()[0]) for m in dispatcher.messages if m.get("summary_id")
    ]
    assert len(ids) == 2 and tagged == [(sid, t("summary.heading", "en")) for sid in ids]


def test_a_tag_that_is_not_an_id_hides_the_message_and_logs_one_line(coach_env: CoachEnv, caplog) -> None:  # type: ignore[no-untyped-def]
    event = {"event": "bot", "text": "Here it is", "timestamp": 1, "metadata": {"summary_id": {"x": 1}}}
    with caplog.at_level("WARNING", logger="bot.coach.transcript"):
        lines = lines_of([event])
    assert [r.getMessage() for r in caplog.records] == [
        "coach transcript: summary tag {'x': 1} is not an id; the message stays hidden"
    ]
    assert [line.text for line in coach_lines(coach_env.session, _principal(), lines, NOTE)] == [NOTE]


def test_takeover_shows_only_what_the_person_approved_for_this_handoff(coach_env: CoachEnv) -> None:
    earlier = _summary(coach_env, "conv-t", True)
    earlier.data = {**earlier.data, "trigger": "end"}
    coach_env.session.commit()
    request = handoff.enqueue(coach_env.session, "conv-t", "Espoo", "en")
    assert takeover_summary(coach_env.session, request) == ("shared", earlier)  # no handoff summary yet
    written = _summary(coach_env, "conv-t", None)
    # The plan changed, the new summary waits: meanwhile the coach reads the one the person approved.
    assert takeover_summary(coach_env.session, request) == ("shared", earlier)
    written.consent_to_share = False
    assert takeover_summary(coach_env.session, request) == ("not_shared", None)  # the new no counts
    written.consent_to_share = True
    assert takeover_summary(coach_env.session, request) == ("shared", written)
