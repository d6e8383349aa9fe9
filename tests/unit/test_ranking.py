"""Profile building, ranking rules and "why this" explanations (bot.guidance)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from bot.catalogue.loader import load_sample
from bot.catalogue.models import Course, Job
from bot.guidance.explain import explain, prior_learning_sentence, why_sentence
from bot.guidance.points import FIELD_RIASEC, holland_overlap
from bot.guidance.profile import Profile, profile_from_slots
from bot.guidance.ranking import matching_skills, rank_items
from bot.guidance.selection import next_best, rank
from tests.catalogue_helpers import TODAY, fixed_catalogue, load_fixed_catalogue


@pytest.fixture()
def session(any_session: Session) -> Session:
    """Every database test of this module runs on SQLite and on PostgreSQL (tests/conftest.py)."""
    return any_session


DATA_VANTAA = {
    "language": "en",
    "goal_type": "job",
    "field": "data",
    "city": "Vantaa",
    "timeframe": "now",
    "education_level": "secondary",
    "holland_code": "ICS",
    "skills": ["Excel"],
}


def _rank(slots: dict, **kw):  # type: ignore[no-untyped-def]
    items = fixed_catalogue()
    courses = [i for i in items if isinstance(i, Course)]
    jobs = [i for i in items if isinstance(i, Job)]
    profile = profile_from_slots(slots)
    rejected = [i for i in items if i.suggestion_id in profile.rejected]
    return rank_items(courses, jobs, profile, TODAY, rejected_items=rejected, **kw)


def test_profile_from_slots_treats_skipped_and_unknown_as_none() -> None:
    profile = profile_from_slots(
        {
            "language": "fi",
            "goal_type": "skipped",
            "field": "unsure",
            "city": "vantaa",
            "timeframe": None,
            "education_level": "other",
            "holland_code": "iax",
            "confidence_score": 7.5,
            "skills": ["Excel", "Excel", "", 3],
            "rejected_suggestions": ["job:2"],
        }
    )
    assert profile == Profile(language="fi", city="Vantaa", skills=("Excel",), rejected=("job:2",))


def test_profile_online_city_and_holland_code() -> None:
    profile = profile_from_slots({"city": "online", "holland_code": "ias", "confidence_score": 2.4})
    assert (profile.city, profile.online_only, profile.holland_code, profile.confidence_score) == (
        None,
        True,
        "IAS",
        2.4,
    )
    assert profile_from_slots({}) == Profile()


def test_field_affinity_table_and_overlap() -> None:
    assert FIELD_RIASEC == {
        "software": "IRC",
        "data": "ICR",
        "ux_content": "ASI",
        "it_support": "RSC",
        "marketing_sales": "EAS",
        "testing_quality": "CIR",
    }
    assert holland_overlap("IRC", "software") == (14, "I")
    assert holland_overlap("ASE", "ux_content") == (9 + 4, "A")
    assert holland_overlap("ICS", "testing_quality") == (12, "I")
    assert holland_overlap(None, "data") == (0, None)
    assert holland_overlap("E", "data") == (0, None)


def test_matching_skills_ignores_case_and_parentheses() -> None:
    assert matching_skills(["python", "excel"], ["Python (computer programming)", "SQL", "Excel"]) == [
        "Python (computer programming)",
        "Excel",
    ]
    assert matching_skills([], ["SQL"]) == []


def test_pinned_ranking_job_seeker_in_vantaa() -> None:
    ranking = _rank(DATA_VANTAA)
    assert ranking.emphasis == "jobs"
    assert [s.id for s in ranking.ordered()] == [
        "job:1",
        "job:8",
        "job:4",
        "course:1",
        "course:2",
        "course:7",
    ]
    assert [s.score for s in ranking.ordered()] == [84, 41, 30, 90, 85, 39]
    top = ranking.jobs[0]
    assert [(r.code, r.value) for r in top.reasons] == [
        ("matches_field", "data"),
        ("matches_interest", "I"),
        ("matches_skill", "Excel"),
        ("in_city", "Vantaa"),
        ("entry_level", None),
    ]
    assert ranking.courses[0].prior_learning == ("Excel",)


def test_pinned_ranking_with_nothing_known_still_gives_three_of_each_with_variety() -> None:
    ranking = _rank({"goal_type": "study", "field": "skipped", "city": "skipped"})
    assert ranking.emphasis == "courses"
    assert [s.id for s in ranking.courses] == ["course:1", "course:4", "course:3"]
    assert [s.id for s in ranking.jobs] == ["job:8", "job:1", "job:4"]
    assert len({s.field for s in ranking.courses}) == 3


def test_pinned_ranking_online_person_with_basic_education() -> None:
    ranking = _rank(
        {"goal_type": "both", "city": "online", "holland_code": "ASE", "education_level": "basic"}
    )
    assert [s.id for s in ranking.courses] == ["course:4", "course:1", "course:3"]
    assert [s.id for s in ranking.jobs] == ["job:7", "job:5", "job:4"]
    shown = {s.id for s in ranking.ordered()}
    assert not shown & {"course:5", "course:8", "job:1", "job:2", "job:3", "job:8"}  # need more education


@pytest.mark.parametrize("field", [*FIELD_RIASEC, None])
def test_expired_jobs_and_closed_courses_are_never_suggested(field: str | None) -> None:
    ranking = _rank({"field": field, "city": "Espoo", "holland_code": "ICR"}, n_courses=20, n_jobs=20)
    ids = {s.id for s in ranking.ordered()}
    assert "course:6" not in ids and "job:6" not in ids
    assert len(ids) == 7 + 7


def test_sample_catalogue_never_suggests_expired_or_closed(session: Session) -> None:
    load_sample(session, today=TODAY)
    session.commit()
    closed = {
        c.suggestion_id for c in session.query(Course) if c.application_end and c.application_end < TODAY
    }
    expired = {j.suggestion_id for j in session.query(Job) if j.expires < TODAY}
    assert len(closed) == 2 and len(expired) == 2
    for field in FIELD_RIASEC:
        ranking = rank(session, profile_from_slots({"field": field}), TODAY, n_courses=60, n_jobs=60)
        assert not {s.id for s in ranking.ordered()} & (closed | expired)
        assert len(ranking.courses) >= 3 and len(ranking.jobs) >= 3


def test_rejected_item_is_excluded_and_similar_items_lose_points() -> None:
    slots = {**DATA_VANTAA, "holland_code": None, "skills": []}
    before = {s.id: s.score for s in _rank(slots, n_courses=8, n_jobs=8).ordered()}
    after = {
        s.id: s.score
        for s in _rank({**slots, "rejected_suggestions": ["job:1"]}, n_courses=8, n_jobs=8).ordered()
    }
    assert "job:1" in before and "job:1" not in after
    assert after["course:1"] == before["course:1"] - 8  # same field
    assert after["course:2"] == before["course:2"] - 8
    assert after["job:4"] == before["job:4"]  # other field, other employer


def test_same_provider_as_rejected_is_lowered() -> None:
    before = _rank({"city": "Turku"}, n_courses=8).courses
    after = _rank({"city": "Turku", "rejected_suggestions": ["course:3"]}, n_courses=8).courses
    score = {s.id: s.score for s in before}
    assert {s.id: s.score for s in after}["course:8"] == score["course:8"] - 10


def test_ties_are_broken_by_id() -> None:
    jobs = _rank({}, n_jobs=8).jobs
    entry = [s for s in jobs if s.score == 7]
    assert [s.id for s in entry] == sorted((s.id for s in entry), key=lambda i: int(i.split(":")[1]))


def test_rank_and_next_best_read_the_database(session: Session) -> None:
    load_fixed_catalogue(session)
    profile = profile_from_slots(DATA_VANTAA)
    ranking = rank(session, profile, TODAY)
    assert [s.id for s in ranking.ordered()] == [s.id for s in _rank(DATA_VANTAA).ordered()]
    replacement = next_best(session, profile, "job", TODAY, exclude=["job:1", "job:8", "job:4"])
    assert replacement is not None and replacement.id == "job:7"
    assert next_best(session, profile, "course", date(2027, 12, 1)) is None


def test_explain_one_sentence_in_three_languages() -> None:
    job = _rank(DATA_VANTAA).jobs[0]
    assert explain(job, "en") == (
        "Why this: it fits your field (data and analytics), it uses your skill: Excel and it is in Vantaa."
    )
    assert explain(job, "fi") == (
        "Miksi tämä: se sopii alallesi (data ja analytiikka), siinä tarvitaan osaamistasi: Excel "
        "ja se on Vantaalla."
    )
    assert explain(job, "sv") == (
        "Varför den här: den passar ditt område (data och analys), den använder din färdighet: Excel "
        "och den är i Vanda."
    )


def test_explain_adds_prior_learning_hint_for_courses_teaching_known_skills() -> None:
    courses = {s.id: s for s in _rank(DATA_VANTAA, n_courses=8).courses}
    higher = courses["course:1"]
    assert why_sentence(higher, "en") == (
        "Why this: it fits your field (data and analytics), it is online and it is free for jobseekers."
    )
    assert prior_learning_sentence(higher, "en") == (
        "You already know some of this (Excel), so ask the school to recognise your prior learning (AHOT)."
    )
    assert "(AHOT)" in explain(higher, "fi") and "(AHOT)" in explain(higher, "sv")
    adult = courses["course:2"]
    assert explain(adult, "en").endswith("so ask the teacher how your skills can be recognised.")
    assert prior_learning_sentence(courses["course:7"], "en") is None
    assert (
        explain(courses["course:4"], "fi")
        == "Miksi tämä: se on verkossa, se on maksuton työnhakijoille ja se alkaa maaliskuussa."
    )


def test_explain_without_reasons_uses_a_general_sentence() -> None:
    job2 = next(s for s in _rank({}, n_jobs=8).jobs if s.id == "job:2")
    assert job2.reasons == ()
    assert explain(job2, "sv") == "Det här är ett av de alternativ som passar bäst."


def test_sample_catalogue_recognises_prior_learning_of_a_matched_skill(session: Session) -> None:
    load_sample(session, today=TODAY)
    session.commit()
    slots = {"field": "data", "city": "Vantaa", "skills": ["spreadsheets"], "education_level": "secondary"}
    ranking = rank(session, profile_from_slots(slots), TODAY)
    assert len(ranking.courses) == 3 and len(ranking.jobs) == 3
    assert all(s.field == "data" for s in ranking.ordered())
    hints = [prior_learning_sentence(s, "en") for s in ranking.courses]
    assert any(hint and "(spreadsheets)" in hint for hint in hints)
