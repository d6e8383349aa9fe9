"""The reminder mail of an agreed step: which are due, the message, sending it through SMTP.

A reminder is due on the step's ``due_on`` (a calendar day in Finland,
``bot.resume.trend.TIMEZONE``) or later, while the step is open, has an
address and was not sent. The worker's ``followup_reminder`` job
(:mod:`bot.worker.jobs`) plans one job per due step and runs
:func:`send_reminder` for it.

The mail is plain text in the step's language (``followup.ftl``): the step's
label and date, a word of encouragement and how to stop reminders. No name,
no code, nothing else of the conversation.

Safe to run again: a step that is closed, already sent or without an address
is skipped. After the server accepted the mail, ``reminder_sent_at`` is set
and the address deleted in the caller's transaction; a crash between the two
can send the mail once more (at least once, never lost).

SMTP settings (:class:`bot.config.settings.Settings`): ``SMTP_HOST``
(empty: :class:`MailNotConfiguredError`, the job retries later), ``SMTP_PORT``,
``SMTP_FROM``, ``SMTP_USER`` / ``SMTP_PASSWORD`` (login only when a user is
set), ``SMTP_STARTTLS`` (STARTTLS before the login).

Shapes:
    ``due_steps(session, now) -> list[tuple[int, str]]``: (step id, conversation id).
    ``reminder_message(step, sender) -> email.message.EmailMessage``.
    ``send_reminder(session, step_id) -> str | None``: the conversation id when sent.
    ``reminder_address(text) -> str | None``: the checked address in a chat message.
"""

from __future__ import annotations

import re
import smtplib
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import utcnow
from bot.config import get_settings
from bot.followup.models import AgreedStep
from bot.i18n import t
from bot.resume.trend import local_moment, short_date

SMTP_TIMEOUT_S = 20.0


class MailNotConfiguredError(RuntimeError):
    """``SMTP_HOST`` is empty: reminders wait until a mail server is configured."""


def due_steps(session: Session, now: datetime) -> list[tuple[int, str]]:
    """(step id, conversation id) of every reminder due at ``now`` (see module docstring)."""
    today = local_moment(now).date()
    rows = session.execute(
        select(AgreedStep.id, AgreedStep.conversation_id).where(
            AgreedStep.status == "open",
            AgreedStep.reminder_email.is_not(None),
            AgreedStep.reminder_sent_at.is_(None),
            AgreedStep.due_on.is_not(None),
            AgreedStep.due_on <= today,
        ).order_by(AgreedStep.id)
    )
    return [(int(step_id), str(conversation_id)) for step_id, conversation_id in rows]


def reminder_message(step: AgreedStep, sender: str) -> EmailMessage:
    """The plain-text reminder for ``step`` (which has an address and a due date), in its language."""
    lang = step.language or "en"
    assert step.reminder_email is not None and step.due_on is not None
    parts = [
        t("followup.mail_hello", lang),
        t("followup.mail_step", lang, label=step.label, date=short_date(step.due_on, lang)),
        t("followup.mail_encourage", lang),
        t("followup.mail_stop", lang),
    ]
    message = EmailMessage()
    message["Subject"] = t("followup.mail_subject", lang)
    message["From"] = sender
    message["To"] = step.reminder_email
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Content-Language"] = lang
    message.set_content("\n\n".join(parts) + "\n")
    return message


def deliver(message: EmailMessage) -> None:
    """Send ``message`` through the configured SMTP server.

    Raises:
        MailNotConfiguredError: ``SMTP_HOST`` is empty.
        smtplib.SMTPException, OSError: the server refused or could not be reached
            (the worker retries with back-off).
    """
    settings = get_settings()
    if not settings.smtp_host:
        raise MailNotConfiguredError("SMTP_HOST is not set")
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_S) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password.get_secret_value())
        smtp.send_message(message)


def send_reminder(session: Session, step_id: int) -> str | None:
    """Send the reminder of step ``step_id`` if it is still due; the caller commits.

    Returns:
        The step's conversation id when a mail went out, None when there was
        nothing to send (closed, sent already, no address, erased).
    """
    step = session.get(AgreedStep, step_id)
    if step is None or step.status != "open" or step.reminder_sent_at is not None:
        return None
    if not step.reminder_email or step.due_on is None:
        return None
    deliver(reminder_message(step, get_settings().smtp_from))
    step.reminder_sent_at = utcnow()
    step.reminder_email = None  # stored only for this reminder
    session.flush()
    return step.conversation_id


_ADDRESS_IN_TEXT = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+")


def reminder_address(text: str) -> str | None:
    """The e-mail address in a chat message, normalised, or None when there is none that is valid.

    Checked by ``email-validator`` (syntax only: no DNS look-up from the action
    server), at most 254 characters; the message may hold other words
    ("it's anna@example.fi").
    """
    from email_validator import EmailNotValidError, validate_email

    match = _ADDRESS_IN_TEXT.search(text or "")
    if match is None:
        return None
    try:
        checked = validate_email(match.group(0).rstrip("."), check_deliverability=False)
    except EmailNotValidError:
        return None
    return checked.normalized if len(checked.normalized) <= 254 else None
