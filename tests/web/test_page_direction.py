"""Pages carry the locale's language and writing direction (bot/locale/locales.yml)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from bot.config import get_settings
from bot.locale import registry
from bot.web.app import create_app

HTML = re.compile(r'<html lang="([^"]+)" dir="([^"]+)">')


@pytest.fixture()
def client() -> TestClient:
    get_settings.cache_clear()
    return TestClient(create_app())


@pytest.mark.parametrize("path", ["/", "/turku/fi/", "/espoo/sv/", "/vantaa/en/", "/turku/de/"])
def test_every_page_says_its_language_and_left_to_right(client: TestClient, path: str) -> None:
    found = HTML.search(client.get(path).text)
    assert found is not None and found.group(2) == "ltr"
    assert registry.is_supported(found.group(1))


def test_a_right_to_left_locale_turns_the_page_around(
    client: TestClient, swedish_right_to_left: None
) -> None:
    found = HTML.search(client.get("/espoo/sv/").text)
    assert found is not None and found.groups() == ("sv", "rtl")
    found = HTML.search(client.get("/espoo/fi/").text)
    assert found is not None and found.groups() == ("fi", "ltr")
