"""Socket.io input channel that accepts browser connections only from configured origins.

Rasa 3.6's ``SocketIOInput`` creates its server with
``cors_allowed_origins=[]``, which switches origin checking off, so any web
page could talk to the bot in its visitors' names. This subclass:

- accepts a connection only when its ``Origin`` header is one of the allowed
  origins (environment variable ``ALLOWED_ORIGINS``, comma separated; else
  the ``allowed_origins`` credentials key; else the local demo origins).
  ``*`` is honoured only when ``DIGIPOINT_ENV=development``; elsewhere it is
  ignored with an error in the log. Clients that send no ``Origin`` header
  are not browsers, so origin rules cannot apply to them; they are accepted
  (set ``require_origin: true`` to refuse them).
- awaits ``enter_room`` (a coroutine in python-socketio 5): Rasa 3.6.21 calls
  it without ``await``, so with ``session_persistence: true`` the bot's
  replies, sent to the session's room, never reached the browser.
- accepts a message only for the session its socket asked for with
  ``session_request``, and only well-formed session ids.

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
from socketio import AsyncServer

logger = logging.getLogger(__name__)

DEFAULT_ALLOWED_ORIGINS = ("http://localhost:8080", "http://127.0.0.1:8080")
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def parse_origins(value: Union[None, Text, List[Text]]) -> List[Text]:
    """Split a comma-separated string (or list) of origins; trailing slashes dropped."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(item).strip().rstrip("/") for item in items if str(item).strip()]


def resolve_allowed_origins(configured: Union[None, Text, List[Text]]) -> List[Text]:
    """The origins to accept: ``ALLOWED_ORIGINS`` env, else ``configured``, else the demo's.

    ``*`` survives only when ``DIGIPOINT_ENV`` is ``development``.
    """
    env_value = os.environ.get("ALLOWED_ORIGINS")
    origins = parse_origins(env_value) if env_value else parse_origins(configured)
    if not origins:
        origins = list(DEFAULT_ALLOWED_ORIGINS)
    if "*" in origins and os.environ.get("DIGIPOINT_ENV", "").lower() != "development":
        logger.error("ALLOWED_ORIGINS contains '*' outside development; ignoring it.")
        origins = [origin for origin in origins if origin != "*"] or list(DEFAULT_ALLOWED_ORIGINS)
    return origins


def _as_metadata(value: Any) -> Dict[Text, Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


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
        self.allowed_origins = resolve_allowed_origins(allowed_origins)
        self.require_origin = require_origin
        self._session_of_socket: Dict[Text, Text] = {}

    def origin_allowed(self, origin: Optional[Text]) -> bool:
        """Whether a connection with this ``Origin`` header may be accepted."""
        if not origin:
            return not self.require_origin
        return "*" in self.allowed_origins or origin.rstrip("/") in self.allowed_origins

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The Sanic blueprint: socket.io server with origin checks and session rooms."""
        cors: Union[Text, List[Text]] = "*" if "*" in self.allowed_origins else self.allowed_origins
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=cors)
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio
        namespace = self.namespace

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if not self.origin_allowed(origin):
                logger.warning("Refused socket.io connection from origin %r.", origin)
                return False
            if self.jwt_key:
                token = (auth or {}).get("token")
                payload = decode_bearer_token(token, self.jwt_key, self.jwt_algorithm) if token else None
                return bool(payload)
            return True

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: Text) -> None:
            self._session_of_socket.pop(sid, None)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            requested = (data or {}).get("session_id") if isinstance(data, dict) else None
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
                if not sender_id or sender_id != self._session_of_socket.get(sid):
                    logger.warning("Ignored a message for a session this socket did not request.")
                    return
            else:
                sender_id = sid
            text = data.get("message", "")
            message = UserMessage(
                text if isinstance(text, str) else "",
                SocketIOOutput(sio, self.bot_message_evt),
                sender_id,
                input_channel=self.name(),
                metadata=_as_metadata(data.get(self.metadata_key, {})),
            )
            await on_new_message(message)

        return socketio_webhook
