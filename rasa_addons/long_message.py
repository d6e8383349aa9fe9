"""NLU component that gives over-long and empty messages an intent of their own.

A message longer than ``max_chars`` characters (default 2,000, the widget's
limit too) gets the intent ``message_too_long`` with confidence 1.0 and no
entities, so a rule answers with a polite request to shorten it and a form
in progress re-asks its question. Nothing the person typed is lost: the
text stays in the tracker.

An empty or whitespace-only message makes Rasa 3.6's featurizers and the
linear classifier disagree on the number of features (a ValueError, and
the person gets no answer at all). ``EmptyMessagePlaceholder``, first in
the pipeline, therefore gives such a message a neutral placeholder text for
the NLU components only (the tracker keeps what was sent) and marks it;
``LongMessageGuard`` then sets ``nlu_fallback``: outside a form the person
hears what the bot can do; inside a form the validator finds no answer and
asks the question again with help.

A message with no words, only one or two different characters repeated
(``"a"`` pasted 2,000 times, ``"hahahaha..."``, a row of one emoji) and at
least ``no_words_min_chars`` non-space characters (default 30), also gets
``nlu_fallback``: the classifier gives such text any intent at full
confidence ("a" x 300 was ``affirm`` 0.86, and so said yes to sharing a
summary). The person is asked again; nothing is stored from it.

Place it after the intent classifier and the FallbackClassifier in
``config.yml``'s pipeline.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

MESSAGE_TOO_LONG_INTENT = "message_too_long"
EMPTY_MESSAGE_INTENT = "nlu_fallback"
EMPTY_FLAG = "digipoint_empty_message"
PLACEHOLDER_TEXT = "..."


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False
)
class EmptyMessagePlaceholder(GraphComponent):
    """First in the pipeline: empty or blank text becomes "..." for NLU, flagged."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "EmptyMessagePlaceholder":
        """Creates the component (Rasa's GraphComponent interface)."""
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training data is left as it is (it has no empty examples)."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Replace blank text by the placeholder and set the flag."""
        for message in messages:
            if not (message.get(TEXT) or "").strip():
                message.set(TEXT, PLACEHOLDER_TEXT)
                message.set(EMPTY_FLAG, True)
        return messages


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class LongMessageGuard(GraphComponent, IntentClassifier):
    """Sets ``message_too_long`` over ``max_chars`` characters, ``nlu_fallback`` when empty or wordless."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """Runs after an intent classifier."""
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``max_chars``: longest accepted message; ``no_words_min_chars``: see the module docstring."""
        return {"max_chars": 2000, "no_words_min_chars": 30}

    def __init__(self, config: Dict[Text, Any]) -> None:
        """Stores the component configuration (keys missing from ``config`` take the defaults)."""
        config = {**self.get_default_config(), **config}
        self.max_chars = int(config["max_chars"])
        self.no_words_min_chars = int(config["no_words_min_chars"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LongMessageGuard":
        """Creates the component (Rasa's GraphComponent interface)."""
        return cls(config)

    def has_no_words(self, text: Text) -> bool:
        """True for ``no_words_min_chars`` or more non-space characters of at most 2 kinds."""
        visible = "".join(text.split())
        return len(visible) >= self.no_words_min_chars and len(set(visible.casefold())) <= 2

    def process(self, messages: List[Message]) -> List[Message]:
        """Overrides intent and entities of every over-long, empty or wordless message."""
        for message in messages:
            text = message.get(TEXT) or ""
            if len(text) > self.max_chars:
                name = MESSAGE_TOO_LONG_INTENT
            elif message.get(EMPTY_FLAG) or not text.strip() or self.has_no_words(text):
                name = EMPTY_MESSAGE_INTENT
            else:
                continue
            intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
            message.set(ENTITIES, [], add_to_output=True)
        return messages
