"""Message catalogue for text composed in Python, in Finnish, Swedish, English.

Messages live in ``bot/i18n/messages/<topic>.yml``; each file maps a key to
``{en: ..., fi: ..., sv: ...}``. A message is addressed as ``"<topic>.<key>"``
and formatted with ``str.format`` keyword arguments.

Static responses that Rasa rules and forms utter live in ``domain.yml`` as
conditional response variations on the ``language`` slot instead.

The languages are the locale registry's (:mod:`bot.locale.registry`); a
missing variant falls back along the locale's fallback chain.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.locale import registry

#: Registry codes, in display order (``bot/locale/locales.yml``).
LANGUAGES: tuple[str, ...] = registry.codes()
DEFAULT_LANGUAGE = registry.default_code()
_MESSAGES_DIR = Path(__file__).parent / "messages"


def normalise_language(language: str | None) -> str:
    """Map a tag (``"fi-FI"``, ``"sv_SE"``, ``"EN"``) to a registry code; unknown or empty gives "en"."""
    return registry.normalise(language, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    for path in sorted(_MESSAGES_DIR.glob("*.yml")):
        topic = path.stem
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, variants in entries.items():
            catalogue[f"{topic}.{key}"] = variants
    return catalogue


def t(key: str, language: str | None, **values: Any) -> str:
    """Return message ``key`` in ``language``, formatted with ``values``.

    Falls back along the locale's fallback chain (English first) when the
    language variant is missing.

    Raises:
        KeyError: when the key is not in the catalogue (a programming error,
            caught by the tests that check every key in all three languages).
    """
    variants = _catalogue()[key]
    chain = registry.fallback_chain(normalise_language(language))
    text = next((variants[tag] for tag in chain if variants.get(tag)), None) or variants[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def all_keys() -> list[str]:
    """Every message key in the catalogue, for completeness tests."""
    return sorted(_catalogue())


def variants(key: str) -> dict[str, str]:
    """The raw ``{language: text}`` variants of one key."""
    return dict(_catalogue()[key])
