"""ESCO occupations and skills from the database as matcher terms.

Source: the ESCO tables (:mod:`bot.esco.models`), filled by
``python -m bot.catalogue.importers esco`` from the ESCO v1.1 CSV package
(``occupations_<lang>.csv``, ``skills_<lang>.csv``) or the ESCO REST API
(``/resource/occupation``, ``/resource/skill``).

Each concept becomes one :class:`bot.matching.matcher.Term`:

- ``label``: the English preferred label (else Finnish, else Swedish:
  ``_Labelled.label("en")``), e.g. ``"Python (computer programming)"``;
- ``names``: per language the preferred label, then the alternative labels,
  e.g. ``{"fi": ("ohjelmistokehittäjä", "ohjelmoija", ...), ...}``; names
  shorter than ``MIN_NAME_CHARS`` are left out (they match too much);
- ``kind``: ``"occupation"`` or ``"skill"``;
- ``field``: for an occupation the conversation field of its ISCO-08 unit
  group (:func:`bot.catalogue.isco.field_for_isco`, the same table the Job
  Market importer uses), None when the group is not mapped; None for skills.

A concept with no label in any language (or a status other than
``released``) is skipped. At most ``MAX_ESCO_LABELS`` names are loaded: ESCO
v1.1 has about 3,000 occupations and 13,900 skills with well over 100,000
labels in fi, sv and en; with the cap the three languages' matchers took
about 15 s longer to build than the shipped vocabulary's alone (7 s, mostly
simplemma's dictionaries) and under 200 MB more (measured on 17,000 synthetic
concepts). Occupations come first, those in a mapped ISCO group before the
others, then skills needed by those occupations, then the other skills, each
group in URI order so the selection repeats.

``fingerprint()`` is a cheap summary of both tables (row counts, latest
``modified``, total label length) that changes when an import adds, removes
or relabels concepts; the matcher reloads its terms when it changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import Text, case, cast, func, select
from sqlalchemy.orm import Session

from bot.catalogue.isco import ISCO_FIELDS, field_for_isco
from bot.esco.models import (
    ESCO_LANGUAGES,
    EscoOccupation,
    EscoOccupationLabel,
    EscoOccupationSkill,
    EscoSkill,
    EscoSkillLabel,
)

if TYPE_CHECKING:
    from bot.matching.matcher import Term

#: Most ESCO names (all languages together) turned into matcher patterns.
MAX_ESCO_LABELS = 40_000
#: Shortest ESCO name that is matched; shorter ones ("IT", "R") match too much.
MIN_NAME_CHARS = 3

def _names(concept: EscoOccupation | EscoSkill) -> dict[str, tuple[str, ...]]:
    names: dict[str, tuple[str, ...]] = {}
    for lang in ESCO_LANGUAGES:
        labels = (str(name).strip() for name in concept.all_labels(lang))
        names[lang] = tuple(dict.fromkeys(name for name in labels if len(name) >= MIN_NAME_CHARS))
    return names


def _terms(
    concepts: Iterable[EscoOccupation | EscoSkill], kind: str, budget: int
) -> tuple[list[Term], int]:
    from bot.matching.matcher import Term

    terms: list[Term] = []
    for concept in concepts:
        if concept.status not in (None, "released"):
            continue
        label = concept.label("en")
        names = _names(concept)
        size = sum(len(values) for values in names.values())
        if not label or not size:
            continue
        if size > budget:
            break
        budget -= size
        isco = concept.isco_group if isinstance(concept, EscoOccupation) else None
        terms.append(Term(label=label, kind=kind, field=field_for_isco(isco), names=names))
    return terms, budget


def esco_terms(session: Session, max_labels: int = MAX_ESCO_LABELS) -> tuple[Term, ...]:
    """Occupations then skills from the ESCO tables as matcher terms (see the module docstring).

    Raises:
        sqlalchemy.exc.SQLAlchemyError: when the tables cannot be read.
    """
    mapped = EscoOccupation.isco_group.in_(list(ISCO_FIELDS))
    occupations = session.scalars(
        select(EscoOccupation).order_by(case((mapped, 0), else_=1), EscoOccupation.uri)
    )
    terms, budget = _terms(occupations, "occupation", max_labels)
    needed = (
        select(EscoOccupationSkill.skill_uri)
        .join(EscoOccupation, EscoOccupation.uri == EscoOccupationSkill.occupation_uri)
        .where(mapped)
    )
    skills = session.scalars(
        select(EscoSkill).order_by(case((EscoSkill.uri.in_(needed), 0), else_=1), EscoSkill.uri)
    )
    skill_terms, _ = _terms(skills, "skill", budget)
    return tuple(terms + skill_terms)


def fingerprint(session: Session) -> tuple[object, ...]:
    """Row counts, latest ``modified`` and total label length of both ESCO tables.

    ``(0, None, None, 0, None, None)`` when both are empty.

    Raises:
        sqlalchemy.exc.SQLAlchemyError: when the tables cannot be read.
    """
    summary: list[object] = []
    pairs = ((EscoOccupation, EscoOccupationLabel), (EscoSkill, EscoSkillLabel))
    for model, labels in pairs:
        count, modified = session.execute(select(func.count(), func.max(model.modified))).one()
        alt_length = func.coalesce(func.length(cast(labels.alt, Text)), 0)
        length = func.coalesce(func.length(labels.preferred), 0) + alt_length
        total = session.execute(select(func.sum(length))).scalar_one() if count else None
        summary.extend((count, modified, total))
    return tuple(summary)
