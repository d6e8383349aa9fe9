"""spaCy matcher: skills and occupations in fi / sv / en free text, inflection and typos."""

from __future__ import annotations

import pytest

from bot.matching import localised_label, match_terms, vocabulary
from bot.matching import matcher as matcher_module


def test_vocabulary_has_enough_terms_with_three_languages() -> None:
    terms = vocabulary()
    skills = [term for term in terms if term.kind == "skill"]
    occupations = [term for term in terms if term.kind == "occupation"]
    assert len(skills) >= 40
    assert len(occupations) >= 25
    for term in terms:
        assert all(term.names[lang] for lang in ("en", "fi", "sv")), term.label


@pytest.mark.parametrize(
    ("text", "lang", "skill"),
    [
        ("Olen opiskellut ohjelmointia", "fi", "programming"),
        ("ohjelmoinnin perusteet", "fi", "programming"),
        ("Teen asiakaspalvelutyötä", "fi", "customer service"),
        ("osaan käyttää Excel-taulukoita", "fi", "spreadsheets"),
        ("tietoturvaa ja verkkoja", "fi", "cybersecurity"),
        ("Jag har jobbat med kundtjänst", "sv", "customer service"),
        ("jag kan programmering och Python", "sv", "programming"),
        ("I know some JavaScript and SQL", "en", "JavaScript"),
        ("I know some JavaScript and SQL", "en", "databases"),
        ("social media marketing", "en", "social media"),
    ],
)
def test_skills_are_found_in_inflected_forms(text: str, lang: str, skill: str) -> None:
    assert skill in match_terms(text, lang).skills


@pytest.mark.parametrize(
    ("text", "lang", "occupation", "field"),
    [
        ("haluan data-analyytikoksi", "fi", "data analyst", "data"),
        ("olin ohjelmistotestaajana", "fi", "software tester", "testing_quality"),
        ("jag vill bli dataanalytiker", "sv", "data analyst", "data"),
        ("I'd like to become a web developer", "en", "web developer", "software"),
        ("I worked as a cashier", "en", "shop assistant", None),
    ],
)
def test_occupations_and_their_fields(text: str, lang: str, occupation: str, field: str | None) -> None:
    result = match_terms(text, lang)
    assert occupation in result.occupations
    if field:
        assert field in result.fields


def test_results_are_in_order_of_appearance_without_repeats() -> None:
    result = match_terms("Python, koodaus, ohjelmointia ja taas Python", "fi")
    assert result.skills == ["Python", "programming"]
    assert result.fields == ["software"]


def test_english_words_in_finnish_text_do_not_get_finnish_lemmas() -> None:
    # simplemma's Finnish lemmatiser turns "database" into "data"; patterns in
    # other languages are matched on their written form only.
    assert "data analysis" not in match_terms("haluan data-analyytikoksi", "fi").skills
    assert match_terms("some web development", "en").skills == ["web development"]


@pytest.mark.parametrize("text", ["", "   ", "🙂", "<b></b>", "x" * 5000, "Atlantis"])
def test_nothing_found_in_empty_or_unrelated_text(text: str) -> None:
    result = match_terms(text, "fi")
    assert (result.skills, result.occupations, result.fields) == ([], [], [])


def test_unknown_language_is_treated_as_english() -> None:
    assert match_terms("python", "de").skills == ["Python"]


def test_matcher_is_built_lazily_and_cached() -> None:
    matcher_module.reload()
    assert matcher_module._catalogue is None
    match_terms("python", "en")
    built = matcher_module._matcher("en")
    assert match_terms("java", "en").skills == ["Java"]
    assert matcher_module._matcher("en") is built
    assert matcher_module._catalogue is not None
    assert set(matcher_module._catalogue.matchers) == {"en"}


def test_localised_label_shows_the_persons_language() -> None:
    assert localised_label("customer service", "fi") == "asiakaspalvelu"
    assert localised_label("customer service", "en") == "customer service"
    assert localised_label("unknown thing", "sv") == "unknown thing"


def test_short_names_do_not_match_through_a_different_lemma() -> None:
    """simplemma's English lemma of "ai" is "be": "I was ..." must not find machine learning."""
    assert match_terms("I was an IT support agent and I am good with people", "en").skills == ["IT support"]
    assert match_terms("I am curious about AI", "en").skills == ["machine learning"]
    assert "machine learning" in match_terms("Haluan oppia tekoälyä ja AI-juttuja", "fi").skills


def test_excel_in_finnish_case_forms_as_in_the_bots_own_example() -> None:
    examples = (
        "Olin kaupassa töissä ja osaan Excelin.",
        "Käytän Exceliä joka päivä.",
        "Teen raportit Excelillä.",
    )
    for text in examples:
        assert "spreadsheets" in match_terms(text, "fi").skills, text
