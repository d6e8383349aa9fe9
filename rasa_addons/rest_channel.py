"""REST input channel: Rasa's ``RestInput`` with checks a city can run in public.

Same address and request as Rasa's ``rest`` channel:
``POST /webhooks/rest/webhook`` with JSON ``{"sender": "<id>", "message":
"<text>", "metadata": {"language": "fi", "city": "Espoo"}}``; the answer is
the list of bot messages (``[{"recipient_id", "text", "buttons", ...}]``).
Differences:

- a browser's ``Origin`` header must be one of ``ALLOWED_ORIGINS``
  (``rasa_addons.origins``), else HTTP 403 ``{"error": "origin_not_allowed"}``;
  with ``DIGIPOINT_ENV=production`` an empty list or ``*`` stops Rasa at start;
- ``sender`` must be a non-empty string (or number) of at most
  ``MAX_SENDER_ID_LENGTH`` characters (the tracker's column), else HTTP 400
  ``{"error": "sender_id_too_long" | "sender_id_invalid" (a NUL character) |
  "sender_missing", "max_length": 255,
  "message": <faults.id_too_long in the metadata's language>}``; the message is
  not processed;
- the text is put in Unicode NFC, so the tracker stores NFC;
- a tracker-store failure gives the person the apology
  (``handle_or_apologise`` of rasa_addons/tracker_store.py) instead of a
  blank conversation; any other failure also gets ``faults.try_again`` and
  ONE log line with the conversation id (Rasa's own channel logged the text);
- ``?stream=true`` is not offered (nothing DigiPoint serves uses it).

Referenced from credentials.yml as ``rasa_addons.rest_channel.DigiPointRestInput``
(keys: ``allowed_origins``, optional; ``ALLOWED_ORIGINS`` wins).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa_addons import action_guard, api_errors, paused_replies
from rasa_addons.action_guard import fault_text
from rasa_addons.channel_language import channel_language
from rasa_addons.origins import origin_allowed, resolve_allowed_origins
from rasa_addons.tracker_store import (
    MAX_SENDER_ID_LENGTH,
    InvalidSenderId,
    SenderIdTooLong,
    check_sender_id,
    handle_or_apologise,
)
from rasa_addons.unicode_nfc import nfc

logger = logging.getLogger(__name__)


def metadata_language(metadata: Optional[Dict[Text, Any]]) -> Text:
    """The registry tag of ``metadata["language"]`` (``"fi"``, ``"fi-x-plain"``), else the default locale.

    Read by bot.locale.registry (rasa_addons.channel_language): ``"sv_SE"`` is
    Swedish, ``"fil"`` is not Finnish; an unknown tag gets one log line.
    """
    language = metadata.get("language") if isinstance(metadata, dict) else None
    return channel_language(language, source="REST channel")


def sender_problem(sender: Any) -> Optional[Text]:
    """Why ``sender`` cannot be a conversation id: ``sender_missing``, ``sender_id_too_long`` or ``None``."""
    if isinstance(sender, bool) or not isinstance(sender, (str, int)) or not str(sender).strip():
        return "sender_missing"
    try:
        check_sender_id(str(sender))
    except SenderIdTooLong:
        return "sender_id_too_long"
    except InvalidSenderId:
        return "sender_id_invalid"
    return None


def refusal(error: Text, status: int, language: Optional[Text] = None) -> HTTPResponse:
    """The JSON error answer: ``{"error", "max_length", "message"}`` (message in fi/sv/en)."""
    body: Dict[Text, Any] = {"error": error}
    if error.startswith("sender"):
        body["max_length"] = MAX_SENDER_ID_LENGTH
        body["message"] = fault_text("id_too_long", language)
    return response.json(body, status=status)


class DigiPointRestInput(RestInput):
    """Rasa's REST channel (name ``rest``) with origin, sender and NFC checks."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "DigiPointRestInput":
        """Build from credentials.yml; ``allowed_origins`` is optional."""
        return cls(allowed_origins=(credentials or {}).get("allowed_origins"))

    def __init__(self, allowed_origins: Union[None, Text, List[Text]] = None) -> None:
        """Resolve the origins now, so a refused setting stops Rasa at start.

        Raises:
            rasa_addons.origins.OriginsRefused: production with ``*`` or no origins.
        """
        self.allowed_origins = resolve_allowed_origins(allowed_origins, "REST")
        action_guard.install()
        api_errors.install()
        paused_replies.install()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """``GET /webhooks/rest/`` (status) and ``POST /webhooks/rest/webhook``."""
        module = inspect.getmodule(self)
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", module.__name__ if module else None)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not origin_allowed(request.headers.get("origin"), self.allowed_origins):
                logger.warning("Refused a REST request from an origin not in ALLOWED_ORIGINS.")
                return refusal("origin_not_allowed", 403)
            try:
                body = request.json
            except Exception:  # noqa: BLE001  (Sanic raises its own BadRequest types)
                body = None
            if not isinstance(body, dict):
                return refusal("json_object_expected", 400)
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            problem = sender_problem(body.get("sender"))
            if problem:
                logger.warning("Refused a REST message: %s.", problem.replace("_", " "))
                return refusal(problem, 400, metadata_language(metadata))
            sender = str(body["sender"])
            text = body.get("message")
            collector = CollectingOutputChannel()
            message = UserMessage(
                nfc(text) if isinstance(text, str) else "",
                collector,
                sender,
                input_channel=self.name(),
                metadata=metadata,
            )
            try:
                await handle_or_apologise(on_new_message, message)
            except SenderIdTooLong:
                return refusal("sender_id_too_long", 400, metadata_language(metadata))
            except InvalidSenderId:
                return refusal("sender_id_invalid", 400, metadata_language(metadata))
            except asyncio.CancelledError:
                logger.error("REST request for conversation %s was cancelled before the answer.", sender)
                raise
            except Exception as error:  # noqa: BLE001  (the person is told; one line for the operator)
                logger.error("REST message in conversation %s failed (%s).", sender, type(error).__name__)
                apology = fault_text("try_again", metadata_language(metadata))
                collector.messages = [{"recipient_id": sender, "text": apology}]
            return response.json(collector.messages)

        return webhook
