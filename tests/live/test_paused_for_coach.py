"""While the bot waits for a coach (paused), a crisis message still gets the crisis reply,
and the yes / no to "May the coach read it?" is recorded and confirmed.

Found by a newcomer walk (2026-12-06): "i want to die" typed after "I want to
talk to a person" got no answer at all, because a paused conversation runs no
action. The real Rasa server, action server and database (tests/live_stack.py),
over the REST channel, in each language: the person asks for a coach, then
writes a crisis message and gets the emergency number and the crisis line at
once; the bot stays paused, so an ordinary message still gets no bot answer
(the coach answers it). The person's yes / no to sharing the summary, a short
typed one or a button, is confirmed in their language and recorded in the
database at once (the coach's list shows the summary without waiting for the
transcript); a second yes gets no bot answer. A longer typed "okay, I'll wait"
is no consent: the bot asks once more with the buttons.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.db import make_engine
from bot.handoff.models import HandoffRequest
from bot.i18n import t
from bot.summaries.models import Summary
from tests.live_stack import LiveStack

CASES = [
    ("en", "I want to talk to a person", "i want to die", "when does the coach come?"),
    ("fi", "haluun puhua ihmisen kanssa", "haluun kuolla", "milloin ohjaaja tulee?"),
    ("sv", "jag vill prata med en människa", "jag tar livet av mig", "när kommer handledaren?"),
]


class Chat:
    """One REST conversation on the Espoo page."""

    def __init__(self, stack: LiveStack, language: str) -> None:
        self.stack = stack
        self.sender = f"paused-{uuid.uuid4().hex[:10]}"
        self.language = language

    def texts(self, message: str) -> list[str]:
        response = httpx.post(
            f"{self.stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": message,
                  "metadata": {"language": self.language, "city": "Espoo"}},
            timeout=60,
        )
        assert response.status_code == 200
        return [m.get("text") or "" for m in response.json()]

    def tracker(self) -> dict[str, Any]:
        return dict(httpx.get(
            f"{self.stack.rasa_api_url}/conversations/{self.sender}/tracker",
            params={"token": self.stack.rasa_token, "include_events": "ALL"}, timeout=30,
        ).json())


def paused(tracker: dict[str, Any]) -> bool:
    states = [e["event"] for e in tracker["events"] if e["event"] in ("pause", "resume")]
    return bool(states) and states[-1] == "pause"


@pytest.mark.parametrize(("language", "ask_coach", "crisis", "ordinary"), CASES)
def test_a_crisis_message_while_waiting_for_a_coach_gets_the_crisis_reply(
    live_stack: LiveStack, language: str, ask_coach: str, crisis: str, ordinary: str
) -> None:
    chat = Chat(live_stack, language)
    chat.texts("/greet")
    asked = "\n".join(chat.texts(ask_coach))
    assert t("handoff.queued", language).split(".")[0] in asked, asked
    assert paused(chat.tracker())

    reply = "\n".join(chat.texts(crisis))
    assert t("support.distress_intro", language) in reply, reply
    assert "112" in reply, reply
    assert paused(chat.tracker()), "the crisis reply must not take the chat away from the coach"

    assert chat.texts(ordinary) == [], "an ordinary message while waiting is for the coach"
    close_requests(live_stack, chat.sender)


def close_requests(stack: LiveStack, sender: str) -> None:
    """Leave the shared Espoo queue as it was for the tests that count places in it."""
    with Session(make_engine(stack.database_url)) as db:
        db.execute(update(HandoffRequest).where(HandoffRequest.conversation_id == sender)
                   .values(status="closed"))
        db.commit()


CONSENT_CASES = [
    ("en", "I want to talk to a person", "yes", True),
    ("fi", "haluun puhua ihmisen kanssa", "/affirm", True),
    ("sv", "jag vill prata med en människa", "/deny", False),
]


@pytest.mark.parametrize(("language", "ask_coach", "answer", "shared"), CONSENT_CASES)
def test_the_share_answer_while_waiting_is_confirmed_and_recorded(
    live_stack: LiveStack, language: str, ask_coach: str, answer: str, shared: bool
) -> None:
    chat = Chat(live_stack, language)
    chat.texts("/greet")
    asked = chat.texts(ask_coach)
    assert t("summary.ask_share_handoff", language) in asked, asked
    assert paused(chat.tracker())

    expected = t("summary.handoff_shared" if shared else "summary.handoff_private", language)
    assert chat.texts(answer) == [expected]
    assert paused(chat.tracker()), "the answer must not take the chat away from the coach"
    assert chat.texts(answer) == [], "a second answer is a message for the coach"

    with Session(make_engine(live_stack.database_url)) as db:
        summary = db.scalars(select(Summary).where(Summary.conversation_id == chat.sender)).one()
        assert summary.consent_to_share is shared
    close_requests(live_stack, chat.sender)


def test_a_longer_typed_ok_while_waiting_is_asked_again_not_taken_as_consent(live_stack: LiveStack) -> None:
    chat = Chat(live_stack, "sv")
    chat.texts("/greet")
    chat.texts("jag vill prata med en människa")
    replies = chat.texts("okej jag väntar här då")
    # Classified affirm or not, it shares nothing; as a yes it gets the question again, once.
    assert replies in ([], [t("summary.ask_share_handoff_again", "sv")]), replies
    assert chat.texts("/deny") == [t("summary.handoff_private", "sv")]
    with Session(make_engine(live_stack.database_url)) as db:
        summary = db.scalars(select(Summary).where(Summary.conversation_id == chat.sender)).one()
        assert summary.consent_to_share is False
    close_requests(live_stack, chat.sender)
