"""Accounts: argon2 hashing, login, rate limit, expired sessions, CLI."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.coach import accounts
from bot.coach.__main__ import main
from bot.coach.models import CoachAccount, CoachSession
from tests.coach.conftest import PASSWORD, CoachEnv


def test_password_is_hashed_with_argon2() -> None:
    hashed = accounts.hash_password(PASSWORD)
    assert hashed.startswith("$argon2id$") and PASSWORD not in hashed
    assert accounts.verify_password(hashed, PASSWORD)
    assert not accounts.verify_password(hashed, PASSWORD + "x")
    assert not accounts.verify_password("not a hash", PASSWORD)


def test_create_account_validates(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(accounts.AccountError):
        accounts.create_account(session, "a@b.fi", "short", "Turku")
    with pytest.raises(accounts.AccountError):
        accounts.create_account(session, "a@b.fi", PASSWORD, "Turku", role="root")
    accounts.create_account(session, "A@B.fi", PASSWORD, "Turku")
    with pytest.raises(accounts.AccountError):
        accounts.create_account(session, "a@b.fi", PASSWORD, "Espoo")


def test_wrong_password_refused(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    response = coach_env.login("coach@turku.fi", "wrong password!")
    assert response.status_code == 401
    assert "digipoint_coach" not in response.cookies
    assert coach_env.client.get("/coach/", follow_redirects=False).status_code == 303


def test_login_sets_secure_cookie(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    response = coach_env.login("coach@turku.fi")
    assert response.status_code == 303
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=strict" in cookie
    assert coach_env.client.get("/coach/").status_code == 200


def test_rate_limit_after_five_failures(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    for _ in range(accounts.MAX_FAILED_LOGINS):
        assert coach_env.login("coach@turku.fi", "nope nope nope").status_code == 401
    assert coach_env.login("coach@turku.fi").status_code == 429  # even the right password


def test_login_without_csrf_refused(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    coach_env.client.get("/coach/login")
    response = coach_env.client.post(
        "/coach/login", data={"email": "coach@turku.fi", "password": PASSWORD}, follow_redirects=False
    )
    assert response.status_code == 403


def test_expired_session_refused(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    coach_env.login("coach@turku.fi")
    row = coach_env.session.scalar(select(CoachSession))
    row.expires_at = accounts.utcnow() - timedelta(seconds=1)
    coach_env.session.commit()
    response = coach_env.client.get("/coach/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].endswith("/coach/login")
    coach_env.session.expire_all()
    assert coach_env.session.scalar(select(CoachSession)) is None


def test_cli_creates_account(database_url: str, session, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COACH_PASSWORD", PASSWORD)
    assert main(["create-account", "--email", "admin@espoo.fi", "--city", "Espoo", "--role", "admin"]) == 0
    account = session.scalar(select(CoachAccount).where(CoachAccount.email == "admin@espoo.fi"))
    assert account.role == "admin" and account.city == "Espoo"
    assert main(["create-account", "--email", "admin@espoo.fi", "--city", "Espoo"]) == 2
