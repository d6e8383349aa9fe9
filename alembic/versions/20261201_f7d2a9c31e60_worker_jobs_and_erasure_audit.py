"""worker jobs and erasure audit

``worker_jobs``: the timed jobs of ``python -m bot.worker`` (handoff timeouts,
the daily retention purge), claimed by one worker before they run.
``erasure_audit``: one row per erasure (time, trigger, city, counts per kind;
no personal data).

Revision ID: f7d2a9c31e60
Revises: e5a9c0d4b711
Create Date: 2026-12-01 20:32:16.857634
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'f7d2a9c31e60'
down_revision: str | None = 'e5a9c0d4b711'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table('erasure_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('trigger', sa.String(length=16), nullable=False),
    sa.Column('city', sa.String(length=64), nullable=False),
    sa.Column('conversations', sa.Integer(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('erasure_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_erasure_audit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_erasure_audit_city'), ['city'], unique=False)

    op.create_table('worker_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('job_key', sa.String(length=64), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('claimed_by', sa.String(length=64), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=200), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'job_key', name='uq_worker_jobs_kind_key')
    )
    with op.batch_alter_table('worker_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_worker_jobs_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index('ix_worker_jobs_state_due', ['state', 'due_at'], unique=False)



def downgrade() -> None:
    """Revert this migration."""
    with op.batch_alter_table('worker_jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_worker_jobs_state_due')
        batch_op.drop_index(batch_op.f('ix_worker_jobs_conversation_id'))

    op.drop_table('worker_jobs')
    with op.batch_alter_table('erasure_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_erasure_audit_city'))
        batch_op.drop_index(batch_op.f('ix_erasure_audit_at'))

    op.drop_table('erasure_audit')
