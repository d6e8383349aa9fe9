"""Settings for every DigiPoint process, read from the environment.

``Settings`` and ``get_settings`` load ``bot.config.settings`` on first use
(PEP 562), so the Rasa process, whose environment has pydantic 1, can import
``bot.config.cities`` (the city contacts and crisis lines) without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.config.settings import Settings, get_settings

__all__ = ["Settings", "get_settings"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from bot.config import settings

        return getattr(settings, name)
    raise AttributeError(f"module 'bot.config' has no attribute {name!r}")
