"""The real DigiPoint stack for end-to-end tests: Rasa, action server, web app.

``live_stack`` (session scope) starts bench.stack.running_stack once per test
session: fresh SQLite files (migrated, sample catalogue loaded), the trained
model, ports 15005 / 15055 / 18080 so a developer's own ``make run`` keeps
working (DIGIPOINT_TEST_PORT_OFFSET, default 10000, moves them).
``make test`` trains the model before these tests run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from bench.stack import LiveStack, StackError, running_stack

__all__ = ["LiveStack", "live_stack"]


@pytest.fixture(scope="session")
def live_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    """Start the whole stack once per test session; yield its addresses."""
    try:
        offset = int(os.environ.get("DIGIPOINT_TEST_PORT_OFFSET", "10000"))
        with running_stack(tmp_path_factory.mktemp("stack"), port_offset=offset) as stack:
            yield stack
    except StackError as error:
        pytest.fail(str(error))
