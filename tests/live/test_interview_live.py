"""The interview practice over the real Rasa server's REST channel, in every language.

A person finds the practice in the help menu, asks for it in their own words,
rates the interview item before (a button), answers the first question, tries
again with a new answer, goes to the next question, answers it, stops, rates
the item after (typed), and gets a warm closing with both ratings. The
summary saved afterwards, shown to the person and stored for a coach, carries
the before and after points.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from bench.jobseeker import ScriptedJobseeker
from bot.i18n import t
from bot.practice.interview import feedback, question_text, render
from tests.live import aio
from tests.live.replies import payloads as _payloads
from tests.live.replies import texts as _texts
from tests.live_stack import LiveStack

HELP = {"en": "what can you do", "fi": "mitä sä osaat", "sv": "vad kan du göra"}
ASK = {
    "en": "can we do a mock interview",
    "fi": "haluisin harjotella työhaastattelua",
    "sv": "jag vill öva på en anställningsintervju",
}
# About yourself: first a short try, then a fuller one; then why this job.
FIRST = {
    "en": "I like working with people.",
    "fi": "Tykkään tehdä töitä ihmisten kanssa.",
    "sv": "Jag gillar att jobba med människor.",
}
RETRY = {
    "en": "I worked in a warehouse for five years. I like helping customers and now I want to learn code.",
    "fi": "Oon tehny varastotöitä viis vuotta. Tykkään auttaa asiakkaita ja nyt haluun oppia koodaamaan.",
    "sv": "Jag har jobbat på ett lager i fem år. Jag gillar att hjälpa kunder och nu vill jag lära mig koda.",
}
WHY = {
    "en": "Because I enjoy solving puzzles and I want a job where I can keep learning.",
    "fi": "Koska tykkään ratkoa pulmia ja haluun työn, jossa voin oppia koko ajan lisää.",
    "sv": "Eftersom jag gillar att lösa problem och vill ha ett jobb där jag kan fortsätta lära mig.",
}
AFTER = {"en": "fairly sure", "fi": "aika hyvin", "sv": "ganska säker"}


def _question(lang: str, index: int, question_id: str) -> str:
    return f"{t('interview.progress', lang, number=index, total=5)}\n{question_text(question_id, lang)}"


async def _practise(stack: LiveStack, lang: str) -> dict[str, Any]:
    person = ScriptedJobseeker(
        stack.rasa_url,
        stack.rasa_token,
        f"live-interview-{lang}-{uuid.uuid4().hex[:8]}",
        {"language": lang, "city": "Espoo"},
        api_url=stack.rasa_api_url,
    )
    seen: dict[str, Any] = {}
    async with httpx.AsyncClient(timeout=60) as client:
        seen["help"] = await person.send(client, HELP[lang])
        seen["start"] = await person.send(client, ASK[lang])
        seen["before"] = await person.send(client, '/inform{"answer":"2"}')
        seen["first"] = await person.send(client, FIRST[lang])
        seen["retry"] = await person.send(client, '/inform{"answer":"retry"}')
        seen["second_try"] = await person.send(client, RETRY[lang])
        seen["next"] = await person.send(client, '/inform{"answer":"next"}')
        seen["why"] = await person.send(client, WHY[lang])
        seen["stop"] = await person.send(client, '/inform{"answer":"stop"}')
        seen["after"] = await person.send(client, AFTER[lang])
        seen["tracker"] = await person.tracker(client)
        await person.send(client, "/choose_next_steps")
        await person.send(client, '/inform{"answer":"cv"}')
        seen["summary"] = await person.send(client, '/inform{"answer":"done"}')
    return seen


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_a_person_practises_two_questions_with_feedback_and_rates_before_and_after(
    live_stack: LiveStack, lang: str
) -> None:
    seen = aio.run(_practise(live_stack, lang))
    assert "/practise_interview" in _payloads(seen["help"])
    item = f"{t('interview.se_before', lang)}\n{t('questionnaires.se_4', lang)}"
    assert _texts(seen["start"])[-2:] == [t("interview.start", lang), item], _texts(seen["start"])
    assert _texts(seen["before"]) == [_question(lang, 1, "about_you")]

    # "jag gillar att jobba med människor" may read as a call for a coach: still an answer,
    # with the way to a coach added under the feedback.
    expected = render(feedback(FIRST[lang], "about_you", lang), lang)
    assert _texts(seen["first"])[0] in (expected, f"{expected}\n{t('interview.coach_hint', lang)}")
    assert len(_texts(seen["first"])) == 1
    assert t("interview.add_more", lang) in _texts(seen["first"])[0]
    assert _payloads(seen["first"]) == [
        '/inform{"answer":"retry"}', '/inform{"answer":"next"}', '/inform{"answer":"stop"}'
    ]
    assert _texts(seen["retry"]) == [t("interview.retry", lang), _question(lang, 1, "about_you")]
    assert _texts(seen["second_try"]) == [render(feedback(RETRY[lang], "about_you", lang), lang)]
    assert t("interview.add_more", lang) not in _texts(seen["second_try"])[0]
    assert _texts(seen["next"]) == [_question(lang, 2, "why_this_job")]
    assert _texts(seen["why"]) == [render(feedback(WHY[lang], "why_this_job", lang), lang)]

    after_item = f"{t('interview.se_after', lang)}\n{t('questionnaires.se_4', lang)}"
    assert _texts(seen["stop"]) == [after_item]
    closing = f"{t('interview.done', lang)}\n{t('interview.confidence_up', lang, before=2, after=4)}"
    assert closing in _texts(seen["after"]), _texts(seen["after"])
    slots = seen["tracker"]["slots"]
    assert (slots["interview_se_before"], slots["interview_se_after"]) == ("2", "4")
    assert slots["interview_answered"] == 3.0
    assert not (seen["tracker"].get("active_loop") or {}).get("name")  # the practice is over

    summary_text = next(
        text for text in _texts(seen["summary"]) if text.startswith(t("summary.heading", lang))
    )
    assert t("interview.trend_before", lang) in summary_text
    assert t("interview.trend_after", lang) in summary_text
