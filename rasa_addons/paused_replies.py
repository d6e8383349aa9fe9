"""The few replies the bot still gives while it is paused for a coach.

A handoff (``action_handoff_to_coach``) ends with ``ConversationPaused``: until
a coach hands the chat back, Rasa logs each message with its NLU parse and
runs no action (``MessageProcessor._should_handle_message``), so the coach
can talk without the bot answering too. Two messages cannot wait for that:

- a crisis message (``express_distress``, the crisis guard's decision,
  ``rasa_addons.crisis_guard``): "I want to die" while waiting for a coach
  would otherwise get no answer, perhaps for many minutes. It gets
  ``action_handle_distress`` (the calm message with 112 and the crisis line,
  in the person's language), and one WARNING log line names the
  conversation (never the text), so an operator can see it;
- a yes or no (``affirm``, ``deny``) to "May the coach read it?", the
  question the handoff asks last: ``action_record_handoff_consent``
  (``actions/handoff_consent.py``) records it and confirms it, or says
  nothing when the message was not that answer.

:func:`install` (called by the project's input channels, like
``rasa_addons.action_guard.install``) wraps
``MessageProcessor._run_prediction_loop``: for those messages of a paused
tracker it runs the action and then ``action_listen``, and nothing else. The
conversation stays paused: the coach still sees every message and the bot's
reply in the transcript. Any other message of a paused conversation is left
to Rasa as before.
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
CONSENT_ACTION = "action_record_handoff_consent"
# Intent of the latest message -> the action run for it while paused.
PAUSED_ACTIONS: dict[str, str] = {
    CRISIS_INTENT: CRISIS_ACTION,
    "affirm": CONSENT_ACTION,
    "deny": CONSENT_ACTION,
}
POLICY_NAME = "PausedReply"
_INSTALLED_MARK = "_digipoint_paused_replies"


def paused_reply_action(tracker: Any) -> str | None:
    """The action a paused conversation's latest message gets anyway, or None.

    Args:
        tracker: a Rasa ``DialogueStateTracker``.

    Returns:
        ``action_handle_distress`` for ``express_distress``,
        ``action_record_handoff_consent`` for ``affirm`` / ``deny``, when the
        tracker is paused; None for any other message, and whenever the
        tracker is not paused (then the policies answer).
    """
    if not tracker.is_paused():
        return None
    latest = tracker.latest_message
    intent = (latest.intent or {}).get(INTENT_NAME_KEY) if latest is not None else None
    return PAUSED_ACTIONS.get(str(intent))


async def run_paused_reply(
    processor: MessageProcessor, output_channel: Any, tracker: Any, action: str
) -> None:
    """Run ``action`` then ``action_listen`` on ``tracker`` (events added in place)."""
    for name in (action, ACTION_LISTEN_NAME):
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
            "rasa_addons.paused_replies: MessageProcessor._run_prediction_loop changed; "
            "check the Rasa version"
        )

    @functools.wraps(original)
    async def _run_prediction_loop(self: MessageProcessor, output_channel: Any, tracker: Any) -> None:
        action = paused_reply_action(tracker)
        if action is None:
            await original(self, output_channel, tracker)
            return
        if action == CRISIS_ACTION:
            logger.warning("Crisis message while paused for a coach in conversation %s: crisis reply sent",
                           tracker.sender_id)
        await run_paused_reply(self, output_channel, tracker, action)

    setattr(_run_prediction_loop, _INSTALLED_MARK, True)
    MessageProcessor._run_prediction_loop = _run_prediction_loop  # type: ignore[method-assign]
