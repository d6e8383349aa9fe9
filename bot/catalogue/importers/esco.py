"""ESCO importer: occupations, skills and their relations, labels in fi, sv and en.

Two sources, same tables (:mod:`bot.esco.models`):

- The ESCO CSV package (download from https://esco.ec.europa.eu/en/use-esco/download,
  one language per file): ``occupations_<lang>.csv`` (``conceptType,
  conceptUri, iscoGroup, preferredLabel, altLabels, hiddenLabels, status,
  modifiedDate, ...``), ``skills_<lang>.csv`` (``conceptType, conceptUri,
  skillType, reuseLevel, preferredLabel, altLabels, ...``) and
  ``occupationSkillRelations_<lang>.csv`` (``occupationUri, [occupationLabel,]
  relationType, skillType, skillUri[, skillLabel]``). ``altLabels`` holds
  one label per line. Only concepts with ``status`` ``released`` are kept.
- The ESCO REST API (https://ec.europa.eu/esco/api): ``GET
  /resource/occupation?uri=U&language=en`` returns ``{uri, code ("2512.4"),
  preferredLabel{lang}, alternativeLabel{lang: [..]}, _links{hasEssentialSkill:
  [{uri, title}], hasOptionalSkill: [...]}}``; ``GET /resource/skill?uri=U``
  returns the same label shape plus ``_links.hasSkillType[{title}]``.

A concept without a label in one of fi, sv, en is stored without it and
flagged; a relation to an unknown concept or of an unknown type is skipped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalogue.importers.common import ImportReport, as_mapping
from bot.catalogue.importers.http import FetchError, get_json
from bot.catalogue.importers.studyinfo import Progress
from bot.esco.models import (
    ESCO_LANGUAGES,
    RELATION_TYPES,
    EscoOccupation,
    EscoOccupationSkill,
    EscoSkill,
    empty_labels,
)

API_URL = "https://ec.europa.eu/esco/api"
_OCC_PREFIX = "http://data.europa.eu/esco/occupation/"
_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"


def _label(uri: str) -> str:
    return "esco:" + uri.rsplit("/", 1)[-1]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _alt(text: str | None) -> list[str]:
    return list(dict.fromkeys(line.strip() for line in (text or "").splitlines() if line.strip()))


class _ConceptWriter:
    """Upserts concepts of one model keyed by URI, with the report rules of the importers."""

    def __init__(self, session: Session, model: type[EscoOccupation] | type[EscoSkill], report: ImportReport):
        self.session, self.model, self.report = session, model, report
        rows = cast("Sequence[EscoOccupation | EscoSkill]", session.scalars(select(model)).all())
        self.stored = {row.uri: row for row in rows}

    def put(self, uri: str, values: dict[str, Any]) -> None:
        label = _label(uri)
        labels = values.get("labels") or {}
        missing = [lang for lang in ESCO_LANGUAGES if not (labels.get(lang) or {}).get("preferred")]
        if len(missing) == len(ESCO_LANGUAGES):
            self.report.skipped.append((label, "no preferred label in fi, sv or en"))
            return
        if missing:
            self.report.flagged.append((label, f"no preferred label in {', '.join(missing)}"))
        row = self.stored.get(uri)
        if row is None:
            row = self.model(uri=uri, **values)
            self.session.add(row)
            self.stored[uri] = row
            self.report.added.append(label)
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            self.report.updated.append(label)
        else:
            self.report.unchanged.append(label)


def _concepts_from_csv(
    directory: Path, stem: str, prefix: str, report: ImportReport
) -> dict[str, dict[str, Any]]:
    concepts: dict[str, dict[str, Any]] = {}
    for lang in ESCO_LANGUAGES:
        path = directory / f"{stem}_{lang}.csv"
        if not path.is_file():
            report.flagged.append((path.name, f"file missing: no {lang} labels"))
            continue
        for number, row in enumerate(_read_csv(path), start=2):
            uri = (row.get("conceptUri") or "").strip()
            if not uri.startswith(prefix):
                where = f"{path.name} line {number}"
                report.skipped.append((where, f"conceptUri {uri!r} is not {prefix}..."))
                continue
            if (row.get("status") or "released").strip() != "released":
                continue
            values = concepts.setdefault(uri, {"labels": empty_labels()})
            values["labels"][lang] = {
                "preferred": (row.get("preferredLabel") or "").strip() or None,
                "alt": _alt(row.get("altLabels")),
            }
            values["status"] = "released"
            values["modified"] = (row.get("modifiedDate") or "").strip() or None
            if stem == "occupations":
                isco = (row.get("iscoGroup") or "").strip()
                values["isco_group"] = isco[:4] if isco[:4].isdigit() else None
            else:
                values["skill_type"] = (row.get("skillType") or "").strip() or None
                values["reuse_level"] = (row.get("reuseLevel") or "").strip() or None
    return concepts


def _write_relations(
    session: Session, pairs: Iterable[tuple[str, str, str, str]], report: ImportReport
) -> None:
    """``pairs``: ``(where, occupation uri, skill uri, relation type)``; upserts each."""
    stored = {(r.occupation_uri, r.skill_uri): r for r in session.scalars(select(EscoOccupationSkill))}
    occupations = set(session.scalars(select(EscoOccupation.uri)))
    skills = set(session.scalars(select(EscoSkill.uri)))
    for where, occ, skill, kind in pairs:
        label = f"{_label(occ)}->{skill.rsplit('/', 1)[-1]}"
        if kind not in RELATION_TYPES:
            report.skipped.append((where, f"relationType {kind!r} is not essential or optional"))
        elif occ not in occupations or skill not in skills:
            report.skipped.append((where, "relation to an occupation or skill that is not imported"))
        elif (occ, skill) not in stored:
            row = EscoOccupationSkill(occupation_uri=occ, skill_uri=skill, relation_type=kind)
            session.add(row)
            stored[(occ, skill)] = row
            report.added.append(label)
        elif stored[(occ, skill)].relation_type != kind:
            stored[(occ, skill)].relation_type = kind
            report.updated.append(label)
        else:
            report.unchanged.append(label)


def import_esco_csv(db: Session, directory: Path, progress: Progress | None = None) -> ImportReport:
    """Import the CSV package in ``directory``; flushes, the caller commits.

    Raises nothing for bad rows (they are reported); a missing language file
    is flagged, a missing relations file is reported as skipped.
    """
    report = ImportReport()
    pillars = (("occupations", _OCC_PREFIX, EscoOccupation), ("skills", _SKILL_PREFIX, EscoSkill))
    for stem, prefix, model in pillars:
        concepts = _concepts_from_csv(directory, stem, prefix, report)
        writer = _ConceptWriter(db, model, report)
        for uri, values in concepts.items():
            writer.put(uri, values)
            if progress is not None:
                progress.total = (progress.total or 0) + 1
                progress.update(1)
        db.flush()
    relations = directory / "occupationSkillRelations_en.csv"
    if not relations.is_file():
        report.skipped.append((relations.name, "file missing: no occupation-skill relations"))
    else:
        rows = _read_csv(relations)
        _write_relations(db, ((f"{relations.name} line {n}", (r.get("occupationUri") or "").strip(),
                               (r.get("skillUri") or "").strip(), (r.get("relationType") or "").strip())
                              for n, r in enumerate(rows, start=2)), report)
    db.flush()
    return report


def _api_values(doc: Mapping[str, Any]) -> dict[str, Any]:
    preferred = as_mapping(doc.get("preferredLabel"))
    alternative = as_mapping(doc.get("alternativeLabel"))
    labels = empty_labels()
    for lang in ESCO_LANGUAGES:
        alts = alternative.get(lang)
        labels[lang] = {
            "preferred": str(preferred.get(lang) or "").strip() or None,
            "alt": list(dict.fromkeys(str(a).strip() for a in alts or [] if str(a).strip()))
            if isinstance(alts, list) else [],
        }
    return {"status": "released", "labels": labels}


def import_esco_api(
    db: Session, http: requests.Session, occupation_uris: Iterable[str], base_url: str = API_URL,
    progress: Progress | None = None,
) -> ImportReport:
    """Fetch the given occupations and their essential/optional skills from the REST API.

    A concept whose request fails is skipped with the reason; the run goes on.
    """
    report = ImportReport()
    occupations = _ConceptWriter(db, EscoOccupation, report)
    skills = _ConceptWriter(db, EscoSkill, report)
    pairs: list[tuple[str, str, str, str]] = []
    fetched_skills: set[str] = set()
    for uri in occupation_uris:
        try:
            doc = get_json(http, f"{base_url}/resource/occupation", params={"uri": uri, "language": "en"})
        except FetchError as exc:
            report.skipped.append((_label(uri), str(exc)))
            continue
        if progress is not None:
            progress.total = (progress.total or 0) + 1
            progress.update(1)
        values = _api_values(doc)
        code = str(doc.get("code") or "")
        values["isco_group"] = code[:4] if code[:4].isdigit() else None
        occupations.put(uri, values)
        links = as_mapping(doc.get("_links"))
        for kind, key in (("essential", "hasEssentialSkill"), ("optional", "hasOptionalSkill")):
            for link in links.get(key) or []:
                skill_uri = str(link.get("uri") or "") if isinstance(link, Mapping) else ""
                pairs.append((f"{_label(uri)} {key}", uri, skill_uri, kind))
                if skill_uri and skill_uri not in fetched_skills:
                    fetched_skills.add(skill_uri)
                    try:
                        skill_doc = get_json(http, f"{base_url}/resource/skill",
                                             params={"uri": skill_uri, "language": "en"})
                    except FetchError as exc:
                        report.skipped.append((_label(skill_uri), str(exc)))
                        continue
                    skill_values = _api_values(skill_doc)
                    types = (skill_doc.get("_links") or {}).get("hasSkillType") or []
                    skill_values["skill_type"] = str(types[0].get("title")) if types else None
                    skills.put(skill_uri, skill_values)
    db.flush()
    _write_relations(db, pairs, report)
    db.flush()
    return report
