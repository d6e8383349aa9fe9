"""Load generator: simulated people chatting over Rasa's REST channel.

Each simulated person holds whole conversations, one message at a time:
``POST <url>/webhooks/rest/webhook`` with ``{"sender", "message",
"metadata": {"language": "en", "city": "Espoo"}}`` (httpx.AsyncClient, one
shared connection pool). When a conversation's script ends, the person starts
a new one with a new sender id; after an error it also starts over (1 s later).

- closed loop (``--think 0``): ``--people`` people, each sending its next
  message as soon as the reply arrives;
- open loop (``--think 10``): before every message a person waits an
  exponentially distributed think time (mean ``--think`` s); the people start
  spread over ``--warm`` s, so about people / think messages per second are
  offered whatever the server does.

Only requests started in the measurement window (``--duration`` s after
``--warm`` s) count; they are let finish after it. An error is a status other
than 200, no answer within 30 s, a connection failure, an empty reply list
where the script expects a reply, or a reply that is DigiPoint's apology
(faults.try_again / slow_answer). Latencies (p50/p95/p99, nearest rank) are
of every counted request, errors included; msgs/s counts answered ones.

The script is JSON: ``[{"message": "hi", "expects_reply": true}, ...]``
(bench/__main__.py records one from bench/jobseeker.py's ScriptedJobseeker),
or the built-in moodbot loop (``--script moodbot``).

Usage (prints "window-start" and "window-end" as the window opens and closes,
then one JSON object: the phase's figures and the generator's own CPU seconds)::

    .venv/bin/python -m bench.load --url http://127.0.0.1:5005 --script moodbot --people 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bot.locale import catalogue

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 30.0
METADATA = {"language": "en", "city": "Espoo"}
MOODBOT_SCRIPT = ("hi", "I am sad", "yes", "great", "bye")


def _apologies() -> frozenset[str]:
    faults = catalogue.topic_texts("faults")
    return frozenset(text for key in ("try_again", "slow_answer") for text in faults[key].values())


APOLOGIES = _apologies()


@dataclass(frozen=True)
class Step:
    """One message of a conversation and whether the bot must answer it."""

    message: str
    expects_reply: bool = True


def load_script(spec: str) -> list[Step]:
    """``moodbot`` (the starter bot's loop) or the path of a JSON script."""
    if spec == "moodbot":
        return [Step(m) for m in MOODBOT_SCRIPT]
    steps = json.loads(Path(spec).read_text(encoding="utf-8"))
    return [Step(s["message"], bool(s.get("expects_reply", True))) for s in steps]


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of ``values`` (fraction in 0..1); NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


@dataclass
class Result:
    """The figures of one load phase (requests started in the window)."""

    mode: str
    people: int
    think_s: float
    window_s: float
    sent: int = 0
    answered: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    conversations_finished: int = 0
    msgs_per_s: float = 0.0
    offered_per_s: float = 0.0
    p50_ms: float = float("nan")
    p95_ms: float = float("nan")
    p99_ms: float = float("nan")
    max_ms: float = float("nan")
    client_cpu_s: float = 0.0  # the generator's own CPU in the window
    client_cpu_total_s: float = 0.0
    wall_s: float = 0.0

    @property
    def error_count(self) -> int:
        """All errors, of every kind."""
        return sum(self.errors.values())


class Recorder:
    """Collects the requests that started inside the measurement window."""

    def __init__(self, window_start: float, window_end: float) -> None:
        self.window_start, self.window_end = window_start, window_end
        self.latencies: list[float] = []
        self.errors: Counter[str] = Counter()
        self.sent = 0
        self.finished = 0

    def counts(self, started: float) -> bool:
        """Whether a request started at ``started`` (perf_counter) is measured."""
        return self.window_start <= started < self.window_end

    def add(self, started: float, seconds: float, error: str | None) -> None:
        """Record one request (``error`` is its kind, or None when it was answered)."""
        if self.counts(started):
            self.sent += 1
            self.latencies.append(seconds)
            if error:
                self.errors[error] += 1


async def send(client: httpx.AsyncClient, url: str, sender: str, step: Step) -> str | None:
    """Send one message; return the kind of error, or None when it was answered properly."""
    try:
        body = {"sender": sender, "message": step.message, "metadata": METADATA}
        response = await client.post(url, json=body)
    except httpx.TimeoutException:
        return "timeout"
    except httpx.HTTPError as error:
        return f"connection ({type(error).__name__})"
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    try:
        replies = response.json()
    except ValueError:
        return "not JSON"
    if step.expects_reply and not replies:
        return "empty reply"
    if any(isinstance(r, dict) and r.get("text") in APOLOGIES for r in replies):
        return "apology"
    return None


async def person(
    client: httpx.AsyncClient, url: str, script: Sequence[Step], recorder: Recorder,
    think_s: float, rng: random.Random, start_delay: float,
) -> None:
    """One simulated person: whole conversations until the window ends."""
    await asyncio.sleep(start_delay)
    while time.perf_counter() < recorder.window_end:
        sender = f"bench-{uuid.uuid4().hex[:16]}"
        for step in script:
            if think_s:
                pause = rng.expovariate(1 / think_s)
                if time.perf_counter() + pause >= recorder.window_end:
                    return
                await asyncio.sleep(pause)
            started = time.perf_counter()
            if started >= recorder.window_end:
                return
            error = await send(client, url, sender, step)
            recorder.add(started, time.perf_counter() - started, error)
            if error:
                await asyncio.sleep(1.0)
                break
        else:
            if recorder.counts(time.perf_counter()):
                recorder.finished += 1


async def _window(recorder: Recorder, on_window: Callable[[str], None] | None) -> float:
    """Wait through the window, telling ``on_window``; return the CPU seconds used in it."""
    await asyncio.sleep(max(0.0, recorder.window_start - time.perf_counter()))
    if on_window:
        on_window("window-start")
    cpu = time.process_time()
    await asyncio.sleep(max(0.0, recorder.window_end - time.perf_counter()))
    cpu = time.process_time() - cpu
    if on_window:
        on_window("window-end")
    return cpu


async def run_phase(
    base_url: str, script: Sequence[Step], people: int, think_s: float, warm_s: float, duration_s: float,
    seed: int = 11, on_window: Callable[[str], None] | None = None,
) -> Result:
    """Run one phase against ``base_url`` and return its figures (see the module doc).

    ``on_window`` is called with "window-start" and "window-end" when the
    measurement window opens and closes (the caller can sample the servers).
    """
    url = f"{base_url.rstrip('/').replace('//localhost', '//127.0.0.1')}/webhooks/rest/webhook"
    limits = httpx.Limits(max_connections=people, max_keepalive_connections=people, keepalive_expiry=60)
    rng = random.Random(seed)
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    async with httpx.AsyncClient(timeout=TIMEOUT_S, limits=limits) as client:
        begin = time.perf_counter()
        recorder = Recorder(begin + warm_s, begin + warm_s + duration_s)
        # Closed loop: everyone at once (the warm-up absorbs the start);
        # open loop: starts spread over the warm-up.
        delays = [rng.uniform(0, warm_s) if think_s else 0.0 for _ in range(people)]
        people_done = asyncio.gather(*(
            person(client, url, script, recorder, think_s, random.Random(rng.random()), delay)
            for delay in delays
        ))
        window_cpu = await _window(recorder, on_window)
        await people_done
    latencies = recorder.latencies
    return Result(
        mode="open" if think_s else "closed",
        people=people,
        think_s=think_s,
        window_s=duration_s,
        sent=recorder.sent,
        answered=recorder.sent - sum(recorder.errors.values()),
        errors=dict(recorder.errors),
        conversations_finished=recorder.finished,
        msgs_per_s=(recorder.sent - sum(recorder.errors.values())) / duration_s,
        offered_per_s=recorder.sent / duration_s,
        p50_ms=percentile(latencies, 0.50) * 1000,
        p95_ms=percentile(latencies, 0.95) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
        max_ms=max(latencies, default=float("nan")) * 1000,
        client_cpu_s=window_cpu,
        client_cpu_total_s=time.process_time() - cpu_started,
        wall_s=time.perf_counter() - wall_started,
    )


def result_from_json(data: dict[str, Any]) -> Result:
    """A :class:`Result` from the JSON this module prints."""
    return Result(**data)


def main(argv: Sequence[str] | None = None) -> None:
    """Run one phase and print its figures as one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="base URL of the REST channel, e.g. http://127.0.0.1:5005")
    parser.add_argument("--script", default="moodbot", help="'moodbot' or a JSON script file")
    parser.add_argument("--people", type=int, default=10, help="simulated people (concurrent conversations)")
    parser.add_argument("--think", type=float, default=0.0, help="mean think time (s); 0 = closed loop")
    parser.add_argument("--warm", type=float, help="seconds before the window (ramp-up); default 5")
    parser.add_argument("--duration", type=float, help="seconds measured; default 20")
    parser.add_argument("--quick", action="store_true", help="defaults of 2 s warm-up, 8 s measured")
    args = parser.parse_args(argv)
    default_warm, default_duration = (2.0, 8.0) if args.quick else (5.0, 20.0)
    args.warm = default_warm if args.warm is None else args.warm
    args.duration = default_duration if args.duration is None else args.duration
    result = asyncio.run(run_phase(args.url, load_script(args.script), args.people, args.think,
                                   args.warm, args.duration, on_window=lambda mark: print(mark, flush=True)))
    print(json.dumps(asdict(result)))


if __name__ == "__main__":
    main()
