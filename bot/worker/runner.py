"""The worker loop: plan, claim and run timed jobs; survive database and Rasa failures.

Each tick (``tick_s``, default ``WORKER_TICK_SECONDS`` or 5 s) every job kind
plans its due rows, then this worker claims due rows (:mod:`bot.worker.claims`)
and runs them one by one.

Failures never stop the loop, and each one is ONE log line (job, row, the
conversation id, the error's class and short reason; never message text):

- a job fails (Rasa unreachable, database error while it runs): the row goes
  back to ``open`` with back-off ``retry_delay(attempts)`` (2 s doubling, at
  most 60 s) and is tried again;
- the database fails while planning or claiming: the loop waits with back-off
  (1 s doubling, at most 30 s) and tries again; claims it could not release
  are its own and are taken up again once the database is back.

``stop`` (a ``threading.Event``, set by SIGTERM in ``__main__``) ends the loop
after the current job.

Shapes:
    ``Outcome(kind, key, conversation_id, ok)`` per job run by ``run_once``.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import utcnow
from bot.worker import claims
from bot.worker.jobs import JOBS, Job

log = logging.getLogger("bot.worker")
JOB_RETRY_FIRST_S, JOB_RETRY_MAX_S = 2.0, 60.0
LOOP_RETRY_FIRST_S, LOOP_RETRY_MAX_S = 1.0, 30.0


@dataclass(frozen=True)
class Outcome:
    """One job run: kind, key, conversation (or None), and whether it succeeded."""

    kind: str
    key: str
    conversation_id: str | None
    ok: bool


class DatabaseDown(RuntimeError):  # noqa: N818  (a state, already logged)
    """The database failed while a job ran; logged with the job, the loop backs off."""


def retry_delay(attempts: int, first_s: float = JOB_RETRY_FIRST_S, max_s: float = JOB_RETRY_MAX_S) -> float:
    """Seconds before try ``attempts + 1``: ``first_s * 2**attempts``, at most ``max_s``."""
    return float(min(max_s, first_s * 2 ** min(attempts, 30)))


def describe(error: BaseException) -> str:
    """The error's class and the first line of its reason, for a log line (no SQL, no parameters)."""
    if isinstance(error, SQLAlchemyError):
        cause = getattr(error, "orig", None) or error.__cause__
        if cause is not None:
            reason = (str(cause).strip().splitlines() or [""])[0][:160]
            return f"{type(error).__name__} ({type(cause).__name__}: {reason})"
        return type(error).__name__
    from bot.handoff.rasa_client import RasaError

    if isinstance(error, RasaError):
        return f"RasaError: {error}"
    return type(error).__name__


def new_worker_id() -> str:
    """``host-pid-random``, unique per process (at most 64 characters)."""
    return f"{socket.gethostname()[:32]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


class Worker:
    """Runs ``jobs`` against the database of ``sessions`` (see the module docstring)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        jobs: Sequence[Job] = JOBS,
        worker_id: str | None = None,
        tick_s: float | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.sessions = sessions
        self.jobs = {job.kind: job for job in jobs}
        self.worker_id = worker_id or new_worker_id()
        self.tick_s = tick_s if tick_s is not None else float(os.environ.get("WORKER_TICK_SECONDS", "5"))
        self.stop = stop or threading.Event()

    def run_once(self) -> list[Outcome]:
        """One tick: plan every kind, claim due rows, run them.

        Raises:
            sqlalchemy.exc.SQLAlchemyError: the database failed while planning or
                claiming (not logged here; ``run_forever`` logs and backs off).
            DatabaseDown: the database failed while a job ran (already logged).
        """
        now = utcnow()
        with self.sessions() as session:
            for job in self.jobs.values():
                job.plan(session, now)
            session.commit()
            claimed = claims.claim_due(session, self.worker_id, list(self.jobs), now)
        outcomes = []
        for claim in claimed:
            if self.stop.is_set():
                break
            outcomes.append(self._run(claim))
        return outcomes

    def _run(self, job: claims.Claimed) -> Outcome:
        started = utcnow()
        with self.sessions() as session:
            try:
                conversation_id = self.jobs[job.kind].run(session, job) or job.conversation_id
                claims.finish(session, job, self.worker_id, utcnow())
            except Exception as error:  # noqa: BLE001  (every failure is logged once and retried)
                session.rollback()
                self._failed(session, job, error)
                if isinstance(error, SQLAlchemyError):
                    raise DatabaseDown(job.kind) from error
                return Outcome(job.kind, job.key, job.conversation_id, False)
        seconds = (utcnow() - started).total_seconds()
        log.info(
            "job %s #%s conversation=%s done in %.1f s",
            job.kind, job.key, conversation_id or "-", seconds,
        )
        return Outcome(job.kind, job.key, conversation_id, True)

    def _failed(self, session: Session, job: claims.Claimed, error: Exception) -> None:
        delay = retry_delay(job.attempts)
        log.warning(
            "job %s #%s conversation=%s failed (attempt %d): %s; retry in %.0f s",
            job.kind, job.key, job.conversation_id or "-", job.attempts + 1, describe(error), delay,
        )
        try:
            claims.release(session, job, self.worker_id, describe(error), utcnow() + timedelta(seconds=delay))
        except SQLAlchemyError:
            session.rollback()  # still claimed by this worker: taken up again when the database is back

    def run_forever(self) -> None:
        """Tick until ``stop`` is set; never raises for database or Rasa failures."""
        failures = 0
        log.info(
            "worker %s started: jobs %s, tick %.0f s, lease %.0f s",
            self.worker_id, ", ".join(self.jobs), self.tick_s, claims.lease().total_seconds(),
        )
        from bot.config import get_settings

        if not get_settings().smtp_host:  # INFO: a chosen setting, not a fault
            log.info(
                "worker %s: follow-up reminders are off (SMTP_HOST is empty): the bot does not offer "
                "them; set SMTP_HOST, SMTP_PORT and SMTP_FROM to turn them on", self.worker_id,
            )
        while not self.stop.is_set():
            try:
                self.run_once()
                if failures:
                    log.info("worker %s: database reachable again after %d failed tick(s)",
                             self.worker_id, failures)
                failures = 0
                wait = self.tick_s
            except DatabaseDown:
                failures += 1
                wait = retry_delay(failures - 1, LOOP_RETRY_FIRST_S, LOOP_RETRY_MAX_S)
            except SQLAlchemyError as error:
                failures += 1
                wait = retry_delay(failures - 1, LOOP_RETRY_FIRST_S, LOOP_RETRY_MAX_S)
                log.warning(
                    "worker %s: database error while planning or claiming jobs: %s; retry in %.0f s",
                    self.worker_id, describe(error), wait,
                )
            self.stop.wait(wait)
        log.info("worker %s stopped", self.worker_id)
