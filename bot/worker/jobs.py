"""The timed jobs the worker runs; add a later job (reminders, say) as one more ``Job`` in ``JOBS``.

A job kind has two parts:

- ``plan(session, now)`` adds the rows of work that are due (``claims.ensure``;
  the caller commits). It may add nothing when others add the rows (a
  reminder would be added by whoever sets it, with its ``due_at``).
- ``run(session, job)`` does one claimed row. It returns the conversation id it
  acted on (or None) and raises on failure; the runner then retries the row
  with back-off. It must be safe to run again after a crash half-way.

Kinds:
    ``handoff_timeout``  key = handoff request id; sends the timeout message
        through Rasa's HTTP API (:func:`bot.handoff.expiry.expire_request`).
    ``handoff_queue_status``  key = "request:place:minutes:told place:told minutes"; a waiting
        person's place in the queue or estimated wait changed (a coach took someone
        ahead, say): ``action_handoff_queue_status`` tells them (:mod:`bot.handoff.waiting`).
    ``handoff_withdraw``  key = handoff request id; the person asked to delete their data
        while the bot was paused for a coach: withdraw, resume, delete flow
        (:mod:`bot.handoff.withdraw`).
    ``followup_reminder``  key = agreed step id; the e-mail reminder of an agreed next
        step on its due date, for a person who left an address
        (:mod:`bot.followup.reminders`; no ``SMTP_HOST``: the row retries later).
    ``retention_purge``  key = the UTC day, so it runs once a day (at the start
        of the first tick of the day) across all workers; ``RETENTION_DAYS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.worker.claims import Claimed, ensure
from bot.worker.models import WorkerJob

DONE_JOBS_KEPT = timedelta(days=30)


@dataclass(frozen=True)
class Job:
    """One kind of timed job (see the module docstring)."""

    kind: str
    plan: Callable[[Session, datetime], None]
    run: Callable[[Session, Claimed], str | None]


def _plan_handoff_timeouts(session: Session, now: datetime) -> None:
    from bot.handoff.expiry import due_requests

    for request_id, conversation_id in due_requests(session, now):
        ensure(session, "handoff_timeout", str(request_id), now, conversation_id)


def _run_handoff_timeout(session: Session, job: Claimed) -> str | None:
    from bot.handoff.expiry import expire_request

    return expire_request(session, int(job.key))


def _plan_queue_status(session: Session, now: datetime) -> None:
    from bot.handoff.models import HandoffRequest
    from bot.handoff.waiting import changed

    for request_id, conversation_id, status in changed(session, now):
        request = session.get(HandoffRequest, request_id)
        told = f"{request.told_position}:{request.told_minutes}" if request else ":"
        key = f"{request_id}:{status.position}:{status.minutes}:{told}"
        ensure(session, "handoff_queue_status", key, now, conversation_id)


def _run_queue_status(session: Session, job: Claimed) -> str | None:
    from bot.handoff import rasa_client

    if job.conversation_id is None:
        return None
    rasa_client.run_action(job.conversation_id, "action_handoff_queue_status")
    return job.conversation_id


def _plan_withdrawals(session: Session, now: datetime) -> None:
    from bot.handoff.withdraw import due

    for request_id, conversation_id in due(session):
        ensure(session, "handoff_withdraw", str(request_id), now, conversation_id)


def _run_withdrawal(session: Session, job: Claimed) -> str | None:
    from bot.handoff.withdraw import withdraw_and_delete

    if job.conversation_id is None:
        return None
    return withdraw_and_delete(session, int(job.key), job.conversation_id)


def _plan_retention(session: Session, now: datetime) -> None:
    ensure(session, "retention_purge", now.date().isoformat(), now)


def _run_retention(session: Session, job: Claimed) -> str | None:
    from bot.clock import utcnow
    from bot.config import get_settings
    from bot.privacy.retention import purge

    purge(session, get_settings().retention_days)
    session.execute(
        delete(WorkerJob).where(WorkerJob.state == "done", WorkerJob.finished_at < utcnow() - DONE_JOBS_KEPT)
    )
    session.commit()
    return None


def _plan_reminders(session: Session, now: datetime) -> None:
    from bot.followup.reminders import due_steps

    for step_id, conversation_id in due_steps(session, now):
        ensure(session, "followup_reminder", str(step_id), now, conversation_id)


def _run_reminder(session: Session, job: Claimed) -> str | None:
    from bot.followup.reminders import send_reminder

    sent = send_reminder(session, int(job.key))
    session.commit()
    return sent


HANDOFF_TIMEOUT = Job("handoff_timeout", _plan_handoff_timeouts, _run_handoff_timeout)
HANDOFF_QUEUE_STATUS = Job("handoff_queue_status", _plan_queue_status, _run_queue_status)
HANDOFF_WITHDRAW = Job("handoff_withdraw", _plan_withdrawals, _run_withdrawal)
RETENTION_PURGE = Job("retention_purge", _plan_retention, _run_retention)
FOLLOWUP_REMINDER = Job("followup_reminder", _plan_reminders, _run_reminder)
JOBS: tuple[Job, ...] = (
    HANDOFF_TIMEOUT, HANDOFF_QUEUE_STATUS, HANDOFF_WITHDRAW, RETENTION_PURGE, FOLLOWUP_REMINDER
)
