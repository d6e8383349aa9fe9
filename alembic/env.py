"""Alembic environment: migrates the database at settings.database_url."""

from __future__ import annotations

from logging.config import fileConfig

import bot.models  # noqa: F401  (registers every table)
from alembic import context
from bot.config import get_settings
from bot.db import Base, make_engine

config = context.config
if config.config_file_name is not None:
    # Keep the loggers that exist already: alembic also runs inside DigiPoint's
    # own processes and tests, whose one-line fault logs must stay on.
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def compare_type(  # type: ignore[no-untyped-def]
    context, inspected_column, metadata_column, inspected_type, metadata_type
):
    """Alembic's type comparison, except a varchar's length on SQLite.

    SQLite stores text of any length whatever the declared width
    (https://www.sqlite.org/datatype3.html, "SQLite does not impose any length
    restrictions"), so migrations widen a String only on PostgreSQL and
    ``alembic check`` must not report the declared width there.
    Returns False (same), or None (Alembic's default comparison).
    """
    from sqlalchemy import String

    dialect = context.dialect.name
    if dialect == "sqlite" and isinstance(inspected_type, String) and isinstance(metadata_type, String):
        plain = {"VARCHAR", "String"}
        if type(inspected_type).__name__ in plain and type(metadata_type).__name__ in plain:
            return False
    return None


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of running it."""
    context.configure(
        url=get_settings().database_url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        compare_type=compare_type,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run migrations against the configured database."""
    engine = make_engine(get_settings().database_url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
            compare_type=compare_type,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
