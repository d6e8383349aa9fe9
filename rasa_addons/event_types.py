"""Event type lookup by name without walking the class tree every time.

Rasa 3.6's ``Event.resolve_by_type(type_name)`` (used for every event read
from the tracker store and every event an action returns) lists all
subclasses of ``Event`` recursively on each call: about 2 % of the Rasa
server's CPU under load (docs/performance.md). :func:`install` puts a cache in
front of it: a name found once maps to the same class afterwards; an unknown
name still goes to Rasa's own lookup (and its ``default`` / ``ValueError``).
"""

from __future__ import annotations

from typing import Dict, Optional, Text, Type

from rasa.shared.core.events import Event

_INSTALLED_MARK = "_digipoint_event_types"


def install() -> None:
    """Cache ``Event.resolve_by_type`` results per type name (idempotent)."""
    original = Event.resolve_by_type
    if getattr(original, _INSTALLED_MARK, False):
        return
    found: Dict[Text, Type[Event]] = {}

    def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
        cls = found.get(type_name)
        if cls is not None:
            return cls
        cls = original(type_name, default)
        if cls is not None and cls is not default:
            found[type_name] = cls
        return cls

    setattr(resolve_by_type, _INSTALLED_MARK, True)
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign,assignment]
