"""ESCO tables: ``esco_occupations``, ``esco_skills``, ``esco_occupation_skills``.

Source formats: the ESCO CSV package (``occupations_<lang>.csv``,
``skills_<lang>.csv``, ``occupationSkillRelations_en.csv``; one file per
language, labels in ``preferredLabel`` and newline-separated ``altLabels``)
and the ESCO REST API (``/resource/occupation``, ``/resource/skill`` with
``preferredLabel{lang}`` and ``alternativeLabel{lang: [..]}``).

Labels are kept per language: ``preferred_<lang>`` is the preferred label
(``None`` when the source has none in that language; no fallback is stored
here, callers pick one) and ``alt_<lang>`` a JSON list of alternative labels.
Concepts are keyed by their ESCO URI
(``http://data.europa.eu/esco/occupation/<uuid>``).
"""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db import Base
from bot.locale import registry

#: Languages whose labels are stored.
ESCO_LANGUAGES: tuple[str, ...] = registry.codes("esco_labels")
#: ``relationType`` values of occupation-skill relations.
RELATION_TYPES: tuple[str, ...] = ("essential", "optional")


class _Labelled:
    """Preferred and alternative labels in fi, sv and en."""

    preferred_fi: Mapped[str | None] = mapped_column(Text)
    preferred_sv: Mapped[str | None] = mapped_column(Text)
    preferred_en: Mapped[str | None] = mapped_column(Text)
    alt_fi: Mapped[list[str]] = mapped_column(JSON, default=list)
    alt_sv: Mapped[list[str]] = mapped_column(JSON, default=list)
    alt_en: Mapped[list[str]] = mapped_column(JSON, default=list)

    def label(self, language: str) -> str:
        """Preferred label in ``language``, else English, else any language, else ''."""
        for lang in (language, "en", *ESCO_LANGUAGES):
            value = getattr(self, f"preferred_{lang}", None)
            if value:
                return str(value)
        return ""

    def all_labels(self, language: str) -> list[str]:
        """Preferred label then alternative labels in ``language`` (may be empty)."""
        preferred = getattr(self, f"preferred_{language}")
        return ([preferred] if preferred else []) + list(getattr(self, f"alt_{language}") or [])


class EscoOccupation(_Labelled, Base):
    """One ESCO occupation; ``isco_group`` is its ISCO-08 unit group (4 digits)."""

    __tablename__ = "esco_occupations"

    uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    isco_group: Mapped[str | None] = mapped_column(String(4), index=True)
    status: Mapped[str | None] = mapped_column(String(20))
    modified: Mapped[str | None] = mapped_column(String(40))


class EscoSkill(_Labelled, Base):
    """One ESCO skill or knowledge concept.

    ``skill_type`` is ``"skill/competence"`` or ``"knowledge"``; ``reuse_level``
    is ``transversal``, ``cross-sector``, ``sector-specific`` or
    ``occupation-specific`` (ESCO's own values).
    """

    __tablename__ = "esco_skills"

    uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    skill_type: Mapped[str | None] = mapped_column(String(40))
    reuse_level: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str | None] = mapped_column(String(20))
    modified: Mapped[str | None] = mapped_column(String(40))


class EscoOccupationSkill(Base):
    """An occupation needs a skill: ``relation_type`` is ``essential`` or ``optional``."""

    __tablename__ = "esco_occupation_skills"
    __table_args__ = (Index("ix_esco_occupation_skills_skill", "skill_uri"),)

    occupation_uri: Mapped[str] = mapped_column(
        String(200), ForeignKey("esco_occupations.uri", ondelete="CASCADE"), primary_key=True
    )
    skill_uri: Mapped[str] = mapped_column(
        String(200), ForeignKey("esco_skills.uri", ondelete="CASCADE"), primary_key=True
    )
    relation_type: Mapped[str] = mapped_column(String(20))
