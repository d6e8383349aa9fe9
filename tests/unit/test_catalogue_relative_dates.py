"""The shipped sample catalogue never ages: its dates move to the day it is loaded (issue 13).

Frozen clock (``bot.clock.utcnow`` replaced) years after the sample was
written: a new user of ``make run`` still gets open courses and jobs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

import actions.suggestions as suggestions
from bot import clock
from bot.catalogue.loader import SAMPLE_DIR, load_files, load_sample
from bot.catalogue.models import Course, Job
from bot.guidance.profile import profile_from_slots
from bot.guidance.selection import rank

FAR_FUTURE = datetime(2031, 6, 15, 9, 0, tzinfo=UTC)
REFERENCE = date(2026, 11, 29)


@pytest.fixture()
def frozen(monkeypatch: pytest.MonkeyPatch) -> date:
    """The clock stands at FAR_FUTURE; returns that day."""
    monkeypatch.setattr(clock, "utcnow", lambda: FAR_FUTURE)
    return clock.today()


def test_far_in_the_future_the_sample_still_has_open_courses_and_jobs(session: Session, frozen: date) -> None:
    report = load_sample(session)
    session.commit()
    shift = (frozen - REFERENCE).days
    assert report.dates == [
        f"{name}.yml is relative: written for 2026-11-29, moved +{shift} days to 2031-06-15"
        for name in ("courses", "jobs")
    ]
    for field in ("software", "data", "it_support"):
        ranking = rank(session, profile_from_slots({"field": field, "city": "Espoo"}), frozen)
        assert len(ranking.courses) == 3 and len(ranking.jobs) == 3
        for course in ranking.courses:
            row = session.get(Course, int(course.id.split(":")[1]))
            assert row is not None and (row.application_end is None or row.application_end >= frozen)
        for job in ranking.jobs:
            row = session.get(Job, int(job.id.split(":")[1]))
            assert row is not None and row.published <= frozen <= row.expires


def test_a_new_user_in_the_future_gets_suggestions_from_the_action(
    session: Session, frozen: date, monkeypatch: pytest.MonkeyPatch, make_tracker: Callable[..., Tracker]
) -> None:
    load_sample(session)
    session.commit()
    monkeypatch.setattr(suggestions, "today", lambda: frozen)
    dispatcher = CollectingDispatcher()
    slots = {"language": "en", "goal_type": "study", "field": "software", "city": "Turku"}
    events = suggestions.ActionSuggest().run(dispatcher, make_tracker(slots=slots), {})
    assert len(events[0]["value"]) == 6
    texts = [m["text"] for m in dispatcher.messages]
    assert not any(text.startswith("I did not find open") for text in texts)
    assert sum(1 for m in dispatcher.messages if m["buttons"]) == 6  # six suggestions, each "Not for me"


def test_every_date_moves_by_the_same_days_so_the_sample_keeps_its_shape(
    session: Session, frozen: date
) -> None:
    raw = {r["source_id"]: r for r in yaml.safe_load((SAMPLE_DIR / "jobs.yml").read_text("utf-8"))["jobs"]}
    load_sample(session)
    shift = timedelta(days=(frozen - REFERENCE).days)
    for job in session.scalars(select(Job)):
        assert job.published == raw[job.source_id]["published"] + shift
        assert job.expires == raw[job.source_id]["expires"] + shift
    # Two postings were written as expired and stay so: "never suggest expired" keeps its test.
    assert sum(job.expires < frozen for job in session.scalars(select(Job))) == 2


def test_loading_again_the_same_day_changes_nothing_and_a_later_day_moves_the_dates(
    session: Session,
) -> None:
    first = load_sample(session, today=date(2027, 3, 1))
    again = load_sample(session, today=date(2027, 3, 1))
    later = load_sample(session, today=date(2027, 3, 8))
    assert len(first.added) == 100 and len(again.unchanged) == 100 and len(later.updated) == 100


def test_a_file_without_reference_date_keeps_its_dates_and_a_bad_one_is_reported(
    session: Session, tmp_path: Path, frozen: date
) -> None:
    rows = yaml.safe_load((SAMPLE_DIR / "courses.yml").read_text("utf-8"))["courses"][:1]
    plain = tmp_path / "plain.yml"
    plain.write_text(yaml.safe_dump({"courses": rows}), encoding="utf-8")
    report = load_files(session, plain, None)
    assert report.dates == [] and session.scalars(select(Course)).one().start_date == rows[0]["start_date"]
    bad = tmp_path / "bad.yml"
    bad.write_text(yaml.safe_dump({"reference_date": "soon", "courses": rows}), encoding="utf-8")
    report = load_files(session, bad, None)
    reason = "file not loaded: bad.yml: reference_date 'soon' is not an ISO date"
    assert report.skipped == [("bad.yml", reason)]
