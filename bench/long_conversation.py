"""Cost of a turn in a long conversation: Rasa's SQL store vs DigiPoint's windowed store.

Runs in the Rasa environment, in process (no HTTP between the person and Rasa),
against a running action server::

    ACTION_SERVER_TOKEN=$(cat var/action_server_token) PYTHONPATH=. \\
        .venv-rasa/bin/python bench/long_conversation.py \\
        --action-url http://127.0.0.1:5055/webhook --turns 300 --store both

``make bench`` runs it against the benchmark's own stack (bench/__main__.py).
The action server refuses calls without ``ACTION_SERVER_TOKEN`` (sent as
``Authorization: Bearer``), so the environment must carry the stack's token.

Each store gets a fresh SQLite tracker file and the same scripted messages
(greetings, help, thanks, the goal form). Prints per store the median latency
of turns 5-15, 145-155 and the last ten (ms), the largest action-server request
(KB, the JSON Rasa posts: domain + tracker events), the stored event count,
and whether both stores gave the same replies turn by turn.

Measured 2026-12-01 (2 shared cores, 300 turns, 2,705 events): Rasa SQL
238 / 737 / 1,373 ms, request 36 KB -> 1,208 KB; DigiPoint window 100
213 / 246 / 243 ms (turn 300 = 1.14 x turn 10), request at most 83 KB;
same replies on all 300 turns, 2,705 events stored by both.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = ["hello", "what can you do", "help", "thanks", "who are you", "I want a job"]


async def converse(
    store_kind: str, turns: int, action_url: str, model: str, work: Path, token: str = ""
) -> dict[str, Any]:
    """One conversation of ``turns`` messages; latencies (s), request sizes (bytes), replies."""
    from rasa.core.actions import action as action_module
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.lock_store import InMemoryLockStore
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.utils.endpoints import EndpointConfig

    from rasa_addons.tracker_store import DigiPointSQLTrackerStore

    sizes: list[int] = []
    original = action_module.RemoteAction._action_call_format

    def measured(self: Any, tracker: Any, domain: Any) -> Any:
        payload = original(self, tracker, domain)
        sizes.append(len(json.dumps(payload)))
        return payload

    action_module.RemoteAction._action_call_format = measured  # type: ignore[method-assign]
    headers = {"Authorization": f"Bearer {token}"} if token else None
    url = f"sqlite:///{work / f'{store_kind}.db'}"
    store = SQLTrackerStore(host=url) if store_kind == "rasa" else DigiPointSQLTrackerStore(host=url)
    agent = Agent.load(model, tracker_store=store, lock_store=InMemoryLockStore(),
                       action_endpoint=EndpointConfig(action_url, headers=headers))
    times, replies = [], []
    for i in range(turns):
        output = CollectingOutputChannel()
        started = time.perf_counter()
        await agent.handle_message(UserMessage(MESSAGES[i % len(MESSAGES)], output, "bench-long",
                                               metadata={"language": "en"}))
        times.append(time.perf_counter() - started)
        replies.append([m.get("text", "") for m in output.messages])
    full = await agent.tracker_store.retrieve_full_tracker("bench-long")
    action_module.RemoteAction._action_call_format = original  # type: ignore[method-assign]
    return {"times": times, "sizes": sizes, "replies": replies, "events": len(full.events)}


def main() -> None:
    """Parse the arguments, run the conversations, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--action-url", default="http://localhost:5055/webhook")
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--store", choices=["rasa", "digipoint", "both"], default="both")
    parser.add_argument("--model", default=str(ROOT / "models" / "digipoint.tar.gz"))
    args = parser.parse_args()
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(40)  # ERROR: Rasa's debug lines would dominate the timings
    token = os.environ.get("ACTION_SERVER_TOKEN", "")
    kinds = ["rasa", "digipoint"] if args.store == "both" else [args.store]
    results = {}
    with tempfile.TemporaryDirectory() as work:
        for kind in kinds:
            results[kind] = asyncio.run(
                converse(kind, args.turns, args.action_url, args.model, Path(work), token)
            )
    for kind, result in results.items():
        t = result["times"]
        spans = ((5, 15), (145, 155), (len(t) - 10, len(t)))
        ms = [statistics.median(t[max(0, a):b] or t) * 1000 for a, b in spans]
        print(f"{kind:10s} turns 5-15 {ms[0]:.0f} ms, 145-155 {ms[1]:.0f} ms, last ten {ms[2]:.0f} ms "
              f"(ratio {ms[2] / ms[0]:.2f}); request max {max(result['sizes']) / 1000:.0f} KB; "
              f"{result['events']} events stored")
    if len(results) == 2:
        same = results["rasa"]["replies"] == results["digipoint"]["replies"]
        print(f"same replies on every turn: {same}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
