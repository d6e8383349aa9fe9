"""Calls to Rasa's HTTP API (``RASA_URL``, always with ``RASA_TOKEN``) for the handoff queue.

- ``tracker_events(id)``: every event of the conversation.
- ``run_action(id, name)``: ``POST /conversations/{id}/execute?output_channel=latest``;
  Rasa runs the action even while the conversation is paused and sends what it
  utters to the person's latest channel (a socket.io session receives it at once;
  a REST session finds it in the tracker as a ``bot`` event).
- ``resume(id)``: appends a ``resume`` event so the bot answers again.
- ``listen(id)``: appends ``action_listen`` after ``/execute``.

Errors:
    RasaError: Rasa did not answer (within ``TIMEOUT_S``) or answered with an error
        status. The message names the method, the path (with the conversation id)
        and the status, never the token or message text.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from bot.config import get_settings

TIMEOUT_S = 15.0


class RasaError(RuntimeError):
    """Rasa's HTTP API failed (network error or non-2xx status)."""


def _call(method: str, path: str, json: Any = None, params: dict[str, str] | None = None) -> Any:
    settings = get_settings()
    query = {"token": settings.rasa_token.get_secret_value(), **(params or {})}
    try:
        response = httpx.request(
            method, f"{settings.rasa_url}{path}", params=query, json=json, timeout=TIMEOUT_S
        )
    except httpx.HTTPError as error:
        # The error's text can carry the URL with the token: name its class only.
        raise RasaError(f"Rasa is not reachable ({type(error).__name__})") from error
    if response.status_code >= 300:
        raise RasaError(f"Rasa answered {response.status_code} to {method} {path}")
    return response.json() if response.content else None


def _path(conversation_id: str, tail: str) -> str:
    return f"/conversations/{quote(conversation_id, safe='')}/{tail}"


def tracker_events(conversation_id: str) -> list[dict[str, Any]]:
    """All events of the conversation (``include_events=ALL``), oldest first."""
    body = _call("GET", _path(conversation_id, "tracker"), params={"include_events": "ALL"})
    return list((body or {}).get("events") or [])


def run_action(conversation_id: str, action: str) -> None:
    """Run ``action`` in the conversation, output to the person's latest channel."""
    params = {"output_channel": "latest"}
    _call("POST", _path(conversation_id, "execute"), json={"name": action}, params=params)


def resume(conversation_id: str) -> None:
    """Un-pause the conversation (append ``{"event": "resume"}``)."""
    _call("POST", _path(conversation_id, "tracker/events"), json=[{"event": "resume"}])


def listen(conversation_id: str) -> None:
    """Append ``action_listen`` after actions run through ``/execute``.

    ``/execute`` does not end with ``action_listen`` as a normal turn does, and
    the rules match a new message only after ``action_listen``; without it the
    bot's first answer after a hand-back would not follow the rules.
    """
    _call(
        "POST", _path(conversation_id, "tracker/events"), json=[{"event": "action", "name": "action_listen"}]
    )
