"""Build, store, render conversation summaries and record the person's consent.

The summary dictionary (``build_summary``; stored as ``summaries.data``)::

    {
      "version": 1,
      "conversation_id": str, "language": "en"|"fi"|"sv", "city": str|None,
      "goals": {"goal_type", "field", "timeframe", "education_level",
                "background"},          # slot values, "skipped" kept, else None
      "skills": [str], "occupations": [str],
      "confidence_score": float|None,   # mean of 1-5 ratings
      "holland_code": str|None,         # e.g. "IAS"
      "suggestions": [{"id": "course:12", "title": {"fi","sv","en"}|None,
                       "rejected": bool}],
      "next_steps": [option key],       # see bot.summaries.next_steps
      "next_step_dues": {option key: "2026-12-11"},  # only steps with a date
      "open_questions": [str],          # what is still open: goal slots not
                                        # answered, "confidence", "interests",
                                        # "next_steps"
      "trigger": "end"|"handoff",       # written at the end or at a handoff
      "confidence_trend": [{"at": iso, "score": float}],  # added by save_summary:
                                        # every session's score (bot.resume.trend)
      "interview_confidence": [{"at": iso, "score": float, "label": "before"|"after"}],
                                        # added by save_summary: the interview item
                                        # around each interview practice (issue 15)
      "introduction": [str],            # only when the person added their
                                        # self-introduction (bot.practice.introduction)
    }

Slot names and values: docs/conversation.md. Free text (``background``) is
redacted (identity codes, phone numbers, e-mail addresses) and cut to 500
characters before it is stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.contract.city_texts import locative
from bot.guidance.profile import profile_from_slots
from bot.i18n import normalise_language, t
from bot.locale import registry
from bot.practice.introduction import summary_entry as introduction_entry
from bot.resume.trend import (
    interview_points,
    interview_trend_text,
    short_date,
    summary_trend_text,
    trend_for_summary,
)
from bot.summaries.models import Summary, utc_now
from bot.summaries.next_steps import is_known_option, option_label
from bot.summaries.redact import redact

BACKGROUND_MAX_CHARS = 500
_GOAL_SLOTS = ("goal_type", "field", "timeframe", "education_level")


def _text_list(value: Any) -> list[str]:
    if not isinstance(value, list | tuple):
        return []
    return [str(v) for v in value if isinstance(v, str) and v.strip()]


def open_questions(summary_data: Mapping[str, Any]) -> list[str]:
    """What a coach could still ask about: unanswered goal slots, confidence, interests, next steps."""
    goals = summary_data.get("goals") or {}
    unanswered = (None, "", "skipped", "unsure")
    missing = [name for name in (*_GOAL_SLOTS, "background") if goals.get(name) in unanswered]
    if summary_data.get("city") in (None, "", "skipped"):
        missing.append("city")
    if summary_data.get("confidence_score") is None:
        missing.append("confidence")
    if not summary_data.get("holland_code"):
        missing.append("interests")
    if not summary_data.get("next_steps"):
        missing.append("next_steps")
    return missing


def build_summary(
    slots: Mapping[str, Any],
    conversation_id: str,
    *,
    titles: Mapping[str, Mapping[str, str]] | None = None,
    trigger: str = "end",
) -> dict[str, Any]:
    """The summary dictionary (module docstring) from conversation ``slots``.

    ``titles`` maps suggestion ids to ``{"fi", "sv", "en"}`` titles (from
    :func:`bot.catalogue.search.titles_of`); ids without one get None.
    ``trigger`` is ``"end"`` or ``"handoff"``. Never raises on odd slot
    values: they are left out.
    """
    titles = titles or {}
    profile = profile_from_slots(slots)
    goals: dict[str, str | None] = {
        name: slots.get(name) if isinstance(slots.get(name), str) else None for name in _GOAL_SLOTS
    }
    background = slots.get("background")
    goals["background"] = (
        redact(background)[:BACKGROUND_MAX_CHARS] if isinstance(background, str) and background else None
    )
    rejected = _text_list(slots.get("rejected_suggestions"))
    shown = [sid for sid in _text_list(slots.get("shown_suggestions")) if sid not in rejected]
    suggestions = [
        {"id": sid, "title": dict(titles[sid]) if sid in titles else None, "rejected": sid in rejected}
        for sid in [*shown, *rejected]
    ]
    city = slots.get("city") if isinstance(slots.get("city"), str) else None
    steps = [k for k in _text_list(slots.get("next_steps")) if is_known_option(k)]
    data = {
        "version": 1,
        "conversation_id": conversation_id,
        "language": profile.language,
        "city": city,
        "goals": goals,
        "skills": _text_list(slots.get("skills")),
        "occupations": _text_list(slots.get("occupations")),
        "confidence_score": profile.confidence_score,
        "holland_code": profile.holland_code,
        "suggestions": suggestions,
        "next_steps": steps,
    }
    data["next_step_dues"] = step_dues(slots.get("next_step_dues"), steps)
    data["open_questions"] = open_questions(data)
    data["trigger"] = trigger if trigger in ("end", "handoff") else "end"
    introduction = introduction_entry(slots)
    if introduction:
        data["introduction"] = [redact(sentence) for sentence in introduction]
    return data


def step_dues(value: object, steps: list[str]) -> dict[str, str]:
    """The ``next_step_dues`` slot (key -> ISO date or None) cut to ``steps`` with a valid date."""
    dues: dict[str, str] = {}
    for key, raw in (value.items() if isinstance(value, dict) else []):
        try:
            if key in steps and isinstance(raw, str):
                dues[key] = date.fromisoformat(raw).isoformat()
        except ValueError:
            continue
    return dues


def step_line(key: str, due: object, lang: str, titles: Any) -> str:
    """One agreed step as the person reads it, with its date: "Update my CV (by 11 Dec)"."""
    label = option_label(key, lang, titles)
    try:
        day = date.fromisoformat(due) if isinstance(due, str) else None
    except ValueError:
        day = None
    return t("summary.step_due", lang, label=label, date=short_date(day, lang)) if day else label


def save_summary(session: Session, summary_data: dict[str, Any]) -> Summary:
    """Store ``summary_data`` (from build_summary) as a new row; flushes so ``id`` is set.

    Adds ``confidence_trend`` (:func:`bot.resume.trend.trend_for_summary`) to
    ``summary_data`` itself, so the summary the caller then renders shows it.

    The caller commits (``bot.db.session_scope`` does).

    Raises:
        sqlalchemy.exc.SQLAlchemyError: when the database cannot be written.
    """
    city = summary_data.get("city")
    # Every session's dated score; added to the caller's dict too, so the text it renders shows it.
    conversation_id = str(summary_data.get("conversation_id", ""))
    summary_data["confidence_trend"] = trend_for_summary(session, conversation_id)
    # Issue 15: the interview item before and after each interview practice, labelled.
    summary_data["interview_confidence"] = interview_points(session, conversation_id)
    summary = Summary(
        conversation_id=str(summary_data.get("conversation_id", "")),
        language=normalise_language(summary_data.get("language")),
        city=city if city and city != "skipped" else None,
        data=dict(summary_data),
        consent_to_share=None,
    )
    session.add(summary)
    session.flush()
    return summary


def get_summary(session: Session, summary_id: int | str) -> Summary | None:
    """The summary with ``summary_id`` (an int or its text form), or None."""
    try:
        key = int(summary_id)
    except (TypeError, ValueError):
        return None
    return session.get(Summary, key)


def record_consent(session: Session, summary_id: int | str, shared: bool) -> Summary:
    """Record whether a coach may read summary ``summary_id``; sets ``consent_at`` to now (UTC).

    Raises:
        LookupError: when there is no such summary.
    """
    summary = get_summary(session, summary_id)
    if summary is None:
        raise LookupError(f"no summary with id {summary_id!r}")
    summary.consent_to_share = bool(shared)
    summary.consent_at = utc_now()
    session.flush()
    return summary


def shared_summaries(session: Session, limit: int = 100) -> Sequence[Summary]:
    """Summaries the person agreed to share with a coach, newest first (for the coach dashboard)."""
    query = (
        select(Summary)
        .where(Summary.consent_to_share.is_(True))
        .order_by(Summary.created_at.desc(), Summary.id.desc())
        .limit(limit)
    )
    return session.scalars(query).all()


def delete_summaries(session: Session, conversation_id: str) -> int:
    """Delete every summary of ``conversation_id``; returns how many rows went."""
    result = session.execute(delete(Summary).where(Summary.conversation_id == conversation_id))
    return int(getattr(result, "rowcount", 0) or 0)


def _title(entry: Mapping[str, Any], lang: str) -> str:
    title = entry.get("title") or {}
    return str(title.get(lang) or title.get("en") or entry.get("id"))


def _number(value: float, lang: str) -> str:
    return registry.format_decimal(value, lang)


def render_summary(summary_data: Mapping[str, Any], lang: str) -> str:
    """The summary in plain words and short sentences, one per line, in ``lang``."""
    lang = normalise_language(lang)
    lines = [t("summary.heading", lang)]
    goals = summary_data.get("goals") or {}
    if goals.get("goal_type") in ("job", "study", "both", "unsure"):
        lines.append(t(f"summary.goal_{goals['goal_type']}", lang))
    if goals.get("field") in (
        "software",
        "data",
        "ux_content",
        "it_support",
        "marketing_sales",
        "testing_quality",
    ):
        lines.append(t("summary.field", lang, field=t(f"suggestions.field_{goals['field']}", lang)))
    city = summary_data.get("city")
    if city == "online":
        lines.append(t("summary.place_online", lang))
    elif isinstance(city, str) and locative(city, lang):
        lines.append(t("summary.place", lang, city=locative(city, lang)))
    score = summary_data.get("confidence_score")
    if isinstance(score, int | float):
        lines.append(t("summary.confidence", lang, score=_number(float(score), lang)))
    trend = summary_trend_text(summary_data, lang)
    if trend:
        lines.append(trend)
    interview_trend = interview_trend_text(summary_data, lang)
    if interview_trend:
        lines.append(interview_trend)
    code = summary_data.get("holland_code")
    if code:
        meanings = [t(f"suggestions.interest_{letter}", lang) for letter in code]
        lines.append(t("summary.interests", lang, interests=", ".join(meanings)))
    suggestions = summary_data.get("suggestions") or []
    kept = [_title(s, lang) for s in suggestions if not s.get("rejected")]
    rejected = [_title(s, lang) for s in suggestions if s.get("rejected")]
    if kept:
        lines.append(t("summary.kept", lang, items="; ".join(kept)))
    if rejected:
        lines.append(t("summary.rejected", lang, items="; ".join(rejected)))
    titles = {s["id"]: s.get("title") or {} for s in suggestions if "id" in s}
    steps = summary_data.get("next_steps") or []
    if steps:
        lines.append(t("summary.next_steps", lang))
        raw_dues = summary_data.get("next_step_dues")
        dues: Mapping[str, Any] = raw_dues if isinstance(raw_dues, dict) else {}
        lines += [f"{n}. {step_line(key, dues.get(key), lang, titles)}" for n, key in enumerate(steps, 1)]
    else:
        lines.append(t("summary.no_next_steps", lang))
    introduction = [s for s in summary_data.get("introduction") or [] if isinstance(s, str)]
    if introduction:
        lines.append(t("introduction.summary_heading", lang))
        lines.append(" ".join(introduction))
    return "\n".join(lines)
