"""rasa_addons/action_guard.py: a hung or missing action server gets the person an apology.

The endpoint tests talk to real local sockets: one that accepts and never
answers (a hung server), a closed port (a stopped server) and a small HTTP
server answering 503 / 400. The processor tests run the trained model
(skipped until it is trained) with its action endpoint on the hung socket.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rasa")

from aiohttp import web  # noqa: E402
from rasa.utils.endpoints import ClientResponseError, EndpointConfig  # noqa: E402

from rasa_addons import action_guard  # noqa: E402
from rasa_addons.action_guard import ActionServerFailed, GuardedEndpoint, endpoint_timeout, fault_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "digipoint.tar.gz"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _hung_server() -> AsyncIterator[int]:
    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(3600)

    server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    yield int(server.sockets[0].getsockname()[1])
    server.close()


def _run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def test_hung_server_times_out_at_the_configured_limit() -> None:
    async def scenario() -> float:
        async for port in _hung_server():
            endpoint = GuardedEndpoint(EndpointConfig(f"http://127.0.0.1:{port}/webhook"), 0.5)
            started = time.monotonic()
            with pytest.raises(ActionServerFailed) as failure:
                await endpoint.request(json={}, method="post", timeout=300)  # Rasa passes 300 s
            assert failure.value.reason == "timeout"
            return time.monotonic() - started
        raise AssertionError("no server")

    assert _run(scenario()) < 2.0


def test_stopped_server_is_a_connection_failure() -> None:
    endpoint = GuardedEndpoint(EndpointConfig(f"http://127.0.0.1:{_free_port()}/webhook"), 2.0)
    with pytest.raises(ActionServerFailed) as failure:
        _run(endpoint.request(json={}, method="post"))
    assert failure.value.reason == "connection"


@pytest.mark.parametrize("status", [401, 500, 503])
def test_error_status_is_a_failure_but_400_stays_rasas_rejection(status: int) -> None:
    async def scenario() -> None:
        async def handler(request: web.Request) -> web.Response:
            code = 400 if request.query.get("reject") else status
            return web.json_response({"action_name": "validate_goal_form", "error": "x"}, status=code)

        app = web.Application()
        app.router.add_post("/webhook", handler)
        runner = web.AppRunner(app)
        await runner.setup()
        port = _free_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            endpoint = GuardedEndpoint(EndpointConfig(f"http://127.0.0.1:{port}/webhook"), 2.0)
            with pytest.raises(ActionServerFailed) as failure:
                await endpoint.request(json={}, method="post")
            assert failure.value.reason == f"HTTP {status}"
            with pytest.raises(ClientResponseError):
                await endpoint.request(json={}, method="post", params={"reject": "1"})
        finally:
            await runner.cleanup()

    _run(scenario())


def test_guarded_endpoint_keeps_url_headers_and_options() -> None:
    original = EndpointConfig("http://x/webhook", headers={"Authorization": "Bearer t"}, timeout=6)
    guarded = GuardedEndpoint(original, endpoint_timeout(original))
    assert (guarded.url, guarded.headers, guarded.timeout_s) == (
        "http://x/webhook",
        {"Authorization": "Bearer t"},
        6,
    )
    assert endpoint_timeout(EndpointConfig("http://x")) == action_guard.DEFAULT_TIMEOUT_S
    assert endpoint_timeout(EndpointConfig("http://x", timeout=60)) == action_guard.MAX_TIMEOUT_S
    with pytest.raises(ValueError):
        endpoint_timeout(EndpointConfig("http://x", timeout=-1))


@pytest.mark.parametrize(
    ("language", "start"),
    [("fi", "Anteeksi, meillä"), ("sv", "Förlåt, något"), ("en", "Sorry, something"), (None, "Sorry")],
)
def test_apology_comes_from_faults_yml_in_the_persons_language(language: Any, start: str) -> None:
    assert fault_text("try_again", language).startswith(start)


def _tracker_with(language: str, city: str | None) -> Any:
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.slots import TextSlot
    from rasa.shared.core.trackers import DialogueStateTracker

    slots = [TextSlot("language", mappings=[]), TextSlot("city", mappings=[])]
    tracker = DialogueStateTracker("crisis-person", slots)
    tracker.update(SlotSet("language", language))
    tracker.update(SlotSet("city", city))
    return tracker


@pytest.mark.parametrize(("language", "city"), [("sv", "Espoo"), ("fi", None), ("en", "Oulu")])
def test_a_failed_crisis_action_says_the_crisis_reply_not_the_apology(language: str, city: Any) -> None:
    from rasa.shared.core.events import BotUttered

    from bot.support_messages import distress_message

    events = action_guard.apology_events("action_handle_distress", _tracker_with(language, city), [])
    said = [e for e in events if isinstance(e, BotUttered)]
    assert [e.text for e in said] == [distress_message(city, language)]
    assert "112" in said[0].text and said[0].metadata[action_guard.FAULT_MARK] == "crisis"
    other = action_guard.apology_events("action_suggest", _tracker_with(language, city), [])
    assert [e.text for e in other if isinstance(e, BotUttered)] == [fault_text("try_again", language)]


def test_install_is_idempotent() -> None:
    from rasa.core.processor import MessageProcessor

    action_guard.install()
    first = MessageProcessor._run_action
    action_guard.install()
    assert MessageProcessor._run_action is first


# --- the real processor with the trained model ---------------------------------------------


def _events_in_goal_form() -> list[Any]:
    from rasa.shared.core.events import (
        ActionExecuted,
        ActiveLoop,
        BotUttered,
        SessionStarted,
        SlotSet,
        UserUttered,
    )

    return [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        SlotSet("language", "fi"),
        ActionExecuted("action_listen"),
        UserUttered("/greet", intent={"name": "greet", "confidence": 1.0}),
        ActionExecuted("goal_form"),
        ActiveLoop("goal_form"),
        SlotSet("requested_slot", "goal_type"),
        BotUttered("Mitä etsit?"),
        ActionExecuted("action_listen"),
    ]


async def _conversation_with_hung_server(timeout_s: float) -> dict[str, Any]:
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.shared.core.events import UserUttered

    action_guard.install()
    async for port in _hung_server():
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", timeout=timeout_s)
        agent = Agent.load(str(MODEL), action_endpoint=endpoint)
        processor = agent.processor
        assert processor is not None
        tracker = await processor.get_tracker("guard-test")
        tracker.update_with_events(_events_in_goal_form(), processor.domain)
        await agent.tracker_store.save(tracker)
        before = len(tracker.events)

        collector = CollectingOutputChannel()
        started = time.monotonic()
        await agent.handle_message(
            UserMessage("haluan töihin", collector, "guard-test", metadata={"language": "fi"})
        )
        elapsed = time.monotonic() - started
        after = await processor.get_tracker("guard-test")

        # What would the bot do with the next message? (the action server is back)
        following = after.copy()
        following.update(UserUttered("töitä", intent={"name": "ask_jobs", "confidence": 1.0}))
        prediction = processor._predict_next_with_tracker(following)
        next_action = processor.domain.action_names_or_texts[prediction.max_confidence_index]
        return {
            "elapsed": elapsed,
            "messages": collector.messages,
            "tracker": after,
            "new_events": after.events_after_latest_restart()[before:] if before else [],
            "all_new": list(after.events)[before:],
            "next_action": next_action,
        }
    raise AssertionError("no server")


@pytest.fixture(scope="module")
def hung_conversation() -> dict[str, Any]:
    if not MODEL.exists():
        pytest.skip("models/digipoint.tar.gz is not trained yet (scripts/train_if_needed.sh)")
    return dict(_run(_conversation_with_hung_server(timeout_s=1.0)))


def test_person_gets_the_apology_in_their_language_within_the_limit(
    hung_conversation: dict[str, Any],
) -> None:
    assert hung_conversation["elapsed"] < 3.0
    texts = [m.get("text") for m in hung_conversation["messages"]]
    assert texts == [fault_text("try_again", "fi")]


def test_form_keeps_its_place_and_the_message_in_flight_is_undone(hung_conversation: dict[str, Any]) -> None:
    tracker = hung_conversation["tracker"]
    assert tracker.active_loop_name == "goal_form"
    assert tracker.get_slot("requested_slot") == "goal_type"
    assert tracker.get_slot("goal_type") is None
    assert tracker.latest_action_name == "action_listen"
    kinds = [type(e).__name__ for e in hung_conversation["all_new"]]
    assert kinds[0] == "UserUttered"  # the message is in the transcript, undone for the dialogue
    assert kinds[-5:] == [
        "ActionExecutionRejected",
        "BotUttered",
        "UserUtteranceReverted",
        "FollowupAction",
        "ActionExecuted",
    ]
    executed = [e.action_name for e in hung_conversation["all_new"] if type(e).__name__ == "ActionExecuted"]
    assert executed == ["action_listen"]  # no ActionExecuted(goal_form): it would hide the user message


def test_next_message_continues_the_form(hung_conversation: dict[str, Any]) -> None:
    assert hung_conversation["next_action"] == "goal_form"


def test_one_log_line_with_conversation_id_and_no_text(caplog: pytest.LogCaptureFixture) -> None:
    if not MODEL.exists():
        pytest.skip("models/digipoint.tar.gz is not trained yet")
    with caplog.at_level(logging.INFO):
        _run(_conversation_with_hung_server(timeout_s=0.5))
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(problems) == 1, [r.getMessage() for r in problems]
    line = problems[0].getMessage()
    assert "guard-test" in line and "goal_form" in line and "timeout" in line
    assert all("töihin" not in r.getMessage() for r in caplog.records)
