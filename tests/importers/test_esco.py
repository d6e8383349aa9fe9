"""ESCO importer: CSV package and REST API into the ESCO tables."""

from __future__ import annotations

import re
from pathlib import Path

import requests
import responses
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.catalogue.importers.esco import API_URL, import_esco_api, import_esco_csv
from bot.esco.models import EscoOccupation, EscoOccupationSkill, EscoSkill
from tests.importers.conftest import FIXTURES

ESCO = FIXTURES / "esco"
DEV = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
ANALYST = "http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9a212c4a7e6b"
HELPDESK = "http://data.europa.eu/esco/occupation/2bc02ed1-8b5e-4c8c-9e4f-1c0a0b4e3a21"


def test_csv_package_labels_relations_and_bad_rows(session: Session) -> None:
    report = import_esco_csv(session, ESCO)
    session.commit()
    dev = session.get(EscoOccupation, DEV)
    assert dev is not None and dev.isco_group == "2512"
    assert (dev.preferred("fi"), dev.preferred("sv"), dev.preferred("en")) == (
        "ohjelmistokehittäjä", "mjukvaruutvecklare", "software developer")
    assert dev.labels["fi"]["alt"] == ["ohjelmoija", "sovelluskehittäjä"]
    helpdesk = session.get(EscoOccupation, HELPDESK)
    assert helpdesk is not None and helpdesk.preferred("sv") is None
    assert helpdesk.label("sv") == "ICT help desk agent"
    assert ("esco:2bc02ed1-8b5e-4c8c-9e4f-1c0a0b4e3a21", "no preferred label in sv") in report.flagged
    assert session.scalar(select(func.count()).select_from(EscoSkill)) == 6
    query = select(EscoOccupationSkill).where(EscoOccupationSkill.occupation_uri == DEV)
    relations = session.scalars(query).all()
    assert {(r.skill_uri.rsplit("/", 1)[-1][:8], r.relation_type) for r in relations} == {
        ("ccd0a1d9", "essential"), ("2d9ac4a6", "optional")}
    reasons = [reason for _, reason in report.skipped]
    assert any("is not http://data.europa.eu/esco/occupation/" in r for r in reasons)
    assert any("relationType 'recommended'" in r for r in reasons)
    assert any("not imported" in r for r in reasons)


def test_csv_reimport_changes_nothing(session: Session) -> None:
    import_esco_csv(session, ESCO)
    session.commit()
    again = import_esco_csv(session, ESCO)
    assert again.added == [] and again.updated == []
    assert len(again.unchanged) == 4 + 6 + 6


def test_a_missing_language_file_is_flagged(session: Session, tmp_path: Path) -> None:
    for name in ("occupations_en.csv", "occupations_fi.csv", "skills_en.csv"):
        (tmp_path / name).write_bytes((ESCO / name).read_bytes())
    report = import_esco_csv(session, tmp_path)
    assert ("occupations_sv.csv", "file missing: no sv labels") in report.flagged
    missing = ("occupationSkillRelations_en.csv", "file missing: no occupation-skill relations")
    assert missing in report.skipped


@responses.activate
def test_rest_api_occupation_with_skills(session: Session, http: requests.Session) -> None:
    def answer(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        kind = "occupation" if "/resource/occupation" in (request.url or "") else "skill"
        uuid = re.search(r"uri=[^&]*%2F([0-9a-f-]{36})", request.url or "").group(1)  # type: ignore[union-attr]
        path = ESCO / "api" / f"{kind}_{uuid}.json"
        return (200, {}, path.read_text(encoding="utf-8")) if path.exists() else (404, {}, "{}")

    responses.add_callback(responses.GET, re.compile(re.escape(API_URL) + r"/resource/.*"), callback=answer)
    report = import_esco_api(session, http, [ANALYST, DEV])
    analyst = session.get(EscoOccupation, ANALYST)
    assert analyst is not None and analyst.isco_group == "2511"
    assert analyst.preferred("fi") == "data-analyytikko"
    kinds = {r.relation_type for r in session.scalars(select(EscoOccupationSkill))}
    assert kinds == {"essential", "optional"}
    assert session.scalar(select(func.count()).select_from(EscoSkill)) == 3
    assert any("HTTP 404" in reason for label, reason in report.skipped if label.endswith("29b9d50b77d1"))
    user_agent = responses.calls[0].request.headers["User-Agent"]
    assert user_agent.startswith("DigiPoint-importer/")
