"""The side-by-side table ``make bench`` prints (figures measured by bench/__main__.py).

Columns are the systems measured in one run (moodbot, DigiPoint embedded,
DigiPoint production); rows the load phases, memory and the load generator's
own CPU; then the targets of issue 11 with PASS / MISS and where the CPU
went in each measurement window.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import psutil

from bench.load import Result

MIB = 2**20
MEMORY_LIMIT_BYTES = 0.8e9  # "0.8 GB per Rasa process"
OPEN_P95_LIMIT_MS = 300.0
CORES = psutil.cpu_count() or 1


@dataclass
class PhaseRun:
    """One load phase against one system: the generator's figures and the servers' CPU in the window."""

    label: str
    result: Result
    cpu_by_program: dict[str, float] = field(default_factory=dict)  # % of one core
    machine_busy: float = float("nan")  # % of all cores, every process on the machine


@dataclass
class SystemRun:
    """Everything measured on one system (one column)."""

    name: str
    description: str
    phases: list[PhaseRun] = field(default_factory=list)
    rss_after_start: dict[int, int] = field(default_factory=dict)  # Rasa pid -> bytes
    rss_peak: dict[int, int] = field(default_factory=dict)
    rasa_total_peak: int = 0
    stack_total_peak: int = 0
    notes: list[str] = field(default_factory=list)

    def phase(self, label: str) -> Result | None:
        """The load result of phase ``label`` (e.g. "closed 50"), if it ran."""
        return next((p.result for p in self.phases if p.label == label), None)

    def saturation(self) -> float:
        """Best answered msgs/s of the closed-loop phases."""
        closed = [p.result.msgs_per_s for p in self.phases if p.result.mode == "closed"]
        return max(closed, default=float("nan"))


def _num(value: float, digits: int = 0) -> str:
    return "-" if value is None or math.isnan(value) else f"{value:,.{digits}f}"


def _latency(result: Result | None) -> str:
    if result is None:
        return "-"
    return f"{_num(result.p50_ms)} / {_num(result.p95_ms)} / {_num(result.p99_ms)}"


def _errors(result: Result | None) -> str:
    if result is None:
        return "-"
    return f"{result.error_count} of {result.sent}" if result.error_count else "0"


def _mib(values: Sequence[int]) -> str:
    return ", ".join(f"{v / MIB:,.0f}" for v in values) if values else "-"


def _table(columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]], width: int = 24) -> list[str]:
    lines = [f"{'':<36}" + "".join(f"{c:>{width}}" for c in columns)]
    for label, cells in rows:
        lines.append(f"{label:<36}" + "".join(f"{c:>{width}}" for c in cells))
    return lines


def _phase_rows(
    systems: Sequence[SystemRun], label: str, heading: str, open_loop: bool,
) -> list[tuple[str, list[str]]]:
    def cells(get: Callable[[Result], str]) -> list[str]:
        return [get(r) if (r := s.phase(label)) is not None else "-" for s in systems]

    rows = [(heading, [""] * len(systems))]
    if open_loop:
        rows.append(("  offered msgs/s", cells(lambda r: _num(r.offered_per_s, 1))))
    rows += [
        ("  answered msgs/s", cells(lambda r: _num(r.msgs_per_s, 1))),
        ("  p50 / p95 / p99 ms", [_latency(s.phase(label)) for s in systems]),
        ("  errors", [_errors(s.phase(label)) for s in systems]),
    ]
    return rows


def cpu_per_message(system: SystemRun, label: str) -> tuple[float, float, float] | None:
    """CPU milliseconds per answered message in phase ``label``: (all the system's programs, Rasa, client).

    Measured from the CPU seconds each program used in the window, so it does
    not depend on how much of the machine other processes took.
    """
    phase = next((p for p in system.phases if p.label == label), None)
    if phase is None or not phase.result.answered:
        return None
    per_message = phase.result.window_s * 10 / phase.result.answered  # (% of a core) -> ms per message
    server = sum(v for k, v in phase.cpu_by_program.items() if k != "client")
    return (server * per_message, phase.cpu_by_program.get("rasa", 0.0) * per_message,
            phase.cpu_by_program.get("client", 0.0) * per_message)


def ceiling(system: SystemRun, cost: tuple[float, float, float]) -> float:
    """Messages per second the machine's cores could carry at that CPU cost, nothing else running.

    The smaller of: all cores over (the system's + the load generator's CPU per
    message), and one core per Rasa process over Rasa's CPU per message (a Rasa
    process is one event loop: it cannot use more than one core).
    """
    everything, rasa, client = cost
    limits = [1000 * CORES / (everything + client)] if everything + client else []
    if rasa:
        limits.append(1000 * max(1, len(system.rss_peak)) / rasa)
    return min(limits, default=float("nan"))


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def targets(systems: Sequence[SystemRun], open_label: str) -> list[tuple[str, str, str]]:
    """(target, figure, PASS/MISS/n/a) for each target of issue 11."""
    by_name = {s.name: s for s in systems}
    mood, emb, prod = by_name.get("moodbot"), by_name.get("embedded"), by_name.get("production")
    rows: list[tuple[str, str, str]] = []
    floor = mood.saturation() if mood else float("nan")
    for system, factor in ((prod, 2.0), (emb, 1.0)):
        name = "production" if factor == 2.0 else "embedded"
        label = f"{name} saturation >= {'2 x ' if factor == 2.0 else ''}moodbot's"
        best = system.saturation() if system else float("nan")
        if mood is None or math.isnan(floor) or math.isnan(best):
            rows.append((label, "not run", _verdict(None)))
            continue
        figure = f"{best:.1f} vs {factor * floor:.1f} msgs/s ({best / floor:.2f} x)"
        rows.append((label, figure, _verdict(best >= factor * floor)))
    open_result = prod.phase(open_label) if prod else None
    if open_result is None:
        rows.append((f"production open-loop p95 <= {OPEN_P95_LIMIT_MS:.0f} ms", "not run", _verdict(None)))
        rows.append(("production open-loop 0 errors", "not run", _verdict(None)))
    else:
        rows.append((f"production open-loop p95 <= {OPEN_P95_LIMIT_MS:.0f} ms",
                     f"{open_result.p95_ms:,.0f} ms", _verdict(open_result.p95_ms <= OPEN_P95_LIMIT_MS)))
        rows.append(("production open-loop 0 errors", f"{open_result.error_count} of {open_result.sent}",
                     _verdict(open_result.error_count == 0)))
    digipoint = [s for s in (emb, prod) if s is not None and s.rss_peak]
    if digipoint:
        worst = max(max(s.rss_peak.values()) for s in digipoint)
        figure = ", ".join(f"{s.name} {max(s.rss_peak.values()) / MIB:,.0f}" for s in digipoint) + " MiB peak"
        rows.append((f"memory per Rasa process <= 0.8 GB ({MEMORY_LIMIT_BYTES / MIB:.0f} MiB)", figure,
                     _verdict(worst <= MEMORY_LIMIT_BYTES)))
    else:
        rows.append(("memory per Rasa process <= 0.8 GB", "not run", _verdict(None)))
    return rows


def render(
    systems: Sequence[SystemRun], closed_labels: Sequence[str], open_label: str, settings: str,
    training_s: float | None = None, turn_cost: str | None = None,
) -> str:
    """The whole printed report."""
    names = [s.name for s in systems]
    out = ["", f"DigiPoint benchmark: {', '.join(names)} side by side, one run, same Rasa install", settings]
    out += [f"  {s.name:<11} {s.description}" for s in systems]
    rows: list[tuple[str, list[str]]] = []
    for label in closed_labels:
        people = label.split()[-1]
        rows += _phase_rows(systems, label, f"closed loop, {people} conversation(s)", open_loop=False)
    rows.append(("saturation msgs/s (best closed loop)", [_num(s.saturation(), 1) for s in systems]))
    busiest = closed_labels[-1]
    costs = [cpu_per_message(s, busiest) for s in systems]
    rows.append((f"CPU ms per message ({busiest})", [
        f"all {c[0]:.0f} / Rasa {c[1]:.0f}" if c else "-" for c in costs]))
    rows.append(("  ceiling on idle cores, msgs/s", [_num(ceiling(s, c), 1) if c else "-"
                                                    for s, c in zip(systems, costs, strict=True)]))
    open_people = open_label.split()[-1]
    rows += _phase_rows(systems, open_label, f"open loop, {open_people} conversations", open_loop=True)
    rows.append(("Rasa memory (RSS, MiB)", [""] * len(systems)))
    rows.append(("  Rasa processes", [str(len(s.rss_peak) or "-") for s in systems]))
    rows.append(("  per process after start", [_mib(list(s.rss_after_start.values())) for s in systems]))
    rows.append(("  per process peak", [_mib(list(s.rss_peak.values())) for s in systems]))
    rows.append(("  all Rasa processes peak", [_mib([s.rasa_total_peak]) for s in systems]))
    rows.append(("  whole system peak (all programs)", [_mib([s.stack_total_peak]) for s in systems]))
    rows.append(("load generator CPU s in window (%)", [""] * len(systems)))
    for label in [*closed_labels, open_label]:
        rows.append((f"  {label}", [
            f"{r.client_cpu_s:.1f} ({100 * r.client_cpu_s / r.window_s:.0f}%)" if (r := s.phase(label))
            else "-" for s in systems
        ]))
    out += _table(names, rows)
    out += ["", "Errors by kind:"]
    for system in systems:
        for phase in system.phases:
            if phase.result.errors:
                kinds = ", ".join(f"{k} {n}" for k, n in sorted(phase.result.errors.items()))
                out.append(f"  {system.name} {phase.label}: {kinds}")
    if out[-1] == "Errors by kind:":
        out[-1] = "Errors by kind: none"
    out += ["", f"{'Targets (issue 11)':<52}{'figure':<46}result"]
    out += [f"  {t:<50}{figure:<46}{v}" for t, figure, v in targets(systems, open_label)]
    out += ["", "CPU in each window (% of one core; 'other processes' = anything outside the system measured "
                "and its load generator; machine = busy share of all cores):"]
    for system in systems:
        for phase in system.phases:
            ranked = sorted(phase.cpu_by_program.items(), key=lambda kv: -kv[1])
            parts = ", ".join(f"{k} {v:.0f}" for k, v in ranked if v >= 0.5)
            outside = phase.machine_busy * CORES - sum(phase.cpu_by_program.values())
            out.append(f"  {system.name:<11}{phase.label:<11} {parts}; other processes {_num(outside)}; "
                       f"machine {_num(phase.machine_busy)}% busy")
    for system in systems:
        out += [f"  note ({system.name}): {n}" for n in system.notes]
    if training_s is not None:
        out += ["", f"Training time of the DigiPoint model from scratch: {training_s:.0f} s"]
    if turn_cost:
        out += ["", "Cost of a turn over a long conversation (bench/long_conversation.py, embedded stack):",
                turn_cost]
    return "\n".join(out)
