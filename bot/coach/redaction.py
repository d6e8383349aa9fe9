"""Redaction of personal data for the coach dashboard: notes, coach replies and logs.

The patterns (Finnish personal identity codes, phone numbers, e-mail addresses)
live in :mod:`bot.summaries.redact`, shared with the stored summaries; this module
re-exports ``redact`` and adds a logging filter so that log files never keep them.
"""

from __future__ import annotations

import logging

from bot.summaries.redact import EMAIL_MARK, HETU_MARK, PHONE_MARK, redact

__all__ = ["EMAIL_MARK", "HETU_MARK", "PHONE_MARK", "RedactingFilter", "install_log_redaction", "redact"]


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
