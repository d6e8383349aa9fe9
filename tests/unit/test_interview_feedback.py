"""bot/practice/interview.py: every feedback rule in fi, sv and en, the feedback chosen, the wording."""

from __future__ import annotations

import pytest

from bot.i18n import t
from bot.practice import interview as iv

# A full STAR answer to "a time you solved a problem", per language.
STAR = {
    "en": "Once a customer was angry because her order was wrong. I listened, checked the order and fixed "
    "it, "
    "so in the end she was happy and thanked me.",
    "fi": "Kerran asiakas oli vihainen, koska tilaus oli väärin. Mä kuuntelin, tarkistin tilauksen ja "
    "korjasin "
    "sen, joten lopulta hän oli tyytyväinen ja kiitti.",
    "sv": "En gång var en kund arg eftersom beställningen var fel. Jag lyssnade, kollade beställningen och "
    "fixade den, så till slut var hon nöjd och tackade mig.",
}
# On the problem question, first person, long enough, but no example and no result.
GENERAL = {
    "en": "I am the kind of person who likes to solve problems calmly and I always try to find a solution "
    "with others.",
    "fi": "Olen sellainen ihminen, joka ratkaisee ongelmat rauhallisesti, ja yritän aina löytää ratkaisun "
    "muiden kanssa.",
    "sv": "Jag är en person som gillar att lösa problem lugnt och jag försöker alltid hitta en lösning med "
    "andra.",
}
# An example without its result.
NO_RESULT = {
    "en": "Last year at my last job the printer broke before a big meeting and I called the IT support and "
    "waited.",
    "fi": "Viime vuonna edellisessä työpaikassa tulostin hajosi ennen isoa kokousta ja mä soitin IT-tukeen "
    "ja odotin.",
    "sv": "Förra året på mitt förra jobb gick skrivaren sönder före ett stort möte och jag ringde "
    "IT-supporten.",
}
# "We" only: an example and a result but nobody in the first person singular.
WE_ONLY = {
    "en": "Once our team had a broken server before a launch, we found the fault together and in the end "
    "it worked.",
    "fi": "Kerran tiimillä oli rikki palvelin ennen julkaisua, löysimme vian yhdessä ja lopulta se toimi "
    "taas hyvin.",
    "sv": "En gång hade vårt team en trasig server före lanseringen, vi hittade felet tillsammans och till "
    "slut fungerade det.",
}
OFF_TOPIC = {"en": "banana banana banana", "fi": "banaani banaani banaani", "sv": "banan banan banan"}
SHORT = {"en": "I fixed it.", "fi": "Mä korjasin sen.", "sv": "Jag fixade det."}
LANGS = ("en", "fi", "sv")


@pytest.mark.parametrize("lang", LANGS)
def test_length_short_ok_and_long(lang: str) -> None:
    assert iv.length_of(SHORT[lang]) == "short"
    assert iv.length_of(STAR[lang]) == "ok"
    assert iv.length_of(" ".join([STAR[lang]] * 12)) == "long"


def test_a_question_to_the_employer_may_be_short() -> None:
    assert iv.length_of("What does a usual day look like?", "questions_for_employer") == "ok"
    assert iv.length_of("What does a usual day look like?", "about_you") == "short"
    assert iv.length_of("No.", "questions_for_employer") == "short"


@pytest.mark.parametrize("lang", LANGS)
def test_situation_is_found_in_a_told_example_only(lang: str) -> None:
    assert iv.tells_situation(STAR[lang], lang)
    assert iv.tells_situation(NO_RESULT[lang], lang)
    assert not iv.tells_situation(GENERAL[lang], lang)


@pytest.mark.parametrize("lang", LANGS)
def test_result_is_found_when_the_answer_says_how_it_ended(lang: str) -> None:
    assert iv.names_result(STAR[lang], lang)
    assert not iv.names_result(NO_RESULT[lang], lang)
    assert not iv.names_result(GENERAL[lang], lang)


def test_a_number_counts_as_a_result() -> None:
    assert iv.names_result("We sold 20 % more after the change.", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_first_person_singular_and_not_we(lang: str) -> None:
    assert iv.first_person(STAR[lang], lang)
    assert iv.first_person(SHORT[lang], lang)
    assert not iv.first_person(WE_ONLY[lang], lang)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tein kolme vuotta töitä varastossa.", True),  # no pronoun: the verb says it
        ("Autoin asiakkaita kassalla.", True),
        ("Osaan Excelin hyvin.", True),
        ("Talon kirjan kansi oli sininen.", False),  # genitive -n is no verb
    ],
)
def test_finnish_first_person_without_a_pronoun(text: str, expected: bool) -> None:
    assert iv.first_person(text, "fi") is expected


@pytest.mark.parametrize("lang", LANGS)
def test_relevance_by_lemmas_of_the_question_keywords(lang: str) -> None:
    assert iv.is_relevant(GENERAL[lang], "problem_solved", lang)
    assert not iv.is_relevant(OFF_TOPIC[lang], "problem_solved", lang)
    assert not iv.is_relevant(OFF_TOPIC[lang], "about_you", lang)


@pytest.mark.parametrize(
    ("text", "question_id", "lang"),
    [
        ("I have worked in a shop for five years and I like helping customers.", "about_you", "en"),
        ("Olen opiskellut datan käsittelyä ja tykkään numeroista.", "about_you", "fi"),
        ("Asiakaspalvelu on mun juttu.", "about_you", "fi"),  # a compound: "asiakas" inside
        ("Jag har jobbat i butik och gillar att hjälpa kunder.", "about_you", "sv"),
        ("Because I want to learn more about data.", "why_this_job", "en"),
        ("Koska mua kiinnostaa ohjelmointi.", "why_this_job", "fi"),
        ("Eftersom jag är intresserad av design.", "why_this_job", "sv"),
        ("Vahvuuteni on kärsivällisyys, ja opettelen nyt Pythonia.", "strengths_learning", "fi"),
        ("Millainen on tavallinen työpäivä", "questions_for_employer", "fi"),
        ("Hur ser en vanlig dag ut", "questions_for_employer", "sv"),
        ("Is there a chance to learn on the job?", "questions_for_employer", "en"),
    ],
)
def test_real_answers_are_on_the_question(text: str, question_id: str, lang: str) -> None:
    assert iv.is_relevant(text, question_id, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_feedback_for_a_full_star_answer_praises_it_and_asks_nothing_more(lang: str) -> None:
    assert iv.feedback(STAR[lang], "problem_solved", lang) == iv.Feedback("interview.good_star", None)


# A told example that starts "when our ..." and ends "... on time" (seen in the widget: it was read as
# off the question, "thank you for answering" and "tell about one problem").
WHEN_OUR = {
    "en": "When our scanner broke at the warehouse, I wrote the orders by hand, so all parcels left on time.",
    "fi": "Kun meidän skanneri hajosi varastolla, kirjoitin tilaukset käsin, ja paketit lähtivät ajallaan.",
    "sv": "När vår skanner gick sönder på lagret skrev jag beställningarna för hand och paketen kom iväg i "
    "tid.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_an_example_told_with_when_our_and_on_time_is_a_full_star_answer(lang: str) -> None:
    assert iv.tells_situation(WHEN_OUR[lang], lang) and iv.names_result(WHEN_OUR[lang], lang)
    assert iv.feedback(WHEN_OUR[lang], "problem_solved", lang) == iv.Feedback("interview.good_star", None)


@pytest.mark.parametrize("lang", LANGS)
def test_feedback_without_an_example_asks_for_one(lang: str) -> None:
    fb = iv.feedback(GENERAL[lang], "problem_solved", lang)
    assert fb == iv.Feedback("interview.good_first_person", "interview.add_example")


@pytest.mark.parametrize("lang", LANGS)
def test_feedback_with_an_example_but_no_result_asks_how_it_ended(lang: str) -> None:
    assert iv.feedback(NO_RESULT[lang], "problem_solved", lang) == iv.Feedback(
        "interview.good_example", "interview.add_result"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_feedback_for_we_only_asks_what_the_person_did(lang: str) -> None:
    assert iv.feedback(WE_ONLY[lang], "problem_solved", lang) == iv.Feedback(
        "interview.good_star", "interview.add_first_person"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_feedback_for_an_off_topic_answer_is_kind_and_points_to_the_question(lang: str) -> None:
    fb = iv.feedback(OFF_TOPIC[lang], "problem_solved", lang)
    assert fb == iv.Feedback("interview.good_effort", "interview.add_relevance_problem_solved")


@pytest.mark.parametrize("lang", LANGS)
def test_feedback_for_a_short_answer_asks_for_a_little_more(lang: str) -> None:
    assert iv.feedback(SHORT[lang], "problem_solved", lang).add_key == "interview.add_more"


@pytest.mark.parametrize("lang", LANGS)
def test_feedback_for_a_very_long_answer_asks_to_shorten(lang: str) -> None:
    fb = iv.feedback(" ".join([STAR[lang]] * 12), "problem_solved", lang)
    assert fb == iv.Feedback("interview.good_star", "interview.add_shorter")


def test_feedback_on_the_question_to_the_employer() -> None:
    assert iv.feedback("What does a usual day look like?", "questions_for_employer", "en") == iv.Feedback(
        "interview.good_question", None
    )
    assert iv.feedback("No.", "questions_for_employer", "en").add_key == (
        "interview.add_relevance_questions_for_employer"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_rendered_feedback_is_short_and_never_a_score(lang: str) -> None:
    for answer in (STAR[lang], GENERAL[lang], NO_RESULT[lang], WE_ONLY[lang], OFF_TOPIC[lang], SHORT[lang]):
        for question_id in iv.QUESTION_IDS:
            text = iv.render(iv.feedback(answer, question_id, lang), lang)
            assert 0 < len(text.split()) <= 40
            assert not any(ch.isdigit() for ch in text)
            assert "/" not in text


def test_rendered_feedback_in_finnish() -> None:
    text = iv.render(iv.feedback(NO_RESULT["fi"], "problem_solved", "fi"), "fi")
    assert text == f"{t('interview.good_example', 'fi')} {t('interview.add_result', 'fi')}"
    assert text.startswith("Hyvä: kerroit oikean esimerkin.")


def test_the_questions_are_the_five_of_the_issue_in_order() -> None:
    assert tuple(q.id for q in iv.questions()) == iv.QUESTION_IDS
    assert [q.star for q in iv.questions()] == [False, False, True, True, False]


@pytest.mark.parametrize("lang", LANGS)
def test_question_wording_follows_field_goal_and_level(lang: str) -> None:
    plain = iv.question_text("why_this_job", lang)
    with_field = iv.question_text("why_this_job", lang, field="data")
    assert t("interview.field_data", lang) in with_field and with_field != plain
    assert iv.question_text("why_this_job", lang, field="unsure") == plain
    study = iv.question_text("why_this_job", lang, field="data", goal="study")
    assert study == t("interview.q_why_this_job_study_field", lang, field=t("interview.field_data", lang))
    everyday = iv.question_text("problem_solved", lang, level="basic")
    project = iv.question_text("problem_solved", lang, level="master")
    assert everyday == t("interview.q_problem_solved_everyday", lang)
    assert project == t("interview.q_problem_solved_project", lang)
    assert iv.question_text("problem_solved", lang) == everyday
