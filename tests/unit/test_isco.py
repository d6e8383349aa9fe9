"""The one ISCO-08 unit group -> conversation field table (bot.catalogue.isco)."""

from __future__ import annotations

import pytest

from bot.catalogue.isco import ISCO_FIELDS, field_for_isco, unit_group
from bot.catalogue.models import FIELDS


def test_table_names_only_conversation_fields_and_unit_groups() -> None:
    assert set(ISCO_FIELDS.values()) <= set(FIELDS)
    assert all(len(group) == 4 and group.isdigit() for group in ISCO_FIELDS)


@pytest.mark.parametrize(
    ("code", "field"),
    [
        ("2511", "data"),  # Systems analysts: ESCO's data analyst
        ("2512", "software"),  # Software developers
        ("2513", "software"),  # Web and multimedia developers
        ("2514", "software"),  # Applications programmers
        ("2519", "testing_quality"),  # n.e.c.: software tester
        ("2521", "data"),  # Database designers and administrators
        ("2522", "it_support"),  # Systems administrators
        ("2523", "it_support"),  # Computer network professionals
        ("2529", "it_support"),  # n.e.c.: ICT security
        ("3511", "it_support"),
        ("3512", "it_support"),
        ("3513", "it_support"),
        ("3514", "it_support"),
        ("2166", "ux_content"),  # Graphic and multimedia designers
        ("2431", "marketing_sales"),
        ("2432", "marketing_sales"),
        ("2433", "marketing_sales"),
        ("2434", "marketing_sales"),
    ],
)
def test_unit_groups_get_their_documented_field(code: str, field: str) -> None:
    assert field_for_isco(code) == field


@pytest.mark.parametrize(
    ("code", "group"),
    [("2511", "2511"), (2511, "2511"), ("2511.1", "2511"), ("2512.4.2", "2512"), (" 3512 ", "3512"),
     ("25", None), ("251", None), ("25111", None), ("2511.", None), ("data", None), ("", None), (None, None)],
)
def test_unit_group_of_four_digit_and_longer_esco_codes(code: object, group: str | None) -> None:
    assert unit_group(code) == group


def test_longer_esco_codes_and_unlisted_groups() -> None:
    assert field_for_isco("2511.1") == "data"
    assert field_for_isco("2512.4") == "software"
    assert field_for_isco("2221") is None  # nursing professionals: no conversation field
    assert field_for_isco("5223") is None  # shop sales assistants
    assert field_for_isco(None) is None and field_for_isco("") is None
