"""One ``requests.Session`` per importer: timeouts, library retries, identifying header.

Every importer builds its session with :func:`make_session`:

- connect and read timeouts on every request (:data:`DEFAULT_TIMEOUT`, in
  seconds, ``(connect, read)``), applied by :class:`TimeoutSession` unless a
  call passes its own;
- ``urllib3.util.Retry`` mounted on ``https://`` and ``http://``: up to
  ``retries`` attempts on connection errors, read timeouts, 429 and 5xx
  (:data:`RETRY_STATUSES`), exponential backoff (``backoff_factor`` seconds
  times 2**n, capped at ``backoff_max``), ``Retry-After`` honoured on 429/503,
  also for POST (the Job Market Finland search is a read-only POST);
- a ``User-Agent`` naming DigiPoint, the importer and a contact address.

:func:`get_json` and :func:`iter_ndjson` turn the final outcome into
:class:`FetchError` with a plain reason (status code, timeout, bad JSON), so
an importer can report it instead of crashing with a traceback.

:class:`FixtureAdapter` serves local files in place of the network for
``--fixtures DIR`` runs; it is mounted on the same session, so the retry,
parsing and upsert code paths are the ones a live run uses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.util.retry import Retry

#: ``(connect, read)`` timeouts in seconds.
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 30.0)
#: Statuses retried with backoff.
RETRY_STATUSES: tuple[int, ...] = (429, 500, 502, 503, 504)
#: Contact given in the User-Agent header.
CONTACT = "https://github.com/digipoint-guidance/digipoint"
VERSION = "0.1.0"


class FetchError(RuntimeError):
    """A request failed for good (after retries) or returned unusable content."""


class TimeoutSession(requests.Session):
    """A session that applies ``default_timeout`` to every request without its own."""

    def __init__(self, default_timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> None:
        super().__init__()
        self.default_timeout = default_timeout

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        """``requests.Session.request`` with ``timeout`` defaulted."""
        kwargs.setdefault("timeout", self.default_timeout)
        return super().request(method, url, *args, **kwargs)


def user_agent(importer: str) -> str:
    """``DigiPoint-importer/<importer> <version> (+<contact>)``."""
    return f"DigiPoint-importer/{importer} {VERSION} (+{CONTACT})"


def make_retry(retries: int = 4, backoff_factor: float = 0.5, backoff_max: float = 30.0) -> Retry:
    """The urllib3 retry policy every importer uses (see module docstring)."""
    return Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff_factor,
        backoff_max=backoff_max,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD", "POST"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )


def make_session(
    importer: str,
    *,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    retries: int = 4,
    backoff_factor: float = 0.5,
    fixtures: BaseAdapter | None = None,
) -> TimeoutSession:
    """A session for ``importer`` ("studyinfo", "jobmarket", "esco").

    With ``fixtures`` the given adapter answers every request instead of the
    network (retries then do not apply: files do not fail transiently).
    """
    session = TimeoutSession(timeout)
    session.headers["User-Agent"] = user_agent(importer)
    session.headers["Accept"] = "application/json"
    adapter: BaseAdapter = fixtures or HTTPAdapter(max_retries=make_retry(retries, backoff_factor))
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _send(session: requests.Session, method: str, url: str, **kwargs: Any) -> requests.Response:
    try:
        response = session.request(method, url, **kwargs)
    except requests.exceptions.RetryError as exc:
        raise FetchError(f"{method} {url}: gave up after retries ({exc.__class__.__name__})") from exc
    except requests.exceptions.Timeout as exc:
        raise FetchError(f"{method} {url}: timed out ({exc.__class__.__name__})") from exc
    except requests.exceptions.ConnectionError as exc:
        raise FetchError(f"{method} {url}: connection failed ({exc.__class__.__name__})") from exc
    if response.status_code >= 400:
        raise FetchError(f"{method} {url}: HTTP {response.status_code}")
    return response


def get_json(session: requests.Session, url: str, method: str = "GET", **kwargs: Any) -> Any:
    """Decoded JSON body of ``method url``.

    Raises:
        FetchError: timeout, connection failure, status >= 400 after retries,
            or a body that is not JSON.
    """
    response = _send(session, method, url, **kwargs)
    try:
        return json.loads(response.content)  # JSON is UTF-8 (RFC 8259) whatever the header says
    except ValueError as exc:
        raise FetchError(f"{method} {url}: response is not valid JSON ({exc})") from exc


def iter_ndjson(
    session: requests.Session, url: str, method: str = "POST", **kwargs: Any
) -> Iterator[tuple[int, Any | None, str | None]]:
    """Lines of an ``application/x-ndjson`` body as ``(line number, value, error)``.

    Blank lines are left out; a line that is not JSON yields ``(n, None,
    reason)`` so the caller can skip and report it without losing the rest.

    Raises:
        FetchError: as :func:`get_json`, for the request itself.
    """
    response = _send(session, method, url, **kwargs)
    for number, line in enumerate(response.content.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), None
        except ValueError as exc:
            yield number, None, f"line {number} is not valid JSON ({getattr(exc, 'msg', exc)})"


class FixtureAdapter(BaseAdapter):
    """Answers requests from files under ``root``.

    ``resolve(request)`` returns the path (relative to ``root``) of the file
    holding the response body, or ``None`` for a 404. Used by the CLI's
    ``--fixtures DIR``.
    """

    def __init__(self, root: Path, resolve: Callable[[requests.PreparedRequest], str | None]) -> None:
        super().__init__()
        self.root = root
        self.resolve = resolve

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        """Build a response from the fixture file (404 when it does not exist)."""
        response = requests.Response()
        response.url = request.url or ""
        response.request = request
        relative = self.resolve(request)
        path = self.root / relative if relative else None
        if path is not None and path.is_file():
            response.status_code = 200
            response._content = path.read_bytes()
            response.headers["Content-Type"] = (
                "application/x-ndjson" if path.suffix == ".ndjson" else "application/json"
            )
        else:
            response.status_code = 404
            response._content = b'"Not found"'
        response.encoding = "utf-8"
        return response

    def close(self) -> None:
        """Nothing to release."""
