"""What the bot tells people to write for a coach really reaches a coach (live Rasa NLU).

The responses quote a phrase to type ('kirjoita "haluan puhua ohjaajalle"',
'skriv "prata med en handledare"'). After the glossary changed the coach's
word, each quoted phrase that names the coach must still be read as
``request_coach`` by the trained model; this asks the live Rasa server.
"""

from __future__ import annotations

import re

import httpx
import pytest
import yaml

from tests.live_stack import LiveStack
from tests.unit.glossary_texts import ROOT, domain_texts

QUOTED = re.compile(r'"([^"]{2,60})"')


def coach_phrases() -> list[tuple[str, str]]:
    """(language, phrase) for every quoted phrase of domain.yml that contains the coach's word."""
    terms = yaml.safe_load((ROOT / "docs" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    found: set[tuple[str, str]] = set()
    for item in domain_texts():
        word = terms["coach"][item.lang]["use"]
        stem = word[:-1] if item.lang in ("fi", "sv") else word  # ohjaaja(lle), handledare(n)
        for phrase in QUOTED.findall(item.text):
            if stem in phrase.lower():
                found.add((item.lang, phrase))
    return sorted(found)


def test_the_bot_quotes_a_coach_phrase_in_every_language() -> None:
    """The welcome and help texts tell people in fi, sv and en how to reach a coach."""
    assert {lang for lang, _ in coach_phrases()} == {"en", "fi", "sv"}, coach_phrases()


@pytest.mark.parametrize(("lang", "phrase"), coach_phrases())
def test_a_quoted_coach_phrase_is_read_as_request_coach(
    live_stack: LiveStack, lang: str, phrase: str
) -> None:
    """Typing the phrase exactly as the bot quotes it asks for a coach."""
    response = httpx.post(
        f"{live_stack.rasa_api_url}/model/parse",
        params={"token": live_stack.rasa_token},
        json={"text": phrase},
        timeout=60,
    )
    response.raise_for_status()
    intent = response.json()["intent"]
    assert intent["name"] == "request_coach", (lang, phrase, intent)
