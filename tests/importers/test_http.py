"""The shared HTTP layer: timeouts, library retries on 5xx and 429, bad JSON, identity header."""

from __future__ import annotations

import pytest
import requests
import responses
from responses import registries

from bot.catalogue.importers.http import DEFAULT_TIMEOUT, FetchError, get_json, iter_ndjson, make_session

URL = "https://example.test/api/things"


@responses.activate(registry=registries.OrderedRegistry)
def test_500s_then_success_is_retried_by_the_library(http: requests.Session) -> None:
    responses.get(URL, status=500)
    responses.get(URL, status=503)
    responses.get(URL, json={"ok": True})
    assert get_json(http, URL) == {"ok": True}
    assert len(responses.calls) == 3


@responses.activate(registry=registries.OrderedRegistry)
def test_429_is_retried_and_retry_after_is_honoured(http: requests.Session) -> None:
    responses.get(URL, status=429, headers={"Retry-After": "0"})
    responses.get(URL, json=[1, 2])
    assert get_json(http, URL) == [1, 2]
    assert len(responses.calls) == 2


@responses.activate
def test_persistent_500_gives_a_fetch_error_after_the_retries(http: requests.Session) -> None:
    responses.get(URL, status=500)
    with pytest.raises(FetchError, match="gave up after retries|HTTP 500"):
        get_json(http, URL)
    assert len(responses.calls) == 4  # first try + 3 retries


@responses.activate
def test_a_timeout_is_retried_then_reported(http: requests.Session) -> None:
    responses.get(URL, body=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(FetchError, match="timed out"):
        get_json(http, URL)


@responses.activate
def test_a_404_is_not_retried(http: requests.Session) -> None:
    responses.get(URL, status=404)
    with pytest.raises(FetchError, match="HTTP 404"):
        get_json(http, URL)
    assert len(responses.calls) == 1


@responses.activate
def test_bad_json_is_a_fetch_error(http: requests.Session) -> None:
    responses.get(URL, body="<html>maintenance</html>", content_type="text/html")
    with pytest.raises(FetchError, match="not valid JSON"):
        get_json(http, URL)


@responses.activate
def test_ndjson_lines_with_bad_json_are_reported_not_fatal(http: requests.Session) -> None:
    responses.post(URL, body='{"a": 1}\n\n{broken\n{"a": 2}\n', content_type="application/x-ndjson")
    lines = list(iter_ndjson(http, URL, json={}))
    assert [value for _, value, _ in lines] == [{"a": 1}, None, {"a": 2}]
    assert "line 3 is not valid JSON" in (lines[1][2] or "")


@responses.activate
def test_session_sends_an_identifying_user_agent_and_default_timeouts() -> None:
    session = make_session("studyinfo")
    responses.get(URL, json={})
    get_json(session, URL)
    assert responses.calls[0].request.headers["User-Agent"].startswith("DigiPoint-importer/studyinfo ")
    assert session.default_timeout == DEFAULT_TIMEOUT
    adapter = session.get_adapter("https://x.test/")
    retry = adapter.max_retries  # type: ignore[attr-defined]
    assert 429 in retry.status_forcelist and 503 in retry.status_forcelist
    assert "POST" in retry.allowed_methods
