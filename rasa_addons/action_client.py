"""The Rasa server's calls to the action server, without Rasa's per-call overheads.

Profiled under load (docs/performance.md), Rasa 3.6.21 spent about a third of
its event-loop time on two things around every custom-action call, not on
the call itself:

- ``RemoteAction._validate_action_result`` calls ``jsonschema.validate``,
  which first re-checks the *schema* against the JSON-Schema meta-schema and
  builds a new validator, on every call (two to three calls per turn);
- ``EndpointConfig.request`` opens a new ``aiohttp.ClientSession`` per call,
  so every call pays a new TCP connection and session set-up.

This module removes both, keeping what Rasa checks and sends:

- :func:`install` replaces ``_validate_action_result`` with one that uses a
  validator built once from the same schema (``action_response_format_spec``,
  checked against its meta-schema once): the same ``ValidationError``, with
  Rasa's message, for a malformed answer;
- :func:`request` is ``EndpointConfig.request`` over one keep-alive session
  per event loop (``aiohttp.TCPConnector``, at most ``POOL_LIMIT`` open
  connections), with the same URL, headers, basic auth, token parameter and
  status handling: HTTP >= 400 raises Rasa's ``ClientResponseError``; the
  JSON answer is returned (``None`` for a body that is not JSON).

``rasa_addons.action_guard.GuardedEndpoint.request`` (every action-server call
of Rasa goes through it) uses :func:`request`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import ssl
import weakref
from typing import Any, Dict, Optional, Text

import aiohttp
from aiohttp import ContentTypeError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

logger = logging.getLogger(__name__)

# Open connections per Rasa process to the action server(s); above Rasa's
# usual in-flight calls (one per conversation being answered).
POOL_LIMIT = 64
# Seconds an idle keep-alive connection stays open (Sanic's own keep-alive
# timeout is 5 s by default; the action server sets it higher).
KEEPALIVE_S = 4.0
_INSTALLED_MARK = "_digipoint_action_client"

_sessions: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.ClientSession]" = (
    weakref.WeakKeyDictionary()
)


def _session() -> aiohttp.ClientSession:
    """The keep-alive session of the running event loop (created on first use)."""
    loop = asyncio.get_running_loop()
    session = _sessions.get(loop)
    if session is None or session.closed:
        connector = aiohttp.TCPConnector(limit=POOL_LIMIT, keepalive_timeout=KEEPALIVE_S)
        session = aiohttp.ClientSession(connector=connector)
        _sessions[loop] = session
    return session


async def close_sessions() -> None:
    """Close the keep-alive session of the running loop (Rasa's shutdown; tests)."""
    session = _sessions.pop(asyncio.get_running_loop(), None)
    if session is not None:
        await session.close()


async def request(
    endpoint: EndpointConfig,
    method: Text = "post",
    subpath: Optional[Text] = None,
    content_type: Optional[Text] = "application/json",
    compress: bool = False,
    **kwargs: Any,
) -> Optional[Any]:
    """``endpoint.request(...)`` (Rasa 3.6 semantics) over the shared keep-alive session.

    Args:
        endpoint: the action endpoint (url, headers, basic_auth, token, cafile).
        method / subpath / content_type / compress: as ``EndpointConfig.request``.
        **kwargs: passed to ``aiohttp.ClientSession.request`` (``json``,
            ``timeout``, ``params``, ``headers``).

    Returns:
        The decoded JSON answer, or ``None`` when the body is not JSON.

    Raises:
        ClientResponseError: HTTP status >= 400 (status, reason, body).
        aiohttp.ClientError, asyncio.TimeoutError: as aiohttp raises them.
        FileNotFoundError: ``cafile`` is configured but missing.
    """
    headers: Dict[Text, Text] = {}
    if content_type:
        headers["Content-Type"] = content_type
    headers.update(kwargs.pop("headers", None) or {})
    headers.update(endpoint.headers or {})
    auth = None
    if endpoint.basic_auth:
        auth = aiohttp.BasicAuth(endpoint.basic_auth["username"], endpoint.basic_auth["password"])
    sslcontext = ssl.create_default_context(cafile=endpoint.cafile) if endpoint.cafile else None
    url = concat_url(endpoint.url, subpath)
    async with _session().request(
        method,
        url,
        headers=headers,
        auth=auth,
        params=endpoint.combine_parameters(kwargs),
        compress=compress,
        ssl=sslcontext,
        **kwargs,
    ) as response:
        if response.status >= 400:
            raise ClientResponseError(response.status, response.reason, await response.content.read())
        try:
            return await response.json()
        except ContentTypeError:
            return None


def _compiled_response_validator() -> Any:
    """A validator for ``RemoteAction.action_response_format_spec()``, schema checked once."""
    from jsonschema.validators import validator_for

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def install() -> None:
    """Make ``RemoteAction._validate_action_result`` use one compiled validator (idempotent).

    Set ``DIGIPOINT_RASA_STOCK_ACTION_CLIENT=1`` to keep Rasa's own code (the
    benchmark compares both).

    Raises:
        RuntimeError: Rasa no longer has ``_validate_action_result`` (check the version).
    """
    if os.environ.get("DIGIPOINT_RASA_STOCK_ACTION_CLIENT") == "1":
        return
    original = getattr(RemoteAction, "_validate_action_result", None)
    if original is None:
        raise RuntimeError("rasa_addons.action_client: RemoteAction._validate_action_result is gone")
    if getattr(original, _INSTALLED_MARK, False):
        return
    from jsonschema import ValidationError

    validator = _compiled_response_validator()

    def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        try:
            validator.validate(result)
        except ValidationError as error:
            error.message += (
                ". Failed to validate Action server response from API, make sure your "
                "response from the Action endpoint is valid."
            )
            raise
        return True

    setattr(_validate_action_result, _INSTALLED_MARK, True)
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


def stock_client() -> bool:
    """Whether Rasa's own per-call session is kept (``DIGIPOINT_RASA_STOCK_ACTION_CLIENT=1``)."""
    return os.environ.get("DIGIPOINT_RASA_STOCK_ACTION_CLIENT") == "1"
