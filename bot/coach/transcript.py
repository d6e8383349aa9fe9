"""Transcripts for the coach dashboard, read from Rasa's tracker (:mod:`bot.handoff.rasa_client`).

- ``transcript(id, since=None) -> list[Line]``: the conversation's user and bot messages.
- ``lines_of(events, since=None)``: the same from already fetched events.

Coach replies and handoff notices are uttered as custom data only
(:func:`custom_message`): their line takes text, who (``coach``, ``bot``, or
``notice`` for the kinds in ``NOTICE_KINDS``: joined, left, queue place...)
and the coach's first name (replies only) from there.

A bot message that shows a summary carries the summary's id in its event
metadata (``metadata.summary_id``: the actions utter it with
``utter_message(text=..., summary_id=id)``; Rasa 3.6 keeps such keyword
arguments in ``BotUttered.metadata``). Its line has ``shows_summary=True`` and
``summary_id``. Older trackers have no tag: a message whose first line is the
summary heading (any language) or the resume code's "welcome back" with the
plan is recognised by its text, and takes its id from the ``summary_id`` slot
the same action set, if any. What a coach may then read of those lines is
decided by :func:`bot.coach.redaction.coach_lines` (the person's consent).

Errors:
    rasa_client.RasaError: Rasa did not answer (from ``transcript``).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from bot.coach.i18n import text as coach_text
from bot.feedback.taps import INTENT as FEEDBACK_INTENT
from bot.feedback.taps import BadTapError, read_tap
from bot.handoff import rasa_client
from bot.handoff.rasa_client import RasaError
from bot.i18n import t
from bot.locale import registry

logger = logging.getLogger(__name__)

__all__ = [
    "NOTICE_KINDS",
    "Line",
    "RasaError",
    "custom_message",
    "lines_of",
    "readable_user_text",
    "summary_tag",
    "transcript",
]


@dataclass(frozen=True)
class Line:
    """One transcript line: who is ``user``, ``bot`` or ``coach``; text; when (UTC).

    ``shows_summary`` is True for a bot message that shows a summary;
    ``summary_id`` is that summary's id, or None when it is not known.
    ``name`` is the coach's first name when the coach gave one (else None).
    """

    who: str
    text: str
    at: datetime
    shows_summary: bool = False
    summary_id: int | None = None
    name: str | None = None


def transcript(conversation_id: str, since: datetime | None = None, lang: str = "en") -> list[Line]:
    """User and bot messages, oldest first; only those at or after ``since`` when given.

    A bot message sent by ``action_relay_coach_message`` is marked ``coach``.
    ``lang`` is the coach's language (button taps read in words, :func:`readable_user_text`).
    """
    return lines_of(rasa_client.tracker_events(conversation_id), since, lang)


# Custom-data kinds (actions/handoff.py) that are system notices, not the bot talking.
NOTICE_KINDS = frozenset({"joined", "left", "queue", "timeout", "notice"})

_PAYLOAD = re.compile(r"^/(?P<intent>\w+)(?P<entities>\{.*\})?$", re.DOTALL)


def _feedback_words(entities: Any, lang: str) -> str | None:
    """A ``/give_feedback{...}`` tap as its button's words ("Useful", "Not useful", "Yes", "No"), or None."""
    if not isinstance(entities, dict):
        return None
    try:
        tap = read_tap({"entity": name, "value": value} for name, value in entities.items())
    except BadTapError:
        return None
    if tap.target == "suggestion":
        return t("feedback.useful_button" if tap.useful else "feedback.not_useful_button", lang)
    return t("feedback.yes_button" if tap.useful else "feedback.no_button", lang)


def readable_user_text(text: str, buttons: dict[str, str], lang: str = "en") -> str:
    """What the person chose, in words, for a button payload; other text as it is.

    ``buttons`` maps the payloads of the buttons the bot had just shown to
    their titles (what the person saw and clicked). A payload not among
    them (typed, or from an older page) becomes, in the coach's ``lang``: a
    feedback tap's answer ("Useful", "No"), its answer value
    (``/inform{"answer": "4"}`` -> ``4``), a known intent's words
    (``/affirm`` -> "Yes", coach i18n ``said_<intent>``) or else its intent name.
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
    if match["intent"] == FEEDBACK_INTENT:
        words = _feedback_words(entities, lang)
        if words:
            return words
    values = [str(v) for v in entities.values()] if isinstance(entities, dict) else []
    if values:
        return ", ".join(values)
    return coach_text(lang).get(f"said_{match['intent']}") or match["intent"].replace("_", " ")


def _summary_id(value: Any) -> int | None:
    """A summary id from a tag or slot value (``12`` or ``"12"``); None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _starts(key: str, text: str, *, with_more: bool = False) -> bool:
    """True when the first line of ``text`` is message ``key`` in fi, sv or en (and more follows if asked)."""
    first, _, rest = text.partition("\n")
    heads = {t(key, lang).strip() for lang in registry.codes()}
    return first.strip() in heads and (bool(rest.strip()) or not with_more)


def summary_tag(event: dict[str, Any]) -> tuple[bool, int | None]:
    """Whether a bot ``event`` shows a summary, and the summary's id when the event names it.

    The tag ``metadata.summary_id`` decides; without one, the text is
    recognised (summary heading first, or "welcome back" followed by the plan).
    """
    metadata = event.get("metadata")
    if isinstance(metadata, dict) and "summary_id" in metadata:
        summary_id = _summary_id(metadata["summary_id"])
        if summary_id is None:
            logger.warning(
                "coach transcript: summary tag %r is not an id; the message stays hidden",
                metadata["summary_id"],
            )
        return True, summary_id
    text = str(event.get("text") or "")
    return _starts("summary.heading", text) or _starts("resume.welcome_back", text, with_more=True), None


def lines_of(events: list[dict[str, Any]], since: datetime | None = None, lang: str = "en") -> list[Line]:
    """The transcript lines of already fetched tracker ``events`` (see ``transcript``).

    Button clicks are shown as the button's title (:func:`readable_user_text`, in
    the coach's ``lang``); summary messages are marked (module docstring);
    handoff notices are ``notice`` lines without a name.
    """
    lines: list[Line] = []
    last_action = ""
    buttons: dict[str, str] = {}
    untagged: list[int] = []  # summary lines of the current action without an id
    for event in events:
        kind = event.get("event")
        if kind == "action":
            last_action = event.get("name") or ""
            untagged = []
        if kind == "slot" and event.get("name") == "summary_id" and untagged:
            for index in untagged:
                lines[index] = replace(lines[index], summary_id=_summary_id(event.get("value")))
            untagged = []
        if kind == "bot":
            for button in (event.get("data") or {}).get("buttons") or []:
                if isinstance(button, dict) and button.get("payload"):
                    buttons[str(button["payload"])] = str(button.get("title") or button["payload"])
        custom = custom_message(event) if kind == "bot" else {}
        if kind not in ("user", "bot") or not (event.get("text") or custom.get("text")):
            continue
        at = datetime.fromtimestamp(float(event.get("timestamp") or 0), UTC)
        text = str(event.get("text") or custom["text"])
        if kind == "user":
            text, buttons = readable_user_text(text, buttons, lang), {}
        if since and at < since:
            continue
        who = "user" if kind == "user" else "bot"
        if kind == "bot" and (last_action == "action_relay_coach_message" or custom.get("from") == "coach"):
            who = "coach"
        elif kind == "bot" and custom.get("kind") in NOTICE_KINDS:
            who = "notice"
        shows, summary_id = summary_tag(event) if who == "bot" else (False, None)
        if shows and summary_id is None:
            untagged.append(len(lines))
        lines.append(Line(who, text, at, shows, summary_id, custom.get("name") if who == "coach" else None))
    return lines


def custom_message(event: dict[str, Any]) -> dict[str, str | None]:
    """Text and sender of a bot ``event`` uttered as custom data only (coach replies, notices).

    Shape in the tracker: ``data.custom == {"data": {"text": str, "digipoint":
    {"from": "coach" | "bot", "name": str | None, "kind": str}}}``. Returns
    ``{"text", "from", "name", "kind"}`` (values None when missing); ``{}`` for any other event.
    """
    custom = (event.get("data") or {}).get("custom")
    inner = custom.get("data") if isinstance(custom, dict) else None
    if not isinstance(inner, dict):
        return {}
    mark = inner.get("digipoint")
    if not isinstance(mark, dict):
        mark = {}
    text, name, kind = inner.get("text"), mark.get("name"), mark.get("kind")
    return {
        "text": text if isinstance(text, str) and text.strip() else None,
        "from": "coach" if mark.get("from") == "coach" else "bot",
        "name": name if isinstance(name, str) and name.strip() else None,
        "kind": kind if isinstance(kind, str) else None,
    }
