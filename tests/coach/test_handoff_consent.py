"""The summary written at a handoff reaches the coach only after the person's yes in the chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot import handoff
from bot.handoff.models import HandoffRequest
from bot.summaries.models import Summary
from tests.coach.conftest import CoachEnv


def _user(text: str, intent: str, at: datetime) -> dict[str, object]:
    return {
        "event": "user",
        "text": text,
        "timestamp": at.timestamp(),
        "parse_data": {"intent": {"name": intent}},
    }


def _setup(coach_env: CoachEnv) -> tuple[HandoffRequest, Summary]:
    coach_env.account("coach@espoo.fi", city="Espoo")
    request = handoff.enqueue(coach_env.session, "conv-s", "Espoo", "en")
    summary = Summary(conversation_id="conv-s", language="en", city="Espoo", data={"trigger": "handoff"})
    coach_env.session.add(summary)
    coach_env.session.commit()
    return request, summary


def test_no_answer_no_summary_then_yes_links_it(coach_env: CoachEnv) -> None:
    request, summary = _setup(coach_env)
    coach_env.login("coach@espoo.fi")
    page = coach_env.client.get(f"/coach/handoffs/{request.id}")
    assert "Waiting for the person" in page.text and f"/coach/summaries/{summary.id}" not in page.text
    assert coach_env.client.get(f"/coach/summaries/{summary.id}").status_code == 404
    later = datetime.now(UTC) + timedelta(seconds=1)
    coach_env.rasa.events[:] = [_user("/affirm", "affirm", later)]
    body = coach_env.client.get(f"/coach/handoffs/{request.id}/messages.json").json()
    assert body["summary_url"].endswith(f"/coach/summaries/{summary.id}")
    assert coach_env.client.get(f"/coach/summaries/{summary.id}").status_code == 200


def test_no_keeps_it_private_and_typed_yes_to_the_coach_does_not_count(coach_env: CoachEnv) -> None:
    request, summary = _setup(coach_env)
    now = datetime.now(UTC)
    request.taken_at = now + timedelta(seconds=1)
    events = [_user("yes, I am here", "affirm", now + timedelta(seconds=2))]
    assert handoff.consent_answer(events, request) is None
    events.append(_user("/deny", "deny", now + timedelta(seconds=3)))
    assert handoff.consent_answer(events, request) is False
    coach_env.rasa.events[:] = events
    assert handoff.sync_consent(coach_env.session, request) is summary
    assert summary.consent_to_share is False
    assert handoff.shared_summary(coach_env.session, request) is None


def test_a_yes_while_waiting_is_recorded_at_once_and_the_coach_sees_the_summary(coach_env: CoachEnv) -> None:
    request, summary = _setup(coach_env)
    assert handoff.record_chat_answer(coach_env.session, "conv-s", "affirm", "yes please") == "shared"
    coach_env.session.commit()
    assert summary.consent_to_share is True and summary.consent_at is not None
    # A later yes / no is a message for the coach and changes nothing.
    assert handoff.record_chat_answer(coach_env.session, "conv-s", "deny", "/deny") is None
    assert summary.consent_to_share is True
    # The coach's page needs no transcript for it (the stand-in Rasa has no events).
    coach_env.rasa.events[:] = []
    coach_env.login("coach@espoo.fi")
    body = coach_env.client.get(f"/coach/handoffs/{request.id}/messages.json").json()
    assert body["summary_url"].endswith(f"/coach/summaries/{summary.id}")


def test_once_a_coach_has_joined_only_a_button_answers(coach_env: CoachEnv) -> None:
    request, summary = _setup(coach_env)
    request.status, request.taken_at = "active", datetime.now(UTC)
    coach_env.session.commit()
    assert handoff.record_chat_answer(coach_env.session, "conv-s", "affirm", "yes, I am here") is None
    assert summary.consent_to_share is None
    assert handoff.record_chat_answer(coach_env.session, "conv-s", "deny", "/deny") == "private"
    assert summary.consent_to_share is False


def test_no_answer_is_recorded_without_an_open_request_or_for_other_intents(coach_env: CoachEnv) -> None:
    request, summary = _setup(coach_env)
    assert handoff.record_chat_answer(coach_env.session, "conv-s", "greet", "/affirm") is None
    assert handoff.record_chat_answer(coach_env.session, "someone-else", "affirm", "/affirm") is None
    request.status = "closed"
    coach_env.session.commit()
    assert handoff.record_chat_answer(coach_env.session, "conv-s", "affirm", "/affirm") is None
    assert summary.consent_to_share is None


def test_a_longer_typed_yes_while_waiting_is_no_consent(coach_env: CoachEnv) -> None:
    # "okej jag väntar" (ok, I'll wait), classified affirm, is not a clear yes to sharing.
    request, summary = _setup(coach_env)
    assert handoff.record_chat_answer(coach_env.session, "conv-s", "affirm", "okej jag väntar") == "ask_again"
    assert summary.consent_to_share is None
    later = datetime.now(UTC) + timedelta(seconds=1)
    assert handoff.consent_answer([_user("ok I'll wait here", "affirm", later)], request) is None
    assert handoff.consent_answer([_user("ok I'll wait here", "affirm", later),
                                   _user("kyllä saa", "affirm", later)], request) is True
