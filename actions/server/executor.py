"""rasa-sdk's ActionExecutor, with every action call off the event loop and under a time limit.

:class:`GuardedActionExecutor` replaces ``ActionExecutor.run`` (what the
``/webhook`` route awaits) by the same call run on a worker thread of a
:class:`~actions.server.pool.LoopThreadPool`, within ``timeout_seconds``.

When the limit passes, or the action raises, the person still gets an answer
in time and the conversation stays where it was (:func:`fallback_result`):
HTTP 200 with ``responses`` = one message, ``faults.slow_answer`` (too slow)
or ``faults.try_again`` (failed), in the conversation's language, and events
that depend on where the action runs (Rasa 3.6, checked with its trackers):

- an action that is the first after the person's message (``action_suggest``
  after "/ask_jobs", ``action_delete_my_data``): ``ActionExecutionRejected``
  (Rasa logs no ``ActionExecuted`` for it), ``UserUtteranceReverted``
  (``rewind``: the message and what followed it are undone, with the slots
  taken from it, so a form keeps its ``requested_slot`` and the next message
  answers the same question) and ``FollowupAction("action_listen")``. The
  events stay in the tracker store: nothing is lost from the transcript.
- a custom action after a form step in the same turn (``action_score_interests``
  when the interest form has just completed): a rewind would undo the whole
  form (a form's happy-path ``ActionExecuted`` hides the message from
  ``applied_events``), so ``ActionExecutionRejected``, then ``ActiveLoop`` and
  ``SlotSet`` events that set the loop and the slots this turn changed back to
  their values before the message (the form is active again, asking the same
  question), and ``FollowupAction("action_listen")``.
- a form's ``validate_<form>``: ``SlotSet(<slot>, None)`` for the slots taken
  from the message (and the requested one), so the form asks the same question again.
- a form's ``action_ask_<slot>``: no events (the form has set ``requested_slot``).
- ``action_session_start`` (which runs before the message is logged): the
  events of a plain session start, ``SessionStarted``, the carried-over slots,
  ``ActionExecuted("action_listen")``, and no message.

The operator sees one ERROR line per fault, with the action name, the
conversation id and (for a failure) the exception's class and the project
source line it came from; never the message text or the exception's message.
rasa-sdk's own errors for unknown actions, rejections and a missing domain
(404, 400, 449) pass through unchanged.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Any

from rasa_sdk.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActiveLoop,
    FollowupAction,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
)
from rasa_sdk.executor import ActionExecutor, ActionExecutorRunResult, CollectingDispatcher
from rasa_sdk.interfaces import (
    ActionExecutionRejection,
    ActionMissingDomainException,
    ActionNotFoundException,
)

from actions.server.pool import LoopThreadPool
from actions.session import NOT_CARRIED
from bot.i18n import normalise_language, t

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SESSION_START = "action_session_start"
PASSED_THROUGH = (ActionExecutionRejection, ActionMissingDomainException, ActionNotFoundException)


def _events_this_turn(tracker: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The tracker's events after the person's latest message; None when there is no message."""
    events = tracker.get("events") or []
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "user":
            return events[index + 1 :]
    latest = tracker.get("latest_message") or {}
    if latest.get("text") or (latest.get("intent") or {}).get("name"):
        return []  # a message, but the events were not sent: nothing ran after it that we know of
    return None


def _form_ran(turn: list[dict[str, Any]], form_names: set[str]) -> bool:
    return any(
        e.get("event") == "active_loop" or (e.get("event") == "action" and e.get("name") in form_names)
        for e in turn
    )


def _restore_turn(tracker: dict[str, Any]) -> list[dict[str, Any]]:
    """Events that set the active loop and the slots changed since the person's latest message
    back to their values before it (a form that completed with this message is active again,
    asking the same question)."""
    events = tracker.get("events") or []
    user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    before, turn = events[:user], events[user + 1 :]

    def last_before(kind: str, name: str | None = None) -> dict[str, Any] | None:
        for event in reversed(before):
            if event.get("event") == kind and (name is None or event.get("name") == name):
                return event
        return None

    restored: list[dict[str, Any]] = []
    if any(e.get("event") == "active_loop" for e in turn):
        loop = last_before("active_loop")
        restored.append(ActiveLoop(loop.get("name") if loop else None))
    changed = dict.fromkeys(e["name"] for e in turn if e.get("event") == "slot" and e.get("name"))
    for slot in changed:
        previous = last_before("slot", slot)
        restored.append(SlotSet(slot, previous.get("value") if previous else None))
    return restored


def _candidate_slots(tracker: dict[str, Any]) -> list[str]:
    """Slots a form validation would check: the SlotSet events at the end of the tracker."""
    names: list[str] = []
    for event in reversed(tracker.get("events") or []):
        if event.get("event") != "slot":
            break
        if event.get("name") != "requested_slot" and event.get("name") not in names:
            names.append(event["name"])
    requested = (tracker.get("slots") or {}).get("requested_slot")
    if isinstance(requested, str) and requested not in names:
        names.append(requested)
    return names


def fallback_result(
    action_call: dict[str, Any], message_key: str, domain: dict[str, Any] | None = None
) -> ActionExecutorRunResult:
    """The answer for an action call that timed out or failed (see the module docstring).

    Args:
        action_call: the webhook's request body (``next_action``, ``tracker``, ...).
        message_key: ``"faults.slow_answer"`` or ``"faults.try_again"``.
        domain: the domain known to the executor (for ``session_config``, ``forms``), if any.

    Returns:
        Events and responses as rasa-sdk's webhook sends them.
    """
    name = str(action_call.get("next_action") or "")
    tracker = action_call.get("tracker") or {}
    slots = tracker.get("slots") or {}
    domain = action_call.get("domain") or domain or {}
    if name == SESSION_START:
        events: list[dict[str, Any]] = [SessionStarted()]
        if (domain.get("session_config") or {}).get("carry_over_slots_to_new_session", True):
            events.extend(
                SlotSet(slot, value)
                for slot, value in slots.items()
                if value is not None and slot not in NOT_CARRIED
            )
        events.append(ActionExecuted("action_listen"))
        return ActionExecutorRunResult(events=events, responses=[])
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=t(message_key, normalise_language(slots.get("language"))))
    turn = _events_this_turn(tracker)
    if name.startswith("validate_"):
        # Inside the form: reject what was taken from the message, so the form asks again.
        events = [SlotSet(slot, None) for slot in _candidate_slots(tracker)]
    elif name.startswith("action_ask_") or turn is None:
        events = []  # inside the form (it has set requested_slot), or no message to undo
    elif _form_ran(turn, set(domain.get("forms") or {})):
        # A form step ran this turn: a rewind would undo the whole form (its happy-path
        # ActionExecuted hides the message from applied_events). Set back what the turn changed.
        events = [ActionExecutionRejected(name), *_restore_turn(tracker), FollowupAction("action_listen")]
    else:
        events = [ActionExecutionRejected(name), UserUtteranceReverted(), FollowupAction("action_listen")]
    return ActionExecutorRunResult(events=events, responses=dispatcher.messages)


def where(exc: BaseException) -> str:
    """``"actions/x.py:12"``: the innermost traceback frame in this project's code (else the innermost)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    ours = [f for f in frames if f.filename.startswith(str(PROJECT_ROOT)) and "/.venv" not in f.filename]
    frame = (ours or frames)[-1]
    path = Path(frame.filename)
    shown = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else Path(path.name)
    return f"{shown}:{frame.lineno}"


class GuardedActionExecutor(ActionExecutor):
    """An ActionExecutor whose ``run`` never blocks the event loop and always answers in time.

    Args:
        timeout_seconds: limit for one action call, waiting for a free thread
            included (> 0; keep it well under Rasa's 10 s).
        worker_threads: how many action calls may run at once (>= 1).

    Raises:
        ValueError: ``timeout_seconds`` <= 0 or ``worker_threads`` < 1.
    """

    def __init__(self, timeout_seconds: float = 7.0, worker_threads: int = 8) -> None:
        super().__init__()
        if timeout_seconds <= 0:
            raise ValueError(f"the action time limit must be positive, not {timeout_seconds}")
        self.timeout_seconds = timeout_seconds
        self.pool = LoopThreadPool(worker_threads)

    def __getstate__(self) -> dict[str, Any]:
        """Picklable state for Sanic's worker process: a fresh, unstarted pool."""
        state = super().__getstate__()
        state["pool"] = LoopThreadPool(self.pool.size, self.pool.name)
        return state

    async def run(  # type: ignore[override]
        self,
        action_call: dict[str, Any],
        sink: Any = None,
        dispatcher: CollectingDispatcher | None = None,
    ) -> ActionExecutorRunResult | None:
        """Run the action named by ``action_call["next_action"]`` on a worker thread.

        Returns:
            The action's events and responses; :func:`fallback_result` after
            ``timeout_seconds`` or when the action raised; ``None`` without an
            action name (as rasa-sdk).

        Raises:
            ActionNotFoundException, ActionExecutionRejection,
            ActionMissingDomainException: as rasa-sdk (the webhook answers
            404, 400 and 449).
        """
        name = action_call.get("next_action")
        if sink is not None or dispatcher is not None or not name or name not in self.actions:
            # Streaming transports, no action or an unknown one: rasa-sdk's own handling.
            return await super().run(action_call, sink=sink, dispatcher=dispatcher)
        conversation = action_call.get("sender_id") or (action_call.get("tracker") or {}).get("sender_id")
        try:
            return await self.pool.run(lambda: ActionExecutor.run(self, action_call), self.timeout_seconds)
        except PASSED_THROUGH:
            raise
        except TimeoutError:
            logger.error(
                "action %s did not finish within %.1f s (conversation %s, %d of %d threads busy); "
                "the person was asked to send their message again",
                name, self.timeout_seconds, conversation, self.pool.busy, self.pool.size,
            )
            return fallback_result(action_call, "faults.slow_answer", self.domain)
        except Exception as exc:  # any failure of the action: one line, an apology, nothing lost
            logger.error(
                "action %s failed (conversation %s): %s at %s",
                name, conversation, type(exc).__name__, where(exc),
            )
            return fallback_result(action_call, "faults.try_again", self.domain)
