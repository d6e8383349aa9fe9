"""NLU component that puts every message text in Unicode NFC before anything reads it.

Some phones and pasted text send letters decomposed (NFD): 'ä' arrives as
'a' + U+0308 COMBINING DIAERESIS, 'Å' as 'A' + U+030A. The tokenizer splits on
the combining mark, the character n-grams and the lookup tables (cities,
fields) see different characters, and a decomposed 'Haluan töitä
Jyväskylässä' was read as ``deny`` at 0.29 while 'Åbo' was not found as a
city. ``UnicodeNFC`` comes first in ``config.yml``'s pipeline and replaces the
message text by its NFC form (``unicodedata.normalize("NFC", text)``), so
the intent, the entity values and therefore the slot values filled from
entities are NFC. Training examples are normalised the same way (the data
is NFC already, so training is unchanged).

The tracker keeps ``UserUttered.text`` as the channel passed it; the input
channels in ``rasa_addons`` (REST and socket.io) normalise it too
(``nfc``), so slots filled from the whole text are NFC as well.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


def nfc(text: Optional[Text]) -> Optional[Text]:
    """``text`` in Unicode normal form C; ``None`` and non-strings are returned as they are."""
    if not isinstance(text, str) or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class UnicodeNFC(GraphComponent):
    """First in the pipeline: the message text becomes its NFC form."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "UnicodeNFC":
        """Creates the component (Rasa's GraphComponent interface)."""
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Normalises the training examples' text (a no-op for NFC data)."""
        self._normalise(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Replaces each message's text by its NFC form; returns the same messages."""
        return self._normalise(messages)

    @staticmethod
    def _normalise(messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            normalised = nfc(text)
            if normalised is not text:
                message.set(TEXT, normalised)
        return messages
