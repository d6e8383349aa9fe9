"""Accent folding touches Latin letters only (issue 14's "Latin-only folding" trap).

What a person gets: a Finnish "Työkkäri" still meets "tyokkari"; a Ukrainian
'й' stays a letter of its own, and an Arabic word written with its short-vowel
marks (harakat) stays one word instead of falling apart into single letters.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from bot.guidance.answers import normalise
from bot.guidance.language import _WORD
from bot.locale.folding import MARKS, strip_latin_marks
from bot.matching.matcher import _NON_WORD
from bot.summaries.next_steps import fold

ARABIC = "أُرِيدُ أَنْ أَعْمَلَ"  # "I want to work", with harakat
UKRAINIAN = "Шукаю роботу, їжа й кав'ярня!"


@pytest.mark.parametrize("folder", [normalise, fold])
def test_finnish_and_swedish_fold_as_before(folder) -> None:
    assert folder("Työkkäri") == "tyokkari"
    assert folder("Hyvää päivää, Åbo!") == "hyvaa paivaa abo"
    assert folder("Arbetsförmedlingen i Åbo") == "arbetsformedlingen i abo"


@pytest.mark.parametrize("folder", [normalise, fold])
def test_ukrainian_letters_with_marks_stay_letters(folder) -> None:
    folded = folder(UKRAINIAN)
    assert folded == "шукаю роботу їжа й кавярня"
    assert "и" not in folded  # 'й' was not cut down to 'и'


@pytest.mark.parametrize("folder", [normalise, fold])
def test_an_arabic_word_with_harakat_stays_one_word(folder) -> None:
    folded = folder(ARABIC)
    assert folded.split() == ARABIC.split()
    assert unicodedata.normalize("NFC", folded) == folded


def test_the_language_guesser_reads_arabic_words_whole() -> None:
    assert _WORD.findall(ARABIC) == ARABIC.split()
    assert _WORD.findall("Hej, jag söker jobb 2026") == ["Hej", "jag", "söker", "jobb"]


def test_the_matcher_keeps_the_marks_of_arabic_letters() -> None:
    assert _NON_WORD.sub("", "أَعْمَلَ!") == "أَعْمَلَ"
    assert _NON_WORD.sub("", "työ-paikka") == "työpaikka"


def test_strip_latin_marks_leaves_other_scripts_alone() -> None:
    assert strip_latin_marks("Åbo Éire Ёлка Їжак") == "Abo Eire Ёлка Їжак"
    assert strip_latin_marks(ARABIC) == ARABIC


def test_the_mark_class_holds_the_marks_of_several_scripts_and_no_letters() -> None:
    mark = re.compile(f"[{MARKS}]")
    # acute, breve, fatha, sukun, Devanagari i
    for char in ("\u0301", "\u0306", "\u064e", "\u0652", "\u093f"):
        assert mark.fullmatch(char), hex(ord(char))
    for char in ("a", "ä", "й", "\u0627", "-", " "):  # Latin, Cyrillic and Arabic letters, a hyphen, a space
        assert not mark.fullmatch(char), char
