"""The handoff queue: requests from the chat, coaches taking them, replies, hand-back, timeouts.

The action server calls ``enqueue`` (``actions/handoff.py``) and
``pop_undelivered`` (``action_relay_coach_message``). The dashboard calls
``take``, ``reply``, ``hand_back`` and ``expire_waiting``, which reach the chat
through :mod:`bot.coach.rasa_client`.

Errors:
    HandoffError: the request is missing, of another city, or not in a state that
        allows the step (say, replying to a closed handoff).
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.coach import rasa_client
from bot.coach.accounts import Principal, as_utc
from bot.coach.models import HandoffMessage, HandoffRequest, utcnow
from bot.coach.redaction import redact
from bot.summaries.models import Summary

OPEN_STATUSES = ("waiting", "active")


class HandoffError(ValueError):
    """A handoff step is not allowed (missing, other city, wrong state)."""


def timeout() -> timedelta:
    """How long a request may wait for a coach: ``HANDOFF_TIMEOUT_SECONDS`` (default 600)."""
    return timedelta(seconds=int(os.environ.get("HANDOFF_TIMEOUT_SECONDS", "600")))


def enqueue(session: Session, conversation_id: str, city: str, language: str) -> HandoffRequest:
    """Queue a conversation (or return its open request); the caller commits."""
    existing = session.scalar(
        select(HandoffRequest).where(
            HandoffRequest.conversation_id == conversation_id, HandoffRequest.status.in_(OPEN_STATUSES)
        )
    )
    if existing is not None:
        return existing
    request = HandoffRequest(conversation_id=conversation_id, city=city or "", language=language or "en")
    session.add(request)
    session.flush()
    return request


def queue(session: Session, principal: Principal) -> list[HandoffRequest]:
    """Open requests of the principal's city, oldest first."""
    return list(
        session.scalars(
            select(HandoffRequest)
            .where(HandoffRequest.city == principal.city, HandoffRequest.status.in_(OPEN_STATUSES))
            .order_by(HandoffRequest.requested_at)
        )
    )


def get(session: Session, principal: Principal, request_id: int) -> HandoffRequest:
    """The request if it belongs to the principal's city.

    Raises:
        HandoffError: missing or of another city.
    """
    request = session.get(HandoffRequest, request_id)
    if request is None or request.city != principal.city:
        raise HandoffError("no such handoff")
    return request


def take(session: Session, principal: Principal, request_id: int) -> HandoffRequest:
    """A coach takes a waiting request (or re-opens their own active one); the caller commits.

    Raises:
        HandoffError: not waiting, or taken by someone else.
    """
    request = get(session, principal, request_id)
    if request.status == "active" and request.taken_by == principal.email:
        return request
    if request.status != "waiting":
        raise HandoffError(f"handoff is {request.status}")
    request.status, request.taken_by, request.taken_at = "active", principal.email, utcnow()
    return request


def reply(session: Session, principal: Principal, request_id: int, text: str) -> HandoffMessage:
    """Send a coach's reply into the chat; commits, then asks Rasa to utter it.

    Raises:
        HandoffError: the handoff is not active for this coach, or the text is empty.
        rasa_client.RasaError: Rasa could not be reached (the message stays queued).
    """
    request = get(session, principal, request_id)
    if request.status != "active" or request.taken_by != principal.email:
        raise HandoffError("take the handoff first")
    text = text.strip()[:2000]
    if not text:
        raise HandoffError("empty reply")
    message = HandoffMessage(
        handoff_id=request.id,
        conversation_id=request.conversation_id,
        author_email=principal.email,
        text=text,
    )
    session.add(message)
    session.commit()
    rasa_client.run_action(request.conversation_id, "action_relay_coach_message")
    return message


def pop_undelivered(session: Session, conversation_id: str) -> list[str]:
    """Texts of the coach replies not yet delivered, oldest first; marks them delivered.

    The stored copy is redacted once delivered (the person has the original).
    The caller commits.
    """
    texts = []
    for message in session.scalars(
        select(HandoffMessage)
        .where(HandoffMessage.conversation_id == conversation_id, HandoffMessage.delivered_at.is_(None))
        .order_by(HandoffMessage.id)
    ):
        texts.append(message.text)
        message.text = redact(message.text)
        message.delivered_at = utcnow()
    return texts


def hand_back(session: Session, principal: Principal, request_id: int) -> HandoffRequest:
    """Close the handoff and give the conversation back to the bot; commits.

    Raises:
        HandoffError: the handoff is not open.
        rasa_client.RasaError: Rasa could not be reached.
    """
    request = get(session, principal, request_id)
    if request.status not in OPEN_STATUSES:
        raise HandoffError(f"handoff is {request.status}")
    request.status, request.closed_at = "closed", utcnow()
    session.commit()
    rasa_client.resume(request.conversation_id)
    rasa_client.run_action(request.conversation_id, "action_handoff_resumed")
    rasa_client.listen(request.conversation_id)
    return request


def expire_waiting(session: Session) -> list[str]:
    """Time out requests nobody took within ``timeout()``: tell the person, resume the bot; commits.

    Returns:
        Conversation ids that timed out. A Rasa failure leaves that request waiting
        (tried again on the next call).
    """
    cutoff = utcnow() - timeout()
    expired = []
    for request in session.scalars(select(HandoffRequest).where(HandoffRequest.status == "waiting")):
        if as_utc(request.requested_at) > cutoff:
            continue
        try:
            rasa_client.run_action(request.conversation_id, "action_handoff_timeout")
            rasa_client.resume(request.conversation_id)
            rasa_client.listen(request.conversation_id)
        except rasa_client.RasaError:
            continue
        request.status, request.closed_at = "timed_out", utcnow()
        session.commit()
        expired.append(request.conversation_id)
    return expired


def handoff_summary(session: Session, request: HandoffRequest) -> Summary | None:
    """The summary written when this handoff was asked for (``data.trigger == "handoff"``), or None."""
    since = as_utc(request.requested_at) - timedelta(seconds=30)
    for summary in session.scalars(
        select(Summary).where(Summary.conversation_id == request.conversation_id).order_by(Summary.id.desc())
    ):
        if as_utc(summary.created_at) >= since and (summary.data or {}).get("trigger") == "handoff":
            return summary
    return None


def consent_answer(events: list[dict[str, Any]], request: HandoffRequest) -> bool | None:
    """The person's yes (True) or no (False) to sharing the handoff summary, or None.

    While the bot is paused Rasa still classifies each message, so the answer
    is the first ``affirm`` / ``deny`` message after the request: typed or a
    button before a coach took the handoff, only a button (``/affirm``,
    ``/deny``) afterwards, when a typed "yes" is more likely meant for the coach.
    """
    since = as_utc(request.requested_at).timestamp()
    taken = as_utc(request.taken_at).timestamp() if request.taken_at else None
    for event in events:
        if event.get("event") != "user" or float(event.get("timestamp") or 0) < since:
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent not in ("affirm", "deny"):
            continue
        if (
            taken is not None
            and float(event["timestamp"]) > taken
            and not str(event.get("text", "")).startswith("/")
        ):
            continue
        return intent == "affirm"
    return None


def sync_consent(session: Session, request: HandoffRequest) -> Summary | None:
    """Record the person's answer about the handoff summary once it is in the chat; the caller commits.

    Returns:
        The handoff summary (None when there is none). A Rasa failure leaves it undecided.
    """
    summary = handoff_summary(session, request)
    if summary is None or summary.consent_to_share is not None:
        return summary
    try:
        answer = consent_answer(rasa_client.tracker_events(request.conversation_id), request)
    except rasa_client.RasaError:
        return summary
    if answer is not None:
        summary.consent_to_share, summary.consent_at = answer, utcnow()
        session.flush()
    return summary


def shared_summary(session: Session, request: HandoffRequest) -> Summary | None:
    """The newest summary of the conversation the person approved, in the request's city, or None."""
    return session.scalar(
        select(Summary)
        .where(
            Summary.conversation_id == request.conversation_id,
            Summary.consent_to_share.is_(True),
            Summary.city == request.city,
        )
        .order_by(Summary.id.desc())
    )
