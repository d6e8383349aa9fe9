"""Typed answers to questionnaire items, read by meaning (fi / sv / en).

The confidence check (self-efficacy) uses a **1-5 Likert scale**:
1 = not at all sure / very badly, 2 = not really / badly, 3 = so-so / OK,
4 = fairly sure / well, 5 = completely sure / very well. A person may
type the answer instead of pressing a button; :func:`score_likert` turns
the words into a point on that scale, or says that it is unsure.

How :func:`score_likert` reads a text:

1. In a short answer (at most 4 words: "4", "ehkä 3", "I'd say 4") a digit
   ("4", "3,5") or a number word ("neljä", "four", "fyra") is taken as it is
   (1-5 only); in a longer one only a digit written as a scale point is
   ("4/5", "4 out of 5", "4 av 5", "4 viidestä"): "jag har 4 barn och är
   trött" is no rating, so it is read by its words or asked again.
2. Otherwise the text is folded (lower case, ä → a, ö → o, å → a, no
   punctuation) and searched for phrases of a small lexicon, longest phrase
   first, phrases not overlapping: "tosi hyvin" (5), "aika hyvin" (4),
   "ihan ok" (3), "aika huonosti" (2), "ei yhtään" (1) ...
3. A negation word just before a phrase ("not", "ei", "en", "inte",
   "emmä", "eikä") turns it around: "not well" → 2, "not bad" → 3,
   "en oikein jaksa" → 1.
4. The matches are combined: all on the low side (1-3) or all on the high
   side (3-5) give their mean, rounded towards the middle; matches on both
   sides ("sometimes good, sometimes bad") give ``None``, and so does a text
   without any known phrase. ``None`` means: ask again with the buttons,
   never guess.

:func:`is_dont_know` and :func:`is_explicit_section_skip` separate "I don't
know" (the answer for this item only) from "skip this part" (the rest of the
section). :func:`yes_or_no` reads a typed yes / no ("kyllä", "en", "nej").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final, Literal

from bot.guidance.answers import (
    fold,
    has_negative_word,
    normalise,
    without_emoji,
    without_markup,
    yes_word_counts,
)

SKIPPED: Final = "skipped"
"""Stored when the person skips an item."""

LIKERT_MIN: Final = 1
LIKERT_MAX: Final = 5

_DIGIT_RE = re.compile(r"(?<![\w.,])(-?\d+(?:[.,]\d+)?)")
#: A digit written as a point of the 1-5 scale, in a sentence of any length.
_SCALE_POINT_RE = re.compile(
    r"(?<![\w.,])(-?\d+(?:[.,]\d+)?)\s*(?:/\s*5\b|(?:out of|of|av|/)\s*(?:5|five|fem)\b|viidesta\b)"
)
#: Most words of an answer whose bare digit or number word is its rating.
SHORT_ANSWER_WORDS: Final = 4

_NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "yksi": 1, "yks": 1, "ykkonen": 1, "kaksi": 2, "kaks": 2, "kakkonen": 2, "kolme": 3, "kolmonen": 3,
    "nelja": 4, "nelonen": 4, "viisi": 5, "viis": 5, "vitonen": 5,
    "ett": 1, "etta": 1, "ettan": 1, "tva": 2, "tvaa": 2, "tvaan": 2, "tre": 3, "trea": 3,
    "fyra": 4, "fyran": 4, "fem": 5, "femma": 5, "femman": 5,
}

# Folded phrases (ä -> a, ö -> o, å -> a, no apostrophes) -> point on the 1-5 scale.
_LEXICON: Final[dict[int, tuple[str, ...]]] = {
    5: (
        "tosi hyvin", "todella hyvin", "erittain hyvin", "tosi hyva", "tosi varma", "ihan varma",
        "taysin varma", "taysin", "ehdottomasti", "varmasti", "totta kai", "loistavasti", "helposti",
        "todellakin", "sataprosenttisesti", "super hyvin", "mahtavasti",
        "very well", "really well", "very good", "very sure", "completely", "completely sure", "totally",
        "totally sure", "absolutely", "definitely", "for sure", "of course", "certainly", "easily",
        "100", "great", "excellent",
        "mycket bra", "jattebra", "helt saker", "absolut", "definitivt", "sjalvklart", "verkligen",
        "utmarkt", "toppen", "klart",
    ),
    4: (
        "hyvin", "aika hyvin", "melko hyvin", "ihan hyvin", "hyva", "kylla", "joo", "juu", "jep", "pystyn",
        "osaan", "onnistun", "luultavasti", "melko varma", "aika varma", "varma", "uskon", "uskoisin",
        "well", "pretty well", "quite well", "fairly well", "good", "pretty good", "yes", "yeah", "yep",
        "sure", "pretty sure", "quite sure", "fairly sure", "mostly", "i think so", "probably", "i can",
        "confident",
        "bra", "ganska bra", "rätt bra", "ratt bra", "ja", "japp", "saker", "ganska saker", "troligen",
        "mestadels", "jag kan",
    ),
    3: (
        "ihan ok", "ok", "okei", "okay", "oukkei", "siina ja siina", "niin ja nain", "jotenkin",
        "kohtalaisesti", "keskinkertaisesti", "valilla", "valil", "joskus", "ehka", "osittain",
        "riippuu", "jonkin verran", "kai", "menettelee",
        "so so", "sort of", "kind of", "kinda", "somewhat", "maybe", "sometimes", "partly", "depends",
        "it depends", "in between", "average", "fine", "alright", "all right", "not bad", "more or less",
        "sadar", "sa dar", "okej", "kanske", "ibland", "delvis", "beror pa", "mittemellan", "hyfsat",
        "helt ok",
    ),
    2: (
        "huonosti", "aika huonosti", "melko huonosti", "huono", "heikosti", "vaikeaa", "vaikea",
        "vaikeeta", "vaikee", "en oikein", "ei oikein", "en kovin", "ei kovin", "en ihan", "vahan",
        "hieman", "en ole varma", "en oo varma", "epavarma", "ei hyvin", "ei niin hyvin", "epailen",
        "badly", "pretty badly", "quite badly", "bad", "not really", "not very", "not so well",
        "not well", "not great", "not good", "not so good", "not sure", "unsure", "hard", "difficult",
        "a little", "a bit", "hardly", "poorly", "doubt",
        "daligt", "ganska daligt", "inte sa bra", "inte bra", "inte riktigt", "inte sarskilt",
        "svart", "osaker", "inte saker", "lite",
    ),
    1: (
        "tosi huonosti", "todella huonosti", "erittain huonosti", "ei yhtaan", "en yhtaan",
        "ei ollenkaan", "en ollenkaan", "ei lainkaan", "en lainkaan", "ei jaksa", "en jaksa",
        "ei onnistu", "en pysty", "en osaa", "mahdoton", "en todellakaan", "ei todellakaan", "en koskaan",
        "not at all", "very badly", "really badly", "terribly", "terrible", "awful", "never",
        "absolutely not", "definitely not", "no way", "i cant", "cannot", "impossible",
        "inte alls", "mycket daligt", "jattedaligt", "aldrig", "absolut inte", "omojligt", "jag kan inte",
        "orkar inte",
        "no", "nope", "ei", "en", "nej",
    ),
}

_NEGATIONS: Final[frozenset[str]] = frozenset(
    {"not", "no", "dont", "doesnt", "isnt", "never", "ei", "en", "emma", "ema", "eika", "enka", "inte", "ej"}
)
_FILLERS: Final[frozenset[str]] = frozenset(
    {"joo", "juu", "kylla", "yes", "yeah", "ja", "ok", "okei", "okej", "well"}
)
"""Agreement words that carry no degree: "joo tosi hyvin" is read from "tosi hyvin"."""
_NEGATED_FORMS: Final[dict[int, int]] = {5: 2, 4: 2, 3: 3, 2: 3, 1: 3}
"""Point after a negation: "not well" 2, "not bad" 3, "ei huonosti" 3."""

_DONT_KNOW: Final[tuple[str, ...]] = (
    "i dont know", "i do not know", "dont know", "idk", "dunno", "no idea", "no clue", "not sure",
    "im not sure", "hard to say", "cant say",
    "en tieda", "en tiia", "en tii", "en ma tieda", "en ma tiia", "ma en tieda", "ma en tiia",
    "emma tieda", "emma tiia", "emma tii", "ema tiia", "en tiiä", "ei hajua", "ei hajuu",
    "ei aavistustakaan", "en osaa sanoa", "vaikea sanoa", "vaikee sanoa", "en oo varma", "en ole varma",
    "vet inte", "jag vet inte", "vet ej", "ingen aning", "svart att saga", "inte saker", "vet int",
)

_SECTION_SKIP: Final[tuple[str, ...]] = (
    "skip", "skip this", "skip this part", "skip the rest", "skip these", "skip all", "skip section",
    "skip this section", "skip these questions", "lets skip this",
    "ohita", "ohita tama", "ohita tama osio", "ohita osio", "ohita loput", "ohita kaikki", "ohitetaan",
    "ohitetaan tama", "skippaa", "skipataan", "hyppaa yli",
    "hoppa over", "hoppa over detta", "hoppa over den har delen", "hoppa over resten", "skippa",
)
SHORT_ANSWER_TOKENS: Final = 6
"""A skip or don't-know phrase counts only in answers of at most this many words."""

_YES: Final[tuple[str, ...]] = (
    "yes", "yeah", "yep", "sure", "ok", "okay", "please do", "yes please", "do it", "delete",
    "kylla", "joo", "juu", "jep", "kylla kiitos", "ok poista", "poista", "saa poistaa", "tee se",
    "ja", "japp", "ja tack", "radera", "gor det",
)
_NO: Final[tuple[str, ...]] = (
    "no", "nope", "no thanks", "dont", "do not", "cancel", "keep", "keep it", "not now", "no dont",
    "ei", "en", "ei kiitos", "ala", "ala poista", "emma", "en halua", "peru", "ei sittenkaan",
    "nej", "nej tack", "inte", "radera inte", "avbryt",
)


@dataclass(frozen=True)
class LikertReading:
    """What a typed answer says on the 1-5 scale.

    ``value`` is 1-5, ``"skipped"`` (this item only: "I don't know"), or
    ``None`` (not sure what was meant: ask again with the buttons).
    ``section_skip`` is True for "skip this part" (the rest of the section).
    """

    value: int | str | None
    section_skip: bool = False
    scale_words: bool = False
    """True when the text holds words of the scale (even if they disagree, "good and bad"),
    or is emoji only ("👍"): an answer we cannot place, asked again with the buttons."""


def tokens_of(text: object) -> list[str]:
    """The words of ``text`` after :func:`bot.guidance.answers.normalise`."""
    return normalise(text).split()


def has_phrase(tokens: list[str], phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` (folded) occurs as whole words in ``tokens``."""
    haystack = f" {' '.join(tokens)} "
    return any(f" {fold(p)} " in haystack for p in phrases)


def is_explicit_section_skip(text: object) -> bool:
    """True for "skip this part", "ohita tämä osio", "hoppa över" or the ``/skip`` button payload.

    "I don't know" is never a section skip, and neither is a long sentence
    that happens to contain "skip".
    """
    if isinstance(text, str) and text.strip().startswith("/skip"):
        return True
    tokens = tokens_of(text)
    if not tokens or len(tokens) > SHORT_ANSWER_TOKENS or is_dont_know(text):
        return False
    return has_phrase(tokens, _SECTION_SKIP)


def is_dont_know(text: object) -> bool:
    """True for a short "I don't know" ("emmä tiiä", "en tiiä", "dunno", "vet inte", "ingen aning")."""
    tokens = tokens_of(text)
    if not tokens or len(tokens) > SHORT_ANSWER_TOKENS:
        return False
    return has_phrase(tokens, _DONT_KNOW)


def _number(text: str, tokens: list[str]) -> int | None | Literal[False]:
    """A 1-5 number in the (folded) text; None for a number outside 1-5; False when there is none.

    A long text's digit counts only as a scale point ("4/5"); see the module docstring.
    """
    short = len(tokens) <= SHORT_ANSWER_WORDS
    digit = _DIGIT_RE.search(text) if short else _SCALE_POINT_RE.search(text)
    if digit:
        value = float(digit.group(1).replace(",", "."))
        return int(value + 0.5) if 1 <= value <= 5 else None
    if len(tokens) <= 3:
        for token in tokens:
            if token in _NUMBER_WORDS:
                return _NUMBER_WORDS[token]
    return False


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    value: int


def _lexicon_matches(tokens: list[str], raw: str = "", lang: str | None = None) -> list[_Match]:
    """Non-overlapping lexicon matches, longest phrase first, negation applied.

    A bare yes-word counts only as :func:`bot.guidance.answers.yes_word_counts` allows."""
    phrases = sorted(
        (
            (fold(p).split(), value)
            for value, group in _LEXICON.items()
            for p in group
            if yes_word_counts(fold(p), tokens, raw, lang)
        ),
        key=lambda pair: -len(pair[0]),
    )
    taken = [False] * len(tokens)
    found: list[_Match] = []
    for words, value in phrases:
        n = len(words)
        for start in range(len(tokens) - n + 1):
            if tokens[start : start + n] == words and not any(taken[start : start + n]):
                for i in range(start, start + n):
                    taken[i] = True
                found.append(_Match(start, start + n, value))
    found.sort(key=lambda m: m.start)
    result: list[_Match] = []
    for match in found:
        words = tokens[match.start : match.end]
        # A bare negation word ("ei", "en", "no") right before another phrase
        # negates that phrase instead of counting as "no" itself.
        if len(words) == 1 and words[0] in _NEGATIONS and any(m.start == match.end for m in found):
            continue
        before = tokens[max(0, match.start - 2) : match.start]
        negated = any(word in _NEGATIONS for word in before) and words[0] not in _NEGATIONS
        result.append(_Match(match.start, match.end, _NEGATED_FORMS[match.value] if negated else match.value))
    return result


def score_likert(text: object, lang: str | None = None) -> LikertReading:
    """Read a typed answer on the 1-5 Likert scale (see the module docstring).

    ``lang`` is the session language: "ja" is yes only in Swedish (Finnish "and"),
    a yes-word counts only in a short answer, emoji are no number (ask with the
    buttons), and a sentence with a negative word never gives 4-5.

    >>> score_likert("aika huonosti oikeestaan, välil tuntuu et ei jaksa").value
    2
    >>> score_likert("joo tosi hyvin").value
    5
    >>> score_likert("inte så bra").value
    2
    >>> score_likert("banana").value is None
    True
    """
    if isinstance(text, int) and not isinstance(text, bool):
        return LikertReading(text if LIKERT_MIN <= text <= LIKERT_MAX else None)
    if not isinstance(text, str):
        return LikertReading(None)
    if is_explicit_section_skip(text):
        return LikertReading(SKIPPED, section_skip=True)
    plain = without_emoji(text)
    emoji_only = plain != text and not plain.strip()
    text = plain
    tokens = tokens_of(text)
    if not tokens:
        return LikertReading(None, scale_words=emoji_only)
    if text.strip().lower() == SKIPPED:
        return LikertReading(SKIPPED)
    number = _number(fold(without_markup(text)), tokens)
    if number is not False:
        return LikertReading(number)
    if is_dont_know(text):
        return LikertReading(SKIPPED)
    matches = _lexicon_matches(tokens, text, lang)
    if not matches:
        return LikertReading(None)
    fillers = [m for m in matches if tokens[m.start] in _FILLERS and m.end - m.start == 1]
    if len(fillers) < len(matches):
        matches = [m for m in matches if m not in fillers]
    values = [m.value for m in matches]
    if min(values) <= 2 and max(values) >= 4:
        return LikertReading(None, scale_words=True)
    mean = sum(values) / len(values)
    # Half points go towards the middle of the scale: 2.5 -> 3, 4.5 -> 4.
    rounded = math.floor(mean + 0.5) if mean <= 3 else math.ceil(mean - 0.5)
    if rounded >= 4 and has_negative_word(tokens, lang):
        return LikertReading(None, scale_words=True)
    return LikertReading(max(LIKERT_MIN, min(LIKERT_MAX, rounded)), scale_words=True)


def yes_or_no(text: object) -> Literal["yes", "no"] | None:
    """A typed yes or no: "kyllä", "joo", "ja" → yes; "en", "ei", "nej", "no" → no; else None."""
    if isinstance(text, str) and text.strip().startswith("/affirm"):
        return "yes"
    if isinstance(text, str) and text.strip().startswith("/deny"):
        return "no"
    tokens = tokens_of(text)
    if not tokens or len(tokens) > SHORT_ANSWER_TOKENS:
        return None
    no = has_phrase(tokens, _NO)
    yes = has_phrase(tokens, _YES) and tokens[0] not in _NEGATIONS
    if no and not yes:
        return "no"
    if yes and not no:
        return "yes"
    return None
