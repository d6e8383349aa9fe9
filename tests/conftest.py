"""Shared pytest fixtures: a real SQLite database file, trackers, dispatcher.

Fixtures follow rasa-sdk's own tests: each action test builds a tracker and
domain and asserts the exact events and messages an action returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session, sessionmaker

from bot import db


@pytest.fixture()
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh SQLite database file with every table; DATABASE_URL points at it."""
    url = f"sqlite:///{tmp_path / 'digipoint-test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    from bot.config import get_settings

    get_settings.cache_clear()
    db.get_sessionmaker.cache_clear()
    import bot.models  # noqa: F401  (registers every table on db.Base)

    engine = db.make_engine(url)
    db.Base.metadata.create_all(engine)
    engine.dispose()
    yield url
    get_settings.cache_clear()
    db.get_sessionmaker.cache_clear()


@pytest.fixture()
def session(database_url: str) -> Iterator[Session]:
    """A session on the test database file; closed after the test."""
    factory: sessionmaker[Session] = db.get_sessionmaker(database_url)
    with factory() as s:
        yield s


@pytest.fixture()
def dispatcher() -> CollectingDispatcher:
    """Collects the messages an action sends."""
    return CollectingDispatcher()


@pytest.fixture()
def domain() -> dict[str, Any]:
    """The parsed domain.yml (actions read responses and slots from it)."""
    import yaml

    return yaml.safe_load((Path(__file__).parents[1] / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture()
def make_tracker() -> Callable[..., Tracker]:
    """Build a Tracker: ``make_tracker(slots={...}, text="hi", intent="greet", entities=[...])``."""

    def _make(
        slots: dict[str, Any] | None = None,
        text: str = "",
        intent: str = "inform",
        entities: list[dict[str, Any]] | None = None,
        sender_id: str = "test-user",
        active_loop: str | None = None,
        metadata: dict[str, Any] | None = None,
        events: list[dict[str, Any]] | None = None,
    ) -> Tracker:
        latest_message = {
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities or [],
            "metadata": metadata or {},
        }
        return Tracker(
            sender_id=sender_id,
            slots=dict(slots or {}),
            latest_message=latest_message,
            events=events or [],
            paused=False,
            followup_action=None,
            active_loop={"name": active_loop} if active_loop else {},
            latest_action_name="action_listen",
        )

    return _make
