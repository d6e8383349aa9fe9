"""A scripted jobseeker that holds a whole conversation over Rasa's REST channel.

Used by the live integration test and by the benchmark. After each message
it reads the conversation's tracker (Rasa HTTP API, token auth) to see which
form and question are active, and answers the way a person would: buttons
by their payloads, some answers typed ("four", "not really"). Suggestions
are rejected once ("not for me"), one next step is chosen, and the summary
is shared with a coach.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import httpx

GOAL_ANSWERS = {
    "goal_type": '/inform{"answer":"both"}',
    "field": '/inform{"answer":"data"}',
    "city": "Espoo",
    "timeframe": "right away",
    "education_level": '/inform{"answer":"secondary"}',
    "background": "I worked five years in a warehouse. I use Excel every day and I like solving problems.",
}
CONFIDENCE_ANSWERS = ["4", "four", "not really", "yes definitely", '/inform{"answer":"3"}']
INTEREST_ANSWERS = ["like", "dislike", "not sure", "like", "dislike", "like"]


@dataclass
class Turn:
    """One message and what came back; ``seconds`` is the REST round trip."""

    sent: str
    replies: list[dict[str, Any]]
    seconds: float


@dataclass
class Conversation:
    """Everything that happened in one scripted conversation."""

    sender_id: str
    turns: list[Turn] = field(default_factory=list)
    suggestion_ids: list[str] = field(default_factory=list)
    rejected_id: str | None = None
    finished: bool = False

    def bot_texts(self) -> list[str]:
        """Every text the bot sent, in order."""
        return [r.get("text", "") for t in self.turns for r in t.replies if r.get("text")]


class ScriptedJobseeker:
    """Drives one conversation; ``run()`` returns it when the summary is shared.

    Args:
        rasa_url: base URL of Rasa's public chat channels, e.g. "http://localhost:5005".
        token: Rasa HTTP API token (to read the tracker).
        sender_id: conversation id.
        metadata: message metadata, e.g. {"language": "en", "city": "Espoo"}.
        max_turns: safety limit; the conversation ends unfinished after it.
        api_url: base URL of Rasa's HTTP API (internal, e.g. "http://127.0.0.1:5006");
            default ``rasa_url``.
        consent_messages: sent one by one once the summary asks "may a coach read
            this?" (default: the yes button's payload); the conversation ends after them.
    """

    def __init__(
        self,
        rasa_url: str,
        token: str,
        sender_id: str,
        metadata: dict[str, str] | None = None,
        max_turns: int = 60,
        api_url: str | None = None,
        consent_messages: tuple[str, ...] = ("/affirm",),
    ) -> None:
        self.rasa_url = rasa_url.rstrip("/")
        self.api_url = (api_url or rasa_url).rstrip("/")
        self.token = token
        self.metadata = metadata or {"language": "en"}
        self.max_turns = max_turns
        self.conversation = Conversation(sender_id)
        self._consent_left = iter(consent_messages)

    async def send(self, client: httpx.AsyncClient, text: str) -> list[dict[str, Any]]:
        """Send one message over REST; record and return the bot's replies."""
        started = time.perf_counter()
        response = await client.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.conversation.sender_id, "message": text, "metadata": self.metadata},
        )
        response.raise_for_status()
        replies: list[dict[str, Any]] = response.json()
        self.conversation.turns.append(Turn(text, replies, time.perf_counter() - started))
        return replies

    async def tracker(self, client: httpx.AsyncClient) -> dict[str, Any]:
        """The conversation's tracker state (slots, active loop, latest action)."""
        response = await client.get(
            f"{self.api_url}/conversations/{self.conversation.sender_id}/tracker",
            params={"token": self.token, "include_events": "NONE"},
        )
        response.raise_for_status()
        return dict(response.json())

    def _next_message(self, state: dict[str, Any], replies: list[dict[str, Any]]) -> str | None:
        loop = (state.get("active_loop") or {}).get("name")
        slots = state.get("slots") or {}
        requested = slots.get("requested_slot")
        buttons = [b for r in replies for b in r.get("buttons") or []]
        if loop == "goal_form" and requested in GOAL_ANSWERS:
            return GOAL_ANSWERS[requested]
        if loop == "confidence_form" and requested:
            return CONFIDENCE_ANSWERS[(int(requested.split("_")[1]) - 1) % len(CONFIDENCE_ANSWERS)]
        if loop == "interest_form" and requested:
            return INTEREST_ANSWERS[(int(requested.split("_")[1]) - 1) % len(INTEREST_ANSWERS)]
        if loop == "next_steps_form":
            if slots.get("next_steps"):
                return '/inform{"answer":"done"}'
            picks = [b["payload"] for b in buttons if '"answer"' in b.get("payload", "")]
            return picks[0] if picks else "talk with a coach"
        if slots.get("summary_id"):
            consent = next(self._consent_left, None)
            if consent is None:
                self.conversation.finished = True
            return consent
        shown = slots.get("shown_suggestions") or []
        if shown:
            self.conversation.suggestion_ids = list(shown)
            if self.conversation.rejected_id is None:
                self.conversation.rejected_id = shown[0]
                return f'/not_for_me{{"suggestion_id":"{shown[0]}"}}'
            return "/choose_next_steps"
        return None

    async def run(self, client: httpx.AsyncClient, opening: str = "Hi") -> Conversation:
        """Hold the whole conversation; return it (``finished`` tells if it got to the end)."""
        replies = await self.send(client, opening)
        for _ in range(self.max_turns):
            state = await self.tracker(client)
            message = self._next_message(state, replies)
            if message is None:
                break
            replies = await self.send(client, message)
        return self.conversation
