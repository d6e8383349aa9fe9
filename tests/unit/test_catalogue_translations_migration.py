"""Migration 3a1f0c2d4b04 keeps every title and ESCO label, up and down, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from sqlalchemy import JSON, Boolean, Date, Engine, Float, Integer, MetaData, Table, func, select
from sqlalchemy.orm import Session

from alembic import command
from bot import db
from bot.catalogue.models import Course, Job
from bot.esco.models import EscoOccupation, EscoOccupationSkill, EscoSkill

ROOT = Path(__file__).resolve().parents[2]
BEFORE = "3a1f0c2d4b03"
OCC = "http://data.europa.eu/esco/occupation/dev"
SKILL = "http://data.europa.eu/esco/skill/python"


def _filler(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, JSON):
        return []
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer | Float):
        return 0
    if isinstance(kind, Date):
        return date(2027, 1, 1)
    return "x"


def _insert(engine: Engine, name: str, values: dict[str, Any]) -> None:
    """Insert one row, every other NOT NULL column filled with a plain value."""
    table = Table(name, MetaData(), autoload_with=engine)
    row = {c.name: _filler(c) for c in table.columns if not c.nullable and not c.primary_key}
    row.update(values)
    with engine.begin() as conn:
        conn.execute(table.insert().values(**row))


def _rows(engine: Engine, name: str, *columns: str) -> list[tuple[Any, ...]]:
    table = Table(name, MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        query = select(*(table.c[c] for c in columns)).order_by(*table.primary_key)
        return [tuple(r) for r in conn.execute(query)]


@pytest.fixture()
def migrated_to_before(any_database_url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Config, Engine]:
    """An empty database migrated to the revision before the translations tables."""
    from bot.config import get_settings

    engine = db.make_engine(any_database_url)
    db.Base.metadata.drop_all(engine)
    monkeypatch.setenv("DATABASE_URL", any_database_url)
    get_settings.cache_clear()
    config = Config(str(ROOT / "alembic.ini"))
    command.upgrade(config, BEFORE)
    return config, engine


def test_titles_and_labels_survive_the_upgrade_and_the_downgrade(
    migrated_to_before: tuple[Config, Engine],
) -> None:
    config, engine = migrated_to_before
    _insert(engine, "courses", {"id": 1, "source": "s", "source_id": "c1", "title_fi": "Kurssi",
                                "title_sv": "Kurs", "title_en": "Course"})
    _insert(engine, "jobs", {"id": 7, "source": "s", "source_id": "j7", "title_fi": "Työ", "title_sv": "Jobb",
                             "title_en": "Job"})
    _insert(engine, "esco_occupations", {
        "uri": OCC, "preferred_fi": "ohjelmistokehittäjä", "preferred_sv": None,
        "preferred_en": "software developer", "alt_fi": ["koodari"], "alt_sv": [],
        "alt_en": ["programmer", "coder"],
    })
    _insert(engine, "esco_skills", {"uri": SKILL, "preferred_fi": None, "preferred_sv": None,
                                    "preferred_en": "Python", "alt_fi": [], "alt_sv": [], "alt_en": []})
    _insert(engine, "esco_occupation_skills",
            {"occupation_uri": OCC, "skill_uri": SKILL, "relation_type": "essential"})

    command.upgrade(config, "head")
    with Session(engine) as session:
        course, job = session.get(Course, 1), session.get(Job, 7)
        assert course is not None and course.titles == {"fi": "Kurssi", "sv": "Kurs", "en": "Course"}
        assert job is not None and job.title("sv") == "Jobb"
        occupation, skill = session.get(EscoOccupation, OCC), session.get(EscoSkill, SKILL)
        assert occupation is not None and occupation.labels == {
            "fi": {"preferred": "ohjelmistokehittäjä", "alt": ["koodari"]},
            "sv": {"preferred": None, "alt": []},
            "en": {"preferred": "software developer", "alt": ["programmer", "coder"]},
        }
        assert occupation.label("sv") == "software developer"
        assert skill is not None and skill.label("fi") == "Python"
        # The relations table was not emptied by the schema change (no table copy on SQLite).
        assert session.scalar(select(func.count()).select_from(EscoOccupationSkill)) == 1
        # A code longer than two letters fits the new language column.
        course.titles = {**course.titles, "fi-x-plain": "Kurssi selkosuomeksi"}
        session.commit()

    command.downgrade(config, BEFORE)
    assert _rows(engine, "courses", "title_fi", "title_sv", "title_en") == [("Kurssi", "Kurs", "Course")]
    assert _rows(engine, "jobs", "title_fi", "title_sv", "title_en") == [("Työ", "Jobb", "Job")]
    assert _rows(engine, "esco_occupations", "preferred_fi", "preferred_sv", "preferred_en",
                 "alt_fi", "alt_sv", "alt_en") == [
        ("ohjelmistokehittäjä", None, "software developer", ["koodari"], [], ["programmer", "coder"])]
    assert _rows(engine, "esco_skills", "preferred_en", "alt_fi") == [("Python", [])]
    assert _rows(engine, "esco_occupation_skills", "occupation_uri", "skill_uri") == [(OCC, SKILL)]
    engine.dispose()
