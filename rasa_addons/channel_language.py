"""The language of a channel message, read through the locale registry.

The REST and socket.io channels answer some requests themselves (a refused
conversation id, an apology after a failure), before Rasa or the action
server sees them. The language of those answers comes from the message's
``metadata.language``, else the socket's ``Accept-Language``; both are tags a
browser or a city page wrote (``"fi-FI"``, ``"sv_SE"``, ``"fi-x-plain"``,
``"uk"``). :func:`channel_language` maps the first one the registry knows to a
registry tag: a code (``"fi"``), or a code and register (``"fi-x-plain"``),
never the first two letters (``"fil"`` is Filipino, not Finnish). When none is
known, the default locale answers and ONE log line names what was given.

Source of the locales: bot/locale/locales.yml (bot.locale.registry).
"""

from __future__ import annotations

import logging
from typing import Optional, Text

from bot.locale import registry

logger = logging.getLogger(__name__)

#: Characters of an unknown tag repeated in the log line (a tag is short; the rest is noise).
LOGGED_TAG_CHARS = 40


def registry_tag(tag: object) -> Optional[Text]:
    """``"fi"``, ``"fi-x-plain"`` (code and known register) for a tag the registry knows, else None."""
    parsed = registry.parse(tag) if isinstance(tag, str) else None
    if parsed is None:
        return None
    code, register = parsed
    return registry.get(code).tag(register)


def channel_language(*candidates: object, source: Text = "channel") -> Text:
    """The registry tag of the first candidate the registry knows, else the default locale's code.

    ``candidates``: tags in order of preference (say the metadata's, then the
    socket's); ``None``, empty strings and non-strings are skipped silently.
    An unknown tag (``"de-DE"``, ``"klingon"``) is skipped with one INFO line
    naming ``source`` when nothing after it is known either.
    """
    unknown: list[Text] = []
    for candidate in candidates:
        found = registry_tag(candidate)
        if found is not None:
            return found
        if isinstance(candidate, str) and candidate.strip():
            unknown.append(candidate.strip()[:LOGGED_TAG_CHARS])
    default = registry.default_code()
    if unknown:
        logger.info(
            "%s: language %s is not in the locale registry; answering in %s.",
            source, ", ".join(repr(tag) for tag in unknown), default,
        )
    return default
