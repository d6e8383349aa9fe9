"""Parse a jobseeker's free-text answer into a canonical slot value.

Every ``parse_*`` function takes the raw message text (any length, any
characters: emoji, markup, typos, missing ä/ö, Finnish case endings,
Finland-Swedish, colloquial Finnish) and returns

- a canonical value from :mod:`bot.guidance.vocabulary` when understood,
- ``SKIPPED`` (``"skipped"``) for a skip phrase ("skip", "not now",
  "I don't know", "en tiiä", "ohita", "vet inte", "hoppa över"),
- ``None`` when not understood, so that the form asks again with help.

Canonical values themselves (button payloads such as ``"3_months"``) are
accepted as they are. No function raises on any string input; only the
first ``MAX_PARSE_CHARS`` characters are read.

How: the text is lower-cased, stripped of markup, folded (ä → a, ö → o,
å → a) and tokenised; each token is also lemmatised with simplemma
(Finnish and Swedish inflection: "opiskelemaan" → "opiskella"). Phrases
from the vocabulary are then searched in both forms, longest phrase first,
so "not now" (skip) wins over "now"; a last pass tolerates one-letter
typos ("Helsinkki") with difflib's similarity ratio.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import simplemma

from bot.guidance import vocabulary as v
from bot.locale import registry
from bot.locale.folding import MARKS

MAX_PARSE_CHARS = 1000
"""Characters of a message that parsers read; the rest is ignored."""
SHORT_ANSWER_TOKENS = 6
"""A skip phrase counts only in answers of at most this many words."""

SkipKind = Literal["section", "item"]

_TAG_RE = re.compile(r"<[^>]{0,300}>")
_PAYLOAD_RE = re.compile(r"^\s*/\w+")
_NUMBER_RE = re.compile(r"(?<![\w.,])(-?\d+(?:[.,]\d+)?)")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "è": "e", "ü": "u", "õ": "o", "á": "a"})
_APOSTROPHES = re.compile(r"[’'`´]")
_NON_WORD = re.compile(rf"[^\w\s{MARKS}-]|_")  # marks stay: an Arabic word keeps its harakat
_LONE_HYPHEN = re.compile(r"(?<!\w)-|-(?!\w)")


def fold(text: str) -> str:
    """Lower-case ``text`` and drop Nordic diacritics (ä → a, ö → o, å → a)."""
    return text.lower().translate(_FOLD)


def without_markup(text: str) -> str:
    """``text`` with HTML-like tags replaced by spaces ("<b>4</b>" -> " 4 "); punctuation kept."""
    return _TAG_RE.sub(" ", text)


def _clean(text: object) -> str:
    """Raw text → lower-case text without markup, emoji or punctuation (diacritics kept)."""
    if not isinstance(text, str):
        return ""
    text = text[:MAX_PARSE_CHARS]
    for emoji, word in v.EMOJI_WORDS.items():
        text = text.replace(emoji, word)
    text = unicodedata.normalize("NFKC", text)
    text = _TAG_RE.sub(" ", text).lower()
    text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text)
    text = _LONE_HYPHEN.sub(" ", text)
    return " ".join(text.split())


def normalise(text: object) -> str:
    """Folded, punctuation-free, single-spaced form of ``text`` used for matching."""
    return fold(_clean(text))


_YES_WORDS = frozenset(word for words in v.YES_WORDS.values() for word in words)
_EMOJI_EXTRA = frozenset({"\ufe0f", "\u200d", "\u20e3"})


def without_emoji(text: str) -> str:
    """``text`` without emoji (symbols, skin tones, joiners): on a rating item an emoji is no number."""
    return "".join(
        " " if unicodedata.category(ch) in ("So", "Sk", "Cs") or ch in _EMOJI_EXTRA else ch for ch in text
    )


def is_clearly_swedish(tokens: Sequence[str], raw: object = "") -> bool:
    """True when a short answer has a Swedish word besides the yes-word ("ja tack") or an å."""
    return (isinstance(raw, str) and "å" in raw.lower()) or any(t in v.SWEDISH_MARKERS for t in tokens)


def yes_word_counts(phrase: str, tokens: Sequence[str], raw: object, lang: str | None) -> bool:
    """Whether ``phrase`` may count as an answer here: a bare yes-word ("ja", "joo", "yes")
    counts only in a short answer, and a Swedish-only one ("ja", "jo") only in a Swedish
    session or a clearly Swedish answer. Every other phrase counts."""
    if phrase not in _YES_WORDS:
        return True
    if len(tokens) > v.YES_WORD_MAX_TOKENS:
        return False
    return phrase not in v.SWEDISH_ONLY_YES or lang == "sv" or is_clearly_swedish(tokens, raw)


def has_negative_word(tokens: Sequence[str], lang: str | None) -> bool:
    """True when the answer holds a negative word ("huono", "vaikea", "en", "not", "inte");
    Swedish "en" (= "a") is not one in a Swedish session."""
    negative = v.NEGATIVE_WORDS - {"en"} if lang == "sv" else v.NEGATIVE_WORDS
    return any(token in negative for token in tokens)


@dataclass(frozen=True)
class _Prepared:
    tokens: tuple[str, ...]
    text: str
    lemma_text: str


@lru_cache(maxsize=4096)
def _lemma(token: str) -> str:
    return fold(simplemma.lemmatize(token, lang=registry.codes("lemmatiser")))


def _prepare(text: object) -> _Prepared:
    raw_tokens = _clean(text).split()
    tokens = tuple(fold(tok) for tok in raw_tokens)
    lemmas = " ".join(_lemma(tok) for tok in raw_tokens)
    return _Prepared(tokens=tokens, text=" ".join(tokens), lemma_text=lemmas)


@lru_cache(maxsize=64)
def _candidates(table_name: str) -> tuple[tuple[str, object], ...]:
    """(folded phrase, value) pairs of a vocabulary table, longest phrase first."""
    table: Mapping[object, Sequence[str]] = getattr(v, table_name)
    pairs = {(normalise(p), value) for value, phrases in table.items() for p in phrases}
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0], str(pair[1]))))


@lru_cache(maxsize=1)
def _skip_phrases() -> dict[str, SkipKind]:
    phrases: dict[str, SkipKind] = {normalise(p): "item" for p in v.DONT_KNOW_PHRASES}
    phrases.update({normalise(p): "section" for p in v.SKIP_SECTION_PHRASES})
    return phrases


def _find(haystack: str, phrase: str) -> int:
    """Character index of ``phrase`` as whole words in ``haystack``, or -1."""
    index = f" {haystack} ".find(f" {phrase} ")
    return index


def _negated(haystack: str, index: int) -> bool:
    before = haystack[:index].split()[-2:]
    return any(word in v.NEGATIONS for word in before)


def skip_kind(text: object) -> SkipKind | None:
    """Whether ``text`` asks to skip: ``"section"`` ("skip", "/skip", "ohita",
    "hoppa över", "not now"), ``"item"`` ("I don't know", "en tiiä", "vet inte")
    or ``None``. Only short answers (at most ``SHORT_ANSWER_TOKENS`` words) count,
    so "I want to skip school and find a job" is not a skip.
    """
    prepared = _prepare(text)
    if not prepared.tokens or len(prepared.tokens) > SHORT_ANSWER_TOKENS:
        return None
    best: tuple[int, SkipKind] | None = None
    for phrase, kind in _skip_phrases().items():
        if _find(prepared.text, phrase) >= 0 and (best is None or len(phrase) > best[0]):
            best = (len(phrase), kind)
    return best[1] if best else None


def _match(
    text: object,
    table_name: str,
    *,
    canonical: Sequence[str] = (),
    negated_value: object = None,
    dont_know: object = v.SKIPPED,
    lang: str | None = None,
) -> object:
    """Shared matcher: canonical value, skip phrase, phrase table, then typo tolerance.

    Bare yes-words count only as :func:`yes_word_counts` allows (short answers, the
    right language)."""
    if isinstance(text, str) and text.strip() in canonical:
        return text.strip()
    if isinstance(text, str) and text.strip().lower() == v.SKIPPED:
        return v.SKIPPED
    prepared = _prepare(text)
    if not prepared.tokens:
        return None
    short = len(prepared.tokens) <= SHORT_ANSWER_TOKENS
    skip_pairs = [(p, v.SKIPPED if k == "section" else dont_know) for p, k in _skip_phrases().items()]
    pairs = list(_candidates(table_name)) + (skip_pairs if short else [])
    pairs.sort(key=lambda pair: -len(pair[0]))
    for phrase, value in pairs:
        if not yes_word_counts(phrase, prepared.tokens, text, lang):
            continue
        for haystack in (prepared.text, prepared.lemma_text):
            index = _find(haystack, phrase)
            if index >= 0:
                if negated_value is not None and value != v.SKIPPED and _negated(haystack, index):
                    return negated_value(value) if callable(negated_value) else negated_value
                return value
    return _fuzzy(prepared, table_name)


def _fuzzy(prepared: _Prepared, table_name: str) -> object:
    """Typo tolerance: a token of 5+ letters within ratio 0.84 of a one-word phrase of 5+ letters."""
    words = {
        phrase: value
        for phrase, value in _candidates(table_name)
        if " " not in phrase and len(phrase) >= 5 and phrase not in _YES_WORDS
    }
    for token in prepared.tokens:
        if len(token) >= 5:
            close = difflib.get_close_matches(token, list(words), n=1, cutoff=0.84)
            if close:
                return words[close[0]]
    return None


def parse_goal_type(text: object) -> str | None:
    """Goal type: ``job``, ``study``, ``both``, ``unsure``, ``skipped`` or None.

    A message naming both work and studies ("töitä tai koulutusta") gives ``both``.
    """
    if isinstance(text, str) and text.strip() in v.GOAL_TYPES:
        return text.strip()
    prepared = _prepare(text)
    found = {
        value
        for phrase, value in _candidates("GOAL_TYPE_PHRASES")
        if value in ("job", "study")
        and (_find(prepared.text, phrase) >= 0 or _find(prepared.lemma_text, phrase) >= 0)
    }
    if found == {"job", "study"} and not skip_kind(text):
        return "both"
    result = _match(text, "GOAL_TYPE_PHRASES", canonical=v.GOAL_TYPES)
    return result if isinstance(result, str) else None


def parse_field(text: object, lang: str | None = None) -> str | None:
    """Field of interest: one of ``FIELD_VALUES``, ``skipped`` or None.

    Falls back to the spaCy matcher (:func:`bot.matching.match_terms`: shipped
    vocabulary, and ESCO occupations with their ISCO group's field) so that a
    skill or occupation ("haluan data-analyytikoksi") names its field.
    """
    result = _match(text, "FIELD_PHRASES", canonical=v.FIELD_VALUES)
    if isinstance(result, str):
        return result
    if not normalise(text):
        return None
    from bot.matching import match_terms

    chain = registry.fallback_chain(lang if lang in v.LANGUAGES else registry.default_code())
    for language in chain:
        fields = match_terms(_clean(text), language).fields
        if fields:
            return fields[0]
    return None


def _city_of_token(token: str) -> str | None:
    for city, aliases in v.CITY_ALIASES.items():
        if token in aliases:
            return city
    for city, prefixes in v.CITY_PREFIXES.items():
        if any(token.startswith(prefix) for prefix in prefixes):
            return city
    return None


def parse_city(text: object) -> str | None:
    """City: ``Turku``, ``Espoo``, ``Helsinki``, ``Vantaa``, ``online``, ``skipped`` or None.

    Handles Finnish case forms (Espoossa, Helsinkiin, Turusta, Vantaalle),
    Swedish names (Esbo, Åbo, Helsingfors, Vanda), slang (Stadi, Hesa, Hki)
    and "online" / "etänä" / "distans". A place we do not cover ("Oulu",
    "Atlantis") gives None. The first place named wins.
    """
    if isinstance(text, str) and text.strip() in v.CITY_VALUES:
        return text.strip()
    if isinstance(text, str) and text.strip().lower() in ("online", v.SKIPPED):
        return text.strip().lower()
    prepared = _prepare(text)
    for token in prepared.tokens:
        city = _city_of_token(token)
        if city:
            return city
    kind = skip_kind(text)
    if kind:
        return v.SKIPPED
    online = [normalise(p) for p in v.ONLINE_PHRASES]
    if any(_find(prepared.text, phrase) >= 0 for phrase in online):
        return v.ONLINE
    names = {fold(city): city for city in v.CITIES}
    for token in prepared.tokens:
        close = difflib.get_close_matches(token, list(names), n=1, cutoff=0.8) if len(token) >= 4 else []
        if close:
            return names[close[0]]
    return None


def parse_timeframe(text: object) -> str | None:
    """Timeframe: ``now``, ``3_months``, ``this_year``, ``unsure``, ``skipped`` or None.

    A number of weeks, months or years ("2 viikon päästä", "in 6 months",
    "om tre månader") maps to now (at most 1 month), 3_months (at most 3)
    or this_year (at most 12); longer gives None.
    """
    if isinstance(text, str) and text.strip() in v.TIMEFRAMES:
        return text.strip()
    months = _months_in(normalise(text))
    if months is not None:
        if months <= 1:
            return "now"
        if months <= 3:
            return "3_months"
        return "this_year" if months <= 12 else None
    result = _match(text, "TIMEFRAME_PHRASES", canonical=v.TIMEFRAMES)
    return result if isinstance(result, str) else None


_DURATION_RE = re.compile(
    r"\b(\d{1,3}|[a-z]+)\s+(weeks?|viiko\w*|veck\w*|months?|kk|kuukau\w*|manad\w*|years?|vuo\w*|ar|aret)\b"
)


def _months_in(normalised: str) -> float | None:
    match = _DURATION_RE.search(normalised)
    if not match:
        return None
    amount_text, unit = match.groups()
    amount = int(amount_text) if amount_text.isdigit() else v.NUMBER_WORDS.get(amount_text)
    if amount is None:
        return None
    if unit.startswith(("week", "viiko", "veck")):
        return amount / 4.3
    if unit.startswith(("year", "vuo", "ar")):
        return amount * 12.0
    return float(amount)


def parse_education_level(text: object) -> str | None:
    """Education level: ``basic``, ``secondary``, ``bachelor``, ``master``, ``other``,
    ``skipped`` or None. A doctorate counts as ``master`` (the highest level we store).
    """
    result = _match(text, "EDUCATION_PHRASES", canonical=v.EDUCATION_LEVELS)
    return result if isinstance(result, str) else None


def parse_rating(text: object, lang: str | None = None) -> int | str | None:
    """A 1-5 rating (1 = not at all sure, 5 = completely sure), ``skipped`` or None.

    Digits ("4", "4/5", "3.5" rounds half up), number words ("four", "neljä",
    "nelonen", "fyra") and phrases ("not really" → 2, "kind of" → 3,
    "yes" → 4, "yes definitely" → 5, "no" → 1). A number outside 1-5
    ("9", "0") gives None, and so does a negated high phrase turned low
    ("not completely sure" → 2). Emoji are no number (None); "ja" is yes only in
    Swedish and a yes-word only in a short answer; a sentence with a negative word
    ("huono ja vaikea") never gives 4-5 (None: ask with the buttons).
    """
    if isinstance(text, int) and not isinstance(text, bool):
        return text if 1 <= text <= 5 else None
    if isinstance(text, str):
        text = without_emoji(text)
    folded = fold(_TAG_RE.sub(" ", text[:MAX_PARSE_CHARS])) if isinstance(text, str) else ""
    number = _NUMBER_RE.search(folded)
    if number:
        value = float(number.group(1).replace(",", "."))
        rounded = int(value + 0.5) if value >= 0 else -1
        return rounded if 1 <= rounded <= 5 and 1 <= value <= 5 else None
    for token in normalise(text).split():
        if token in v.NUMBER_WORDS:
            word_value = v.NUMBER_WORDS[token]
            return word_value if 1 <= word_value <= 5 else None
    result = _match(text, "RATING_PHRASES", negated_value=lambda value: 2 if value >= 3 else value, lang=lang)
    if isinstance(result, int) and result >= 4 and has_negative_word(normalise(text).split(), lang):
        return None
    return result if isinstance(result, int | str) else None


def parse_preference(text: object, lang: str | None = None) -> str | None:
    """Activity preference: ``like``, ``unsure``, ``dislike``, ``skipped`` or None.

    On an interest item "I don't know" / "en tiedä" counts as ``unsure`` (a
    real answer, docs/conversation.md "Skipping"); "skip" gives ``skipped``.
    A negated like ("en tykkää", "I wouldn't like that") gives ``dislike``.
    "ja" is yes only in Swedish, a yes-word only in a short answer, and a sentence
    with a negative word never gives ``like`` (None: ask again).
    """
    result = _match(
        text,
        "PREFERENCE_PHRASES",
        canonical=v.PREFERENCES,
        negated_value=_flip,
        dont_know="unsure",
        lang=lang,
    )
    if result == "like" and has_negative_word(normalise(text).split(), lang):
        return None
    return result if isinstance(result, str) else None


def _flip(value: object) -> object:
    return "dislike" if value == "like" else value


def is_payload(text: object) -> bool:
    """True for a typed or button intent payload such as ``/inform{"answer":"4"}``."""
    return isinstance(text, str) and bool(_PAYLOAD_RE.match(text))


def parse_background(text: object) -> str | None:
    """The person's own words about their work, studies and skills.

    Returns the text without markup or control characters, whitespace
    collapsed, cut at a word boundary to at most ``BACKGROUND_MAX_CHARS``
    (500) characters; ``skipped`` for a skip phrase; None for an empty,
    emoji-only or payload-looking (``/inform{...}``) message.
    """
    if not isinstance(text, str):
        return None
    if text.strip().lower() == v.SKIPPED or skip_kind(text):
        return v.SKIPPED
    if is_payload(text):
        return None
    cleaned = _TAG_RE.sub(" ", text[: v.BACKGROUND_MAX_CHARS * 4])
    cleaned = "".join(ch for ch in cleaned if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    cleaned = " ".join(cleaned.split())
    if not any(ch.isalpha() for ch in cleaned):
        return None
    if len(cleaned) > v.BACKGROUND_MAX_CHARS:
        cut = cleaned[: v.BACKGROUND_MAX_CHARS + 1]
        cleaned = cut.rsplit(" ", 1)[0] if " " in cut[-60:] else cut[: v.BACKGROUND_MAX_CHARS]
        cleaned = cleaned[: v.BACKGROUND_MAX_CHARS].rstrip()
    return cleaned
