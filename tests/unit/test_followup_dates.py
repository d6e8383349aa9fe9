"""Due dates of agreed steps: quick choices and dates typed the way people write them in fi, sv, en."""

from __future__ import annotations

from datetime import date

import pytest

from bot.followup.dates import NO_DATE, parse_due, quick_due

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("due:7", date(2026, 12, 9)),
        ("due:14", date(2026, 12, 16)),
        ("due:30", date(2027, 1, 1)),
        ("due:none", NO_DATE),
        ("15.1.", date(2027, 1, 15)),  # passed this year: next year
        ("15.1.2027", date(2027, 1, 15)),
        ("15.1.27", date(2027, 1, 15)),
        ("18.12", date(2026, 12, 18)),
        ("3/12", date(2026, 12, 3)),  # day first, as in Finland
        ("2027-01-15", date(2027, 1, 15)),
        ("by 15 January", date(2027, 1, 15)),
        ("January 15th", date(2027, 1, 15)),
        ("15. tammikuuta", date(2027, 1, 15)),
        ("tammikuun 15", date(2027, 1, 15)),
        ("15 tammikuuta 2027", date(2027, 1, 15)),
        ("helmikuussa 3", date(2027, 2, 3)),
        ("den 15 januari", date(2027, 1, 15)),
        ("15 jan", date(2027, 1, 15)),
        ("2.12.", date(2026, 12, 2)),  # today is fine
        ("viikon päästä", date(2026, 12, 9)),
        ("viikon paasta", date(2026, 12, 9)),
        ("kahden viikon päästä", date(2026, 12, 16)),
        ("om två veckor", date(2026, 12, 16)),
        ("in a month", date(2027, 1, 1)),
        ("huomenna", date(2026, 12, 3)),
        ("i morgon", date(2026, 12, 3)),
        ("en tiedä vielä", NO_DATE),
        ("not sure", NO_DATE),
        ("vet inte", NO_DATE),
    ],
)
def test_typed_dates_in_three_languages(text: str, expected: object) -> None:
    assert parse_due(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["1.1.2020", "31.2.", "2207-01-01", "15.1.2029", "asdf", "", "32.1.", "13/13"]
)
def test_past_impossible_far_or_unreadable_dates_are_refused(text: str) -> None:
    assert parse_due(text, TODAY) is None


def test_quick_due_knows_only_its_keys() -> None:
    assert quick_due("due:7", TODAY) == date(2026, 12, 9)
    assert quick_due("cv", TODAY) is None
