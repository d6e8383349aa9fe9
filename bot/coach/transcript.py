"""Transcripts for the coach dashboard, read from Rasa's tracker (:mod:`bot.handoff.rasa_client`).

- ``transcript(id, since=None) -> list[Line]``: the conversation's user and bot messages.
- ``lines_of(events, since=None)``: the same from already fetched events.

Errors:
    rasa_client.RasaError: Rasa did not answer (from ``transcript``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.handoff import rasa_client
from bot.handoff.rasa_client import RasaError

__all__ = ["Line", "RasaError", "lines_of", "readable_user_text", "transcript"]


@dataclass(frozen=True)
class Line:
    """One transcript line: who is ``user``, ``bot`` or ``coach``; text; when (UTC)."""

    who: str
    text: str
    at: datetime


def transcript(conversation_id: str, since: datetime | None = None) -> list[Line]:
    """User and bot messages, oldest first; only those at or after ``since`` when given.

    A bot message sent by ``action_relay_coach_message`` is marked ``coach``.
    """
    return lines_of(rasa_client.tracker_events(conversation_id), since)


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
