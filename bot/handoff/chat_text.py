"""What the bot says around a handoff (used by ``actions/handoff*.py``).

The texts are the ``handoff.*`` messages of the catalogue
(``bot/locale/messages/<locale>/handoff.ftl``, fi, sv and en). Words follow
docs/glossary.yml: coach = ohjaaja (fi), handledare (sv).
"""

from __future__ import annotations

from bot.locale import catalogue

#: The catalogue topic of the handoff texts (``handoff.<key>``).
TOPIC = "handoff"


def _value(value: object) -> object:
    """A value as the catalogue takes it: numbers and text as they are, anything else as ``str()``."""
    return value if isinstance(value, (str, int, float)) else str(value)


def say(key: str, lang: str | None, **values: object) -> str:
    """Message ``handoff.<key>`` in ``lang``, with ``values`` filled in.

    ``lang`` is any language tag; the registry normalises it and a language
    it does not serve reads English.

    Raises:
        bot.locale.catalogue.CatalogueError: an unknown key or a missing value.
    """
    filled = {name: _value(value) for name, value in values.items()}
    return catalogue.t(f"{TOPIC}.{key}", lang, None, **filled)
