"""resume: plan and trend

No schema change (issue 13, "a plan that survives"): a resume code restores
the plan from what is already stored. Rejections, Holland code and next
steps come from the earlier conversation's latest ``summaries.data``; the
interest answers and every dated confidence score from
``assessment_results`` (copied into the new conversation with their times);
the summary's ``confidence_trend`` is a key of the JSON ``data``. All of it
has a ``conversation_id`` column, so erasure and retention reach it as
before. The revision stays so that the chain of the day keeps its order.

Revision ID: 3a1f0c2d4b03
Revises: 3a1f0c2d4b02
Create Date: 2026-12-02 05:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = '3a1f0c2d4b03'
down_revision: str | None = '3a1f0c2d4b02'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to apply (see the module docstring)."""


def downgrade() -> None:
    """Nothing to revert (see the module docstring)."""
