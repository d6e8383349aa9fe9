"""bot.contract.payloads: every payload our buttons send carries only the entities listed for its intent.

TypedPayloadCheck (rasa_addons/typed_payload.py) reads any other '/' text as
plain text, so a button whose payload falls outside the table would stop
working: these tests fail first.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from actions.confidence import rating_buttons
from actions.followup import _review_button, go_on_buttons
from actions.handoff import offer_buttons
from actions.interests import preference_buttons
from actions.interview import choice_buttons
from actions.introduction import introduction_buttons, start_button
from actions.next_steps import answer_button
from actions.session import language_buttons
from actions.suggestions import not_for_me_button
from actions.summary import share_buttons
from bot.contract.payloads import BUTTON_ENTITIES, payload_entities
from bot.feedback.taps import feedback_payload

ROOT = Path(__file__).resolve().parents[2]
PAYLOAD = re.compile(r"^/(?P<intent>[a-z_]+)(?P<entities>\{.*\})?$")


def button_payloads() -> list[str]:
    """The payloads of every button builder, in each language."""
    payloads: list[str] = []
    for lang in ("fi", "sv", "en"):
        buttons = [
            *rating_buttons(lang), *preference_buttons(lang), *choice_buttons(lang, last=False),
            *introduction_buttons(["a.", "b.", "c."], lang, in_summary=False), start_button(lang),
            *language_buttons(lang), *share_buttons(lang), *offer_buttons(lang), *go_on_buttons(lang),
            _review_button("done", 7, lang),
        ]
        payloads += [b["payload"] for b in buttons]
    payloads += [answer_button("apply:course:2", "x")["payload"],
                 not_for_me_button("course:12", "x")["payload"]]
    payloads += [feedback_payload("suggestion", True, "course:12"), feedback_payload("chat", False)]
    return payloads


@pytest.mark.parametrize("payload", button_payloads())
def test_every_button_payload_carries_only_the_entities_of_its_intent(payload: str) -> None:
    match = PAYLOAD.match(payload)
    assert match, payload
    keys = set(json.loads(match.group("entities") or "{}"))
    assert keys <= payload_entities(match.group("intent")), payload


def test_every_payload_with_entities_written_in_the_source_is_listed() -> None:
    """A new '/<intent>{' in actions, bot or the responses must be added to BUTTON_ENTITIES."""
    written = set()
    for path in [*ROOT.joinpath("actions").rglob("*.py"), *ROOT.joinpath("bot").rglob("*.py"),
                 *ROOT.joinpath("bot", "locale").rglob("*.yml"), ROOT / "domain.yml"]:
        written |= set(re.findall(r"""["']/([a-z_]+)\{""", path.read_text(encoding="utf-8")))
    assert written, "no payload found: the scan is broken"
    assert written <= set(BUTTON_ENTITIES), written - set(BUTTON_ENTITIES)


def test_an_intent_sent_bare_accepts_no_entities() -> None:
    assert payload_entities("request_coach") == frozenset()
    assert payload_entities("greet") == frozenset()
