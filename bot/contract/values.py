"""Load and check ``bot/contract/values.yml``: goal types, fields, timeframes, education levels.

:func:`load_values` returns a :class:`ValueContract` of tuples of value names
(lower-case words: letters, digits, ``_``), each in the file's order.
:func:`value_contract` is the shipped file, read once per process. Readers:
:mod:`bot.guidance.vocabulary` (slot values) and :mod:`bot.catalogue.models`
(catalogue columns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.contract import CONTRACT_DIR, ContractError, read_mapping

VALUES_PATH = CONTRACT_DIR / "values.yml"
_NAME = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class ValueContract:
    """The value lists of ``values.yml``.

    Attributes:
        goal_types: goal_type slot values ("job", "study", "both", "unsure").
        fields: job families, for the field slot and the catalogue's field column.
        timeframes: timeframe slot values ("now", ..., "unsure").
        catalogue_education_levels: levels the catalogue stores, lowest first.
        conversation_education_levels: levels the education_level slot takes
            besides those ("other").
    """

    goal_types: tuple[str, ...]
    fields: tuple[str, ...]
    timeframes: tuple[str, ...]
    catalogue_education_levels: tuple[str, ...]
    conversation_education_levels: tuple[str, ...]

    @property
    def education_levels(self) -> tuple[str, ...]:
        """Every education_level slot value: the catalogue's levels, then the conversation-only ones."""
        return (*self.catalogue_education_levels, *self.conversation_education_levels)


def _values(raw: dict[str, Any], key: str, path: Path, parent: str = "") -> tuple[str, ...]:
    value = raw.get(key)
    key = parent + key
    if value is None:
        raise ContractError(f"{path}: the list {key!r} is missing")
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(item, str) and _NAME.match(item) for item in value)
    ):
        raise ContractError(
            f"{path}: {key} must be a list of value names (lower case, digits, _), got {value!r}"
        )
    if len(set(value)) != len(value):
        raise ContractError(f"{path}: {key} names a value twice: {value!r}")
    return tuple(value)


def load_values(path: Path = VALUES_PATH) -> ValueContract:
    """Read and check the value lists.

    Raises:
        ContractError: the file is missing or not YAML; a list is missing,
            empty, repeats a value or holds something other than value names;
            an education level is both stored and conversation-only. The
            message names ``path`` and the list.
    """
    raw = read_mapping(path, "the value lists")
    levels = raw.get("education_levels")
    if not isinstance(levels, dict):
        raise ContractError(
            f"{path}: education_levels must map catalogue and conversation_only to lists, got {levels!r}"
        )
    stored = _values(levels, "catalogue", path, "education_levels.")
    extra = _values(levels, "conversation_only", path, "education_levels.")
    both = sorted(set(stored) & set(extra))
    if both:
        raise ContractError(f"{path}: education_levels {both} are both catalogue and conversation_only")
    return ValueContract(
        goal_types=_values(raw, "goal_types", path),
        fields=_values(raw, "fields", path),
        timeframes=_values(raw, "timeframes", path),
        catalogue_education_levels=stored,
        conversation_education_levels=extra,
    )


@lru_cache(maxsize=1)
def value_contract() -> ValueContract:
    """:func:`load_values` of the shipped file, read once per process."""
    return load_values()
