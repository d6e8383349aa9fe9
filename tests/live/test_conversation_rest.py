"""A whole guidance conversation over the real Rasa server's REST channel.

The real Rasa server (trained model), the real action server and a real
SQLite database file run as in production (tests/live_stack.py).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from bench.jobseeker import ScriptedJobseeker
from tests.live import aio
from tests.live_stack import LiveStack

URL_PATTERN = re.compile(r"https?://[^\s)>\]]+")


def _hold_conversation(
    stack: LiveStack, metadata: dict[str, str], consent: tuple[str, ...] = ("/affirm",)
) -> tuple[ScriptedJobseeker, str]:
    sender_id = f"live-{uuid.uuid4().hex[:12]}"
    jobseeker = ScriptedJobseeker(
        stack.rasa_url, stack.rasa_token, sender_id, metadata=metadata, api_url=stack.rasa_api_url,
        consent_messages=consent,
    )

    async def run() -> None:
        async with httpx.AsyncClient(timeout=60) as client:
            await jobseeker.run(client)

    aio.run(run())
    return jobseeker, sender_id


def test_whole_conversation_ends_with_suggestions_from_the_database_and_a_saved_summary(
    live_stack: LiveStack,
) -> None:
    jobseeker, sender_id = _hold_conversation(live_stack, {"language": "en", "city": "Espoo"})
    conversation = jobseeker.conversation
    assert conversation.finished, "\n".join(t.sent for t in conversation.turns)

    # Suggestions: at least 3 courses and 3 jobs, every link a row of the catalogue.
    ids = conversation.suggestion_ids
    assert sum(i.startswith("course:") for i in ids) >= 3
    assert sum(i.startswith("job:") for i in ids) >= 3
    engine = create_engine(live_stack.database_url)
    with engine.connect() as db:
        course_urls = {row[0] for row in db.execute(text("SELECT url FROM courses"))}
        job_urls = {row[0] for row in db.execute(text("SELECT url FROM jobs"))}
        linked = {u.rstrip(".,") for t in conversation.bot_texts() for u in URL_PATTERN.findall(t)}
        catalogue_links = linked & (course_urls | job_urls)
        assert len(catalogue_links) >= 6, linked

        # "Not for me" replaced the rejected suggestion.
        assert conversation.rejected_id not in ids

        # The summary is saved, with goals, scores, next steps and consent.
        rows = db.execute(
            text("SELECT consent_to_share FROM summaries WHERE conversation_id = :cid"),
            {"cid": sender_id},
        ).all()
        assert len(rows) == 1 and rows[0][0] in (1, True)
    engine.dispose()


def test_a_wordless_paste_at_the_consent_question_shares_nothing(live_stack: LiveStack) -> None:
    # A newcomer pasted "a" 2,000 times (the widget's limit) after the summary: it was read as
    # affirm and a coach could read the summary. Now it is nlu_fallback: nothing is recorded.
    jobseeker, sender_id = _hold_conversation(live_stack, {"language": "en"}, consent=("a" * 2000,))
    assert jobseeker.conversation.finished
    last = jobseeker.conversation.turns[-1]
    assert last.replies, "the person gets an answer"
    said = " ".join(r.get("text") or "" for r in last.replies)
    assert "may now read" not in said
    assert "did not understand. May a coach read your summary?" in said, said
    assert [b["payload"] for r in last.replies for b in r.get("buttons") or []] == ["/affirm", "/deny"]
    engine = create_engine(live_stack.database_url)
    with engine.connect() as db:
        rows = db.execute(
            text("SELECT consent_to_share, consent_at FROM summaries WHERE conversation_id = :cid"),
            {"cid": sender_id},
        ).all()
    engine.dispose()
    assert len(rows) == 1 and rows[0][0] is None and rows[0][1] is None, rows


def test_metadata_sets_language_and_city_of_the_conversation(live_stack: LiveStack) -> None:
    sender_id = f"live-{uuid.uuid4().hex[:12]}"
    response = httpx.post(
        f"{live_stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender_id, "message": "moi", "metadata": {"language": "fi", "city": "Vantaa"}},
        timeout=60,
    )
    assert response.status_code == 200 and response.json()
    tracker = httpx.get(
        f"{live_stack.rasa_api_url}/conversations/{sender_id}/tracker",
        params={"token": live_stack.rasa_token, "include_events": "NONE"},
        timeout=30,
    ).json()
    assert tracker["slots"]["language"] == "fi"
    assert tracker["slots"]["city"] == "Vantaa"


def test_over_long_message_gets_a_polite_request_and_the_form_goes_on(live_stack: LiveStack) -> None:
    sender_id = f"live-{uuid.uuid4().hex[:12]}"
    post = lambda message: httpx.post(  # noqa: E731
        f"{live_stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender_id, "message": message, "metadata": {"language": "en"}},
        timeout=60,
    ).json()
    post("hello")
    replies = post("word " * 600)
    texts = " ".join(r.get("text", "") for r in replies).lower()
    assert "shorter" in texts or "short" in texts
    tracker = httpx.get(
        f"{live_stack.rasa_api_url}/conversations/{sender_id}/tracker",
        params={"token": live_stack.rasa_token, "include_events": "NONE"},
        timeout=30,
    ).json()
    assert (tracker.get("active_loop") or {}).get("name") == "goal_form"


def test_rasa_http_api_refuses_requests_without_the_token(live_stack: LiveStack) -> None:
    response = httpx.get(f"{live_stack.rasa_api_url}/conversations/someone/tracker", timeout=30)
    assert response.status_code == 401


def test_typed_goal_answers_are_taken_as_the_answer(live_stack: LiveStack) -> None:
    """ "I want a job" at the first question answers it; the bot moves on to the field question."""
    for language, greeting, answer, expected in (
        ("en", "hi", "I want a job", "job"),
        ("fi", "moi", "haluan opiskella", "study"),
    ):
        sender_id = f"live-{uuid.uuid4().hex[:12]}"
        for message in (greeting, answer):
            response = httpx.post(
                f"{live_stack.rasa_url}/webhooks/rest/webhook",
                json={"sender": sender_id, "message": message, "metadata": {"language": language}},
                timeout=60,
            )
            assert response.status_code == 200 and response.json()
        slots = httpx.get(
            f"{live_stack.rasa_api_url}/conversations/{sender_id}/tracker",
            params={"token": live_stack.rasa_token, "include_events": "NONE"},
            timeout=30,
        ).json()["slots"]
        assert (slots["goal_type"], slots["requested_slot"]) == (expected, "field"), slots


def test_field_named_in_the_background_keeps_the_chosen_field(live_stack: LiveStack) -> None:
    """Choosing "data" and then mentioning programming leaves the field at data into the next form."""
    sender_id = f"live-{uuid.uuid4().hex[:12]}"
    answers = {
        "goal_type": "haluan töihin",
        "field": '/inform{"answer":"data"}',
        "timeframe": '/inform{"answer":"now"}',
        "education_level": '/inform{"answer":"secondary"}',
        "background": "olen tehnyt ohjelmointia Pythonilla",
    }

    def tracker() -> dict[str, Any]:
        return dict(
            httpx.get(
                f"{live_stack.rasa_api_url}/conversations/{sender_id}/tracker",
                params={"token": live_stack.rasa_token, "include_events": "NONE"},
                timeout=30,
            ).json()
        )

    message = "moi"
    for _ in range(8):
        httpx.post(
            f"{live_stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender_id, "message": message, "metadata": {"language": "fi", "city": "Espoo"}},
            timeout=60,
        ).raise_for_status()
        state = tracker()
        if (state.get("active_loop") or {}).get("name") != "goal_form":
            break
        message = answers[state["slots"]["requested_slot"]]
    assert (state.get("active_loop") or {}).get("name") == "confidence_form", state["slots"]
    assert state["slots"]["field"] == "data"
    assert "programming" in state["slots"]["skills"]
