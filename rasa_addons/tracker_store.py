"""DigiPoint's tracker store: Rasa's SQL store that fails loudly, never from a blank tracker.

Configured in ``endpoints.yml``::

    tracker_store:
      type: rasa_addons.tracker_store.DigiPointSQLTrackerStore
      url: ${TRACKER_DB_URL}   # sqlite:///var/rasa_tracker.db, postgresql://user@host/db
      window_events: 100       # stored events a turn works with (tracker_window.py)

What it changes against Rasa 3.6's ``SQLTrackerStore``:

- **No fallback to memory.** Rasa's ``Agent`` wraps every store in a
  ``FailSafeTrackerStore`` that, on a database error, returns no tracker (the
  person is welcomed as new) and saves to memory (the turn never reaches the
  database). Importing this module makes ``Agent`` use this store unwrapped;
  a database error raises :class:`TrackerStoreUnavailable` instead, and the
  channels call :func:`handle_or_apologise`, which logs one line and sends
  ``faults.try_again`` in the person's language. Nothing is processed against
  a blank tracker; a turn whose save failed is not stored (only that message
  is lost, and the person was asked to send it again).
- **Connections are checked before use** (``pool_pre_ping``), so the first
  request after a database restart works; PostgreSQL connects with a 5 s
  timeout. Database work runs in a worker thread, off Rasa's event loop.
- **Startup fails** with one line (URL without password) and exit status 1
  when the database is missing or unreachable (PostgreSQL database that does
  not exist, server down for ``connect_timeout`` seconds, SQLite file in a
  missing directory); Rasa's own store retries for ever instead.
- **Sender ids** longer than the ``sender_id`` column (255 characters) or
  containing NUL are refused with :class:`InvalidSenderId` on SQLite and
  PostgreSQL alike (PostgreSQL failed, SQLite stored them).
- **Bounded turns**: see :mod:`rasa_addons.tracker_window`. ``save`` stores
  exactly the events added since the tracker was loaded, not a count-based slice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Generator, Iterable, Optional, Text, TypeVar

import sqlalchemy as sa
import sqlalchemy.exc
from rasa.core.agent import Agent
from rasa.core.brokers.broker import EventBroker
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import LockError
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore, ensure_schema_exists
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.locale import catalogue, registry
from rasa_addons import tracker_engine
from rasa_addons.tracker_window import Snapshot, SnapshotCache, WindowedTracker, build

logger = logging.getLogger(__name__)

MAX_SENDER_ID_LENGTH = 255  # events.sender_id is String(255) in Rasa's schema
# Startup errors that waiting does not cure (PostgreSQL, SQLite driver messages).
PERMANENT_ERRORS = ("does not exist", "authentication failed", "unable to open")
T = TypeVar("T")


class InvalidSenderId(Exception):  # noqa: N818  (name shared with the channels)
    """The conversation id cannot be stored (too long, or contains NUL): answer HTTP 400."""


class SenderIdTooLong(InvalidSenderId):
    """The conversation id has more than MAX_SENDER_ID_LENGTH characters (``length``)."""

    def __init__(self, length: int) -> None:
        """``length``: the refused id's length in characters."""
        super().__init__(f"conversation id of {length} characters; at most {MAX_SENDER_ID_LENGTH}")
        self.length = length


class TrackerStoreUnavailable(Exception):  # noqa: N818  (name shared with the channels)
    """The tracker database failed for ``conversation_id``; ``reason`` names the error (no data)."""

    def __init__(self, conversation_id: Text, reason: Text) -> None:
        """``reason``: error class and first line of the driver's message, at most 200 characters."""
        super().__init__(f"tracker store unavailable for conversation {conversation_id}: {reason}")
        self.conversation_id = conversation_id
        self.reason = reason


class TrackerDatabaseUnusable(RasaException):
    """At startup: the configured tracker database is missing or unreachable (one-line message)."""


def check_sender_id(sender_id: Text) -> None:
    """Raise :class:`InvalidSenderId` unless ``sender_id`` fits the tracker's column."""
    if len(sender_id) > MAX_SENDER_ID_LENGTH:
        raise SenderIdTooLong(len(sender_id))
    if "\x00" in sender_id:
        raise InvalidSenderId("conversation id contains a NUL character")


def fault_text(key: Text, language: Optional[Text]) -> Text:
    """``faults.<key>`` (try_again, slow_answer, id_too_long) in ``language``, from the catalogue.

    An unknown language gets the default locale's text (the catalogue's fallback chain).
    """
    return catalogue.t(f"faults.{key}", language)


def apology_text(language: Optional[Text]) -> Text:
    """``faults.try_again`` in ``language`` (the default locale's text for an unknown one)."""
    return fault_text("try_again", language)


def message_language(metadata: Optional[Dict[Text, Any]]) -> Text:
    """The registry code of the widget's ``metadata["language"]``, else the default locale."""
    language = (metadata or {}).get("language")
    tag = language if isinstance(language, str) else None
    return registry.normalise(tag, registry.default_code()) or registry.default_code()


async def handle_or_apologise(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    user_message: UserMessage,
    language: Optional[Text] = None,
) -> bool:
    """Run ``on_new_message(user_message)``; on a tracker-store failure, apologise.

    Returns True when the message was handled, False when the tracker store or
    the lock store (``LockError``, logged by the lock store) failed: then
    one ERROR line names the conversation id and the reason (never the text),
    replies already collected for a REST response are dropped (the turn was not
    stored), and ``faults.try_again`` goes to ``user_message.output_channel`` in
    ``language`` (default: :func:`message_language` of the metadata).
    :class:`InvalidSenderId` and other errors propagate.
    """
    try:
        await on_new_message(user_message)
        return True
    except TrackerStoreUnavailable as error:
        logger.error(
            "Conversation %s: tracker store unavailable (%s); message not processed, "
            "the person was asked to try again.",
            error.conversation_id,
            error.reason,
        )
    except LockError:
        # The lock store (rasa_addons/lock_store.py) has logged its one line.
        logger.debug("Conversation %s: lock store failed; apologising.", user_message.sender_id)
    output = user_message.output_channel
    if isinstance(output, CollectingOutputChannel):
        output.messages.clear()
    text = apology_text(language or message_language(user_message.metadata))
    await output.send_text_message(user_message.sender_id, text)
    return False


def describe(error: BaseException) -> Text:
    """Error class and first line of the driver's message (no SQL, no parameters)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return f"{type(original).__name__}: {lines[0] if lines else ''}"[:200]


def public_url(url: sa.engine.URL) -> Text:
    """The URL as text with the password hidden."""
    return url.render_as_string(hide_password=True)


class DigiPointSQLTrackerStore(SQLTrackerStore):
    """SQL tracker store: no silent fallback, pre-pinged connections, bounded turns.

    Args (``endpoints.yml`` keys besides ``type``):
        url: SQLAlchemy URL (``sqlite:///...``, ``postgresql://...``;
            ``postgresql+psycopg://`` is read as psycopg2, the driver Rasa's env has).
        window_events: stored events in the tracker a turn works with (default 100).
        cache_size: conversations whose window summary is kept in memory (5,000).
        connect_timeout: seconds to wait at startup for an unreachable server (10).
    Also accepts Rasa's ``dialect``/``host``/``port``/``db``/``username``/``password``.

    Raises:
        TrackerDatabaseUnusable: at construction, when the database cannot be used.
    """

    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[Text] = None,
        event_broker: Optional[EventBroker] = None,
        window_events: int = 100,
        cache_size: int = 5000,
        connect_timeout: float = 10,
        dialect: Text = "sqlite",
        port: Optional[int] = None,
        db: Text = "rasa.db",
        username: Optional[Text] = None,
        password: Optional[Text] = None,
        query: Optional[Dict] = None,
        **kwargs: Any,
    ) -> None:
        """Connect, check the database and create Rasa's ``events`` table if missing."""
        url = sa.engine.make_url(self.get_db_url(dialect, host, port, db, username, password, None, query))
        if url.drivername in ("postgresql+psycopg", "postgres"):
            url = url.set(drivername="postgresql+psycopg2")
        self.engine = tracker_engine.create(url)
        self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
        self.window_events = max(1, int(window_events))
        self._cache = SnapshotCache(int(cache_size))
        self._check_database(url, float(connect_timeout))
        TrackerStore.__init__(self, domain, event_broker, **kwargs)

    def _check_database(self, url: sa.engine.URL, timeout: float) -> None:
        where = public_url(url)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            folder = Path(str(url.database)).resolve().parent
            if not folder.is_dir():
                raise TrackerDatabaseUnusable(
                    f"Tracker database {where} is not usable: folder {folder} does not exist."
                )
        deadline = time.monotonic() + timeout
        while True:
            try:
                with self.sessionmaker() as session:
                    session.execute(sa.text("SELECT 1"))
                    ensure_schema_exists(session)
                self.Base.metadata.create_all(self.engine)
                return
            except (sqlalchemy.exc.SQLAlchemyError, ValueError) as error:
                reason = describe(error)
                permanent = any(m in reason for m in PERMANENT_ERRORS)
                if permanent or time.monotonic() >= deadline:
                    raise TrackerDatabaseUnusable(
                        f"Tracker database {where} is not usable: {reason}"
                    ) from error
                time.sleep(1)

    @TrackerStore.domain.setter  # type: ignore[attr-defined,misc]
    def domain(self, domain: Optional[Domain]) -> None:
        """A new domain (model) may have other slots: forget the cached summaries."""
        self._domain = domain or Domain.empty()
        if hasattr(self, "_cache"):
            self._cache.drop()

    @contextlib.contextmanager
    def _session(self) -> Generator[sa.orm.Session, None, None]:
        with self.sessionmaker() as session:
            yield session

    async def _run(self, sender_id: Text, work: Callable[..., T], *args: Any) -> T:
        """``work(*args)`` in a worker thread; database errors become TrackerStoreUnavailable."""
        try:
            return await asyncio.to_thread(work, *args)
        except sqlalchemy.exc.SQLAlchemyError as error:
            self._cache.drop(sender_id)
            raise TrackerStoreUnavailable(sender_id, describe(error)) from error

    def init_tracker(self, sender_id: Text) -> WindowedTracker:
        """A new, empty tracker (nothing stored yet)."""
        return WindowedTracker(sender_id, self.domain.slots)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The working tracker of the latest session: summary + last ``window_events`` events."""
        check_sender_id(sender_id)
        return await self._run(sender_id, self._retrieve_window, sender_id)

    def _retrieve_window(self, sender_id: Text) -> Optional[WindowedTracker]:
        event = self.SQLEvent
        with self._session() as session:
            base = self._cache.get(sender_id)
            if base is not None:
                count, last = session.execute(
                    sa.select(sa.func.count(event.id), sa.func.max(event.id)).where(
                        event.sender_id == sender_id, event.id <= base.anchor_id
                    )
                ).one()
                if count != base.anchor_count or (count and last != base.anchor_id):
                    base = None
            base = base or Snapshot()
            rows = session.execute(
                sa.select(event.id, event.type_name, event.action_name, event.data)
                .where(event.sender_id == sender_id, event.id > base.anchor_id)
                .order_by(event.id)
            ).all()
        if not rows and not base.anchor_count:
            return None
        loaded = [tuple(row) for row in rows]
        tracker, moved = build(sender_id, list(self.domain.slots), base, loaded, self.window_events)
        self._cache.put(sender_id, moved)
        return tracker

    async def retrieve_full_tracker(self, conversation_id: Text) -> Optional[DialogueStateTracker]:
        """Every stored event of the conversation, all sessions (HTTP API, coach transcript)."""
        check_sender_id(conversation_id)
        return await self._run(conversation_id, self._retrieve_full, conversation_id)

    def _retrieve_full(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        event = self.SQLEvent
        with self._session() as session:
            data = session.execute(
                sa.select(event.data).where(event.sender_id == sender_id).order_by(event.id)
            ).scalars().all()
        if not data:
            return None
        return DialogueStateTracker.from_dict(sender_id, [json.loads(d) for d in data], self.domain.slots)

    async def exists(self, conversation_id: Text) -> bool:
        """Whether any event is stored for the conversation."""
        check_sender_id(conversation_id)
        return await self._run(conversation_id, self._exists, conversation_id)

    def _exists(self, sender_id: Text) -> bool:
        event = self.SQLEvent
        with self._session() as session:
            found = session.execute(sa.select(event.id).where(event.sender_id == sender_id).limit(1)).first()
        return found is not None

    async def keys(self) -> Iterable[Text]:
        """Every stored conversation id."""
        return await self._run("*", self._keys)

    def _keys(self) -> Iterable[Text]:
        with self._session() as session:
            return list(session.execute(sa.select(self.SQLEvent.sender_id).distinct()).scalars())

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the events added since ``tracker`` was loaded (all of them, exactly once)."""
        check_sender_id(tracker.sender_id)
        await self.stream_events(tracker)
        await self._run(tracker.sender_id, self._save, tracker)

    def _save(self, tracker: DialogueStateTracker) -> None:
        with self._session() as session:
            if isinstance(tracker, WindowedTracker):
                events = tracker.new_events()
            else:  # built elsewhere (e.g. PUT .../tracker/events): Rasa's own rule
                events = list(self._additional_events(session, tracker))
            if events:
                # One multi-row INSERT (the ORM unit of work cost more than the write).
                rows = [self._row(tracker.sender_id, item) for item in events]
                session.execute(sa.insert(self.SQLEvent.__table__), rows)
            session.commit()
        if isinstance(tracker, WindowedTracker):
            tracker.persisted += len(events)

    def _row(self, sender_id: Text, item: Event) -> Dict[Text, Any]:
        data = item.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": item.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Publish the new events to the event broker, if one is configured."""
        if self.event_broker is None:
            return None
        if isinstance(tracker, WindowedTracker):
            await self._stream_new_events(self.event_broker, tracker.new_events(), tracker.sender_id)
        else:
            await super().stream_events(tracker)

    async def ping(self) -> Optional[Text]:
        """None when the database answers ``SELECT 1``, else the reason (health check)."""
        try:
            await self._run("health", self._select_one)
            return None
        except TrackerStoreUnavailable as error:
            return error.reason

    def _select_one(self) -> None:
        with self._session() as session:
            session.execute(sa.text("SELECT 1"))


_rasa_create_tracker_store = getattr(Agent, "_rasa_create_tracker_store", Agent._create_tracker_store)


def _create_tracker_store(store: Optional[TrackerStore], domain: Domain) -> TrackerStore:
    """Agent's store factory: DigiPoint's store unwrapped (no FailSafeTrackerStore)."""
    if isinstance(store, DigiPointSQLTrackerStore):
        store.domain = domain
        return store
    return _rasa_create_tracker_store(store, domain)


Agent._rasa_create_tracker_store = staticmethod(_rasa_create_tracker_store)  # type: ignore[attr-defined]
Agent._create_tracker_store = staticmethod(_create_tracker_store)  # type: ignore[assignment]
