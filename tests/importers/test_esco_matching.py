"""Free text to ESCO concepts: the ESCO CSV fixture imported with the real
importer, then matched in fi, sv and en next to the shipped vocabulary.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.catalogue.importers.esco import import_esco_csv
from bot.catalogue.isco import ISCO_FIELDS
from bot.catalogue.models import FIELDS
from bot.matching import localised_label, match_terms
from bot.matching import matcher as matcher_module
from bot.matching.esco_terms import esco_terms
from tests.importers.conftest import FIXTURES

ESCO = FIXTURES / "esco"
UseEsco = Callable[[str], None]


@pytest.fixture()
def warnings(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> pytest.LogCaptureFixture:
    """The matcher's warnings (its logger re-enabled: alembic's fileConfig in the
    migration tests disables loggers that exist by then)."""
    monkeypatch.setattr(matcher_module.logger, "disabled", False)
    caplog.set_level(logging.WARNING, logger=matcher_module.logger.name)
    return caplog


@pytest.fixture()
def imported(session: Session, database_url: str, use_esco: UseEsco) -> str:
    """The ESCO fixture package in the test database; the matcher reads it."""
    import_esco_csv(session, ESCO)
    session.commit()
    use_esco(database_url)
    return database_url


def test_finnish_inflected_text_finds_esco_concepts_by_english_label(imported: str) -> None:
    assert "ICT help desk agent" in match_terms("Haluan helpdesk-asiantuntijaksi", "fi").occupations
    assert match_terms("Olen analysoinut massadataa", "fi").skills == ["analyse big data"]
    assert match_terms("Olin erikoissairaanhoitajana", "fi").occupations == ["specialist nurse"]
    assert localised_label("specialist nurse", "fi") == "erikoissairaanhoitaja"


def test_without_esco_the_same_finnish_text_finds_nothing_new() -> None:
    assert "ICT help desk agent" not in match_terms("Haluan helpdesk-asiantuntijaksi", "fi").occupations
    assert match_terms("Olen analysoinut massadataa", "fi").skills == []


def test_swedish_and_english_text_find_esco_concepts(imported: str) -> None:
    assert match_terms("Jag har jobbat som specialistsjuksköterska", "sv").occupations == ["specialist nurse"]
    assert match_terms("jag har analyserat stordata", "sv").skills == ["analyse big data"]
    result = match_terms("I worked as an ICT help desk agent", "en")
    assert "ICT help desk agent" in result.occupations


def test_an_occupation_gets_its_field_from_its_isco_group(imported: str) -> None:
    assert match_terms("I worked as an ICT help desk agent", "en").fields == ["it_support"]  # ISCO 3512
    assert match_terms("Olin erikoissairaanhoitajana", "fi").fields == []  # ISCO 2221: no field


def test_isco_mapping_names_only_conversation_fields() -> None:
    assert set(ISCO_FIELDS.values()) <= set(FIELDS)
    assert all(len(group) == 4 and group.isdigit() for group in ISCO_FIELDS)


def test_an_esco_concept_with_a_shipped_label_adds_its_names_instead_of_a_duplicate(imported: str) -> None:
    result = match_terms("I am a data analytics specialist", "en")  # ESCO's alt label only
    assert (result.occupations, result.fields) == (["data analyst"], ["data"])
    assert match_terms("Haluan ohjelmoijaksi", "fi").occupations == ["software developer"]
    # "Python (computer programming)" merges into the shipped "Python"
    assert match_terms("Osaan Pythonia", "fi").skills == ["Python"]


def test_empty_esco_tables_keep_the_shipped_vocabulary(
    database_url: str, use_esco: UseEsco, warnings: pytest.LogCaptureFixture
) -> None:
    use_esco(database_url)
    assert match_terms("Olen opiskellut ohjelmointia", "fi").skills == ["programming"]
    assert "ICT help desk agent" not in match_terms("Haluan helpdesk-asiantuntijaksi", "fi").occupations
    assert "the ESCO tables are empty" in warnings.text


@pytest.mark.parametrize("content", [b"this is not a database" * 50, None])
def test_an_unreadable_database_falls_back_to_the_shipped_vocabulary(
    tmp_path: Path, use_esco: UseEsco, warnings: pytest.LogCaptureFixture, content: bytes | None
) -> None:
    path = tmp_path / "broken.db"  # garbage, or an empty SQLite file without tables
    if content is not None:
        path.write_bytes(content)
    use_esco(f"sqlite:///{path}")
    assert match_terms("Olen opiskellut ohjelmointia", "fi").skills == ["programming"]
    assert match_terms("I know Python", "en").skills == ["Python"]
    assert "ESCO terms not read" in warnings.text and "shipped vocabulary only" in warnings.text


def test_reimport_with_changed_labels_is_picked_up(
    session: Session, database_url: str, use_esco: UseEsco, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "esco"
    shutil.copytree(ESCO, package)
    import_esco_csv(session, package)
    session.commit()
    use_esco(database_url)
    assert "ICT help desk agent" in match_terms("Haluan helpdesk-asiantuntijaksi", "fi").occupations

    occupations_fi = package / "occupations_fi.csv"
    text = occupations_fi.read_text(encoding="utf-8")
    changed = text.replace("helpdesk-asiantuntija", "tukipalveluasiantuntija")
    row_start = changed.index("Occupation,http://data.europa.eu/esco/occupation/2bc02ed1")
    row_end = changed.index("\nOccupation,", row_start)
    row = changed[row_start:row_end].replace("2023-12-20T10:13:33.744Z", "2024-06-01T08:00:00.000Z")
    occupations_fi.write_text(changed[:row_start] + row + changed[row_end:], encoding="utf-8")
    report = import_esco_csv(session, package)
    session.commit()
    assert report.updated == ["esco:2bc02ed1-8b5e-4c8c-9e4f-1c0a0b4e3a21"]

    # Within RECHECK_SECONDS the built matcher is reused as it is ...
    assert "ICT help desk agent" in match_terms("Haluan helpdesk-asiantuntijaksi", "fi").occupations
    # ... then the changed fingerprint makes it read the new labels.
    monkeypatch.setattr(matcher_module, "RECHECK_SECONDS", 0.0)
    assert "ICT help desk agent" in match_terms("Haluan tukipalveluasiantuntijaksi", "fi").occupations
    assert "ICT help desk agent" not in match_terms("Haluan helpdesk-asiantuntijaksi", "fi").occupations


def test_the_label_cap_keeps_digital_occupations_before_others(session: Session) -> None:
    import_esco_csv(session, ESCO)
    session.commit()
    every = esco_terms(session)
    assert [t.label for t in every if t.kind == "occupation"][-1] == "specialist nurse"
    assert len([t for t in every if t.kind == "skill"]) == 6
    capped = esco_terms(session, max_labels=12)
    assert sum(len(names) for t in capped for names in t.names.values()) <= 12
    assert "specialist nurse" not in [t.label for t in capped]
    assert all(t.kind == "occupation" and t.field for t in capped)


def test_matching_esco_works_on_sqlite_and_postgresql(
    any_session: Session, any_database_url: str, use_esco: UseEsco
) -> None:
    import_esco_csv(any_session, ESCO)
    any_session.commit()
    use_esco(any_database_url)
    result = match_terms("Haluan helpdesk-asiantuntijaksi", "fi")
    assert "ICT help desk agent" in result.occupations and result.fields == ["it_support"]
