"""Live-server tests use the session-wide ``live_stack`` of tests/conftest.py.

Tests of the production shape (2 Rasa processes, 2 action servers, Redis,
PostgreSQL) use ``production_stack``: the session's ``live_stack`` itself when
it runs the production profile (``DIGIPOINT_TEST_PROFILE=production``, as the
last step of scripts/test_all.sh), else a production stack of their own, so
``pytest tests/live/test_ordering.py`` works on its own too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from bench.stack import LiveStack, StackError, running_stack


@pytest.fixture(scope="session")
def production_stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveStack]:
    """A running production-profile stack (see the module docstring)."""
    if os.environ.get("DIGIPOINT_TEST_PROFILE") == "production":
        yield request.getfixturevalue("live_stack")
        return
    try:
        with running_stack(tmp_path_factory.mktemp("production"), profile="production") as stack:
            yield stack
    except StackError as error:
        pytest.fail(str(error))
