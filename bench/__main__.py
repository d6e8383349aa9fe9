"""``make bench``: scripted whole conversations over REST against the real stack.

Prints, side by side in one run:

- per-turn latency p50 / p95 (ms) of the REST round trip, with 1 and with
  20 concurrent conversations, and messages per second in each case;
- training time of the Rasa model from scratch (seconds);
- the Rasa server's resident memory (RSS, MiB) after loading and at its
  peak during the concurrent run.

Usage: ``python -m bench [--concurrency 20] [--skip-training]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import psutil

from bench.jobseeker import ScriptedJobseeker
from bench.stack import ROOT, LiveStack, running_stack


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of ``values`` (fraction in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def rasa_process(stack: LiveStack) -> psutil.Process:
    """The Rasa server process of the stack (the `rasa run` child)."""
    for child in psutil.Process(stack.pid).children(recursive=True):
        if "rasa" in " ".join(child.cmdline()) and " run " in f" {' '.join(child.cmdline())} ":
            return child
    raise RuntimeError("Rasa server process not found")


async def conversations(stack: LiveStack, count: int) -> tuple[list[float], int, float, int]:
    """Run ``count`` conversations at once; return latencies (s), messages, wall time, finished."""
    limits = httpx.Limits(max_connections=count * 2)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        people = [
            ScriptedJobseeker(stack.rasa_url, stack.rasa_token, f"bench-{uuid.uuid4().hex[:10]}",
                              metadata={"language": "en", "city": "Espoo"}, api_url=stack.rasa_api_url)
            for _ in range(count)
        ]
        started = time.perf_counter()
        done = await asyncio.gather(*(p.run(client) for p in people))
        wall = time.perf_counter() - started
    latencies = [turn.seconds for c in done for turn in c.turns]
    return latencies, len(latencies), wall, sum(c.finished for c in done)


def turn_cost(stack: LiveStack, turns: int) -> str:
    """Run bench/long_conversation.py (Rasa's environment) against the stack's action server.

    Returns:
        Its printed figures: per tracker store (Rasa's SQL store, DigiPoint's
        windowed store) the median turn latency early, midway and at the end
        (ms), and the largest action-server request (KB).

    Raises:
        subprocess.CalledProcessError: the script failed (its output is in the error).
    """
    env = {**os.environ, "ACTION_SERVER_TOKEN": stack.action_server_token, "PYTHONPATH": str(ROOT),
           "RASA_TELEMETRY_ENABLED": "false"}
    done = subprocess.run(
        [str(ROOT / ".venv-rasa" / "bin" / "python"), str(ROOT / "bench" / "long_conversation.py"),
         "--action-url", f"{stack.action_url}/webhook", "--turns", str(turns)],
        env=env, capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return done.stdout.strip()


def time_training() -> float:
    """Seconds to train the model from scratch into a temporary folder."""
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run(
            [str(ROOT / ".venv-rasa" / "bin" / "rasa"), "train", "--out", out, "--quiet", "--force"],
            cwd=ROOT, check=True, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL,
        )
        return time.perf_counter() - started


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--skip-training", action="store_true", help="do not time a fresh training")
    parser.add_argument("--turns", type=int, default=300, help="turns of the long-conversation run")
    args = parser.parse_args()

    training_s = None if args.skip_training else time_training()
    rows: list[tuple[str, str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as work, running_stack(Path(work)) as stack:
        rasa = rasa_process(stack)
        rss_loaded = rasa.memory_info().rss
        asyncio.run(conversations(stack, 1))  # warm-up
        peak = [rss_loaded]
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], rasa.memory_info().rss)
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        for count in (1, args.concurrency):
            latencies, messages, wall, finished = asyncio.run(conversations(stack, count))
            rows.append((
                f"{count} conversation(s)",
                f"{statistics.median(latencies) * 1000:.0f}",
                f"{percentile(latencies, 0.95) * 1000:.0f}",
                f"{messages / wall:.1f}",
                f"{finished}/{count}",
            ))
        stop.set()
        sampler.join()
        long_conversation = turn_cost(stack, args.turns)

    print("\nDigiPoint benchmark: scripted whole conversations over REST")
    print(f"{'load':<22}{'p50 ms':>8}{'p95 ms':>8}{'msg/s':>8}{'finished':>10}")
    for row in rows:
        print(f"{row[0]:<22}{row[1]:>8}{row[2]:>8}{row[3]:>8}{row[4]:>10}")
    print(f"Rasa server RSS: {rss_loaded / 2**20:.0f} MiB loaded, {peak[0] / 2**20:.0f} MiB peak")
    if training_s is not None:
        print(f"Training time (from scratch): {training_s:.0f} s")
    print(f"\nCost of a turn over {args.turns} turns (bench/long_conversation.py):")
    print(long_conversation)


if __name__ == "__main__":
    main()
