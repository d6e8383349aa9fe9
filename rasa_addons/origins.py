"""Which browser origins the input channels accept (shared by the REST and socket.io channels).

The list comes from the environment variable ``ALLOWED_ORIGINS`` (comma
separated, e.g. ``https://www.espoo.fi,https://www.turku.fi``), else from
the channel's ``allowed_origins`` key in credentials.yml, else (outside
production) the local demo origins.

- ``DIGIPOINT_ENV=production``: an empty list or ``*`` is refused when the
  channel is built, with ``OriginsRefused`` (a ``RasaException``: Rasa prints
  the one-line message and exits with status 1), so a city cannot go live
  with a chat any web site can use.
- ``DIGIPOINT_ENV=development``: ``*`` is honoured.
- otherwise ``*`` is dropped with one log line (the demo origins remain).
"""

from __future__ import annotations

import logging
import os
from typing import List, Optional, Text, Union

from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

DEFAULT_ALLOWED_ORIGINS = ("http://localhost:8080", "http://127.0.0.1:8080")


class OriginsRefused(RasaException):
    """The configured origins are not safe for production; the message says what to set."""


def parse_origins(value: Union[None, Text, List[Text]]) -> List[Text]:
    """Split a comma-separated string (or list) of origins; blanks and trailing slashes dropped."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(item).strip().rstrip("/") for item in items if str(item).strip()]


def environment() -> Text:
    """``DIGIPOINT_ENV`` in lower case ("" when unset)."""
    return os.environ.get("DIGIPOINT_ENV", "").strip().lower()


def resolve_allowed_origins(configured: Union[None, Text, List[Text]], channel: Text) -> List[Text]:
    """The origins ``channel`` accepts: ``ALLOWED_ORIGINS``, else ``configured``, else the demo's.

    Args:
        configured: the channel's ``allowed_origins`` from credentials.yml (string or list).
        channel: the channel's name, for the refusal message.

    Raises:
        OriginsRefused: ``DIGIPOINT_ENV=production`` and the list is empty or contains ``*``.
    """
    env_value = os.environ.get("ALLOWED_ORIGINS")
    origins = parse_origins(env_value) if env_value and env_value.strip() else parse_origins(configured)
    if environment() == "production":
        if not origins or "*" in origins:
            raise OriginsRefused(
                f"DigiPoint's {channel} channel refuses to start: with DIGIPOINT_ENV=production, "
                "ALLOWED_ORIGINS must list the city pages' origins (e.g. https://www.espoo.fi); "
                "'*' or an empty list would let any web site use the chat."
            )
        return origins
    if not origins:
        return list(DEFAULT_ALLOWED_ORIGINS)
    if "*" in origins and environment() != "development":
        logger.error("ALLOWED_ORIGINS contains '*' outside development; the %s channel ignores it.", channel)
        origins = [origin for origin in origins if origin != "*"] or list(DEFAULT_ALLOWED_ORIGINS)
    return origins


def origin_allowed(origin: Optional[Text], allowed: List[Text], require_origin: bool = False) -> bool:
    """Whether a request with this ``Origin`` header may be served.

    A request without ``Origin`` comes from a non-browser client (curl, the
    coach dashboard's server); origin rules cannot apply to it, so it passes
    unless ``require_origin``.
    """
    if not origin:
        return not require_origin
    return "*" in allowed or origin.rstrip("/") in allowed
