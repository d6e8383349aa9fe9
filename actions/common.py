"""Helpers shared by the actions: conversation language, database session."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.i18n import normalise_language


def language_of(tracker: Tracker) -> str:
    """The conversation language ("en", "fi" or "sv") from the ``language`` slot."""
    return normalise_language(tracker.get_slot("language"))
