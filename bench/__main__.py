"""``make bench``: DigiPoint beside Rasa's starter bot under load, one table.

Runs, one system at a time on the same Rasa install (.venv-rasa):

- moodbot: ``rasa init``'s starter bot as Rasa ships it (bench/moodbot.py),
  one ``rasa run`` process, its REST channel directly;
- embedded: DigiPoint's default profile (bench/stack.py running_stack),
  REST through nginx as a person's browser reaches it;
- production: DigiPoint's production profile (2 Rasa, 2 action servers,
  PostgreSQL, Redis), REST through nginx.

Against each, bench/load.py (its own process) runs closed-loop load with 1, 10
and 50 conversations and an open-loop run (300 conversations, exponential think
time of mean 10 s). DigiPoint conversations replay one whole conversation that
bench/jobseeker.py's ScriptedJobseeker holds on the same stack first; moodbot's
are its own intents. Meanwhile the Rasa processes' resident memory is sampled
and the CPU of every program is read at the window's start and end.

Also prints the training time of the model from scratch and the cost of a turn
over a long conversation (bench/long_conversation.py on the embedded stack).

Usage::

    python -m bench                      # everything, ~15 min
    python -m bench --load-only          # no training time, no long conversation
    python -m bench --quick --systems moodbot,embedded
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import psutil

from bench.jobseeker import Conversation, ScriptedJobseeker
from bench.load import METADATA, result_from_json
from bench.monitor import Monitor, busy
from bench.moodbot import running_moodbot
from bench.report import PhaseRun, SystemRun, render
from bench.stack import MODEL, ROOT, LiveStack, running_stack

SYSTEMS = ("moodbot", "embedded", "production")
RESUME_CODE = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b")


@dataclass(frozen=True)
class Plan:
    """Lengths of the load phases (seconds)."""

    closed_people: tuple[int, ...] = (1, 10, 50)
    closed_warm: float = 5.0
    closed_duration: float = 20.0
    open_people: int = 300
    think: float = 10.0
    open_ramp: float = 10.0
    open_duration: float = 60.0

    def describe(self) -> str:
        """One line saying how the phases were run."""
        return (f"closed loop: next message as soon as the reply arrives, {self.closed_duration:.0f} s "
                f"measured after {self.closed_warm:.0f} s; open loop: {self.open_people} conversations, "
                f"think time exponential, mean {self.think:.0f} s, {self.open_duration:.0f} s measured "
                f"after a {self.open_ramp:.0f} s ramp-up; timeout 30 s; {psutil.cpu_count()} CPU cores "
                "shared by all")


QUICK = Plan(closed_warm=2, closed_duration=8, open_ramp=5, open_duration=15)


def _service_ports(stack: LiveStack) -> tuple[int, ...]:
    """Ports of the stack's PostgreSQL and Redis (production profile), from their URLs."""
    urls = [stack.database_url, stack.tracker_db_url, stack.redis_url]
    return tuple({port for url in urls if url and (port := urlsplit(url).port)})


def run_phase(monitor: Monitor, url: str, script: str, label: str, people: int, think: float,
              warm: float, duration: float) -> PhaseRun:
    """Run bench/load.py for one phase; read every program's CPU when its window opens and closes."""
    command = [sys.executable, "-m", "bench.load", "--url", url, "--script", script, "--people", str(people),
               "--think", str(think), "--warm", str(warm), "--duration", str(duration)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile("w+") as errors, subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors, text=True,
    ) as load:
        assert load.stdout is not None
        marks: dict[str, tuple[float, dict[int, tuple[str, float]], tuple[float, float]]] = {}
        last = ""
        for line in load.stdout:
            last = line.strip()
            if last in ("window-start", "window-end"):
                marks[last] = (time.perf_counter(), {**monitor.cpu(), **_client_cpu(load.pid)}, busy())
        if load.wait() != 0 or len(marks) != 2:
            errors.seek(0)
            raise RuntimeError(f"bench.load failed ({label}):\n{errors.read()[-3000:]}")
    result = result_from_json(json.loads(last))
    (t0, cpu0, busy0), (t1, cpu1, busy1) = marks["window-start"], marks["window-end"]
    by_program: dict[str, float] = {}
    for pid, (name, seconds) in cpu1.items():
        if pid in cpu0:
            by_program[name] = by_program.get(name, 0.0) + 100 * (seconds - cpu0[pid][1]) / (t1 - t0)
    machine = 100 * (busy1[0] - busy0[0]) / max(1e-9, busy1[1] - busy0[1])
    return PhaseRun(label, result, by_program, machine)


def _client_cpu(pid: int) -> dict[int, tuple[str, float]]:
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return {}
    return {pid: ("client", times.user + times.system)}


def phases(monitor: Monitor, url: str, script: str, plan: Plan, system: SystemRun) -> None:
    """Every load phase of the plan against one system, into ``system``."""
    for people in plan.closed_people:
        system.phases.append(run_phase(monitor, url, script, f"closed {people}", people, 0.0,
                                       plan.closed_warm, plan.closed_duration))
        done = system.phases[-1].result
        print(f"   {system.name} closed {people}: {done.msgs_per_s:.1f} msgs/s", flush=True)
    label = f"open {plan.open_people}"
    system.phases.append(run_phase(monitor, url, script, label, plan.open_people, plan.think,
                                   plan.open_ramp, plan.open_duration))
    print(f"   {system.name} {label}: p95 {system.phases[-1].result.p95_ms:.0f} ms", flush=True)


def record_script(stack: LiveStack, path: Path) -> tuple[int, bool]:
    """Hold one whole ScriptedJobseeker conversation; write its messages as a bench/load.py script.

    Then replays the script once under a new sender id. Returns the number of
    turns and whether the replay got the same bot texts (the script is valid).

    Raises:
        RuntimeError: the scripted conversation did not reach its end.
    """
    async def run() -> tuple[list[dict[str, object]], bool]:
        async with httpx.AsyncClient(timeout=60) as client:
            person = ScriptedJobseeker(stack.rasa_url, stack.rasa_token, f"bench-script-{uuid.uuid4().hex}",
                                       metadata=METADATA, api_url=stack.rasa_api_url)
            done = await person.run(client)
            if not done.finished:
                last = "; ".join(f"{t.sent!r} -> {[r.get('text', '')[:60] for r in t.replies]}"
                                 for t in done.turns[-2:])
                raise RuntimeError(f"the scripted conversation did not finish in {len(done.turns)} turns "
                                   f"(last: {last})")
            replay = ScriptedJobseeker(stack.rasa_url, stack.rasa_token, f"bench-replay-{uuid.uuid4().hex}",
                                       metadata=METADATA)
            for turn in done.turns:
                await replay.send(client, turn.sent)
            steps = [{"message": t.sent, "expects_reply": bool(t.replies)} for t in done.turns]
            return steps, _texts(replay.conversation) == _texts(done)

    steps, same = asyncio.run(run())
    path.write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")
    return len(steps), same


def _texts(conversation: Conversation) -> list[str]:
    """The bot's texts with the resume code (new in every conversation) blanked out."""
    return [RESUME_CODE.sub("<code>", text) for text in conversation.bot_texts()]


def bench_moodbot(plan: Plan) -> SystemRun:
    """The load phases against moodbot."""
    system = SystemRun("moodbot", "Rasa's `rasa init` starter bot: one `rasa run` process, in-memory "
                                  "trackers, REST straight to Rasa; hi / I am sad / yes / great / bye")
    with running_moodbot() as bot:
        monitor = Monitor(bot.pid)
        system.rss_after_start = monitor.rasa_rss()
        with monitor.sampling():
            phases(monitor, bot.url, "moodbot", plan, system)
        _memory(system, monitor)
    return system


def bench_digipoint(profile: str, plan: Plan, model: Path, turns: int | None) -> tuple[SystemRun, str | None]:
    """The load phases against a DigiPoint stack; also the long-conversation cost when ``turns``."""
    system = SystemRun(profile, "")
    long_conversation = None
    with tempfile.TemporaryDirectory() as work, running_stack(
        Path(work), profile=profile, extra_env={"RASA_MODEL": str(model)},
    ) as stack:
        stores = "PostgreSQL, Redis lock store" if stack.redis_url else "SQLite, in-process lock store"
        servers = f"{len(stack.action_programs)} action server{'s' * (len(stack.action_programs) > 1)}"
        system.description = (f"DigiPoint {profile} profile: {len(stack.rasa_programs)} Rasa, {servers}, "
                              f"{stores}, REST through nginx")
        monitor = Monitor(stack.pid, marker=work, ports=_service_ports(stack))
        system.rss_after_start = monitor.rasa_rss()
        script = Path(work) / "script.json"
        count, same = record_script(stack, script)
        system.notes.append(f"conversation of {count} messages (ScriptedJobseeker, replayed with new sender "
                            f"ids); a replay gets the same bot texts: {'yes' if same else 'NO'}")
        with monitor.sampling():
            phases(monitor, stack.rasa_url, str(script), plan, system)
        _memory(system, monitor)
        if turns:
            long_conversation = turn_cost(stack, turns)
    return system, long_conversation


def _memory(system: SystemRun, monitor: Monitor) -> None:
    system.rss_peak = dict(monitor.rss_peak)
    system.rasa_total_peak = monitor.rasa_total_peak
    system.stack_total_peak = monitor.total_peak


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
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"},
        )
        return time.perf_counter() - started


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated: " + ",".join(SYSTEMS))
    parser.add_argument("--quick", action="store_true", help="short phases (8 s closed, 15 s open)")
    parser.add_argument("--load-only", action="store_true", help="no training time, no long conversation")
    parser.add_argument("--skip-training", action="store_true", help="do not time a fresh training")
    parser.add_argument("--turns", type=int, default=300, help="turns of the long-conversation run (0: skip)")
    args = parser.parse_args()
    chosen = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(chosen) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown system(s): {', '.join(sorted(unknown))}")
    plan = QUICK if args.quick else Plan()
    turns = 0 if args.load_only else args.turns

    training_s = None if (args.skip_training or args.load_only) else time_training()
    systems: list[SystemRun] = []
    long_conversation = None
    with tempfile.TemporaryDirectory() as keep:
        # Every DigiPoint stack of the run loads the same model, even if it is retrained meanwhile.
        model = Path(shutil.copy2(MODEL, Path(keep) / MODEL.name))
        trained = time.strftime("%Y-%m-%d %H:%M", time.localtime(model.stat().st_mtime))
        digest = hashlib.sha256(model.read_bytes()).hexdigest()[:12]
        for name in (n for n in SYSTEMS if n in chosen):
            print(f"==> {name}", flush=True)
            try:
                if name == "moodbot":
                    systems.append(bench_moodbot(plan))
                else:
                    system, cost = bench_digipoint(name, plan, model, turns if name == "embedded" else None)
                    systems.append(system)
                    long_conversation = long_conversation or cost
            except Exception as error:  # noqa: BLE001  (the other columns are still worth printing)
                print(f"!! {name} failed: {error}", flush=True)
                systems.append(SystemRun(name, "FAILED", notes=[f"FAILED: {type(error).__name__}: {error}"]))
    settings = f"{plan.describe()}\nDigiPoint model: {MODEL.relative_to(ROOT)} of {trained}, sha256 {digest}"
    print(render(systems, [f"closed {n}" for n in plan.closed_people], f"open {plan.open_people}",
                 settings, training_s, long_conversation))


if __name__ == "__main__":
    main()
