"""Studyinfo importer against konfo-backend-shaped fixtures served by `responses`."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
import requests
import responses
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.catalogue.importers.studyinfo import BASE_URL, StudyinfoOptions, import_studyinfo
from bot.catalogue.models import Course
from bot.catalogue.municipalities import KUNTA_CODES
from tests.importers.conftest import FIXTURES, load_json

T = "1.2.246.562.17.000000000000000100"
OPTIONS = StudyinfoOptions(keywords=("ohjelmointi",), page_size=2, today=date(2026, 11, 29))


def serve_fixtures(search_status: dict[int, int] | None = None) -> dict[str, str]:
    """Register konfo routes answering from tests/fixtures/importers/studyinfo/.

    Returns a dict ``{oid: body}`` a test may fill to change a detail response.
    """
    overrides: dict[str, str] = {}

    def search(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        page = int(re.search(r"page=(\d+)", request.url or "").group(1))  # type: ignore[union-attr]
        if search_status and page in search_status:
            return search_status[page], {}, "error"
        return 200, {}, (FIXTURES / f"studyinfo/search_page_{page}.json").read_text(encoding="utf-8")

    def detail(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        oid = (request.url or "").split("?")[0].rsplit("/", 1)[-1]
        if oid in overrides:
            return 200, {}, overrides[oid]
        path = FIXTURES / f"studyinfo/toteutus_{oid}.json"
        return (200, {}, path.read_text(encoding="utf-8")) if path.exists() else (404, {}, '"Not found"')

    responses.add_callback(responses.GET, f"{BASE_URL}/search/toteutukset-koulutuksittain", callback=search)
    responses.add_callback(responses.GET, re.compile(rf"{re.escape(BASE_URL)}/toteutus/.*"), callback=detail)
    return overrides


@responses.activate
def test_import_pages_through_search_and_reports_each_bad_row(
    session: Session, http: requests.Session
) -> None:
    serve_fixtures()
    report = import_studyinfo(session, http, OPTIONS)
    session.commit()
    pages = [c.request.url for c in responses.calls if "search" in (c.request.url or "")]
    assert len(pages) == 3 and all("lng=fi" in (u or "") and "size=2" in (u or "") for u in pages)
    assert sorted(report.added) == [f"studyinfo:{T}{n}" for n in ("01", "02", "03", "04", "08")]
    reasons = dict(report.skipped)
    assert "nimi" in reasons[f"studyinfo:{T}05"]                     # malformed: no name at all
    assert "HTTP 404" in reasons[f"studyinfo:{T}06"]                 # details missing
    assert "not a digital-industries course" in reasons[f"studyinfo:{T}07"]
    assert "no valid toteutusOid" in reasons["studyinfo:(no oid)"]
    assert report.fatal is None
    assert session.scalar(select(func.count()).select_from(Course)) == 5


@responses.activate
def test_columns_follow_the_source(session: Session, http: requests.Session) -> None:
    serve_fixtures()
    import_studyinfo(session, http, OPTIONS)
    course = session.scalars(select(Course).where(Course.source_id == f"{T}01")).one()
    assert (course.titles["fi"], course.titles["en"]) == ("Ohjelmistokehittäjän täydennyskoulutus",
                                                 "Software Developer Upskilling")
    assert course.municipality == "Helsinki" and course.mode == "hybrid"
    assert course.teaching_languages == ["fi", "en"]
    assert course.provider_type == "labour_market_training" and course.free_for_jobseekers
    assert (course.start_date, course.end_date) == (date(2027, 1, 18), date(2027, 5, 29))
    assert (course.extent, course.extent_unit, course.application_end) == (30.0, "credits", date(2027, 1, 6))
    assert course.field == "software" and "Python" in course.skills
    assert course.education_required == "secondary"
    assert course.url.endswith(f"/toteutus/{T}01")
    paid = session.scalars(select(Course).where(Course.source_id == f"{T}04")).one()
    assert (paid.cost_eur, paid.free_for_jobseekers, paid.extent_unit) == (250.0, False, "competence_points")
    assert paid.teaching_languages == ["sv", "fi"] and paid.municipality == "Turku"


@responses.activate
def test_bad_input_rules(session: Session, http: requests.Session) -> None:
    serve_fixtures()
    report = import_studyinfo(session, http, OPTIONS)
    flags = report.flagged
    html = session.scalars(select(Course).where(Course.source_id == f"{T}02")).one()
    # HTML in titles is stored as text; the missing Swedish title falls back and is flagged
    assert html.titles["fi"] == "Data-analytiikan perusteet & Python"
    assert html.titles["sv"] == html.titles["en"] == "Data analytics basics & Python"
    assert (f"studyinfo:{T}02", "title sv missing, taken from en") in flags
    # a known municipality code gives the shared table's name, with no note
    lahti = session.scalars(select(Course).where(Course.source_id == f"{T}03")).one()
    assert lahti.municipality == "Lahti"
    assert not [note for label, note in flags if label == f"studyinfo:{T}03" and "municipality" in note]
    # the same implementation listed under two koulutukset is merged into one row
    assert (f"studyinfo:{T}01", "duplicate source id merged into one row") in flags
    assert session.scalar(select(func.count()).where(Course.source_id == f"{T}01")) == 1


@responses.activate
def test_an_unknown_municipality_is_kept_under_the_source_name_and_reported(
    session: Session, http: requests.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(KUNTA_CODES, "398")  # as if Lahti were not in the shared table
    serve_fixtures()
    report = import_studyinfo(session, http, OPTIONS)
    lahti = session.scalars(select(Course).where(Course.source_id == f"{T}03")).one()
    assert lahti.municipality == "Lahti"
    assert (f"studyinfo:{T}03", "unknown municipality code 398 kept as 'Lahti'") in report.flagged


@responses.activate
def test_reimport_changes_nothing_and_a_changed_row_updates(session: Session, http: requests.Session) -> None:
    overrides = serve_fixtures()
    import_studyinfo(session, http, OPTIONS)
    session.commit()
    again = import_studyinfo(session, http, OPTIONS)
    assert again.added == [] and again.updated == [] and len(again.unchanged) == 5
    changed = load_json(f"studyinfo/toteutus_{T}04.json")
    changed["metadata"]["opetus"]["maksunMaara"] = 199.0
    overrides[f"{T}04"] = json.dumps(changed)
    third = import_studyinfo(session, http, OPTIONS)
    assert third.updated == [f"studyinfo:{T}04"]
    assert session.scalars(select(Course.cost_eur).where(Course.source_id == f"{T}04")).one() == 199.0


@responses.activate
def test_jobseeker_filters(session: Session, http: requests.Session) -> None:
    serve_fixtures()
    options = StudyinfoOptions(keywords=("data",), page_size=2, today=date(2026, 11, 29),
                               labour_market_training=True, open_application=True)
    report = import_studyinfo(session, http, options)
    assert sorted(report.added) == [f"studyinfo:{T}01", f"studyinfo:{T}03"]
    assert "not labour-market training" in dict(report.skipped)[f"studyinfo:{T}04"]


@responses.activate
def test_a_failing_search_page_stops_the_search_but_keeps_what_was_read(
    session: Session, http: requests.Session
) -> None:
    serve_fixtures(search_status={2: 500})
    report = import_studyinfo(session, http, OPTIONS)
    assert report.fatal and "HTTP 500" in report.fatal
    assert sorted(report.added) == [f"studyinfo:{T}01", f"studyinfo:{T}02", f"studyinfo:{T}03"]
