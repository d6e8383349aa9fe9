"""Handoff timeouts: a request nobody took within ``timeout()`` is closed and the person told.

Only the worker (``python -m bot.worker``, job ``handoff_timeout``) and the
admins' one-shot ``python -m bot.coach expire-handoffs`` call this, both through
the worker's job claims, so one request is handled by one process at a time.

The step is safe to repeat: the request moves ``waiting -> timed_out`` in one
``UPDATE ... WHERE status = 'waiting'`` (a coach taking it at the same moment
wins or loses cleanly), and before sending, the tracker is read so a timeout
message already sent (say, by a worker that died before it could note it) is
not sent again.

Errors:
    rasa_client.RasaError: Rasa could not be reached; the request stays
        ``timed_out`` and calling ``expire_request`` again delivers the message.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.clock import as_utc, utcnow
from bot.handoff import rasa_client
from bot.handoff.models import HandoffRequest
from bot.handoff.queue import timeout

TIMEOUT_ACTION = "action_handoff_timeout"


def due_requests(session: Session, now: datetime | None = None) -> list[tuple[int, str]]:
    """``(request id, conversation id)`` of waiting requests older than ``timeout()``, oldest first."""
    cutoff = (now or utcnow()) - timeout()
    rows = session.execute(
        select(HandoffRequest.id, HandoffRequest.conversation_id, HandoffRequest.requested_at)
        .where(HandoffRequest.status == "waiting")
        .order_by(HandoffRequest.requested_at)
    )
    return [(rid, cid) for rid, cid, at in rows if as_utc(at) <= cutoff]


def _timeout_sent(events: list[dict[str, Any]], since: float) -> bool:
    return any(
        e.get("event") == "action"
        and e.get("name") == TIMEOUT_ACTION
        and float(e.get("timestamp") or 0) >= since
        for e in events
    )


def _paused(events: list[dict[str, Any]]) -> bool:
    states = [e["event"] for e in events if e.get("event") in ("pause", "resume")]
    return bool(states) and states[-1] == "pause"


def expire_request(session: Session, request_id: int) -> str | None:
    """Time out one request: mark it ``timed_out`` (commits), tell the person, resume the bot.

    Returns:
        The conversation id once the timeout is delivered; None when there is
        nothing to do (taken by a coach, closed, or deleted with the person's data).

    Raises:
        rasa_client.RasaError: see the module docstring (safe to call again).
    """
    request = session.get(HandoffRequest, request_id)
    if request is None:
        return None
    if request.status == "waiting":
        session.execute(
            update(HandoffRequest)
            .where(HandoffRequest.id == request_id, HandoffRequest.status == "waiting")
            .values(status="timed_out", closed_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        session.commit()
        session.refresh(request)
    if request.status != "timed_out":
        return None
    conversation_id = request.conversation_id
    events = rasa_client.tracker_events(conversation_id)
    if not _timeout_sent(events, as_utc(request.requested_at).timestamp()):
        rasa_client.run_action(conversation_id, TIMEOUT_ACTION)
    if _paused(events):
        rasa_client.resume(conversation_id)
        rasa_client.listen(conversation_id)
    return conversation_id
