"""The handoff queue: requests from the chat, coaches taking them, replies, hand-back.

The action server calls ``enqueue`` (``actions/handoff.py``) and
``pop_undelivered_replies`` (``action_relay_coach_message``). The coach dashboard calls
``queue``, ``get``, ``take``, ``reply`` and ``hand_back``, which reach the chat
through :mod:`bot.handoff.rasa_client`. Timeouts are :mod:`bot.handoff.expiry`
(run by the worker, ``python -m bot.worker``).

``coach`` arguments are anything with ``email`` and ``city`` (the dashboard's
``Principal``); this package never imports the dashboard.

Errors:
    HandoffError: the request is missing, of another city, or not in a state that
        allows the step (say, replying to a closed handoff).
"""

from __future__ import annotations

import logging
import os
from datetime import timedelta
from typing import Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.clock import utcnow
from bot.handoff import rasa_client
from bot.handoff.models import HandoffMessage, HandoffRequest
from bot.summaries.redact import redact

OPEN_STATUSES = ("waiting", "active")
log = logging.getLogger(__name__)


class Coach(Protocol):
    """Who does a step: their e-mail address and the one city they serve."""

    @property
    def email(self) -> str: ...  # noqa: D102

    @property
    def city(self) -> str: ...  # noqa: D102


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


def queue(session: Session, coach: Coach) -> list[HandoffRequest]:
    """Open requests of the coach's city, oldest first."""
    return list(
        session.scalars(
            select(HandoffRequest)
            .where(HandoffRequest.city == coach.city, HandoffRequest.status.in_(OPEN_STATUSES))
            .order_by(HandoffRequest.requested_at)
        )
    )


def get(session: Session, coach: Coach, request_id: int) -> HandoffRequest:
    """The request if it belongs to the coach's city.

    Raises:
        HandoffError: missing or of another city.
    """
    request = session.get(HandoffRequest, request_id)
    if request is None or request.city != coach.city:
        raise HandoffError("no such handoff")
    return request


def take(session: Session, coach: Coach, request_id: int) -> HandoffRequest:
    """A coach takes a waiting request (or re-opens their own active one); commits, then tells the chat.

    The change is one ``UPDATE ... WHERE status = 'waiting'``, so a coach and the
    worker's timeout (or two coaches) cannot both win the same request. Once
    committed, ``action_handoff_joined`` says in the chat that a coach (with their
    display name) has joined; when Rasa cannot be reached, that is one log line and
    the take stands (the coach's first reply is labelled as theirs anyway).

    Raises:
        HandoffError: not waiting, or taken by someone else (or timed out just now).
    """
    request = get(session, coach, request_id)
    if request.status == "active" and request.taken_by == coach.email:
        return request
    if request.status != "waiting":
        raise HandoffError(f"handoff is {request.status}")
    won = session.execute(
        update(HandoffRequest)
        .where(HandoffRequest.id == request_id, HandoffRequest.status == "waiting")
        .values(status="active", taken_by=coach.email, taken_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    session.refresh(request)
    if won.rowcount != 1:  # type: ignore[attr-defined]
        raise HandoffError(f"handoff is {request.status}")
    session.commit()
    try:
        rasa_client.run_action(request.conversation_id, "action_handoff_joined")
    except rasa_client.RasaError as error:
        log.warning("handoff %s taken; the joined notice for %s failed: %s", request.id,
                    request.conversation_id, error)
    return request


def reply(session: Session, coach: Coach, request_id: int, text: str) -> HandoffMessage:
    """Send a coach's reply into the chat; commits, then asks Rasa to utter it.

    Raises:
        HandoffError: the handoff is not active for this coach, or the text is empty.
        rasa_client.RasaError: Rasa could not be reached (the message stays queued).
    """
    request = get(session, coach, request_id)
    if request.status != "active" or request.taken_by != coach.email:
        raise HandoffError("take the handoff first")
    text = text.strip()[:2000]
    if not text:
        raise HandoffError("empty reply")
    message = HandoffMessage(
        handoff_id=request.id,
        conversation_id=request.conversation_id,
        author_email=coach.email,
        text=text,
    )
    session.add(message)
    session.commit()
    rasa_client.run_action(request.conversation_id, "action_relay_coach_message")
    return message


def pop_undelivered(session: Session, conversation_id: str) -> list[str]:
    """Texts of the coach replies not yet delivered, oldest first (see ``pop_undelivered_replies``)."""
    return [text for text, _author in pop_undelivered_replies(session, conversation_id)]


def pop_undelivered_replies(session: Session, conversation_id: str) -> list[tuple[str, str]]:
    """``(text, author e-mail)`` of the coach replies not yet delivered, oldest first; marks them delivered.

    The stored copy is redacted once delivered (the person has the original).
    The caller commits.
    """
    replies = []
    for message in session.scalars(
        select(HandoffMessage)
        .where(HandoffMessage.conversation_id == conversation_id, HandoffMessage.delivered_at.is_(None))
        .order_by(HandoffMessage.id)
    ):
        replies.append((message.text, message.author_email))
        message.text = redact(message.text)
        message.delivered_at = utcnow()
    return replies


def latest_request(session: Session, conversation_id: str) -> HandoffRequest | None:
    """The conversation's newest request, whatever its state (None if it never asked)."""
    return session.scalar(
        select(HandoffRequest)
        .where(HandoffRequest.conversation_id == conversation_id)
        .order_by(HandoffRequest.id.desc())
        .limit(1)
    )


def hand_back(session: Session, coach: Coach, request_id: int) -> HandoffRequest:
    """Close the handoff and give the conversation back to the bot; commits.

    Raises:
        HandoffError: the handoff is not open.
        rasa_client.RasaError: Rasa could not be reached.
    """
    request = get(session, coach, request_id)
    if request.status not in OPEN_STATUSES:
        raise HandoffError(f"handoff is {request.status}")
    request.status, request.closed_at = "closed", utcnow()
    session.commit()
    rasa_client.resume(request.conversation_id)
    rasa_client.run_action(request.conversation_id, "action_handoff_resumed")
    rasa_client.listen(request.conversation_id)
    return request
