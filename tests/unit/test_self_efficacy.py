"""Self-efficacy check: instrument, mean score, strongest items, feedback."""

from __future__ import annotations

import pytest

from bot.guidance.self_efficacy import feedback, item_ids, items, scale_labels, score_self_efficacy


def test_instrument_has_five_items_in_three_languages() -> None:
    assert item_ids() == ["se_1", "se_2", "se_3", "se_4", "se_5"]
    for item in items():
        for lang in ("en", "fi", "sv"):
            assert item.text[lang].endswith("?")
            assert item.strength[lang]


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_scale_has_five_labelled_points(lang: str) -> None:
    labels = scale_labels(lang)
    assert sorted(labels) == [1, 2, 3, 4, 5]
    assert all(labels.values())


def test_score_is_mean_of_answered_items() -> None:
    result = score_self_efficacy({"se_1": 4, "se_2": "5", "se_3": "skipped", "se_4": None, "se_5": 3})
    assert result.score == 4.0
    assert (result.answered, result.total) == (3, 5)
    assert result.strongest == ["se_2"]
    assert result.answers == {"se_1": 4, "se_2": 5, "se_3": None, "se_4": None, "se_5": 3}


def test_mean_is_rounded_to_two_decimals() -> None:
    assert score_self_efficacy({"se_1": 1, "se_2": 2, "se_3": 2}).score == 1.67


def test_ties_keep_item_order_and_at_most_two_strengths() -> None:
    result = score_self_efficacy({"se_1": 3, "se_2": 5, "se_3": 5, "se_4": 5})
    assert result.strongest == ["se_2", "se_3"]


def test_all_skipped_has_no_score() -> None:
    result = score_self_efficacy({item: "skipped" for item in item_ids()})
    assert result.score is None
    assert result.answered == 0
    assert result.strongest == []


@pytest.mark.parametrize("bad", [{"se_1": 0}, {"se_1": 6}, {"se_1": "nine"}, {"se_9": 3}, {"se_1": True}])
def test_invalid_answers_raise(bad: dict) -> None:
    with pytest.raises(ValueError):
        score_self_efficacy(bad)


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_feedback_names_the_strength(lang: str) -> None:
    result = score_self_efficacy({"se_1": 2, "se_2": 5, "se_3": 3})
    text = feedback(result, lang)
    assert items()[1].strength[lang] in text


def test_feedback_in_english_is_supportive() -> None:
    low = feedback(score_self_efficacy({"se_1": 1, "se_2": 2}), "en")
    assert "that is OK" in low
    assert "learn new digital skills" in low
    high = feedback(score_self_efficacy({"se_1": 5, "se_2": 4}), "en")
    assert "Your answers give 4.5 out of 5." in high
    assert "find jobs or courses that suit you" in high


def test_feedback_uses_decimal_comma_in_finnish_and_swedish() -> None:
    result = score_self_efficacy({"se_1": 4, "se_2": 3})
    assert "3,5/5" in feedback(result, "fi")
    assert "3,5 av 5" in feedback(result, "sv")


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_feedback_when_everything_was_skipped(lang: str) -> None:
    text = feedback(score_self_efficacy({}), lang)
    assert text
    assert "{" not in text


def test_feedback_mentions_the_trend() -> None:
    result = score_self_efficacy({"se_1": 4, "se_2": 4})
    assert "higher than last time (3.0)" in feedback(result, "en", previous=3.0)
    assert "about the same as last time" in feedback(result, "en", previous=3.9)
    assert "can change again" in feedback(result, "en", previous=4.8)
