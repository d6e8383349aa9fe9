"""Bad input on the real servers: nothing crashes, nothing bypasses validation.

Each test says what a person sees and what the conversation keeps.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.live_stack import LiveStack


class Chat:
    """One REST conversation with the live stack."""

    def __init__(self, stack: LiveStack, language: str = "en") -> None:
        self.stack = stack
        self.sender = f"bad-{uuid.uuid4().hex[:10]}"
        self.language = language

    def say(self, message: str) -> list[dict[str, Any]]:
        response = httpx.post(
            f"{self.stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": message, "metadata": {"language": self.language}},
            timeout=60,
        )
        assert response.status_code == 200
        return list(response.json())

    def tracker(self) -> dict[str, Any]:
        return dict(
            httpx.get(
                f"{self.stack.rasa_api_url}/conversations/{self.sender}/tracker",
                params={"token": self.stack.rasa_token, "include_events": "NONE"},
                timeout=30,
            ).json()
        )


@pytest.mark.parametrize("message", ["", "   ", "👍🙂🙂", "<b>hei</b><script>alert(1)</script>", "?!?!"])
def test_odd_messages_get_an_answer_and_the_form_keeps_waiting(live_stack: LiveStack, message: str) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert chat.tracker()["slots"]["requested_slot"] == "goal_type"
    replies = chat.say(message)
    # The person is never left without a reply, and the question is asked again.
    assert replies, f"no reply to {message!r}"
    tracker = chat.tracker()
    assert (tracker.get("active_loop") or {}).get("name") == "goal_form"
    assert tracker["slots"]["requested_slot"] == "goal_type"
    assert tracker["slots"]["goal_type"] is None


def test_typed_intent_with_an_unknown_city_does_not_bypass_validation(live_stack: LiveStack) -> None:
    chat = Chat(live_stack)
    chat.say('/greet{"city": "Atlantis"}')
    # The city from the typed payload is checked when the goal form starts.
    assert chat.tracker()["slots"]["city"] != "Atlantis"
    for answer in ('/inform{"answer":"job"}', '/inform{"answer":"software"}'):
        chat.say(answer)
    tracker = chat.tracker()
    assert tracker["slots"]["requested_slot"] == "city"
    replies = chat.say('/inform{"answer":"Atlantis"}')
    texts = " ".join(r.get("text", "") for r in replies)
    assert "Espoo" in texts  # the help names the cities we cover
    assert chat.tracker()["slots"]["city"] is None


def test_typed_intent_cannot_set_a_computed_slot(live_stack: LiveStack) -> None:
    chat = Chat(live_stack)
    chat.say('/greet{"confidence_score": 5, "holland_code": "XYZ", "summary_id": "1"}')
    slots = chat.tracker()["slots"]
    assert slots["confidence_score"] is None
    assert slots["holland_code"] is None
    assert slots["summary_id"] is None


def test_out_of_range_rating_is_asked_again_with_help(live_stack: LiveStack) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    for answer in ("skip", "skip", "skip", "skip", "skip", "skip"):
        chat.say(answer)
    tracker = chat.tracker()
    assert (tracker.get("active_loop") or {}).get("name") == "confidence_form"
    assert tracker["slots"]["requested_slot"] == "se_1"
    replies = chat.say('/inform{"answer":"9"}')
    assert replies
    tracker = chat.tracker()
    assert tracker["slots"]["se_1"] is None
    assert tracker["slots"]["requested_slot"] == "se_1"


def test_finnish_word_in_an_english_session_keeps_english(live_stack: LiveStack) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    chat.say("työpaikka")
    assert chat.tracker()["slots"]["language"] == "en"
