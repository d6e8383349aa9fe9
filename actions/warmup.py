"""Point the matcher at the ESCO tables and build it when the action server starts.

rasa-sdk imports every module of the ``actions`` package at start-up; this
one tells :mod:`bot.matching` to match against the ESCO occupations and
skills in the database (``DATABASE_URL``) besides the shipped vocabulary,
then starts a background thread that builds the fi/sv/en matchers (spaCy
pipelines, simplemma dictionaries, ESCO labels: several seconds) so that the
first person to describe their background does not wait for it. No database
connection is opened at import: the thread reads the ESCO tables.
"""

from __future__ import annotations

import logging
import threading

from bot.i18n import LANGUAGES
from bot.matching import match_terms, use_esco_database

logger = logging.getLogger(__name__)


def warm_up() -> None:
    """Build every language's matcher once (results are cached in bot.matching)."""
    for lang in LANGUAGES:
        try:
            match_terms("Excel ohjelmointi programmering", lang)
        except Exception:  # a failed warm-up only costs the first person time
            logger.exception("matcher warm-up failed for %s", lang)


use_esco_database()
threading.Thread(target=warm_up, name="matcher-warm-up", daemon=True).start()
