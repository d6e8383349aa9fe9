"""Accent folding that is safe for every script the registry may list.

Matching folds Finnish and Swedish text so that "Työkkäri" and "tyokkari"
meet. That folding must only ever touch Latin letters: in Ukrainian 'й' and
'ї', and in Russian 'ё', the mark is part of the letter, and in Arabic the
short-vowel marks (harakat, U+064B-U+0652) sit on letters inside a word.

Two traps are closed here:

- :func:`strip_latin_marks` drops a combining mark only when its base letter
  is Latin (``"Åbo"`` -> ``"Abo"``, ``"Їжак"`` stays);
- :data:`MARKS` is a regular-expression class body of every Unicode combining
  mark (categories Mn, Mc, Me), for word patterns: Python's ``\\w`` does not
  match marks, so ``[\\w]+`` would cut ``"كَتَبَ"`` into the single letters
  ``"ك ت ب"``. Write ``rf"[\\w{MARKS}]+"`` instead.

Source: the Unicode Character Database of the running Python
(:mod:`unicodedata`).
"""

from __future__ import annotations

import sys
import unicodedata


def _mark_ranges() -> str:
    """Every combining mark as character-class ranges (``"\\u0300-\\u036f..."``), read once.

    Marks live below U+20000 plus the variation selectors supplement
    (U+E0100-U+E01EF); the scan covers both (about 130 000 code points).
    """
    points = [
        cp
        for block in (range(0x20000), range(0xE0100, min(0xE01F0, sys.maxunicode + 1)))
        for cp in block
        if unicodedata.category(chr(cp)).startswith("M")
    ]
    ranges: list[str] = []
    start = prev = points[0]
    for cp in [*points[1:], -1]:
        if cp == prev + 1:
            prev = cp
            continue
        ranges.append(chr(start) if start == prev else f"{chr(start)}-{chr(prev)}")
        start = prev = cp
    return "".join(ranges)


#: Regex character-class body matching any combining mark (use inside ``[...]``).
MARKS: str = _mark_ranges()


def strip_latin_marks(text: str) -> str:
    """``text`` without the combining marks of Latin letters (ä -> a, é -> e, å -> a), recomposed (NFC).

    A mark on a letter of another script is part of that letter and stays:
    Ukrainian 'й' (и + breve), 'ї', Russian 'ё', Arabic harakat. Compatibility
    characters are decomposed too (NFKD): the ligature 'ﬁ' becomes 'fi'.
    """
    kept: list[str] = []
    base_is_latin = False
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            if not base_is_latin:
                kept.append(char)
            continue
        base_is_latin = unicodedata.name(char, "").startswith("LATIN")
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))
