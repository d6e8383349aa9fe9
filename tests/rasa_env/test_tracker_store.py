"""DigiPoint's tracker store (rasa_addons/tracker_store.py, tracker_window.py) on real SQLite files.

Run: ``.venv-rasa/bin/python -m pytest -q -p no:cacheprovider --noconftest tests/rasa_env``.
PostgreSQL cases run on a private cluster of scripts/postgres.sh (started and destroyed here).
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rasa")

from rasa.core.agent import Agent  # noqa: E402
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import (  # noqa: E402
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)

from rasa_addons.health import unhealthy_reason  # noqa: E402
from rasa_addons.tracker_store import (  # noqa: E402
    MAX_SENDER_ID_LENGTH,
    DigiPointSQLTrackerStore,
    SenderIdTooLong,
    TrackerDatabaseUnusable,
    TrackerStoreUnavailable,
    apology_text,
    handle_or_apologise,
)

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def store_at(path: Path, **kwargs: Any) -> DigiPointSQLTrackerStore:
    return DigiPointSQLTrackerStore(domain=DOMAIN, host=f"sqlite:///{path}", **kwargs)


def turn(i: int) -> list[Event]:
    """One turn: listen, user message, a slot, a reply (every 7th turn rewound)."""
    events: list[Event] = [
        ActionExecuted("action_listen"),
        UserUttered(f"message {i}", {"name": "inform", "confidence": 1.0}),
        SlotSet("background", f"answer {i}") if i % 5 else SlotSet("city", f"city {i}"),
        ActionExecuted("utter_greet"),
        BotUttered(f"reply {i}"),
    ]
    if i % 7 == 3:
        events.append(UserUtteranceReverted())
    return events


def test_agent_uses_the_store_unwrapped(tmp_path: Path) -> None:
    store = store_at(tmp_path / "t.db")
    assert Agent(tracker_store=store).tracker_store is store  # no FailSafeTrackerStore


def test_missing_folder_stops_startup_with_the_url(tmp_path: Path) -> None:
    with pytest.raises(TrackerDatabaseUnusable, match="no/such/folder.*does not exist"):
        store_at(tmp_path / "no" / "such" / "folder" / "t.db")


def test_database_error_propagates_and_the_person_gets_the_apology(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    store = store_at(path)
    # The database in WAL mode is the file and its -wal/-shm log: replace them all
    # (SQLite would rebuild the pages from a leftover log).
    for part in (path, path.with_name("t.db-wal"), path.with_name("t.db-shm")):
        part.unlink(missing_ok=True)
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(TrackerStoreUnavailable) as raised:
        run(store.retrieve("person-1"))
    assert raised.value.conversation_id == "person-1"

    async def on_new_message(message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, "half a reply")
        await store.retrieve(message.sender_id)

    output = CollectingOutputChannel()
    message = UserMessage("Hei, olen Matti", output, "person-1", metadata={"language": "fi"})
    assert run(handle_or_apologise(on_new_message, message)) is False
    assert [m["text"] for m in output.messages] == [apology_text("fi")]
    assert run(unhealthy_reason(Agent(tracker_store=store))) == "no model loaded"


def test_replaced_sqlite_file_is_used_by_the_next_request(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    store = store_at(path)
    tracker = run(store.get_or_create_tracker("a"))
    tracker.update(SlotSet("city", "Espoo"))
    run(store.save(tracker))
    path.unlink()
    fresh = store_at(path)  # an empty database at the same path (restored backup, new volume)
    del fresh
    assert run(store.retrieve("a")) is None  # the new file, not the deleted one


@pytest.mark.parametrize("length", [MAX_SENDER_ID_LENGTH + 1, 300])
def test_long_sender_id_is_refused_before_storage(tmp_path: Path, length: int) -> None:
    store = store_at(tmp_path / "t.db")
    tracker = store.init_tracker("x" * length)
    with pytest.raises(SenderIdTooLong):
        run(store.save(tracker))
    with pytest.raises(SenderIdTooLong):
        run(store.retrieve("x" * length))
    assert run(store.keys()) == []
    ok = store.init_tracker("y" * MAX_SENDER_ID_LENGTH)
    ok.update(ActionExecuted("action_listen"))
    run(store.save(ok))


def _long_conversation(store: DigiPointSQLTrackerStore, turns: int) -> list[Event]:
    expected: list[Event] = []
    tracker = run(store.get_or_create_tracker("long"))
    expected.extend(tracker.events)
    for i in range(turns):
        tracker = run(store.retrieve("long"))
        assert tracker is not None
        if i == 4:
            loop = ActiveLoop("goal_form")
            tracker.update(loop)
            expected.append(loop)
        for event in turn(i):
            tracker.update(event)
            expected.append(event)
        run(store.save(tracker))
        run(store.save(tracker))  # a second save stores nothing twice
    return expected


def test_bounded_tracker_saves_every_event_exactly_once_and_keeps_the_state(tmp_path: Path) -> None:
    store = store_at(tmp_path / "t.db", window_events=30)
    reference = store_at(tmp_path / "ref.db", window_events=10_000)  # never windowed
    expected = _long_conversation(store, 120)
    _long_conversation(reference, 120)

    full = run(store.retrieve_full_tracker("long"))
    assert [e.as_dict() for e in full.events] == [e.as_dict() for e in expected]
    working = run(store.retrieve("long"))
    whole = run(reference.retrieve("long"))
    assert len(working.events) - working.summary <= 30 + len(turn(0))
    assert working.current_slot_values() == whole.current_slot_values() == full.current_slot_values()
    assert working.active_loop_name == whole.active_loop_name == "goal_form"
    # a rewind replays onto the summary, not onto a blank state
    working.update(UserUttered("x", {"name": "inform", "confidence": 1.0}))
    working.update(UserUtteranceReverted())
    assert working.current_slot_values() == whole.current_slot_values()


def test_cached_summary_is_dropped_when_old_events_are_deleted(tmp_path: Path) -> None:
    store = store_at(tmp_path / "t.db", window_events=20)
    _long_conversation(store, 30)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM events WHERE sender_id = 'long'")
    assert run(store.retrieve("long")) is None


@pytest.fixture(scope="module")
def postgres() -> Iterator[tuple[str, dict[str, str]]]:
    """A private PostgreSQL cluster of scripts/postgres.sh for this module: (URL, its env).

    Private, because the test stops and starts it; destroyed afterwards (and by
    the script's owner watcher if pytest dies). Fails, never skips, when
    PostgreSQL cannot start.
    """
    env = {
        **os.environ,
        # Under the repository (as the other tests' clusters): the postgres
        # user must reach it, and pytest's own temporary folders are root-only.
        "POSTGRES_DIR": str(ROOT / "var" / "test-runs" / f"rasa-env-{os.getpid()}" / "postgres"),
        "POSTGRES_OWNER_PID": str(os.getpid()),
    }
    script = str(ROOT / "scripts" / "postgres.sh")
    done = subprocess.run([script], capture_output=True, text=True, env=env, timeout=600, check=False)
    if done.returncode != 0:
        pytest.fail(f"PostgreSQL did not start (postgres.sh exit {done.returncode}): {done.stderr[-800:]}")
    try:
        yield done.stdout.strip().splitlines()[-1], env
    finally:
        subprocess.run([script, "destroy"], capture_output=True, env=env, timeout=120, check=False)
        shutil.rmtree(Path(env["POSTGRES_DIR"]).parent, ignore_errors=True)


def test_postgres_first_request_after_a_restart_works(postgres: tuple[str, dict[str, str]]) -> None:
    url, env = postgres
    store = DigiPointSQLTrackerStore(domain=DOMAIN, host=url)
    sender = f"restart-{os.getpid()}"
    tracker = run(store.get_or_create_tracker(sender))
    run(store.save(tracker))
    script = str(ROOT / "scripts" / "postgres.sh")
    same_port = {**env, "PGPORT": (Path(env["POSTGRES_DIR"]) / "port").read_text().strip()}
    subprocess.run([script, "stop"], check=True, capture_output=True, env=env)
    try:
        with pytest.raises(TrackerStoreUnavailable):
            run(store.retrieve(sender))
    finally:
        subprocess.run([script], check=True, capture_output=True, env=same_port)
    assert run(store.retrieve(sender)) is not None  # pooled connections were pre-pinged
    with pytest.raises(SenderIdTooLong):
        run(store.retrieve("z" * 256))


def test_postgres_missing_database_stops_startup_without_password(
    postgres: tuple[str, dict[str, str]],
) -> None:
    url = postgres[0].replace("digipoint@", "digipoint:secret@").rsplit("/", 1)[0] + "/no_such_db"
    with pytest.raises(TrackerDatabaseUnusable) as raised:
        DigiPointSQLTrackerStore(domain=DOMAIN, host=url)
    assert "no_such_db" in str(raised.value) and "secret" not in str(raised.value)
    assert "\n" not in str(raised.value)


def test_lock_store_failure_gets_the_apology_and_no_second_log_line(caplog: pytest.LogCaptureFixture) -> None:
    """Redis down: the lock store logged its line; the person still hears the apology."""
    from rasa.core.lock_store import LockError

    async def on_new_message(message: UserMessage) -> None:
        raise LockError("lock store redis://127.0.0.1:1/0: ConnectionError")

    output = CollectingOutputChannel()
    message = UserMessage("hej", output, "person-2", metadata={"language": "sv"})
    with caplog.at_level(logging.INFO):
        assert run(handle_or_apologise(on_new_message, message)) is False
    assert [m["text"] for m in output.messages] == [apology_text("sv")]
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
