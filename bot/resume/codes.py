"""Issue and redeem resume codes; find the conversations of one person.

A code is 8 characters from an alphabet without look-alikes (no I, L, O, 0,
1), shown as ``ABCD-EFGH``: 31**8 (about 8.5e11) possibilities. It is made
with :mod:`secrets`, stored only as an HMAC-SHA256 (key ``RESUME_CODE_SECRET``,
else derived from the Rasa token), and works as often as needed until it
expires after ``RESUME_CODE_DAYS`` days (default 30), as the bot promises
("It works for 30 days"): someone who closes the tab in a resumed session
comes back with the same code. Every conversation that used it joins the
code's person, so a later resume brings back the person's newest plan and all
their confidence checks. Guessing stays hard: 31**8 codes and at most
``actions.resume.MAX_ATTEMPTS`` unknown codes per conversation. "Delete my
data" removes every conversation of the person, the code rows with them, and
the retention purge removes a code with the conversation it was given in.
Typing is forgiving: case, spaces and dashes do not matter.

Shapes:
    ``issue(session, conversation_id) -> str``: the code to show (``ABCD-EFGH``).
    ``redeem(session, text, conversation_id) -> Restored | None``.
    ``person_conversations(session, conversation_id) -> list[str]``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.config import get_settings
from bot.guidance.store import AssessmentResult, TrendPoint, confidence_trend, latest_answers
from bot.resume.models import PersonLink, ResumeCode, utcnow
from bot.summaries.models import Summary

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8
# A lookahead, so that "code KTPR-M7XH" yields KTPR-M7XH after rejecting "CODE KTPR".
CODE_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])(?=([A-Za-z2-9]{4})[\s-]?([A-Za-z2-9]{4})(?![A-Za-z0-9]))")


@dataclass
class Restored:
    """What a redeemed code gives back.

    Attributes:
        conversation_id: the conversation the code was given in.
        person_id: the person both conversations now belong to.
        summary: that conversation's latest summary data (``{}`` when none):
            goals, Holland code, suggestions with ``rejected`` flags, next steps.
        scores_copied: assessment results copied into the new conversation.
        interest_answers: the newest interest profiler answers
            (``{"ri_1": "like", ...}``; unanswered items left out).
        trend: every scored confidence check of the person, oldest first.
        summary_id: the id of that summary (None when none), so the message
            showing it can be tagged for the coach's transcript.
        expires_at: until when the code keeps working (UTC; None only when unknown).
    """

    conversation_id: str
    person_id: str
    summary: dict[str, Any] = field(default_factory=dict)
    scores_copied: int = 0
    interest_answers: dict[str, str] = field(default_factory=dict)
    trend: list[TrendPoint] = field(default_factory=list)
    summary_id: int | None = None
    expires_at: datetime | None = None


def lifetime() -> timedelta:
    """How long a code works: ``RESUME_CODE_DAYS`` (default 30) days."""
    return timedelta(days=int(os.environ.get("RESUME_CODE_DAYS", "30")))


def _key() -> bytes:
    secret = os.environ.get("RESUME_CODE_SECRET") or get_settings().rasa_token.get_secret_value()
    return hashlib.sha256(b"digipoint-resume-code:" + secret.encode()).digest()


def normalise(code: str) -> str:
    """Upper case, spaces and dashes removed."""
    return re.sub(r"[\s-]", "", code).upper()


def code_hash(code: str) -> str:
    """HMAC-SHA256 (hex) of the normalised code."""
    return hmac.new(_key(), normalise(code).encode(), hashlib.sha256).hexdigest()


def new_code() -> str:
    """A fresh random code with at least one digit, formatted ``ABCD-EFGH``.

    The digit keeps ordinary words (two 4-letter words) from looking like a code.
    """
    while True:
        raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if any(ch.isdigit() for ch in raw):
            return f"{raw[:4]}-{raw[4:]}"


def find_codes(text: str) -> list[str]:
    """Candidate codes in a message (normalised), in order; words of the alphabet only."""
    found = []
    for first, second in CODE_IN_TEXT.findall(text or ""):
        candidate = normalise(first + second)
        if all(ch in ALPHABET for ch in candidate) and any(ch.isdigit() for ch in candidate):
            found.append(candidate)
    return found


def person_of(session: Session, conversation_id: str) -> str | None:
    """The person id linked to a conversation, or None."""
    link = session.get(PersonLink, conversation_id)
    return link.person_id if link else None


def _link(session: Session, conversation_id: str, person_id: str | None = None) -> str:
    existing = session.get(PersonLink, conversation_id)
    if existing is not None:
        return existing.person_id
    person_id = person_id or uuid.uuid4().hex
    session.add(PersonLink(conversation_id=conversation_id, person_id=person_id))
    session.flush()
    return person_id


def issue(session: Session, conversation_id: str) -> str:
    """Give ``conversation_id`` a new code (its person's id is kept); the caller commits."""
    person_id = _link(session, conversation_id)
    while True:
        code = new_code()
        digest = code_hash(code)
        if session.scalar(select(ResumeCode.id).where(ResumeCode.code_hash == digest)) is None:
            break
    session.add(
        ResumeCode(
            code_hash=digest,
            conversation_id=conversation_id,
            person_id=person_id,
            expires_at=utcnow() + lifetime(),
        )
    )
    session.flush()
    return code


def _as_utc(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; treat them as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _newest_summary(session: Session, conversation_ids: list[str]) -> Summary | None:
    """The newest summary of any of ``conversation_ids`` (None when none)."""
    if not conversation_ids:
        return None
    return session.scalar(
        select(Summary)
        .where(Summary.conversation_id.in_(conversation_ids))
        .order_by(Summary.created_at.desc(), Summary.id.desc())
        .limit(1)
    )


def _copy_results(session: Session, sources: list[str], conversation_id: str) -> int:
    """Copy the assessment results of ``sources`` into ``conversation_id`` (once each); how many."""
    have = {
        (r.kind, _as_utc(r.created_at))
        for r in session.scalars(
            select(AssessmentResult).where(AssessmentResult.conversation_id == conversation_id)
        )
    }
    copied = 0
    results = (
        session.scalars(
            select(AssessmentResult)
            .where(AssessmentResult.conversation_id.in_(sources))
            .order_by(AssessmentResult.created_at, AssessmentResult.id)
        ).all()
        if sources
        else []
    )
    for result in results:
        key = (result.kind, _as_utc(result.created_at))
        if key in have:  # a check copied into several earlier conversations counts once
            continue
        have.add(key)
        session.add(
            AssessmentResult(
                conversation_id=conversation_id,
                kind=result.kind,
                score=result.score,
                holland_code=result.holland_code,
                answers=dict(result.answers or {}),
                created_at=result.created_at,
            )
        )
        copied += 1
    session.flush()
    return copied


def redeem(session: Session, text: str, conversation_id: str) -> Restored | None:
    """Use the first valid code in ``text`` for ``conversation_id``; the caller commits.

    The new conversation joins the code's person. The person's newest summary
    (from any of their earlier conversations, resumed ones included) is what
    comes back, and their assessment results (confidence and interests) are
    copied to it (with their times) so the trend continues and the interest
    answers are known. The code keeps working until it expires; ``used_at``
    holds its latest use.

    Returns:
        Restored (see the class), or None when no code in the text is known
        and unexpired.
    """
    now = utcnow()
    for candidate in find_codes(text):
        row = session.scalar(select(ResumeCode).where(ResumeCode.code_hash == code_hash(candidate)))
        if row is None or _as_utc(row.expires_at) <= now:
            continue
        row.used_at = now
        person_id = _link(session, conversation_id, row.person_id)
        earlier = [cid for cid in person_conversations(session, conversation_id) if cid != conversation_id]
        if row.conversation_id not in earlier and row.conversation_id != conversation_id:
            earlier.append(row.conversation_id)
        summary = _newest_summary(session, earlier)
        copied = _copy_results(session, earlier, conversation_id)
        answers = latest_answers(session, conversation_id, "riasec")
        return Restored(
            row.conversation_id,
            person_id,
            dict(summary.data) if summary else {},
            copied,
            {item: value for item, value in answers.items() if isinstance(value, str)},
            confidence_trend(session, conversation_id),
            summary.id if summary else None,
            _as_utc(row.expires_at),
        )
    return None


def person_conversations(session: Session, conversation_id: str) -> list[str]:
    """Every conversation of the person behind ``conversation_id`` (itself first)."""
    person_id = person_of(session, conversation_id)
    others: list[str] = []
    if person_id:
        others = [
            cid
            for cid in session.scalars(
                select(PersonLink.conversation_id).where(PersonLink.person_id == person_id)
            )
            if cid != conversation_id
        ]
        others += [
            cid
            for cid in session.scalars(
                select(ResumeCode.conversation_id).where(ResumeCode.person_id == person_id)
            )
            if cid != conversation_id and cid not in others
        ]
    return [conversation_id, *others]
