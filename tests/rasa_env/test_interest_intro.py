"""utter_interest_intro after a resume code: the person is told the questions are not asked again.

Rasa picks at random among every conditional variation that matches, so each
language must have exactly one matching text for either value of the slot
``interests_restored`` (its initial value is false).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rasa")

from rasa.core.nlg.generator import ResponseVariationFilter  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def _texts(domain: Domain, language: str, restored: bool) -> list[str]:
    slots: dict[str, Any] = {slot.name: slot.initial_value for slot in domain.slots}
    slots.update(language=language, interests_restored=restored)
    variations = ResponseVariationFilter(domain.responses).responses_for_utter_action(
        "utter_interest_intro", "rest", slots
    )
    return [v["text"] for v in variations]


def test_the_slot_starts_false(domain: Domain) -> None:
    assert next(s for s in domain.slots if s.name == "interests_restored").initial_value is False


@pytest.mark.parametrize(
    ("language", "asked", "kept"),
    [
        ("en", "12 quick questions", "I kept your interest answers"),
        ("fi", "12 nopeaa kysymystä", "Säilytin kiinnostusvastauksesi"),
        ("sv", "12 snabba frågor", "Jag sparade dina svar om intressen"),
    ],
)
def test_one_text_per_language_for_each_case(domain: Domain, language: str, asked: str, kept: str) -> None:
    first_time = _texts(domain, language, restored=False)
    resumed = _texts(domain, language, restored=True)
    assert len(first_time) == 1 and asked in first_time[0]
    assert len(resumed) == 1 and kept in resumed[0]
