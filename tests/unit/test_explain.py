"""Reason sentences name skills in the person's language (bot.guidance.explain)."""

from __future__ import annotations

import pytest

from bot.guidance.explain import explain, prior_learning_sentence, why_sentence
from bot.guidance.ranking import Reason, Suggestion
from bot.matching import localised_label


def _suggestion(kind: str, reasons: tuple[Reason, ...] = (), prior_learning: tuple[str, ...] = (),
                provider_type: str | None = None) -> Suggestion:
    return Suggestion(
        id=f"{kind}:1", kind=kind, title={"en": "T", "fi": "T", "sv": "T"}, provider="P",
        provider_type=provider_type, url="https://example.fi", field="software", score=1,
        reasons=reasons, prior_learning=prior_learning,
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "siinä tarvitaan osaamistasi: asiakaspalvelu"),
        ("sv", "den använder din färdighet: kundtjänst"),
        ("en", "it uses your skill: customer service"),
    ],
)
def test_a_matched_skill_is_named_in_the_persons_language(lang: str, expected: str) -> None:
    job = _suggestion("job", reasons=(Reason("matches_skill", "customer service"),))
    assert expected in why_sentence(job, lang)
    assert localised_label("customer service", lang) in explain(job, lang)


def test_programming_in_swedish_and_finnish() -> None:
    job = _suggestion("job", reasons=(Reason("matches_skill", "programming"),))
    assert "den använder din färdighet: programmering" in why_sentence(job, "sv")
    assert "siinä tarvitaan osaamistasi: ohjelmointi" in why_sentence(job, "fi")
    assert "programming" not in why_sentence(job, "sv") + why_sentence(job, "fi")


def test_an_unknown_skill_label_is_shown_as_it_is() -> None:
    job = _suggestion("job", reasons=(Reason("matches_skill", "Excel"),))
    assert "siinä tarvitaan osaamistasi: Excel" in why_sentence(job, "fi")
    job = _suggestion("job", reasons=(Reason("matches_skill", "quantum basket weaving"),))
    assert "den använder din färdighet: quantum basket weaving" in why_sentence(job, "sv")


def test_prior_learning_hint_names_skills_in_the_persons_language() -> None:
    course = _suggestion("course", prior_learning=("programming", "customer service"), provider_type="uas")
    assert prior_learning_sentence(course, "fi") == (
        "Osaat jo osan tästä (ohjelmointi, asiakaspalvelu), joten pyydä oppilaitosta tunnustamaan "
        "aiempi osaamisesi (AHOT)."
    )
    assert prior_learning_sentence(course, "sv") == (
        "Du kan redan en del av detta (programmering, kundtjänst), så be skolan att erkänna ditt "
        "tidigare kunnande (AHOT)."
    )
    assert "(programming, customer service)" in (prior_learning_sentence(course, "en") or "")
