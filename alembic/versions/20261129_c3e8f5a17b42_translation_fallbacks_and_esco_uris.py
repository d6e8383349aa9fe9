"""translation fallbacks on courses and jobs; ESCO occupation and skill URIs on jobs

``translation_fallbacks`` lists the title languages an importer filled from
another language (``"sv<-fi"``), so a missing translation stays flagged.
``esco_occupation_uri`` and ``esco_skill_uris`` keep the Job Market
posting's ESCO concept URIs next to the English labels in ``occupation``
and ``skills``. Existing rows get ``[]`` / NULL.

Revision ID: c3e8f5a17b42
Revises: b7c41e2a9d03
Create Date: 2026-11-29 09:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c3e8f5a17b42"
down_revision: str | None = "b7c41e2a9d03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the columns; JSON lists start empty on existing rows."""
    with op.batch_alter_table("courses") as batch:
        batch.add_column(sa.Column("translation_fallbacks", sa.JSON(), nullable=True))
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("translation_fallbacks", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("esco_occupation_uri", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("esco_skill_uris", sa.JSON(), nullable=True))
    courses = sa.table("courses", sa.column("translation_fallbacks", sa.JSON()))
    jobs = sa.table("jobs", sa.column("translation_fallbacks", sa.JSON()), sa.column("esco_skill_uris", sa.JSON()))
    op.execute(courses.update().values(translation_fallbacks=[]))
    op.execute(jobs.update().values(translation_fallbacks=[], esco_skill_uris=[]))
    with op.batch_alter_table("courses") as batch:
        batch.alter_column("translation_fallbacks", existing_type=sa.JSON(), nullable=False)
    with op.batch_alter_table("jobs") as batch:
        batch.alter_column("translation_fallbacks", existing_type=sa.JSON(), nullable=False)
        batch.alter_column("esco_skill_uris", existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    """Drop the columns."""
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("esco_skill_uris")
        batch.drop_column("esco_occupation_uri")
        batch.drop_column("translation_fallbacks")
    with op.batch_alter_table("courses") as batch:
        batch.drop_column("translation_fallbacks")
