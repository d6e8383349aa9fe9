"""Time helpers shared by the core packages: aware UTC now, and naive SQLite datetimes read as UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Timezone-aware current UTC time."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime (SQLite returns naive datetimes, which are UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
