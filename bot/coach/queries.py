"""What a coach may see: approved summaries of their own city, notes, reviews, the audit log.

Every function takes the ``Principal`` and filters by its city and by
``consent_to_share IS TRUE``; a summary that is unapproved or of another city is
reported as missing (``None``), so a URL cannot reveal that it exists.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import desc, func, select
from sqlalchemy.orm import Session

from bot.coach.accounts import Principal, as_utc
from bot.coach.models import AuditEntry, CoachNote, ConversationReview
from bot.coach.redaction import redact
from bot.followup.models import AgreedStep
from bot.followup.store import CityCounts, city_counts, summary_steps
from bot.handoff.models import HandoffRequest
from bot.summaries.models import Summary

LOW_CONFIDENCE = 2.5
STATUSES = ("new", "reviewed")


@dataclass(frozen=True)
class ListFilters:
    """Filters of the conversation list; None means "any"."""

    date_from: date | None = None
    date_to: date | None = None
    language: str | None = None
    status: str | None = None
    needs_attention: bool = False


@dataclass(frozen=True)
class Row:
    """One line of the conversation list (the latest approved summary of a conversation)."""

    summary: Summary
    reviewed: bool
    handoff_status: str | None
    needs_attention: bool

    @property
    def confidence(self) -> float | None:
        """The summary's confidence score (1-5) or None."""
        return confidence_of(self.summary.data)


def confidence_of(data: dict[str, Any] | None) -> float | None:
    """Confidence score in a summary's data (``confidence_score`` or ``confidence.score``), or None."""
    if not isinstance(data, dict):
        return None
    value = data.get("confidence_score")
    if value is None and isinstance(data.get("confidence"), dict):
        value = data["confidence"].get("score")
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _approved(principal: Principal):  # type: ignore[no-untyped-def]
    return select(Summary).where(Summary.consent_to_share.is_(True), Summary.city == principal.city)


def approved_summary(session: Session, principal: Principal, summary_id: int) -> Summary | None:
    """The summary if it is approved and of the principal's city, else None."""
    return session.scalar(_approved(principal).where(Summary.id == summary_id))


def list_conversations(session: Session, principal: Principal, filters: ListFilters) -> list[Row]:
    """Latest approved summary per conversation of the principal's city, newest first, filtered."""
    latest = (
        _approved(principal)
        .with_only_columns(Summary.conversation_id, func.max(Summary.id).label("sid"))
        .group_by(Summary.conversation_id)
        .subquery()
    )
    query = select(Summary).join(latest, Summary.id == latest.c.sid).order_by(desc(Summary.created_at))
    if filters.date_from:
        query = query.where(Summary.created_at >= datetime.combine(filters.date_from, time.min))
    if filters.date_to:
        end = datetime.combine(filters.date_to + timedelta(days=1), time.min)
        query = query.where(Summary.created_at < end)
    if filters.language:
        query = query.where(Summary.language == filters.language)
    summaries = list(session.scalars(query.limit(500)))
    ids = [s.conversation_id for s in summaries]
    reviewed = set(
        session.scalars(
            select(ConversationReview.conversation_id).where(ConversationReview.conversation_id.in_(ids))
        )
    )
    handoffs: dict[str, str] = {}
    for request in session.scalars(
        select(HandoffRequest).where(HandoffRequest.conversation_id.in_(ids)).order_by(HandoffRequest.id)
    ):
        handoffs[request.conversation_id] = request.status
    rows = []
    for summary in summaries:
        is_reviewed = summary.conversation_id in reviewed
        handoff = handoffs.get(summary.conversation_id)
        score = confidence_of(summary.data)
        attention = handoff in ("waiting", "timed_out") or (
            not is_reviewed and score is not None and score < LOW_CONFIDENCE
        )
        row = Row(summary, is_reviewed, handoff, attention)
        if filters.status == "reviewed" and not is_reviewed or filters.status == "new" and is_reviewed:
            continue
        if filters.needs_attention and not attention:
            continue
        rows.append(row)
    return rows


def confidence_trend(
    session: Session, principal: Principal, summary: Summary
) -> list[tuple[datetime, float]]:
    """(time, score) points up to this summary, oldest first.

    Uses ``data["confidence_trend"]`` (list of ``{"at": iso, "score": n}``) when the
    summary carries one, else the scores of the conversation's approved summaries.
    """
    points: list[tuple[datetime, float]] = []
    trend = summary.data.get("confidence_trend") if isinstance(summary.data, dict) else None
    if isinstance(trend, list):
        for item in trend:
            try:
                points.append((as_utc(datetime.fromisoformat(str(item["at"]))), float(item["score"])))
            except (KeyError, TypeError, ValueError):
                continue
    if not points:
        for earlier in session.scalars(
            _approved(principal)
            .where(Summary.conversation_id == summary.conversation_id, Summary.id <= summary.id)
            .order_by(Summary.created_at)
        ):
            score = confidence_of(earlier.data)
            if score is not None:
                points.append((as_utc(earlier.created_at), score))
    return sorted(points)


def notes_for(session: Session, conversation_id: str) -> list[CoachNote]:
    """Private notes of a conversation, oldest first."""
    return list(
        session.scalars(
            select(CoachNote).where(CoachNote.conversation_id == conversation_id).order_by(CoachNote.id)
        )
    )


def add_note(session: Session, principal: Principal, conversation_id: str, text: str) -> CoachNote:
    """Store a redacted note (max 4,000 characters); the caller commits.

    Raises:
        ValueError: the note is empty.
    """
    text = redact(text.strip())[:4000]
    if not text:
        raise ValueError("empty note")
    note = CoachNote(
        conversation_id=conversation_id,
        account_id=principal.account_id,
        author_email=principal.email,
        text=text,
    )
    session.add(note)
    return note


def is_reviewed(session: Session, conversation_id: str) -> bool:
    """True when a coach marked the conversation reviewed."""
    return session.get(ConversationReview, conversation_id) is not None


def set_reviewed(session: Session, principal: Principal, conversation_id: str, reviewed: bool) -> None:
    """Mark or unmark a conversation as reviewed; the caller commits."""
    row = session.get(ConversationReview, conversation_id)
    if reviewed and row is None:
        session.add(ConversationReview(conversation_id=conversation_id, reviewed_by=principal.email))
    elif not reviewed and row is not None:
        session.delete(row)


def audit(session: Session, principal: Principal, action: str, conversation_id: str | None) -> None:
    """Append an audit row (account, action, conversation, city, now); the caller commits."""
    session.add(
        AuditEntry(
            account_id=principal.account_id,
            account_email=principal.email,
            action=action,
            conversation_id=conversation_id,
            city=principal.city,
        )
    )


def audit_log(session: Session, principal: Principal, limit: int = 500) -> list[AuditEntry]:
    """Newest audit rows of the principal's city (admins only; callers check the role)."""
    query = select(AuditEntry).where(AuditEntry.city == principal.city)
    return list(session.scalars(query.order_by(desc(AuditEntry.id)).limit(limit)))


CSV_COLUMNS = (
    "summary_id",
    "conversation_id",
    "created_at",
    "language",
    "city",
    "goal_type",
    "field",
    "confidence_score",
    "holland_code",
    "next_steps",
    "consent_at",
)


def export_csv(session: Session, principal: Principal) -> tuple[str, list[str]]:
    """CSV text of every approved summary of the principal's city and the conversation ids in it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    ids: list[str] = []
    for s in session.scalars(_approved(principal).order_by(Summary.created_at)):
        data = s.data if isinstance(s.data, dict) else {}
        goals: dict[str, Any] = data["goals"] if isinstance(data.get("goals"), dict) else data
        steps = data.get("next_steps") or []
        writer.writerow(
            [
                s.id,
                s.conversation_id,
                as_utc(s.created_at).isoformat(),
                s.language,
                s.city,
                _cell(goals.get("goal_type")),
                _cell(goals.get("field")),
                _cell(confidence_of(data)),
                _cell(data.get("holland_code")),
                "; ".join(_cell(step) for step in steps) if isinstance(steps, list) else _cell(steps),
                as_utc(s.consent_at).isoformat() if s.consent_at else "",
            ]
        )
        ids.append(s.conversation_id)
    return buffer.getvalue(), ids


def _cell(value: Any) -> str:
    """A CSV cell: text, with a leading quote on formula characters (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("title") or value.get("text") or value.get("key") or ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def step_counts(session: Session, principal: Principal) -> CityCounts:
    """Agreed next steps of the principal's city: agreed, followed up, done (counts only, issue 15)."""
    rows = city_counts(session, [principal.city])
    return rows[0] if rows else CityCounts(principal.city, 0, 0, 0)


def steps_of_summary(session: Session, summary: Summary) -> list[AgreedStep]:
    """The agreed steps saved with ``summary`` (the caller checked that the principal may see it)."""
    return summary_steps(session, summary.id)
