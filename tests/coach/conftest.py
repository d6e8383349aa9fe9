"""Fixtures of the coach tests: the dashboard mounted at /coach over a real SQLite file.

``coach_env`` gives a TestClient (https, so Secure cookies flow), a session, and
helpers to create accounts and summaries; Rasa's HTTP API is replaced by a fake
that records calls and serves a fixed transcript (``lines``) or fixed tracker
events (``events``, read by the real ``transcript.lines_of``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from bot.coach import accounts, transcript
from bot.coach.web import create_coach_app
from bot.handoff import rasa_client
from bot.summaries.models import Summary

PASSWORD = "correct horse battery"


@dataclass
class FakeRasa:
    """Records run_action / resume calls; transcript returns ``lines``."""

    calls: list[tuple[str, str]] = field(default_factory=list)
    lines: list[transcript.Line] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class CoachEnv:
    client: TestClient
    session: Session
    rasa: FakeRasa

    def account(self, email: str, city: str = "Turku", role: str = "coach") -> accounts.CoachAccount:
        account = accounts.create_account(self.session, email, PASSWORD, city, role)
        self.session.commit()
        return account

    def summary(
        self, conversation_id: str, city: str = "Turku", consent: bool | None = True, **data: Any
    ) -> int:
        row = Summary(
            conversation_id=conversation_id,
            language="fi",
            city=city,
            data={"goal_type": "job", "confidence_score": 3.4, **data},
            consent_to_share=consent,
            consent_at=datetime.now(UTC) if consent else None,
        )
        self.session.add(row)
        self.session.commit()
        return row.id

    def login(self, email: str, password: str = PASSWORD) -> Any:
        page = self.client.get("/coach/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        return self.client.post(
            "/coach/login",
            data={"email": email, "password": password, "csrf_token": token},
            follow_redirects=False,
        )

    def csrf(self, path: str = "/coach/") -> str:
        page = self.client.get(path)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]


@pytest.fixture()
def coach_env(database_url: str, session: Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[CoachEnv]:
    fake = FakeRasa()
    # Fixed ``lines`` when a test sets them, else the real reading of the fake tracker's events.
    monkeypatch.setattr(
        transcript,
        "transcript",
        lambda cid, since=None, lang="en": (
            list(fake.lines) or transcript.lines_of(list(fake.events), since, lang)
        ),
    )
    monkeypatch.setattr(rasa_client, "run_action", lambda cid, name: fake.calls.append((cid, name)))
    monkeypatch.setattr(rasa_client, "resume", lambda cid: fake.calls.append((cid, "resume")))
    monkeypatch.setattr(rasa_client, "listen", lambda cid: fake.calls.append((cid, "listen")))
    monkeypatch.setattr(rasa_client, "tracker_events", lambda cid: list(fake.events))
    app = FastAPI()
    app.mount("/coach", create_coach_app())
    with TestClient(app, base_url="https://testserver") as client:
        yield CoachEnv(client, session, fake)
