"""Catalogue loader, CLI, sample files and search queries (bot.catalogue)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.catalogue.__main__ import main
from bot.catalogue.loader import SAMPLE_DIR, html_to_text, load_files, load_sample
from bot.catalogue.models import FIELDS, MUNICIPALITIES, Course, Job
from bot.catalogue.search import get_items, open_courses, open_jobs, parse_suggestion_id, titles_of
from tests.catalogue_helpers import TODAY, load_fixed_catalogue


@pytest.fixture()
def session(any_session: Session) -> Session:
    """Every database test of this module runs on SQLite and on PostgreSQL (tests/conftest.py)."""
    return any_session


def _sample(kind: str) -> list[dict]:
    return yaml.safe_load((SAMPLE_DIR / f"{kind}.yml").read_text(encoding="utf-8"))[kind]


def _write(path: Path, kind: str, rows: list) -> Path:
    path.write_text(yaml.safe_dump({kind: rows}, allow_unicode=True), encoding="utf-8")
    return path


def test_sample_catalogue_is_big_and_varied_enough() -> None:
    courses, jobs = _sample("courses"), _sample("jobs")
    assert len(courses) >= 45 and len(jobs) >= 45
    for rows in (courses, jobs):
        assert set(Counter(r["municipality"] for r in rows)) == {*MUNICIPALITIES, None}
        assert set(Counter(r["field"] for r in rows)) == set(FIELDS)
        assert all(all(r["title"][lang].strip() for lang in ("fi", "sv", "en")) for r in rows)
    assert {r["provider_type"] for r in courses} >= {
        "uas",
        "vocational",
        "adult_education",
        "open_university",
        "labour_market_training",
    }
    assert all(
        re.fullmatch(r"https://opintopolku\.fi/konfo/fi/toteutus/1\.2\.246\.562\.17\.\d+", r["url"])
        for r in courses
    )
    uuid = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    assert all(
        re.fullmatch(rf"https://tyomarkkinatori\.fi/henkiloasiakkaat/avoimet-tyopaikat/{uuid}", r["url"])
        for r in jobs
    )
    assert sum(date(2027, 1, 1) <= r["start_date"] <= date(2027, 9, 30) for r in courses) >= 45
    assert sum(r["application_end"] < TODAY for r in courses) == 2
    assert sum(r["expires"] < TODAY for r in jobs) == 2
    assert all(date(2026, 11, 1) <= r["published"] <= TODAY for r in jobs if r["expires"] >= TODAY)
    assert {r["seniority"] for r in jobs} == {"entry", "experienced"}


def test_load_sample_twice_changes_nothing(session: Session) -> None:
    first = load_sample(session)
    session.commit()
    assert (len(first.added), len(first.updated), len(first.unchanged), first.skipped) == (100, 0, 0, [])
    second = load_sample(session)
    session.commit()
    assert (len(second.added), len(second.updated), len(second.unchanged), second.skipped) == (0, 0, 100, [])
    assert session.scalar(select(func.count()).select_from(Course)) == 50
    assert session.scalar(select(func.count()).select_from(Job)) == 50


def test_changed_row_is_updated(session: Session, tmp_path: Path) -> None:
    rows = _sample("courses")[:3]
    path = _write(tmp_path / "courses.yml", "courses", rows)
    load_files(session, path, None)
    rows[1]["title"]["en"] = "A New Title"
    rows[1]["cost_eur"] = 10
    report = load_files(session, _write(path, "courses", rows), None)
    assert (report.added, report.updated, report.unchanged) == (
        [],
        ["sample:course-002"],
        ["sample:course-001", "sample:course-003"],
    )
    course = session.scalars(select(Course).where(Course.source_id == "course-002")).one()
    assert (course.titles["en"], course.cost_eur) == ("A New Title", 10.0)


def test_broken_rows_are_skipped_and_reported(session: Session, tmp_path: Path) -> None:
    good = _sample("jobs")[:2]
    no_title = {**good[0], "source_id": "x1", "title": None}
    bad_field = {**good[0], "source_id": "x2", "field": "cooking"}
    bad_date = {**good[0], "source_id": "x3", "expires": "next week"}
    bad_url = {**good[0], "source_id": "x4", "url": "javascript:alert(1)"}
    not_remote = {**good[0], "source_id": "x5", "municipality": None, "remote": "no"}
    rows = [good[0], no_title, "just text", bad_field, bad_date, bad_url, not_remote, good[1], dict(good[1])]
    report = load_files(session, None, _write(tmp_path / "jobs.yml", "jobs", rows))
    assert report.added == ["sample:job-001", "sample:job-002"]
    assert report.skipped == [
        ("sample:x1 (row 2)", "title must be a mapping with fi, sv and en"),
        ("row 3", "row is not a mapping"),
        ("sample:x2 (row 4)", "field 'cooking' is not one of " + ", ".join(FIELDS)),
        ("sample:x3 (row 5)", "expires 'next week' is not an ISO date"),
        ("sample:x4 (row 6)", "url 'javascript:alert(1)' is not an https address"),
        ("sample:x5 (row 7)", "a job without a municipality must be fully remote"),
        ("sample:job-002", "duplicate of an earlier row (row 9)"),
    ]


def test_unreadable_file_is_reported_not_raised(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "courses.yml"
    path.write_text("courses: [unclosed", encoding="utf-8")
    report = load_files(session, path, tmp_path / "missing.yml")
    assert [label for label, _ in report.skipped] == ["courses.yml", "missing.yml"]
    assert report.added == []


def test_html_in_titles_is_stored_as_text(session: Session, tmp_path: Path) -> None:
    row = {**_sample("courses")[0]}
    row["title"] = {
        "fi": "<b>Python</b> &amp; data",
        "sv": "<script>alert(1)</script>Kurs",
        "en": "Plain &lt;3",
    }
    load_files(session, _write(tmp_path / "c.yml", "courses", [row]), None)
    course = session.scalars(select(Course)).one()
    assert (course.titles["fi"], course.titles["sv"], course.titles["en"]) == (
        "Python & data",
        "alert(1)Kurs",
        "Plain <3",
    )
    assert html_to_text("  a\n <i>b</i> ") == "a b"


def test_cli_prints_report(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.clock.utcnow", lambda: datetime(2026, 12, 2, 8, tzinfo=UTC))
    moved = [
        f"dates: {name}.yml is relative: written for 2026-11-29, moved +3 days to 2026-12-02"
        for name in ("courses", "jobs")
    ]
    assert main(["load-sample", "--database-url", database_url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["added: 100", "updated: 0", "unchanged: 0", "skipped: 0", *moved]
    assert main(["load-sample", "--database-url", database_url]) == 0
    assert "unchanged: 100" in capsys.readouterr().out
    assert main(["load-sample", "--database-url", database_url, "--quiet"]) == 0
    quiet = "catalogue: added: 0, updated: 0, unchanged: 100, skipped: 0\n" + "".join(f"{m}\n" for m in moved)
    assert capsys.readouterr().out == quiet


def test_cli_creates_tables_and_reports_database_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert main(["load-sample", "--database-url", url, "--create-tables"]) == 0
    assert "added: 100" in capsys.readouterr().out
    assert main(["load-sample", "--database-url", f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}"]) == 1
    assert "database error" in capsys.readouterr().err


def test_search_queries(session: Session) -> None:
    load_fixed_catalogue(session)
    assert [c.id for c in open_courses(session, TODAY)] == [1, 2, 3, 4, 5, 7, 8]
    assert [j.id for j in open_jobs(session, TODAY)] == [1, 2, 3, 4, 5, 7, 8]
    assert [c.id for c in open_courses(session, TODAY, education_level="basic")] == [1, 2, 3, 4, 7]
    assert [c.id for c in open_courses(session, TODAY, municipality="Vantaa")] == [1, 2, 4, 7]
    assert [j.id for j in open_jobs(session, TODAY, fields=["data"], municipality="Vantaa")] == [1, 3]
    assert [j.id for j in open_jobs(session, date(2027, 2, 1))] == []
    assert [c.id for c in open_courses(session, TODAY, municipality="Vantaa'; DROP TABLE courses;--")] == [
        1,
        4,
    ]


def test_suggestion_ids_and_lookups(session: Session) -> None:
    load_fixed_catalogue(session)
    assert parse_suggestion_id("course:12") == ("course", 12)
    assert parse_suggestion_id("job:x") is None and parse_suggestion_id("person:1") is None
    items = get_items(session, ["course:6", "job:2", "job:99", "bad"])
    assert sorted(items) == ["course:6", "job:2"]
    assert titles_of(session, ["job:2"]) == {"job:2": {"fi": "Työ 2", "sv": "Jobb 2", "en": "Job 2"}}


def test_sample_skill_labels_are_the_matcher_vocabulary_labels() -> None:
    vocabulary = yaml.safe_load(
        (Path(__file__).parents[2] / "bot/matching/vocabulary.yml").read_text("utf-8")
    )
    skills = {entry["label"] for entry in vocabulary["skills"]}
    occupations = {entry["label"] for entry in vocabulary["occupations"]}
    rows = _sample("courses") + _sample("jobs")
    assert {label for row in rows for label in row["skills"]} <= skills
    assert {row["occupation"] for row in _sample("jobs")} <= occupations
