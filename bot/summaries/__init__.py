"""Conversation summaries: building, redacting, storing, rendering, consent.

See :mod:`bot.summaries.service` for the public functions and
:mod:`bot.summaries.next_steps` for the next-step options a person picks.
"""

from bot.summaries.models import Summary
from bot.summaries.service import (
    build_summary,
    delete_summaries,
    get_summary,
    record_consent,
    render_summary,
    save_summary,
    shared_summaries,
)

__all__ = [
    "Summary",
    "build_summary",
    "delete_summaries",
    "get_summary",
    "record_consent",
    "render_summary",
    "save_summary",
    "shared_summaries",
]
