"""rasa_addons/paused_replies.py: a crisis message, and a yes / no to sharing the summary, get
their action even while the bot is paused for a coach.

The decision (``paused_reply_action``) on real Rasa trackers; the wrapper on a
stand-in processor (which actions it runs, and that other paused messages are
left to Rasa). The whole path, over the live REST channel with the trained
model, is tests/live/test_paused_for_coach.py.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

pytest.importorskip("rasa")

from rasa.core.processor import MessageProcessor  # noqa: E402
from rasa.shared.core.events import ConversationPaused, ConversationResumed, UserUttered  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402

from rasa_addons import paused_replies  # noqa: E402


def tracker(intent: str, *, paused: bool, resumed: bool = False) -> DialogueStateTracker:
    events: list[Any] = []
    if paused:
        events.append(ConversationPaused())
    if resumed:
        events.append(ConversationResumed())
    events.append(UserUttered("some text", intent={"name": intent, "confidence": 1.0}))
    return DialogueStateTracker.from_events("person-1", events)


def test_crisis_message_while_paused_gets_the_crisis_action() -> None:
    action = paused_replies.paused_reply_action(tracker("express_distress", paused=True))
    assert action == "action_handle_distress"


@pytest.mark.parametrize("intent", ["affirm", "deny"])
def test_yes_or_no_while_paused_gets_the_consent_action(intent: str) -> None:
    assert paused_replies.paused_reply_action(tracker(intent, paused=True)) == "action_record_handoff_consent"


@pytest.mark.parametrize("intent", ["feel_discouraged", "out_of_scope", "request_coach", "greet"])
def test_other_messages_while_paused_are_left_to_the_coach(intent: str) -> None:
    assert paused_replies.paused_reply_action(tracker(intent, paused=True)) is None


@pytest.mark.parametrize("intent", ["express_distress", "affirm"])
def test_not_paused_is_left_to_the_policies(intent: str) -> None:
    assert paused_replies.paused_reply_action(tracker(intent, paused=False)) is None
    assert paused_replies.paused_reply_action(tracker(intent, paused=True, resumed=True)) is None


def test_every_paused_action_is_in_the_domain() -> None:
    from rasa.shared.core.domain import Domain

    domain = Domain.load("domain.yml")
    assert set(paused_replies.PAUSED_ACTIONS.values()) <= set(domain.user_actions)


class FakeProcessor:
    """Records the actions ``run_paused_reply`` asks for."""

    def __init__(self) -> None:
        self.domain = None
        self.nlg = None
        self.ran: list[str] = []

    def _get_action(self, name: str) -> str:
        return name

    async def _run_action(
        self, action: str, tracker: Any, output_channel: Any, nlg: Any, prediction: Any
    ) -> bool:
        self.ran.append(action)
        return True


def test_the_reply_is_the_crisis_action_then_listen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paused_replies.PolicyPrediction, "for_action_name",
                        staticmethod(lambda *a, **k: None))
    processor = FakeProcessor()
    asyncio.run(paused_replies.run_paused_reply(processor, None, tracker("express_distress", paused=True),
                                                "action_handle_distress"))
    assert processor.ran == ["action_handle_distress", "action_listen"]


def test_install_wraps_the_prediction_loop_once() -> None:
    paused_replies.install()
    wrapped = MessageProcessor._run_prediction_loop
    paused_replies.install()
    assert MessageProcessor._run_prediction_loop is wrapped
    assert getattr(wrapped, paused_replies._INSTALLED_MARK)


def test_wrapped_loop_answers_a_paused_replies_and_leaves_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    async def fake_reply(processor: Any, output_channel: Any, tr: Any, action: str) -> None:
        calls.append(action)

    async def fake_original(self: Any, output_channel: Any, tracker: Any) -> None:
        calls.append("policies")

    monkeypatch.setattr(paused_replies, "run_paused_reply", fake_reply)
    # A fresh, unwrapped loop (monkeypatch puts Rasa's wrapped one back afterwards).
    monkeypatch.setattr(MessageProcessor, "_run_prediction_loop", fake_original)
    paused_replies.install()
    loop = MessageProcessor._run_prediction_loop
    for state in (tracker("express_distress", paused=True), tracker("affirm", paused=True),
                  tracker("greet", paused=True), tracker("express_distress", paused=False)):
        asyncio.run(loop(object(), None, state))
    assert calls == ["action_handle_distress", "action_record_handoff_consent", "policies", "policies"]


def test_install_refuses_a_changed_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    async def other_loop(self: Any, tracker: Any) -> None:
        return None

    monkeypatch.setattr(MessageProcessor, "_run_prediction_loop", other_loop)
    with pytest.raises(RuntimeError, match="check the Rasa version"):
        paused_replies.install()
