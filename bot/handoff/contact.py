""""Please contact me": a phone number or e-mail address left for a coach of the city.

A person leaves one when no coach is on duty (outside office hours) or nobody
took their handoff in time, after saying yes to an explicit consent question.
The coach dashboard lists the open ones of the coach's city
(``bot/coach/views_contact.py``); a coach marks one done after contacting the
person. Rows are personal data: they carry ``conversation_id``, so "delete my
data" and the retention purge (:mod:`bot.privacy.erasure`) remove them.

Parsing uses the well-kept libraries ``phonenumbers`` (Google's libphonenumber;
Finnish numbers without a country code are read as +358) and
``email-validator`` (syntax only: no DNS look-up from the action server).

Shapes:
    ``parse_contact(text) -> Contact(channel, value)``: channel "phone" or "email",
        value E.164 ("+358401234567") or the normalised address.

Errors:
    ContactError: ``code`` "empty", "bad_email" or "bad_phone" (the chat says which).
    LookupError: ``mark_done`` on a request missing or of another city.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import utcnow
from bot.handoff.models import CONTACT_REASONS, ContactRequest

DEFAULT_REGION = "FI"


class ContactError(ValueError):
    """The text is not a usable phone number or e-mail address; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class Coach(Protocol):
    """Anything with ``email`` and ``city`` (the dashboard's ``Principal``)."""

    @property
    def email(self) -> str: ...  # noqa: D102

    @property
    def city(self) -> str: ...  # noqa: D102


@dataclass(frozen=True)
class Contact:
    """A checked contact: ``channel`` "phone" or "email", ``value`` normalised."""

    channel: str
    value: str


def parse_contact(text: str) -> Contact:
    """Read a phone number or an e-mail address from what the person wrote.

    Raises:
        ContactError: "empty" (nothing written), "bad_email" (has "@" but is no
            valid address), "bad_phone" (no valid phone number).
    """
    cleaned = (text or "").strip()
    if not cleaned:
        raise ContactError("empty")
    if "@" in cleaned:
        try:
            checked = validate_email(cleaned, check_deliverability=False)
        except EmailNotValidError as error:
            raise ContactError("bad_email") from error
        if len(checked.normalized) > 254:
            raise ContactError("bad_email")
        return Contact("email", checked.normalized)
    try:
        number = phonenumbers.parse(cleaned, DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise ContactError("bad_phone") from error
    if not phonenumbers.is_valid_number(number):
        raise ContactError("bad_phone")
    return Contact("phone", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def shown(contact: ContactRequest | Contact) -> str:
    """The contact as people read it: "+358 40 1234567" for phones, the address for e-mail."""
    channel = contact.channel
    value = contact.contact if isinstance(contact, ContactRequest) else contact.value
    if channel != "phone":
        return value
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def add_request(
    session: Session,
    conversation_id: str,
    city: str,
    language: str,
    reason: str,
    contact: Contact,
    consented_at: datetime | None = None,
) -> ContactRequest:
    """Store a contact request (an open one of the same conversation is updated); caller commits.

    ``reason`` is "closed" (outside office hours) or "timeout" (nobody took it).

    Raises:
        ValueError: unknown ``reason``.
    """
    if reason not in CONTACT_REASONS:
        raise ValueError(f"unknown contact reason {reason!r}")
    row = session.scalar(
        select(ContactRequest).where(
            ContactRequest.conversation_id == conversation_id, ContactRequest.done_at.is_(None)
        )
    )
    if row is None:
        row = ContactRequest(conversation_id=conversation_id)
        session.add(row)
    row.city, row.language, row.reason = city or "", language or "en", reason
    row.channel, row.contact = contact.channel, contact.value
    row.consented_at = consented_at or utcnow()
    session.flush()
    return row


def open_requests(session: Session, city: str) -> list[ContactRequest]:
    """Requests of ``city`` not yet marked done, oldest first."""
    return list(
        session.scalars(
            select(ContactRequest)
            .where(ContactRequest.city == city, ContactRequest.done_at.is_(None))
            .order_by(ContactRequest.created_at, ContactRequest.id)
        )
    )


def mark_done(session: Session, coach: Coach, request_id: int) -> ContactRequest:
    """Mark a request of the coach's city done (repeating it changes nothing); caller commits.

    Raises:
        LookupError: missing or of another city.
    """
    row = session.get(ContactRequest, request_id)
    if row is None or row.city != coach.city:
        raise LookupError("no such contact request")
    if row.done_at is None:
        row.done_at, row.done_by = utcnow(), coach.email
    return row
