"""One person's messages stay in order when two Rasa processes serve them (production profile).

20 people at once each send two messages 50 ms apart: the first to Rasa
process 1's REST webhook, the second to process 2's (internal ports, no
nginx). Process 2 must wait until process 1 has finished the first message
(rasa_addons.lock_store on Redis), so each tracker holds both user messages,
once each, in order, each followed by its own bot reply: nothing lost,
duplicated or reordered.

Without a shared lock store it fails. Checked by hand once (2026-12-02) with
``DIGIPOINT_TEST_LOCK_STORE_URL=memory:// .venv/bin/python -m pytest -q
tests/live/test_ordering.py`` (two processes, each with its own in-memory
locks): all 20 conversations wrong. In every one, process 2 read the tracker
before process 1 had stored the first message, so both started a session
(2 session starts) and the second message was answered as on a blank
tracker (the same welcome as the first); in 7 of 20 the second message was
even stored before the first. With Redis: 0 of 20.
"""

from __future__ import annotations

import asyncio
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from bench.stack import LiveStack

PEOPLE = 20
GAP_S = 0.05
FIRST, SECOND = "hi", "I want a job"


async def _person(client: httpx.AsyncClient, urls: tuple[str, ...], sender: str) -> list[httpx.Response]:
    async def say(url: str, text: str) -> httpx.Response:
        return await client.post(
            f"{url}/webhooks/rest/webhook",
            json={"sender": sender, "message": text, "metadata": {"language": "en", "city": "Espoo"}},
        )

    first = asyncio.create_task(say(urls[0], FIRST))
    await asyncio.sleep(GAP_S)
    second = asyncio.create_task(say(urls[1], SECOND))
    return [await first, await second]


def problems(events: list[dict[str, Any]]) -> list[str]:
    """What is wrong with one tracker: lost, duplicated or reordered messages and replies."""
    found = []
    users = [(i, e.get("text")) for i, e in enumerate(events) if e["event"] == "user"]
    texts = [text for _, text in users]
    for text in (FIRST, SECOND):
        if texts.count(text) == 0:
            found.append(f"lost {text!r}")
        elif texts.count(text) > 1:
            found.append(f"{text!r} {texts.count(text)} times")
    if texts.count(FIRST) == 1 and texts.count(SECOND) == 1:
        first_at, second_at = (i for i, text in users if text in (FIRST, SECOND))
        if events[first_at].get("text") != FIRST:
            found.append("second message stored before the first")
        bots = [[e.get("text") for e in events[a + 1:b] if e["event"] == "bot"]
                for a, b in ((first_at, second_at), (second_at, len(events)))]
        if not bots[0]:
            found.append("no bot reply between the first and the second message")
        if not bots[1]:
            found.append("no bot reply after the second message")
        if bots[0] and bots[0] == bots[1]:
            found.append("the second message got the first one's reply (handled on a blank tracker)")
    starts = sum(1 for e in events if e["event"] == "session_started")
    if starts != 1:
        found.append(f"{starts} session starts")
    return found


def test_two_messages_of_a_person_on_two_processes_stay_in_order(production_stack: LiveStack) -> None:
    stack = production_stack
    assert len(stack.rasa_internal_urls) >= 2
    senders = [f"order-{uuid.uuid4().hex[:12]}" for _ in range(PEOPLE)]

    async def everyone() -> list[list[httpx.Response]]:
        limits = httpx.Limits(max_connections=PEOPLE * 2)
        async with httpx.AsyncClient(timeout=180, limits=limits) as client:
            return await asyncio.gather(*(_person(client, stack.rasa_internal_urls, s) for s in senders))

    # In a thread of its own: Playwright's sync API (tests/browser in the same
    # session) keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as thread:
        answers = thread.submit(asyncio.run, everyone()).result()
    refused = [(s, r.status_code) for s, pair in zip(senders, answers, strict=True) for r in pair
               if r.status_code != 200 or not r.json()]
    report = {}
    for sender in senders:
        found = problems(stack.tracker(sender)["events"])
        if found:
            report[sender] = found
    assert not refused, refused
    assert not report, f"{len(report)} of {PEOPLE} conversations wrong: {report}"
