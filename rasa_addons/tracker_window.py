"""A bounded working tracker for long conversations: recent events plus a state summary.

Rasa rebuilds the whole conversation session on every message: it loads every
stored event, replays it, featurises every past state for each policy call and
sends all events to the action server. A 500-turn conversation therefore grew
from 157 ms to 1,359 ms per turn and the action-server request from 42 KB to
1.74 MB. Here the tracker a turn works with holds

- a few **summary events** first (one ``SlotSet`` per slot that holds a value,
  ``ActiveLoop`` for an active form, ``ActionExecutionRejected`` when that form
  was rejected, ``ConversationPaused`` when a coach has taken over): they
  recreate the state the conversation had where the window begins; never stored;
- then at most ``keep`` stored events (the window, ~10 turns for 100 events),
  starting at a turn boundary (an ``action_listen``);
- then the events of the current turn, which are saved.

Slots, the active form and the pause are therefore exact, and a rewind
(``UserUtteranceReverted``, as ``action_default_fallback`` sends) replays onto
the summary, not onto a blank state. Actions that read the value a slot had
before the latest message (``actions/goals.py``) find it in the summary.
The database keeps every event; ``retrieve_full_tracker`` (the HTTP API, the
coach's transcript) is not windowed.

The summary at the window's start is kept per conversation in memory
(:class:`SnapshotCache`) and moved forward each turn by replaying only the
events that left the window, so a turn costs O(keep) whatever the length of
the conversation. A cached summary is used only while the stored events it
summarises are unchanged (same count and last id); after a deletion (erasure,
retention) or a restart of Rasa the session is read again once.
"""

from __future__ import annotations

import copy
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Iterable, List, Optional, Sequence, Text, Tuple

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActiveLoop,
    ConversationPaused,
    Event,
    SessionStarted,
    SlotSet,
    deserialise_events,
)
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker

# One stored event as read for the window: (id, type_name, action_name, data JSON).
Row = Tuple[int, Text, Optional[Text], Text]


class WindowedTracker(DialogueStateTracker):
    """A DialogueStateTracker that knows which of its leading events are already stored.

    ``events[:summary]`` are summary events (never stored), ``events[summary:persisted]``
    were loaded from the database; everything after ``persisted`` is new.
    """

    def __init__(self, sender_id: Text, slots: Optional[Iterable[Slot]]) -> None:
        """A tracker without events; ``summary`` and ``persisted`` start at 0."""
        super().__init__(sender_id, slots)
        self.summary = 0
        self.persisted = 0

    def new_events(self) -> List[Event]:
        """Events added since the tracker was loaded or last saved."""
        return list(self.events)[self.persisted :]


@dataclass
class Snapshot:
    """The state of one conversation just after its stored event ``anchor_id``.

    ``anchor_id``/``anchor_count``: id of the last summarised event and the number
    of this conversation's events with an id up to it (0/0: nothing summarised);
    they tell whether the stored prefix is still the one summarised.
    ``slots``: (name, value) of every slot that holds a value; ``loop``: active
    form or None; ``rejected``/``paused``: the form was rejected / a coach took over;
    ``timestamp``: time of the anchor event (summary events carry it).
    """

    anchor_id: int = 0
    anchor_count: int = 0
    slots: List[Tuple[Text, Any]] = field(default_factory=list)
    loop: Optional[Text] = None
    rejected: bool = False
    paused: bool = False
    timestamp: Optional[float] = None

    def events(self) -> List[Event]:
        """Fresh summary events that recreate this state on a blank tracker."""
        at = self.timestamp
        made: List[Event] = [SlotSet(name, copy.deepcopy(value), timestamp=at) for name, value in self.slots]
        if self.loop:
            made.append(ActiveLoop(self.loop, timestamp=at))
            if self.rejected:
                made.append(ActionExecutionRejected(self.loop, timestamp=at))
        if self.paused:
            made.append(ConversationPaused(timestamp=at))
        return made


def snapshot_of(tracker: DialogueStateTracker, anchor_id: int, anchor_count: int) -> Snapshot:
    """The state of ``tracker`` as a :class:`Snapshot` anchored at the given stored event."""
    slots = [
        (name, copy.deepcopy(slot.value))
        for name, slot in tracker.slots.items()
        if slot.value is not None or slot.value != slot.initial_value
    ]
    loop = tracker.active_loop
    return Snapshot(
        anchor_id=anchor_id,
        anchor_count=anchor_count,
        slots=slots,
        loop=loop.name if loop else None,
        rejected=bool(loop and loop.rejected),
        paused=tracker.is_paused(),
        timestamp=tracker.events[-1].timestamp if tracker.events else None,
    )


def window_start(rows: Sequence[Row], keep: int) -> int:
    """Index of the first row of the window over ``rows`` (stored events in id order).

    The window starts at the last ``session_started`` if that leaves at most
    ``keep`` rows, else at the first ``action_listen`` among the last ``keep``
    rows (a turn boundary); a single turn longer than ``keep`` starts at its own
    ``action_listen``. Rows before a ``session_started`` never matter: it resets
    the conversation.
    """
    sessions = [i for i, row in enumerate(rows) if row[1] == SessionStarted.type_name]
    first = sessions[-1] if sessions else 0
    if len(rows) - first <= keep:
        return first
    listens = [
        i
        for i in range(first + 1, len(rows))
        if rows[i][1] == ActionExecuted.type_name and rows[i][2] == ACTION_LISTEN_NAME
    ]
    later = [i for i in listens if i >= len(rows) - keep]
    if later:
        return later[0]
    return listens[-1] if listens else first


def _replay(sender_id: Text, slots: Iterable[Slot], events: Iterable[Event]) -> WindowedTracker:
    tracker = WindowedTracker(sender_id, slots)
    for event in events:
        tracker.update(event)
    return tracker


def build(
    sender_id: Text, slots: Sequence[Slot], base: Snapshot, rows: Sequence[Row], keep: int
) -> Tuple[WindowedTracker, Snapshot]:
    """The working tracker for ``rows`` (events after ``base.anchor_id``) and the new summary.

    Returns the tracker (summary events + window; ``persisted`` covers both) and
    the snapshot at the window's start, to cache for the next turn.
    """
    start = window_start(rows, keep)
    head, window = rows[:start], rows[start:]
    new_session = bool(window) and window[0][1] == SessionStarted.type_name
    count = base.anchor_count + len(head)
    if not head:
        moved = base
    elif new_session:  # the session start resets everything before it
        moved = Snapshot(anchor_id=head[-1][0], anchor_count=count)
    else:
        before = _replay(sender_id, slots, base.events() + _events(head))
        moved = snapshot_of(before, head[-1][0], count)
    summary = [] if new_session else moved.events()
    tracker = _replay(sender_id, slots, summary + _events(window))
    tracker.summary = len(summary)
    tracker.persisted = len(tracker.events)
    return tracker, moved


def _events(rows: Sequence[Row]) -> List[Event]:
    return deserialise_events([json.loads(row[3]) for row in rows])


class SnapshotCache:
    """Thread-safe LRU map: conversation id -> :class:`Snapshot` (``size`` entries at most)."""

    def __init__(self, size: int) -> None:
        """An empty cache holding at most ``size`` conversations."""
        self._size = max(0, size)
        self._items: "OrderedDict[Text, Snapshot]" = OrderedDict()
        self._lock = threading.Lock()

    def get(self, sender_id: Text) -> Optional[Snapshot]:
        """The cached snapshot, or None."""
        with self._lock:
            item = self._items.get(sender_id)
            if item is not None:
                self._items.move_to_end(sender_id)
            return item

    def put(self, sender_id: Text, snapshot: Snapshot) -> None:
        """Remember ``snapshot``; the least recently used entry goes when full."""
        with self._lock:
            self._items[sender_id] = snapshot
            self._items.move_to_end(sender_id)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def drop(self, sender_id: Optional[Text] = None) -> None:
        """Forget one conversation, or all of them (``None``)."""
        with self._lock:
            if sender_id is None:
                self._items.clear()
            else:
                self._items.pop(sender_id, None)
