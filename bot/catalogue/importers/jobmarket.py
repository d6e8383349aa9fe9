"""Job Market Finland (Työmarkkinatori) importer: the P67 job posting search API into ``jobs``.

Source: KEHA Centre's "Jobposting Search API" (service P67 of the Kipa
integration platform), technical documentation at
https://tyomarkkinatori.fi/jobpostingprovider/documentation/KIPA-search-jobpostings-en.html
and the OpenAPI description ``P67-tmt-provider-haku-V2``:

- ``POST {base}/kipa/p67/v2/jobpostings`` with header
  ``KIPA-Subscription-Key`` and a JSON ``FiltersV2`` body (``onlyStatus``:
  ``PUBLISHED`` or ``ARCHIVED``; ``modified: {from, to}`` and other
  intervals; ``municipalityIn`` ...). No paging: the answer is one
  ``application/x-ndjson`` stream, one ``JobPostingV2`` per line.
- ``JobPostingV2``: ``languages[]``, ``metadata{externalId, created,
  lastModified, archived}``, ``owner{company, businessId}``,
  ``position{title{fi,sv,en}, mainOccupation, occupations[], skills[]}``
  (ESCO occupation and skill URIs), ``location{countries[], regions[],
  municipalities[]}`` (Statistics Finland codes, 3 digits),
  ``application{published, expires, openPositions, url}``. Timestamps are
  ISO date-times without a zone.

Incremental sync: the largest ``metadata.lastModified`` seen is kept in a
state file (JSON ``{"modified_from": "..."}``) and sent as
``modified.from`` next time. Expired and archived postings are hidden: a
posting archived at the source gets ``expires`` set before its archive day,
so the catalogue's "open" queries leave it out; the report lists it under
``hidden``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import requests
from sqlalchemy.orm import Session

from bot.catalogue.importers.common import (
    ImportReport,
    Upserter,
    as_mapping,
    classify_field,
    localized_titles,
    municipality_from_code,
)
from bot.catalogue.importers.http import FetchError, iter_ndjson
from bot.catalogue.importers.studyinfo import Progress
from bot.catalogue.isco import field_for_isco
from bot.catalogue.loader import RowError, html_to_text
from bot.catalogue.models import Job
from bot.esco.models import EscoOccupation, EscoSkill
from bot.locale import registry

BASE_URL = "https://api.ahtp.fi"
SEARCH_PATH = "/kipa/p67/v2/jobpostings"
SOURCE = "jobmarket"
KEY_VARIABLE = "JOBMARKET_SUBSCRIPTION_KEY"
DEFAULT_STATE = Path("var/importers/jobmarket_state.json")
_ENTRY_WORDS = re.compile(r"junior|trainee|harjoittel|nuorempi|assistant|assistentti|apprentice|oppisopim",
                          re.IGNORECASE)


class MissingKeyError(RuntimeError):
    """The subscription key environment variable is not set."""


@dataclass
class JobmarketOptions:
    """What to fetch: ``municipalities`` (3-digit codes, empty for all), full or incremental."""

    municipalities: tuple[str, ...] = ()
    full: bool = False
    state_path: Path = DEFAULT_STATE
    base_url: str = BASE_URL
    today: date = field(default_factory=date.today)


def subscription_key(environ: Mapping[str, str] = os.environ) -> str:
    """The Kipa subscription key from ``JOBMARKET_SUBSCRIPTION_KEY``.

    Raises:
        MissingKeyError: the variable is unset or empty (no request is sent).
    """
    key = environ.get(KEY_VARIABLE, "").strip()
    if not key:
        raise MissingKeyError(f"{KEY_VARIABLE} is not set: ask the KEHA Centre for a P67 subscription key")
    return key


def read_state(path: Path) -> str | None:
    """The saved ``modified_from`` watermark, or None (missing or unreadable file)."""
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("modified_from")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def write_state(path: Path, modified_from: str) -> None:
    """Save the watermark (creates the directory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"modified_from": modified_from}) + "\n", encoding="utf-8")


def _datetime(value: Any, what: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise RowError(f"{what} {value!r} is not a date-time") from exc


class EscoLookup:
    """ESCO labels and ISCO groups by URI, read from the ESCO tables once per URI."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.occupations: dict[str, EscoOccupation | None] = {}
        self.skills: dict[str, EscoSkill | None] = {}

    def occupation(self, uri: str) -> EscoOccupation | None:
        """The stored occupation, or None when ESCO has not been imported or lacks it."""
        if uri not in self.occupations:
            self.occupations[uri] = self.session.get(EscoOccupation, uri)
        return self.occupations[uri]

    def skill(self, uri: str) -> EscoSkill | None:
        """The stored skill, or None."""
        if uri not in self.skills:
            self.skills[uri] = self.session.get(EscoSkill, uri)
        return self.skills[uri]


def job_values(
    posting: Any, esco: EscoLookup, today: date
) -> tuple[dict[str, Any], list[str], list[str], bool]:
    """Job column values from one ``JobPostingV2``: ``(values, title fallbacks, notes, hidden)``.

    ``hidden`` is true for a posting archived at the source or past its
    expiry date on ``today``. ``field`` comes from the ESCO occupation's
    ISCO-08 group (:func:`bot.catalogue.isco.field_for_isco`, the table the
    matcher uses too), else from keywords in the titles and skills.

    Raises:
        RowError: id, title, employer, municipality or dates missing or
            invalid, or the posting is outside the digital industries.
    """
    if not isinstance(posting, Mapping):
        raise RowError("posting is not a JSON object")
    meta = as_mapping(posting.get("metadata"))
    external_id = meta.get("externalId")
    if not isinstance(external_id, str) or not external_id.strip():
        raise RowError("metadata.externalId is missing")
    position = as_mapping(posting.get("position"))
    location = as_mapping(posting.get("location"))
    application = as_mapping(posting.get("application"))
    titles, fallbacks = localized_titles(position.get("title"), "position.title")
    owner = as_mapping(posting.get("owner"))
    company = owner.get("company")
    employer = html_to_text(company) if isinstance(company, str) else ""
    if isinstance(company, Mapping):
        employer = next((html_to_text(company[k]) for k in ("fi", "sv", "en") if company.get(k)), "")
    if not employer:
        raise RowError("owner.company is missing")
    codes = [c for c in location.get("municipalities") or [] if str(c).strip()]
    if not codes:
        raise RowError("location.municipalities is empty")
    notes: list[str] = []
    municipality, note = municipality_from_code(codes[0])
    if note:
        notes.append(note)
    published_at = _datetime(application.get("published"), "application.published") or _datetime(
        meta.get("created"), "metadata.created")
    expires_at = _datetime(application.get("expires"), "application.expires")
    if published_at is None or expires_at is None:
        raise RowError("publish or expiry date missing (application.published/metadata.created, .expires)")
    expires = expires_at.date()
    if expires < published_at.date():
        raise RowError("application.expires is before the publish date")
    archived = _datetime(meta.get("archived"), "metadata.archived")
    if archived is not None:
        expires = min(expires, archived.date() - timedelta(days=1))
    uris = [u for u in (position.get("mainOccupation"), *(position.get("occupations") or [])) if u]
    occupation = next((o for o in (esco.occupation(str(u)) for u in uris) if o is not None), None)
    if uris and occupation is None:
        notes.append(f"ESCO occupation {uris[0]} not in the ESCO tables (import esco first)")
    skills, unknown = [], 0
    for uri in position.get("skills") or []:
        skill = esco.skill(str(uri))
        if skill is None:
            unknown += 1
        elif skill.label("en") not in skills:
            skills.append(skill.label("en"))
    if unknown:
        notes.append(f"{unknown} ESCO skill URI(s) not in the ESCO tables")
    occupation_label = occupation.label("en") if occupation else titles["en"]
    isco = (occupation.isco_group or "") if occupation else ""
    field_key = field_for_isco(isco) or classify_field([*titles.values(), occupation_label, *skills])
    if field_key is None:
        raise RowError("not a digital-industries job (occupation and title match no field)")
    values = {
        "source": SOURCE, "source_id": external_id.strip(), "titles": titles, "employer": employer[:200],
        "municipality": municipality, "remote": "no",
        "working_languages": [lang for lang in posting.get("languages") or [] if lang in registry.codes()],
        "seniority": "entry" if _ENTRY_WORDS.search(" ".join(titles.values())) else "experienced",
        "education_required": None, "occupation": occupation_label[:200], "isco_code": isco,
        "published": published_at.date(), "expires": expires,
        "url": f"https://tyomarkkinatori.fi/henkiloasiakkaat/avoimet-tyopaikat/{external_id.strip()}",
        "field": field_key, "skills": skills[:20],
        # stored only when the Job model has these columns (the Upserter drops unknown keys)
        "esco_occupation_uri": str(uris[0]) if uris else None,
        "esco_skill_uris": [str(u) for u in position.get("skills") or []][:50],
    }
    return values, fallbacks, notes, archived is not None or expires < today


def import_jobmarket(
    db: Session, http: requests.Session, key: str, options: JobmarketOptions, progress: Progress | None = None
) -> ImportReport:
    """Fetch published and archived postings (changed since the watermark) and upsert them.

    Flushes only; on success writes the new watermark to
    ``options.state_path`` (after the caller's commit is the caller's
    concern: the watermark only moves forward when no request failed).
    """
    report = ImportReport()
    upserter = Upserter(db, Job, report)
    esco = EscoLookup(db)
    since = None if options.full else read_state(options.state_path)
    newest = since or ""
    for status in ("PUBLISHED", "ARCHIVED"):
        body: dict[str, Any] = {"onlyStatus": status}
        if since:
            body["modified"] = {"from": since}
        if options.municipalities:
            body["municipalityIn"] = list(options.municipalities)
        try:
            lines = list(iter_ndjson(http, options.base_url + SEARCH_PATH, json=body,
                                     headers={"KIPA-Subscription-Key": key}))
        except FetchError as exc:
            report.fatal = "; ".join(filter(None, [report.fatal, f"{status} postings not fetched: {exc}"]))
            continue
        for number, posting, error in lines:
            if progress is not None:
                progress.total = (progress.total or 0) + 1
                progress.update(1)
            external_id = posting.get("metadata", {}).get("externalId") if isinstance(posting, dict) else None
            label = f"{SOURCE}:{external_id}" if isinstance(external_id, str) else f"{status} line {number}"
            if error:
                upserter.skip(label, error)
                continue
            try:
                values, fallbacks, notes, hidden = job_values(posting, esco, options.today)
            except RowError as exc:
                upserter.skip(label, str(exc))
                continue
            modified = str(as_mapping(as_mapping(posting).get("metadata")).get("lastModified") or "")
            newest = max(newest, modified)
            upserter.add(values, modified=modified, notes=notes, fallbacks=fallbacks, hidden=hidden)
    upserter.write()
    if report.fatal is None and newest:
        write_state(options.state_path, newest)
    return report


def fixture_path(request: requests.PreparedRequest) -> str | None:
    """``published.ndjson`` or ``archived.ndjson`` by the request's ``onlyStatus`` (``--fixtures``)."""
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return None
    return f"{str(body.get('onlyStatus', 'PUBLISHED')).lower()}.ndjson"
