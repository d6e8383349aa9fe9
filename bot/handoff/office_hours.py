"""Office hours of each city's coaches (``office_hours`` in ``bot/contract/cities/<slug>.yml``).

``HANDOFF_OFFICE_HOURS`` chooses the rule: ``cities`` (default) uses each
city's hours; ``always`` treats coaches as on duty around the clock (a service
staffed day and night, and the live tests, which must not depend on the clock);
``closed`` means no coach answers in the chat for now (a holiday week, a staff
day): people are offered contact-me instead.

Shapes:
    ``Hours(timezone, days, open, close)``; ``days`` are 0 (Monday) .. 6 (Sunday).

Errors:
    ValueError: a city's hours in its contract file are malformed (raised by ``hours_of``,
        so a wrong edit fails the unit tests, not a person's chat).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names

from bot.clock import utcnow
from bot.config.cities import city_config
from bot.locale import catalogue, registry

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def local_day_names(lang: str | None) -> tuple[str, ...]:
    """Short weekday names, Monday first, in ``lang`` (CLDR via Babel: "ma".."su", "mån".."sön").

    ``lang`` is normalised by the locale registry; a language the registry
    does not serve, or one CLDR lacks, gets the English names.
    """
    code = registry.normalise(lang) or "en"
    try:
        names = get_day_names("abbreviated", context="format", locale=Locale.parse(code.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        names = get_day_names("abbreviated", context="format", locale="en")
    return tuple(str(names[day]) for day in range(7))


@dataclass(frozen=True)
class Hours:
    """Weekly office hours in one timezone."""

    timezone: str
    days: tuple[int, ...]
    open: time
    close: time

    def is_open(self, now: datetime) -> bool:
        """True when the aware ``now`` falls on an office day between open and close."""
        local = now.astimezone(ZoneInfo(self.timezone))
        return local.weekday() in self.days and self.open <= local.time().replace(tzinfo=None) < self.close

    def describe(self, lang: str | None) -> str:
        """Plain text such as "Mon–Fri 9:00–16:00" ("ma–pe 9.00–16.00" in Finnish).

        Day names from CLDR (:func:`local_day_names`), the clock from the
        catalogue (``handoff.clock``); an unknown language reads English.
        """
        names = local_day_names(lang)
        days = list(self.days)
        if days == list(range(days[0], days[-1] + 1)) and len(days) > 2:
            day_text = f"{names[days[0]]}–{names[days[-1]]}"
        else:
            day_text = ", ".join(names[d] for d in days)

        def clock(t: time) -> str:  # the catalogue's clock: "9.00" in Finnish, "9:00" in English
            return catalogue.t("handoff.clock", lang, None, hour=t.hour, minute=f"{t.minute:02d}")

        return f"{day_text} {clock(self.open)}–{clock(self.close)}"


def _time(value: object) -> time:
    try:
        hour, minute = str(value).split(":")
        return time(int(hour), int(minute))
    except ValueError as error:
        raise ValueError(f"office hours: {value!r} is not HH:MM") from error


def hours_of(city: str | None) -> Hours:
    """The city's office hours (the default entry's for unknown cities).

    Raises:
        ValueError: malformed entry (unknown day, time not HH:MM, open not before close,
            unknown timezone).
    """
    raw = city_config(city).office_hours()
    days = []
    for name in raw.get("days") or DAY_NAMES[:5]:
        if str(name).lower() not in DAY_NAMES:
            raise ValueError(f"office hours: unknown day {name!r}")
        days.append(DAY_NAMES.index(str(name).lower()))
    hours = Hours(
        timezone=str(raw.get("timezone") or "Europe/Helsinki"),
        days=tuple(sorted(set(days))),
        open=_time(raw.get("open", "09:00")),
        close=_time(raw.get("close", "16:00")),
    )
    if hours.open >= hours.close:
        raise ValueError(f"office hours: open {hours.open} is not before close {hours.close}")
    ZoneInfo(hours.timezone)
    return hours


def coaches_on_duty(city: str | None, now: datetime | None = None) -> bool:
    """Whether a coach of ``city`` answers now (see ``HANDOFF_OFFICE_HOURS``)."""
    mode = os.environ.get("HANDOFF_OFFICE_HOURS", "cities").strip().lower()
    if mode == "always":
        return True
    if mode == "closed":
        return False
    return hours_of(city).is_open(now or utcnow())
