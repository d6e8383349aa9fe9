"""The action server's Sanic app: rasa-sdk's routes behind a bearer token, and a real health check.

:func:`create_server_app` builds rasa-sdk's app (``rasa_sdk.endpoint.create_app``:
``POST /webhook``, ``GET /actions``, ``GET /health``) and puts one request
middleware in front of every route (also unknown paths and CORS preflights):

- ``GET /health`` is answered there, without a token: 200 ``{"status": "ok"}``
  when the product database answers ``SELECT 1`` within ``HEALTH_LIMIT_SECONDS``,
  else 503 ``{"status": "unhealthy", "reason": "..."}`` (rasa-sdk's own
  ``/health`` always said ok).
- Every other request must carry ``Authorization: Bearer <ACTION_SERVER_TOKEN>``
  (compared in constant time). Without it: 401 ``{"error": "unauthorized"}``
  and no route runs, so a forged ``/webhook`` call changes nothing.

No CORS: only the Rasa server calls this server. :class:`ServerConfig` reads
the environment and refuses to start without a token.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rasa_sdk.constants import DEFAULT_KEEP_ALIVE_TIMEOUT
from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy import make_url, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from actions.server.executor import GuardedActionExecutor
from bot.db import session_scope

logger = logging.getLogger(__name__)

HEALTH_LIMIT_SECONDS = 3.0
TOKEN_VARIABLE = "ACTION_SERVER_TOKEN"  # noqa: S105  (the variable's name, not a secret)


class ConfigError(ValueError):
    """A setting of the action server is missing or wrong; the message says which and how to fix it."""


@dataclass(frozen=True)
class ServerConfig:
    """The action server's settings, from environment variables.

    Attributes:
        token: ``ACTION_SERVER_TOKEN``, the shared secret Rasa sends (required).
        timeout_seconds: ``ACTION_TIMEOUT_SECONDS`` (default 7; > 0 and < 10,
            Rasa's own limit), per action call.
        worker_threads: ``ACTION_WORKER_THREADS`` (default 8), action calls at once.
        host: ``SANIC_HOST`` (default 127.0.0.1), the address to listen on.
    """

    token: str
    timeout_seconds: float = 7.0
    worker_threads: int = 8
    host: str = "127.0.0.1"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServerConfig:
        """Read the settings from ``env`` (default ``os.environ``).

        Raises:
            ConfigError: no token, or a number that is not one or out of range.
        """
        env = os.environ if env is None else env
        token = env.get(TOKEN_VARIABLE, "").strip()
        if not token:
            raise ConfigError(
                f"{TOKEN_VARIABLE} is not set. Rasa must authenticate to the action server: set "
                f"{TOKEN_VARIABLE} to a long random secret in the environment of both servers "
                "(scripts/run_stack.sh generates one into var/), and send it from endpoints.yml "
                "(action_endpoint.headers: Authorization: Bearer ${ACTION_SERVER_TOKEN})."
            )
        try:
            timeout = float(env.get("ACTION_TIMEOUT_SECONDS", "7"))
            threads = int(env.get("ACTION_WORKER_THREADS", "8"))
        except ValueError as exc:
            raise ConfigError(
                f"ACTION_TIMEOUT_SECONDS / ACTION_WORKER_THREADS must be numbers: {exc}"
            ) from exc
        if not 0 < timeout < 10:
            raise ConfigError(
                f"ACTION_TIMEOUT_SECONDS={timeout} must be above 0 and below 10 (Rasa waits 10 s at most)"
            )
        if threads < 1:
            raise ConfigError(f"ACTION_WORKER_THREADS={threads} must be at least 1")
        return cls(token, timeout, threads, env.get("SANIC_HOST", "127.0.0.1") or "127.0.0.1")


def token_matches(header: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header value is ``Bearer <token>`` (constant-time compare)."""
    scheme, _, supplied = (header or "").strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(supplied.strip().encode("utf-8"), token.encode("utf-8"))


def database_problem(url: str | None = None) -> str | None:
    """Why the product database cannot serve the actions, or None when ``SELECT 1`` works.

    A SQLite file that does not exist is a problem (connecting would create an
    empty one). Blocks for as long as the connection takes; run it in a thread.

    Args:
        url: SQLAlchemy URL; default the settings' ``DATABASE_URL``.

    Returns:
        None, or a short reason without secrets ("database file missing",
        "database unreachable (OperationalError)").
    """
    from bot.config import get_settings

    url = url or get_settings().database_url
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "database URL not valid"
    path = parsed.database
    if parsed.get_backend_name() == "sqlite" and path and path != ":memory:" and not Path(path).is_file():
        return "database file missing"
    try:
        with session_scope(url) as session:
            session.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        return f"database unreachable ({type(exc).__name__})"
    return None


class DatabaseHealth:
    """Answers ``GET /health``; one check runs at a time, however often the endpoint is polled.

    A change between healthy and unhealthy is logged once (WARNING when it
    breaks, INFO when it recovers), not every poll.
    """

    def __init__(self, url: str | None = None, limit: float = HEALTH_LIMIT_SECONDS) -> None:
        self.url = url
        self.limit = limit
        self._running: asyncio.Future[str | None] | None = None
        self._last: str | None = None

    async def problem(self) -> str | None:
        """The current problem (see :func:`database_problem`), or a time-out reason."""
        if self._running is None or self._running.done():
            self._running = asyncio.ensure_future(asyncio.to_thread(database_problem, self.url))
        try:
            problem = await asyncio.wait_for(asyncio.shield(self._running), self.limit)
        except TimeoutError:
            problem = f"database did not answer within {self.limit:g} s"
        if problem != self._last:
            if problem:
                logger.warning("action server unhealthy: %s", problem)
            else:
                logger.info("action server healthy again: the database answers")
            self._last = problem
        return problem

    async def response(self) -> HTTPResponse:
        """200 ``{"status": "ok"}`` or 503 ``{"status": "unhealthy", "reason": ...}``."""
        problem = await self.problem()
        if problem:
            return response.json({"status": "unhealthy", "reason": problem}, status=503)
        return response.json({"status": "ok"}, status=200)


def configure_logging(level: int = logging.INFO, log_file: str | None = None) -> None:
    """One log format for the action server, in the main process and in Sanic's worker alike.

    Sanic spawns its worker process afresh, so the logging set up by
    ``__main__`` is not there; :func:`create_server_app` calls this again.
    Idempotent: only the first call in a process configures.
    """
    root = logging.getLogger()
    if getattr(root, "_digipoint_actions", False):
        return
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_file:
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)-8s %(name)s - %(message)s", handlers=handlers,
        force=True,
    )
    logging.getLogger("sanic.access").setLevel(logging.WARNING)
    root._digipoint_actions = True  # type: ignore[attr-defined]


def create_server_app(
    executor: GuardedActionExecutor,
    token: str,
    database_url: str | None = None,
    log_level: int | None = None,
    log_file: str | None = None,
) -> Sanic:
    """rasa-sdk's Sanic app with the token check and the database health check (module docstring).

    Module-level and picklable through ``functools.partial`` (Sanic's
    ``AppLoader`` calls it again in its worker process).

    Args:
        executor: the executor with the registered actions.
        token: the shared secret; requests must send ``Authorization: Bearer <token>``.
        database_url: database for ``/health``; default the settings' ``DATABASE_URL``.
        log_level / log_file: when ``log_level`` is given, :func:`configure_logging` first.

    Raises:
        ConfigError: ``token`` is empty.
    """
    if log_level is not None:
        configure_logging(log_level, log_file)
    if not token:
        raise ConfigError(f"{TOKEN_VARIABLE} is empty")
    app = create_app(executor, cors_origins=None)
    app.config.KEEP_ALIVE_TIMEOUT = DEFAULT_KEEP_ALIVE_TIMEOUT
    health = DatabaseHealth(database_url)

    async def guard(request: Request) -> HTTPResponse | None:
        if request.path == "/health" and request.method == "GET":
            return await health.response()
        if token_matches(request.headers.get("authorization"), token):
            return None
        logger.warning("refused %s %s from %s: no valid token", request.method, request.path, request.ip)
        return response.json(
            {"error": "unauthorized"}, status=401, headers={"WWW-Authenticate": "Bearer"}
        )

    # Highest priority: before rasa-sdk's CORS middleware and every route.
    app.register_middleware(guard, "request", priority=1000)

    async def stop_pool(_app: Sanic) -> None:
        executor.pool.stop()

    app.register_listener(stop_pool, "after_server_stop")
    return app
