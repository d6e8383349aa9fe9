"""Summaries: redaction, building, storing, consent, rendering; next-step options; i18n completeness."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from bot.summaries.next_steps import DONE, match_option, option_keys, option_label
from bot.summaries.redact import redact
from bot.summaries.service import (
    build_summary,
    delete_summaries,
    get_summary,
    record_consent,
    render_summary,
    save_summary,
    shared_summaries,
)

TITLES = {
    "course:1": {"fi": "Kurssi 1", "sv": "Kurs 1", "en": "Course 1"},
    "job:4": {"fi": "Työ 4", "sv": "Jobb 4", "en": "Job 4"},
    "job:1": {"fi": "Työ 1", "sv": "Jobb 1", "en": "Job 1"},
}
SLOTS = {
    "language": "en",
    "city": "Vantaa",
    "goal_type": "job",
    "field": "data",
    "timeframe": "skipped",
    "education_level": "secondary",
    "background": "Warehouse work 2015-2020. Call me 040 123 4567 or anna@example.fi, hetu 131052-308T.",
    "skills": ["Excel"],
    "confidence_score": 3.4,
    "holland_code": "ICS",
    "shown_suggestions": ["course:1", "job:4"],
    "rejected_suggestions": ["job:1"],
    "next_steps": ["apply:course:1", "cv", "made-up"],
    # "made-up" is no step, "cv" has no date: only the course's date is kept.
    "next_step_dues": {"apply:course:1": "2026-12-11", "cv": None, "made-up": "2026-12-12"},
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hetu 131052-308T.", "hetu [id code removed]."),
        ("010190A123B and 311299+987X", "[id code removed] and [id code removed]"),
        ("p. 040 123 4567", "p. [phone removed]"),
        ("+358 40 1234567, 09-1234 567", "[phone removed], [phone removed]"),
        ("mail: anna.k+jobs@example.co.fi", "mail: [email removed]"),
        ("worked 2015-2020, 5 years, 00100 Helsinki", "worked 2015-2020, 5 years, 00100 Helsinki"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_build_summary_structure_and_redaction() -> None:
    data = build_summary(SLOTS, "conv-1", titles=TITLES)
    assert data == {
        "version": 1,
        "conversation_id": "conv-1",
        "language": "en",
        "city": "Vantaa",
        "goals": {
            "goal_type": "job",
            "field": "data",
            "timeframe": "skipped",
            "education_level": "secondary",
            "background": "Warehouse work 2015-2020. Call me [phone removed] or [email removed], "
            "hetu [id code removed].",
        },
        "skills": ["Excel"],
        "occupations": [],
        "confidence_score": 3.4,
        "holland_code": "ICS",
        "suggestions": [
            {"id": "course:1", "title": TITLES["course:1"], "rejected": False},
            {"id": "job:4", "title": TITLES["job:4"], "rejected": False},
            {"id": "job:1", "title": TITLES["job:1"], "rejected": True},
        ],
        "next_steps": ["apply:course:1", "cv"],
        "next_step_dues": {"apply:course:1": "2026-12-11"},
        "open_questions": ["timeframe"],
        "trigger": "end",
    }


def test_build_summary_from_almost_nothing() -> None:
    data = build_summary({"background": "x" * 900, "skills": "not a list"}, "c")
    assert data["goals"]["background"] == "x" * 500
    assert (data["language"], data["city"], data["skills"], data["suggestions"], data["next_steps"]) == (
        "en",
        None,
        [],
        [],
        [],
    )


def test_save_consent_share_and_delete(session: Session) -> None:
    summary = save_summary(session, build_summary(SLOTS, "conv-1", titles=TITLES))
    session.commit()
    assert summary.id == 1 and summary.consent_to_share is None and summary.consent_at is None
    assert (summary.language, summary.city, summary.data["holland_code"]) == ("en", "Vantaa", "ICS")
    assert shared_summaries(session) == []
    record_consent(session, str(summary.id), True)
    session.commit()
    stored = get_summary(session, "1")
    assert stored is not None and stored.consent_to_share is True and stored.consent_at is not None
    assert [s.id for s in shared_summaries(session)] == [1]
    record_consent(session, 1, False)
    assert get_summary(session, 1).consent_to_share is False  # type: ignore[union-attr]
    with pytest.raises(LookupError):
        record_consent(session, "42", True)
    with pytest.raises(LookupError):
        record_consent(session, "not-a-number", True)
    assert delete_summaries(session, "conv-1") == 1
    assert get_summary(session, 1) is None


def test_render_summary_in_plain_words() -> None:
    data = build_summary(SLOTS, "conv-1", titles=TITLES)
    assert render_summary(data, "en") == "\n".join(
        [
            "Here is a short summary of our talk.",
            "You are looking for a job.",
            "Field: data and analytics.",
            "Place: in Vantaa.",
            "Your confidence: 3.4 out of 5.",
            "You like: solving problems, careful, organised work, helping people.",
            "Options we looked at: Course 1; Job 4.",
            "Not for you: Job 1.",
            "Your next steps:",
            "1. Apply to Course 1 (by 11 Dec)",
            "2. Update my CV",
        ]
    )
    fi = render_summary(data, "fi").splitlines()
    assert fi[:5] == [
        "Tässä on lyhyt yhteenveto keskustelustamme.",
        "Etsit työtä.",
        "Ala: data ja analytiikka.",
        "Paikka: Vantaalla.",
        "Luottamuksesi omiin taitoihin: 3,4/5.",
    ]
    assert fi[-2:] == ["1. Hae koulutukseen: Kurssi 1 (11.12. mennessä)", "2. Päivitä ansioluetteloni"]
    sv = render_summary(build_summary({"language": "sv", "city": "online", "goal_type": "unsure"}, "c"), "sv")
    assert sv.splitlines() == [
        "Här är en kort sammanfattning av vårt samtal.",
        "Du vet inte ännu vad du vill. Det är helt okej.",
        "Plats: på nätet.",
        "Du har inte valt nästa steg än.",
    ]


def test_next_step_options_labels_and_typed_answers() -> None:
    options = option_keys(["course:1", "job:4"])
    assert options == ["apply:course:1", "look:job:4", "coach", "cv", "employment_services"]
    assert option_label("look:job:4", "sv", TITLES) == "Titta på jobbet: Jobb 4"
    assert option_label("employment_services", "fi", TITLES) == "Käy kaupungin työllisyyspalveluissa"
    cases = {
        "cv": "cv",
        "Update my CV please": "cv",
        "päivitä ansioluettelo": "cv",
        "I want to talk with a career coach": "coach",
        "TE-palvelut": "employment_services",
        "2": "look:job:4",
        "apply to course 1": "apply:course:1",
        "Kurssi 1": "apply:course:1",
        "That's all": DONE,
        "siinä kaikki": DONE,
        "det är allt": DONE,
        "9": None,
        "🙂": None,
        "": None,
        '/inform{"answer":"hack"}': None,
    }
    for text, expected in cases.items():
        assert match_option(text, options, TITLES) == expected, text


@pytest.mark.parametrize("topic", ["suggestions", "summary", "next_steps"])
def test_every_message_has_en_fi_sv_with_the_same_variables(topic: str) -> None:
    """The summary topics are in the catalogue in all three languages.

    (Every topic: tests/unit/test_i18n_guidance_messages.py.)
    """
    from bot.locale import catalogue

    keys = [key for key in catalogue.keys("en") if key.startswith(f"{topic}.")]
    assert keys
    for key in keys:
        assert all(catalogue.has(key, lang) for lang in ("en", "fi", "sv")), key
        names = [catalogue.variables(key, lang) for lang in ("en", "fi", "sv")]
        assert names[0] == names[1] == names[2], key


def test_typed_next_step_folding_drops_latin_marks_only() -> None:
    """'Työkkäri' matches 'tyokkari'; a Ukrainian 'й' or 'ї' is a letter of its own and stays."""
    from bot.summaries.next_steps import fold

    assert fold("Työkkäri, Sysselsättning!") == "tyokkari sysselsattning"
    assert fold("Мій район") == "мій район"
    assert fold("Їжа") == "їжа"


def test_a_typed_choice_finds_a_title_word_inside_a_hyphenated_title() -> None:
    """Seen by a Finnish newcomer: "haluun hakea siihen helpdesk työpaikkaan" matched nothing."""
    titles = {
        "job:1": {"fi": "Helpdesk-asiantuntija (suomi ja englanti)", "en": "Helpdesk specialist"},
        "job:2": {"fi": "Ohjelmistokehittäjä, harjoittelija"},
    }
    options = ["look:job:1", "look:job:2", "cv"]
    assert match_option("haluun hakea siihen helpdesk työpaikkaan", options, titles) == "look:job:1"
    assert match_option("se harjoittelija-paikka", options, titles) == "look:job:2"


def test_the_summary_names_each_step_with_its_date() -> None:
    """A Finnish newcomer's summary left out the date the person had chosen for the step."""
    lines = render_summary(build_summary(SLOTS, "conv-1", titles=TITLES), "fi").splitlines()
    course = option_label("apply:course:1", "fi", TITLES)
    assert f"1. {course} (11.12. mennessä)" in lines
    assert f"2. {option_label('cv', 'fi', TITLES)}" in lines  # no date, no brackets
