"""Agreed steps on SQLite and PostgreSQL: saved once, open across resumed conversations, answers, counts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.followup import store
from bot.followup.models import AgreedStep
from bot.followup.store import PlannedStep
from bot.resume import codes


@pytest.fixture()
def session(any_session: Session) -> Session:
    """Every test here runs on SQLite and on PostgreSQL (tests/conftest.py ``any_session``)."""
    return any_session


STEPS = [PlannedStep("cv", "Update my CV", date(2026, 12, 9)), PlannedStep("coach", "Talk with a coach")]


def _save(
    session: Session, cid: str = "c1", city: str | None = "turku", steps: list[PlannedStep] = STEPS
) -> None:
    store.save_steps(session, cid, steps, city=city, language="fi", summary_id=7)
    session.commit()


def _resume(session: Session, first: str, second: str) -> None:
    code = codes.issue(session, first)
    assert codes.redeem(session, code, second) is not None
    session.commit()


def test_saved_steps_become_rows_with_due_dates_and_saving_again_adds_nothing(session: Session) -> None:
    _save(session)
    _save(session)
    rows = store.open_steps(session, "c1")
    assert [(r.step_key, r.label, r.due_on, r.status, r.city, r.summary_id) for r in rows] == [
        ("cv", "Update my CV", date(2026, 12, 9), "open", "turku", 7),
        ("coach", "Talk with a coach", None, "open", "turku", 7),
    ]
    assert session.scalar(select(func.count(AgreedStep.id))) == 2


def test_a_step_picked_away_before_the_second_save_is_dropped(session: Session) -> None:
    _save(session)
    _save(session, steps=[STEPS[0]])
    assert [r.step_key for r in store.open_steps(session, "c1")] == ["cv"]


def test_open_steps_follow_the_person_into_a_resumed_conversation(session: Session) -> None:
    _save(session)
    _resume(session, "c1", "c2")
    assert [r.step_key for r in store.open_steps(session, "c2")] == ["cv", "coach"]
    assert {r.person_id for r in store.open_steps(session, "c2")} == {codes.person_of(session, "c2")}
    assert store.open_steps(session, "stranger") == []
    # The resumed conversation's summary keeps the open step once, with its new date.
    store.save_steps(session, "c2", [PlannedStep("cv", "Update my CV", date(2026, 12, 20))], city="turku",
                     language="fi")
    session.commit()
    assert session.scalar(select(func.count(AgreedStep.id))) == 2
    assert store.open_steps(session, "c2")[0].due_on == date(2026, 12, 20)


def test_answers_done_not_yet_and_change(session: Session) -> None:
    _save(session)
    _resume(session, "c1", "c2")
    cv, coach = store.open_steps(session, "c2")
    store.set_reminder(session, "c2", "anna@example.fi")
    assert store.record_answer(session, coach.id, "not_yet", "c2").status == "open"
    done = store.record_answer(session, cv.id, "done", "c2")
    assert (done.status, done.reminder_email) == ("done", None)
    assert done.closed_at is not None and done.reviewed_at is not None
    assert [r.step_key for r in store.open_steps(session, "c2")] == ["coach"]
    assert store.record_answer(session, coach.id, "change", "c2").status == "changed"
    assert store.open_steps(session, "c2") == []
    with pytest.raises(LookupError):
        store.record_answer(session, cv.id, "done", "c2")  # closed already
    with pytest.raises(ValueError, match="unknown answer"):
        store.record_answer(session, cv.id, "maybe", "c2")


def test_an_answer_about_someone_elses_step_is_refused(session: Session) -> None:
    _save(session)
    _save(session, "other")
    theirs = store.open_steps(session, "other")[0]
    with pytest.raises(LookupError):
        store.record_answer(session, theirs.id, "done", "c1")


def test_reminder_address_goes_only_on_open_dated_steps(session: Session) -> None:
    _save(session)
    assert store.set_reminder(session, "c1", "anna@example.fi") == 1
    assert [(r.step_key, r.reminder_email) for r in store.open_steps(session, "c1")] == [
        ("cv", "anna@example.fi"),
        ("coach", None),
    ]
    assert [r.step_key for r in store.remindable(session, "c1")] == ["cv"]
    store.set_reminder(session, "c1", None)
    assert all(r.reminder_email is None for r in store.open_steps(session, "c1"))


def test_city_counts_agreed_followed_up_done_without_names(session: Session) -> None:
    _save(session)
    _save(session, "c3", city="espoo", steps=[STEPS[1]])
    _save(session, "c4", city=None, steps=[STEPS[1]])
    cv, coach = store.open_steps(session, "c1")
    store.record_answer(session, cv.id, "done", "c1")
    store.record_answer(session, coach.id, "not_yet", "c1")
    session.commit()
    assert store.city_counts(session) == [
        store.CityCounts("", 1, 0, 0),
        store.CityCounts("espoo", 1, 0, 0),
        store.CityCounts("turku", 2, 2, 1),
    ]
    assert store.city_counts(session, ["turku"]) == [store.CityCounts("turku", 2, 2, 1)]
    assert [r.step_key for r in store.summary_steps(session, 7)][:2] == ["cv", "coach"]
