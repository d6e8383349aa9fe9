"""Catalogue at scale: 100,000 courses and 100,000 jobs on SQLite and on PostgreSQL.

Prints, side by side for both databases:

- import throughput (rows per second) of the generated rows through the
  importers' upsert layer (:class:`bot.catalogue.importers.common.Upserter`),
  first run (all added) and re-run (all unchanged);
- p50 / p95 latency (ms) of ``bot.guidance.selection.rank()`` itself for
  typical profiles (field or not, Holland code, city or online, education,
  timeframe, skills): 3 courses and 3 jobs, candidates chosen in SQL and
  scored in Python, a fresh session per search;
- how often that ranking equals the full ranking of every open row
  (``rank_items`` over ``open_courses`` / ``open_jobs``), on a few profiles;
- p50 / p95 of the plain top-50 catalogue searches ("search, top 50": a
  profile's fields, city and education, soonest deadline first).

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
from bot.guidance.candidates import get_index
from bot.guidance.profile import GOAL_TYPES, TIMEFRAMES, Profile
from bot.guidance.ranking import rank_items
from bot.guidance.selection import rank

ROOT = Path(__file__).parents[1]
TODAY = date(2026, 11, 29)
#: The search indexes of the models (migration b7c41e2a9d03); --no-indexes drops them.
SEARCH_INDEXES: tuple[str, ...] = ("ix_courses_field_application_end", "ix_jobs_field_expires")
RANK_LABEL = "rank() 3+3 per profile: p50 / p95 ms"
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
            "source": "bench", "source_id": f"course-{n}",
            "titles": {"fi": f"Kurssi {n}", "sv": f"Kurs {n}", "en": f"Course {n}"},
            "provider": f"Provider {n % 300}",
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
            "source": "bench", "source_id": f"job-{n}",
            "titles": {"fi": f"Työ {n}", "sv": f"Jobb {n}", "en": f"Job {n}"},
            "employer": f"Employer {n % 2000}", "municipality": place,
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


def random_profile(rng: random.Random) -> Profile:
    """A typical person: mostly a field and a city, sometimes online only or little known."""
    where = rng.random()
    return Profile(
        language=rng.choice(("fi", "fi", "sv", "en")),
        goal_type=rng.choice(GOAL_TYPES),
        field=rng.choice(FIELDS) if rng.random() < 0.75 else None,
        city=rng.choice(MUNICIPALITIES) if where < 0.8 else None,
        online_only=0.8 <= where < 0.92,
        timeframe=rng.choice(TIMEFRAMES),
        education_level=rng.choice(EDUCATION_LEVELS) if rng.random() < 0.85 else None,
        holland_code="".join(rng.sample("RIASEC", 3)) if rng.random() < 0.7 else None,
        confidence_score=rng.choice((None, 2.2, 3.4, 4.6)),
        skills=tuple(rng.sample(["Python", "SQL", "UX design", "SEO", "Linux"], rng.randint(0, 2))),
    )


def rank_latencies(factory: sessionmaker[Session], queries: int, rng: random.Random) -> list[float]:
    """Milliseconds per ``rank()`` call over ``queries`` random profiles (a fresh session each)."""
    out = []
    for _ in range(queries):
        profile = random_profile(rng)
        with factory() as session:
            started = time.perf_counter()
            ranking = rank(session, profile, TODAY)
            out.append((time.perf_counter() - started) * 1000)
            assert len(ranking.courses) == 3 and len(ranking.jobs) == 3
    return out


def agreement(factory: sessionmaker[Session], profiles: int, rng: random.Random) -> str:
    """"k / n": profiles whose rank() equals the ranking of every open row."""
    same = 0
    for _ in range(profiles):
        profile = random_profile(rng)
        with factory() as session:
            fast = rank(session, profile, TODAY)
            level = profile.education_level
            full = rank_items(open_courses(session, TODAY, education_level=level),
                              open_jobs(session, TODAY, education_level=level), profile, TODAY)
            same += [s.id for s in fast.ordered()] == [s.id for s in full.ordered()]
    return f"{same} / {profiles}"


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


def run(kind: str, rows: int, queries: int, with_indexes: bool = True, check: int = 0) -> dict[str, str]:
    """All figures for one database, as printable strings keyed by row label."""
    rng = random.Random(7)
    courses, jobs = list(course_rows(rows, rng)), list(job_rows(rows, rng))
    out: dict[str, str] = {}
    with database(kind) as url:
        engine = db.make_engine(url)
        db.Base.metadata.create_all(engine)
        if not with_indexes:
            with engine.begin() as conn:
                for name in SEARCH_INDEXES:
                    conn.execute(text(f"DROP INDEX {name}"))
        factory = sessionmaker(engine, expire_on_commit=False)
        for label, model, data in (("courses", Course, courses), ("jobs", Job, jobs)):
            first, report = timed_import(factory, model, data)
            if kind == "postgresql":  # fresh statistics, or psycopg's prepared plans keep seq-scanning
                with engine.begin() as conn:
                    conn.execute(text(f"ANALYZE {model.__tablename__}"))
            again, report2 = timed_import(factory, model, data)
            assert len(report.added) == rows and len(report2.unchanged) == rows
            out[f"import {label}, rows/s (first / re-run)"] = f"{first:,.0f} / {again:,.0f}"
        with factory() as session:
            started = time.perf_counter()
            get_index(session)  # what the first rank() after a catalogue change pays
            out["candidate index build, ms (once per catalogue change)"] = (
                f"{(time.perf_counter() - started) * 1000:,.0f}"
            )
        rank(factory(), random_profile(random.Random(1)), TODAY)  # warm-up: imports, statement caches
        ms = rank_latencies(factory, queries, random.Random(5))
        out[RANK_LABEL] = f"{statistics.median(ms):.1f} / {percentile(ms, 0.95):.1f}"
        if check:
            out["  rank() equals full ranking (profiles)"] = agreement(factory, check, random.Random(13))
        searches: dict[str, Callable[[Session, list[str], str, str], Any]] = {
            "courses, top 50": top_courses,
            "jobs, top 50": top_jobs,
        }
        for label, search in searches.items():
            ms = latencies(factory, search, queries, random.Random(11))
            out[f"search {label}: p50 / p95 ms"] = f"{statistics.median(ms):.1f} / {percentile(ms, 0.95):.1f}"
        with factory() as session:
            sample = open_courses(session, TODAY, fields=["data"], municipality="Espoo",
                                  education_level="secondary")
            out["  open rows for one field and city (courses)"] = f"{len(sample):,}"
        engine.dispose()
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the side-by-side table."""
    parser = argparse.ArgumentParser(prog="python -m bench.catalogue_scale")
    parser.add_argument("--rows", type=int, default=100_000, help="courses and jobs each")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--no-indexes", action="store_true", help="leave out the search indexes")
    parser.add_argument("--check", type=int, default=10,
                        help="profiles whose rank() is compared with the full ranking (0: none)")
    args = parser.parse_args(argv)
    kinds = ["sqlite"] if args.sqlite_only else ["sqlite", "postgresql"]
    results = {kind: run(kind, args.rows, args.queries, not args.no_indexes,
                         args.check if kind == "sqlite" else 0) for kind in kinds}
    print(f"Catalogue scale: {args.rows:,} courses + {args.rows:,} jobs, {args.queries} profile searches")
    width = max(len(k) for k in results["sqlite"])
    print(f"{'':{width}}  " + "  ".join(f"{k:>18}" for k in kinds))
    for key in results["sqlite"]:
        print(f"{key:{width}}  " + "  ".join(f"{results[k].get(key, '-'):>18}" for k in kinds))
    p95 = float(results["sqlite"][RANK_LABEL].split("/")[1])
    print(f"target p95 <= 20 ms per rank() on SQLite: {'met' if p95 <= 20 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
