"""Match free text against the shipped skill and occupation vocabulary.

The vocabulary (``vocabulary.yml`` next to this module) lists about 40
digital-industry skills and 25 occupations, ESCO-style: a preferred English
label (the canonical value returned), alternative labels in Finnish,
Swedish and English, and the conversation field the term belongs to.

Matching uses two spaCy ``PhraseMatcher`` s over a blank language pipeline
(``spacy.blank("fi" | "sv" | "en")``: no trained weights): one on ``NORM``
(the surface form, lower-cased and folded: ä → a, ö → o, å → a) with the
labels of the text's language and of English, which people mix in ("Python",
"Excel"); one on ``LEMMA`` with the labels of the text's language, where
lemmas come from simplemma for that language only, so that Finnish
inflection ("ohjelmointia", "ohjelmoinnin" → ohjelmointi;
"data-analyytikoksi" → data-analyytikko) matches. Hyphens split words in both the patterns and the
text. For Finnish, a word that *starts with* a one-word term of six or more
letters also matches (compounds: "asiakaspalvelutyötä" → customer service).

The pipelines and matchers are built on first use per language and cached;
nothing is loaded at import time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import simplemma
import spacy
import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

VOCABULARY_PATH = Path(__file__).with_name("vocabulary.yml")
LANGUAGES = ("en", "fi", "sv")
MAX_TEXT_CHARS = 2000
"""Characters of a text that are matched; the rest is ignored."""
COMPOUND_MIN_CHARS = 6

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})
_SPLIT = re.compile(r"[-‐–/]+")
_NON_WORD = re.compile(r"[^\w]")


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


def _doc(nlp: Language, text: str, lang: str) -> Doc:
    doc = nlp.make_doc(_SPLIT.sub(" ", text[:MAX_TEXT_CHARS]))
    for token in doc:
        token.norm_ = _fold(token.text)
        token.lemma_ = _lemma(token.text, lang)
    return doc


@dataclass
class _LangMatcher:
    nlp: Language
    surface: PhraseMatcher
    lemma: PhraseMatcher
    terms: dict[str, Term]
    compound_heads: dict[str, Term]


@lru_cache(maxsize=len(LANGUAGES))
def _matcher(lang: str) -> _LangMatcher:
    """Build (once per language) the blank pipeline and its PhraseMatcher."""
    nlp = spacy.blank(lang)
    surface = PhraseMatcher(nlp.vocab, attr="NORM")
    lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
    terms: dict[str, Term] = {}
    heads: dict[str, Term] = {}
    for index, term in enumerate(vocabulary()):
        key = f"{term.kind}:{index}"
        terms[key] = term
        own = term.names.get(lang, ())
        names = dict.fromkeys([*own, *term.names.get("en", ())])
        surface.add(key, [_doc(nlp, name, lang) for name in names])
        lemma.add(key, [_doc(nlp, name, lang) for name in own])
        if lang == "fi":
            for name in term.names.get("fi", ()):
                folded = _fold(name)
                if " " not in folded and "-" not in folded and len(folded) >= COMPOUND_MIN_CHARS:
                    heads.setdefault(folded, term)
    return _LangMatcher(nlp=nlp, surface=surface, lemma=lemma, terms=terms, compound_heads=heads)


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
    """
    if lang == "en":
        return label
    for term in vocabulary():
        if term.label == label:
            names = term.names.get(lang) or ()
            return names[0] if names else label
    return label
