"""Where a waiting person is in the queue, and about how long the wait is.

The estimate: the median time from request to "taken" of the city's last
``SAMPLE`` requests that a coach took within ``LOOKBACK`` (at least
``MIN_SAMPLES`` of them; otherwise ``DEFAULT_TAKE``), times the place in the
queue, rounded up to whole minutes, at least ``FLOOR_MINUTES`` and at most the
handoff timeout. The person reads it as "about N minutes".

Shapes:
    ``Status(position, minutes)``: 1 is next in line.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.clock import as_utc, utcnow
from bot.handoff.models import HandoffRequest
from bot.handoff.queue import timeout

LOOKBACK = timedelta(days=14)
SAMPLE = 50
MIN_SAMPLES = 3
DEFAULT_TAKE = timedelta(minutes=3)
FLOOR_MINUTES = 2


@dataclass(frozen=True)
class Status:
    """The person's place in the city's queue (1 = next) and the wait in whole minutes."""

    position: int
    minutes: int


def position(session: Session, request: HandoffRequest) -> int:
    """1 + waiting requests of the same city asked earlier (ties broken by id)."""
    earlier = session.scalar(
        select(func.count())
        .select_from(HandoffRequest)
        .where(
            HandoffRequest.city == request.city,
            HandoffRequest.status == "waiting",
            HandoffRequest.id < request.id,
        )
    )
    return 1 + int(earlier or 0)


def typical_take(session: Session, city: str, now: datetime | None = None) -> timedelta:
    """Median request-to-taken time of the city's recent taken requests (``DEFAULT_TAKE`` if few)."""
    since = (now or utcnow()) - LOOKBACK
    rows = session.execute(
        select(HandoffRequest.requested_at, HandoffRequest.taken_at)
        .where(HandoffRequest.city == city, HandoffRequest.taken_at.is_not(None))
        .order_by(HandoffRequest.taken_at.desc())
        .limit(SAMPLE)
    ).all()
    waits = [
        (as_utc(taken) - as_utc(asked)).total_seconds()
        for asked, taken in rows
        if taken is not None and as_utc(taken) >= since
    ]
    if len(waits) < MIN_SAMPLES:
        return DEFAULT_TAKE
    return timedelta(seconds=max(0.0, statistics.median(waits)))


def status(session: Session, request: HandoffRequest, now: datetime | None = None) -> Status:
    """The request's place and estimated wait (see the module docstring)."""
    place = position(session, request)
    per_person = typical_take(session, request.city, now).total_seconds()
    ceiling = max(FLOOR_MINUTES, int(timeout().total_seconds() // 60))
    minutes = math.ceil(per_person * place / 60)
    return Status(place, min(ceiling, max(FLOOR_MINUTES, minutes)))


def changed(session: Session, now: datetime | None = None) -> list[tuple[int, str, Status]]:
    """``(request id, conversation id, new status)`` of waiting requests told something else before."""
    out = []
    for request in session.scalars(
        select(HandoffRequest).where(HandoffRequest.status == "waiting").order_by(HandoffRequest.id)
    ):
        if request.told_position is None:
            continue  # not told anything yet: action_handoff_to_coach tells it first
        new = status(session, request, now)
        if (new.position, new.minutes) != (request.told_position, request.told_minutes):
            out.append((request.id, request.conversation_id, new))
    return out
