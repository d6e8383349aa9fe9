"""The summary written at a handoff, and the person's yes / no to sharing it with the coach.

The answer arrives in the chat while the bot is paused; ``sync_consent`` reads it
from the tracker (Rasa's HTTP API) and records it on the summary.
``takeover_summary`` says what the coach who takes the handoff may see of it.
``record_chat_answer`` records it at once, when the answer is the message the
bot just got (the action run while paused, ``action_record_handoff_consent``).
``answered_summary`` finds a summary the person already answered about in this
conversation whose plan is the same as now (the handoff then reuses it and its
answer instead of asking again).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import as_utc, utcnow
from bot.guidance.answers import normalise
from bot.handoff import rasa_client
from bot.handoff.models import HandoffRequest
from bot.handoff.queue import latest_request
from bot.summaries.models import Summary

# The parts of a summary that make up the person's plan (build_summary keys); a
# change in any of them means a new summary and a new question.
PLAN_KEYS = (
    "city", "goals", "skills", "occupations", "confidence_score", "holland_code", "suggestions", "next_steps",
)


def same_plan(a: Any, b: Any) -> bool:
    """True when summary dicts ``a`` and ``b`` hold the same plan (``PLAN_KEYS``)."""
    if not isinstance(a, dict) or not isinstance(b, dict):
        return False
    return all(a.get(key) == b.get(key) for key in PLAN_KEYS)


def answered_summary(
    session: Session, summary_id: Any, conversation_id: str, data: dict[str, Any]
) -> Summary | None:
    """Summary ``summary_id`` of this conversation when the person answered the share question
    (yes or no) and its plan equals ``data`` (from build_summary); else None."""
    try:
        key = int(summary_id)
    except (TypeError, ValueError):
        return None
    summary = session.get(Summary, key)
    if summary is None or summary.conversation_id != conversation_id or summary.consent_to_share is None:
        return None
    return summary if same_plan(summary.data, data) else None


def handoff_summary(session: Session, request: HandoffRequest) -> Summary | None:
    """The summary written when this handoff was asked for (``data.trigger == "handoff"``), or None."""
    since = as_utc(request.requested_at) - timedelta(seconds=30)
    for summary in session.scalars(
        select(Summary).where(Summary.conversation_id == request.conversation_id).order_by(Summary.id.desc())
    ):
        if as_utc(summary.created_at) >= since and (summary.data or {}).get("trigger") == "handoff":
            return summary
    return None


TYPED_ANSWER_MAX_WORDS = 2
"""Longest typed yes / no that counts as the answer while waiting ("yes", "kyllä saa", "nej tack").

A longer typed ``affirm`` ("okej jag väntar", "ok I'll wait") may be meant for the
coach, and sharing needs a clear yes: the bot asks again with the buttons."""


def is_clear_typed_answer(text: str) -> bool:
    """Whether a typed (not button) yes / no is short enough to be the answer itself."""
    return 0 < len(normalise(text).split()) <= TYPED_ANSWER_MAX_WORDS


def consent_answer(events: list[dict[str, Any]], request: HandoffRequest) -> bool | None:
    """The person's yes (True) or no (False) to sharing the handoff summary, or None.

    While the bot is paused Rasa still classifies each message, so the answer
    is the first ``affirm`` / ``deny`` message after the request that is a
    button (``/affirm``, ``/deny``) or, before a coach took the handoff, a
    short typed yes / no (:func:`is_clear_typed_answer`); after that a typed
    "yes" is more likely meant for the coach.
    """
    since = as_utc(request.requested_at).timestamp()
    taken = as_utc(request.taken_at).timestamp() if request.taken_at else None
    for event in events:
        if event.get("event") != "user" or float(event.get("timestamp") or 0) < since:
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent not in ("affirm", "deny"):
            continue
        text = str(event.get("text", ""))
        if not text.startswith("/") and (
            (taken is not None and float(event["timestamp"]) > taken) or not is_clear_typed_answer(text)
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


SHARED_NOW, PRIVATE_NOW, ASK_AGAIN = "shared", "private", "ask_again"


def record_chat_answer(session: Session, conversation_id: str, intent: str | None, text: str) -> str | None:
    """Record the person's yes / no to the handoff summary from the message just received.

    The same rule as :func:`consent_answer`: the first ``affirm`` / ``deny`` after the
    request counts when it is a button (text starting with ``/``) or, while the
    request waits, a short typed yes / no (:func:`is_clear_typed_answer`). Nothing
    is recorded when the conversation has no waiting or active request, the request
    has no handoff summary, or the summary is already answered. The caller commits.

    Args:
        session: an open database session.
        conversation_id: the Rasa sender id.
        intent: the message's intent name (``affirm``, ``deny``, anything else).
        text: the message's text (a button payload such as ``/affirm`` or what was typed).

    Returns:
        ``"shared"`` or ``"private"`` when this message was recorded as the answer;
        ``"ask_again"`` when it was a longer typed yes / no while the question waits
        (ask with the buttons rather than guess); None when it was not the answer
        (then it is a message for the coach).

    Raises:
        sqlalchemy.exc.SQLAlchemyError: the database could not be read or written.
    """
    if intent not in ("affirm", "deny"):
        return None
    request = latest_request(session, conversation_id)
    if request is None or request.status not in ("waiting", "active"):
        return None
    button = text.startswith("/")
    if request.status == "active" and not button:
        return None
    summary = handoff_summary(session, request)
    if summary is None or summary.consent_to_share is not None:
        return None
    if not button and not is_clear_typed_answer(text):
        return ASK_AGAIN
    summary.consent_to_share, summary.consent_at = intent == "affirm", utcnow()
    session.flush()
    return SHARED_NOW if summary.consent_to_share else PRIVATE_NOW


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


SHARED, WAITING, NOT_SHARED = "shared", "waiting", "not_shared"


def takeover_summary(session: Session, request: HandoffRequest) -> tuple[str, Summary | None]:
    """What the coach of this handoff sees of the summary: ``(state, summary)``.

    - ``("shared", summary)``: the person approved the summary written at this
      handoff (or, for a handoff without one, an earlier summary of the
      conversation in the request's city);
    - ``("shared", earlier)``: the handoff summary waits for the person's answer
      (the plan changed since), and an earlier summary of the conversation in
      the request's city was approved: the coach reads that one meanwhile;
    - ``("waiting", None)``: the handoff summary waits and nothing earlier was approved;
    - ``("not_shared", None)``: the person said no, or there is nothing approved.

    Never returns a summary the person has not approved. Call ``sync_consent`` first.
    """
    written = handoff_summary(session, request)
    if written is None:
        shared = shared_summary(session, request)
        return (SHARED, shared) if shared is not None else (NOT_SHARED, None)
    if written.consent_to_share is None:
        earlier = shared_summary(session, request)
        return (SHARED, earlier) if earlier is not None and earlier.id < written.id else (WAITING, None)
    if written.consent_to_share and (written.city or "") == (request.city or ""):
        return SHARED, written
    return NOT_SHARED, None
