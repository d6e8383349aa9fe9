"""Rasa's health endpoint: ``GET /webhooks/health/`` (an input channel, credentials.yml).

200 ``{"status": "ok"}`` when a model is loaded and the tracker database answers
``SELECT 1``; otherwise 503 ``{"status": "unhealthy", "reason": "..."}`` where
the reason is one of "no model loaded", "tracker store is <class>, not
DigiPointSQLTrackerStore" or "tracker database: <error class: first line>".
No authentication: it tells nothing about conversations.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa_addons.tracker_store import DigiPointSQLTrackerStore


class HealthInput(InputChannel):
    """Input channel that only answers health checks (no messages)."""

    @classmethod
    def name(cls) -> Text:
        """URL prefix: /webhooks/health/."""
        return "health"

    @classmethod
    def from_credentials(cls, credentials: Optional[dict]) -> "HealthInput":
        """No settings."""
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The blueprint with ``GET /``."""
        health = Blueprint("digipoint_health", __name__)

        @health.route("/", methods=["GET"])
        async def check(request: Request) -> HTTPResponse:
            reason = await unhealthy_reason(getattr(request.app.ctx, "agent", None))
            if reason is None:
                return response.json({"status": "ok"})
            return response.json({"status": "unhealthy", "reason": reason}, status=503)

        return health


async def unhealthy_reason(agent: Any) -> Optional[Text]:
    """None when ``agent`` has a model and a reachable DigiPoint tracker store, else why not."""
    if agent is None or getattr(agent, "processor", None) is None:
        return "no model loaded"
    store = agent.tracker_store
    if not isinstance(store, DigiPointSQLTrackerStore):
        return f"tracker store is {type(store).__name__}, not DigiPointSQLTrackerStore"
    problem = await store.ping()
    return None if problem is None else f"tracker database: {problem}"
