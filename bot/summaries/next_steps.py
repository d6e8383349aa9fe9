"""Next-step options: keys, labels in fi/sv/en, and matching of typed answers.

Option keys (stored in the ``next_steps`` slot and in summaries):

* ``apply:course:<id>``  "Apply to <course title>"  (one per shown course)
* ``look:job:<id>``      "Look at the job <job title>" (one per shown job)
* ``coach``, ``cv``, ``employment_services``  general steps
* ``done``               "That's all" (ends the picking; not stored)

Labels come from ``bot/i18n/messages/next_steps.yml``; titles are passed
in as ``{suggestion_id: {"fi", "sv", "en"}}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.i18n import LANGUAGES, t
from bot.locale.folding import MARKS, strip_latin_marks

GENERAL_OPTIONS: tuple[str, ...] = ("coach", "cv", "employment_services")
DONE = "done"
MAX_STEPS = 3
Titles = Mapping[str, Mapping[str, str]]

_DONE_PHRASES = (
    "done",
    "thats all",
    "that is all",
    "nothing else",
    "nothing more",
    "no more",
    "finished",
    "valmis",
    "siina kaikki",
    "ei muuta",
    "ei enempaa",
    "riittaa",
    "klart",
    "det ar allt",
    "inget mer",
    "inget annat",
    "det racker",
)
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "coach": ("coach", "valmentaja", "ohjaaja", "counsellor", "counselor", "vagledare", "uraohjaus"),
    "cv": ("cv", "resume", "ansioluettelo", "meritforteckning", "cvn", "cv:n", "cvta"),
    "employment_services": (
        "employment",
        "tyollisyyspalvelu",
        "tyollisyyspalvelut",
        "tyollisyyspalveluihin",
        "te",
        "tyovoimapalvelut",
        "sysselsattning",
        "sysselsattningstjanster",
        "arbetsformedling",
    ),
}
_FILLER = {
    "apply", "to", "the", "job", "look", "at", "a", "i", "want", "hae", "hakea", "haluan", "katso",
    "tyopaikka", "tyopaikkaa", "ansok", "till", "titta", "pa", "jobbet", "vill", "jag", "and", "ja", "och",
}  # fmt: skip
#: A word: letters, digits, ":" and the marks on letters (an Arabic word keeps its harakat).
_WORD = re.compile(rf"[\w:{MARKS}]+")


def fold(text: str) -> str:
    """Lower case, Latin diacritics removed (ä -> a), punctuation turned into spaces, spaces collapsed.

    Letters of other scripts keep their marks (Ukrainian 'й' is not 'и'; an
    Arabic word with harakat stays one word).
    """
    text = strip_latin_marks(text.lower())
    return " ".join(_WORD.findall(text.replace("'", "")))


def option_keys(shown: Sequence[str]) -> list[str]:
    """All options for the shown suggestion ids: courses, then jobs, then general steps."""
    courses = [f"apply:{sid}" for sid in shown if sid.startswith("course:")]
    jobs = [f"look:{sid}" for sid in shown if sid.startswith("job:")]
    return [*courses, *jobs, *GENERAL_OPTIONS]


def suggestion_of(key: str) -> str | None:
    """The suggestion id inside an option key (``"apply:course:3"`` -> ``"course:3"``), else None."""
    verb, _, sid = key.partition(":")
    return sid if verb in ("apply", "look") and sid else None


def option_label(key: str, lang: str, titles: Titles) -> str:
    """The label of option ``key`` in ``lang`` ("Apply to Web Programming")."""
    sid = suggestion_of(key)
    if sid is not None:
        title_variants = titles.get(sid) or {}
        title = title_variants.get(lang) or title_variants.get("en") or sid
        verb = "apply" if key.startswith("apply:") else "look"
        return t(f"next_steps.option_{verb}", lang, title=title)
    if key == DONE:
        return t("next_steps.done_button", lang)
    return t(f"next_steps.option_{key}", lang)


def is_known_option(key: str) -> bool:
    """True when ``key`` has the shape of an option key (general or built from a suggestion id)."""
    sid = suggestion_of(key)
    if sid is not None:
        return bool(re.fullmatch(r"(apply:course|look:job):\d+", key))
    return key in GENERAL_OPTIONS or key == DONE


def _words(folded: str) -> set[str]:
    """Words of a folded text, split at spaces, hyphens and punctuation too.

    "helpdesk-asiantuntija" gives "helpdesk" and "asiantuntija", so "siihen
    helpdesk työpaikkaan" finds the Helpdesk-asiantuntija job.
    """
    return {word for word in re.split(r"[\s\-–—,.;:!?()/\"']+", folded) if word}


def match_option(text: str, options: Sequence[str], titles: Titles) -> str | None:
    """Which of ``options`` (or ``"done"``) a typed answer means, or None.

    Tries in order: the exact key; "that's all" phrases in fi/sv/en; a number
    1..len(options) (the position of the button); keywords of the general
    steps; and words of a suggestion's title in any language (the option
    whose title shares the most words wins; a tie matches nothing).
    """
    folded = fold(text)
    if not folded:
        return None
    if folded in options or folded == DONE:
        return folded
    if folded in _DONE_PHRASES:
        return DONE
    if folded.isdigit() and 1 <= int(folded) <= len(options):
        return options[int(folded) - 1]
    words = _words(folded)
    for key, keywords in _KEYWORDS.items():
        if key in options and words & set(keywords):
            return key
    wanted = words - _FILLER
    if not wanted:
        return None
    scores: dict[str, int] = {}
    for key in options:
        sid = suggestion_of(key)
        if sid is None:
            continue
        title_words = {w for lang in LANGUAGES for w in _words(fold((titles.get(sid) or {}).get(lang, "")))}
        scores[key] = len(wanted & title_words)
    best = max(scores.values(), default=0)
    winners = [key for key, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
