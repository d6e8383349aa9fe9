"""Build the candidate index and the matchers when the action server starts.

In the action server's worker process (see :func:`start_in_worker`) this
module tells :mod:`bot.matching` to match against the ESCO occupations and
skills in the database (``DATABASE_URL``) besides the shipped vocabulary,
then starts a background thread that builds the fi/sv/en matchers (spaCy
pipelines, simplemma dictionaries, ESCO labels: several seconds) so that the
first person to describe their background does not wait for it. The same
thread first builds the ranking's candidate index
(:mod:`bot.guidance.candidates`: seconds at 100,000 rows) so that the first
suggestions come quickly. No database connection is opened at import: the
thread reads the tables.
"""

from __future__ import annotations

import logging
import os
import threading
from datetime import date

from sqlalchemy.exc import SQLAlchemyError

from bot.db import session_scope
from bot.guidance.candidates import get_index
from bot.i18n import LANGUAGES
from bot.matching import match_terms, use_esco_database

logger = logging.getLogger(__name__)


def warm_up() -> None:
    """Build the candidate index for today and every language's matcher once (both are cached)."""
    try:
        with session_scope() as session:
            index = get_index(session)
            index.course.day_view(date.today())
            index.job.day_view(date.today())
    except SQLAlchemyError:  # the first ranking builds it, or says the database is down
        logger.exception("candidate index warm-up failed")
    for lang in LANGUAGES:
        try:
            match_terms("Excel ohjelmointi programmering", lang)
        except Exception:  # a failed warm-up only costs the first person time
            logger.exception("matcher warm-up failed for %s", lang)


def start_in_worker() -> bool:
    """In a Sanic worker process, point the matcher at the ESCO tables and start the warm-up thread.

    rasa-sdk 3.21 serves requests from a worker process that Sanic spawns
    (``SANIC_WORKER_NAME`` is set there). The worker never imports this
    module through ``register_package``: it imports the action modules when
    it unpickles the executor, so ``actions/__init__.py`` imports this one.
    The parent process, tests and scripts (no ``SANIC_WORKER_NAME``) do
    nothing here. The worker's logging is not set up yet at this point (Sanic
    spawns it afresh), so a basic format is set when there is none;
    ``actions.server`` replaces it with its own. Returns whether the warm-up
    was started.
    """
    if not os.environ.get("SANIC_WORKER_NAME"):
        return False
    start()
    return True


def start() -> None:
    """Point the matcher at the ESCO tables and start the warm-up thread, in this process.

    Called by :func:`start_in_worker` in a Sanic worker process, and by
    ``python -m actions.server``, which serves from one process (so that a
    crash of it is a crash supervisord sees and restarts).
    """
    if not logging.getLogger().handlers:  # the fresh worker process: warm-up errors need a time and a level
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)-8s %(name)s - %(message)s")
    use_esco_database()
    threading.Thread(target=warm_up, name="matcher-warm-up", daemon=True).start()


start_in_worker()
