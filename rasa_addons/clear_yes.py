"""NLU component: only a clear yes is a yes.

DigiPoint's yes/no questions decide about personal data: may a coach read
the summary, may the bot keep a phone number, delete everything now. A typed
answer the classifier reads as ``affirm`` with low confidence ("javisst"
0.58, "ye" 0.66 on the model of 2026-12-04) is not a clear yes, and a wrong
yes shares or deletes data. ``ClearYesGuard`` therefore turns ``affirm``
below ``min_confidence`` (default 0.7) into ``nlu_fallback``, as Rasa's
FallbackClassifier does for every intent below its own threshold: the
person is told the bot did not understand and answers again (the Yes
button's payload ``/affirm`` has confidence 1.0). A weak ``deny`` is left
alone: no means nothing is shared or deleted.

Place it after FallbackClassifier in ``config.yml``'s pipeline.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

from rasa_addons.intent_ranking import put_intent_first

FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ClearYesGuard(GraphComponent, IntentClassifier):
    """Turns ``intent`` (``affirm``) below ``min_confidence`` into ``nlu_fallback``."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """Runs after an intent classifier."""
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``intent``: the yes intent; ``min_confidence``: lowest confidence taken as yes (0-1)."""
        return {"intent": "affirm", "min_confidence": 0.7}

    def __init__(self, config: Dict[Text, Any]) -> None:
        """Stores the configuration."""
        self.intent = str(config["intent"])
        self.min_confidence = float(config["min_confidence"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ClearYesGuard":
        """Creates the component (Rasa's GraphComponent interface)."""
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets ``nlu_fallback`` (confidence ``min_confidence``) on every weak yes; ranking kept below it."""
        for message in messages:
            intent = message.get(INTENT) or {}
            confidence = intent.get(PREDICTED_CONFIDENCE_KEY)
            if intent.get(INTENT_NAME_KEY) != self.intent:
                continue
            if confidence is not None and float(confidence) >= self.min_confidence:
                continue  # a yes without a confidence is not a clear yes either
            put_intent_first(message, FALLBACK_INTENT, self.min_confidence)
        return messages
