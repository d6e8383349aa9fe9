"""Job Market Finland importer: P67 NDJSON, subscription key, incremental sync, hidden postings."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import requests
import responses
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalogue.importers.esco import import_esco_csv
from bot.catalogue.importers.jobmarket import (
    BASE_URL,
    SEARCH_PATH,
    JobmarketOptions,
    MissingKeyError,
    import_jobmarket,
    read_state,
    subscription_key,
)
from bot.catalogue.models import Job
from bot.catalogue.municipalities import KUNTA_CODES
from bot.catalogue.search import open_jobs
from tests.importers.conftest import FIXTURES

URL = BASE_URL + SEARCH_PATH
U = "jobmarket:c2c513bb-2472-587b-a0cc-f2a974c62c"
TODAY = date(2026, 11, 29)


def serve(published: str | None = None, archived: str | None = None) -> None:
    """Answer P67 POSTs by the body's onlyStatus from the fixture files (or the given bodies)."""
    bodies = {"PUBLISHED": published, "ARCHIVED": archived}

    def answer(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        status = json.loads(request.body or b"{}")["onlyStatus"]
        body = bodies[status]
        if body is None:
            body = (FIXTURES / f"jobmarket/{status.lower()}.ndjson").read_text(encoding="utf-8")
        return 200, {"Content-Type": "application/x-ndjson"}, body

    responses.add_callback(responses.POST, URL, callback=answer)


@pytest.fixture()
def options(tmp_path: Path) -> JobmarketOptions:
    return JobmarketOptions(state_path=tmp_path / "state.json", today=TODAY)


@pytest.fixture()
def esco(session: Session) -> None:
    import_esco_csv(session, FIXTURES / "esco")
    session.commit()


def test_the_key_comes_from_the_environment() -> None:
    assert subscription_key({"JOBMARKET_SUBSCRIPTION_KEY": "abc"}) == "abc"
    with pytest.raises(MissingKeyError, match="JOBMARKET_SUBSCRIPTION_KEY"):
        subscription_key({})


@responses.activate
def test_import_maps_postings_and_reports_bad_ones(
    session: Session, http: requests.Session, options: JobmarketOptions, esco: None
) -> None:
    serve()
    report = import_jobmarket(session, http, "secret-key", options)
    session.commit()
    assert responses.calls[0].request.headers["KIPA-Subscription-Key"] == "secret-key"
    assert json.loads(responses.calls[0].request.body) == {"onlyStatus": "PUBLISHED"}
    assert sorted(report.added) == [U + n for n in ("01", "02", "03", "08", "09")]
    reasons = dict(report.skipped)
    assert "not valid JSON" in reasons["PUBLISHED line 4"]
    assert reasons["PUBLISHED line 6"] == "metadata.externalId is missing"
    assert "not a digital-industries job" in reasons[U + "07"]
    dev = session.scalars(select(Job).where(Job.source_id.endswith("01"))).one()
    assert dev.titles["en"] == "Junior Software Developer (Python)"        # newer duplicate merged in
    assert (dev.occupation, dev.isco_code, dev.field) == ("software developer", "2512", "software")
    assert dev.skills == ["Python (computer programming)", "JavaScript"]
    assert (dev.municipality, dev.seniority, dev.employer) == ("Helsinki", "entry", "Vincit Oyj")
    assert (dev.published, dev.expires) == (date(2026, 11, 16), date(2027, 1, 10))
    flags = dict(report.flagged)
    assert flags[U + "01"] == "duplicate source id merged into one row"
    analyst = session.scalars(select(Job).where(Job.source_id.endswith("02"))).one()
    # HTML to text, fallback
    assert analyst.titles["fi"] == "Data-analyytikko & raportoija" == analyst.titles["en"]
    assert (U + "02", "title sv missing, taken from fi") in report.flagged
    assert (U + "02", "1 ESCO skill URI(s) not in the ESCO tables") in report.flagged
    assert analyst.field == "data"  # ESCO "data analyst", ISCO 2511 (bot.catalogue.isco)
    lahti = session.scalars(select(Job).where(Job.source_id.endswith("03"))).one()
    assert lahti.municipality == "Lahti" and lahti.field == "it_support"  # code 398, no name sent
    assert not [note for label, note in report.flagged if label == U + "03" and "municipality" in note]


@responses.activate
def test_an_unknown_municipality_is_kept_and_reported(
    session: Session, http: requests.Session, options: JobmarketOptions, esco: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(KUNTA_CODES, "398")  # as if Lahti were not in the shared table
    serve()
    report = import_jobmarket(session, http, "k", options)
    lahti = session.scalars(select(Job).where(Job.source_id.endswith("03"))).one()
    assert lahti.municipality == "kunta_398"
    assert (U + "03", "unknown municipality code 398 kept as 'kunta_398'") in report.flagged


@responses.activate
def test_expired_and_archived_postings_are_hidden(
    session: Session, http: requests.Session, options: JobmarketOptions, esco: None
) -> None:
    serve()
    report = import_jobmarket(session, http, "k", options)
    session.commit()
    assert sorted(report.hidden) == [U + "08", U + "09"]
    shown = {job.source_id[-2:] for job in open_jobs(session, TODAY)}
    assert shown == {"01", "02", "03"}


@responses.activate
def test_incremental_sync_sends_the_watermark_and_reimport_changes_nothing(
    session: Session, http: requests.Session, options: JobmarketOptions, esco: None
) -> None:
    serve()
    import_jobmarket(session, http, "k", options)
    session.commit()
    assert read_state(options.state_path) == "2026-11-22T12:00:00.000000"
    responses.calls.reset()
    again = import_jobmarket(session, http, "k", options)
    body = json.loads(responses.calls[0].request.body)
    assert body == {"onlyStatus": "PUBLISHED", "modified": {"from": "2026-11-22T12:00:00.000000"}}
    assert again.added == [] and again.updated == []
    full = import_jobmarket(session, http, "k", JobmarketOptions(state_path=options.state_path, full=True,
                                                                  today=TODAY))
    assert "modified" not in json.loads(responses.calls[-1].request.body)
    assert full.updated == [] and len(full.unchanged) == 5


@responses.activate
def test_a_changed_posting_updates(
    session: Session, http: requests.Session, options: JobmarketOptions, esco: None
) -> None:
    serve()
    import_jobmarket(session, http, "k", options)
    session.commit()
    line = (FIXTURES / "jobmarket/published.ndjson").read_text(encoding="utf-8").splitlines()[2]
    posting = json.loads(line)
    posting["application"]["expires"] = "2027-02-01T23:59:59.000000"
    posting["metadata"]["lastModified"] = "2026-11-28T08:00:00.000000"
    responses.replace(responses.POST, URL, body=json.dumps(posting) + "\n")
    report = import_jobmarket(session, http, "k", options)
    assert report.updated == [U + "03"]
    assert read_state(options.state_path) == "2026-11-28T08:00:00.000000"


@responses.activate
def test_a_failed_request_keeps_the_watermark(
    session: Session, http: requests.Session, options: JobmarketOptions
) -> None:
    responses.post(URL, status=503)
    report = import_jobmarket(session, http, "k", options)
    assert report.fatal and "PUBLISHED" in report.fatal
    assert read_state(options.state_path) is None
