"""one-tap feedback

``feedback``: one row per "was this useful?" answer (city, target kind, item
id, useful, day). No conversation id and no text: the rows are anonymous
(bot/feedback/models.py).

Revision ID: 3a1f0c2d4b02
Revises: 3a1f0c2d4b01
Create Date: 2026-12-02 05:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = '3a1f0c2d4b02'
down_revision: str | None = '3a1f0c2d4b01'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('city', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=16), nullable=False),
    sa.Column('item', sa.String(length=64), nullable=False),
    sa.Column('useful', sa.Boolean(), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_city_target', ['city', 'target'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_given_on'), ['given_on'], unique=False)


def downgrade() -> None:
    """Revert this migration."""
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_given_on'))
        batch_op.drop_index('ix_feedback_city_target')

    op.drop_table('feedback')
