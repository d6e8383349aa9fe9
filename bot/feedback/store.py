"""Recording feedback taps and counting them per city.

Shapes:
    ``record(session, tap, city, on, previous_id=None) -> Recorded``: the
        row id and whether an earlier answer of the same conversation changed.
    ``city_counts(session, cities, since=None, top=5) -> [CityCounts, ...]``:
        per city, useful / not useful per target kind and the suggestions
        with the most "useful" answers.

Errors: SQLAlchemy errors reach the caller (the action tells the person, the
dashboard shows its error page).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from bot.feedback.models import Feedback
from bot.feedback.taps import TARGETS, Tap


@dataclass(frozen=True)
class Recorded:
    """The row a tap was written to; ``changed`` when it replaced an earlier, different answer."""

    row_id: int
    changed: bool


def record(session: Session, tap: Tap, city: str, on: date, previous_id: int | None = None) -> Recorded:
    """Store ``tap`` for ``city`` on day ``on`` (commits nothing; the caller's scope does).

    ``previous_id`` is the row this conversation wrote for the same key
    before: that row is updated, so one conversation counts once per item.
    A missing previous row (purged, or another item) gives a new row.
    """
    if previous_id is not None:
        row = session.get(Feedback, previous_id)
        if row is not None and (row.target, row.item) == (tap.target, tap.item):
            changed = row.useful != tap.useful
            row.useful = tap.useful
            row.given_on = on
            session.flush()
            return Recorded(row.id, changed)
    row = Feedback(city=city[:64], target=tap.target, item=tap.item, useful=tap.useful, given_on=on)
    session.add(row)
    session.flush()
    return Recorded(row.id, False)


@dataclass
class Tally:
    """Useful and not useful answers of one target kind (or one suggestion)."""

    useful: int = 0
    not_useful: int = 0

    @property
    def total(self) -> int:
        """All answers."""
        return self.useful + self.not_useful


@dataclass
class ItemTally(Tally):
    """A suggestion's answers; ``item`` is its id (``course:12``)."""

    item: str = ""


@dataclass
class CityCounts:
    """One city's feedback: a :class:`Tally` for each of :data:`TARGETS`, and the top suggestions."""

    city: str
    targets: dict[str, Tally] = field(default_factory=lambda: {target: Tally() for target in TARGETS})
    top: list[ItemTally] = field(default_factory=list)

    @property
    def total(self) -> int:
        """All answers of the city."""
        return sum(tally.total for tally in self.targets.values())


def _useful_sums() -> tuple[ColumnElement[int], ColumnElement[int]]:
    useful = func.sum(case((Feedback.useful.is_(True), 1), else_=0))
    not_useful = func.sum(case((Feedback.useful.is_(True), 0), else_=1))
    return useful, not_useful


def city_counts(
    session: Session, cities: Sequence[str] | None, since: date | None = None, top: int = 5
) -> list[CityCounts]:
    """Counts per city, in the order of ``cities`` (each listed even with no answers).

    Args:
        cities: the cities to count; None counts every city that has answers
            (sorted, "" for conversations without a known city last).
        since: count only answers given on or after this day.
        top: how many suggestions to list per city, most "useful" answers first.
    """
    useful, not_useful = _useful_sums()
    query = (
        select(Feedback.city, Feedback.target, useful, not_useful)
        .group_by(Feedback.city, Feedback.target)
    )
    items = (
        select(Feedback.city, Feedback.item, useful, not_useful)
        .where(Feedback.target == "suggestion")
        .group_by(Feedback.city, Feedback.item)
    )
    if cities is not None:
        query = query.where(Feedback.city.in_(list(cities)))
        items = items.where(Feedback.city.in_(list(cities)))
    if since is not None:
        query = query.where(Feedback.given_on >= since)
        items = items.where(Feedback.given_on >= since)
    result: dict[str, CityCounts] = {city: CityCounts(city) for city in cities or ()}
    for city, target, yes, no in session.execute(query):
        counts = result.setdefault(city, CityCounts(city))
        if target in counts.targets:
            counts.targets[target] = Tally(int(yes or 0), int(no or 0))
    for city, item, yes, no in session.execute(items):
        result.setdefault(city, CityCounts(city)).top.append(ItemTally(int(yes or 0), int(no or 0), item))
    for counts in result.values():
        counts.top.sort(key=lambda tally: (-tally.useful, tally.not_useful, tally.item))
        del counts.top[top:]
    if cities is not None:
        return [result[city] for city in cities]
    return sorted(result.values(), key=lambda counts: (counts.city == "", counts.city))
