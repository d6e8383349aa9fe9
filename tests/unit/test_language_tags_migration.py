"""Migration 3a1f0c2d4b05: a summary in a register or a script-tagged language is stored whole.

Before it, ``summaries.language`` was String(2): on PostgreSQL a person who
chose plain Finnish (``fi-x-plain``) would have had their summary refused by
the database. Existing rows keep their language through the upgrade.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.config import Config
from sqlalchemy import MetaData, Table, inspect, select

from alembic import command
from bot import db
from tests.unit.test_catalogue_translations_migration import _insert

ROOT = Path(__file__).resolve().parents[2]
BEFORE = "3a1f0c2d4b04"


@pytest.fixture()
def config_at_before(any_database_url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Config, str]:
    from bot.config import get_settings

    engine = db.make_engine(any_database_url)
    db.Base.metadata.drop_all(engine)
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", any_database_url)
    get_settings.cache_clear()
    config = Config(str(ROOT / "alembic.ini"))
    command.upgrade(config, BEFORE)
    return config, any_database_url


def test_a_register_tag_is_stored_after_the_upgrade_and_old_rows_keep_theirs(
    config_at_before: tuple[Config, str],
) -> None:
    config, url = config_at_before
    engine = db.make_engine(url)
    now = datetime.now(UTC)
    old = {"id": 1, "conversation_id": "old", "language": "fi", "created_at": now}
    _insert(engine, "summaries", old)
    command.upgrade(config, "head")
    new = {"id": 2, "conversation_id": "new", "language": "fi-x-plain", "created_at": now}
    _insert(engine, "summaries", new)
    table = Table("summaries", MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.id, table.c.language).order_by(table.c.id)).all()
    assert [tuple(r) for r in rows] == [(1, "fi"), (2, "fi-x-plain")]
    if engine.dialect.name == "postgresql":
        columns = inspect(engine).get_columns("summaries")
        widths = {c["name"]: getattr(c["type"], "length", None) for c in columns}
        assert widths["language"] == 16
    engine.dispose()


def test_a_downgrade_keeps_rows_and_refuses_rather_than_cuts_a_long_tag(
    config_at_before: tuple[Config, str],
) -> None:
    """Down to 3a1f0c2d4b04: a two-letter row stays; on PostgreSQL a 'fi-x-plain' row stops it whole."""
    config, url = config_at_before
    command.upgrade(config, "head")
    engine = db.make_engine(url)
    now = datetime.now(UTC)
    _insert(engine, "summaries", {"id": 1, "conversation_id": "short", "language": "sv", "created_at": now})
    command.downgrade(config, BEFORE)
    command.upgrade(config, "head")
    long_tag = {"id": 2, "conversation_id": "long", "language": "fi-x-plain", "created_at": now}
    _insert(engine, "summaries", long_tag)
    if engine.dialect.name == "postgresql":
        with pytest.raises(Exception, match="(?i)too long|value too long"):
            command.downgrade(config, BEFORE)
    else:  # SQLite keeps any length: the downgrade has nothing to narrow
        command.downgrade(config, BEFORE)
    table = Table("summaries", MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.id, table.c.language).order_by(table.c.id)).all()
    assert [tuple(r) for r in rows] == [(1, "sv"), (2, "fi-x-plain")]
    engine.dispose()
