"""Fixtures of the importer tests: fixture directory, a fast-retry HTTP session.

The database comes from the shared fixtures of tests/conftest.py:
``session`` (a real SQLite file with every table) and ``any_session``
(SQLite and PostgreSQL in turn).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests

from bot.catalogue.importers.http import make_session

FIXTURES = Path(__file__).parents[1] / "fixtures" / "importers"


def load_json(relative: str) -> Any:
    """Parsed JSON of a file under tests/fixtures/importers/."""
    return json.loads((FIXTURES / relative).read_text(encoding="utf-8"))


@pytest.fixture()
def http() -> requests.Session:
    """An importer session whose retries back off by 0 s (tests stay fast)."""
    return make_session("test", retries=3, backoff_factor=0.0, timeout=(0.5, 0.5))
