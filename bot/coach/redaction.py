"""Redaction for the coach dashboard: personal data in notes, replies and logs; unshared summaries.

The patterns (Finnish personal identity codes, phone numbers, e-mail addresses)
live in :mod:`bot.summaries.redact`, shared with the stored summaries; this module
re-exports ``redact`` and adds a logging filter so that log files never keep them.

Summaries: the bot shows a summary to the person before asking whether a
coach may read it. In every transcript a coach reads (handoff page, its live
updates, summary detail) such a message (``Line.shows_summary``) is replaced
by one line, "summary shown to the person, not shared", unless the person
approved that very summary and it belongs to the coach's city
(:func:`coach_lines`). A summary message whose summary is not known stays hidden.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.coach.accounts import Principal
from bot.coach.transcript import Line
from bot.summaries.models import Summary
from bot.summaries.redact import EMAIL_MARK, HETU_MARK, PHONE_MARK, redact

__all__ = [
    "EMAIL_MARK",
    "HETU_MARK",
    "PHONE_MARK",
    "RedactingFilter",
    "coach_lines",
    "hide_unshared_summaries",
    "install_log_redaction",
    "redact",
    "visible_summary_ids",
]


def visible_summary_ids(session: Session, principal: Principal, ids: Iterable[int]) -> set[int]:
    """Those of ``ids`` whose summary the person approved and that belong to the principal's city."""
    wanted = set(ids)
    if not wanted:
        return set()
    query = select(Summary.id).where(
        Summary.id.in_(wanted), Summary.consent_to_share.is_(True), Summary.city == principal.city
    )
    return set(session.scalars(query))


def hide_unshared_summaries(lines: Iterable[Line], visible: Collection[int], note: str) -> list[Line]:
    """``lines`` with each summary message not in ``visible`` replaced by ``note`` (same time, who ``bot``).

    A replaced line keeps ``shows_summary=True`` and loses its id, so nothing
    downstream can look the summary up from it.
    """
    return [
        replace(line, who="bot", text=note, summary_id=None)
        if line.shows_summary and (line.summary_id is None or line.summary_id not in visible)
        else line
        for line in lines
    ]


def coach_lines(session: Session, principal: Principal, lines: Iterable[Line], note: str) -> list[Line]:
    """What ``principal`` may read of transcript ``lines``: unshared summaries become ``note``."""
    lines = list(lines)
    ids = {line.summary_id for line in lines if line.shows_summary and line.summary_id is not None}
    return hide_unshared_summaries(lines, visible_summary_ids(session, principal, ids), note)


class RedactingFilter(logging.Filter):
    """Logging filter that redacts the formatted message of every record (never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the message and its string arguments in place.

        Arguments stay arguments (formatters such as uvicorn's access log
        read ``record.args`` as a tuple), only their text is redacted.
        """
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
        return True


def install_log_redaction(logger_names: tuple[str, ...] = ("", "uvicorn.access", "uvicorn.error")) -> None:
    """Add a ``RedactingFilter`` to the handlers of the named loggers (idempotent)."""
    for name in logger_names:
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, RedactingFilter) for f in handler.filters):
                handler.addFilter(RedactingFilter())
