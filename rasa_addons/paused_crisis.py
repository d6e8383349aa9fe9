"""The crisis reply also while the bot is paused for a coach.

A handoff (``action_handoff_to_coach``) ends with ``ConversationPaused``: until
a coach hands the chat back, Rasa logs each message with its NLU parse and
runs no action (``MessageProcessor._should_handle_message``), so the coach
can talk without the bot answering too. A person who writes "I want to die"
while waiting for a coach would then hear nothing, perhaps for many minutes.

:func:`install` (called by the project's input channels, like
``rasa_addons.action_guard.install``) wraps
``MessageProcessor._run_prediction_loop``: when the tracker is paused and the
message just logged was classified ``express_distress`` (the crisis guard's
decision, ``rasa_addons.crisis_guard``), it runs ``action_handle_distress``
(the calm message with 112 and the crisis line, in the person's language)
and then ``action_listen``, and nothing else. The conversation stays paused:
the coach still sees every message and the bot's reply in the transcript.
Any other message of a paused conversation is left to Rasa as before.

One log line at WARNING names the conversation (never the text), so an
operator can see that a waiting person got the crisis reply.
"""

from __future__ import annotations

import functools
import inspect
import logging
from typing import Any

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.nlu.constants import INTENT_NAME_KEY

logger = logging.getLogger(__name__)

CRISIS_INTENT = "express_distress"
CRISIS_ACTION = "action_handle_distress"
POLICY_NAME = "PausedCrisisReply"
_INSTALLED_MARK = "_digipoint_paused_crisis"


def needs_crisis_reply(tracker: Any) -> bool:
    """Whether a paused conversation's latest message must get the crisis reply anyway.

    Args:
        tracker: a Rasa ``DialogueStateTracker``.

    Returns:
        True when the tracker is paused and its latest user message's intent is
        ``express_distress``; False otherwise (not paused: the policies answer).
    """
    latest = tracker.latest_message
    intent = (latest.intent or {}).get(INTENT_NAME_KEY) if latest is not None else None
    return bool(tracker.is_paused()) and intent == CRISIS_INTENT


async def run_crisis_reply(processor: MessageProcessor, output_channel: Any, tracker: Any) -> None:
    """Run ``action_handle_distress`` then ``action_listen`` on ``tracker`` (events added in place)."""
    for name in (CRISIS_ACTION, ACTION_LISTEN_NAME):
        prediction = PolicyPrediction.for_action_name(processor.domain, name, POLICY_NAME)
        await processor._run_action(processor._get_action(name), tracker, output_channel, processor.nlg,
                                    prediction)


def install() -> None:
    """Wrap ``MessageProcessor._run_prediction_loop`` once (idempotent).

    Raises:
        RuntimeError: Rasa's ``_run_prediction_loop`` no longer has the 3.6 signature.
    """
    original = MessageProcessor._run_prediction_loop
    if getattr(original, _INSTALLED_MARK, False):
        return
    if list(inspect.signature(original).parameters) != ["self", "output_channel", "tracker"]:
        raise RuntimeError(
            "rasa_addons.paused_crisis: MessageProcessor._run_prediction_loop changed; check the Rasa version"
        )

    @functools.wraps(original)
    async def _run_prediction_loop(self: MessageProcessor, output_channel: Any, tracker: Any) -> None:
        if needs_crisis_reply(tracker):
            logger.warning("Crisis message while paused for a coach in conversation %s: crisis reply sent",
                           tracker.sender_id)
            await run_crisis_reply(self, output_channel, tracker)
            return
        await original(self, output_channel, tracker)

    setattr(_run_prediction_loop, _INSTALLED_MARK, True)
    MessageProcessor._run_prediction_loop = _run_prediction_loop  # type: ignore[method-assign]
