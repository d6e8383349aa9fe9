"""catalogue translations: titles and ESCO labels in one table per kind

Issue 14 ("One source of truth"): a column per language (``title_fi``,
``title_sv``, ``title_en``; ``preferred_<lang>``, ``alt_<lang>``) made every
new language a schema change. Titles move to ``course_titles`` and
``job_titles`` (item id, language, title), ESCO labels to
``esco_occupation_labels`` and ``esco_skill_labels`` (URI, language,
preferred, alt). The language column holds a registry code of up to 16
characters (bot/locale), so "fi-x-plain" or "sr-Latn" fit.

Upgrade copies every existing title and label into the new tables, then
drops the old columns; downgrade adds the columns back, copies the rows back
(a title missing in a language takes the English one, else any one, as the
old NOT NULL columns need a value) and drops the tables. Nothing is lost in
either direction for the three languages the old columns had.

Columns are dropped and added with plain ALTER TABLE, never by batch mode's
copy of the table: on SQLite (foreign keys on) dropping the old copy of
``courses`` or ``esco_occupations`` would cascade and delete the new title
rows and ``esco_occupation_skills``. The NOT NULL columns a downgrade adds
therefore carry a server default ('' / '[]'), removed again on PostgreSQL;
SQLite keeps it (it cannot drop a default without copying the table).

Revision ID: 3a1f0c2d4b04
Revises: 3a1f0c2d4b03
Create Date: 2026-12-02 05:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "3a1f0c2d4b04"
down_revision: str | None = "3a1f0c2d4b03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The languages the old per-language columns had (fixed here: a migration never reads the live registry).
OLD_LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
TAG = 16
TITLES = (("courses", "course_titles", "course_id"), ("jobs", "job_titles", "job_id"))
LABELS = (("esco_occupations", "esco_occupation_labels"), ("esco_skills", "esco_skill_labels"))


def _create_tables() -> None:
    for parent, table, key in TITLES:
        op.create_table(
            table,
            sa.Column(key, sa.Integer(), nullable=False),
            sa.Column("language", sa.String(length=TAG), nullable=False),
            sa.Column("title", sa.Text(), nullable=False),
            sa.ForeignKeyConstraint([key], [f"{parent}.id"], name=op.f(f"fk_{table}_{key}_{parent}"),
                                    ondelete="CASCADE"),
            sa.PrimaryKeyConstraint(key, "language", name=op.f(f"pk_{table}")),
        )
    for parent, table in LABELS:
        op.create_table(
            table,
            sa.Column("uri", sa.String(length=200), nullable=False),
            sa.Column("language", sa.String(length=TAG), nullable=False),
            sa.Column("preferred", sa.Text(), nullable=True),
            sa.Column("alt", sa.JSON(), nullable=False),
            sa.ForeignKeyConstraint(["uri"], [f"{parent}.uri"], name=op.f(f"fk_{table}_uri_{parent}"),
                                    ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("uri", "language", name=op.f(f"pk_{table}")),
        )


def upgrade() -> None:
    """Create the translations tables, copy every title and label, drop the old columns."""
    _create_tables()
    for parent, table, key in TITLES:
        source = sa.table(parent, sa.column("id", sa.Integer()), *(sa.column(f"title_{lang}", sa.Text())
                                                                   for lang in OLD_LANGUAGES))
        target = sa.table(table, sa.column(key), sa.column("language"), sa.column("title"))
        for lang in OLD_LANGUAGES:
            title = source.c[f"title_{lang}"]
            rows = sa.select(source.c.id, sa.literal(lang, sa.String(TAG)), title).where(
                title.is_not(None), title != ""
            )
            op.execute(target.insert().from_select([key, "language", "title"], rows))
        for lang in OLD_LANGUAGES:
            op.drop_column(parent, f"title_{lang}")
    for parent, table in LABELS:
        columns = [sa.column(f"preferred_{lang}", sa.Text()) for lang in OLD_LANGUAGES]
        columns += [sa.column(f"alt_{lang}", sa.JSON()) for lang in OLD_LANGUAGES]
        source = sa.table(parent, sa.column("uri", sa.String()), *columns)
        target = sa.table(table, sa.column("uri"), sa.column("language"), sa.column("preferred"),
                          sa.column("alt"))
        for lang in OLD_LANGUAGES:
            rows = sa.select(source.c.uri, sa.literal(lang, sa.String(TAG)), source.c[f"preferred_{lang}"],
                             source.c[f"alt_{lang}"])
            op.execute(target.insert().from_select(["uri", "language", "preferred", "alt"], rows))
        for lang in OLD_LANGUAGES:
            op.drop_column(parent, f"preferred_{lang}")
            op.drop_column(parent, f"alt_{lang}")


def downgrade() -> None:
    """Add the per-language columns back, copy the rows into them, drop the translations tables."""
    postgres = op.get_bind().dialect.name == "postgresql"
    for parent, table, key in TITLES:
        for lang in OLD_LANGUAGES:
            op.add_column(parent, sa.Column(f"title_{lang}", sa.Text(), nullable=False, server_default=""))
        items = sa.table(parent, sa.column("id", sa.Integer()), *(sa.column(f"title_{lang}", sa.Text())
                                                                  for lang in OLD_LANGUAGES))
        titles = sa.table(table, sa.column(key, sa.Integer()), sa.column("language", sa.String()),
                          sa.column("title", sa.Text()))

        def title_in(lang: str | None, titles: sa.TableClause = titles, items: sa.TableClause = items,
                     key: str = key) -> sa.ScalarSelect[str]:
            query = sa.select(titles.c.title).where(titles.c[key] == items.c.id)
            if lang is not None:
                query = query.where(titles.c.language == lang)
            return query.order_by(titles.c.language).limit(1).scalar_subquery()

        values = {f"title_{lang}": sa.func.coalesce(title_in(lang), title_in("en"), title_in(None), "")
                  for lang in OLD_LANGUAGES}
        op.execute(items.update().values(**values))
        for lang in OLD_LANGUAGES:
            if postgres:
                op.alter_column(parent, f"title_{lang}", existing_type=sa.Text(), server_default=None)
        op.drop_table(table)
    for parent, table in LABELS:
        for lang in OLD_LANGUAGES:
            op.add_column(parent, sa.Column(f"preferred_{lang}", sa.Text(), nullable=True))
        for lang in OLD_LANGUAGES:
            op.add_column(parent, sa.Column(f"alt_{lang}", sa.JSON(), nullable=False, server_default="[]"))
        columns = [sa.column(f"preferred_{lang}", sa.Text()) for lang in OLD_LANGUAGES]
        columns += [sa.column(f"alt_{lang}", sa.JSON()) for lang in OLD_LANGUAGES]
        concepts = sa.table(parent, sa.column("uri", sa.String()), *columns)
        labels = sa.table(table, sa.column("uri", sa.String()), sa.column("language", sa.String()),
                          sa.column("preferred", sa.Text()), sa.column("alt", sa.JSON()))

        def label_of(lang: str, name: str, labels: sa.TableClause = labels,
                     concepts: sa.TableClause = concepts) -> sa.ScalarSelect[object]:
            return (sa.select(labels.c[name]).where(labels.c.uri == concepts.c.uri, labels.c.language == lang)
                    .scalar_subquery())

        labelled: dict[str, object] = {}
        for lang in OLD_LANGUAGES:
            labelled[f"preferred_{lang}"] = label_of(lang, "preferred")
            # A concept without a row in that language keeps the column's '[]'.
            labelled[f"alt_{lang}"] = sa.func.coalesce(label_of(lang, "alt"), concepts.c[f"alt_{lang}"])
        op.execute(concepts.update().values(**labelled))
        for lang in OLD_LANGUAGES:
            if postgres:
                op.alter_column(parent, f"alt_{lang}", existing_type=sa.JSON(), server_default=None)
        op.drop_table(table)
