"""The self-introduction builder over the real Rasa server's REST channel, in every language.

A person asks in their own words for help with an introduction, answers the
three questions (one with a skip), gets numbered sentences with buttons,
changes one sentence with a button and another by typing "3: ...", takes the
plain text with the skills for a CV (custom data the widget turns into Copy /
Download), adds it to the
summary and finishes. Then the next steps are chosen and the saved summary,
shown to the person and stored for a coach, carries the introduction. The
help menu offers the builder too.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from bench.jobseeker import ScriptedJobseeker
from bot.i18n import t
from bot.practice.introduction import render_download
from tests.live import aio
from tests.live.replies import payloads as _payloads
from tests.live.replies import texts as reply_texts
from tests.live_stack import LiveStack

ASK = {
    "en": "can you help me write a short introduction about me",
    "fi": "mä haluisin esittelytekstin",
    "sv": "hjälp mig skriva något om mig själv",
}
ANSWERS = {
    "en": ("worked in a warehouse for five years", "helping people but not good at computers"),
    "fi": ("oon tehny varastohommia viis vuotta", "asiakaspalvelu, mutta en osaa koodata"),
    "sv": ("har jobbat i ett lager i fem år", "kundservice men inte bra på datorer"),
}
NEW_SECOND = {"en": "I am good at listening", "fi": "Osaan kuunnella", "sv": "Jag är bra på att lyssna"}
NEW_THIRD = {
    "en": "3: I learn new things fast",
    "fi": "3: Opin uusia asioita nopeasti",
    "sv": "3: Jag lär mig nytt snabbt",
}
CV_SKILLS = {"en": ["helping people"], "fi": ["asiakaspalvelu"], "sv": ["kundservice"]}
HELP = {"en": "what can you do", "fi": "mitä sä osaat", "sv": "vad kan du göra"}


def _texts(replies: list[dict[str, Any]]) -> list[str]:
    texts = reply_texts(replies)
    texts += [r["custom"]["data"].get("text", "") for r in replies if isinstance(r.get("custom"), dict)]
    return texts


def _sentences(replies: list[dict[str, Any]]) -> list[str]:
    """The numbered sentences of the shown introduction ("1. ..." lines)."""
    for text in _texts(replies):
        lines = [line for line in text.split("\n") if line[:1].isdigit() and line[1:3] == ". "]
        if lines:
            return [line[3:] for line in lines]
    return []


async def _build(stack: LiveStack, lang: str) -> dict[str, Any]:
    person = ScriptedJobseeker(
        stack.rasa_url,
        stack.rasa_token,
        f"live-intro-{lang}-{uuid.uuid4().hex[:8]}",
        {"language": lang, "city": "Espoo"},
        api_url=stack.rasa_api_url,
    )
    seen: dict[str, Any] = {}
    async with httpx.AsyncClient(timeout=60) as client:
        # As the widget opens: the welcome, then goal_form's first question.
        seen["greet"] = await person.send(client, {"en": "hi", "fi": "moi", "sv": "hej"}[lang])
        seen["help"] = await person.send(client, HELP[lang])
        seen["start"] = await person.send(client, ASK[lang])
        seen["did"] = await person.send(client, ANSWERS[lang][0])
        seen["good_at"] = await person.send(client, ANSWERS[lang][1])
        seen["shown"] = await person.send(client, "/skip")
        seen["edit"] = await person.send(client, '/edit_introduction{"sentence":2}')
        seen["edited"] = await person.send(client, NEW_SECOND[lang])
        seen["typed"] = await person.send(client, NEW_THIRD[lang])
        seen["copy"] = await person.send(client, "/copy_introduction")
        seen["add"] = await person.send(client, "/add_introduction_to_summary")
        seen["tracker"] = await person.tracker(client)
        seen["done"] = await person.send(client, "/finish_introduction")
        await person.send(client, "/choose_next_steps")
        await person.send(client, '/inform{"answer":"cv"}')
        seen["summary"] = await person.send(client, '/inform{"answer":"done"}')
        seen["go_on"] = await person.send(client, "/ask_courses")
    return seen


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_a_person_builds_changes_copies_and_shares_an_introduction(live_stack: LiveStack, lang: str) -> None:
    seen = aio.run(_build(live_stack, lang))
    assert "/build_introduction" in _payloads(seen["help"])
    assert _texts(seen["start"])[:2] == [t("introduction.start", lang), t("introduction.ask_did", lang)]
    assert t("introduction.ask_good_at", lang) in _texts(seen["did"])
    assert t("introduction.ask_want_next", lang) in _texts(seen["good_at"])

    shown = _sentences(seen["shown"])
    assert 3 <= len(shown) <= 6, _texts(seen["shown"])
    assert shown[0] == t("introduction.present_general", lang)
    joined = " ".join(shown)
    assert ANSWERS[lang][0].split()[1] in joined  # their own words ("in", "tehny", "jobbat")
    assert not any(word in joined for word in ("computers", "koodata", "datorer"))  # no deficit
    assert shown[-2:] == [t("introduction.future_goal_unsure", lang), t("introduction.closing", lang)]
    payloads = _payloads(seen["shown"])
    assert payloads[: len(shown)] == [
        f'/edit_introduction{{"sentence":{n}}}' for n in range(1, len(shown) + 1)
    ]
    assert payloads[len(shown) :] == [
        "/copy_introduction",
        "/add_introduction_to_summary",
        "/finish_introduction",
    ]

    assert _texts(seen["edit"]) == [t("introduction.ask_new_sentence", lang, number=2, sentence=shown[1])]
    assert t("introduction.changed", lang, number=2) in _texts(seen["edited"])
    after_button = _sentences(seen["edited"])
    assert after_button[1] == f"{NEW_SECOND[lang]}." and after_button[0] == shown[0]
    assert t("introduction.changed", lang, number=3) in _texts(seen["typed"]), _texts(seen["typed"])
    final = _sentences(seen["typed"])
    assert final[2] == f"{NEW_THIRD[lang][3:]}." and final[1] == after_button[1]

    [custom] = [r["custom"]["data"] for r in seen["copy"] if isinstance(r.get("custom"), dict)]
    assert custom["introduction"]["text"] == render_download(final, CV_SKILLS[lang], lang)
    assert custom["introduction"]["filename"] == t("introduction.filename", lang)

    assert t("introduction.added_to_summary", lang) in _texts(seen["add"])
    slots = seen["tracker"]["slots"]
    assert slots["introduction_in_summary"] is True and slots["introduction_sentences"] == final
    assert _texts(seen["done"]) == [t("responses.finish_introduction", lang)]
    assert _payloads(seen["done"]) == ["/ask_courses"]  # "Courses and jobs"

    summary_text = next(
        text for text in _texts(seen["summary"]) if text.startswith(t("summary.heading", lang))
    )
    assert t("introduction.summary_heading", lang) in summary_text
    assert " ".join(final) in summary_text

    # "Courses and jobs" brings back the goal questions with a short line, not the welcome again.
    welcome = _texts(seen["greet"])[0]
    assert welcome.startswith(t("responses.welcome", lang)[:20]), welcome
    assert welcome not in _texts(seen["go_on"])
    assert _texts(seen["go_on"])[:2] == [t("session.go_on", lang), t("responses.ask_goal_type", lang)]
