"""Language of the person's words, and requests to switch language."""

from __future__ import annotations

import pytest

from bot.guidance.language import detect_language, parse_language_request


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mä haluun töihin", "fi"),
        ("ois kiva opiskella koodausta", "fi"),
        ("en tiiä", "fi"),
        ("haluan opiskella Espoossa", "fi"),
        ("moi", "fi"),
        ("jag söker jobb i Esbo", "sv"),
        ("Hej, jag vill studera", "sv"),
        ("tack", "sv"),
        ("I want a job", "en"),
        ("I don't know", "en"),
        ("Hello, can you help me?", "en"),
    ],
)
def test_detects_the_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "Espoo", "👍", "12345", "<b></b>"])
def test_no_guess_without_words(text: str) -> None:
    assert detect_language(text) is None


def test_long_text_is_read_safely() -> None:
    assert detect_language("jag vill jobba " * 1000) == "sv"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("suomeksi", "fi"),
        ("puhu suomea", "fi"),
        ("Can we speak Finnish?", "fi"),
        ("på svenska", "sv"),
        ("pa svenska tack", "sv"),
        ("ruotsiksi", "sv"),
        ("in English", "en"),
        ("englanniksi kiitos", "en"),
        ("fi", "fi"),
        ("hello", None),
        ("", None),
    ],
)
def test_language_requests(text: str, expected: str | None) -> None:
    assert parse_language_request(text) == expected
