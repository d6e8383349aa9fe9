"""The feedback buttons and how a tap on one is read.

A tap is the payload
``/give_feedback{"target":"suggestion","item":"course:12","useful":true}``
(``target`` ``chat`` or ``handoff`` carries no ``item``). Rasa turns the JSON
into entities; :func:`read_tap` checks them.

Shapes:
    ``feedback_payload(target, useful, item="") -> str``
    ``feedback_buttons(target, lang, item="") -> [{"title", "payload"}, ...]``
    ``read_tap(entities) -> Tap``; raises :class:`BadTapError` with the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.i18n import t

TARGETS: tuple[str, ...] = ("suggestion", "chat", "handoff")
INTENT = "give_feedback"
_ITEM = re.compile(r"^(course|job):\d{1,12}$")
_BOOLEANS = {"true": True, "false": False, "yes": True, "no": False}


class BadTapError(ValueError):
    """A give_feedback payload whose target, item or answer is missing or wrong."""


@dataclass(frozen=True)
class Tap:
    """One read tap: what it is about and the answer."""

    target: str
    item: str
    useful: bool

    @property
    def key(self) -> str:
        """What the answer is about, once per conversation: ``suggestion:course:12``, ``chat``."""
        return f"{self.target}:{self.item}" if self.item else self.target


def feedback_payload(target: str, useful: bool, item: str = "") -> str:
    """The button payload of one answer (``item`` only for suggestions).

    Raises:
        ValueError: an unknown target, or a suggestion without a valid item id.
    """
    _check(target, item)
    body: dict[str, Any] = {"target": target}
    if item:
        body["item"] = item
    body["useful"] = useful
    return f"/{INTENT}{json.dumps(body, separators=(',', ':'))}"


def feedback_buttons(target: str, lang: str, item: str = "") -> list[dict[str, str]]:
    """The "Useful" / "Not useful" buttons (``suggestion``) or "Yes" / "No" (``chat``, ``handoff``)."""
    suggestion = target == "suggestion"
    yes, no = ("useful_button", "not_useful_button") if suggestion else ("yes_button", "no_button")
    return [
        {"title": t(f"feedback.{yes}", lang), "payload": feedback_payload(target, True, item)},
        {"title": t(f"feedback.{no}", lang), "payload": feedback_payload(target, False, item)},
    ]


def _check(target: str, item: str) -> None:
    if target not in TARGETS:
        raise BadTapError("unknown feedback target")
    if target == "suggestion" and not _ITEM.match(item):
        raise BadTapError("a suggestion's feedback needs an item id like course:12 or job:3")
    if target != "suggestion" and item:
        raise BadTapError(f"feedback on {target} takes no item")


def _useful(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _BOOLEANS:
        return _BOOLEANS[value.strip().lower()]
    raise BadTapError("the answer 'useful' must be true or false")


def read_tap(entities: Iterable[Mapping[str, Any]]) -> Tap:
    """Read a tap from the latest message's entities (``target``, ``item``, ``useful``).

    Raises:
        BadTapError: a value is missing or not one of the allowed ones (the message
            says which, without repeating what was sent).
    """
    values: dict[str, Any] = {}
    for entity in entities:
        name = entity.get("entity")
        if name in ("target", "item", "useful") and name not in values:
            values[name] = entity.get("value")
    target = values.get("target")
    if not isinstance(target, str):
        raise BadTapError("feedback without a target")
    item = values.get("item") or ""
    if not isinstance(item, str):
        raise BadTapError("the feedback item must be text")
    if "useful" not in values:
        raise BadTapError("feedback without the answer 'useful'")
    useful = _useful(values["useful"])
    _check(target, item)
    return Tap(target=target, item=item, useful=useful)
