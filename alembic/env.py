"""Alembic environment: migrates the database at settings.database_url."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

import bot.models  # noqa: F401  (registers every table)
from bot.config import get_settings
from bot.db import Base, make_engine

config = context.config
if config.config_file_name is not None:
    # Keep the loggers that exist already: alembic also runs inside DigiPoint's
    # own processes and tests, whose one-line fault logs must stay on.
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of running it."""
    context.configure(
        url=get_settings().database_url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
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
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
