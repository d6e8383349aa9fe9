"""Where a turn's time goes: CPU per program per message, and the Rasa server's CPU by part.

``make profile`` (or ``python -m bench.profile_turn [--people 10] [--seconds 20]``)
starts the embedded default stack (bench/stack.py), records one whole scripted
conversation (bench/jobseeker.py), replays it with ``--people`` closed-loop
conversations (bench/load.py, its own process) and meanwhile samples the Rasa
server with py-spy (PyPI ``py-spy``, 50 samples/s, idle threads left out).

Prints:

- msgs/s and p50/p95 of the window;
- CPU milliseconds per message of each program (rasa, actions, nginx, ...);
- the share of the Rasa server's busy samples per part of a turn: NLU,
  dialogue policies, action-server calls, form logic, tracker store read and
  write, lock store, channel/HTTP, other. A sample counts for the first part
  (in that order) whose function is on its stack.

The figures of docs/performance.md come from this script.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.__main__ import record_script
from bench.monitor import Monitor
from bench.stack import ROOT, running_stack

# (part, marks), first match wins. A mark is "function@file" text; a key
# matches a frame when each of its "&"-separated pieces is in the mark.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("NLU (tokenizer, featurizers, classifier, graph runner)", ("_parse_message_with_graph@",)),
    ("action-server calls (body, HTTP, answer check)",
     ("action_client.py", "_utter_responses@", "request@&action_guard.py")),
    ("dialogue policies (rules, memoization)", ("_predict_next_with_tracker@",)),
    ("tracker store read (window, replay)", ("_retrieve_window@", "_retrieve_full@", "tracker_window.py")),
    ("tracker store write", ("_save@&tracker_store.py",)),
    ("forms and Rasa's own actions", ("loops.py", "forms.py", "_run_action@")),
    ("lock store", ("lock_store.py",)),
    ("channel, HTTP server, logging", ("sanic", "rest_channel.py", "channel.py")),
)
IDLE_LEAVES = frozenset({"_worker", "serve", "run_forever", "select", "poll", "wait", "_run_once"})


def parts_of(profile_path: Path) -> tuple[float, Counter[str]]:
    """Busy sample seconds and seconds per part, from a py-spy speedscope file."""
    data = json.loads(profile_path.read_text())
    frames = data["shared"]["frames"]
    shares: Counter[str] = Counter()
    total = 0.0
    for thread in data["profiles"]:
        for stack, weight in zip(thread["samples"], thread["weights"], strict=True):
            chain = [frames[i] for i in stack]
            if not chain or chain[-1]["name"] in IDLE_LEAVES:
                continue
            total += weight
            marks = [f"{f['name']}@{f.get('file', '')}" for f in chain]
            for part, keys in PARTS:
                if any(all(piece in mark for piece in key.split("&")) for key in keys for mark in marks):
                    shares[part] += weight
                    break
            else:
                shares["other (events, asyncio, garbage collection)"] += weight
    return total, shares


def main() -> None:
    """Run the profile and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    py_spy = shutil.which("py-spy") or str(ROOT / ".venv" / "bin" / "py-spy")
    with tempfile.TemporaryDirectory() as work, running_stack(Path(work)) as stack:
        script = Path(work) / "script.json"
        record_script(stack, script)
        monitor = Monitor(stack.pid)
        rasa_pid = next(pid for pid, (_, name) in monitor.processes().items() if name == "rasa")
        profile = Path(work) / "rasa.speedscope.json"
        before = monitor.cpu()
        spy = subprocess.Popen(
            [py_spy, "record", "-p", str(rasa_pid), "-d", str(int(args.seconds) + 3), "--rate", "50",
             "-f", "speedscope", "-o", str(profile)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        load = subprocess.run(
            [sys.executable, "-m", "bench.load", "--url", stack.rasa_url, "--script", str(script),
             "--people", str(args.people), "--warm", "3", "--duration", str(args.seconds)],
            capture_output=True, text=True, check=True, cwd=ROOT)
        after = monitor.cpu()
        spy.wait(timeout=120)
        total, shares = parts_of(profile)
    result = json.loads(load.stdout.strip().splitlines()[-1])
    sent = max(1, result["sent"])
    errors = sum(result["errors"].values())
    print(f"\n{args.people} closed-loop conversations, {args.seconds:.0f} s: "
          f"{result['msgs_per_s']:.1f} msgs/s, "
          f"p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, errors {errors}")
    per_program: Counter[str] = Counter()
    for pid, (name, seconds) in after.items():
        per_program[name] += seconds - before.get(pid, (name, 0.0))[1]
    print("CPU per message (ms, whole run incl. warm-up / messages sent in the window):")
    for name, seconds in per_program.most_common():
        print(f"  {name:<12}{seconds / sent * 1000:8.1f}")
    print("Rasa server, share of busy samples per part of a turn:")
    for part, seconds in shares.most_common():
        print(f"  {seconds / total * 100:5.1f} %  {part}")


if __name__ == "__main__":
    main()
