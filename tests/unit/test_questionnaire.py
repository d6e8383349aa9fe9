"""The questionnaire base (bot/assessment/questionnaire.py) both checks are built on."""

from __future__ import annotations

import pytest

from bot.assessment.questionnaire import CONFIDENCE, INTERESTS, SKIPPED
from bot.guidance import riasec, self_efficacy
from bot.i18n import t


def test_the_items_are_the_instruments_items_in_order() -> None:
    assert CONFIDENCE.item_ids == ("se_1", "se_2", "se_3", "se_4", "se_5")
    assert INTERESTS.item_ids == tuple(f"ri_{n}" for n in range(1, 13))
    assert CONFIDENCE.values() == ("1", "2", "3", "4", "5")
    assert INTERESTS.values() == ("like", "unsure", "dislike")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_person_sees_progress_question_and_item_text(lang: str) -> None:
    second = self_efficacy.items()[1]
    progress = t("confidence.progress", lang, n=2, total=5)
    assert CONFIDENCE.prompt("se_2", lang) == f"{progress}\n{second.text[lang]}"
    third = riasec.items()[2]
    assert INTERESTS.prompt("ri_3", lang).split("\n") == [
        t("interests.progress", lang, n=3, total=12), t("interests.question", lang), third.text[lang]
    ]


def test_buttons_are_the_scale_then_skip_this_part() -> None:
    buttons = CONFIDENCE.buttons("en")
    assert [b["payload"] for b in buttons] == [f'/inform{{"answer":"{n}"}}' for n in range(1, 6)] + ["/skip"]
    assert buttons[0]["title"].startswith("1 · ")
    assert buttons[-1]["title"] == t("confidence.skip_button", "en")
    assert [b["title"] for b in INTERESTS.buttons("fi")] == [
        t("interests.like", "fi"), t("interests.unsure", "fi"), t("interests.dislike", "fi"),
        t("interests.skip_button", "fi"),
    ]


def test_skipping_the_section_fills_this_item_and_the_empty_later_ones() -> None:
    slots = {"se_1": "4", "se_2": None, "se_3": None, "se_4": "2", "se_5": None}
    assert CONFIDENCE.section_rest("se_2", slots.get) == {"se_2": SKIPPED, "se_3": SKIPPED, "se_5": SKIPPED}
    with pytest.raises(ValueError):
        CONFIDENCE.section_rest("ri_1", slots.get)


def test_dont_know_is_a_skip_of_one_rating_but_a_real_not_sure_interest() -> None:
    assert CONFIDENCE.dont_know == SKIPPED
    assert INTERESTS.dont_know == "unsure"


def test_scoring_reads_the_slots_and_leaves_skips_and_blanks_out() -> None:
    slots = {"se_1": "4", "se_2": "skipped", "se_3": "2", "se_4": None, "se_5": "banana"}
    assert CONFIDENCE.answers(slots.get) == {"se_1": 4, "se_2": None, "se_3": 2, "se_4": None, "se_5": None}
    result = CONFIDENCE.result(slots.get)
    assert result.score == self_efficacy.score_self_efficacy({"se_1": 4, "se_3": 2}).score == 3.0
    interests = {f"ri_{n}": "dislike" for n in range(1, 13)} | {"ri_1": "like", "ri_2": "skipped"}
    assert INTERESTS.answers(interests.get)["ri_2"] is None
    expected = riasec.score_riasec(INTERESTS.answers(interests.get)).holland_code
    assert INTERESTS.result(interests.get).holland_code == expected
