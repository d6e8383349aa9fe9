"""SadEmojiGuard: a message of only sad emoji gets the supportive reply, not the off-topic refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("rasa")

import yaml  # noqa: E402
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY  # noqa: E402

from rasa_addons.emoji_mood import SadEmojiGuard, sad_emoji_only  # noqa: E402
from tests.rasa_env.test_clear_yes import parsed  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def guard() -> SadEmojiGuard:
    return SadEmojiGuard(SadEmojiGuard.get_default_config())


@pytest.mark.parametrize("text", ["😢", "😭😭", "😞 😞", "💔", "🙁.", "☹️", "😢😢😢!", "🥺"])
def test_sad_emoji_alone_read_as_low_mood(text: str) -> None:
    assert sad_emoji_only(text)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😀", "😢😀", "👍", "😀😀😀🙏🏽👍", "olen 😢", "sad 😢", "😢 2", "😢" * 11, "!!!"],
)
def test_other_messages_are_not_a_mood(text: str) -> None:
    assert not sad_emoji_only(text)


def test_a_sad_emoji_becomes_feel_discouraged_over_out_of_scope() -> None:
    [message] = guard().process([parsed("😢", [("out_of_scope", 0.8), ("feel_discouraged", 0.1)])])
    assert message.get(INTENT) == {"name": "feel_discouraged", "confidence": 1.0}
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["feel_discouraged", "out_of_scope"]


def test_other_messages_keep_their_intent() -> None:
    [message] = guard().process([parsed("😀😀", [("out_of_scope", 0.8)])])
    assert message.get(INTENT) == {"name": "out_of_scope", "confidence": 0.8}


def test_the_guard_comes_after_the_fallback_classifier() -> None:
    names = [c["name"] for c in yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]]
    assert names.index("FallbackClassifier") < names.index("rasa_addons.emoji_mood.SadEmojiGuard")
