"""Every message of the guidance topics exists in en, fi and sv with the same placeholders."""

from __future__ import annotations

import string

import pytest

from bot.i18n import all_keys, variants

TOPICS = ("goals", "confidence", "interests", "session", "support", "privacy")
KEYS = [key for key in all_keys() if key.split(".")[0] in TOPICS]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_topic_has_messages() -> None:
    assert {key.split(".")[0] for key in KEYS} == set(TOPICS)


@pytest.mark.parametrize("key", KEYS)
def test_message_has_all_languages_and_same_placeholders(key: str) -> None:
    texts = variants(key)
    assert set(texts) >= {"en", "fi", "sv"}
    assert all(isinstance(texts[lang], str) and texts[lang].strip() for lang in ("en", "fi", "sv"))
    assert _placeholders(texts["fi"]) == _placeholders(texts["en"]) == _placeholders(texts["sv"])
