"""A bounded pool of worker threads, each with its own running asyncio event loop.

The action server's Sanic loop must never run an action itself: rasa-sdk calls
a synchronous ``run()`` directly on the loop, and the ``async`` actions do
blocking database and matching work too, so one slow catalogue search would
stall every other conversation. :class:`LoopThreadPool` runs each call in one
of ``size`` daemon threads instead. Every thread runs its own event loop
forever, so an ``async`` action runs there, and a background task it starts
(``asyncio.get_running_loop().create_task``, as ``action_delete_my_data``
does) keeps running on that loop after the action returned.

A thread serves one call at a time. A call waits (without blocking the Sanic
loop) for a free thread; the time limit of :meth:`LoopThreadPool.run` covers
the wait and the work. A call that is still running when its limit passes
keeps its thread until it ends (Python cannot stop a thread), so at most
``size`` calls run at once and the rest wait or time out: a stuck database
costs apologies, never an unbounded number of threads.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class _LoopThread:
    """A daemon thread running a fresh asyncio event loop until :meth:`stop`."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:  # stopped: end what is still pending on this loop, quietly
            pending = asyncio.all_tasks(self.loop)
            for task in pending:
                task.cancel()
            self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self.loop.close()

    def stop(self) -> None:
        """Ask the loop to stop after the callbacks already scheduled (does not wait)."""
        if not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.loop.stop)


async def _call(make_coroutine: Callable[[], Coroutine[Any, Any, T]]) -> T:
    return await make_coroutine()


class LoopThreadPool:
    """At most ``size`` coroutines at once, each on a worker thread's own event loop.

    Create it anywhere; the threads start on the first :meth:`run`, on the
    event loop that awaits it (the Sanic worker's loop), never at import or
    when the object is pickled into Sanic's worker process.

    Args:
        size: number of worker threads (>= 1).
        name: prefix of the threads' names (seen in py-spy and thread dumps).

    Raises:
        ValueError: ``size`` < 1.
    """

    def __init__(self, size: int, name: str = "action") -> None:
        if size < 1:
            raise ValueError(f"a worker pool needs at least one thread, not {size}")
        self.size = size
        self.name = name
        self._threads: list[_LoopThread] = []
        self._idle: asyncio.Queue[_LoopThread] | None = None
        self._home: asyncio.AbstractEventLoop | None = None

    def _start(self) -> asyncio.Queue[_LoopThread]:
        home = asyncio.get_running_loop()
        if self._idle is None or self._home is not home:
            self.stop()
            self._home = home
            self._idle = asyncio.Queue()
            self._threads = [_LoopThread(f"{self.name}-{i + 1}") for i in range(self.size)]
            for worker in self._threads:
                self._idle.put_nowait(worker)
        return self._idle

    @property
    def busy(self) -> int:
        """Threads serving a call right now (0 before the first call)."""
        return 0 if self._idle is None else self.size - self._idle.qsize()

    async def run(self, make_coroutine: Callable[[], Coroutine[Any, Any, T]], limit: float) -> T:
        """Await ``make_coroutine()`` run on a free worker thread, within ``limit`` seconds.

        Args:
            make_coroutine: called on the worker thread to create the coroutine
                (so it belongs to that thread's loop).
            limit: seconds for waiting for a thread plus running the call.

        Returns:
            What the coroutine returned.

        Raises:
            TimeoutError: the limit passed (waiting or running). A call that
                had started goes on until it returns, on its thread (which
                stays taken until then), and its result is dropped.
            Exception: whatever the coroutine raised.
        """
        idle = self._start()
        home = asyncio.get_running_loop()

        def release(worker: _LoopThread) -> None:
            with contextlib.suppress(RuntimeError):  # the server loop has closed: nothing to free
                home.call_soon_threadsafe(idle.put_nowait, worker)

        async with asyncio.timeout(limit):
            worker = await idle.get()
            future = asyncio.run_coroutine_threadsafe(_call(make_coroutine), worker.loop)
            # Never cancelled, so this fires when the work has really ended.
            future.add_done_callback(lambda _done: release(worker))
            return await asyncio.shield(asyncio.wrap_future(future))

    def stop(self) -> None:
        """Stop every worker loop (calls still running finish first); for shutdown and tests."""
        for worker in self._threads:
            worker.stop()
        self._threads = []
        self._idle = None
        self._home = None
