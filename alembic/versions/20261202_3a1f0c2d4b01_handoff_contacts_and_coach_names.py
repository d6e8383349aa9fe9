"""handoff contact requests and coach display names

``handoff_contact_requests``: "please contact me" requests left outside office
hours or after nobody took a handoff in time (phone or e-mail, consent time,
done by whom); personal data, deleted with the person's data.
``handoff_requests.told_position`` / ``told_minutes``: the queue place and wait
estimate the person was last told, so the worker tells them only of changes.
``coach_accounts.display_name``: the optional first name shown in the chat.

Revision ID: 3a1f0c2d4b01
Revises: f7d2a9c31e60
Create Date: 2026-12-02 05:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '3a1f0c2d4b01'
down_revision: str | None = 'f7d2a9c31e60'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table('handoff_contact_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('city', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=8), nullable=False),
    sa.Column('contact', sa.String(length=254), nullable=False),
    sa.Column('consented_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.String(length=254), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('handoff_contact_requests', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_handoff_contact_requests_conversation_id'), ['conversation_id'], unique=False
        )
        batch_op.create_index(batch_op.f('ix_handoff_contact_requests_city'), ['city'], unique=False)
    with op.batch_alter_table('handoff_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('told_position', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('told_minutes', sa.Integer(), nullable=True))
    with op.batch_alter_table('coach_accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('display_name', sa.String(length=40), nullable=True))


def downgrade() -> None:
    """Revert this migration."""
    with op.batch_alter_table('coach_accounts', schema=None) as batch_op:
        batch_op.drop_column('display_name')
    with op.batch_alter_table('handoff_requests', schema=None) as batch_op:
        batch_op.drop_column('told_minutes')
        batch_op.drop_column('told_position')
    with op.batch_alter_table('handoff_contact_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handoff_contact_requests_city'))
        batch_op.drop_index(batch_op.f('ix_handoff_contact_requests_conversation_id'))
    op.drop_table('handoff_contact_requests')
