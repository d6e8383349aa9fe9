"""Socket.io input channel that accepts browser connections only from configured origins.

Rasa 3.6's ``SocketIOInput`` creates its server with
``cors_allowed_origins=[]``, which switches origin checking off, so any web
page could talk to the bot in its visitors' names. This subclass:

- accepts a connection only when its ``Origin`` header is one of the allowed
  origins (``rasa_addons.origins``: ``ALLOWED_ORIGINS``, else the
  ``allowed_origins`` credentials key, else the local demo origins; with
  ``DIGIPOINT_ENV=production`` an empty list or ``*`` stops Rasa at start).
  Clients that send no ``Origin`` header are not browsers, so origin rules
  cannot apply to them; they are accepted (``require_origin: true`` refuses them).
- awaits ``enter_room`` (a coroutine in python-socketio 5): Rasa 3.6.21 calls
  it without ``await``, so with ``session_persistence: true`` the bot's
  replies, sent to the session's room, never reached the browser.
- accepts a message only for the session its socket asked for with
  ``session_request``, and only well-formed session ids (8-64 of
  ``[A-Za-z0-9_-]``; a malformed one is replaced by a new id, which the
  widget adopts). A session id longer than the tracker's column
  (``MAX_SENDER_ID_LENGTH``) is refused: the socket gets a ``bot_uttered``
  message with ``faults.id_too_long`` in the page's language (the
  message's ``metadata.language``, else the browser's Accept-Language) and no
  session.
- puts the text in Unicode NFC, and gives the person the apology when the
  tracker store fails (``handle_or_apologise``); any other failure also gets
  ``faults.try_again`` and one log line with the conversation id.
- with ``SOCKETIO_REDIS_URL`` set (``redis://:<password>@host:port/db``, the
  production profile), shares its rooms with the other Rasa processes through
  Redis (python-socketio's ``AsyncRedisManager`` on ``redis.asyncio``): a bot
  message one process sends to a session's room, say a coach's reply run
  through that process's HTTP API (``/execute?output_channel=latest``),
  reaches the socket another process holds. Unset (one process), rooms stay
  in the process.

Referenced from ``credentials.yml`` as
``rasa_addons.socketio_channel.RestrictedSocketIOInput`` with the original
keys (``user_message_evt``, ``bot_message_evt``, ``session_persistence``,
``metadata_key``, ...) plus ``allowed_origins`` and ``require_origin``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncRedisManager, AsyncServer

from bot.locale import registry
from rasa_addons import action_guard, paused_replies
from rasa_addons.action_guard import FAULT_MARK, fault_text
from rasa_addons.channel_language import channel_language
from rasa_addons.origins import origin_allowed, resolve_allowed_origins
from rasa_addons.tracker_store import MAX_SENDER_ID_LENGTH, InvalidSenderId, handle_or_apologise
from rasa_addons.unicode_nfc import nfc

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def client_manager() -> Optional[AsyncRedisManager]:
    """The Redis client manager when ``SOCKETIO_REDIS_URL`` is set, else None (rooms in memory).

    It connects lazily: on the first emit, and when the first socket connects
    (it then listens for the other processes' messages). Its log lines never
    carry the URL (which holds the password).
    """
    url = os.environ.get("SOCKETIO_REDIS_URL", "").strip()
    if not url:
        return None
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("SOCKETIO_REDIS_URL must be a redis://, rediss:// or unix:// URL")
    return AsyncRedisManager(url, channel="digipoint-socketio")


def _as_metadata(value: Any) -> Dict[Text, Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}



def accepted_language(header: Optional[Text]) -> Text:
    """The first registry locale of an ``Accept-Language`` header, as a registry code; "" if none.

    ``"sv-FI,sv;q=0.9,en;q=0.8"`` gives ``"sv"``; tags are matched by
    bot.locale.registry (by subtags, never cut to two letters), in the
    header's order (browsers list them by preference). Weights are not
    re-sorted: browsers send them in descending order.
    """
    for part in str(header or "").split(","):
        code = registry.normalise(part.split(";")[0].strip())
        if code is not None:
            return code
    return ""

class RestrictedSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel with an origin allow-list and working session rooms."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "RestrictedSocketIOInput":
        """Build the channel from ``credentials.yml`` (original keys + origin keys)."""
        credentials = credentials or {}
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            credentials.get("session_persistence", False),
            credentials.get("socketio_path", "/socket.io"),
            credentials.get("jwt_key"),
            credentials.get("jwt_method", "HS256"),
            credentials.get("metadata_key", "metadata"),
            allowed_origins=credentials.get("allowed_origins"),
            require_origin=bool(credentials.get("require_origin", False)),
        )

    def __init__(
        self,
        user_message_evt: Text = "user_uttered",
        bot_message_evt: Text = "bot_uttered",
        namespace: Optional[Text] = None,
        session_persistence: bool = False,
        socketio_path: Optional[Text] = "/socket.io",
        jwt_key: Optional[Text] = None,
        jwt_method: Optional[Text] = "HS256",
        metadata_key: Optional[Text] = "metadata",
        allowed_origins: Union[None, Text, List[Text]] = None,
        require_origin: bool = False,
    ) -> None:
        """Same arguments as ``SocketIOInput`` plus the origin allow-list."""
        super().__init__(
            user_message_evt,
            bot_message_evt,
            namespace,
            session_persistence,
            socketio_path,
            jwt_key,
            jwt_method,
            metadata_key,
        )
        self.allowed_origins = resolve_allowed_origins(allowed_origins, "socket.io")
        self.require_origin = require_origin
        self._session_of_socket: Dict[Text, Text] = {}
        self._language_of_socket: Dict[Text, Text] = {}
        action_guard.install()
        paused_replies.install()

    def origin_allowed(self, origin: Optional[Text]) -> bool:
        """Whether a connection with this ``Origin`` header may be accepted."""
        return origin_allowed(origin, self.allowed_origins, self.require_origin)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The Sanic blueprint: socket.io server with origin checks and session rooms."""
        cors: Union[Text, List[Text]] = "*" if "*" in self.allowed_origins else self.allowed_origins
        manager = client_manager()
        if manager is not None:
            logger.info("socket.io rooms are shared with the other Rasa processes through Redis.")
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=cors, client_manager=manager)
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio
        namespace = self.namespace

        async def refuse_long_id(sid: Text, data: Dict, length: int) -> None:
            metadata = _as_metadata(data.get(self.metadata_key, {}))
            language = channel_language(
                metadata.get("language"), data.get("language"), self._language_of_socket.get(sid),
                source="socket.io channel",
            )
            logger.warning(
                "Refused a socket.io session id of %d characters (at most %d).", length, MAX_SENDER_ID_LENGTH
            )
            text = fault_text("id_too_long", language)
            await sio.emit(
                self.bot_message_evt, {"text": text, FAULT_MARK: "id_too_long"}, room=sid, namespace=namespace
            )

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if not self.origin_allowed(origin):
                logger.warning("Refused socket.io connection from origin %r.", origin)
                return False
            self._language_of_socket[sid] = accepted_language(environ.get("HTTP_ACCEPT_LANGUAGE"))
            if self.jwt_key:
                token = (auth or {}).get("token")
                payload = decode_bearer_token(token, self.jwt_key, self.jwt_algorithm) if token else None
                return bool(payload)
            return True

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: Text) -> None:
            self._session_of_socket.pop(sid, None)
            self._language_of_socket.pop(sid, None)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            requested = (data or {}).get("session_id") if isinstance(data, dict) else None
            if isinstance(requested, str) and len(requested) > MAX_SENDER_ID_LENGTH:
                await refuse_long_id(sid, data or {}, len(requested))
                return
            well_formed = isinstance(requested, str) and SESSION_ID.match(requested)
            session_id = requested if well_formed else uuid.uuid4().hex
            previous = self._session_of_socket.get(sid)
            if previous and previous != session_id:
                await sio.leave_room(sid, previous, namespace=namespace)
            self._session_of_socket[sid] = session_id
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                sender_id = data.get("session_id")
                if isinstance(sender_id, str) and len(sender_id) > MAX_SENDER_ID_LENGTH:
                    await refuse_long_id(sid, data, len(sender_id))
                    return
                if not sender_id or sender_id != self._session_of_socket.get(sid):
                    logger.warning("Ignored a message for a session this socket did not request.")
                    return
            else:
                sender_id = sid
            text = data.get("message", "")
            output = SocketIOOutput(sio, self.bot_message_evt)
            metadata = _as_metadata(data.get(self.metadata_key, {}))
            message = UserMessage(
                nfc(text) if isinstance(text, str) else "",
                output,
                sender_id,
                input_channel=self.name(),
                metadata=metadata,
            )
            try:
                await handle_or_apologise(on_new_message, message)
            except InvalidSenderId:  # not reached: session ids are checked above
                await refuse_long_id(sid, data, len(sender_id))
            except Exception as error:  # noqa: BLE001  (the person is told; one line for the operator)
                logger.error(
                    "socket.io message in conversation %s failed (%s).", sender_id, type(error).__name__
                )
                language = channel_language(
                    metadata.get("language"), self._language_of_socket.get(sid), source="socket.io channel"
                )
                await output.send_text_message(sender_id, fault_text("try_again", language))

        return socketio_webhook
