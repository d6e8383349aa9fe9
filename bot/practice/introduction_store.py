"""Put the introduction into a summary the person already saved ("Add to my summary").

A summary saved before the introduction was written (``action_save_summary``
ran first) gets the key ``"introduction"`` in its ``data``: the sentences,
redacted like the background (:func:`bot.summaries.redact.redact`). Nothing
else is stored: the sentences live in the tracker's slots, and the summary row
goes with 'delete my data' (:func:`bot.summaries.service.delete_summaries`)
and the retention purge like every summary.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from bot.practice.introduction import MAX_SUMMARY_CHARS, sentences_of
from bot.summaries.redact import redact
from bot.summaries.service import get_summary


def add_to_saved_summary(session: Session, summary_id: int | str, sentences: Sequence[str]) -> bool:
    """Set ``data["introduction"]`` of summary ``summary_id``; returns whether a coach may read it.

    The return value is the summary's ``consent_to_share`` (None, not yet
    answered, counts as False). The caller commits (``bot.db.session_scope``).

    Raises:
        LookupError: there is no such summary.
        sqlalchemy.exc.SQLAlchemyError: the database cannot be written.
    """
    summary = get_summary(session, summary_id)
    if summary is None:
        raise LookupError(f"no summary with id {summary_id!r}")
    entry = [redact(s)[:MAX_SUMMARY_CHARS] for s in sentences_of(list(sentences))]
    # A new dict, so that SQLAlchemy sees the JSON column change.
    summary.data = {**(summary.data or {}), "introduction": entry}
    session.flush()
    return summary.consent_to_share is True
