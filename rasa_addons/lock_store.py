"""DigiPoint's lock store: one person's messages in arrival order, across several Rasa processes.

Configured in ``endpoints.yml``::

    lock_store:
      type: rasa_addons.lock_store.DigiPointLockStore
      url: ${LOCK_STORE_URL}   # memory:// (one process) or redis://[:password@]host:port/db

Rasa holds the lock of a conversation while it handles a message
(``async with lock_store.lock(sender_id)`` in ``Agent.handle_message``, in
``MessageProcessor.handle_reminder`` and in the HTTP API's tracker routes).

- ``memory://``: Rasa's ``InMemoryLockStore`` behaviour (one process only; start
  is refused with ``SANIC_WORKERS`` > 1), polling every ``poll_interval``
  instead of Rasa's 1 s.
- ``redis://``: a FIFO ticket lock per conversation kept in Redis and changed
  only by Lua scripts, so issuing, taking and returning a ticket are atomic.
  Rasa's ``RedisLockStore`` instead reads, changes and writes back one JSON
  value per conversation: two processes handling the same conversation at the
  same moment can both get ticket 0 and run concurrently, and a ticket written
  by one can be overwritten (lost) by another's save (tests/rasa_env/test_lock_store.py).

Semantics (Redis):

- A ticket is a random token in the sorted set ``<prefix>q:<id>`` scored by
  ``INCR <prefix>n:<id>``; the lowest score is served. Times are Redis's clock
  (``TIME``), so the processes' clocks do not matter.
- Leases (``lock_lifetime`` seconds, default Rasa's ``LOCK_LIFETIME``: env
  ``TICKET_LOCK_LIFETIME`` or 60): a waiting ticket's lease is renewed at every
  poll; the holder's runs from the moment it got the lock and is not renewed.
  A ticket whose lease ran out (its process died, or held the lock longer than
  ``lock_lifetime``) is skipped by the next poll, with one WARNING line. A
  killed holder therefore blocks its conversation for at most ``lock_lifetime``.
- Every key expires (``PEXPIRE``) after the longest lease plus 5 s; an empty
  queue is deleted at once. Redis needs no persistence: after a Redis restart
  waiting messages fail with ``LockError`` (asked to try again).
- Faults: a Redis error logs one ERROR line (URL without password, error class
  and message) and raises :class:`rasa.core.lock_store.LockError`, for the
  channels to apologise. A failure to return the ticket after the message was
  handled only logs (the lease frees it); nothing is handled twice.
- Start: the server must answer ``PING`` within ``connect_timeout`` seconds
  (wrong password or database at once), else :class:`LockStoreUnusable`, a
  ``RasaException``: ``rasa run`` prints that one line and exits 1 (Sanic's
  traceback of a RasaException start refusal is dropped once this module is imported).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import uuid
from collections import deque
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Callable, Dict, List, Optional, Text, Tuple, TypeVar
from urllib.parse import urlsplit

import redis
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from rasa_addons import lock_scripts

logger = logging.getLogger(__name__)

DEFAULT_KEY_PREFIX = "digipoint:lock:"
KEY_TTL_MARGIN_MS = 5000  # keys outlive the longest lease by this much
T = TypeVar("T")


class LockStoreUnusable(RasaException):
    """At start: the lock store URL is invalid or its Redis cannot be used (one-line message)."""


def public_url(url: Text) -> Text:
    """``url`` without user name and password (``redis://host:port/db``)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    where = f"[{host}]" if ":" in host else host
    if parts.port:
        where += f":{parts.port}"
    return f"{parts.scheme}://{where}{parts.path}"


def describe(error: BaseException) -> Text:
    """Error class and the first line of its message, at most 200 characters."""
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0] if lines else ''}"[:200]


class _RefusedStart(logging.Filter):
    """Drops Sanic's traceback of a start refused with a RasaException (Rasa prints its one line)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """False for "Experienced exception while trying to serve" caused by a RasaException."""
        return not (record.exc_info and isinstance(record.exc_info[1], RasaException))


if not any(isinstance(f, _RefusedStart) for f in logging.getLogger("sanic.error").filters):
    logging.getLogger("sanic.error").addFilter(_RefusedStart())


class DigiPointLockStore(LockStore):
    """Ticket lock per conversation: in this process (``memory://``) or in Redis (``redis://``).

    Args (``endpoints.yml`` keys besides ``type``; Rasa passes them as ``endpoint_config``):
        url: ``memory://`` (also when empty) or ``redis://[:password@]host:port/db``
            (``rediss://`` for TLS).
        key_prefix: prefix of every Redis key (default ``digipoint:lock:``).
        poll_interval: seconds between two looks of a waiting message (0.02).
        socket_timeout: seconds a Redis command may take before it fails (5).
        connect_timeout: seconds to wait at start for Redis to answer (10).

    Raises:
        LockStoreUnusable: at construction, for an unknown URL scheme, a Redis that
            does not answer, refuses the password or the database, or
            ``memory://`` with ``SANIC_WORKERS`` > 1.
    """

    def __init__(
        self,
        endpoint_config: Optional[EndpointConfig] = None,
        url: Optional[Text] = None,
        key_prefix: Text = DEFAULT_KEY_PREFIX,
        poll_interval: float = 0.02,
        socket_timeout: float = 5,
        connect_timeout: float = 10,
        **kwargs: Any,
    ) -> None:
        """Build the store; for Redis, check that the server answers (see class docstring)."""
        if endpoint_config is not None:
            url = url or endpoint_config.url
            options = {**endpoint_config.kwargs, **kwargs}
            key_prefix = options.pop("key_prefix", key_prefix)
            poll_interval = float(options.pop("poll_interval", poll_interval))
            socket_timeout = float(options.pop("socket_timeout", socket_timeout))
            connect_timeout = float(options.pop("connect_timeout", connect_timeout))
            if options:  # a misspelt setting would silently do nothing
                raise LockStoreUnusable(
                    f"Lock store: unknown setting(s) {', '.join(sorted(options))} in endpoints.yml."
                )
        self.url = (url or "memory://").strip()
        self.where = public_url(self.url)
        self.poll_interval = max(0.001, float(poll_interval))
        self.key_prefix = key_prefix
        self._memory: Optional[InMemoryLockStore] = None
        self.red: Optional[redis.Redis] = None
        scheme = urlsplit(self.url).scheme
        if scheme == "memory":
            workers = os.environ.get("SANIC_WORKERS", "1").strip()
            if workers.isdigit() and int(workers) > 1:  # Rasa runs one worker for anything else
                raise LockStoreUnusable(
                    f"Lock store memory:// locks within one process; SANIC_WORKERS={workers} needs redis://."
                )
            self._memory = InMemoryLockStore()
        elif scheme in ("redis", "rediss"):
            try:
                self.red = redis.Redis.from_url(
                    self.url,
                    socket_timeout=float(socket_timeout),
                    socket_connect_timeout=min(2.0, socket_timeout),
                )
            except ValueError as error:
                raise LockStoreUnusable(
                    f"Lock store URL {self.where!r} is invalid: {describe(error)}"
                ) from error
            self._take = self.red.register_script(lock_scripts.TAKE)
            self._release = self.red.register_script(lock_scripts.RELEASE)
            self._check_redis(float(connect_timeout))
        else:
            raise LockStoreUnusable(f"Lock store URL {self.where!r}: use memory:// or redis://host:port/db.")
        super().__init__()

    def _check_redis(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.red.ping()  # type: ignore[union-attr]
                return
            except redis.RedisError as error:
                permanent = isinstance(error, (redis.AuthenticationError, redis.ResponseError))
                if permanent or time.monotonic() >= deadline:
                    raise LockStoreUnusable(
                        f"Lock store {self.where} is not usable: {describe(error)}"
                    ) from error
                time.sleep(0.5)

    # --- keys and Redis calls -------------------------------------------------
    def _keys(self, conversation_id: Text) -> List[Text]:
        """Queue, counter and lease keys of ``conversation_id``."""
        return [f"{self.key_prefix}{part}:{conversation_id}" for part in ("q", "n", "l")]

    def _redis(self, conversation_id: Text, work: Callable[..., T], *args: Any) -> T:
        """``work(*args)``; a Redis error logs one ERROR line and becomes LockError."""
        try:
            return work(*args)
        except redis.RedisError as error:
            logger.error(
                "Lock store %s failed for conversation %s (%s); the message is not handled.",
                self.where,
                conversation_id,
                describe(error),
            )
            raise LockError(f"lock store {self.where} failed: {describe(error)}") from error

    async def _in_thread(self, conversation_id: Text, work: Callable[..., T], *args: Any) -> T:
        """:meth:`_redis` in a worker thread, off Rasa's event loop."""
        return await asyncio.to_thread(self._redis, conversation_id, work, *args)

    def _enqueue(
        self, conversation_id: Text, token: Text, lifetime: float, mode: Text
    ) -> Tuple[int, int, int]:
        lease_ms = max(1, int(lifetime * 1000))
        args = [token, lease_ms, lease_ms + KEY_TTL_MARGIN_MS, mode]
        number, ahead, skipped = self._take(keys=self._keys(conversation_id), args=args)
        if skipped:
            logger.warning(
                "Conversation %s: skipped %d lock ticket(s) whose lease of %s s ran out "
                "(a Rasa process died or held the lock longer).",
                conversation_id,
                skipped,
                lifetime,
            )
        return int(number), int(ahead), int(skipped)

    def _give_back(self, conversation_id: Text, token: Text = "", number: int = 0) -> bool:
        return bool(self._release(keys=self._keys(conversation_id), args=[token, number]))

    # --- the lock Rasa uses -----------------------------------------------------
    @asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: Optional[float] = None,
    ) -> AsyncGenerator[TicketLock, None]:
        """Hold the lock of ``conversation_id`` while the ``async with`` body runs.

        Waits (polling every ``wait_time_in_seconds``, default ``poll_interval``)
        until every earlier ticket is returned or its lease (``lock_lifetime``
        seconds) ran out. Yields a :class:`TicketLock` snapshot.

        Raises:
            LockError: Redis failed (one ERROR line logged), or this message's
                ticket disappeared while it waited (Redis restarted or lost it).
        """
        wait = self.poll_interval if wait_time_in_seconds is None else float(wait_time_in_seconds)
        if self._memory is not None:
            async with super().lock(conversation_id, lock_lifetime, wait) as held:
                yield held
            return
        token = uuid.uuid4().hex
        started = time.monotonic()
        step: Optional[asyncio.Future] = None
        quiet = False  # a Redis fault was logged already: no second line when returning the ticket
        try:
            mode = "issue"
            while True:
                # shielded: a cancelled message still learns whether its ticket was queued
                step = asyncio.ensure_future(
                    self._in_thread(
                        conversation_id, self._enqueue, conversation_id, token, lock_lifetime, mode
                    )
                )
                try:
                    number, ahead, _ = await asyncio.shield(step)
                except LockError:
                    quiet = True
                    raise
                if number < 0:
                    logger.error(
                        "Conversation %s: its lock ticket disappeared after %.1f s of waiting "
                        "(lock store %s restarted?); the message is not handled.",
                        conversation_id,
                        time.monotonic() - started,
                        self.where,
                    )
                    raise LockError(f"lock ticket of conversation {conversation_id} disappeared")
                if not ahead:
                    started = time.monotonic()  # the holder's lease runs from here
                    break
                mode = "poll"
                await asyncio.sleep(wait)
            yield TicketLock(conversation_id, deque([Ticket(number, time.time() + lock_lifetime)]))
        finally:
            await asyncio.shield(
                self._return_ticket(conversation_id, token, started, lock_lifetime, step, quiet)
            )

    async def _return_ticket(
        self,
        conversation_id: Text,
        token: Text,
        started: float,
        lifetime: float,
        step: Optional[asyncio.Future],
        quiet: bool,
    ) -> None:
        """Return the ticket (after the Redis call in flight); a failure is only logged.

        Its lease frees the conversation within ``lifetime`` seconds anyway.
        """
        if step is not None:
            await asyncio.wait([step])
            if not step.cancelled():
                step.exception()  # retrieved: no "exception never retrieved" line
        try:
            returned = await asyncio.to_thread(self._give_back, conversation_id, token)
        except redis.RedisError as error:
            (logger.debug if quiet else logger.error)(
                "Lock store %s: the lock of conversation %s was not returned (%s); it frees "
                "itself within %s s.",
                self.where,
                conversation_id,
                describe(error),
                lifetime,
            )
            return
        held = time.monotonic() - started
        if not returned and held > lifetime:
            logger.warning(
                "Conversation %s held its lock %.1f s, longer than lock_lifetime %s s; "
                "a later message may have run alongside it.",
                conversation_id,
                held,
                lifetime,
            )

    # --- Rasa's LockStore interface (tickets by number) -------------------------
    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Queue a ticket with a lease of ``lock_lifetime`` seconds; its number (atomic).

        Raises:
            LockError: Redis failed.
        """
        if self._memory is not None:
            return super().issue_ticket(conversation_id, lock_lifetime)
        token = uuid.uuid4().hex
        return self._redis(conversation_id, self._enqueue, conversation_id, token, lock_lifetime, "issue")[0]

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        """A snapshot of the conversation's tickets in serving order; None without tickets.

        Expiry times (epoch seconds) are Redis's clock. Raises LockError when Redis fails.
        """
        if self._memory is not None:
            return self._memory.get_lock(conversation_id)
        queue, _, leases = self._keys(conversation_id)

        def read() -> Tuple[List[Tuple[bytes, float]], Dict[bytes, bytes]]:
            pipe = self.red.pipeline(transaction=True)  # type: ignore[union-attr]
            pipe.zrange(queue, 0, -1, withscores=True)
            pipe.hgetall(leases)
            tickets, expiry = pipe.execute()
            return tickets, expiry

        tickets, expiry = self._redis(conversation_id, read)
        if not tickets:
            return None
        found = [Ticket(int(score), int(expiry.get(token, b"0")) / 1000) for token, score in tickets]
        return TicketLock(conversation_id, deque(found))

    def save_lock(self, lock: TicketLock) -> None:
        """Store ``lock`` (``memory://`` only: in Redis tickets change only atomically)."""
        if self._memory is None:
            raise NotImplementedError("DigiPointLockStore changes Redis tickets only through its scripts")
        self._memory.save_lock(lock)

    def delete_lock(self, conversation_id: Text) -> None:
        """Drop every ticket of ``conversation_id`` (waiting messages then fail with LockError)."""
        if self._memory is not None:
            self._memory.delete_lock(conversation_id)
            return
        deleted = self._redis(conversation_id, self.red.delete, *self._keys(conversation_id))  # type: ignore
        self._log_deletion(conversation_id, bool(deleted))

    def update_lock(self, conversation_id: Text) -> None:
        """Drop expired tickets (Redis: the scripts skip them, nothing to do)."""
        if self._memory is not None:
            super().update_lock(conversation_id)

    def is_someone_waiting(self, conversation_id: Text) -> bool:
        """Whether any ticket of ``conversation_id`` is queued."""
        if self._memory is not None:
            return super().is_someone_waiting(conversation_id)
        queue = self._keys(conversation_id)[0]
        return bool(self._redis(conversation_id, self.red.zcard, queue))  # type: ignore[union-attr]

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        """Return the ticket numbered ``ticket_number`` (atomic in Redis)."""
        if self._memory is not None:
            super().finish_serving(conversation_id, ticket_number)
            return
        self._redis(conversation_id, self._give_back, conversation_id, "", int(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Return the ticket; the conversation's keys go with its last ticket."""
        if self._memory is not None:
            super().cleanup(conversation_id, ticket_number)
            return
        self.finish_serving(conversation_id, ticket_number)

    async def ping(self) -> Optional[Text]:
        """None when the lock store can be used (Redis answers PING), else the reason."""
        if self.red is None:
            return None
        try:
            await asyncio.to_thread(self.red.ping)
            return None
        except redis.RedisError as error:
            return f"lock store {self.where}: {describe(error)}"
