"""Studyinfo (Opintopolku) importer: konfo-backend's external API into ``courses``.

Source: Opetushallitus/konfo-backend, ``src/konfo_backend/external/api.clj``
and ``schema/*.clj``. Two routes are read:

- ``GET {base}/search/toteutukset-koulutuksittain?keyword&page&size&lng&sort&order&koulutustyyppi``
  returns ``{"total": int, "hits": [KoulutusHit]}``; ``total`` counts
  koulutus hits, ``page`` starts at 1. Each hit carries
  ``toteutukset: [{toteutusOid, toteutusNimi{fi,sv,en}, oppilaitosOid,
  oppilaitosNimi, kunnat: [{koodiUri: "kunta_091", nimi}]}]``.
- ``GET {base}/toteutus/{oid}?koulutus=true&hakukohteet=true`` returns a
  Toteutus: ``oid``, ``koulutusOid``, ``nimi{fi,sv,en}``, ``kielivalinta``,
  ``tarjoajat[{oid, nimi, paikkakunta{koodiUri, nimi}}]``, ``metadata{tyyppi,
  kuvaus, opetus{opetuskieli[], opetustapa[], onkoMaksullinen, maksunMaara,
  koulutuksenAlkamiskausiUUSI{koulutuksenAlkamispaivamaara,
  koulutuksenPaattymispaivamaara}}, asiasanat[{kieli, arvo}],
  ammattinimikkeet[{kieli, arvo}], isTyovoimakoulutus, isTaydennyskoulutus,
  hakuaika{alkaa, paattyy}}``, ``modified``, plus ``koulutus`` (Koulutus:
  ``koulutustyyppi``, ``nimi``, ``metadata{opintojenLaajuusNumero,
  opintojenLaajuusyksikko{koodiUri, nimi}}``) and ``hakukohteet[{hakuajat:
  [{alkaa, paattyy}]}]``.

One toteutus (implementation) becomes one Course row with ``source =
"studyinfo"`` and ``source_id`` = its oid. Rules for each column are in
:func:`course_values`; a row that breaks one is skipped with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

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
from bot.catalogue.importers.http import FetchError, get_json
from bot.catalogue.loader import RowError, html_to_text
from bot.catalogue.models import Course

BASE_URL = "https://opintopolku.fi/konfo-backend/external"
SOURCE = "studyinfo"
_OID_RE = re.compile(r"^1\.2\.246\.562\.17\.\d+$")
#: ``koulutustyyppi`` (or ``metadata.tyyppi``) -> Course.provider_type.
PROVIDER_TYPES: dict[str, str] = {
    "amk": "uas", "yo": "university", "kk-opintojakso": "open_university",
    "kk-opintokokonaisuus": "open_university", "amm": "vocational", "amm-osaamisala": "vocational",
    "amm-tutkinnon-osa": "vocational", "amm-muu": "vocational", "muu": "adult_education",
    "vapaa-sivistystyo-muu": "adult_education", "vapaa-sivistystyo-opistovuosi": "adult_education",
    "aikuisten-perusopetus": "adult_education", "telma": "vocational", "tuva": "vocational",
}
#: Degree programmes need upper secondary education (Course.education_required).
DEGREE_TYPES = frozenset({"amk", "yo"})
#: ``oppilaitoksenopetuskieli_<n>`` -> teaching languages.
TEACHING_LANGUAGE_CODES: dict[str, tuple[str, ...]] = {"1": ("fi",), "2": ("sv",), "3": ("fi", "sv")}
_LANGUAGE_NAMES: dict[str, str] = {"suomi": "fi", "finnish": "fi", "ruotsi": "sv", "swedish": "sv",
                                   "englanti": "en", "english": "en"}
#: ``opetuspaikkakk_1`` is contact teaching, ``opetuspaikkakk_2`` distance teaching.
MODE_CODES: dict[str, str] = {"1": "on_site", "2": "online"}
#: Default keywords: a city refreshes the digital-industries courses.
DEFAULT_KEYWORDS: tuple[str, ...] = ("ohjelmointi", "data-analytiikka", "ohjelmistotestaus", "käyttöliittymä",
                                     "digitaalinen markkinointi", "it-tuki")


class Progress(Protocol):
    """What an importer needs from a progress bar (tqdm fits)."""

    total: float | None

    def update(self, n: float = 1) -> bool | None: ...

    def refresh(self) -> None: ...


@dataclass
class StudyinfoOptions:
    """Which courses to fetch.

    ``keywords``: search words (each searched separately, min. 3 characters);
    ``lng``: language of the search; ``koulutustyyppi``: comma-separated
    konfo types (``amk``, ``yo``, ``amm``, ``muu``, ...) or None for all;
    ``labour_market_training``: keep only ``metadata.isTyovoimakoulutus``;
    ``continuing_education``: keep only ``metadata.isTaydennyskoulutus`` or
    open university studies; ``open_application``: keep only courses whose
    application period has not ended (or has none); ``page_size``: hits per
    search page (konfo's default is 20).
    """

    keywords: tuple[str, ...] = DEFAULT_KEYWORDS
    lng: str = "fi"
    koulutustyyppi: str | None = None
    labour_market_training: bool = False
    continuing_education: bool = False
    open_application: bool = False
    page_size: int = 20
    max_pages: int = 500
    base_url: str = BASE_URL
    today: date = field(default_factory=date.today)


def search_hits(http: requests.Session, keyword: str, options: StudyinfoOptions) -> Iterator[dict[str, Any]]:
    """Yield the toteutus hits of every search page for ``keyword`` (with its koulutus).

    Each yielded dict is a ``toteutukset`` entry with ``"koulutus"`` set to
    the enclosing KoulutusHit. Raises :class:`FetchError` when a page fails.
    """
    page = 1
    while page <= options.max_pages:
        params: dict[str, Any] = {"keyword": keyword, "page": page, "size": options.page_size,
                                  "lng": options.lng, "sort": "name", "order": "asc"}
        if options.koulutustyyppi:
            params["koulutustyyppi"] = options.koulutustyyppi
        data = get_json(http, f"{options.base_url}/search/toteutukset-koulutuksittain", params=params)
        if not isinstance(data, Mapping) or not isinstance(data.get("hits"), list):
            raise FetchError(f"search page {page}: response has no 'hits' list")
        for hit in data["hits"]:
            for toteutus in (hit.get("toteutukset") or []) if isinstance(hit, Mapping) else []:
                if isinstance(toteutus, Mapping):
                    yield {**toteutus, "koulutus": hit}
        total = data.get("total")
        total = total if isinstance(total, int) else 0
        if not data["hits"] or page * options.page_size >= total:
            return
        page += 1


def _text(value: Any, prefer: tuple[str, ...] = ("fi", "en", "sv")) -> str:
    if isinstance(value, str):
        return html_to_text(value)
    if isinstance(value, Mapping):
        for lang in prefer:
            if isinstance(value.get(lang), str) and value[lang].strip():
                return html_to_text(value[lang])
    return ""


def _code(koodi: Any) -> str:
    """``"oppilaitoksenopetuskieli_1#1"`` -> ``"1"``."""
    uri = koodi.get("koodiUri") if isinstance(koodi, Mapping) else None
    return str(uri).split("#", 1)[0].rsplit("_", 1)[-1] if uri else ""


def _date(value: Any, what: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise RowError(f"{what} {value!r} is not a date") from exc


def _teaching_languages(opetus: Mapping[str, Any]) -> list[str]:
    found: list[str] = []
    for koodi in opetus.get("opetuskieli") or []:
        langs = TEACHING_LANGUAGE_CODES.get(_code(koodi))
        if langs is None:
            name = _text(koodi.get("nimi") if isinstance(koodi, Mapping) else None, ("en", "fi")).lower()
            langs = (_LANGUAGE_NAMES[name],) if name in _LANGUAGE_NAMES else ()
        found += [lang for lang in langs if lang not in found]
    return found


def _mode(opetus: Mapping[str, Any]) -> str | None:
    modes = {MODE_CODES[c] for c in (_code(k) for k in opetus.get("opetustapa") or []) if c in MODE_CODES}
    if len(modes) == 2:
        return "hybrid"
    return modes.pop() if modes else None


def _extent(koulutus: Mapping[str, Any]) -> tuple[float | None, str | None]:
    meta = as_mapping(koulutus.get("metadata"))
    number = meta.get("opintojenLaajuusNumero")
    unit_name = _text(meta.get("opintojenLaajuusyksikko", {}).get("nimi")
                      if isinstance(meta.get("opintojenLaajuusyksikko"), Mapping) else None).lower()
    if not isinstance(number, int | float) or isinstance(number, bool):
        return None, None
    for stem, unit in (("opintopiste", "credits"), ("osaamispiste", "competence_points"), ("tunti", "hours")):
        if stem in unit_name:
            return float(number), unit
    return float(number), None


def _application_end(detail: Mapping[str, Any], meta: Mapping[str, Any]) -> date | None:
    ends: list[date] = []
    for hakukohde in detail.get("hakukohteet") or []:
        for hakuaika in (hakukohde.get("hakuajat") or []) if isinstance(hakukohde, Mapping) else []:
            if isinstance(hakuaika, Mapping) and (end := _date(hakuaika.get("paattyy"), "hakuaika.paattyy")):
                ends.append(end)
    if isinstance(meta.get("hakuaika"), Mapping):
        if end := _date(meta["hakuaika"].get("paattyy"), "hakuaika.paattyy"):
            ends.append(end)
    return max(ends) if ends else None


def course_values(
    detail: Any, hit: Mapping[str, Any] | None = None
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Course column values from one ``toteutus/{oid}`` response.

    ``hit`` is the search hit it came from (its ``kunnat`` and
    ``oppilaitosNimi`` fill gaps). Returns ``(values, title fallbacks,
    notes)``.

    Raises:
        RowError: the oid, name, type, place or fee is missing or invalid, or
            the course is not in the digital industries.
    """
    if not isinstance(detail, Mapping):
        raise RowError("toteutus is not a JSON object")
    oid = detail.get("oid")
    if not isinstance(oid, str) or not _OID_RE.match(oid):
        raise RowError(f"oid {oid!r} is not a toteutus oid (1.2.246.562.17.n)")
    hit = hit or {}
    titles, fallbacks = localized_titles(detail.get("nimi"), "nimi")
    meta = as_mapping(detail.get("metadata"))
    koulutus = as_mapping(detail.get("koulutus"))
    opetus = as_mapping(meta.get("opetus"))
    kind = str(koulutus.get("koulutustyyppi") or meta.get("tyyppi") or "")
    if kind not in PROVIDER_TYPES:
        raise RowError(f"koulutustyyppi {kind!r} is not a known course type")
    provider_type = "labour_market_training" if meta.get("isTyovoimakoulutus") else PROVIDER_TYPES[kind]
    tarjoajat = [t for t in detail.get("tarjoajat") or [] if isinstance(t, Mapping)]
    provider = _text(tarjoajat[0].get("nimi")) if tarjoajat else _text(hit.get("oppilaitosNimi"))
    if not provider:
        raise RowError("no provider (tarjoajat[].nimi)")
    notes: list[str] = []
    places = [t.get("paikkakunta") for t in tarjoajat] + list(hit.get("kunnat") or [])
    municipality, place_note = None, None
    for place in (p for p in places if isinstance(p, Mapping) and p.get("koodiUri")):
        name, note = municipality_from_code(place["koodiUri"], _text(place.get("nimi")))
        if municipality is None or (note is None and place_note is not None):
            municipality, place_note = name, note
        if note is None:
            break
    if municipality is not None and place_note:
        notes.append(place_note)
    mode = _mode(opetus) or ("on_site" if municipality else None)
    if mode is None:
        raise RowError("neither a teaching mode (opetustapa) nor a municipality")
    if municipality is None and mode != "online":
        raise RowError("a course taught on site has no municipality")
    paid = bool(opetus.get("onkoMaksullinen"))
    fee = opetus.get("maksunMaara")
    if paid and (not isinstance(fee, int | float) or isinstance(fee, bool) or fee < 0):
        raise RowError("a paid course has no fee amount (maksunMaara)")
    alkamiskausi = opetus.get("koulutuksenAlkamiskausiUUSI") or {}
    start = _date(alkamiskausi.get("koulutuksenAlkamispaivamaara"), "koulutuksenAlkamispaivamaara")
    end = _date(alkamiskausi.get("koulutuksenPaattymispaivamaara"), "koulutuksenPaattymispaivamaara")
    if start and end and end < start:
        raise RowError("the course ends before it starts")
    extent, unit = _extent(koulutus)
    keywords = [w for w in meta.get("asiasanat") or [] if isinstance(w, Mapping) and w.get("arvo")]
    titles_of_jobs = [
        w for w in meta.get("ammattinimikkeet") or [] if isinstance(w, Mapping) and w.get("arvo")
    ]
    field_key = classify_field([*titles.values(), _text(koulutus.get("nimi")),
                                *(html_to_text(str(w["arvo"])) for w in keywords + titles_of_jobs)])
    if field_key is None:
        raise RowError("not a digital-industries course (no field keyword in name or keywords)")
    skills = list(dict.fromkeys(html_to_text(str(w["arvo"])) for w in keywords if w.get("kieli") == "en"))
    skills = skills or list(dict.fromkeys(html_to_text(str(w["arvo"])) for w in keywords))
    values = {
        "source": SOURCE, "source_id": oid, "titles": titles, "provider": provider[:200],
        "provider_type": provider_type, "municipality": municipality, "mode": mode,
        "teaching_languages": _teaching_languages(opetus), "start_date": start, "end_date": end,
        "extent": extent, "extent_unit": unit, "cost_eur": float(fee or 0) if paid else 0.0,
        "free_for_jobseekers": (not paid) or bool(meta.get("isTyovoimakoulutus")),
        "education_required": "secondary" if kind in DEGREE_TYPES else None,
        "application_end": _application_end(detail, meta),
        "url": f"https://opintopolku.fi/konfo/fi/toteutus/{oid}", "field": field_key, "skills": skills[:20],
    }
    return values, fallbacks, notes


def wanted(values: dict[str, Any], detail: Mapping[str, Any], options: StudyinfoOptions) -> str | None:
    """Why a valid course is left out by the jobseeker filters, or None to keep it."""
    meta = as_mapping(detail.get("metadata"))
    if options.labour_market_training and not meta.get("isTyovoimakoulutus"):
        return "filtered out: not labour-market training"
    if options.continuing_education and not (meta.get("isTaydennyskoulutus")
                                             or values["provider_type"] == "open_university"):
        return "filtered out: not continuing education"
    if options.open_application and values["application_end"] and values["application_end"] < options.today:
        return "filtered out: application period has ended"
    return None


def import_studyinfo(
    db: Session, http: requests.Session, options: StudyinfoOptions, progress: Progress | None = None
) -> ImportReport:
    """Search, fetch each implementation's details, upsert into ``courses``; flushes only.

    A failing search page stops the search for that keyword (``report.fatal``);
    a failing detail request skips that one course. Rows already collected
    are written either way.
    """
    report = ImportReport()
    upserter = Upserter(db, Course, report)
    details: dict[str, Any] = {}
    for keyword in options.keywords:
        try:
            for hit in search_hits(http, keyword, options):
                oid = str(hit.get("toteutusOid") or "")
                label = f"{SOURCE}:{oid or '(no oid)'}"
                if progress is not None:
                    progress.total = (progress.total or 0) + 1
                    progress.update(1)
                if not _OID_RE.match(oid):
                    upserter.skip(label, f"search hit has no valid toteutusOid ({oid!r})")
                    continue
                if oid not in details:
                    try:
                        details[oid] = get_json(http, f"{options.base_url}/toteutus/{oid}",
                                                params={"koulutus": "true", "hakukohteet": "true"})
                    except FetchError as exc:
                        details[oid] = exc
                if isinstance(details[oid], FetchError):
                    upserter.skip(label, f"details not fetched: {details[oid]}")
                    continue
                try:
                    values, fallbacks, notes = course_values(details[oid], hit)
                except RowError as exc:
                    upserter.skip(label, str(exc))
                    continue
                reason = wanted(values, details[oid], options)
                if reason:
                    upserter.skip(label, reason)
                    continue
                upserter.add(values, modified=str(details[oid].get("modified") or ""),
                             notes=notes, fallbacks=fallbacks)
        except FetchError as exc:
            report.fatal = f"search for {keyword!r} stopped: {exc}"
    upserter.write()
    report.skipped = list(dict.fromkeys(report.skipped))
    return report


def fixture_path(request: requests.PreparedRequest) -> str | None:
    """File name answering ``request`` in a fixture directory (for ``--fixtures``).

    ``search/toteutukset-koulutuksittain?page=N`` -> ``search_page_N.json``
    (every keyword gets the same pages); ``toteutus/<oid>`` ->
    ``toteutus_<oid>.json``.
    """
    url = urlsplit(request.url or "")
    if url.path.endswith("/search/toteutukset-koulutuksittain"):
        return f"search_page_{parse_qs(url.query).get('page', ['1'])[0]}.json"
    match = re.search(r"/toteutus/([0-9.]+)$", url.path)
    return f"toteutus_{match.group(1)}.json" if match else None
