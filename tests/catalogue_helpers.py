"""A small fixed catalogue for ranking, suggestion, next-step and summary tests.

``TODAY`` is the date every test ranks against. The rows are made to test
one rule each: ``c6`` has a closed application period and ``j6`` has
expired, so neither may ever be suggested.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from bot.catalogue.models import Course, Job

TODAY = date(2026, 11, 29)


def _course(n: int, field: str, provider: str, ptype: str, city: str | None, mode: str, **kw: Any) -> Course:
    values: dict[str, Any] = {
        "id": n,
        "source": "test",
        "source_id": f"c{n}",
        "titles": {"fi": f"Kurssi {n}", "sv": f"Kurs {n}", "en": f"Course {n}"},
        "provider": provider,
        "provider_type": ptype,
        "municipality": city,
        "mode": mode,
        "teaching_languages": ["fi", "en"],
        "start_date": date(2027, 1, 11),
        "end_date": date(2027, 5, 28),
        "extent": 5,
        "extent_unit": "credits",
        "cost_eur": 0,
        "free_for_jobseekers": True,
        "education_required": None,
        "application_end": date(2027, 1, 4),
        "url": f"https://opintopolku.fi/konfo/fi/toteutus/1.2.246.562.17.{n:020d}",
        "field": field,
        "skills": [],
    }
    values.update(kw)
    return Course(**values)


def _job(n: int, field: str, employer: str, city: str | None, remote: str, **kw: Any) -> Job:
    values: dict[str, Any] = {
        "id": n,
        "source": "test",
        "source_id": f"j{n}",
        "titles": {"fi": f"Työ {n}", "sv": f"Jobb {n}", "en": f"Job {n}"},
        "employer": employer,
        "municipality": city,
        "remote": remote,
        "working_languages": ["fi", "en"],
        "seniority": "entry",
        "education_required": None,
        "occupation": "data analyst",
        "isco_code": "2511",
        "published": date(2026, 11, 16),
        "expires": date(2027, 1, 10),
        "url": f"https://tyomarkkinatori.fi/henkiloasiakkaat/avoimet-tyopaikat/00000000-0000-0000-0000-{n:012d}",
        "field": field,
        "skills": [],
    }
    values.update(kw)
    return Job(**values)


def fixed_catalogue() -> list[Course | Job]:
    """Eight courses and eight jobs (ids 1-8 each), new objects on every call."""
    return [
        _course(1, "data", "Haaga-Helia", "uas", None, "online", skills=["Excel", "data analysis"]),
        _course(2, "data", "Vantaan aikuisopisto", "adult_education", "Vantaa", "on_site",
                cost_eur=65, free_for_jobseekers=False, start_date=date(2027, 1, 13), skills=["Excel"]),
        _course(3, "software", "Buutti", "labour_market_training", "Helsinki", "hybrid",
                education_required="basic", start_date=date(2027, 2, 1), extent=900, extent_unit="hours"),
        _course(4, "ux_content", "Laurea", "uas", None, "online", start_date=date(2027, 3, 1)),
        _course(5, "data", "Metropolia", "uas", "Helsinki", "hybrid", education_required="bachelor",
                start_date=date(2027, 8, 23), extent=60, free_for_jobseekers=False),
        _course(6, "data", "Haaga-Helia", "uas", None, "online", application_end=date(2026, 11, 20)),
        _course(7, "it_support", "Varia", "vocational", "Vantaa", "on_site", education_required="basic",
                extent=180, extent_unit="competence_points"),
        _course(8, "testing_quality", "Buutti", "labour_market_training", "Turku", "hybrid",
                education_required="secondary", start_date=date(2027, 2, 1)),
        _job(1, "data", "Finnair", "Vantaa", "hybrid", education_required="secondary",
             skills=["Excel", "SQL"]),
        _job(2, "data", "Kesko", "Helsinki", "hybrid", seniority="experienced",
             education_required="bachelor"),
        _job(3, "data", "Sofigate", None, "full", seniority="experienced", education_required="bachelor"),
        _job(4, "it_support", "CGI", "Vantaa", "no"),
        _job(5, "software", "Vincit", "Turku", "hybrid"),
        _job(6, "data", "Fortum", "Espoo", "hybrid", published=date(2026, 10, 26),
             expires=date(2026, 11, 25)),
        _job(7, "marketing_sales", "Gigantti", "Vantaa", "no"),
        _job(8, "testing_quality", "Eficode", None, "full", education_required="secondary"),
    ]  # fmt: skip


def load_fixed_catalogue(session: Session) -> None:
    """Insert the fixed catalogue and commit."""
    session.add_all(fixed_catalogue())
    session.commit()


def break_database(monkeypatch: Any, tmp_path: Any) -> None:
    """Point DATABASE_URL at a SQLite file in a missing directory: every connection fails."""
    from bot import db
    from bot.config import get_settings

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing-dir' / 'down.db'}")
    get_settings.cache_clear()
    db.get_sessionmaker.cache_clear()
