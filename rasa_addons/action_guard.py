"""Rasa-side safety net for custom actions: a deadline, and an apology instead of silence.

Rasa 3.6 waits up to five minutes for the action server (``RemoteAction``
passes ``DEFAULT_REQUEST_TIMEOUT = 300`` to every request; endpoints.yml has
no option to lower it), and when the call fails the processor logs a
traceback and drops the action's events: suggestions vanish, forms skip
their question, and the person hears nothing.

``install()`` (called by the project's input channels when Rasa builds them)
wraps ``MessageProcessor._run_action``, the one place where Rasa runs every
action, so that each action runs under a deadline:

- the action (with every action-server call inside it, e.g. a form's
  ``validate_<form>`` and ``action_ask_<slot>``) must finish within
  ``timeout`` seconds (``action_endpoint.timeout`` in endpoints.yml, default
  8 s; more than the action server's own limit of ~7 s, after which it
  answers with its own apology, and less than the 10 s a person may wait);
  each HTTP request to the action server gets the same limit instead of 300 s;
- on a timeout, a connection error, an HTTP status other than 200/400, or any
  other exception, the person gets ``faults.try_again`` from
  bot/i18n/messages/faults.yml in the tracker's language, and the action's
  events are ``ActionExecutionRejected(action)``, ``BotUttered(apology)``,
  ``UserUtteranceReverted()`` and ``FollowupAction("action_listen")``: the
  message in flight is undone (with the slots extracted from it and the
  ``action_listen`` before it), so an active form keeps its ``requested_slot``
  and the next message answers the same question; the bot then listens
  (``apology_events`` says why the rejection, and when the revert is left out);
- ``action_handle_distress`` (the crisis reply) is never replaced by the
  apology: the person gets the same calm text with 112 and the crisis line
  (``bot.support_messages.distress_message``, written here in the Rasa
  process from the city's contacts), so a crisis message is answered even
  while the action server is down;
- ``action_session_start`` (no user message yet) falls back to Rasa's default
  session start instead, and the rest of that message skips the action server
  so that the apology still comes within the deadline;
- ONE log line at ERROR: conversation id, action name and the reason
  (``timeout``, ``connection``, ``HTTP 503``, an exception's class name);
  never the message text.

A 400 answer is Rasa's ``ActionExecutionRejection`` protocol and is left to Rasa.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
from typing import Any, List, Optional, Text

import aiohttp
from rasa.core.actions.action import (
    Action,
    ActionExecutionRejection,
    ActionSessionStart,
    RemoteAction,
    create_bot_utterance,
)
from rasa.core.processor import MessageProcessor
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    Event,
    FollowupAction,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot.locale import catalogue, registry
from bot.support_messages import distress_message
from rasa_addons import action_client, event_types

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 8.0
MAX_TIMEOUT_S = 9.5
FAULT_MARK = "digipoint_fault"
_DOWN_FLAG = "_digipoint_action_server_failed"
_INSTALLED_MARK = "_digipoint_action_guard"


class ActionServerFailed(RasaException):
    """The action server did not give a usable answer; ``reason`` is short and has no user data."""

    def __init__(self, reason: Text) -> None:
        """``reason``: e.g. ``"connection"``, ``"HTTP 503"``."""
        super().__init__(reason)
        self.reason = reason


def fault_text(key: Text, language: Optional[Text]) -> Text:
    """The fault message ``faults.<key>`` (``try_again``, ``id_too_long``, ...) in ``language``.

    From the message catalogue (bot/locale/messages/<locale>/faults.ftl), with
    its fallback chain: an unknown language gets the default locale's text.

    Raises:
        KeyError: ``key`` is not in the catalogue.
    """
    return catalogue.t(f"faults.{key}", language)


def tracker_language(tracker: Any) -> Text:
    """Registry code of the ``language`` slot, else of the latest message's or session's metadata.

    The default locale when none of them names a registry locale.
    """
    candidates = [tracker.get_slot("language")]
    latest = getattr(tracker, "latest_message", None)
    candidates.append(((getattr(latest, "metadata", None) or {}).get("language")))
    session_metadata = tracker.get_slot("session_started_metadata")  # a default slot of every domain
    candidates.append(session_metadata.get("language") if isinstance(session_metadata, dict) else None)
    for candidate in candidates:
        code = registry.normalise(str(candidate or ""))
        if code is not None:
            return code
    return registry.default_code()


def endpoint_timeout(endpoint: Optional[EndpointConfig]) -> float:
    """``action_endpoint.timeout`` from endpoints.yml in seconds (default 8, at most 9.5).

    Raises:
        ValueError: the configured value is not a positive number.
    """
    value = (endpoint.kwargs.get("timeout") if endpoint is not None else None) or DEFAULT_TIMEOUT_S
    timeout = float(value)
    if timeout <= 0:
        raise ValueError(f"action_endpoint.timeout must be a positive number of seconds, not {value!r}")
    return min(timeout, MAX_TIMEOUT_S)


class GuardedEndpoint(EndpointConfig):
    """The action endpoint with a per-request timeout and failures as ``ActionServerFailed``."""

    def __init__(self, original: EndpointConfig, timeout_s: float) -> None:
        """Same settings as ``original`` (url, headers, token, ...); requests time out after ``timeout_s``."""
        super().__init__(
            original.url,
            original.params,
            original.headers,
            original.basic_auth,
            original.token,
            original.token_name,
            original.cafile,
            **original.kwargs,
        )
        self.type = original.type
        self.timeout_s = timeout_s

    async def request(
        self,
        method: Text = "post",
        subpath: Optional[Text] = None,
        content_type: Optional[Text] = "application/json",
        compress: bool = False,
        **kwargs: Any,
    ) -> Optional[Any]:
        """``EndpointConfig.request`` with ``timeout_s``; 400 stays Rasa's rejection.

        Raises:
            ActionServerFailed: connection error, timeout, or an HTTP status >= 401.
            ClientResponseError: HTTP 400 (the SDK's ``ActionExecutionRejection``).
        """
        kwargs["timeout"] = aiohttp.ClientTimeout(total=self.timeout_s)
        try:
            if action_client.stock_client():
                return await super().request(method, subpath, content_type, compress, **kwargs)
            # One keep-alive session per event loop instead of Rasa's session per call.
            return await action_client.request(self, method, subpath, content_type, compress, **kwargs)
        except ClientResponseError as error:
            if error.status == 400:
                raise
            raise ActionServerFailed(f"HTTP {error.status}") from None
        except asyncio.TimeoutError:
            raise ActionServerFailed("timeout") from None
        except aiohttp.ClientConnectionError:
            raise ActionServerFailed("connection") from None
        except aiohttp.ClientError as error:
            raise ActionServerFailed(type(error).__name__) from None


def _loop_ran_this_turn(tracker: Any, form_names: List[Text]) -> bool:
    """Whether a form ran after the person's latest message (so a revert would undo more)."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name in form_names:
            return True
    return False


CRISIS_ACTION = "action_handle_distress"


def fallback_text(action_name: Text, tracker: Any) -> tuple[Text, Text]:
    """``(text, kind)`` said instead of a failed action: the crisis reply for
    ``action_handle_distress`` (kind ``crisis``), else ``faults.try_again`` (kind ``try_again``)."""
    language = tracker_language(tracker)
    if action_name == CRISIS_ACTION:
        city = tracker.get_slot("city")
        return distress_message(city if isinstance(city, str) else None, language), "crisis"
    return fault_text("try_again", language), "try_again"


def apology_events(action_name: Text, tracker: Any, form_names: List[Text]) -> List[Event]:
    """The events that replace a failed action's: see the module doc.

    ``ActionExecutionRejected(action_name)`` first, so Rasa logs no
    ``ActionExecuted`` for the failed action: a form's second and later
    ``ActionExecuted`` on its happy path hides the user message before it from
    ``applied_events()``, and ``UserUtteranceReverted`` would then undo the
    whole form. When a form already ran this turn (e.g. it completed and the
    action after it failed), the revert is left out for the same reason: what
    the form saved stays, only the failed action is missing.

    Args:
        action_name: the failed action.
        tracker: the processor's tracker for this message (before the failure).
        form_names: the domain's form names.
    """
    text, kind = fallback_text(action_name, tracker)
    utterance = create_bot_utterance({"text": text})
    utterance.metadata = {**(utterance.metadata or {}), FAULT_MARK: kind}
    events: List[Event] = [ActionExecutionRejected(action_name), utterance]
    if not _loop_ran_this_turn(tracker, form_names):
        events.append(UserUtteranceReverted())
    return [*events, FollowupAction(ACTION_LISTEN_NAME)]


def _uses_action_server(action: Action) -> bool:
    return isinstance(action, RemoteAction) or isinstance(
        getattr(action, "action_endpoint", None), EndpointConfig
    )


class GuardedAction(Action):
    """Runs ``inner`` under the deadline; a failure becomes the apology (see the module doc)."""

    def __init__(self, inner: Action, tracker: Any, timeout_s: float) -> None:
        """``tracker``: the processor's tracker for this message (carries the failure flag)."""
        self.inner = inner
        self.tracker = tracker
        self.timeout_s = timeout_s
        endpoint = getattr(inner, "action_endpoint", None)
        if isinstance(endpoint, EndpointConfig) and not isinstance(endpoint, GuardedEndpoint):
            inner.action_endpoint = GuardedEndpoint(endpoint, timeout_s)  # type: ignore[attr-defined]

    def name(self) -> Text:
        """The wrapped action's name."""
        return self.inner.name()

    def event_for_successful_execution(self, prediction: Any) -> Any:
        """The wrapped action's ``ActionExecuted`` event."""
        return self.inner.event_for_successful_execution(prediction)

    def __str__(self) -> Text:
        """The wrapped action's description."""
        return str(self.inner)

    async def run(self, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Event]:
        """The inner action's events, or the fallback events on failure (never raises but rejections).

        Raises:
            ActionExecutionRejection: passed on; Rasa's form protocol.
        """
        if getattr(self.tracker, _DOWN_FLAG, False) and _uses_action_server(self.inner):
            return await self._fallback(output_channel, nlg, tracker, domain, reason=None)
        try:
            return await asyncio.wait_for(
                self.inner.run(output_channel, nlg, tracker, domain), self.timeout_s
            )
        except ActionExecutionRejection:
            raise
        except asyncio.TimeoutError:
            reason = f"timeout after {self.timeout_s:g} s"
        except ActionServerFailed as failure:
            reason = failure.reason
        except Exception as error:  # noqa: BLE001  (any failure: tell the person, log one line)
            reason = type(error).__name__
        setattr(self.tracker, _DOWN_FLAG, True)
        return await self._fallback(output_channel, nlg, tracker, domain, reason=reason)

    async def _fallback(
        self, output_channel: Any, nlg: Any, tracker: Any, domain: Any, reason: Optional[Text]
    ) -> List[Event]:
        name = self.inner.name()
        if name == ACTION_SESSION_START_NAME:
            if reason:
                logger.error(
                    "Action %s failed (%s) in conversation %s; started the session without it.",
                    name, reason, tracker.sender_id,
                )  # fmt: skip
            return list(await ActionSessionStart().run(output_channel, nlg, tracker, domain))
        if reason:
            told = "got the crisis reply from Rasa" if name == CRISIS_ACTION else "was asked to try again"
            logger.error(
                "Action %s failed (%s) in conversation %s; the person %s.",
                name, reason, tracker.sender_id, told,
            )  # fmt: skip
        return apology_events(name, self.tracker, list(getattr(domain, "form_names", []) or []))


def install() -> None:
    """Wrap ``MessageProcessor._run_action`` once (idempotent).

    Raises:
        RuntimeError: Rasa's ``_run_action`` no longer has the 3.6 signature.
    """
    action_client.install()
    event_types.install()
    original = MessageProcessor._run_action
    if getattr(original, _INSTALLED_MARK, False):
        return
    expected = ["self", "action", "tracker", "output_channel", "nlg", "prediction"]
    if list(inspect.signature(original).parameters) != expected:
        raise RuntimeError(
            "rasa_addons.action_guard: MessageProcessor._run_action changed; check the Rasa version"
        )

    @functools.wraps(original)
    async def _run_action(
        self: MessageProcessor, action: Action, tracker: Any, output_channel: Any, nlg: Any, prediction: Any
    ) -> bool:
        guarded = GuardedAction(action, tracker, endpoint_timeout(self.action_endpoint))
        return bool(await original(self, guarded, tracker, output_channel, nlg, prediction))

    setattr(_run_action, _INSTALLED_MARK, True)
    MessageProcessor._run_action = _run_action  # type: ignore[method-assign]
