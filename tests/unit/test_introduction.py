"""The self-introduction builder (bot/practice/introduction.py): sentences a person can use.

Each test pins what the person reads: 3 to 6 first-person sentences in the
conversation language, their own words kept, strengths only (what they cannot
do is left out), skips and emoji handled, long answers cut to one sentence,
editing by number, the plain text to copy, and the summary entry for a coach.
"""

from __future__ import annotations

import pytest

from bot.i18n import t
from bot.practice.introduction import (
    MAX_PART_CHARS,
    IntroAnswers,
    KnownFacts,
    as_sentence,
    build_introduction,
    clean_answer,
    is_help_request,
    is_negative,
    parse_edit,
    render_download,
    render_numbered,
    render_plain,
    replace_sentence,
    skills_section,
    summary_entry,
)
from bot.summaries.service import build_summary, render_summary

LANGS = ("en", "fi", "sv")


def _answers(did: str, good_at: str, want_next: str) -> IntroAnswers:
    return IntroAnswers(clean_answer(did), clean_answer(good_at), clean_answer(want_next))


def test_full_answers_give_six_sentences_present_past_future_in_english() -> None:
    known = KnownFacts(field="it_support", goal_type="job", skills=("Excel", "customer service"))
    sentences = build_introduction(
        _answers("worked in a warehouse for 5 years", "helping people", "find a job in IT support"),
        known,
        "en",
    )
    assert sentences == [
        t("introduction.present_general", "en"),  # the wish names IT support already
        "I am good at helping people.",
        "My skills include Excel and customer service.",
        "I worked in a warehouse for 5 years.",
        "Next, I would like to find a job in IT support.",
        "I am happy to tell you more.",
    ]


def test_finnish_colloquial_first_person_answers_stay_the_persons_own_sentences() -> None:
    sentences = build_introduction(
        _answers(
            "mä oon tehny varastohommia viis vuotta",
            "asiakaspalvelu ja tiimityö",
            "haluun opiskella koodausta",
        ),
        KnownFacts(field="software", goal_type="study"),
        "fi",
    )
    assert sentences == [
        "Minua kiinnostaa erityisesti ohjelmistokehitys.",
        "Vahvuuksiani ovat asiakaspalvelu ja tiimityö.",
        "Mä oon tehny varastohommia viis vuotta.",
        "Haluun opiskella koodausta.",
        "Kerron mielelläni lisää.",
    ]


def test_swedish_answers_get_swedish_templates_and_a_jag_before_a_bare_verb() -> None:
    sentences = build_introduction(
        _answers("har jobbat i butik", "kundservice", "hitta ett jobb inom IT"),
        KnownFacts(goal_type="job"),
        "sv",
    )
    assert sentences == [
        "Jag söker mitt nästa steg i arbetslivet.",
        "Jag är bra på kundservice.",
        "Jag har jobbat i butik.",
        "Härnäst vill jag hitta ett jobb inom IT.",
        "Jag berättar gärna mer.",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_three_skipped_answers_still_give_three_sentences_from_the_goal(lang: str) -> None:
    answers = _answers("/skip", "skip", "en tiedä" if lang == "fi" else "I don't know")
    assert answers == IntroAnswers(None, None, None)
    sentences = build_introduction(answers, KnownFacts(goal_type="study"), lang)
    assert sentences == [
        t("introduction.present_general", lang),
        t("introduction.future_goal_study", lang),
        t("introduction.closing", lang),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_introduction_has_three_to_six_full_sentences(lang: str) -> None:
    cases = [
        (IntroAnswers(), KnownFacts()),
        (_answers("a", "b", "c"), KnownFacts(field="data", skills=("SQL",) * 9, occupations=("cook",))),
        (IntroAnswers(), KnownFacts(field="nonsense", goal_type="nonsense", occupations=("cleaner", "cook"))),
    ]
    for answers, known in cases:
        sentences = build_introduction(answers, known, lang)
        assert 3 <= len(sentences) <= 6
        assert all(s[0].isupper() and s[-1] in ".!?" for s in sentences), sentences


def test_occupations_found_earlier_stand_in_for_a_skipped_past_and_skills_are_not_repeated() -> None:
    known = KnownFacts(skills=("Python", "Python", "SQL"), occupations=("cleaner", "cook"))
    sentences = build_introduction(IntroAnswers(), known, "en")
    assert "My skills include Python and SQL." in sentences
    assert "I have experience as cleaner and cook." in sentences


def test_what_the_person_cannot_do_is_left_out_and_the_rest_kept() -> None:
    assert clean_answer("I'm good with people but not good at computers") == "I'm good with people"
    assert clean_answer("asiakaspalvelu, mutta en osaa koodata") == "asiakaspalvelu"
    assert clean_answer("Jag är bra på att lyssna. Jag är inte bra på matte.") == "Jag är bra på att lyssna"
    sentences = build_introduction(_answers("x", "I can't do anything right", "y"), KnownFacts(), "en")
    assert not any(is_negative(s) for s in sentences)
    assert not any("can't" in s for s in sentences)


@pytest.mark.parametrize(
    "text",
    ["I'm not good at anything", "nothing", "en osaa mitään", "en oo hyvä missään", "ingenting", "kan inte"],
)
def test_an_answer_that_only_names_a_deficit_is_no_sentence(text: str) -> None:
    assert clean_answer(text) is None


def test_positive_words_that_look_negative_are_kept() -> None:
    assert clean_answer("I never give up") == "I never give up"
    assert clean_answer("hoidin vaikeitakin asiakkaita") == "hoidin vaikeitakin asiakkaita"


@pytest.mark.parametrize(
    "text", ["", "   ", "👍👍", "🙂", "<b></b>", None, 42, "/skip", "skipped", "ohita", "hoppa över"]
)
def test_empty_emoji_markup_and_skips_are_skipped(text: object) -> None:
    assert clean_answer(text) is None


def test_emoji_and_markup_are_dropped_from_an_answer() -> None:
    assert clean_answer("helping people 😊🙌 <script>x</script>") == "helping people x"


def test_an_over_long_answer_is_cut_to_one_sentence_at_a_word_boundary() -> None:
    long = "I worked as a cleaner in hospitals and schools " * 12
    cleaned = clean_answer(long)
    assert cleaned is not None
    assert len(cleaned) <= MAX_PART_CHARS
    assert long.startswith(cleaned)
    assert not cleaned.endswith(" ")
    one_word = clean_answer("x" * 900)
    assert one_word is not None and len(one_word) == MAX_PART_CHARS
    sentence = build_introduction(IntroAnswers(did=cleaned), KnownFacts(), "en")[1]
    assert sentence.count(".") == 1 and sentence.endswith(".")


def test_several_sentences_of_one_answer_become_one() -> None:
    assert clean_answer("Worked in a shop. Volunteered at the Red Cross!") == (
        "Worked in a shop, Volunteered at the Red Cross"
    )


def test_an_english_answer_in_a_finnish_conversation_keeps_its_words_in_a_finnish_sentence() -> None:
    sentences = build_introduction(_answers("x", "customer service", "y"), KnownFacts(), "fi")
    assert "Vahvuuksiani ovat customer service." in sentences
    swedish_in_english = build_introduction(_answers("x", "kundservice", "y"), KnownFacts(), "en")
    assert "I am good at kundservice." in swedish_in_english


def test_acronyms_keep_their_capitals_and_a_capital_first_word_is_lowered_inside_a_template() -> None:
    sentences = build_introduction(_answers("x", "IT support", "Courses in SQL"), KnownFacts(), "en")
    assert "I am good at IT support." in sentences
    assert "Next, I am looking for courses in SQL." in sentences


def test_replace_sentence_changes_only_that_sentence_and_tidies_it() -> None:
    sentences = ["One.", "Two.", "Three."]
    assert replace_sentence(sentences, 2, "  i like helping people 🙂 ") == [
        "One.",
        "I like helping people.",
        "Three.",
    ]
    assert sentences == ["One.", "Two.", "Three."]


def test_replace_sentence_refuses_a_wrong_number_and_an_empty_or_deficit_text() -> None:
    with pytest.raises(IndexError):
        replace_sentence(["One.", "Two.", "Three."], 4, "text")
    with pytest.raises(IndexError):
        replace_sentence(["One.", "Two.", "Three."], 0, "text")
    for text in ("", "🙂", "I am bad at everything"):
        with pytest.raises(ValueError):
            replace_sentence(["One.", "Two.", "Three."], 1, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2: I like people", (2, "I like people")),
        ("3) Osaan kuunnella", (3, "Osaan kuunnella")),
        (" 1. Jag gillar data", (1, "Jag gillar data")),
        ("lause 4: Tykkään tiimityöstä", (4, "Tykkään tiimityöstä")),
        ("sentence 2 - new text", (2, "new text")),
        ("change sentence 2", None),
        ("2", None),
        ("I have 2 kids", None),
        (None, None),
    ],
)
def test_parse_edit_reads_a_typed_number_and_new_text(text: object, expected: tuple[int, str] | None) -> None:
    assert parse_edit(text) == expected


def test_numbered_and_plain_renderings() -> None:
    sentences = ["I am interested in data.", "I am good at maths.", "I am happy to tell you more."]
    assert render_numbered(sentences) == (
        "1. I am interested in data.\n2. I am good at maths.\n3. I am happy to tell you more."
    )
    assert (
        render_plain(sentences)
        == "I am interested in data. I am good at maths. I am happy to tell you more.\n"
    )


def test_as_sentence_capitalises_and_ends_with_a_stop_once() -> None:
    assert as_sentence("osaan kuunnella") == "Osaan kuunnella."
    assert as_sentence("Really?") == "Really?"


def test_the_summary_has_the_introduction_only_after_the_person_added_it_and_redacted() -> None:
    sentences = ["I am interested in data.", "Call me on 040 123 4567.", "I am happy to tell you more."]
    assert summary_entry({"introduction_sentences": sentences}) is None
    assert summary_entry({"introduction_sentences": sentences, "introduction_in_summary": False}) is None
    assert summary_entry({"introduction_sentences": [], "introduction_in_summary": True}) is None
    assert summary_entry({"introduction_sentences": "odd", "introduction_in_summary": True}) is None
    slots = {"introduction_sentences": sentences, "introduction_in_summary": True, "language": "en"}
    assert summary_entry(slots) == sentences
    data = build_summary(slots, "conv-1")
    assert data["introduction"][0] == "I am interested in data."
    assert "040 123 4567" not in data["introduction"][1]
    assert "introduction" not in build_summary({"introduction_sentences": sentences}, "conv-1")
    text = render_summary(data, "fi")
    assert "Esittely:" in text and "I am interested in data." in text


@pytest.mark.parametrize("text", ["help", "Apua!", "vad kan du göra?", "What can you do"])
def test_a_bare_call_for_help_is_told_apart_from_an_answer(text: str) -> None:
    assert is_help_request(text)


@pytest.mark.parametrize(
    "text", ["helping customers", "autan ihmisiä", "hjälpa andra", "I help my neighbours", None]
)
def test_an_answer_about_helping_is_no_call_for_help(text: object) -> None:
    assert not is_help_request(text)


def test_the_cv_skills_section_lists_found_skills_then_named_strengths_once() -> None:
    answers = IntroAnswers(good_at=clean_answer("Excel, asiakaspalvelu ja tiimityö, mutta en osaa koodata"))
    assert skills_section(answers, KnownFacts(skills=("Excel", "SQL"))) == [
        "Excel",
        "SQL",
        "asiakaspalvelu",
        "tiimityö",
    ]
    assert skills_section(IntroAnswers(good_at="I'm good with people"), KnownFacts()) == []
    assert skills_section(IntroAnswers(good_at="working with people and cooking"), KnownFacts()) == [
        "working with people",
        "cooking",
    ]
    assert skills_section(IntroAnswers(), KnownFacts(skills=tuple(f"s{n}" for n in range(20)))) == [
        f"s{n}" for n in range(8)
    ]


def test_the_download_is_the_paragraph_then_the_skills_under_a_heading() -> None:
    sentences = ["Minua kiinnostaa data.", "Kerron mielelläni lisää."]
    assert render_download(sentences, [], "fi") == render_plain(sentences)
    assert render_download(sentences, ["Excel", "tiimityö"], "fi") == (
        "Minua kiinnostaa data. Kerron mielelläni lisää.\n\nOsaamiseni CV:tä varten:\n- Excel\n- tiimityö\n"
    )


def test_the_field_is_not_said_twice_when_the_wish_names_it() -> None:
    """Seen by a Finnish newcomer: sentence 1 'Minua kiinnostaa erityisesti IT-tuki.'

    and sentence 4 'Haluisin päästä it-tukeen töihin.' said the same.
    """
    answers = _answers("oon ollu kassalla", "oon kärsivällinen", "haluisin päästä it-tukeen töihin")
    sentences = build_introduction(answers, KnownFacts(field="it_support", goal_type="job"), "fi")
    field = t("introduction.present_field", "fi", field=t("suggestions.field_it_support", "fi"))
    assert field not in sentences and sentences[0] == t("introduction.present_general", "fi")
    other = build_introduction(_answers("a", "b", "haluan oppia lisää"), KnownFacts(field="it_support"), "fi")
    assert other[0] == field  # a wish that does not name the field keeps the field line
