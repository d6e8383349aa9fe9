"""Catalogue loading, searching and every importer on SQLite and on PostgreSQL.

PostgreSQL is the throwaway cluster of scripts/postgres.sh; if it cannot
start, these tests fail with the reason (they are never skipped).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import requests
import responses
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.catalogue.importers.esco import import_esco_csv
from bot.catalogue.importers.jobmarket import JobmarketOptions, import_jobmarket
from bot.catalogue.importers.studyinfo import import_studyinfo
from bot.catalogue.loader import load_sample
from bot.catalogue.models import Course, Job
from bot.catalogue.search import open_courses, open_jobs
from bot.esco.models import EscoOccupationSkill
from tests.importers.conftest import FIXTURES
from tests.importers.test_jobmarket import serve as serve_jobmarket
from tests.importers.test_studyinfo import OPTIONS, serve_fixtures

TODAY = date(2026, 11, 29)


def test_sample_catalogue_loads_and_searches(any_session: Session) -> None:
    first = load_sample(any_session, today=TODAY)
    any_session.commit()
    assert first.skipped == [] and len(first.added) == 100
    again = load_sample(any_session, today=TODAY)
    assert again.added == [] and again.updated == []
    courses = open_courses(any_session, TODAY, fields=["data"], municipality="Espoo",
                           education_level="secondary")
    assert courses and all(c.field == "data" and c.municipality in ("Espoo", None) for c in courses)
    jobs = open_jobs(any_session, TODAY, municipality="Turku")
    assert jobs and all(j.published <= TODAY <= j.expires for j in jobs)


@responses.activate
def test_every_importer_and_reimport(any_session: Session, http: requests.Session, tmp_path: Path) -> None:
    esco = import_esco_csv(any_session, FIXTURES / "esco")
    any_session.commit()
    assert len(esco.added) == 16
    assert any_session.scalar(select(func.count()).select_from(EscoOccupationSkill)) == 6
    serve_fixtures()
    serve_jobmarket()
    courses = import_studyinfo(any_session, http, OPTIONS)
    options = JobmarketOptions(state_path=tmp_path / "s.json", today=TODAY, full=True)
    jobs = import_jobmarket(any_session, http, "k", options)
    any_session.commit()
    assert len(courses.added) == 5 and len(jobs.added) == 5
    assert any_session.scalar(select(func.count()).select_from(Course)) == 5
    assert any_session.scalar(select(func.count()).select_from(Job)) == 5
    again = import_studyinfo(any_session, http, OPTIONS), import_jobmarket(any_session, http, "k", options)
    assert all(r.added == [] and r.updated == [] for r in again)
    assert {j.source_id[-2:] for j in open_jobs(any_session, TODAY)} == {"01", "02", "03"}
