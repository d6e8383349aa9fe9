"""Catalogue tables: course implementations (``courses``) and job postings (``jobs``).

The columns follow the public sources the importers read: a course row is
one implementation (Opintopolku "toteutus", names under ``nimi.fi/sv/en``),
a job row is one posting of Job Market Finland (``position.title{fi,sv,en}``,
ESCO occupation and skills, publish and expiry dates). Skills are stored as
a JSON list of ESCO-style English labels. ``(source, source_id)`` is unique
in each table, so a re-import updates rows instead of duplicating them.

Titles live in one translations table per kind (``course_titles``,
``job_titles``: one row per item and language, the language a registry code
of up to 16 characters), not in a column per language; ``Course.titles`` is
the ``{language: title}`` mapping and ``Course.title(language)`` follows the
locale's fallback chain (bot/locale). Titles load when first read; a query
that reads them for many rows adds ``selectinload(Course.translations)``
(one more query for all rows, :func:`with_titles`), so the plain search
queries read the catalogue table alone.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import (
    Mapped,
    attribute_keyed_dict,
    mapped_column,
    query_expression,
    relationship,
    selectinload,
    with_expression,
)

from bot.catalogue.translations import Titled
from bot.contract.cities import city_contract
from bot.contract.values import value_contract
from bot.db import Base
from bot.locale.registry import MAX_TAG_LENGTH

#: Municipalities the product serves (``bot/contract/cities/*.yml``, in the files' order);
#: ``None`` means online only / fully remote.
MUNICIPALITIES: Final[tuple[str, ...]] = tuple(city.value for city in city_contract().cities)
#: Job families (digital industries) used for ``field`` everywhere (``bot/contract/values.yml``).
FIELDS: Final[tuple[str, ...]] = value_contract().fields
#: How a course is taught.
MODES: tuple[str, ...] = ("online", "on_site", "hybrid")
#: Whether a job can be done remotely: not at all, partly, or fully.
JOB_REMOTE_OPTIONS: tuple[str, ...] = ("no", "hybrid", "full")
#: Education levels the catalogue stores, lowest first; the order is used for eligibility
#: checks (``education_levels.catalogue`` of ``bot/contract/values.yml``).
EDUCATION_LEVELS: Final[tuple[str, ...]] = value_contract().catalogue_education_levels
#: Kinds of course provider; ``uas`` and ``university`` are higher education.
PROVIDER_TYPES: tuple[str, ...] = (
    "uas",
    "university",
    "open_university",
    "vocational",
    "adult_education",
    "labour_market_training",
)
#: Units of a course's extent: ECTS credits, competence points (osaamispiste) or hours.
EXTENT_UNITS: tuple[str, ...] = ("credits", "competence_points", "hours")
#: Job seniority.
SENIORITIES: tuple[str, ...] = ("entry", "experienced")


class CourseTitle(Base):
    """The title of one course in one language (``language`` is a registry code)."""

    __tablename__ = "course_titles"

    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(MAX_TAG_LENGTH), primary_key=True)
    title: Mapped[str] = mapped_column(Text)


class JobTitle(Base):
    """The title of one job posting in one language (``language`` is a registry code)."""

    __tablename__ = "job_titles"

    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(MAX_TAG_LENGTH), primary_key=True)
    title: Mapped[str] = mapped_column(Text)


class Course(Titled, Base):
    """One course or training implementation.

    Dates are calendar dates (no time zone). ``cost_eur`` is the fee in euros
    (0 when free for everyone). ``education_required`` is the lowest
    education level (one of EDUCATION_LEVELS) or ``None`` for open to all.
    ``application_end`` is the last day to apply; a course whose
    application period has closed is never suggested.
    """

    __tablename__ = "courses"
    __table_args__ = (
        UniqueConstraint("source", "source_id", name="uq_courses_source"),
        Index("ix_courses_field_application_end", "field", "application_end"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(200))
    provider_type: Mapped[str] = mapped_column(String(40))
    municipality: Mapped[str | None] = mapped_column(String(40), index=True)
    mode: Mapped[str] = mapped_column(String(20))
    teaching_languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    extent: Mapped[float | None] = mapped_column(Float)
    extent_unit: Mapped[str | None] = mapped_column(String(20))
    cost_eur: Mapped[float] = mapped_column(Float, default=0.0)
    free_for_jobseekers: Mapped[bool] = mapped_column(Boolean, default=False)
    education_required: Mapped[str | None] = mapped_column(String(20))
    application_end: Mapped[date | None] = mapped_column(Date, index=True)
    url: Mapped[str] = mapped_column(String(500))
    field: Mapped[str] = mapped_column(String(40), index=True)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Title languages filled from another language at import (``"sv<-fi"``); [] when all were given.
    translation_fallbacks: Mapped[list[str]] = mapped_column(JSON, default=list)

    #: Titles by language; read and write them as :attr:`titles`.
    translations: Mapped[dict[str, CourseTitle]] = relationship(
        collection_class=attribute_keyed_dict("language"), cascade="all, delete-orphan", passive_deletes=True,
    )
    _title_row = CourseTitle
    _title_key = "course_id"
    #: ``{language: title}`` read in the row's own query (:func:`titles_inline`), else None.
    inline_titles: Mapped[dict[str, str] | None] = query_expression()

    @property
    def suggestion_id(self) -> str:
        """The id used in conversation slots: ``"course:<id>"``."""
        return f"course:{self.id}"


class Job(Titled, Base):
    """One open job posting.

    ``remote`` is one of JOB_REMOTE_OPTIONS; ``municipality`` is ``None`` for
    fully remote jobs. ``published`` and ``expires`` are calendar dates; an
    expired posting is never suggested. ``isco_code`` is the ISCO-08 unit
    group (4 digits) of ``occupation`` (an ESCO occupation label).
    """

    __tablename__ = "jobs"
    __table_args__ = (
        UniqueConstraint("source", "source_id", name="uq_jobs_source"),
        Index("ix_jobs_field_expires", "field", "expires"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[str] = mapped_column(String(200))
    employer: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str | None] = mapped_column(String(40), index=True)
    remote: Mapped[str] = mapped_column(String(20), default="no")
    working_languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    seniority: Mapped[str] = mapped_column(String(20), default="entry")
    education_required: Mapped[str | None] = mapped_column(String(20))
    occupation: Mapped[str] = mapped_column(String(200))
    isco_code: Mapped[str] = mapped_column(String(4))
    start_date: Mapped[date | None] = mapped_column(Date)
    published: Mapped[date] = mapped_column(Date)
    expires: Mapped[date] = mapped_column(Date, index=True)
    url: Mapped[str] = mapped_column(String(500))
    field: Mapped[str] = mapped_column(String(40), index=True)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Title languages filled from another language at import (``"sv<-fi"``); [] when all were given.
    translation_fallbacks: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: ESCO occupation concept URI of the posting, when the source gave one.
    esco_occupation_uri: Mapped[str | None] = mapped_column(String(200))
    #: ESCO skill concept URIs of the posting (``skills`` holds their English labels).
    esco_skill_uris: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Titles by language; read and write them as :attr:`titles`.
    translations: Mapped[dict[str, JobTitle]] = relationship(
        collection_class=attribute_keyed_dict("language"), cascade="all, delete-orphan", passive_deletes=True,
    )
    _title_row = JobTitle
    _title_key = "job_id"
    #: ``{language: title}`` read in the row's own query (:func:`titles_inline`), else None.
    inline_titles: Mapped[dict[str, str] | None] = query_expression()

    @property
    def suggestion_id(self) -> str:
        """The id used in conversation slots: ``"job:<id>"``."""
        return f"job:{self.id}"

    @property
    def provider(self) -> str:
        """The employer, under the name courses use (for similarity checks)."""
        return self.employer


def with_titles(model: type[Course] | type[Job]) -> Any:
    """The loader option that reads the titles of every selected row in one more query.

    Usage: ``select(Course).options(with_titles(Course))``.
    """
    return selectinload(model.translations)


def titles_inline(model: type[Course] | type[Job], dialect: str) -> Any:
    """The loader option that reads every row's titles as one JSON object in the same query.

    For read-only paths that load a few rows and read their titles (ranking):
    no second query and no title objects. ``dialect`` is the engine's
    dialect name (``session.get_bind().dialect.name``). Usage:
    ``select(Course).options(titles_inline(Course, "sqlite"))``.
    """
    rows = model._title_row
    pairs = (rows.language, rows.title)
    aggregate = func.json_object_agg(*pairs) if dialect == "postgresql" else func.json_group_object(*pairs)
    titles = select(aggregate).where(getattr(rows, model._title_key) == model.id).scalar_subquery()
    return with_expression(model.inline_titles, type_coerce(titles, JSON))
