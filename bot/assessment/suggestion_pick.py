"""Which shown suggestion a typed rejection means: a title, a number or "ei kiinnosta" (fi / sv / en).

DigiPoint shows up to six suggestions (courses and jobs) as a numbered list.
A person may reject one by typing instead of pressing its "Not for me"
button: its title, whole or short ("the QA tester job is not for me" for
"Junior QA Tester", "BI-kehittäjä" for "BI-kehittäjä (etätyö)"), its place
("the second one", "toinen työpaikka", "den sista kursen") or only a
rejection ("ei kiinnosta"). :func:`pick_suggestion` says which one is meant,
or that the bot should ask which (with the titles as buttons); it never
guesses between titles that fit equally well.

Text is compared after :func:`bot.guidance.answers.normalise` (lower case,
ä → a, ö → o, å → a, no punctuation but hyphens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bot.assessment.typed_answers import has_phrase, tokens_of
from bot.guidance.answers import normalise

_ORDINALS: Final[dict[str, int]] = {
    "first": 1, "1st": 1, "ensimmainen": 1, "ensimmaista": 1, "eka": 1, "ekaa": 1, "ykkonen": 1, "forsta": 1,
    "second": 2, "2nd": 2, "toinen": 2, "toista": 2, "toka": 2, "tokaa": 2, "kakkonen": 2, "andra": 2,
    "third": 3, "3rd": 3, "kolmas": 3, "kolmatta": 3, "kolmonen": 3, "tredje": 3,
    "fourth": 4, "4th": 4, "neljas": 4, "neljatta": 4, "nelonen": 4, "fjarde": 4,
    "fifth": 5, "5th": 5, "viides": 5, "viidetta": 5, "vitonen": 5, "femte": 5,
    "sixth": 6, "6th": 6, "kuudes": 6, "kuudetta": 6, "kutonen": 6, "sjatte": 6,
}
_LAST: Final[frozenset[str]] = frozenset({"last", "viimeinen", "viimeista", "vika", "vikaa", "sista"})
_KIND_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "course": ("course", "courses", "training", "kurssi", "kurssia", "kurssin", "koulutus", "koulutusta",
               "kurs", "kursen", "kurser", "utbildning"),
    "job": ("job", "jobs", "tyo", "tyota", "tyopaikka", "tyopaikkaa", "duuni", "duunia", "jobb", "jobbet"),
}
_REJECTION: Final[tuple[str, ...]] = (
    "ei kiinnosta", "ei kiinnosta tuo", "ei mulle", "ei minulle", "ei sovi", "en halua", "ei kiitos",
    "ei ole minua varten", "ei oo mua varten", "ei mua varten", "ei minua varten",
    "jotain muuta", "ei tuo", "ei tama", "ei kiva", "en tykkaa", "ei oo mun juttu", "ei mun juttu",
    "not interested", "not for me", "no thanks", "dont want", "something else", "not that one",
    "i dont like", "doesnt suit", "not this",
    "inte intresserad", "inte for mig", "nej tack", "nagot annat", "vill inte", "passar inte",
)
TITLE_MATCH: Final = 0.6
"""Least similarity (0-1) of the text to a title for the title to count."""
TITLE_MARGIN: Final = 0.15
"""How much better the best title must match than the next one."""


@dataclass(frozen=True)
class SuggestionPick:
    """What a typed message says about the shown suggestions.

    ``suggestion_id`` is set when one suggestion is meant (by title or
    number); ``ask_which`` is True when the person rejects something but it
    is unclear which one (then ask, with the titles as buttons).
    """

    suggestion_id: str | None = None
    ask_which: bool = False


_SENIORITY: Final[frozenset[str]] = frozenset(
    {"junior", "senior", "trainee", "harjoittelija", "nuorempi", "vanhempi", "erfaren"}
)
"""Words a person leaves out when naming a job ("QA tester" for "Junior QA Tester")."""
_QUALIFIER_RE = re.compile(r"\([^)]*\)|,.*$")
"""A title's parenthesised part or what follows its first comma ("(remote)", ", public services")."""
SHORT_FORM_WEIGHT: Final = 0.8
"""Share of a short form's similarity that counts; more than TITLE_MATCH, and a whole title beats it
by more than TITLE_MARGIN."""
SHORT_FORM_MIN_CHARS: Final = 8
"""Least length of a one-word short form of a title: "bi-kehittaja" counts, "tester" alone does not."""


def _title_forms(title: str) -> list[str]:
    """The normalised title and the shorter forms a person may type for it.

    "Junior QA Tester" -> ["junior qa tester", "qa tester"]; "BI-kehittäjä (etätyö)"
    -> ["bi-kehittaja etatyo", "bi-kehittaja"]. A short form of one word counts only
    when it has at least :data:`SHORT_FORM_MIN_CHARS` characters.
    """
    full = normalise(title)
    core = normalise(_QUALIFIER_RE.sub(" ", title))
    plain = " ".join(w for w in core.split() if w not in _SENIORITY)
    forms = [full]
    for form in (core, plain):
        words = form.split()
        if form and form not in forms and (len(words) > 1 or len(form) >= SHORT_FORM_MIN_CHARS):
            forms.append(form)
    return forms


def _title_similarity(text: str, title: str) -> float:
    """0-1: how closely the normalised ``text`` names ``title`` (raw), over its forms.

    A short form counts :data:`SHORT_FORM_WEIGHT` of its similarity, so the whole
    title typed out wins over another title that shares its short form
    ("Perustutkinto, ohjelmistokehittäjä" against "Perustutkinto, tietoverkot").
    """
    if not title:
        return 0.0
    full, *short = _title_forms(title)
    shortened = [SHORT_FORM_WEIGHT * _form_similarity(text, form) for form in short]
    return max([_form_similarity(text, full), *shortened])


def _form_similarity(text: str, title: str) -> float:
    import difflib

    if not title:
        return 0.0
    if f" {title} " in f" {text} ":
        return 1.0
    words = [w for w in title.split() if len(w) >= 2]
    present = sum(1 for w in words if w in text.split()) / len(words) if words else 0.0
    ratio = difflib.SequenceMatcher(None, text, title).ratio()
    return max(present, ratio)


def says_not_for_me(text: object) -> bool:
    """Whether ``text`` holds rejection words in fi / sv / en ("ei kiinnosta", "inte för mig", "not for me").

    Used when the intent does not say it (a message the classifier was unsure of).
    """
    return has_phrase(tokens_of(text), _REJECTION)


def pick_suggestion(text: object, shown: list[tuple[str, list[str]]]) -> SuggestionPick:
    """Find which of the ``shown`` suggestions a typed message means.

    Args:
        text: the person's message ("the second one", "ei kiinnosta",
            "Data-analytiikan perusteet ei kiinnosta").
        shown: ``(suggestion id, [its titles in any language])`` in the order
            they were shown; ids look like ``course:12`` / ``job:3``.

    A number or ordinal ("2", "toinen", "the second course") counts within
    the kind when one is named, else over the whole list. A title counts when
    it is similar enough (:data:`TITLE_MATCH`) and clearly the best
    (:data:`TITLE_MARGIN`). Rejection words without a clear target give
    ``ask_which``.
    """
    tokens = tokens_of(text)
    if not tokens or not shown:
        return SuggestionPick()
    norm = " ".join(tokens)
    kind = next((k for k, words in _KIND_WORDS.items() if any(t in words for t in tokens)), None)
    everything = [sid for sid, _ in shown]
    pool = [sid for sid in everything if kind is None or sid.startswith(f"{kind}:")] or everything
    position: int | None = None
    for token in tokens:
        if token in _ORDINALS:
            position = _ORDINALS[token]
        elif token in _LAST:
            position = len(pool)
        elif token.isdigit() and len(tokens) <= 6 and 1 <= int(token) <= len(pool):
            position = int(token)
    if position is not None and 1 <= position <= len(pool):
        return SuggestionPick(suggestion_id=pool[position - 1])
    scores = sorted(
        ((max(_title_similarity(norm, title) for title in titles), sid) for sid, titles in shown),
        reverse=True,
    )
    best_score, best_id = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    if best_score >= TITLE_MATCH and best_score - runner_up >= TITLE_MARGIN:
        return SuggestionPick(suggestion_id=best_id)
    rejecting = has_phrase(tokens, _REJECTION) or (best_score >= TITLE_MATCH)
    return SuggestionPick(ask_which=rejecting)
