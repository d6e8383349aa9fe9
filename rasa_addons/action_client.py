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

- the call leaves out the domain (38 KB of JSON, about half of every call)
  and sends its digest instead (``domain_digest``: SHA-256 of the domain's
  canonical JSON), the protocol rasa-sdk 3.x speaks: an action server that
  has no domain with that digest answers HTTP 449, and :func:`request` sends
  the same call once more with the domain, and sends the domain with every
  call for the next ``DOMAIN_RESEND_S`` seconds: behind a balancer the retry
  may reach another action server, and each of them must learn the domain
  (after a start, a restart or a new model).

``rasa_addons.action_guard.GuardedEndpoint.request`` (every action-server call
of Rasa goes through it) uses :func:`request`.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import ssl
import time
import weakref
from typing import Any, Dict, Optional, Text

import aiohttp
import rasa
from aiohttp import ContentTypeError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

logger = logging.getLogger(__name__)

# Open connections per Rasa process to the action server(s); above Rasa's
# usual in-flight calls (one per conversation being answered).
POOL_LIMIT = 64
# Seconds an idle keep-alive connection stays open (Sanic's own keep-alive
# timeout is 5 s by default; the action server sets it higher).
KEEPALIVE_S = 4.0
_INSTALLED_MARK = "_digipoint_action_client"
_DIGEST_ATTRIBUTE = "_digipoint_domain_digest"
# rasa-sdk's answer when it does not have the domain of the call's digest.
DOMAIN_MISSING_STATUS = 449
# After a 449, seconds during which every call carries the domain.
DOMAIN_RESEND_S = 10.0
_domain_until = {"monotonic": 0.0}


class ActionCall(dict):
    """The JSON body of one action call without the domain; ``domain`` is kept for a 449 retry."""

    domain: Optional[Domain] = None

    def with_domain(self) -> Dict[Text, Any]:
        """The same body with the whole domain (``domain.as_dict()``) included."""
        body = dict(self)
        if self.domain is not None:
            body["domain"] = self.domain.as_dict()
        return body


def domain_digest(domain: Domain) -> Text:
    """SHA-256 (hex) of the domain's canonical JSON, computed once per domain object."""
    digest = getattr(domain, _DIGEST_ATTRIBUTE, None)
    if digest is None:
        canonical = json.dumps(domain.as_dict(), sort_keys=True, ensure_ascii=False, default=str)
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        setattr(domain, _DIGEST_ATTRIBUTE, digest)
    return digest


def action_call_format(action: RemoteAction, tracker: DialogueStateTracker, domain: Domain) -> ActionCall:
    """Rasa 3.6's action-call body (next_action, sender_id, tracker, version) plus the domain's digest.

    Returns:
        An :class:`ActionCall` without ``domain``; its ``domain`` attribute
        holds the domain for :func:`request`'s retry on HTTP 449.
    """
    body = ActionCall(
        next_action=action.name(),
        sender_id=tracker.sender_id,
        tracker=tracker.current_state(EventVerbosity.ALL),
        version=rasa.__version__,
        domain_digest=domain_digest(domain),
    )
    body.domain = domain
    return body

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
    call = kwargs.get("json")
    if isinstance(call, ActionCall) and time.monotonic() < _domain_until["monotonic"]:
        kwargs = {**kwargs, "json": call.with_domain()}
    elif isinstance(call, ActionCall):
        try:
            return await _send(endpoint, method, url, headers, auth, sslcontext, compress, kwargs)
        except ClientResponseError as error:
            if error.status != DOMAIN_MISSING_STATUS:
                raise
        # An action server has no domain with this digest (new process or model).
        _domain_until["monotonic"] = time.monotonic() + DOMAIN_RESEND_S
        kwargs = {**kwargs, "json": call.with_domain()}
    return await _send(endpoint, method, url, headers, auth, sslcontext, compress, kwargs)


async def _send(
    endpoint: EndpointConfig,
    method: Text,
    url: Text,
    headers: Dict[Text, Text],
    auth: Optional[aiohttp.BasicAuth],
    sslcontext: Optional[ssl.SSLContext],
    compress: bool,
    kwargs: Dict[Text, Any],
) -> Optional[Any]:
    kwargs = dict(kwargs)
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
    """Patch ``RemoteAction``: one compiled response validator; calls carry the domain digest (idempotent).

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

    def _action_call_format(
        self: RemoteAction, tracker: DialogueStateTracker, domain: Domain
    ) -> Dict[Text, Any]:
        return action_call_format(self, tracker, domain)

    setattr(_validate_action_result, _INSTALLED_MARK, True)
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    RemoteAction._action_call_format = _action_call_format  # type: ignore[method-assign]


def stock_client() -> bool:
    """Whether Rasa's own per-call session is kept (``DIGIPOINT_RASA_STOCK_ACTION_CLIENT=1``)."""
    return os.environ.get("DIGIPOINT_RASA_STOCK_ACTION_CLIENT") == "1"
