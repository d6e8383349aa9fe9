"""The processes of a system under benchmark: Rasa's resident memory and every program's CPU.

Used by bench/__main__.py: :class:`Monitor` finds the processes of one system
(a pid and its descendants, plus the servers listening on given ports, e.g.
PostgreSQL and Redis started outside supervisord), names each by its command
line (rasa, actions, nginx, postgres, ...), samples the Rasa processes' RSS in
a thread and reads CPU seconds on demand.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import psutil


def program_of(cmdline: list[str]) -> str:
    """Which program a process is, from its command line."""
    text = " ".join(cmdline)
    for marker, name in (("rasa_launch.py", "rasa"), ("bin/rasa run", "rasa"), ("actions.server", "actions"),
                         ("bot.worker", "worker"), ("uvicorn", "web"), ("nginx", "nginx"),
                         ("postgres", "postgres"), ("redis-server", "redis"), ("supervisor", "supervisord"),
                         ("reaper", "supervisord"), ("bench.load", "client")):
        if marker in text:
            return name
    return "other"


class Monitor:
    """The processes of one system: Rasa RSS (sampled every 0.25 s) and CPU snapshots.

    Args:
        root: pid whose descendants (and itself) belong to the system.
        marker: a string in the command line of other processes that belong to it
            (e.g. the stack's work folder).
        ports: TCP ports of its servers started outside ``root`` (PostgreSQL,
            Redis): the listening processes and their descendants belong to it.
    """

    def __init__(self, root: int, marker: str | None = None, ports: tuple[int, ...] = ()) -> None:
        self.root, self.marker = root, marker
        self.service_roots = _listeners(ports)
        self.rss_peak: dict[int, int] = {}
        self.rasa_total_peak = 0
        self.total_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def processes(self) -> dict[int, tuple[psutil.Process, str]]:
        """pid -> (process, program) of everything that belongs to the system now."""
        found: dict[int, psutil.Process] = {}
        for root in (self.root, *self.service_roots):
            try:
                top = psutil.Process(root)
                found.update({p.pid: p for p in [top, *top.children(recursive=True)]})
            except psutil.NoSuchProcess:
                pass
        if self.marker:
            for proc in psutil.process_iter(["cmdline"]):
                if self.marker in " ".join(proc.info["cmdline"] or []):
                    found.setdefault(proc.pid, proc)
        named = {}
        for pid, proc in found.items():
            try:
                named[pid] = (proc, program_of(proc.cmdline()))
            except psutil.Error:
                continue
        return named

    def rasa_rss(self) -> dict[int, int]:
        """pid -> RSS (bytes) of every Rasa process now."""
        out = {}
        for pid, (proc, name) in self.processes().items():
            if name == "rasa":
                try:
                    out[pid] = proc.memory_info().rss
                except psutil.Error:
                    continue
        return out

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            rasa, total = 0, 0
            for pid, (proc, name) in self.processes().items():
                try:
                    rss = proc.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                if name == "rasa":
                    rasa += rss
                    self.rss_peak[pid] = max(self.rss_peak.get(pid, 0), rss)
            self.rasa_total_peak = max(self.rasa_total_peak, rasa)
            self.total_peak = max(self.total_peak, total)

    def cpu(self) -> dict[int, tuple[str, float]]:
        """pid -> (program, CPU seconds user + system) now."""
        out = {}
        for pid, (proc, name) in self.processes().items():
            try:
                times = proc.cpu_times()
            except psutil.Error:
                continue
            out[pid] = (name, times.user + times.system)
        return out

    @contextmanager
    def sampling(self) -> Iterator[None]:
        """Sample RSS in a thread for the duration of the block."""
        self._thread.start()
        try:
            yield
        finally:
            self._stop.set()
            self._thread.join()


def _listeners(ports: tuple[int, ...]) -> tuple[int, ...]:
    """Pids listening on any of ``ports`` (TCP)."""
    if not ports:
        return ()
    return tuple({c.pid for c in psutil.net_connections("tcp")
                  if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port in ports and c.pid})


def busy() -> tuple[float, float]:
    """CPU seconds of the whole machine: (busy, total) since boot."""
    times = psutil.cpu_times()
    idle = times.idle + getattr(times, "iowait", 0.0)
    return sum(times) - idle, sum(times)
