"""language tags: language columns hold a registry tag of up to 16 characters

Issue 14 ("One source of truth"): ``summaries.language`` was ``String(2)``
and the handoff tables' ``language`` ``String(8)``, so a register
(``fi-x-plain``, 10 characters) or a script subtag (``sr-Latn``) could not
be stored and a PostgreSQL insert would fail for a person who chose one.
All three become ``String(16)`` (``bot.locale.registry.MAX_TAG_LENGTH``).

PostgreSQL changes the column type in place (widening a varchar keeps every
row); downgrade narrows it back and refuses, with the database's own error,
when a stored tag is longer than the old width, rather than cutting it.
SQLite does not enforce a varchar's length, so there is nothing to change
there (and batch mode's copy of the table is avoided: see 3a1f0c2d4b04).

Revision ID: 3a1f0c2d4b05
Revises: 3a1f0c2d4b04
Create Date: 2026-12-02 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = '3a1f0c2d4b05'
down_revision: str | None = '3a1f0c2d4b04'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, old width) of every language column.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("summaries", 2),
    ("handoff_requests", 8),
    ("handoff_contact_requests", 8),
)
NEW_WIDTH = 16


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    """Widen each language column to String(16) (PostgreSQL; SQLite needs nothing)."""
    if not _postgresql():
        return
    for table, old in COLUMNS:
        op.alter_column(table, "language", type_=sa.String(NEW_WIDTH), existing_type=sa.String(old),
                        existing_nullable=False)


def downgrade() -> None:
    """Narrow them back; fails (nothing cut) if a stored tag is longer than the old width."""
    if not _postgresql():
        return
    for table, old in COLUMNS:
        op.alter_column(table, "language", type_=sa.String(old), existing_type=sa.String(NEW_WIDTH),
                        existing_nullable=False)
