"""Worker claims on SQLite and PostgreSQL: two workers never run one job; leases; timeouts sent once."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import handoff
from bot.clock import utcnow
from bot.db import get_sessionmaker, make_engine
from bot.handoff import rasa_client
from bot.handoff.models import HandoffRequest
from bot.worker import claims
from bot.worker.jobs import HANDOFF_TIMEOUT
from bot.worker.models import WorkerJob
from bot.worker.runner import Worker


class RecordingRasa:
    """Rasa's HTTP API as the handoff expiry calls it; records (conversation, call), thread-safe."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def record(name: str):  # type: ignore[no-untyped-def]
            def call(cid: str, action: str | None = None) -> None:
                with self.lock:
                    self.calls.append((cid, action or name))
            return call

        monkeypatch.setattr(rasa_client, "tracker_events", lambda cid: [{"event": "pause"}])
        monkeypatch.setattr(rasa_client, "run_action", record("run_action"))
        monkeypatch.setattr(rasa_client, "resume", record("resume"))
        monkeypatch.setattr(rasa_client, "listen", record("listen"))

    def timeouts(self, cid: str) -> int:
        return self.calls.count((cid, "action_handoff_timeout"))


@pytest.fixture()
def sessions(any_database_url: str) -> Iterator[sessionmaker[Session]]:
    yield get_sessionmaker(any_database_url)


@pytest.fixture()
def rasa(monkeypatch: pytest.MonkeyPatch) -> RecordingRasa:
    fake = RecordingRasa()
    fake.install(monkeypatch)
    monkeypatch.setenv("HANDOFF_TIMEOUT_SECONDS", "0")
    return fake


def _waiting(sessions: sessionmaker[Session], n: int) -> list[str]:
    with sessions() as session:
        ids = [f"conv-{i}" for i in range(n)]
        for cid in ids:
            handoff.enqueue(session, cid, "Espoo", "fi")
        session.commit()
    return ids


def test_one_row_claimed_by_eight_threads_at_once_has_one_winner(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        claims.ensure(session, "handoff_timeout", "1", utcnow() - timedelta(seconds=1), "c")
        session.commit()
        job_id = session.scalar(select(WorkerJob.id))
    barrier = threading.Barrier(8)
    won: list[str] = []

    def race(name: str) -> None:
        with sessions() as session:
            barrier.wait()
            if claims.claim(session, job_id, name, utcnow()):
                won.append(name)

    threads = [threading.Thread(target=race, args=(f"w{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(won) == 1
    with sessions() as session:
        assert session.scalar(select(WorkerJob.claimed_by)) == won[0]


def _claim_in_process(url: str, job_ids: list[int], name: str, barrier: object, results: object) -> None:
    """Claim every job of ``job_ids`` in turn, each after the other process is ready for it too."""
    engine = make_engine(url)
    with Session(engine) as session:
        for job_id in job_ids:
            barrier.wait()  # type: ignore[attr-defined]
            won = claims.claim(session, job_id, name, utcnow())
            results.put((job_id, name, won))  # type: ignore[attr-defined]
    engine.dispose()


def test_two_processes_claiming_the_same_rows_have_one_winner_each(any_database_url: str) -> None:
    sessions = get_sessionmaker(any_database_url)
    with sessions() as session:
        for key in range(20):
            claims.ensure(session, "handoff_timeout", str(key), utcnow() - timedelta(seconds=1))
        session.commit()
        job_ids = list(session.scalars(select(WorkerJob.id)))
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    processes = [
        context.Process(target=_claim_in_process, args=(any_database_url, job_ids, f"p{i}", barrier, results))
        for i in range(2)
    ]
    for process in processes:
        process.start()
    outcome = [results.get(timeout=120) for _ in range(2 * len(job_ids))]
    for process in processes:
        process.join(30)
    winners = {job_id: [name for jid, name, won in outcome if jid == job_id and won] for job_id in job_ids}
    assert all(len(names) == 1 for names in winners.values()), winners
    with sessions() as session:
        stored = dict(session.execute(select(WorkerJob.id, WorkerJob.claimed_by)).all())
    assert stored == {job_id: names[0] for job_id, names in winners.items()}


def test_two_workers_racing_send_each_timeout_once(
    sessions: sessionmaker[Session], rasa: RecordingRasa
) -> None:
    ids = _waiting(sessions, 12)
    barrier = threading.Barrier(3)

    def work(name: str) -> None:
        worker = Worker(sessions, jobs=[HANDOFF_TIMEOUT], worker_id=name)
        barrier.wait()
        for _ in range(3):
            worker.run_once()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert {cid: rasa.timeouts(cid) for cid in ids} == {cid: 1 for cid in ids}
    with sessions() as session:
        statuses = set(session.scalars(select(HandoffRequest.status)))
        done = session.scalar(select(func.count()).select_from(WorkerJob).where(WorkerJob.state == "done"))
    assert statuses == {"timed_out"} and done == 12


def test_a_dead_workers_claim_is_taken_over_after_the_lease_only(
    sessions: sessionmaker[Session], rasa: RecordingRasa, monkeypatch: pytest.MonkeyPatch
) -> None:
    (cid,) = _waiting(sessions, 1)
    now = utcnow()
    with sessions() as session:
        HANDOFF_TIMEOUT.plan(session, now)
        session.commit()
        assert [c.key for c in claims.claim_due(session, "dead", ["handoff_timeout"], now)]
    monkeypatch.setenv("WORKER_LEASE_SECONDS", "300")
    assert Worker(sessions, jobs=[HANDOFF_TIMEOUT], worker_id="alive").run_once() == []
    monkeypatch.setenv("WORKER_LEASE_SECONDS", "0")
    outcomes = Worker(sessions, jobs=[HANDOFF_TIMEOUT], worker_id="alive").run_once()
    assert [(o.conversation_id, o.ok) for o in outcomes] == [(cid, True)]
    assert rasa.timeouts(cid) == 1


def test_a_coach_taking_the_request_wins_over_a_later_timeout(
    sessions: sessionmaker[Session], rasa: RecordingRasa
) -> None:
    (cid,) = _waiting(sessions, 1)

    class Coach:
        email, city = "coach@espoo.fi", "Espoo"

    with sessions() as session:
        request = session.scalar(select(HandoffRequest))
        handoff.take(session, Coach(), request.id)
        session.commit()
    assert Worker(sessions, jobs=[HANDOFF_TIMEOUT]).run_once() == []
    assert rasa.calls == [(cid, "action_handoff_joined")]  # "a coach has joined", no timeout


def test_a_timeout_already_in_the_tracker_is_not_sent_again(
    sessions: sessionmaker[Session], rasa: RecordingRasa, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that died after sending (before noting it) must not make the next one send twice."""
    (cid,) = _waiting(sessions, 1)
    with sessions() as session:
        request = session.scalar(select(HandoffRequest))
        request.status = "timed_out"
        session.commit()
        HANDOFF_TIMEOUT.plan(session, utcnow())  # nothing: it is no longer waiting
        claims.ensure(session, "handoff_timeout", str(request.id), utcnow(), cid)
        session.commit()
    sent = [{"event": "pause"}, {"event": "action", "name": "action_handoff_timeout", "timestamp": 4e9}]
    monkeypatch.setattr(rasa_client, "tracker_events", lambda _cid: sent)
    outcomes = Worker(sessions, jobs=[HANDOFF_TIMEOUT]).run_once()
    assert [o.ok for o in outcomes] == [True]
    assert rasa.timeouts(cid) == 0 and (cid, "resume") in rasa.calls
