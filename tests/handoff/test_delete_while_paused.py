"""F1: "delete my data" while the bot is paused for a coach withdraws the handoff and runs the delete flow.

Rasa runs no action while paused; the worker's ``handoff_withdraw`` job notices the request in
the tracker (fake Rasa here), closes the handoff, resumes the bot and asks to confirm, or deletes
at once when the widget's payloads say the person already said yes.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from bot.clock import utcnow
from bot.handoff import rasa_client
from bot.handoff.models import HandoffRequest
from bot.handoff.withdraw import delete_kind
from bot.worker.claims import Claimed
from bot.worker.jobs import HANDOFF_WITHDRAW, JOBS


def user(text: str, intent: str) -> dict[str, Any]:
    """A user event with its NLU parse."""
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


PAUSED = [user("I want to talk to a person", "request_coach"),
          {"event": "action", "name": "action_handoff_to_coach"}, {"event": "pause"}]


def test_typed_delete_while_paused_asks_to_confirm() -> None:
    assert delete_kind(PAUSED + [user("delete my data", "delete_my_data")]) == "asked"
    assert delete_kind(PAUSED + [user("delete my data", "delete_my_data"), user("yes", "affirm")]) == "asked"


def test_widget_payloads_delete_at_once() -> None:
    events = PAUSED + [user("/delete_my_data", "delete_my_data"), user("/affirm", "affirm")]
    assert delete_kind(events) == "confirmed"


def test_nothing_to_do() -> None:
    assert delete_kind(PAUSED + [user("hello", "greet")]) is None
    before_pause = [user("delete my data", "delete_my_data")] + PAUSED
    assert delete_kind(before_pause) is None
    answered = PAUSED + [user("delete my data", "delete_my_data"), {"event": "resume"},
                         {"event": "action", "name": "utter_confirm_delete"}]
    assert delete_kind(answered) is None
    assert delete_kind([user("delete my data", "delete_my_data")]) is None  # not paused: rules answer


class FakeRasa:
    """Rasa's HTTP API: one tracker per conversation, the calls made."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, events: dict[str, list[dict[str, Any]]]) -> None:
        self.events, self.calls = events, []  # type: list[tuple[str, str, str]]
        monkeypatch.setattr(rasa_client, "tracker_events", lambda cid: list(self.events.get(cid, [])))
        monkeypatch.setattr(rasa_client, "resume", lambda cid: self.calls.append(("resume", cid, "")))
        monkeypatch.setattr(rasa_client, "run_action", lambda cid, a: self.calls.append(("run", cid, a)))
        monkeypatch.setattr(rasa_client, "listen", lambda cid: self.calls.append(("listen", cid, "")))


def claimed(request: HandoffRequest) -> Claimed:
    """The claimed job row for a request."""
    return Claimed(id=1, kind="handoff_withdraw", key=str(request.id),
                   conversation_id=request.conversation_id, attempts=1)


@pytest.mark.parametrize(("texts", "action"), [
    (("delete my data",), "utter_confirm_delete"),
    (("/delete_my_data", "/affirm"), "action_delete_my_data"),
])
@pytest.mark.parametrize("status", ["waiting", "active"])
def test_worker_withdraws_the_handoff_and_answers(
    session: Session, monkeypatch: pytest.MonkeyPatch, texts: tuple[str, ...], action: str, status: str
) -> None:
    assert HANDOFF_WITHDRAW in JOBS
    request = HandoffRequest(conversation_id="p1", city="Espoo", language="en", status=status)
    other = HandoffRequest(conversation_id="p2", city="Espoo", language="en")
    session.add_all([request, other])
    session.commit()
    intents = {"delete my data": "delete_my_data", "/delete_my_data": "delete_my_data", "/affirm": "affirm"}
    rasa = FakeRasa(monkeypatch, {"p1": PAUSED + [user(x, intents[x]) for x in texts],
                                  "p2": PAUSED + [user("hello", "greet")]})
    HANDOFF_WITHDRAW.plan(session, utcnow())
    from sqlalchemy import select

    from bot.worker.models import WorkerJob

    jobs = session.scalars(select(WorkerJob).where(WorkerJob.kind == "handoff_withdraw")).all()
    assert [(j.job_key, j.conversation_id) for j in jobs] == [(str(request.id), "p1")]
    assert HANDOFF_WITHDRAW.run(session, claimed(request)) == "p1"
    session.refresh(request)
    session.refresh(other)
    assert request.status == "closed" and request.closed_at is not None
    assert other.status == "waiting"
    assert rasa.calls == [("resume", "p1", ""), ("run", "p1", action), ("listen", "p1", "")]
