"""Reading the bot's REST replies in live tests: their texts and their buttons' payloads.

A reply is Rasa's REST channel shape: ``{"recipient_id", "text"?, "buttons"?, "custom"?}``.
"""

from __future__ import annotations

from typing import Any


def texts(replies: list[dict[str, Any]]) -> list[str]:
    """The text of each reply, "" for one without text (a custom message only)."""
    return [r.get("text") or "" for r in replies]


def payloads(replies: list[dict[str, Any]]) -> list[str]:
    """Every button payload of the replies, in order."""
    return [b.get("payload", "") for r in replies for b in r.get("buttons") or []]
