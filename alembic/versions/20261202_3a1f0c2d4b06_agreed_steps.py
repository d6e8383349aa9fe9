"""agreed steps: next steps that are followed up (issue 15)

One row per agreed next step (``bot.followup.models.AgreedStep``): the due
date the person picked, its status (open, done, changed, dropped) and, only
with consent, the e-mail address for one reminder. Keyed by
``conversation_id`` like every person table, so "delete my data" and the
retention purge remove it (``bot.privacy.erasure``).

Revision ID: 3a1f0c2d4b06
Revises: 3a1f0c2d4b05
Create Date: 2026-12-02 19:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = '3a1f0c2d4b06'
down_revision: str | None = '3a1f0c2d4b05'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create ``agreed_steps`` and its indexes."""
    op.create_table(
        "agreed_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("person_id", sa.String(length=32), nullable=True),
        sa.Column("summary_id", sa.Integer(), nullable=True),
        sa.Column("city", sa.String(length=40), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("step_key", sa.String(length=120), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminder_email", sa.String(length=320), nullable=True),
        sa.Column("reminder_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("conversation_id", "person_id", "summary_id", "city", "status"):
        op.create_index(f"ix_agreed_steps_{column}", "agreed_steps", [column])


def downgrade() -> None:
    """Drop ``agreed_steps`` (its indexes go with it)."""
    for column in ("conversation_id", "person_id", "summary_id", "city", "status"):
        op.drop_index(f"ix_agreed_steps_{column}", table_name="agreed_steps")
    op.drop_table("agreed_steps")
