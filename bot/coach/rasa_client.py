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

import json
import re
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


_PAYLOAD = re.compile(r"^/(?P<intent>\w+)(?P<entities>\{.*\})?$", re.DOTALL)


def readable_user_text(text: str, buttons: dict[str, str]) -> str:
    """What the person chose, in words, for a button payload; other text as it is.

    ``buttons`` maps the payloads of the buttons the bot had just shown to
    their titles (what the person saw and clicked). A payload not among
    them (typed, or from an older page) becomes its answer value
    (``/inform{"answer": "4"}`` -> ``4``) or its intent name (``/affirm`` -> ``affirm``).
    """
    if text in buttons:
        return buttons[text]
    match = _PAYLOAD.match(text.strip())
    if match is None:
        return text
    try:
        entities = json.loads(match["entities"]) if match["entities"] else {}
    except ValueError:
        return text
    values = [str(v) for v in entities.values()] if isinstance(entities, dict) else []
    return ", ".join(values) if values else match["intent"].replace("_", " ")


def lines_of(events: list[dict[str, Any]], since: datetime | None = None) -> list[Line]:
    """The transcript lines of already fetched tracker ``events`` (see ``transcript``).

    Button clicks are shown as the button's title (:func:`readable_user_text`).
    """
    lines: list[Line] = []
    last_action = ""
    buttons: dict[str, str] = {}
    for event in events:
        kind = event.get("event")
        if kind == "action":
            last_action = event.get("name") or ""
        if kind == "bot":
            for button in (event.get("data") or {}).get("buttons") or []:
                if isinstance(button, dict) and button.get("payload"):
                    buttons[str(button["payload"])] = str(button.get("title") or button["payload"])
        if kind not in ("user", "bot") or not event.get("text"):
            continue
        at = datetime.fromtimestamp(float(event.get("timestamp") or 0), UTC)
        text = str(event["text"])
        if kind == "user":
            text, buttons = readable_user_text(text, buttons), {}
        if since and at < since:
            continue
        who = "user" if kind == "user" else "bot"
        if kind == "bot" and last_action == "action_relay_coach_message":
            who = "coach"
        lines.append(Line(who, text, at))
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
