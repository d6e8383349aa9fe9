"""resume codes and person links

Revision ID: d6102e6d6367
Revises: 14019d52d290
Create Date: 2026-11-29 08:08:17.255145
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 'd6102e6d6367'
down_revision: str | None = '14019d52d290'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table('person_links',
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('person_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('conversation_id')
    )
    with op.batch_alter_table('person_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_links_person_id'), ['person_id'], unique=False)

    op.create_table('resume_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('person_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('resume_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resume_codes_code_hash'), ['code_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_resume_codes_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resume_codes_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    """Revert this migration."""
    with op.batch_alter_table('resume_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resume_codes_person_id'))
        batch_op.drop_index(batch_op.f('ix_resume_codes_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_resume_codes_code_hash'))

    op.drop_table('resume_codes')
    with op.batch_alter_table('person_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_links_person_id'))

    op.drop_table('person_links')
