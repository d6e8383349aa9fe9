"""The coach dashboard's language: chosen, remembered, or from the browser by the locale registry."""

from __future__ import annotations

import pytest

from bot.coach.i18n import pick_language, text


@pytest.mark.parametrize(
    ("query", "cookie", "accept", "expected"),
    [
        ("sv", "fi", "en", "sv"),  # the menu choice wins
        (None, "fi", "sv", "fi"),  # then the remembered one
        (None, None, "sv-FI,sv;q=0.9", "sv"),
        (None, None, "fil-PH,fi;q=0.5", "fi"),  # Filipino is not Finnish; the next tag is
        (None, None, "de-DE", "en"),
        ("xx", None, None, "en"),
    ],
)
def test_the_dashboard_speaks_the_persons_language(query: str | None, cookie: str | None, accept: str | None,
                                                   expected: str) -> None:
    assert pick_language(query, cookie, accept) == expected


def test_an_unknown_language_gets_the_english_texts() -> None:
    assert text("de")["login"] == text("en")["login"] == "Log in"
    assert text("sv-FI")["login"] == text("sv")["login"] != "Log in"
