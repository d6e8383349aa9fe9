"""Load the spaCy matchers and lemmatiser data when the action server starts.

rasa-sdk imports every module of the ``actions`` package at start-up; this
one starts a background thread that builds the fi/sv/en matchers (spaCy
pipelines, simplemma dictionaries: several seconds) so that the first
person to describe their background does not wait for it.
"""

from __future__ import annotations

import logging
import threading

from bot.i18n import LANGUAGES
from bot.matching import match_terms

logger = logging.getLogger(__name__)


def warm_up() -> None:
    """Build every language's matcher once (results are cached in bot.matching)."""
    for lang in LANGUAGES:
        try:
            match_terms("Excel ohjelmointi programmering", lang)
        except Exception:  # a failed warm-up only costs the first person time
            logger.exception("matcher warm-up failed for %s", lang)


threading.Thread(target=warm_up, name="matcher-warm-up", daemon=True).start()
