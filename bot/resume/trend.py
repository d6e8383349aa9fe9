"""The confidence trend as the person and the coach see it: every session's score with its date.

One source for both: the person's line (``trend_line``) and the summary's
``confidence_trend`` list the coach's chart reads (``trend_for_summary``)
come from :func:`bot.guidance.store.confidence_trend`. Dates are calendar
days in Finland (``TIMEZONE``), so a check at 23:30 in Turku is that day
for both.

Shapes:
    ``trend_line([TrendPoint], lang) -> str``: ``"2.8 (1 Dec) · 3.4 (2 Dec)"`` (en),
    ``"2,8 (1.12.) · 3,4 (2.12.)"`` (fi), ``"2,8 (1 dec.) · 3,4 (2 dec.)"`` (sv); ``""`` for no points.
    ``trend_for_summary(session, conversation_id) -> [{"at": ISO 8601 with offset, "score": float}]``.
    ``summary_trend_text(summary_data, lang) -> str | None``: the summary's line
    "Your confidence over time: ..." when it holds two scores or more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from sqlalchemy.orm import Session

from bot.clock import as_utc
from bot.guidance.store import TrendPoint, confidence_trend, history
from bot.i18n import normalise_language, t
from bot.locale import catalogue, registry

TIMEZONE = ZoneInfo("Europe/Helsinki")
SEPARATOR = " · "


def local_moment(at: datetime) -> datetime:
    """``at`` (aware, or naive UTC) in Finnish time."""
    return as_utc(at).astimezone(TIMEZONE)


def short_date(day: date, lang: str) -> str:
    """``day`` as a short date: "1 Dec" (en), "1.12." (fi), "1 dec." (sv).

    The form is the catalogue's ``dates.short_date``, a CLDR date pattern
    formatted by Babel (month names are CLDR's); a language CLDR lacks
    formats with English names.
    """
    lang = normalise_language(lang)
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return str(format_date(day, catalogue.t("dates.short_date", lang), locale=locale))


def dated(score: str, day: date, lang: str) -> str:
    """A score with its day after it in brackets: "2.8 (1 Dec)", "2,8 (1.12.)".

    Score first: "3.12.: 2,8" read as a score of 3.12 (a Finnish newcomer's finding).
    """
    return f"{score} ({short_date(day, lang)})"


def rating_text(score: float, lang: str) -> str:
    """A rating on a 1-5 item: "4" for a whole point, else :func:`score_text`."""
    return str(int(score)) if float(score).is_integer() else score_text(score, lang)


def score_text(score: float, lang: str) -> str:
    """A score with one decimal, with a decimal comma in Finnish and Swedish."""
    return registry.format_decimal(score, lang)


def trend_line(points: Sequence[TrendPoint], lang: str) -> str:
    """One plain line with every score and its date, oldest first (see module docstring)."""
    return SEPARATOR.join(
        dated(score_text(p.score, lang), local_moment(p.at).date(), lang) for p in points
    )


def trend_for_summary(session: Session, conversation_id: str) -> list[dict[str, Any]]:
    """The conversation's confidence trend for the summary data (``data["confidence_trend"]``).

    Each point is ``{"at": "2026-12-02T09:15:00+02:00", "score": 3.4}``: the
    time in Finnish time with its offset, so every reader shows the same day.
    """
    return [
        {"at": local_moment(p.at).isoformat(timespec="seconds"), "score": round(p.score, 2)}
        for p in confidence_trend(session, conversation_id)
    ]


def points_of(summary_data: Mapping[str, Any]) -> list[TrendPoint]:
    """The ``confidence_trend`` of a stored summary as points; malformed entries are left out."""
    points: list[TrendPoint] = []
    trend = summary_data.get("confidence_trend")
    for item in trend if isinstance(trend, list) else []:
        try:
            points.append(TrendPoint(as_utc(datetime.fromisoformat(str(item["at"]))), float(item["score"])))
        except (KeyError, TypeError, ValueError):
            continue
    return points


def summary_trend_text(summary_data: Mapping[str, Any], lang: str) -> str | None:
    """The line "Your confidence over time: 2.8 (1 Dec) · 3.4 (2 Dec)." for 2+ scores, else None.

    Shown in the summary the person reads before deciding to share it, so they
    see that the dated trend goes with it.
    """
    points = points_of(summary_data)
    return t("resume.trend_line", lang, trend=trend_line(points, lang)) if len(points) > 1 else None


# Issue 15, interview practice: the self-efficacy interview item (se_4) rated
# just before and just after the practice, each point labelled "before" or
# "after" (rows of kind "interview_confidence", actions/interview.py).
INTERVIEW_KIND: Final = "interview_confidence"
INTERVIEW_MOMENTS = ("before", "after")


def interview_points(session: Session, conversation_id: str) -> list[dict[str, Any]]:
    """The interview item's ratings, oldest first: ``[{"at": ISO 8601 Finnish time, "score": 3.0,
    "label": "before" | "after"}]``; skipped ratings (no score) are left out."""
    return [
        {
            "at": local_moment(row.created_at).isoformat(timespec="seconds"),
            "score": round(row.score, 2),
            "label": str(row.answers.get("moment")),
        }
        for row in history(session, conversation_id, INTERVIEW_KIND)
        if row.score is not None and isinstance(row.answers, dict)
        and row.answers.get("moment") in INTERVIEW_MOMENTS
    ]


def interview_trend_text(summary_data: Mapping[str, Any], lang: str) -> str | None:
    """The interview line or None: "Interview practice, how sure you felt (1-5):
    before practice 2 (1 Dec) · after practice 4 (1 Dec)."

    From the summary's ``interview_confidence`` list (:func:`interview_points`);
    malformed entries are left out.
    """
    parts: list[str] = []
    items = summary_data.get("interview_confidence")
    for item in items if isinstance(items, list) else []:
        try:
            at = local_moment(datetime.fromisoformat(str(item["at"])))
            label = t(f"interview.trend_{item['label']}", lang)
            parts.append(f"{label} {dated(rating_text(float(item['score']), lang), at.date(), lang)}")
        except (KeyError, TypeError, ValueError):
            continue
    return t("interview.trend_line", lang, trend=SEPARATOR.join(parts)) if parts else None
