"""The due date of a next step: the quick choices and dates typed in Finnish, Swedish or English.

Quick choices (button keys): ``due:7`` (in a week), ``due:14`` (in two
weeks), ``due:30`` (in a month), ``due:none`` (no date yet).

Typed dates understood (``parse_due``), day before month as in Finland:
``15.1.``, ``15.1.2027``, ``15.1.27``, ``15/1``, ``2027-01-15`` (ISO),
``15 January``, ``January 15``, ``15. tammikuuta``, ``15 januari`` (month
names from CLDR through Babel, any form and case, with or without ä/ö), and
the words tomorrow / in a week / two weeks / a month in the three languages
("huomenna", "viikon päästä", "om två veckor", ...). A date without a year
that has passed this year means next year. Dates before today or more than
a year ahead are refused (None), so a typo never sets a reminder for 2207.

Shapes:
    ``parse_due(text, today) -> date | None | NO_DATE``
    ``quick_due(key, today) -> date | None | NO_DATE``: a button key, else None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Final, Literal

from babel import Locale
from babel.dates import get_month_names

from bot.locale.folding import strip_latin_marks

NoDate = Literal["none"]
NO_DATE: Final[NoDate] = "none"
QUICK_DAYS: dict[str, int] = {"due:7": 7, "due:14": 14, "due:30": 30}
QUICK_KEYS: tuple[str, ...] = (*QUICK_DAYS, "due:none")
MAX_AHEAD = timedelta(days=366)
DueAnswer = date | NoDate | None

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]?\s*(\d{4}|\d{2})?(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})\s*\.?\s*([^\W\d]+)\.?(?:\s+(\d{4}))?")
_MONTH_FIRST = re.compile(r"([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?!\d)")
_RELATIVE: tuple[tuple[tuple[str, ...], int], ...] = (
    (("two weeks", "2 weeks", "fortnight", "kahden viikon", "kaks viikkoa", "kaksi viikkoa",
      "2 viikon", "2 viikkoa", "tva veckor", "2 veckor"), 14),
    (("a month", "one month", "1 month", "next month", "kuukauden", "kuukaudessa", "kuukausi",
      "kuun paasta", "en manad", "1 manad", "nasta manad"), 30),
    (("a week", "one week", "1 week", "next week", "viikon", "viikossa", "ensi viikolla",
      "en vecka", "1 vecka", "nasta vecka"), 7),
    (("tomorrow", "huomenna", "huomen", "i morgon", "imorgon"), 1),
    (("today", "tanaan", "idag", "i dag"), 0),
)  # fmt: skip
_NONE_WORDS = ("no date", "not sure", "dont know", "en tieda", "en tiia", "ei paivaa", "vet inte",
               "inget datum", "later", "myohemmin", "senare")  # fmt: skip


def _fold(text: str) -> str:
    return " ".join(strip_latin_marks(text.lower()).replace("'", "").split())


@lru_cache(maxsize=1)
def month_words() -> dict[str, int]:
    """Folded month names and abbreviations of fi, sv and en (every CLDR form) -> month number."""
    words: dict[str, int] = {}
    for lang in ("fi", "sv", "en"):
        locale = Locale.parse(lang)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale).items():
                    folded = _fold(name).rstrip(".")
                    if len(folded) >= 3:
                        words.setdefault(folded, number)
    return words


def _month(word: str) -> int | None:
    word = _fold(word).rstrip(".")
    words = month_words()
    if word in words:
        return words[word]
    # "tammikuussa", "tammikuun": a Finnish case ending on the stem; "sept": a short form.
    for name, number in sorted(words.items(), key=lambda item: -len(item[0])):
        if len(name) >= 5 and (word.startswith(name[:-1]) or (len(word) >= 3 and name.startswith(word))):
            return number
    return None


def _checked(candidate: date | None, today: date) -> date | None:
    if candidate is None or candidate < today or candidate - today > MAX_AHEAD:
        return None
    return candidate


def _make(year: int | None, month: int, day: int, today: date) -> date | None:
    """The date; without a year, this year's, or next year's when this year's has passed."""
    if year is not None and year < 100:
        year += 2000
    try:
        candidate = date(year or today.year, month, day)
        if year is None and candidate < today:
            candidate = date(today.year + 1, month, day)
    except ValueError:
        return None
    return _checked(candidate, today)


def quick_due(key: str, today: date) -> DueAnswer:
    """The date of a quick-choice key (``due:7`` ...), ``NO_DATE`` for ``due:none``, else None."""
    if key == "due:none":
        return NO_DATE
    days = QUICK_DAYS.get(key)
    return today + timedelta(days=days) if days is not None else None


def parse_due(text: str, today: date) -> DueAnswer:
    """The due date in ``text`` (module docstring), ``NO_DATE`` for "no date yet", or None."""
    raw = (text or "").strip()
    quick = quick_due(raw, today)
    if quick is not None:
        return quick
    folded = _fold(raw)
    if not folded:
        return None
    if match := _ISO.search(raw):
        return _make(int(match[1]), int(match[2]), int(match[3]), today)
    if match := _NUMERIC.search(raw):
        year = int(match[3]) if match[3] else None
        return _make(year, int(match[2]), int(match[1]), today)
    for pattern, day_group, month_group in ((_DAY_FIRST, 1, 2), (_MONTH_FIRST, 2, 1)):
        for match in pattern.finditer(folded):
            month = _month(match[month_group])
            if month is not None:
                year = int(match[3]) if match[3] else None
                return _make(year, month, int(match[day_group]), today)
    for phrases, days in _RELATIVE:
        if any(re.search(rf"(?<!\w){re.escape(p)}", folded) for p in phrases):
            return _checked(today + timedelta(days=days), today)
    if any(word in folded for word in _NONE_WORDS):
        return NO_DATE
    return None
