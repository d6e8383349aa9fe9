"""``python -m bot.worker``: the one process that runs every timed job (see :mod:`bot.worker.runner`).

    python -m bot.worker            run until SIGTERM / SIGINT (exit 0)
    python -m bot.worker --once     one tick, then exit (0; 1 when a job failed
                                    or the database could not be reached)

Reads ``DATABASE_URL`` (product database), ``TRACKER_DB_URL`` (for the
retention purge), ``RASA_URL`` and ``RASA_TOKEN`` (handoff timeouts),
``RETENTION_DAYS``, ``HANDOFF_TIMEOUT_SECONDS``, ``WORKER_TICK_SECONDS`` and
``WORKER_LEASE_SECONDS``. Logs one line per event to stderr.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from types import FrameType

from sqlalchemy.exc import SQLAlchemyError

from bot.db import get_sessionmaker
from bot.worker.runner import DatabaseDown, Worker, describe


def main(argv: list[str] | None = None) -> int:
    """Run the worker; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m bot.worker")
    parser.add_argument("--once", action="store_true", help="run one tick and exit")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    stop = threading.Event()

    def _stop(signum: int, _frame: FrameType | None) -> None:
        logging.getLogger("bot.worker").info("signal %s: stopping after the current job", signum)
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    worker = Worker(get_sessionmaker(), stop=stop)
    if not args.once:
        worker.run_forever()
        return 0
    try:
        outcomes = worker.run_once()
    except DatabaseDown:
        return 1
    except SQLAlchemyError as error:
        logging.getLogger("bot.worker").warning("database error: %s", describe(error))
        return 1
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
