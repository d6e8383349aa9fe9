"""The handoff to a human coach: queue, consent to share the summary, timeouts, Rasa's HTTP API.

Core package: the action server (``actions/handoff.py``), the coach dashboard
(``bot.coach``) and the worker (``bot.worker``) call it; it imports none of them.

Modules: ``models`` (tables), ``queue`` (enqueue, take, reply, hand back),
``consent`` (the handoff summary and the person's yes / no), ``expiry``
(timeouts, run by the worker), ``waiting`` (queue place and wait estimate),
``office_hours`` (when coaches answer), ``contact`` ("please contact me"),
``rasa_client`` (Rasa's HTTP API), ``chat_text`` (what the bot says around a
handoff, fi/sv/en).
"""

from bot.handoff.consent import (
    consent_answer,
    handoff_summary,
    record_chat_answer,
    shared_summary,
    sync_consent,
)
from bot.handoff.queue import (
    OPEN_STATUSES,
    Coach,
    HandoffError,
    enqueue,
    get,
    hand_back,
    latest_request,
    pop_undelivered,
    pop_undelivered_replies,
    queue,
    reply,
    take,
    timeout,
)

__all__ = [
    "OPEN_STATUSES",
    "Coach",
    "HandoffError",
    "consent_answer",
    "enqueue",
    "get",
    "hand_back",
    "handoff_summary",
    "latest_request",
    "pop_undelivered",
    "pop_undelivered_replies",
    "queue",
    "reply",
    "shared_summary",
    "sync_consent",
    "record_chat_answer",
    "take",
    "timeout",
]
