"""Run a coroutine from a synchronous test, whatever else runs in the process."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)``; in a worker thread when this thread already has a running loop.

    Playwright's sync API (tests/browser) leaves an event loop running in the
    main thread, so a plain ``asyncio.run`` in a live test collected after a
    browser test raised "cannot be called from a running event loop".
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
