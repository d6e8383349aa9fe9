"""Match free text against the shipped vocabulary and the ESCO concepts in the database.

Terms come from two sources, both ESCO-style (a canonical English label, names
in Finnish, Swedish and English, a kind, a conversation field):

- the shipped vocabulary (``vocabulary.yml`` next to this module): about 40
  digital-industry skills and 25 occupations, always matched;
- the ESCO v1.1 occupations and skills in the database (CSV package or REST
  API import, :mod:`bot.matching.esco_terms`), once :func:`use_esco_database`
  has been called (the action server does at start, ``actions/warmup.py``).
  A concept whose kind and English label equal a shipped term's (also without
  a trailing "(computer programming)"-style qualifier) adds its names to that
  term. When the ESCO tables are empty or cannot be read (``SQLAlchemyError``)
  a warning is logged and the shipped vocabulary is matched alone (or the ESCO
  terms read before, if any); matching never raises for it.

Matching uses two spaCy ``PhraseMatcher`` s over a blank language pipeline
(``spacy.blank("fi" | "sv" | "en")``: no trained weights): one on ``NORM``
(the surface form, lower-cased and folded: ä → a, ö → o, å → a) with the
labels of the text's language and of English, which people mix in ("Python",
"Excel"); one on ``LEMMA`` with the labels of the text's language, where
lemmas come from simplemma for that language only, so that Finnish
inflection ("ohjelmointia", "ohjelmoinnin" → ohjelmointi;
"data-analyytikoksi" → data-analyytikko) matches. Hyphens split words in both the patterns and the
text. For Finnish, a word that *starts with* a one-word shipped term of six or
more letters also matches (compounds: "asiakaspalvelutyötä" → customer
service); ESCO names are not used as compound heads (thousands of them would
find too much).

The pipelines and matchers are built on first use per language and kept;
nothing is loaded at import time. The ESCO tables' fingerprint (counts, latest
``modified``, label length) is read again at most every ``RECHECK_SECONDS``,
and the terms and matchers are rebuilt when it changed (an import ran in
another process); :func:`reload` drops them at once.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import simplemma
import spacy
import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.locale import registry
from bot.locale.folding import MARKS
from bot.matching import esco_terms

logger = logging.getLogger(__name__)

VOCABULARY_PATH = Path(__file__).with_name("vocabulary.yml")
LANGUAGES = registry.codes()
MAX_TEXT_CHARS = 2000
"""Characters of a text that are matched; the rest is ignored."""
COMPOUND_MIN_CHARS = 6
RECHECK_SECONDS = 60.0
"""Seconds between two reads of the ESCO tables' fingerprint (imports run elsewhere)."""

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})
_SPLIT = re.compile(r"[-‐–/]+")
_NON_WORD = re.compile(rf"[^\w{MARKS}]")  # marks of other scripts are part of their letters
_QUALIFIER = re.compile(r"\s*\([^)]*\)$")


@dataclass(frozen=True)
class Term:
    """One vocabulary entry.

    Attributes:
        label: canonical English label (ESCO-style preferred label).
        kind: ``"skill"`` or ``"occupation"``.
        field: conversation field value (``software``, ``data``, ...) or None.
        names: alternative labels per language code.
    """

    label: str
    kind: str
    field: str | None
    names: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class MatchResult:
    """Terms found in a text, each list in order of first appearance, no repeats.

    Attributes:
        skills: canonical English skill labels, e.g. ``["programming", "Python"]``.
        occupations: canonical English occupation labels, e.g. ``["data analyst"]``.
        fields: conversation field values of the matched terms, e.g. ``["data"]``.
    """

    skills: list[str] = field(default_factory=list)
    occupations: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[Term, ...]:
    """All vocabulary terms (skills first, then occupations), read once from YAML."""
    data = yaml.safe_load(VOCABULARY_PATH.read_text(encoding="utf-8"))
    terms: list[Term] = []
    for kind, key in (("skill", "skills"), ("occupation", "occupations")):
        for entry in data[key]:
            names = {lang: tuple(str(name) for name in entry.get(lang) or ()) for lang in LANGUAGES}
            terms.append(Term(label=entry["label"], kind=kind, field=entry.get("field"), names=names))
    return tuple(terms)


def _fold(text: str) -> str:
    return text.lower().translate(_FOLD)


@lru_cache(maxsize=8192)
def _lemma(word: str, lang: str) -> str:
    lemma = _NON_WORD.sub("", _fold(simplemma.lemmatize(word.lower(), lang=lang)))
    return lemma or _fold(word)


def _doc(nlp: Language, text: str, lang: str, lemmas: bool = True) -> Doc:
    """``text`` tokenised with folded norms and (unless ``lemmas`` is False) lemmas."""
    doc = nlp.make_doc(_SPLIT.sub(" ", text[:MAX_TEXT_CHARS]))
    for token in doc:
        token.norm_ = _fold(token.text)
        if lemmas:
            token.lemma_ = _lemma(token.text, lang)
    return doc


@dataclass
class _LangMatcher:
    nlp: Language
    surface: PhraseMatcher
    lemma: PhraseMatcher
    terms: dict[str, Term]
    compound_heads: dict[str, Term]


def _lemma_safe(pattern: Doc) -> bool:
    """False when a word of three letters or fewer has a lemma other than itself.

    Such patterns would match unrelated words: simplemma gives English "ai"
    the lemma "be", so "I was ..." matched "AI". Short names still match
    in their written form (the NORM matcher).
    """
    return all(len(token.text) > 3 or token.lemma_ == token.norm_ for token in pattern)


def _build(lang: str, all_terms: tuple[Term, ...]) -> _LangMatcher:
    """The blank pipeline and PhraseMatchers of ``lang`` over ``all_terms``."""
    nlp = spacy.blank(lang)
    surface = PhraseMatcher(nlp.vocab, attr="NORM")
    lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
    terms: dict[str, Term] = {}
    for index, term in enumerate(all_terms):
        key = f"{term.kind}:{index}"
        terms[key] = term
        own = term.names.get(lang, ())
        names = dict.fromkeys([*own, *term.names.get("en", ())])
        surface.add(key, [_doc(nlp, name, lang, lemmas=False) for name in names])
        lemma.add(key, [doc for doc in (_doc(nlp, name, lang) for name in own) if _lemma_safe(doc)])
    heads: dict[str, Term] = {}
    if lang == "fi":  # compound heads from the shipped vocabulary only (module docstring)
        merged = {(term.kind, term.label): term for term in all_terms}
        for term in vocabulary():
            for name in term.names.get("fi", ()):
                folded = _fold(name)
                if " " not in folded and "-" not in folded and len(folded) >= COMPOUND_MIN_CHARS:
                    heads.setdefault(folded, merged.get((term.kind, term.label), term))
    return _LangMatcher(nlp=nlp, surface=surface, lemma=lemma, terms=terms, compound_heads=heads)


def _merge_keys(term: Term) -> list[tuple[str, str]]:
    label = _fold(term.label)
    return list(dict.fromkeys([(term.kind, label), (term.kind, _QUALIFIER.sub("", label))]))


def merge_terms(shipped: tuple[Term, ...], esco: tuple[Term, ...]) -> tuple[Term, ...]:
    """``shipped`` then ``esco``; a term whose kind and English label (case-folded,
    also without a trailing "(qualifier)") equal an earlier one's adds its names
    to that one instead. The earlier label is kept, and a shipped term's field.
    """
    merged = list(shipped)
    index: dict[tuple[str, str], int] = {}
    for number, term in enumerate(shipped):
        index.setdefault(_merge_keys(term)[0], number)
    for term in esco:
        keys = _merge_keys(term)
        position = next((index[key] for key in keys if key in index), None)
        if position is None:
            index.setdefault(keys[0], len(merged))
            merged.append(term)
            continue
        old = merged[position]
        names = {
            lang: tuple(dict.fromkeys([*old.names.get(lang, ()), *term.names.get(lang, ())]))
            for lang in dict.fromkeys([*old.names, *term.names])
        }
        kept_field = old.field if position < len(shipped) else old.field or term.field
        merged[position] = Term(label=old.label, kind=old.kind, field=kept_field, names=names)
    return tuple(merged)


@dataclass
class _Catalogue:
    """The terms matched now, where they came from, and the matchers built over them."""

    terms: tuple[Term, ...]
    fingerprint: tuple[object, ...] | None
    checked_at: float
    matchers: dict[str, _LangMatcher] = field(default_factory=dict)


SessionFactory = Callable[[], AbstractContextManager[Session]]
_lock = threading.RLock()
_source: SessionFactory | None = None
_catalogue: _Catalogue | None = None


def use_esco_database(url: str | None = None, *, enabled: bool = True) -> None:
    """Match against the ESCO tables of the database at ``url`` (default: the
    settings' ``DATABASE_URL``) from now on, or stop doing so (``enabled=False``).

    Nothing is read until the next match; built matchers are dropped.
    """
    global _source
    from bot.db import session_scope

    with _lock:
        _source = (lambda: session_scope(url)) if enabled else None
    reload()


def reload() -> None:
    """Drop the built matchers and ESCO terms; the next match reads and builds them again."""
    global _catalogue
    with _lock:
        _catalogue = None


def _read(previous: _Catalogue | None, source: SessionFactory, now: float) -> _Catalogue:
    shipped = vocabulary()
    try:
        with source() as session:
            stamp = esco_terms.fingerprint(session)
            if previous is not None and previous.fingerprint == stamp:
                previous.checked_at = now
                return previous
            esco = esco_terms.esco_terms(session)
    except SQLAlchemyError as exc:
        reason = (str(exc).splitlines() or [""])[0]
        logger.warning("ESCO terms not read (%s: %s); matching %s", exc.__class__.__name__, reason,
                       "the ESCO terms read before" if previous and previous.fingerprint
                       else "the shipped vocabulary only")
        if previous is not None:
            previous.checked_at = now
            return previous
        return _Catalogue(terms=shipped, fingerprint=None, checked_at=now)
    if not esco:
        logger.warning("the ESCO tables are empty; matching the shipped vocabulary only")
    return _Catalogue(terms=merge_terms(shipped, esco), fingerprint=stamp, checked_at=now)


def _current() -> _Catalogue:
    """The catalogue to match against; the ESCO fingerprint is read at most
    every ``RECHECK_SECONDS`` and the terms again only when it changed."""
    global _catalogue
    with _lock:
        now = time.monotonic()
        previous = _catalogue
        if previous is not None and (_source is None or now - previous.checked_at < RECHECK_SECONDS):
            return previous
        if _source is None:
            _catalogue = _Catalogue(terms=vocabulary(), fingerprint=None, checked_at=now)
        else:
            _catalogue = _read(previous, _source, now)
        return _catalogue


def _matcher(lang: str) -> _LangMatcher:
    """The matcher of ``lang`` over the current terms, built on first use."""
    with _lock:
        catalogue = _current()
        if lang not in catalogue.matchers:
            catalogue.matchers[lang] = _build(lang, catalogue.terms)
        return catalogue.matchers[lang]


def match_terms(text: str, lang: str) -> MatchResult:
    """Skills, occupations and fields named in ``text`` written in ``lang``.

    Args:
        text: free text of any length (only the first 2,000 characters are read).
        lang: ``"fi"``, ``"sv"`` or ``"en"``; anything else is treated as English.
            Labels in ``lang`` are matched in any inflected form, English
            labels in their written form (people mix them in).

    Returns:
        A :class:`MatchResult` with canonical English labels; empty lists when
        nothing matches or ``text`` is empty. Never raises on string input.
    """
    if not isinstance(text, str) or not text.strip():
        return MatchResult()
    lang = lang if lang in LANGUAGES else "en"
    built = _matcher(lang)
    doc = _doc(built.nlp, text, lang)
    found: list[tuple[int, Term]] = []
    for matcher in (built.surface, built.lemma):
        for match_id, start, _end in matcher(doc):
            found.append((start, built.terms[built.nlp.vocab.strings[match_id]]))
    if built.compound_heads:
        for token in doc:
            for form in {_fold(token.text), token.lemma_}:
                for head, term in built.compound_heads.items():
                    if form != head and form.startswith(head):
                        found.append((token.i, term))
    found.sort(key=lambda item: item[0])
    result = MatchResult()
    for _start, term in found:
        target = result.skills if term.kind == "skill" else result.occupations
        if term.label not in target:
            target.append(term.label)
        if term.field and term.field not in result.fields:
            result.fields.append(term.field)
    return result


def localised_label(label: str, lang: str) -> str:
    """The first ``lang`` name of the term with canonical ``label`` (for showing
    it to the person); ``label`` itself when unknown or without a name in ``lang``.
    Looks in the terms of the last match (shipped vocabulary and ESCO).
    """
    if lang == "en":
        return label
    catalogue = _catalogue
    for term in catalogue.terms if catalogue is not None else vocabulary():
        if term.label == label:
            names = term.names.get(lang) or ()
            return names[0] if names else label
    return label
