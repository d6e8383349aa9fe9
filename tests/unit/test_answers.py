"""Parsers of free-text answers: three languages, typos, emoji, markup, long and empty input."""

from __future__ import annotations

import pytest

from bot.guidance.answers import (
    normalise,
    parse_background,
    parse_city,
    parse_education_level,
    parse_field,
    parse_goal_type,
    parse_preference,
    parse_rating,
    parse_timeframe,
    skip_kind,
)
from bot.guidance.vocabulary import BACKGROUND_MAX_CHARS

WEIRD = [
    "",
    "   ",
    "🦄🦄🦄",
    "<img src=x onerror=alert(document.cookie)>",
    "x" * 5000,
    '/inform{"foo": "bar"}',
    "???",
    "\x00\x01",
]
SKIPS = [
    "skip",
    "Skip!",
    "not now",
    "I don't know",
    "idk",
    "en tiedä",
    "en tiiä",
    "ohita",
    "vet inte",
    "hoppa över",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Espoo", "Espoo"),
        ("Espoossa", "Espoo"),
        ("espooseen", "Espoo"),
        ("Esbo", "Espoo"),
        ("i Esbo", "Espoo"),
        ("jag bor i Esbo", "Espoo"),
        ("Åbo", "Turku"),
        ("abo", "Turku"),
        ("Turussa", "Turku"),
        ("turusta", "Turku"),
        ("Helsingfors", "Helsinki"),
        ("Hki", "Helsinki"),
        ("Stadi", "Helsinki"),
        ("stadissa", "Helsinki"),
        ("Helsingissä", "Helsinki"),
        ("helsingissa", "Helsinki"),
        ("Helsinkki", "Helsinki"),
        ("Vanda", "Vantaa"),
        ("Vantaalla", "Vantaa"),
        ("vantaalle", "Vantaa"),
        ("online", "online"),
        ("etänä", "online"),
        ("etana", "online"),
        ("på distans", "online"),
        ("distans", "online"),
        ("verkossa", "online"),
        ("remote please", "online"),
        ("<b>Espoo</b>", "Espoo"),
        ("Espoo 🙂", "Espoo"),
        ("Atlantis", None),
        ("Oulu", None),
        ("Tampereella", None),
        ("Stockholm", None),
    ],
)
def test_parse_city_maps_forms_and_names(text: str, expected: str | None) -> None:
    assert parse_city(text) == expected


@pytest.mark.parametrize("text", SKIPS)
def test_skip_phrases_give_skipped_for_every_goal_question(text: str) -> None:
    for parser in (parse_city, parse_goal_type, parse_timeframe, parse_education_level, parse_field):
        assert parser(text) == "skipped", (parser.__name__, text)


@pytest.mark.parametrize("text", WEIRD)
def test_weird_input_is_not_understood_and_never_crashes(text: str) -> None:
    for parser in (
        parse_city,
        parse_goal_type,
        parse_timeframe,
        parse_education_level,
        parse_field,
        parse_rating,
        parse_preference,
    ):
        assert parser(text) is None, parser.__name__


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a job", "job"),
        ("I want to work", "job"),
        ("mä haluun töihin", "job"),
        ("töitä", "job"),
        ("duunia", "job"),
        ("jag söker jobb", "job"),
        ("arbete", "job"),
        ("study", "study"),
        ("courses", "study"),
        ("ois kiva opiskella", "study"),
        ("koulutusta", "study"),
        ("studera", "study"),
        ("utbildning", "study"),
        ("both", "both"),
        ("molemmat", "both"),
        ("båda", "both"),
        ("töitä tai koulutusta", "both"),
        ("not sure", "unsure"),
        ("en oo varma", "unsure"),
        ("kanske", "unsure"),
        ("job", "job"),
        ("banana", None),
    ],
)
def test_parse_goal_type(text: str, expected: str | None) -> None:
    assert parse_goal_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("coding", "software"),
        ("ohjelmointi", "software"),
        ("koodausta", "software"),
        ("programmering", "software"),
        ("data", "data"),
        ("data-analyysi", "data"),
        ("dataanalys", "data"),
        ("haluan data-analyytikoksi", "data"),
        ("UX", "ux_content"),
        ("sisällöntuotanto", "ux_content"),
        ("it-tuki", "it_support"),
        ("helpdesk", "it_support"),
        ("markkinointi", "marketing_sales"),
        ("försäljning", "marketing_sales"),
        ("testaus", "testing_quality"),
        ("QA", "testing_quality"),
        ("mikä vaan", "unsure"),
        ("ux_content", "ux_content"),
        ("cooking", None),
    ],
)
def test_parse_field(text: str, expected: str | None) -> None:
    assert parse_field(text, "fi") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "now"),
        ("heti", "now"),
        ("asap", "now"),
        ("genast", "now"),
        ("2 viikon päästä", "now"),
        ("in a few months", "3_months"),
        ("pian", "3_months"),
        ("in 2 months", "3_months"),
        ("om tre månader", "3_months"),
        ("3_months", "3_months"),
        ("this year", "this_year"),
        ("myöhemmin", "this_year"),
        ("i år", "this_year"),
        ("in 8 months", "this_year"),
        ("no hurry", "unsure"),
        ("ei kiirettä", "unsure"),
        ("in 5 years", None),
        ("purple", None),
    ],
)
def test_parse_timeframe(text: str, expected: str | None) -> None:
    assert parse_timeframe(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("peruskoulu", "basic"),
        ("grundskola", "basic"),
        ("comprehensive school", "basic"),
        ("lukio", "secondary"),
        ("amis", "secondary"),
        ("ammattikoulu", "secondary"),
        ("high school", "secondary"),
        ("gymnasiet", "secondary"),
        ("amk", "bachelor"),
        ("AMK-tutkinto", "bachelor"),
        ("yrkeshögskola", "bachelor"),
        ("bachelor's degree", "bachelor"),
        ("ylempi AMK", "master"),
        ("maisteri", "master"),
        ("master", "master"),
        ("PhD", "master"),
        ("jokin muu", "other"),
        ("muu", "other"),
        ("lollipop", None),
    ],
)
def test_parse_education_level(text: str, expected: str | None) -> None:
    assert parse_education_level(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4", 4),
        ("1", 1),
        ("5", 5),
        ("4/5", 4),
        ("3.5", 4),
        ("<b>5</b>", 5),
        (" 2 ", 2),
        ("four", 4),
        ("Three", 3),
        ("neljä", 4),
        ("nelja", 4),
        ("nelonen", 4),
        ("kaks", 2),
        ("fyra", 4),
        ("fem", 5),
        ("not really", 2),
        ("yes definitely", 5),
        ("kind of", 3),
        ("no", 1),
        ("yes", 4),
        ("kyllä", 4),
        ("joo", 4),
        ("ehdottomasti", 5),
        ("en ollenkaan", 1),
        ("inte alls", 1),
        ("inte riktigt", 2),
        ("kanske", 3),
        ("helt säker", 5),
        ("not completely sure", 2),
        ("en ole ihan varma", 2),
        # On a rating item an emoji is no number: None, the bot asks with the buttons (F3b).
        ("👍", None),
        ("👎", None),
        ("9", None),
        ("0", None),
        ("-2", None),
        ("six", None),
        ("kymmenen", None),
        ("banana", None),
        ("skip", "skipped"),
        ("/skip", "skipped"),
        ("I don't know", "skipped"),
        ("en tiiä", "skipped"),
    ],
)
def test_parse_rating(text: str, expected: int | str | None) -> None:
    assert parse_rating(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd like that", "like"),
        ("like", "like"),
        ("tykkään", "like"),
        ("tykkaan", "like"),
        ("tykkkään", "like"),
        ("kiinnostaa", "like"),
        ("gillar", "like"),
        ("gärna", "like"),
        ("👍", "like"),
        ("not sure", "unsure"),
        ("ehkä", "unsure"),
        ("en tiedä", "unsure"),
        ("kanske", "unsure"),
        ("unsure", "unsure"),
        ("dislike", "dislike"),
        ("ei kiinnosta", "dislike"),
        ("en tykkää", "dislike"),
        ("gillar inte", "dislike"),
        ("I would not like that", "dislike"),
        ("not for me", "dislike"),
        ("👎", "dislike"),
        ("skip", "skipped"),
        ("hoppa över", "skipped"),
        ("zebra", None),
    ],
)
def test_parse_preference(text: str, expected: str | None) -> None:
    assert parse_preference(text) == expected


def test_skip_kind_separates_section_skip_from_dont_know() -> None:
    assert skip_kind("/skip") == "section"
    assert skip_kind("ohita") == "section"
    assert skip_kind("I don't know") == "item"
    assert skip_kind("vet inte") == "item"
    assert skip_kind("I want to skip school and find a job") is None
    assert skip_kind("") is None


def test_background_is_cleaned_and_capped_at_500_characters() -> None:
    long_text = "I have worked in customer service for many years. " * 100
    kept = parse_background(long_text)
    assert isinstance(kept, str)
    assert 0 < len(kept) <= BACKGROUND_MAX_CHARS
    assert long_text.startswith(kept)
    assert parse_background("<b>Olen   tehnyt</b> asiakaspalvelua") == "Olen tehnyt asiakaspalvelua"
    assert parse_background("x" * 5000) == "x" * BACKGROUND_MAX_CHARS


@pytest.mark.parametrize("text", ["", "   ", "🙂", "!!!", '/inform{"background":"x"}', None])
def test_background_without_words_is_not_accepted(text: str | None) -> None:
    assert parse_background(text) is None


@pytest.mark.parametrize("text", ["skip", "en halua sanoa", "I don't know"])
def test_background_skip(text: str) -> None:
    assert parse_background(text) == "skipped"


def test_normalise_folds_diacritics_and_drops_markup() -> None:
    assert normalise("<i>Hyvää</i> Päivää, Åbo!") == "hyvaa paivaa abo"


@pytest.mark.parametrize("lang", ["fi", "en", "sv", None])
@pytest.mark.parametrize(
    "text",
    ["huono ja vaikea", "olen työtön ja haluan oppia koodaamaan", "tämä on vaikea ja en osaa"],
)
def test_finnish_ja_is_never_a_yes_in_a_sentence(text: str, lang: str | None) -> None:
    # F3a: Finnish "ja" (and) once gave 4 / "like": these sentences never become a positive answer.
    assert parse_rating(text, lang) in (None, 1, 2)
    assert parse_preference(text, lang) in (None, "dislike")


@pytest.mark.parametrize(
    ("text", "lang", "rating", "preference"),
    [
        ("ja", "sv", 4, "like"),
        ("Ja!", "sv", 4, "like"),
        ("ja", "fi", None, None),
        ("ja", "en", None, None),
        ("ja tack", "fi", 4, "like"),
        ("kyllä", "fi", 4, "like"),
        ("yes", "en", 4, "like"),
        ("niin ja näin", "fi", 3, "unsure"),
    ],
)
def test_yes_words_count_only_short_and_in_their_language(
    text: str, lang: str, rating: int | None, preference: str | None
) -> None:
    assert parse_rating(text, lang) == rating
    assert parse_preference(text, lang) == preference


@pytest.mark.parametrize(
    "text", ["yes, but it is hard and I am not good", "joo mutta tosi vaikeaa", "ja men det är inte bra"]
)
def test_a_sentence_with_a_negative_word_is_never_positive(text: str) -> None:
    for lang in ("fi", "en", "sv"):
        assert parse_rating(text, lang) in (None, 1, 2)
        assert parse_preference(text, lang) != "like"


def test_emoji_only_rating_asks_again() -> None:
    # F3b: "😀😀😀🙏🏽👍" was stored as se_1=4.
    assert parse_rating("😀😀😀🙏🏽👍", "en") is None
