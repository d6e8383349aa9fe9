"""Time helpers shared by the core packages: aware UTC now, today, and naive SQLite datetimes read as UTC.

Tests freeze the clock by replacing ``bot.clock.utcnow`` (``today`` follows it).
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def utcnow() -> datetime:
    """Timezone-aware current UTC time."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date in UTC, from :func:`utcnow`."""
    return utcnow().date()


def as_utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime (SQLite returns naive datetimes, which are UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
