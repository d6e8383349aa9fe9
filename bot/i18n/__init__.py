"""Texts composed in Python, through the one message catalogue (:mod:`bot.locale.catalogue`).

A message is addressed as ``"<topic>.<key>"`` (``"support.distress_intro"``);
its texts live in ``bot/locale/messages/<locale>/<topic>.ftl`` (Fluent).
This module keeps the short call the actions and ``bot/`` use,
``t(key, language, **values)``, and the language helpers around it.

The languages are the locale registry's (:mod:`bot.locale.registry`); a
missing text falls back along the locale's fallback chain.
"""

from __future__ import annotations

from typing import Any

from bot.locale import catalogue, registry

#: Registry codes, in display order (``bot/locale/locales.yml``).
LANGUAGES: tuple[str, ...] = registry.codes()
DEFAULT_LANGUAGE = registry.default_code()


def normalise_language(language: str | None) -> str:
    """Map a tag (``"fi-FI"``, ``"sv_SE"``, ``"EN"``) to a registry code; unknown or empty gives "en"."""
    return registry.normalise(language, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE


def t(key: str, language: str | None, register: str | None = None, **values: Any) -> str:
    """Return message ``key`` in ``language`` (and ``register``), formatted with ``values``.

    See :func:`bot.locale.catalogue.t`; falls back along the locale's chain.

    Raises:
        KeyError: the key is in no locale, or a variable is missing
            (:class:`bot.locale.catalogue.CatalogueError`, a KeyError).
    """
    return catalogue.t(key, language, register, **values)


def all_keys() -> list[str]:
    """Every message key of the catalogue (all topics, all locales), for completeness tests."""
    return catalogue.keys()
