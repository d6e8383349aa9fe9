"""RIASEC profiler: instrument, O*NET-style scoring, Holland code, explanation, storage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from bot.guidance.riasec import (
    FIELD_RIASEC,
    TYPES,
    explain_holland_code,
    fields_for_code,
    item_ids,
    items,
    score_riasec,
    type_name,
)
from bot.guidance.store import AssessmentResult, history, latest_score, save_result


def test_twelve_items_two_per_type_interleaved() -> None:
    assert item_ids() == [f"ri_{n}" for n in range(1, 13)]
    assert "".join(item.type for item in items()) == "RIASECRIASEC"
    for item in items():
        assert all(item.text[lang] for lang in ("en", "fi", "sv"))


def test_scores_are_sums_like_2_unsure_1_dislike_0() -> None:
    result = score_riasec(
        {"ri_2": "like", "ri_8": "like", "ri_6": "unsure", "ri_12": "like", "ri_1": "dislike"}
    )
    assert result.scores == {"R": 0, "I": 4, "A": 0, "S": 0, "E": 0, "C": 3}
    assert result.holland_code == "IC"  # R was disliked: 0 points, not an interest
    assert result.answered == 5


def test_a_disliked_or_unanswered_type_never_fills_the_code() -> None:
    # A newcomer disliked the first (R) item, liked the second (I) and skipped the rest:
    # the summary said "You like: hands-on technical work, creative work" (code IRA).
    result = score_riasec({"ri_1": "dislike", "ri_2": "like"})
    assert result.holland_code == "I"

def test_a_type_only_not_sure_or_mixed_without_a_like_is_no_interest() -> None:
    # A newcomer answered "not sure" to one Social item and "dislike" to the other, and was
    # offered a job "for helping people": a type enters the code only with an item liked.
    result = score_riasec({"ri_1": "unsure", "ri_2": "like", "ri_4": "unsure", "ri_10": "dislike"})
    assert result.scores["R"] == 1 and result.scores["S"] == 1
    assert result.holland_code == "I"
    assert score_riasec({item: "unsure" for item in item_ids()}).holland_code is None
    # One like and one dislike of the same type is still an interest.
    assert score_riasec({"ri_4": "like", "ri_10": "dislike"}).holland_code == "S"


def test_ties_are_broken_in_riasec_order() -> None:
    answers = {item: "like" for item in item_ids()}
    assert score_riasec(answers).holland_code == "RIA"
    answers = {"ri_5": "like", "ri_4": "like", "ri_6": "like"}
    assert score_riasec(answers).holland_code == "SEC"


@pytest.mark.parametrize(
    "answers", [{}, {item: "skipped" for item in item_ids()}, {item: "dislike" for item in item_ids()}]
)
def test_no_code_without_any_interest(answers: dict) -> None:
    assert score_riasec(answers).holland_code is None


@pytest.mark.parametrize("bad", [{"ri_1": "love"}, {"ri_99": "like"}])
def test_invalid_answers_raise(bad: dict) -> None:
    with pytest.raises(ValueError):
        score_riasec(bad)


def test_field_table_is_the_shared_one() -> None:
    assert FIELD_RIASEC == {
        "software": "IRC",
        "data": "ICR",
        "ux_content": "ASI",
        "it_support": "RSC",
        "marketing_sales": "EAS",
        "testing_quality": "CIR",
    }


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("IRC", ["software", "data"]),
        ("ASE", ["ux_content", "marketing_sales"]),
        ("CIR", ["testing_quality", "data"]),
    ],
)
def test_fields_for_code(code: str, expected: list[str]) -> None:
    assert fields_for_code(code) == expected


def test_fields_for_empty_code() -> None:
    assert fields_for_code("") == []


def test_explanation_is_one_plain_sentence() -> None:
    text = explain_holland_code("IRC", "en")
    assert text == (
        "Your interest code is IRC: you like solving problems most, and this points to "
        "software development and data analysis."
    )
    assert text.count(".") == 1


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_explanation_in_finnish_and_swedish(lang: str) -> None:
    text = explain_holland_code("ASI", lang)
    assert "ASI" in text
    assert text.endswith(".")
    assert "{" not in text


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_explanation_without_code(lang: str) -> None:
    assert explain_holland_code(None, lang)


def test_type_names() -> None:
    assert [type_name(letter, "en") for letter in TYPES][:2] == ["Hands-on", "Investigating"]


def test_results_are_stored_with_utc_time_and_history_is_oldest_first(session: Session) -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    save_result(session, "c1", "self_efficacy", answers={"se_1": 3}, score=3.0, created_at=start)
    save_result(
        session, "c1", "self_efficacy", answers={"se_1": 4}, score=4.0, created_at=start + timedelta(days=7)
    )
    save_result(session, "c1", "riasec", answers={"ri_1": "like"}, holland_code="RIA")
    save_result(session, "c2", "self_efficacy", answers={}, score=None)
    session.commit()
    rows = history(session, "c1", "self_efficacy")
    assert [row.score for row in rows] == [3.0, 4.0]
    assert [row.holland_code for row in history(session, "c1", "riasec")] == ["RIA"]
    assert latest_score(session, "c1") == 4.0
    assert latest_score(session, "c2") is None
    assert isinstance(session.get(AssessmentResult, rows[0].id), AssessmentResult)


def test_unknown_kind_is_refused(session: Session) -> None:
    with pytest.raises(ValueError):
        save_result(session, "c1", "mood", answers={})  # type: ignore[arg-type]
