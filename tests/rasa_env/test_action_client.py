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
