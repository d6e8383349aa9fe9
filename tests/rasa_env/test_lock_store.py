"""DigiPoint's lock store (rasa_addons/lock_store.py) across OS processes on a real Redis.

Run: ``.venv-rasa/bin/python -m pytest -q -p no:cacheprovider --noconftest \
    tests/rasa_env/test_lock_store.py``.
Redis comes from scripts/redis.sh (a private server per module, destroyed
afterwards; the script installs Debian's redis-server when missing). No model needed.

The cross-process cases start this file as a worker (``python test_lock_store.py
worker ...``): each worker handles its messages under the lock and simulates
Rasa's tracker with a read-modify-write of a Redis list (read, 150 ms of
"processing", write back with the message appended). A lost message is a list
without it, a duplicate a list with it twice, a reordering a list out of order.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rasa")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # worker mode runs this file as a script
    sys.path.insert(0, str(ROOT))

import redis  # noqa: E402
from rasa.core.lock_store import LockError, LockStore, RedisLockStore  # noqa: E402
from rasa.core.utils import AvailableEndpoints  # noqa: E402
from rasa.utils.endpoints import EndpointConfig  # noqa: E402

from rasa_addons.lock_store import DigiPointLockStore, LockStoreUnusable  # noqa: E402

SCRIPT = str(ROOT / "scripts" / "redis.sh")
CONVERSATIONS = 20
WORK_SECONDS = 0.15  # "processing" between reading and writing the simulated tracker


# --- worker (another OS process) -------------------------------------------------
def make_store(kind: str, url: str, prefix: str) -> LockStore:
    """``ours``: DigiPointLockStore; ``stock``: Rasa's RedisLockStore on the same server."""
    if kind == "ours":
        return DigiPointLockStore(url=url, key_prefix=f"{prefix}:")
    parts = redis.connection.parse_url(url)
    return RedisLockStore(
        host=parts["host"],
        port=parts["port"],
        db=parts.get("db", 0),
        password=parts.get("password"),
        key_prefix=prefix,
    )


async def handle(store: LockStore, red: redis.Redis, prefix: str, cid: str, message: str, at: float) -> dict:
    """At time ``at``, take the lock of ``cid`` and append ``message`` to its simulated tracker."""
    await asyncio.sleep(max(0.0, at - time.time()))
    arrived = time.time()
    async with store.lock(cid, lock_lifetime=30):
        start = time.time()
        key = f"{prefix}:tracker:{cid}"
        events = [e.decode() for e in red.lrange(key, 0, -1)]
        await asyncio.sleep(WORK_SECONDS)
        pipe = red.pipeline(transaction=True)
        pipe.delete(key)
        pipe.rpush(key, *events, message)
        pipe.execute()
        end = time.time()
    return {"cid": cid, "message": message, "arrived": arrived, "start": start, "end": end}


def worker(kind: str, url: str, prefix: str, plan: str) -> None:
    """Print ``ready``, read the start time from stdin, run ``plan``, print results as JSON.

    ``plan`` is ``send:<message>:<offset s>`` (message <message> of every
    conversation, conversation i at start + i * 20 ms + offset) or ``hold:<lifetime s>``
    (take conversation ``dead``'s lock and queue a second ticket, then wait to be killed).
    """
    store = make_store(kind, url, prefix)
    red = redis.Redis.from_url(url)
    print("ready", flush=True)
    start = float(sys.stdin.readline())
    what, *args = plan.split(":")

    async def run() -> Any:
        if what == "hold":
            lifetime = float(args[0])
            async with store.lock("dead", lock_lifetime=lifetime):
                asyncio.ensure_future(store.lock("dead", lock_lifetime=lifetime).__aenter__())
                await asyncio.sleep(0.2)
                print("locked", flush=True)
                await asyncio.sleep(3600)
        message, offset = args[0], float(args[1])
        return await asyncio.gather(
            *(
                handle(store, red, prefix, f"c{i}", message, start + i * 0.02 + offset)
                for i in range(CONVERSATIONS)
            )
        )

    print(json.dumps(asyncio.run(run())), flush=True)


# --- fixtures and helpers ---------------------------------------------------------
def start_redis(directory: Path, **extra: str) -> tuple[str, dict[str, str]]:
    """A private server of scripts/redis.sh in ``directory``: (URL, its env)."""
    env = {**os.environ, "REDIS_DIR": str(directory), "REDIS_OWNER_PID": str(os.getpid()), **extra}
    done = subprocess.run([SCRIPT], capture_output=True, text=True, env=env, timeout=600, check=False)
    if done.returncode != 0:
        pytest.fail(f"Redis did not start (redis.sh exit {done.returncode}): {done.stderr[-800:]}")
    return done.stdout.strip().splitlines()[-1], env


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a Redis server private to this module (fails, never skips, without Redis)."""
    url, env = start_redis(tmp_path_factory.mktemp("lockstore") / "redis")
    try:
        yield url
    finally:
        subprocess.run([SCRIPT, "destroy"], capture_output=True, env=env, timeout=60, check=False)


def two_processes(kind: str, url: str, prefix: str, gap: float) -> tuple[dict[str, list[str]], list[dict]]:
    """Message m1 of 20 conversations from one process, m2 from another ``gap`` s later.

    Returns (simulated tracker of each conversation, one record per handled message).
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "worker", kind, url, prefix, plan],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for plan in ("send:m1:0", f"send:m2:{gap}")
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    start = time.time() + 0.3
    for proc in procs:
        proc.stdin.write(f"{start}\n")
        proc.stdin.flush()
    records: list[dict] = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        records += json.loads(out.strip().splitlines()[-1])
    red = redis.Redis.from_url(url)
    trackers = {
        f"c{i}": [e.decode() for e in red.lrange(f"{prefix}:tracker:c{i}", 0, -1)]
        for i in range(CONVERSATIONS)
    }
    return trackers, records


def lost_duplicated_reordered(trackers: dict[str, list[str]]) -> tuple[int, int, int]:
    """Counts over all conversations: messages missing, messages twice, conversations out of order."""
    lost = sum(2 - len(set(t)) for t in trackers.values())
    duplicated = sum(len(t) - len(set(t)) for t in trackers.values())
    reordered = sum(1 for t in trackers.values() if len(t) == 2 and t != ["m1", "m2"])
    return lost, duplicated, reordered


# --- tests ------------------------------------------------------------------------
def test_two_processes_50ms_apart_run_in_arrival_order(redis_url: str) -> None:
    trackers, records = two_processes("ours", redis_url, "ours50", gap=0.05)
    assert lost_duplicated_reordered(trackers) == (0, 0, 0), trackers
    by = {(r["cid"], r["message"]): r for r in records}
    for i in range(CONVERSATIONS):
        first, second = by[(f"c{i}", "m1")], by[(f"c{i}", "m2")]
        assert second["arrived"] < first["end"]  # m2 came while m1 was being handled ...
        assert second["start"] >= first["end"]  # ... and waited for it
        assert second["start"] - first["end"] < 0.5  # handed over promptly (20 ms polls; Rasa: 1 s)
    keys = redis.Redis.from_url(redis_url).keys("ours50:*")
    assert all(k.startswith((b"ours50:tracker:", b"ours50:n:")) for k in keys), keys  # queues deleted


def test_two_processes_at_the_same_moment_never_overlap(redis_url: str) -> None:
    trackers, records = two_processes("ours", redis_url, "ours0", gap=0.0)
    lost, duplicated, _ = lost_duplicated_reordered(trackers)
    assert (lost, duplicated) == (0, 0), trackers
    for i in range(CONVERSATIONS):
        a, b = sorted((r for r in records if r["cid"] == f"c{i}"), key=lambda r: r["start"])
        assert b["start"] >= a["end"]
        assert trackers[f"c{i}"] == [a["message"], b["message"]]  # stored in the order served


def test_rasa_redis_lock_store_loses_messages_from_two_processes(redis_url: str) -> None:
    """Rasa's RedisLockStore: get_lock -> issue -> save_lock is not atomic.

    Arriving within a few milliseconds, both processes read "no lock", both take
    ticket 0 and run together: one read-modify-write overwrites the other. Seen
    here: 12 and 2 of 20 conversations lost a message at 0 ms, 1 of 20 at 2 ms
    (so a round may lose none: up to 5 rounds). 50 ms apart the window (about a
    millisecond) is missed: no message lost, the second only waits up to 1 s
    (Rasa polls once a second). The "50 ms apart loses one" claim did not reproduce.
    """
    losses = []
    for round_ in range(5):
        trackers, _ = two_processes("stock", redis_url, f"stock0r{round_}", gap=0.0)
        lost, duplicated, _ = lost_duplicated_reordered(trackers)
        assert duplicated == 0, trackers
        losses.append(lost)
        if lost:
            break
    assert losses[-1] > 0, f"no message lost in {len(losses)} rounds of 20 simultaneous pairs"
    trackers, _ = two_processes("stock", redis_url, "stock50", gap=0.05)
    assert lost_duplicated_reordered(trackers) == (0, 0, 0), trackers


def test_killed_holder_releases_after_its_lifetime(redis_url: str, caplog: pytest.LogCaptureFixture) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, __file__, "worker", "ours", redis_url, "dead", "hold:2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        proc.stdin.write(f"{time.time()}\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "locked", proc.stderr.read()
        locked_at = time.monotonic() - 0.2
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    store = DigiPointLockStore(url=redis_url, key_prefix="dead:")
    assert [t.number for t in store.get_lock("dead").tickets] == [1, 2]  # holder + its waiting message
    red = redis.Redis.from_url(redis_url)
    assert all(0 < red.pttl(k) <= 7000 for k in red.keys("dead:*"))  # lease 2 s + 5 s margin

    async def take() -> float:
        async with store.lock("dead", lock_lifetime=2):
            return time.monotonic() - locked_at

    with caplog.at_level(logging.WARNING, logger="rasa_addons.lock_store"):
        waited = asyncio.run(take())
    assert 1.9 < waited < 3.5  # the holder's 2 s lease, then the dead waiter's (renewed until the kill)
    assert any("skipped" in r.getMessage() for r in caplog.records)
    assert red.keys("dead:[ql]:*") == []


def test_cancelled_waiter_gives_its_ticket_back_and_a_dropped_ticket_fails(
    redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    store = DigiPointLockStore(url=redis_url, key_prefix="cancel:")
    began = time.monotonic()

    async def hold(cid: str, seconds: float) -> float:
        async with store.lock(cid):
            started = time.monotonic() - began
            await asyncio.sleep(seconds)
        return started

    async def scenario() -> tuple[float, Any]:
        holder = asyncio.ensure_future(hold("x", 0.5))
        await asyncio.sleep(0.05)
        cancelled = asyncio.ensure_future(hold("x", 0))
        await asyncio.sleep(0.1)
        cancelled.cancel()  # e.g. the person's HTTP request was dropped while waiting
        later = asyncio.ensure_future(hold("x", 0))
        await asyncio.sleep(0.05)
        await holder
        other = asyncio.ensure_future(hold("y", 0.3))
        await asyncio.sleep(0.05)
        waiting = asyncio.ensure_future(hold("y", 0))
        await asyncio.sleep(0.05)
        store.delete_lock("y")  # Redis restarted or an operator dropped the tickets
        results = await asyncio.gather(later, other, waiting, return_exceptions=True)
        return results[0], results[2]

    with caplog.at_level(logging.WARNING, logger="rasa_addons.lock_store"):
        later_started, waiting = asyncio.run(scenario())
    assert 0.5 <= later_started < 1.5  # served right after the holder, not a lifetime (60 s) later
    assert isinstance(waiting, LockError)
    assert [r.getMessage() for r in caplog.records if "disappeared" in r.getMessage()]
    assert redis.Redis.from_url(redis_url).keys("cancel:[ql]:*") == []


def test_memory_url_locks_within_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    store = LockStore.create(
        EndpointConfig(url="memory://", type="rasa_addons.lock_store.DigiPointLockStore")
    )
    assert isinstance(store, DigiPointLockStore) and store.red is None
    spans: list[tuple[str, int, float, float]] = []

    async def message(cid: str, order: int) -> None:
        await asyncio.sleep(order * 0.01)
        async with store.lock(cid):
            begin = time.monotonic()
            await asyncio.sleep(0.1)
            spans.append((cid, order, begin, time.monotonic()))

    async def burst() -> None:
        await asyncio.wait_for(asyncio.gather(*(message(c, i) for i, c in enumerate("aaab"))), 5)

    asyncio.run(burst())
    same = [s for s in spans if s[0] == "a"]
    assert [s[1] for s in same] == [0, 1, 2]  # in arrival order ...
    assert all(
        later[2] >= earlier[3] for earlier, later in zip(same, same[1:], strict=False)
    )  # one at a time
    ((_, _, b_start, _),) = [s for s in spans if s[0] == "b"]
    assert b_start < same[-1][2]  # "b" did not wait for "a"
    assert store.get_lock("a") is None  # deleted when nobody waits
    monkeypatch.setenv("SANIC_WORKERS", "2")
    with pytest.raises(LockStoreUnusable, match="SANIC_WORKERS=2 needs redis"):
        DigiPointLockStore(url="memory://")


def test_endpoints_yml_url_reaches_the_store(
    redis_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "endpoints.yml"
    path.write_text(
        "lock_store:\n  type: rasa_addons.lock_store.DigiPointLockStore\n  url: ${LOCK_STORE_URL}\n"
        "  poll_interval: 0.05\n"
    )
    monkeypatch.setenv("LOCK_STORE_URL", redis_url)
    store = LockStore.create(AvailableEndpoints.read_endpoints(str(path)).lock_store)
    assert isinstance(store, DigiPointLockStore) and store.red is not None and store.poll_interval == 0.05
    assert asyncio.run(store.ping()) is None


def test_redis_down_gives_lock_error_and_one_line_without_password(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url, env = start_redis(tmp_path / "redis")
    password = url.split(":")[2].split("@")[0]
    port = url.rsplit(":", 1)[1].split("/")[0]
    try:
        store = DigiPointLockStore(url=url)
        subprocess.run([SCRIPT, "stop"], check=True, capture_output=True, env=env)

        async def take() -> None:
            async with store.lock("person-1"):
                pass

        with caplog.at_level(logging.DEBUG):
            with pytest.raises(LockError):
                asyncio.run(take())
        errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(errors) == 1, [r.getMessage() for r in errors]
        line = errors[0].getMessage()
        assert f"redis://127.0.0.1:{port}/0" in line and "person-1" in line and "ConnectionError" in line
        assert password not in caplog.text
        assert asyncio.run(store.ping()) is not None
        with pytest.raises(LockStoreUnusable) as refused:  # at start: refused with one line
            DigiPointLockStore(url=url, connect_timeout=0)
        assert password not in str(refused.value) and "\n" not in str(refused.value)
        subprocess.run([SCRIPT], check=True, capture_output=True, env={**env, "REDIS_PORT": port})
        asyncio.run(take())  # the same store works again once Redis is back (scripts reloaded)
        with pytest.raises(LockStoreUnusable, match="AuthenticationError"):
            DigiPointLockStore(url=url.replace(password, "wrong"))
    finally:
        subprocess.run([SCRIPT, "destroy"], capture_output=True, env=env, timeout=60, check=False)


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    worker(*sys.argv[2:6])
