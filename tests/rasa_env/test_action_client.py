"""Rasa's calls to the action server: one keep-alive connection, the same checks as Rasa's.

Real HTTP: a small aiohttp server on a free port stands in for the action
server and records each request's client port and headers.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp import web
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, SlotSet
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from rasa_addons import action_client, event_types


async def _serve(seen: list[dict[str, Any]], status: int = 200) -> web.AppRunner:
    async def webhook(request: web.Request) -> web.Response:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        seen.append({"port": peer[1] if peer else None, "auth": request.headers.get("Authorization"),
                     "body": await request.json()})
        return web.json_response({"events": [], "responses": []}, status=status)

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner


def _port(runner: web.AppRunner) -> int:
    return runner.addresses[0][1]


def test_calls_reuse_one_connection_and_send_the_endpoint_headers() -> None:
    async def scenario() -> list[dict[str, Any]]:
        seen: list[dict[str, Any]] = []
        runner = await _serve(seen)
        endpoint = EndpointConfig(f"http://127.0.0.1:{_port(runner)}/webhook",
                                  headers={"Authorization": "Bearer secret-token"})
        try:
            for number in range(3):
                answer = await action_client.request(endpoint, json={"next_action": "a", "n": number})
                assert answer == {"events": [], "responses": []}
        finally:
            await action_client.close_sessions()
            await runner.cleanup()
        return seen

    seen = asyncio.run(scenario())
    assert [call["body"]["n"] for call in seen] == [0, 1, 2]
    assert {call["auth"] for call in seen} == {"Bearer secret-token"}
    # Rasa's own client opens a new connection (a new client port) for every call.
    assert len({call["port"] for call in seen}) == 1


def test_an_error_status_is_rasas_client_response_error() -> None:
    async def scenario() -> None:
        runner = await _serve([], status=503)
        endpoint = EndpointConfig(f"http://127.0.0.1:{_port(runner)}/webhook")
        try:
            with pytest.raises(ClientResponseError) as raised:
                await action_client.request(endpoint, json={"next_action": "a"})
            assert raised.value.status == 503
        finally:
            await action_client.close_sessions()
            await runner.cleanup()

    asyncio.run(scenario())


def test_malformed_action_answers_are_still_refused() -> None:
    action_client.install()
    action = RemoteAction("action_suggest", None)
    assert action._validate_action_result({"events": [{"event": "slot", "name": "x", "value": 1}],
                                           "responses": [{"text": "hi"}]})
    with pytest.raises(ValidationError) as raised:
        action._validate_action_result({"events": "not a list"})
    assert "Failed to validate Action server response" in raised.value.message
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": [{"no_event_key": True}]})


def test_event_types_are_found_by_name_and_unknown_names_still_fail() -> None:
    event_types.install()
    event_types.install()  # idempotent
    assert Event.resolve_by_type("slot") is SlotSet
    assert Event.resolve_by_type("slot") is SlotSet
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")


def test_calls_carry_the_domain_digest_and_send_the_domain_only_when_asked() -> None:
    """rasa-sdk's protocol: HTTP 449 when the server lacks the digest's domain; then once with it."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml("version: '3.1'\nintents: [greet]\nactions: [action_suggest]\n")
    tracker = DialogueStateTracker("person-1", domain.slots)
    known: dict[str, Any] = {}
    bodies: list[dict[str, Any]] = []

    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        bodies.append(body)
        if body.get("domain"):
            known["digest"] = body["domain_digest"]
        elif known.get("digest") != body.get("domain_digest"):
            return web.json_response({"error": "domain missing"}, status=449)
        return web.json_response({"events": [], "responses": []})

    async def scenario() -> None:
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        endpoint = EndpointConfig(f"http://127.0.0.1:{_port(runner)}/webhook")
        action = RemoteAction("action_suggest", endpoint)
        try:
            for number in range(3):
                if number == 2:  # the resend period after the 449 is over
                    action_client._domain_until["monotonic"] = 0.0
                body = action_client.action_call_format(action, tracker, domain)
                assert "domain" not in body and len(body["domain_digest"]) == 64
                assert await action_client.request(endpoint, json=body) == {"events": [], "responses": []}
        finally:
            await action_client.close_sessions()
            await runner.cleanup()

    asyncio.run(scenario())
    # first call refused (449) and resent with the domain; the next call within
    # DOMAIN_RESEND_S carries it too (a balancer may send it to another server);
    # after that, calls go without it
    assert [("domain" in body) for body in bodies] == [False, True, True, False]
    assert bodies[1]["domain"]["intents"] == domain.as_dict()["intents"]
