"""rank() loads only a few rows but must give exactly what ranking every open row gives.

A person would notice if the fast path ever suggested something other
than the best open course or job: these tests rank a generated catalogue
of 700 rows (far more than one batch) on SQLite and on PostgreSQL both
ways and compare, and check that the in-memory candidate index follows
changes to the catalogue made by another session.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot import db
from bot.catalogue.models import EDUCATION_LEVELS, FIELDS, Course, Job
from bot.catalogue.search import get_items, open_courses, open_jobs
from bot.guidance.candidates import get_index
from bot.guidance.profile import GOAL_TYPES, TIMEFRAMES, Profile
from bot.guidance.ranking import rank_items, score_course, score_job
from bot.guidance.selection import next_best, rank
from bot.guidance.streams import Stream

TODAY = date(2026, 11, 29)
CITIES = ("Helsinki", "Espoo", "Vantaa", "Turku", None)
SKILLS = ("Python", "SQL", "JavaScript", "UX design", "software testing", "SEO", "Linux", "Excel")


def generated_catalogue(rows: int, seed: int = 3) -> list[Course | Job]:
    """``rows`` courses and ``rows`` jobs with every rule's inputs varied, some closed or expired."""
    rng = random.Random(seed)
    items: list[Course | Job] = []
    for n in range(rows):
        city = rng.choice(CITIES)
        start = TODAY + timedelta(days=rng.randint(-60, 260))
        items.append(
            Course(
                source="test", source_id=f"c{n}",
                titles={"fi": f"Kurssi {n}", "sv": f"Kurs {n}", "en": f"Course {n}"},
                provider=f"Provider {n % 9}", provider_type="vocational",
                municipality=city, mode="online" if city is None else rng.choice(("on_site", "hybrid")),
                teaching_languages=rng.sample(["fi", "sv", "en"], rng.randint(1, 2)),
                start_date=rng.choice((start, None)), end_date=start + timedelta(days=90),
                extent=float(rng.choice((5, 30, 60, 180))),
                extent_unit=rng.choice(("credits", "competence_points")),
                cost_eur=rng.choice((0.0, 0.0, 120.0)), free_for_jobseekers=rng.random() < 0.5,
                education_required=rng.choice((None, None, "secondary", "bachelor")),
                application_end=start - timedelta(days=rng.randint(1, 30)), url=f"https://example.org/c{n}",
                field=rng.choice(FIELDS), skills=rng.sample(SKILLS, rng.randint(0, 3)),
            )
        )  # fmt: skip
        published = TODAY - timedelta(days=rng.randint(-5, 60))
        city = rng.choice(CITIES)
        items.append(
            Job(
                source="test", source_id=f"j{n}",
                titles={"fi": f"Työ {n}", "sv": f"Jobb {n}", "en": f"Job {n}"},
                employer=f"Employer {n % 11}", municipality=city,
                remote="full" if city is None else rng.choice(("no", "hybrid")),
                working_languages=rng.sample(["fi", "sv", "en"], rng.randint(1, 2)),
                seniority=rng.choice(("entry", "experienced")),
                education_required=rng.choice((None, "secondary", "bachelor", "master")),
                occupation="software developer", isco_code="2512", published=published,
                expires=published + timedelta(days=rng.randint(10, 80)), url=f"https://example.org/j{n}",
                field=rng.choice(FIELDS), skills=rng.sample(SKILLS, rng.randint(0, 3)),
            )
        )  # fmt: skip
    return items


def random_profile(rng: random.Random, ids: list[str]) -> Profile:
    """A person with any mix of known and unknown answers, sometimes with rejected items."""
    return Profile(
        language=rng.choice(("fi", "sv", "en")),
        goal_type=rng.choice((*GOAL_TYPES, None)),
        field=rng.choice((*FIELDS, None, None)),
        city=rng.choice(CITIES + ("Atlantis",)),
        online_only=rng.random() < 0.2,
        timeframe=rng.choice((*TIMEFRAMES, None)),
        education_level=rng.choice((*EDUCATION_LEVELS, None)),
        holland_code="".join(rng.sample("RIASEC", 3)) if rng.random() < 0.7 else None,
        confidence_score=rng.choice((None, 2.2, 4.1)),
        skills=tuple(rng.sample(SKILLS, rng.randint(0, 3))),
        rejected=tuple(rng.sample(ids, min(len(ids), rng.randint(0, 3)))),
    )


def full_ranking(session: Session, profile: Profile, exclude: list[str], n: int) -> list[tuple[str, int]]:
    """Every open row scored in Python: the reference."""
    rejected = list(get_items(session, profile.rejected).values())
    ranking = rank_items(
        open_courses(session, TODAY), open_jobs(session, TODAY), profile, TODAY,
        rejected_items=rejected, exclude=exclude, n_courses=n, n_jobs=n,
    )  # fmt: skip
    return [(s.id, s.score) for s in ranking.ordered()]


@pytest.fixture()
def catalogue(any_session: Session) -> Session:
    any_session.add_all(generated_catalogue(350))
    any_session.commit()
    return any_session


def test_rank_equals_ranking_every_open_row(catalogue: Session) -> None:
    rng = random.Random(11)
    ids = [f"{kind}:{n}" for kind in ("course", "job") for n in range(1, 700, 7)]
    for _ in range(80):
        profile = random_profile(rng, ids)
        exclude = rng.sample(ids, rng.randint(0, 4))
        n = rng.choice((1, 3, 5))
        fast = rank(catalogue, profile, TODAY, exclude=exclude, n_courses=n, n_jobs=n)
        assert [(s.id, s.score) for s in fast.ordered()] == full_ranking(catalogue, profile, exclude, n), (
            profile
        )


def test_next_best_is_the_best_not_shown(catalogue: Session) -> None:
    profile = Profile(language="fi", field="data", city="Espoo", skills=("SQL",), goal_type="job")
    shown = [s.id for s in rank(catalogue, profile, TODAY).jobs]
    following = next_best(catalogue, profile, "job", TODAY, exclude=shown)
    assert following is not None
    assert following.id == full_ranking(catalogue, profile, shown, 1)[0][0]


def test_score_bound_is_the_score_when_nothing_takes_points_away(catalogue: Session) -> None:
    """The index's bound equals the scorer's points (same weights), and never falls below them."""
    rng = random.Random(5)
    index = get_index(catalogue)
    courses = {c.id: c for c in open_courses(catalogue, TODAY)}
    jobs = {j.id: j for j in open_jobs(catalogue, TODAY)}
    for _ in range(30):
        profile = random_profile(rng, [])
        for kind_index, rows, scorer in ((index.course, courses, score_course), (index.job, jobs, score_job)):
            (stream,) = Stream.open_rows(kind_index, profile, TODAY, ())
            for row_id, bound in zip(stream.ids.tolist(), stream.bounds.tolist(), strict=True):
                if row_id not in rows:  # too demanding for the person's education: not open to them
                    continue
                scored = scorer(rows[row_id], profile, TODAY)
                assert scored is not None
                long_degree = profile.goal_type == "job" and kind_index.kind == "course"
                assert scored.score == bound or (long_degree and scored.score == bound - 5)


def test_index_follows_catalogue_changes_made_elsewhere(catalogue: Session, any_database_url: str) -> None:
    profile = Profile(language="sv", field="ux_content", city="Turku", goal_type="course", timeframe="now")
    before = rank(catalogue, profile, TODAY).courses[0]
    catalogue.commit()
    perfect = Course(
        source="test", source_id="new", titles={"fi": "Uusi", "sv": "Ny", "en": "New"}, provider="New school",
        provider_type="vocational", municipality="Turku", mode="on_site", teaching_languages=["sv"],
        start_date=TODAY + timedelta(days=10), end_date=TODAY + timedelta(days=60), cost_eur=0.0,
        free_for_jobseekers=True, application_end=TODAY + timedelta(days=5), url="https://example.org/new",
        field="ux_content", skills=[],
    )  # fmt: skip
    with db.get_sessionmaker(any_database_url)() as other:
        other.add(perfect)
        other.commit()
        new_id = perfect.suggestion_id
    assert rank(catalogue, profile, TODAY).courses[0].id == new_id != before.id
    catalogue.commit()
    with db.get_sessionmaker(any_database_url)() as other:
        other.execute(delete(Course).where(Course.source_id == "new"))
        other.commit()
    assert rank(catalogue, profile, TODAY).courses[0].id == before.id
