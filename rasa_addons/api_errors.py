"""Rasa's HTTP API refusals logged as what they are: a warning, not a server error.

Rasa 3.6 builds every HTTP API error as ``rasa.server.ErrorResponse``, whose
constructor logs its message at ERROR, also for a client's mistake (401 "User
is not authenticated.", 404 "conversation not found", 400 bad JSON). Those
lines drowned the real errors and made a refused forged request look like a
fault of the server. :func:`install` keeps the response exactly as Rasa builds
it and logs a refusal (status below 500) as one WARNING line with the status
and reason; a 5xx stays an ERROR line.
"""

from __future__ import annotations

import functools
import logging
from http import HTTPStatus
from typing import Any, Optional, Text, Union

from rasa import server

logger = logging.getLogger(__name__)
_INSTALLED_MARK = "_digipoint_api_errors"


def install() -> None:
    """Replace ``ErrorResponse.__init__`` once (idempotent); same ``error_info`` and ``status``."""
    original = server.ErrorResponse.__init__
    if getattr(original, _INSTALLED_MARK, False):
        return

    @functools.wraps(original)
    def __init__(  # noqa: N807  (the constructor it replaces)
        self: server.ErrorResponse,
        status: Union[int, HTTPStatus],
        reason: Text,
        message: Text,
        details: Any = None,
        help_url: Optional[Text] = None,
    ) -> None:
        previous = server.logger.disabled
        server.logger.disabled = True  # Rasa's own logger.error(message) inside
        try:
            original(self, status, reason, message, details, help_url)
        finally:
            server.logger.disabled = previous
        code = int(status)
        if code < 500:
            logger.warning("HTTP API refused a request: %s %s", code, reason)
        else:
            logger.error("HTTP API error %s %s: %s", code, reason, message)

    setattr(__init__, _INSTALLED_MARK, True)
    server.ErrorResponse.__init__ = __init__  # type: ignore[method-assign]
