"""Coach accounts: argon2 password hashing, login with rate limiting, server-side sessions.

Display names: a coach may give a first name (``set_display_name``, the CLI's
``--name`` / ``set-name``); people then read "Anna, a coach, has joined" and
see "Coach Anna" on the replies. Without one they read "a coach".

Errors:
    AccountError: invalid email, role, city, display name or too short password.
    RateLimitError: too many failed logins for that email or client in the window.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.clock import as_utc
from bot.coach.models import ROLES, CoachAccount, CoachSession, LoginAttempt, utcnow

MIN_PASSWORD_CHARS = 12
MAX_FAILED_LOGINS = 5
FAILED_LOGIN_WINDOW = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=8)
MAX_NAME_CHARS = 40
# Letters of any script, with spaces, hyphens and apostrophes between them ("Anna-Liisa", "D'Arcy").
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-’][^\W\d_]+)*$")

_hasher = PasswordHasher()
# Verified against when the email is unknown, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """An account could not be created (bad email, role, city or password)."""


class RateLimitError(RuntimeError):
    """Too many failed logins; ``retry_after`` is in seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed logins; retry in {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Principal:
    """The logged-in account as the views see it."""

    account_id: int
    email: str
    role: str
    city: str
    csrf_token: str
    display_name: str | None = None

    @property
    def is_admin(self) -> bool:
        """True for city admins."""
        return self.role == "admin"


def hash_password(password: str) -> str:
    """Argon2id hash (``$argon2id$...``) of ``password``."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches ``password_hash``; False for a mismatch or a broken hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def clean_display_name(name: str | None) -> str | None:
    """``name`` trimmed, or None when empty.

    Raises:
        AccountError: longer than ``MAX_NAME_CHARS`` or not made of letters (with
            spaces, hyphens or apostrophes between them).
    """
    cleaned = " ".join((name or "").split())
    if not cleaned:
        return None
    if len(cleaned) > MAX_NAME_CHARS or not _NAME.match(cleaned):
        raise AccountError(f"a display name is a first name in letters, at most {MAX_NAME_CHARS} characters")
    return cleaned


def set_display_name(session: Session, email: str, name: str | None) -> CoachAccount:
    """Set (or with an empty ``name`` remove) the account's display name; the caller commits.

    Raises:
        AccountError: no such account, or a name ``clean_display_name`` refuses.
    """
    account = session.scalar(select(CoachAccount).where(CoachAccount.email == email.strip().lower()))
    if account is None:
        raise AccountError(f"no account for {email}")
    account.display_name = clean_display_name(name)
    session.flush()
    return account


def display_name_of(session: Session, email: str | None) -> str | None:
    """The display name of the account with ``email`` (None when unset or unknown)."""
    if not email:
        return None
    return session.scalar(select(CoachAccount.display_name).where(CoachAccount.email == email.lower()))


def create_account(
    session: Session, email: str, password: str, city: str, role: str = "coach",
    display_name: str | None = None,
) -> CoachAccount:
    """Create an account (``display_name``: optional first name shown in the chat); the caller commits.

    Raises:
        AccountError: malformed email, unknown role, empty city, password shorter than
            ``MIN_PASSWORD_CHARS`` or an email that is already taken.
    """
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise AccountError(f"not an email address: {email!r}")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if not city.strip():
        raise AccountError("city is required")
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"password must have at least {MIN_PASSWORD_CHARS} characters")
    if session.scalar(select(CoachAccount).where(CoachAccount.email == email)):
        raise AccountError(f"an account for {email} exists already")
    account = CoachAccount(
        email=email, password_hash=hash_password(password), role=role, city=city.strip(),
        display_name=clean_display_name(display_name),
    )
    session.add(account)
    session.flush()
    return account


def _failures(session: Session, column: InstrumentedAttribute[str], value: str, since: datetime) -> int:
    query = select(func.count()).select_from(LoginAttempt).where(column == value, LoginAttempt.at >= since)
    return session.scalar(query) or 0


def authenticate(session: Session, email: str, password: str, client: str) -> CoachAccount | None:
    """Check a login; records failures and enforces the rate limit. The caller commits.

    Returns:
        The account, or None for an unknown email, inactive account or wrong password.

    Raises:
        RateLimitError: ``MAX_FAILED_LOGINS`` failures for this email or client within
            ``FAILED_LOGIN_WINDOW`` (checked before the password, so guessing stops).
    """
    email = email.strip().lower()
    now = utcnow()
    since = now - FAILED_LOGIN_WINDOW
    if (
        _failures(session, LoginAttempt.email, email, since) >= MAX_FAILED_LOGINS
        or _failures(session, LoginAttempt.client, client, since) >= MAX_FAILED_LOGINS * 4
    ):
        raise RateLimitError(int(FAILED_LOGIN_WINDOW.total_seconds()))
    account = session.scalar(select(CoachAccount).where(CoachAccount.email == email))
    if account is None or not account.active:
        verify_password(_DUMMY_HASH, password)
        ok = False
    else:
        ok = verify_password(account.password_hash, password)
    if not ok:
        session.add(LoginAttempt(email=email, client=client[:64], at=now))
        session.flush()
        return None
    session.execute(delete(LoginAttempt).where(LoginAttempt.email == email))
    if account is not None and _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    return account


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(session: Session, account: CoachAccount, lifetime: timedelta = SESSION_LIFETIME) -> str:
    """Start a login session; returns the random cookie token (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    session.add(
        CoachSession(
            token_hash=_token_hash(token),
            account_id=account.id,
            csrf_token=secrets.token_urlsafe(32),
            expires_at=utcnow() + lifetime,
        )
    )
    session.flush()
    return token


def load_principal(session: Session, token: str | None) -> Principal | None:
    """The account behind a cookie token, or None when missing, unknown, expired or inactive.

    Expired sessions are deleted when they are seen.
    """
    if not token:
        return None
    row = session.scalar(select(CoachSession).where(CoachSession.token_hash == _token_hash(token)))
    if row is None:
        return None
    if as_utc(row.expires_at) <= utcnow():
        session.delete(row)
        session.flush()
        return None
    account = session.get(CoachAccount, row.account_id)
    if account is None or not account.active:
        return None
    return Principal(
        account.id, account.email, account.role, account.city, row.csrf_token, account.display_name
    )


def close_session(session: Session, token: str | None) -> None:
    """Log out: delete the session row of ``token`` (no error when it is gone)."""
    if token:
        session.execute(delete(CoachSession).where(CoachSession.token_hash == _token_hash(token)))
