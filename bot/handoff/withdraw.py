""""Delete my data" while the bot is paused for a coach: withdraw the handoff, run the normal delete flow.

While a person waits for (or talks with) a coach the conversation is paused
(``ConversationPaused``): Rasa logs each message with its NLU parse but runs no
action, so the delete rules never fire. The worker (job ``handoff_withdraw``,
:mod:`bot.worker.jobs`) reads the tracker of every open handoff each tick and,
when the person asked to delete after the pause, withdraws the handoff
(status ``closed``), resumes the bot and runs what the delete rules would have:

- ``confirmed``: the widget's "End and clear" with "also delete" sends the
  payload ``/delete_my_data`` and, right after it, the payload ``/affirm``: the
  person already said yes in the widget, so ``action_delete_my_data`` runs at once
  (the widget then gets its "clear" message).
- ``asked``: typed "delete my data" (or anything else): ``utter_confirm_delete``
  (Yes / No), and the normal rules handle the answer.

Idempotent: nothing is done again once one of those actions ran after the request.

Shapes:
    ``delete_kind(events) -> "confirmed" | "asked" | None`` (Rasa tracker events, oldest first).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import utcnow
from bot.handoff import rasa_client
from bot.handoff.models import HandoffRequest
from bot.handoff.queue import OPEN_STATUSES

log = logging.getLogger(__name__)
DELETE_INTENT = "delete_my_data"
ANSWER_ACTIONS = ("utter_confirm_delete", "action_delete_my_data")


def _intent(event: dict[str, Any]) -> str:
    return str(((event.get("parse_data") or {}).get("intent") or {}).get("name") or "")


def delete_kind(events: list[dict[str, Any]]) -> str | None:
    """How to answer a delete request made after the conversation's last pause (module docstring)."""
    pauses = [i for i, event in enumerate(events) if event.get("event") == "pause"]
    if not pauses:
        return None
    after = events[pauses[-1] + 1:]
    asked = next((i for i, e in enumerate(after) if e.get("event") == "user" and _intent(e) == DELETE_INTENT),
                 None)
    if asked is None:
        return None
    rest = after[asked + 1:]
    if any(e.get("event") == "action" and e.get("name") in ANSWER_ACTIONS for e in rest):
        return None
    users = [e for e in rest if e.get("event") == "user"]
    payload = str(after[asked].get("text") or "").startswith("/")
    first = users[0] if users else {}
    tapped_yes = _intent(first) == "affirm" and str(first.get("text") or "").startswith("/")
    if payload and tapped_yes:
        return "confirmed"
    return "asked"


def due(session: Session) -> list[tuple[int, str]]:
    """``(request id, conversation id)`` of open handoffs whose person asked to delete their data."""
    out = []
    for request in session.scalars(select(HandoffRequest).where(HandoffRequest.status.in_(OPEN_STATUSES))):
        try:
            events = rasa_client.tracker_events(request.conversation_id)
        except rasa_client.RasaError as error:
            log.warning("handoff_withdraw: tracker of request %s not read (%s)", request.id, error)
            continue
        if delete_kind(events):
            out.append((request.id, request.conversation_id))
    return out


def withdraw_and_delete(session: Session, request_id: int, conversation_id: str) -> str | None:
    """Close the handoff (the person withdrew), resume the bot and answer the delete request.

    Returns the conversation id it acted on; raises ``RasaError`` (the worker retries).
    """
    kind = delete_kind(rasa_client.tracker_events(conversation_id))
    request = session.get(HandoffRequest, request_id)
    if request is not None and request.status in OPEN_STATUSES:
        request.status, request.closed_at = "closed", utcnow()
        session.commit()
        log.info("handoff %s withdrawn: the person asked to delete their data", request_id)
    if kind is None:
        return None
    rasa_client.resume(conversation_id)
    rasa_client.run_action(conversation_id, "action_delete_my_data" if kind == "confirmed"
                           else "utter_confirm_delete")
    rasa_client.listen(conversation_id)
    return conversation_id
