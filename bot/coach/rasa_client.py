"""The coach app's calls to Rasa's HTTP API (always with the token).

- ``transcript(id)``: the conversation's user and bot messages from the tracker.
- ``run_action(id, name)``: ``POST /conversations/{id}/execute?output_channel=latest``;
  Rasa runs the action even while the conversation is paused and sends what it
  utters to the person's latest channel (a socket.io session receives it at once;
  a REST session finds it in the tracker as a ``bot`` event).
- ``resume(id)``: appends a ``resume`` event so the bot answers again.

Errors:
    RasaError: Rasa did not answer or answered with an error status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx

from bot.config import get_settings


class RasaError(RuntimeError):
    """Rasa's HTTP API failed (network error or non-2xx status)."""


@dataclass(frozen=True)
class Line:
    """One transcript line: who is ``user``, ``bot`` or ``coach``; text; when (UTC)."""

    who: str
    text: str
    at: datetime


def _call(method: str, path: str, json: Any = None, params: dict[str, str] | None = None) -> Any:
    settings = get_settings()
    query = {"token": settings.rasa_token.get_secret_value(), **(params or {})}
    try:
        response = httpx.request(method, f"{settings.rasa_url}{path}", params=query, json=json, timeout=15)
    except httpx.HTTPError as error:
        raise RasaError(f"Rasa is not reachable: {error}") from error
    if response.status_code >= 300:
        raise RasaError(f"Rasa answered {response.status_code} to {method} {path}")
    return response.json() if response.content else None


def _path(conversation_id: str, tail: str) -> str:
    return f"/conversations/{quote(conversation_id, safe='')}/{tail}"


def tracker_events(conversation_id: str) -> list[dict[str, Any]]:
    """All events of the conversation (``include_events=ALL``)."""
    body = _call("GET", _path(conversation_id, "tracker"), params={"include_events": "ALL"})
    return list((body or {}).get("events") or [])


def transcript(conversation_id: str, since: datetime | None = None) -> list[Line]:
    """User and bot messages, oldest first; only those at or after ``since`` when given.

    A bot message sent by ``action_relay_coach_message`` is marked ``coach``.
    """
    return lines_of(tracker_events(conversation_id), since)


def lines_of(events: list[dict[str, Any]], since: datetime | None = None) -> list[Line]:
    """The transcript lines of already fetched tracker ``events`` (see ``transcript``)."""
    lines: list[Line] = []
    last_action = ""
    for event in events:
        kind = event.get("event")
        if kind == "action":
            last_action = event.get("name") or ""
        if kind not in ("user", "bot") or not event.get("text"):
            continue
        at = datetime.fromtimestamp(float(event.get("timestamp") or 0), UTC)
        if since and at < since:
            continue
        who = "user" if kind == "user" else "bot"
        if kind == "bot" and last_action == "action_relay_coach_message":
            who = "coach"
        lines.append(Line(who, str(event["text"]), at))
    return lines


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
