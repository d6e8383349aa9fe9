"""Catalogue at scale: 100,000 courses and 100,000 jobs on SQLite and on PostgreSQL.

Prints, side by side for both databases:

- import throughput (rows per second) of the generated rows through the
  importers' upsert layer (:class:`bot.catalogue.importers.common.Upserter`),
  first run (all added) and re-run (all unchanged);
- p50 / p95 latency (ms) of typical profile searches: the catalogue's
  ``open_courses`` / ``open_jobs`` with a profile's fields, city and
  education level, as whole result sets ("search, all rows") and as the top
  50 candidates ("search, top 50", same filters, soonest deadline first).

Usage: ``python -m bench.catalogue_scale [--rows 100000] [--queries 200]
[--sqlite-only]``. PostgreSQL is the cluster of ``scripts/postgres.sh``
(started here when not running); each run uses a fresh database that is
dropped afterwards. The target is p95 <= 20 ms on SQLite (issue 3).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, or_, select, text
from sqlalchemy.orm import Session, sessionmaker

import bot.models  # noqa: F401  (registers every table)
from bot import db
from bot.catalogue.importers.common import ImportReport, Upserter
from bot.catalogue.models import EDUCATION_LEVELS, FIELDS, MUNICIPALITIES, Course, Job
from bot.catalogue.search import _allowed_levels, open_courses, open_jobs

ROOT = Path(__file__).parents[1]
TODAY = date(2026, 11, 29)
#: The indexes of alembic/versions/*_catalogue_search_indexes.py (kept identical).
SEARCH_INDEXES: tuple[str, ...] = (
    "CREATE INDEX ix_courses_field_application_end ON courses (field, application_end)",
    "CREATE INDEX ix_jobs_field_expires ON jobs (field, expires)",
)
PLACES: tuple[str | None, ...] = (*MUNICIPALITIES, "Lahti", "Tampere", None)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of ``values`` (fraction in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def course_rows(count: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    """``count`` Course value dicts shaped like the Studyinfo importer's output."""
    for n in range(count):
        place = rng.choice(PLACES)
        start = TODAY + timedelta(days=rng.randint(-200, 300))
        yield {
            "source": "bench", "source_id": f"course-{n}", "title_fi": f"Kurssi {n}", "title_sv": f"Kurs {n}",
            "title_en": f"Course {n}", "provider": f"Provider {n % 300}",
            "provider_type": rng.choice(("uas", "open_university", "vocational", "labour_market_training")),
            "municipality": place, "mode": "online" if place is None else rng.choice(("on_site", "hybrid")),
            "teaching_languages": rng.sample(["fi", "sv", "en"], rng.randint(1, 2)),
            "start_date": start, "end_date": start + timedelta(days=rng.randint(30, 200)),
            "extent": float(rng.choice((5, 10, 15, 30))), "extent_unit": "credits",
            "cost_eur": 0.0, "free_for_jobseekers": rng.random() < 0.6,
            "education_required": rng.choice((None, None, "secondary", "bachelor")),
            "application_end": start - timedelta(days=rng.randint(3, 30)),
            "url": f"https://opintopolku.fi/konfo/fi/toteutus/bench-{n}", "field": rng.choice(FIELDS),
            "skills": rng.sample(["Python", "SQL", "JavaScript", "UX design", "testing", "SEO", "Linux"], 3),
        }


def job_rows(count: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    """``count`` Job value dicts shaped like the Job Market Finland importer's output."""
    for n in range(count):
        published = TODAY - timedelta(days=rng.randint(0, 120))
        place = rng.choice(PLACES)
        yield {
            "source": "bench", "source_id": f"job-{n}", "title_fi": f"Työ {n}", "title_sv": f"Jobb {n}",
            "title_en": f"Job {n}", "employer": f"Employer {n % 2000}", "municipality": place,
            "remote": "full" if place is None else rng.choice(("no", "hybrid")),
            "working_languages": ["fi"], "seniority": rng.choice(("entry", "experienced")),
            "education_required": rng.choice((None, "secondary", "bachelor", "master")),
            "occupation": "software developer", "isco_code": "2512", "start_date": None,
            "published": published, "expires": published + timedelta(days=rng.randint(14, 90)),
            "url": f"https://tyomarkkinatori.fi/henkiloasiakkaat/avoimet-tyopaikat/bench-{n}",
            "field": rng.choice(FIELDS), "skills": ["Python", "SQL"],
        }


def timed_import(factory: sessionmaker[Session], model: type[Course] | type[Job],
                 rows: list[dict[str, Any]]) -> tuple[float, ImportReport]:
    """Rows per second of one upsert run (commit included) and its report."""
    started = time.perf_counter()
    with factory() as session:
        report = ImportReport()
        upserter = Upserter(session, model, report)
        for values in rows:
            upserter.add(values)
        upserter.write(chunk=1000)
        session.commit()
    return len(rows) / (time.perf_counter() - started), report


def top_courses(session: Session, fields: list[str], place: str, level: str, limit: int = 50) -> list[Course]:
    """The profile search's first ``limit`` open courses, soonest application deadline first."""
    levels = _allowed_levels(level) or list(EDUCATION_LEVELS)
    query = (select(Course)
             .where(Course.application_end >= TODAY, Course.field.in_(fields),
                    or_(Course.municipality == place, Course.mode == "online"),
                    or_(Course.education_required.is_(None), Course.education_required.in_(levels)))
             .order_by(Course.application_end, Course.id).limit(limit))
    return list(session.scalars(query))


def top_jobs(session: Session, fields: list[str], place: str, level: str, limit: int = 50) -> list[Job]:
    """The profile search's first ``limit`` open jobs, soonest expiry first."""
    levels = _allowed_levels(level) or list(EDUCATION_LEVELS)
    query = (select(Job)
             .where(Job.expires >= TODAY, Job.published <= TODAY, Job.field.in_(fields),
                    or_(Job.municipality == place, Job.remote == "full"),
                    or_(Job.education_required.is_(None), Job.education_required.in_(levels)))
             .order_by(Job.expires, Job.id).limit(limit))
    return list(session.scalars(query))


def latencies(factory: sessionmaker[Session], search: Callable[[Session, list[str], str, str], Any],
              queries: int, rng: random.Random) -> list[float]:
    """Milliseconds per search over ``queries`` random profiles (a fresh session each)."""
    out = []
    for _ in range(queries):
        fields = rng.sample(FIELDS, rng.choice((1, 2)))
        place, level = rng.choice(MUNICIPALITIES), rng.choice(EDUCATION_LEVELS)
        with factory() as session:
            started = time.perf_counter()
            search(session, fields, place, level)
            out.append((time.perf_counter() - started) * 1000)
    return out


@contextmanager
def database(kind: str) -> Iterator[str]:
    """A fresh empty database URL of ``kind`` ("sqlite" or "postgresql"), removed afterwards."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/scale.db"
        return
    script = str(ROOT / "scripts" / "postgres.sh")
    done = subprocess.run([script], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"scripts/postgres.sh failed: {done.stderr.strip()[-500:]}")
    server = done.stdout.strip().splitlines()[-1]
    name = f"digipoint_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(kind: str, rows: int, queries: int, with_indexes: bool = True) -> dict[str, str]:
    """All figures for one database, as printable strings keyed by row label."""
    rng = random.Random(7)
    courses, jobs = list(course_rows(rows, rng)), list(job_rows(rows, rng))
    out: dict[str, str] = {}
    with database(kind) as url:
        engine = db.make_engine(url)
        db.Base.metadata.create_all(engine)
        if with_indexes:
            with engine.begin() as conn:
                for statement in SEARCH_INDEXES:
                    conn.execute(text(statement))
        factory = sessionmaker(engine, expire_on_commit=False)
        for label, model, data in (("courses", Course, courses), ("jobs", Job, jobs)):
            first, report = timed_import(factory, model, data)
            if kind == "postgresql":  # fresh statistics, or psycopg's prepared plans keep seq-scanning
                with engine.begin() as conn:
                    conn.execute(text(f"ANALYZE {model.__tablename__}"))
            again, report2 = timed_import(factory, model, data)
            assert len(report.added) == rows and len(report2.unchanged) == rows
            out[f"import {label}, rows/s (first / re-run)"] = f"{first:,.0f} / {again:,.0f}"
        searches: dict[str, Callable[[Session, list[str], str, str], Any]] = {
            "courses, top 50": top_courses,
            "jobs, top 50": top_jobs,
            "courses, all rows": lambda s, f, p, lv: open_courses(s, TODAY, fields=f, municipality=p,
                                                                  education_level=lv),
            "jobs, all rows": lambda s, f, p, lv: open_jobs(s, TODAY, fields=f, municipality=p,
                                                            education_level=lv),
        }
        for label, search in searches.items():
            n = queries if "top" in label else max(20, queries // 5)
            ms = latencies(factory, search, n, random.Random(11))
            out[f"search {label}: p50 / p95 ms"] = f"{statistics.median(ms):.1f} / {percentile(ms, 0.95):.1f}"
        with factory() as session:
            sample = open_courses(session, TODAY, fields=["data"], municipality="Espoo",
                                  education_level="secondary")
            out["  rows in one 'all rows' course search"] = f"{len(sample):,}"
        engine.dispose()
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the side-by-side table."""
    parser = argparse.ArgumentParser(prog="python -m bench.catalogue_scale")
    parser.add_argument("--rows", type=int, default=100_000, help="courses and jobs each")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--no-indexes", action="store_true", help="leave out the search indexes")
    args = parser.parse_args(argv)
    kinds = ["sqlite"] if args.sqlite_only else ["sqlite", "postgresql"]
    results = {kind: run(kind, args.rows, args.queries, not args.no_indexes) for kind in kinds}
    print(f"Catalogue scale: {args.rows:,} courses + {args.rows:,} jobs, {args.queries} profile searches")
    width = max(len(k) for k in results["sqlite"])
    print(f"{'':{width}}  " + "  ".join(f"{k:>18}" for k in kinds))
    for key in results["sqlite"]:
        print(f"{key:{width}}  " + "  ".join(f"{results[k][key]:>18}" for k in kinds))
    p95 = float(results["sqlite"]["search courses, top 50: p50 / p95 ms"].split("/")[1])
    print(f"target p95 <= 20 ms on SQLite (top-50 course search): {'met' if p95 <= 20 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
