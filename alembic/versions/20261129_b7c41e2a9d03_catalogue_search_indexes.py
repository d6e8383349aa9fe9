"""catalogue search indexes: (field, application_end) on courses, (field, expires) on jobs

Profile searches filter open rows by job family and order by the nearest
deadline; with 100,000 rows these composite indexes take the top-50 course
search on SQLite from ~14 ms to ~4 ms p50 (bench/catalogue_scale.py, which
creates the same two indexes).

Revision ID: b7c41e2a9d03
Revises: d6102e6d6367
Create Date: 2026-11-29 08:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "b7c41e2a9d03"
down_revision: str | None = "d6102e6d6367"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the two composite search indexes."""
    op.create_index("ix_courses_field_application_end", "courses", ["field", "application_end"])
    op.create_index("ix_jobs_field_expires", "jobs", ["field", "expires"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_jobs_field_expires", table_name="jobs")
    op.drop_index("ix_courses_field_application_end", table_name="courses")
