"""ESCO tables: ``esco_occupations``, ``esco_skills``, ``esco_occupation_skills``.

Source formats: the ESCO CSV package (``occupations_<lang>.csv``,
``skills_<lang>.csv``, ``occupationSkillRelations_en.csv``; one file per
language, labels in ``preferredLabel`` and newline-separated ``altLabels``)
and the ESCO REST API (``/resource/occupation``, ``/resource/skill`` with
``preferredLabel{lang}`` and ``alternativeLabel{lang: [..]}``).

Labels are kept per language in one translations table per concept kind
(``esco_occupation_labels``, ``esco_skill_labels``: one row per concept and
language, the language a registry code of up to 16 characters): ``preferred``
is the preferred label (``None`` when the source has none in that language;
no fallback is stored here, callers pick one) and ``alt`` a JSON list of
alternative labels. ``concept.labels`` is ``{language: {"preferred": ...,
"alt": [...]}}``, readable and writable. Concepts are keyed by their ESCO URI
(``http://data.europa.eu/esco/occupation/<uuid>``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, attribute_keyed_dict, mapped_column, relationship

from bot.db import Base
from bot.locale import registry
from bot.locale.registry import MAX_TAG_LENGTH

#: Languages whose labels are stored.
ESCO_LANGUAGES: tuple[str, ...] = registry.codes("esco_labels")
#: ``relationType`` values of occupation-skill relations.
RELATION_TYPES: tuple[str, ...] = ("essential", "optional")


class EscoOccupationLabel(Base):
    """An occupation's preferred and alternative labels in one language."""

    __tablename__ = "esco_occupation_labels"

    uri: Mapped[str] = mapped_column(
        String(200), ForeignKey("esco_occupations.uri", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(MAX_TAG_LENGTH), primary_key=True)
    preferred: Mapped[str | None] = mapped_column(Text)
    alt: Mapped[list[str]] = mapped_column(JSON, default=list)


class EscoSkillLabel(Base):
    """A skill's preferred and alternative labels in one language."""

    __tablename__ = "esco_skill_labels"

    uri: Mapped[str] = mapped_column(
        String(200), ForeignKey("esco_skills.uri", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(MAX_TAG_LENGTH), primary_key=True)
    preferred: Mapped[str | None] = mapped_column(Text)
    alt: Mapped[list[str]] = mapped_column(JSON, default=list)


def empty_labels() -> dict[str, dict[str, Any]]:
    """``{lang: {"preferred": None, "alt": []}}`` for every ESCO language (importers fill it)."""
    return {lang: {"preferred": None, "alt": []} for lang in ESCO_LANGUAGES}


class _Labelled:
    """Preferred and alternative labels by language, over the ``translations`` rows."""

    translations: Any
    _label_row: Any

    @property
    def labels(self) -> dict[str, dict[str, Any]]:
        """``{language: {"preferred": str | None, "alt": [str, ...]}}`` as stored."""
        rows = self.translations.items()
        return {lang: {"preferred": row.preferred, "alt": list(row.alt or [])} for lang, row in rows}

    @labels.setter
    def labels(self, value: Mapping[str, Mapping[str, Any]]) -> None:
        """Store exactly ``value``: changed languages updated, missing ones deleted.

        Raises:
            ValueError: a language code is longer than MAX_TAG_LENGTH.
        """
        if any(not lang or len(lang) > MAX_TAG_LENGTH for lang in value):
            raise ValueError(f"label languages must be codes of 1-{MAX_TAG_LENGTH} letters: {sorted(value)}")
        for lang in [lang for lang in self.translations if lang not in value]:
            del self.translations[lang]
        for lang, entry in value.items():
            preferred, alt = entry.get("preferred"), list(entry.get("alt") or [])
            row = self.translations.get(lang)
            if row is None:
                self.translations[lang] = self._label_row(language=lang, preferred=preferred, alt=alt)
            else:
                if row.preferred != preferred:
                    row.preferred = preferred
                if list(row.alt or []) != alt:
                    row.alt = alt

    def preferred(self, language: str) -> str | None:
        """The preferred label in exactly ``language`` (None when there is none)."""
        row = self.translations.get(language)
        return row.preferred if row is not None and row.preferred else None

    def label(self, language: str) -> str:
        """Preferred label in ``language``, else English, else any language, else ''."""
        for lang in (language, "en", *ESCO_LANGUAGES):
            value = self.preferred(lang)
            if value:
                return str(value)
        return ""

    def all_labels(self, language: str) -> list[str]:
        """Preferred label then alternative labels in ``language`` (may be empty)."""
        row = self.translations.get(language)
        if row is None:
            return []
        return ([row.preferred] if row.preferred else []) + list(row.alt or [])


class EscoOccupation(_Labelled, Base):
    """One ESCO occupation; ``isco_group`` is its ISCO-08 unit group (4 digits)."""

    __tablename__ = "esco_occupations"

    uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    isco_group: Mapped[str | None] = mapped_column(String(4), index=True)
    status: Mapped[str | None] = mapped_column(String(20))
    modified: Mapped[str | None] = mapped_column(String(40))
    #: Labels by language; read and write them as :attr:`labels`.
    translations: Mapped[dict[str, EscoOccupationLabel]] = relationship(
        collection_class=attribute_keyed_dict("language"), cascade="all, delete-orphan",
        lazy="selectin", passive_deletes=True,
    )
    _label_row = EscoOccupationLabel


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
    #: Labels by language; read and write them as :attr:`labels`.
    translations: Mapped[dict[str, EscoSkillLabel]] = relationship(
        collection_class=attribute_keyed_dict("language"), cascade="all, delete-orphan",
        lazy="selectin", passive_deletes=True,
    )
    _label_row = EscoSkillLabel


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
