"""NLU component: a message of only sad emoji is low mood, not an off-topic request.

A person who answers with "😢" or "😞😞" says how they feel. The classifier
has no words to go on and answered it as ``out_of_scope`` ("Sorry, I can't
help with that"), which reads as a rebuff (found by a newcomer walk,
2026-12-06). ``SadEmojiGuard`` sets ``feel_discouraged`` (confidence 1.0)
on a message that holds nothing but emoji (at most ``max_emoji``), all of
them sad, worried or crying ones (:data:`SAD_EMOJI`); the rules then give
the supportive reply, inside a form too, and the form asks its question
again. Any other text, a happy emoji among them, or a long row of emoji is
left as it was. Crisis is never inferred from emoji alone: the supportive
reply itself tells the person to say if they think of hurting themselves.

Place it after FallbackClassifier in ``config.yml``'s pipeline, so that
the fallback does not undo it.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Dict, List, Optional, Text, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from rasa_addons.intent_ranking import put_intent_first

SAD_EMOJI = frozenset("😢😭😞😔😟🙁☹😥😿💔😩😫😣😖🥺😓😰😪🥲")
"""Crying, sad, worried and weary faces and the broken heart (Unicode emoji names)."""
# Skin tones, variation selectors and joiners change how an emoji looks, not what it says.
_MODIFIERS = frozenset("\ufe0e\ufe0f\u200d") | {chr(c) for c in range(0x1F3FB, 0x1F400)}


def sad_emoji_only(text: Optional[Text], max_emoji: int = 10) -> bool:
    """Whether ``text`` is 1 to ``max_emoji`` emoji, all in :data:`SAD_EMOJI`.

    Spaces, punctuation, skin tones and variation selectors are ignored.
    """
    if not isinstance(text, str):
        return False
    emoji = []
    for char in unicodedata.normalize("NFC", text):
        if char.isspace() or char in _MODIFIERS or unicodedata.category(char).startswith("P"):
            continue
        if char not in SAD_EMOJI:
            return False
        emoji.append(char)
    return 0 < len(emoji) <= max_emoji


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SadEmojiGuard(GraphComponent, IntentClassifier):
    """Sets ``intent`` (``feel_discouraged``) on messages of only sad emoji."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """Runs after an intent classifier."""
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``intent``: the low-mood intent; ``max_emoji``: longest row of emoji read as a mood."""
        return {"intent": "feel_discouraged", "max_emoji": 10}

    def __init__(self, config: Dict[Text, Any]) -> None:
        """Stores the configuration."""
        self.intent = str(config["intent"])
        self.max_emoji = int(config["max_emoji"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SadEmojiGuard":
        """Creates the component (Rasa's GraphComponent interface)."""
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets the low-mood intent at 1.0 on each sad-emoji-only message; the old ranking follows it."""
        for message in messages:
            if not sad_emoji_only(message.get(TEXT), self.max_emoji):
                continue
            put_intent_first(message, self.intent, 1.0)
        return messages
