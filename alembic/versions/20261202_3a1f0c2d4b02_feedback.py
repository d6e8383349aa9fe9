"""one-tap feedback

Placeholder of the feedback (H4) work of issue 13: it changes nothing yet; the
owner replaces this text and the two bodies with the real schema change.

Revision ID: 3a1f0c2d4b02
Revises: 3a1f0c2d4b01
Create Date: 2026-12-02 05:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = '3a1f0c2d4b02'
down_revision: str | None = '3a1f0c2d4b01'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""


def downgrade() -> None:
    """Revert this migration."""
