"""catalogue revision token

One row (``id`` 1) whose ``token`` changes with every change to courses or
jobs (see ``bot/catalogue/revision.py``); the ranking's in-memory
candidate index rebuilds when it changes.

Revision ID: e5a9c0d4b711
Revises: c3e8f5a17b42
Create Date: 2026-11-29 10:40:00
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e5a9c0d4b711"
down_revision: str | None = "c3e8f5a17b42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the table with its one row."""
    table = op.create_table(
        "catalogue_revision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token", sa.String(length=32), nullable=False),
    )
    op.bulk_insert(table, [{"id": 1, "token": uuid.uuid4().hex}])


def downgrade() -> None:
    """Drop the table."""
    op.drop_table("catalogue_revision")
