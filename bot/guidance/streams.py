"""Open rows of one kind in the order of their score bound: what selection reads from.

Built from a :class:`bot.guidance.candidates.KindIndex` for one profile and
day; see :mod:`bot.guidance.selection` for how rows are taken and when
taking stops.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np

from bot.guidance.candidates import Int, KindIndex
from bot.guidance.profile import Profile


class Stream:
    """Open rows of one kind in order of score bound (highest first), then id (lowest first).

    ``ids`` and ``bounds`` are parallel arrays (any order). ``take(n)``
    returns the next ``n`` row ids; ``count_above`` says how many rows
    come before a given (bound, id). Only the prefix asked for is ever sorted.
    """

    def __init__(self, ids: Int, bounds: Int) -> None:
        self.ids = ids
        self.bounds = bounds
        self.order: Int = np.empty(0, dtype=np.int64)
        self.given = 0

    @classmethod
    def open_rows(
        cls, index: KindIndex, profile: Profile, today: date, skip: Iterable[int], *, by_field: bool = False
    ) -> list[Stream]:
        """One stream of the rows open to ``profile`` on ``today`` (not in ``skip``), or one per field."""
        view = index.day_view(today)
        bounds, mask = view.open_to(profile, skip)
        if not by_field:
            return [cls(view.ids[mask], bounds[mask])]
        streams = []
        for group in view.field_groups:
            kept = group[mask[group]]
            if len(kept):
                streams.append(cls(view.ids[kept], bounds[kept]))
        return streams

    def __len__(self) -> int:
        return len(self.ids)

    def _sorted_prefix(self, size: int) -> None:
        if size <= len(self.order):
            return
        size = min(max(size, 2 * len(self.order), 64), len(self.ids))  # sort ahead: fewer partitions
        if size <= len(self.order):
            return
        cut = np.partition(self.bounds, len(self.bounds) - size)[len(self.bounds) - size]
        inside = np.flatnonzero(self.bounds >= cut)
        by_bound = inside[np.lexsort((self.ids[inside], -self.bounds[inside]))]
        self.order = by_bound[:size]

    def count_above(self, bound: int, row_id: int) -> int:
        """How many rows come before a row with this (bound, id) in the stream order."""
        return int(np.count_nonzero((self.bounds > bound) | ((self.bounds == bound) & (self.ids < row_id))))

    def next_bound(self) -> int | None:
        """The bound of the next row :meth:`take` would give, or None at the end."""
        if self.given >= len(self.ids):
            return None
        self._sorted_prefix(self.given + 1)
        return int(self.bounds[self.order[self.given]])

    def take(self, n: int) -> list[int]:
        """The ids of the next ``n`` rows (fewer at the end)."""
        self._sorted_prefix(self.given + n)
        chosen = self.order[self.given : self.given + n]
        self.given += len(chosen)
        return [int(i) for i in self.ids[chosen]]
