"""One-tap feedback over the real Rasa server's REST channel, in every language.

A scripted jobseeker holds the whole conversation (bench/jobseeker.py) and
taps feedback buttons on the way: "Useful" right after the suggestions (then
"yes" still answers the open offer of next steps), "Not useful" on another
suggestion in the middle of next_steps_form (the form keeps its question and
takes the next answer), and "Yes" to "was this chat useful?" at the end. Each
tap gets one short thank-you and nothing else; the rows are in the real
database, anonymous.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from bench.jobseeker import ScriptedJobseeker
from bot.i18n import t
from tests.live import aio
from tests.live_stack import LiveStack


def _feedback_buttons(replies: list[dict[str, Any]], target: str) -> list[dict[str, Any]]:
    """The /give_feedback buttons of ``target`` in the replies, payload parsed."""
    found = []
    for reply in replies:
        for button in reply.get("buttons") or []:
            payload = button.get("payload", "")
            if payload.startswith("/give_feedback"):
                body = json.loads(payload.removeprefix("/give_feedback"))
                if body["target"] == target:
                    found.append(
                        {**body, "title": button["title"], "payload": payload, "text": reply["text"]}
                    )
    return found


def _texts(replies: list[dict[str, Any]]) -> list[str]:
    return [reply.get("text", "") for reply in replies]


async def _converse(stack: LiveStack, lang: str) -> tuple[str, list[str]]:
    sender_id = f"live-feedback-{uuid.uuid4().hex[:10]}"
    person = ScriptedJobseeker(
        stack.rasa_url,
        stack.rasa_token,
        sender_id,
        {"language": lang, "city": "Espoo"},
        api_url=stack.rasa_api_url,
    )
    thanks_useful, thanks_not_useful = (
        t("feedback.thanks_useful", lang),
        t("feedback.thanks_not_useful", lang),
    )
    tapped: list[str] = []
    suggestion_buttons: list[dict[str, Any]] = []
    async with httpx.AsyncClient(timeout=60) as client:
        replies = await person.send(client, "Hi")
        for _ in range(80):
            state = await person.tracker(client)
            loop = (state.get("active_loop") or {}).get("name")
            useful = [b for b in _feedback_buttons(replies, "suggestion") if b["useful"]]
            if useful and not suggestion_buttons:
                suggestion_buttons = _feedback_buttons(replies, "suggestion")
                assert useful[0]["title"] == t("feedback.useful_button", lang)
                assert _texts(await person.send(client, useful[0]["payload"])) == [thanks_useful]
                tapped.append(useful[0]["item"])
                after = await person.tracker(client)
                assert after["latest_action_name"] == state["latest_action_name"]
                # The offer of next steps is still the open question: "yes" answers it.
                replies = await person.send(client, "/affirm")
                assert ((await person.tracker(client)).get("active_loop") or {}).get(
                    "name"
                ) == "next_steps_form"
                continue
            if loop == "next_steps_form" and len(tapped) == 1:
                other = next(b for b in suggestion_buttons if not b["useful"] and b["item"] != tapped[0])
                assert _texts(await person.send(client, other["payload"])) == [thanks_not_useful]
                tapped.append(other["item"])
                after = await person.tracker(client)
                assert (after["active_loop"], after["slots"]["requested_slot"]) == (
                    state["active_loop"],
                    state["slots"]["requested_slot"],
                )
                continue  # the next answer goes to the form's question, as if nothing happened
            message = person._next_message(state, replies)
            if message is None:
                break
            replies = await person.send(client, message)
        assert person.conversation.finished, "\n".join(turn.sent for turn in person.conversation.turns)
        [yes, no] = _feedback_buttons(replies, "chat")
        assert yes["text"] == t("feedback.ask_chat", lang)
        assert (yes["title"], no["title"]) == (t("feedback.yes_button", lang), t("feedback.no_button", lang))
        assert _texts(await person.send(client, yes["payload"])) == [thanks_useful]
    return sender_id, tapped


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_taps_on_suggestions_mid_form_and_at_the_end_are_thanked_stored_and_change_nothing_else(
    live_stack: LiveStack, lang: str
) -> None:
    engine = create_engine(live_stack.database_url)
    with engine.connect() as db:
        before = db.execute(text("SELECT COUNT(*) FROM feedback")).scalar_one()
    sender_id, tapped = aio.run(_converse(live_stack, lang))
    with engine.connect() as db:
        rows = db.execute(text("SELECT city, target, item, useful FROM feedback ORDER BY id")).all()[before:]
        summaries = db.execute(
            text("SELECT COUNT(*) FROM summaries WHERE conversation_id = :cid"), {"cid": sender_id}
        ).scalar_one()
    engine.dispose()
    assert [tuple(row) for row in rows] == [
        ("Espoo", "suggestion", tapped[0], 1),
        ("Espoo", "suggestion", tapped[1], 0),
        ("Espoo", "chat", "", 1),
    ]
    assert summaries == 1


def test_a_tap_right_after_a_hand_back_gets_only_the_thank_you(live_stack: LiveStack) -> None:
    """The dashboard hands back through /execute (resume, action_handoff_resumed, action_listen):
    the bot asks whether the coach's help was useful, and the "Yes" tap is thanked and stored.

    No rule follows action_handoff_resumed, so a tap that is only reverted would let the
    policies guess what comes next (a fallback reply); the forced listen prevents that.
    """
    sender_id = f"live-feedback-{uuid.uuid4().hex[:10]}"
    api = f"{live_stack.rasa_api_url}/conversations/{sender_id}"
    params = {"token": live_stack.rasa_token}

    def send(message: str) -> list[str]:
        response = httpx.post(
            f"{live_stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender_id, "message": message, "metadata": {"language": "sv", "city": "Espoo"}},
            timeout=60,
        )
        response.raise_for_status()
        return [reply.get("text", "") for reply in response.json()]

    assert send("Hej")
    httpx.post(
        f"{api}/tracker/events", params=params, json=[{"event": "resume"}], timeout=30
    ).raise_for_status()
    executed = httpx.post(
        f"{api}/execute", params=params, json={"name": "action_handoff_resumed"}, timeout=60
    )
    executed.raise_for_status()
    # The hand-back asks about the coach's help, with the one-tap Yes / No.
    [question] = [m for m in executed.json()["messages"] if m.get("text") == t("feedback.ask_handoff", "sv")]
    assert [(b["title"], b["payload"]) for b in question["buttons"]] == [
        ("Ja", '/give_feedback{"target":"handoff","useful":true}'),
        ("Nej", '/give_feedback{"target":"handoff","useful":false}'),
    ]
    httpx.post(
        f"{api}/tracker/events",
        params=params,
        json=[{"event": "action", "name": "action_listen"}],
        timeout=30,
    ).raise_for_status()
    engine = create_engine(live_stack.database_url)
    with engine.connect() as db:
        before = db.execute(text("SELECT COUNT(*) FROM feedback")).scalar_one()

    assert send('/give_feedback{"target":"handoff","useful":true}') == [t("feedback.thanks_useful", "sv")]

    tracker = httpx.get(f"{api}/tracker", params=params, timeout=30).json()
    assert tracker["latest_action_name"] == "action_listen"
    with engine.connect() as db:
        rows = db.execute(text("SELECT city, target, item, useful FROM feedback ORDER BY id")).all()[before:]
    engine.dispose()
    assert [tuple(row) for row in rows] == [("Espoo", "handoff", "", 1)]
