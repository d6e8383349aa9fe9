"""Load catalogue rows from YAML files into the ``courses`` and ``jobs`` tables.

File format (``bot/catalogue/sample/courses.yml`` and ``jobs.yml``): a
mapping with one key, ``courses`` or ``jobs``, holding a list of rows. Each
row has the columns of :class:`bot.catalogue.models.Course` or
:class:`~bot.catalogue.models.Job`, except that the three titles are nested
as ``title: {fi, sv, en}``. Dates are ISO dates (``2027-01-11``).

Relative dates: a file may also have ``reference_date: 2026-11-29``, the day
its dates were written for. Every date of its rows is then moved by (the day
of loading - ``reference_date``) days, so the file never ages: loaded on
2027-06-01, a course written to start 2027-01-11 starts 2027-08-14. The
shipped sample does this. The report (and the log) says by how many days the
dates moved; loading again on the same day changes nothing, on a later day
it updates the dates.

Each row is validated on its own: a broken row is skipped and reported with
its reason, never aborting the load. Rows are matched on
``(source, source_id)``: a new row is added, a changed row is updated, an
identical row is left alone, so loading the same file twice changes nothing.
HTML in titles is reduced to its text (tags dropped, entities decoded).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import clock
from bot.catalogue.models import (
    EDUCATION_LEVELS,
    EXTENT_UNITS,
    FIELDS,
    JOB_REMOTE_OPTIONS,
    MODES,
    MUNICIPALITIES,
    PROVIDER_TYPES,
    SENIORITIES,
    Course,
    Job,
)
from bot.locale import registry

SAMPLE_DIR = Path(__file__).parent / "sample"
_URL_RE = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/\S*)?$")
_LANGS = registry.codes()
DATE_COLUMNS = ("start_date", "end_date", "application_end", "published", "expires")
logger = logging.getLogger(__name__)


class RowError(ValueError):
    """A catalogue row that cannot be stored; the message says why."""


@dataclass
class LoadReport:
    """What a load did, per table row key ``"<source>:<source_id>"``.

    ``skipped`` holds ``(row label, reason)`` pairs; the label is the key
    when the row has one, else ``"row <n>"`` (1-based position in the file).
    """

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)

    def merge(self, other: LoadReport) -> None:
        """Add ``other``'s entries to this report."""
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.skipped += other.skipped
        self.dates += other.dates

    def lines(self) -> list[str]:
        """Report lines: counts, one per skipped row, one per file with relative dates."""
        out = [
            f"added: {len(self.added)}",
            f"updated: {len(self.updated)}",
            f"unchanged: {len(self.unchanged)}",
            f"skipped: {len(self.skipped)}",
        ]
        out += [f"  skipped {label}: {reason}" for label, reason in self.skipped]
        out += [f"dates: {note}" for note in self.dates]
        return out


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(value: str) -> str:
    """Plain text of ``value``: HTML tags dropped, entities decoded, spaces collapsed."""
    parser = _TextExtractor()
    parser.feed(value)
    parser.close()
    text = html.unescape("".join(parser.parts))
    return re.sub(r"\s+", " ", text).strip()


def _text(row: dict[str, Any], key: str, max_len: int = 200, required: bool = True) -> str | None:
    value = row.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RowError(f"{key} is missing")
        return None
    if not isinstance(value, str | int):
        raise RowError(f"{key} must be text")
    text = html_to_text(str(value))
    if len(text) > max_len:
        raise RowError(f"{key} is longer than {max_len} characters")
    return text


def _choice(row: dict[str, Any], key: str, allowed: Iterable[str], required: bool = True) -> str | None:
    value = row.get(key)
    if value is None:
        if required:
            raise RowError(f"{key} is missing")
        return None
    if value not in tuple(allowed):
        raise RowError(f"{key} {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _date(row: dict[str, Any], key: str, required: bool = True) -> date | None:
    value = row.get(key)
    if value is None:
        if required:
            raise RowError(f"{key} is missing")
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise RowError(f"{key} {value!r} is not an ISO date") from exc


def _number(row: dict[str, Any], key: str, required: bool = True) -> float | None:
    value = row.get(key)
    if value is None:
        if required:
            raise RowError(f"{key} is missing")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise RowError(f"{key} must be a number of 0 or more")
    return float(value)


def _bool(row: dict[str, Any], key: str) -> bool:
    value = row.get(key, False)
    if not isinstance(value, bool):
        raise RowError(f"{key} must be true or false")
    return value


def _labels(row: dict[str, Any], key: str, allowed: Iterable[str] | None = None) -> list[str]:
    value = row.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RowError(f"{key} must be a list of labels")
    labels = [html_to_text(v) for v in value]
    if allowed is not None and any(v not in tuple(allowed) for v in labels):
        raise RowError(f"{key} {labels!r} may hold only {', '.join(allowed)}")
    return labels


def _common(row: dict[str, Any]) -> dict[str, Any]:
    titles = row.get("title")
    if not isinstance(titles, dict):
        raise RowError("title must be a mapping with fi, sv and en")
    values: dict[str, Any] = {"titles": {lang: _text(titles, lang, max_len=300) for lang in _LANGS}}
    url = _text(row, "url", max_len=500)
    if not url or not _URL_RE.match(url):
        raise RowError(f"url {url!r} is not an https address")
    values.update(
        source=_text(row, "source", max_len=40),
        source_id=_text(row, "source_id", max_len=200),
        municipality=_choice(row, "municipality", MUNICIPALITIES, required=False),
        education_required=_choice(row, "education_required", EDUCATION_LEVELS, required=False),
        url=url,
        field=_choice(row, "field", FIELDS),
        skills=_labels(row, "skills"),
    )
    return values


def validate_course(row: Any) -> dict[str, Any]:
    """Column values of a Course from one YAML row.

    Raises:
        RowError: the row is not a mapping or a value is missing or invalid.
    """
    if not isinstance(row, dict):
        raise RowError("row is not a mapping")
    values = _common(row)
    values.update(
        provider=_text(row, "provider"),
        provider_type=_choice(row, "provider_type", PROVIDER_TYPES),
        mode=_choice(row, "mode", MODES),
        teaching_languages=_labels(row, "teaching_languages", _LANGS),
        start_date=_date(row, "start_date", required=False),
        end_date=_date(row, "end_date", required=False),
        extent=_number(row, "extent", required=False),
        extent_unit=_choice(row, "extent_unit", EXTENT_UNITS, required=False),
        cost_eur=_number(row, "cost_eur"),
        free_for_jobseekers=_bool(row, "free_for_jobseekers"),
        application_end=_date(row, "application_end", required=False),
    )
    if values["municipality"] is None and values["mode"] != "online":
        raise RowError("a course without a municipality must be online")
    if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
        raise RowError("end_date is before start_date")
    return values


def validate_job(row: Any) -> dict[str, Any]:
    """Column values of a Job from one YAML row.

    Raises:
        RowError: the row is not a mapping or a value is missing or invalid.
    """
    if not isinstance(row, dict):
        raise RowError("row is not a mapping")
    values = _common(row)
    isco = _text(row, "isco_code", max_len=4)
    if not isco or not re.fullmatch(r"\d{4}", isco):
        raise RowError("isco_code must be 4 digits")
    values.update(
        employer=_text(row, "employer"),
        remote=_choice(row, "remote", JOB_REMOTE_OPTIONS),
        working_languages=_labels(row, "working_languages", _LANGS),
        seniority=_choice(row, "seniority", SENIORITIES),
        occupation=_text(row, "occupation"),
        isco_code=isco,
        start_date=_date(row, "start_date", required=False),
        published=_date(row, "published"),
        expires=_date(row, "expires"),
    )
    if values["municipality"] is None and values["remote"] != "full":
        raise RowError("a job without a municipality must be fully remote")
    if values["expires"] < values["published"]:
        raise RowError("expires is before published")
    return values


def _read_rows(path: Path, key: str) -> tuple[list[Any], date | None]:
    """The rows under ``key`` and the file's ``reference_date`` (None when it has none)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise RowError(f"{path.name} must be a mapping with a list under {key!r}")
    reference = data.get("reference_date")
    if reference is not None and not isinstance(reference, date):
        raise RowError(f"{path.name}: reference_date {reference!r} is not an ISO date")
    return list(data[key]), reference


def shift_dates(values: dict[str, Any], shift: timedelta) -> dict[str, Any]:
    """``values`` with every date column (``DATE_COLUMNS``) moved by ``shift``; None stays None."""
    return {
        name: value + shift if name in DATE_COLUMNS and isinstance(value, date) else value
        for name, value in values.items()
    }


def load_rows(
    session: Session,
    model: type[Course] | type[Job],
    rows: list[Any],
    validate: Callable[[Any], dict[str, Any]],
    shift: timedelta = timedelta(0),
) -> LoadReport:
    """Upsert validated ``rows`` into ``model``'s table; flushes, does not commit.

    ``shift`` moves every date of every row (relative dates, module docstring).
    Returns the report; invalid and duplicate rows are in ``skipped``.
    """
    report = LoadReport()
    seen: set[tuple[str, str]] = set()
    for position, row in enumerate(rows, start=1):
        label = f"row {position}"
        try:
            values = shift_dates(validate(row), shift)
        except RowError as exc:
            if isinstance(row, dict) and row.get("source_id"):
                label = f"{row.get('source')}:{row.get('source_id')} (row {position})"
            report.skipped.append((label, str(exc)))
            continue
        key = (values["source"], values["source_id"])
        label = f"{key[0]}:{key[1]}"
        if key in seen:
            report.skipped.append((label, f"duplicate of an earlier row (row {position})"))
            continue
        seen.add(key)
        existing = session.scalars(
            select(model).where(model.source == key[0], model.source_id == key[1])
        ).one_or_none()
        if existing is None:
            session.add(model(**values))
            report.added.append(label)
        elif any(getattr(existing, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(existing, name, value)
            report.updated.append(label)
        else:
            report.unchanged.append(label)
    session.flush()
    return report


def load_files(
    session: Session, courses_path: Path | None, jobs_path: Path | None, today: date | None = None
) -> LoadReport:
    """Load a courses file and/or a jobs file; flushes, the caller commits.

    A file with a ``reference_date`` has its dates moved to ``today``
    (default :func:`bot.clock.today`); the report's ``dates`` and one log
    line say so. A file that cannot be read or has the wrong shape is
    reported as one skipped entry named after the file.
    """
    today = today or clock.today()
    report = LoadReport()
    for path, key, model, validate in (
        (courses_path, "courses", Course, validate_course),
        (jobs_path, "jobs", Job, validate_job),
    ):
        if path is None:
            continue
        try:
            rows, reference = _read_rows(path, key)
        except (OSError, yaml.YAMLError, RowError) as exc:
            report.skipped.append((path.name, f"file not loaded: {exc}"))
            continue
        shift = today - reference if reference else timedelta(0)
        report.merge(load_rows(session, model, rows, validate, shift))  # type: ignore[arg-type]
        if reference:
            note = (
                f"{path.name} is relative: written for {reference.isoformat()}, "
                f"moved {shift.days:+d} days to {today.isoformat()}"
            )
            report.dates.append(note)
            logger.info("catalogue dates: %s", note)
    return report


def load_sample(session: Session, today: date | None = None) -> LoadReport:
    """Load the shipped sample catalogue (``bot/catalogue/sample/``), its dates moved to ``today``."""
    return load_files(session, SAMPLE_DIR / "courses.yml", SAMPLE_DIR / "jobs.yml", today)
