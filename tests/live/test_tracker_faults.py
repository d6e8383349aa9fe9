"""Tracker-store faults on the real stack, tracker in PostgreSQL (scripts/postgres.sh).

A restart of PostgreSQL: the first request after it is answered normally (the
pooled connections are pre-pinged). A 15 s outage: the person gets
faults.try_again in their language with HTTP 200, never the welcome of a blank
tracker. After recovery the conversation goes on, and the events counted in
the tracker database with SQL show nothing lost but the message in flight.

The test stops and starts a private cluster of scripts/postgres.sh (same
port; under var/test-runs/, destroyed at the end and by the script's owner
watcher if pytest dies), so no other test's database goes away under it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest
import sqlalchemy as sa

from bench.stack import ROOT, LiveStack, StackError, running_stack
from bot.locale import catalogue

POSTGRES = str(ROOT / "scripts" / "postgres.sh")
FAULTS = catalogue.topic_texts("faults")


CLUSTER = ROOT / "var" / "test-runs" / f"live-tracker-{os.getpid()}" / "postgres"
CLUSTER_ENV = {"POSTGRES_DIR": str(CLUSTER), "POSTGRES_OWNER_PID": str(os.getpid())}


def _postgres(*args: str, port: str | None = None) -> str:
    env = {**os.environ, **CLUSTER_ENV, **({"PGPORT": port} if port else {})}
    done = subprocess.run([POSTGRES, *args], capture_output=True, text=True, check=True, env=env)
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


@pytest.fixture(scope="module")
def pg_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveStack, str]]:
    """The stack with its tracker in a fresh PostgreSQL database; yields (stack, tracker URL)."""
    base = _postgres()
    name = f"tracker_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    url = base.rsplit("/", 1)[0] + f"/{name}"
    offset = os.environ.get("DIGIPOINT_TEST_PORT_OFFSET")
    try:
        work = tmp_path_factory.mktemp("pgstack")
        with running_stack(work, port_offset=int(offset) if offset else None, tracker_db_url=url) as stack:
            yield stack, url
    except StackError as error:
        pytest.fail(str(error))
    finally:
        admin.dispose()
        _postgres("destroy")
        shutil.rmtree(CLUSTER.parent, ignore_errors=True)


def _send(stack: LiveStack, sender: str, text: str, language: str = "fi") -> list[str]:
    response = httpx.post(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text, "metadata": {"language": language}},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    return [m.get("text", "") for m in response.json()]


def _user_texts(url: str, sender: str) -> list[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"),
                {"s": sender},
            ).scalars()
            return [json.loads(row)["text"] for row in rows]
    finally:
        engine.dispose()


def _count(url: str, sender: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(
                sa.text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}
            ).scalar_one())
    finally:
        engine.dispose()


def test_postgres_restart_and_outage_lose_nothing_but_the_message_in_flight(
    pg_stack: tuple[LiveStack, str],
) -> None:
    stack, url = pg_stack
    port = (CLUSTER / "port").read_text().strip()
    sender = f"pg-{uuid.uuid4().hex[:10]}"
    apology = FAULTS["try_again"]["fi"]
    welcome = _send(stack, sender, "hei")
    assert welcome and apology not in welcome
    first = _count(url, sender)

    _postgres("stop")
    _postgres(port=port)  # restarted on the same port
    after_restart = _send(stack, sender, "mitä osaat")
    assert after_restart and apology not in after_restart
    assert _count(url, sender) > first

    before_outage = _count(url, sender)
    _postgres("stop")
    started = time.monotonic()
    try:
        during = _send(stack, sender, "kiitos")
        assert during == [apology]  # no welcome of a blank tracker, no other reply
        health = httpx.get(f"{stack.rasa_url}/webhooks/health/", timeout=30)
        time.sleep(max(0.0, 15 - (time.monotonic() - started)))
    finally:
        _postgres(port=port)
    recovered = time.monotonic()
    again = _send(stack, sender, "mitä osaat")
    assert again and apology not in again and again != welcome
    took = time.monotonic() - recovered
    print(f"recovered {took:.1f} s after PostgreSQL was back; health during the outage {health.status_code}")

    texts = _user_texts(url, sender)
    assert texts[:2] == ["hei", "mitä osaat"] and "kiitos" not in texts  # only the message in flight
    assert _count(url, sender) > before_outage
