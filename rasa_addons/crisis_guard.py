"""NLU component: the crisis decision, after the intent classifier.

A missed crisis message is the worst error DigiPoint can make; a false
alarm (the emergency numbers for "book me a table") erodes trust. So
``express_distress`` is not left to the classifier's top guess alone:

1. Keyword guard. ``crisis_signal(text)`` looks for self-harm and death
   language in Finnish, Swedish and English (``PATTERNS`` in
   ``rasa_addons.crisis_lexicon``: suicide words,
   "kill myself" / "tappaa itseni" / "ta livet av mig", "want to die" /
   "haluun kuolla" / "vill dö", "don't want to live" / "en halua elää" /
   "vill inte leva", cutting and hurting oneself, "better off without me",
   "never wake up", ...). When it matches, the intent becomes
   ``express_distress`` with confidence 1.0, whatever the classifier said
   (also over ``feel_discouraged``, ``out_of_scope`` or ``nlu_fallback``).
   The patterns are written for first-person, self-directed phrases, not
   single words: "this job is killing me", "I'm dying to start",
   "kuolettavan tylsää", "döda tiden" do not match.
2. Second check. When the classifier predicts ``express_distress`` without
   any keyword signal, it is kept only at confidence ``keep_threshold`` or
   above (tuned on cross-validation of data/nlu, docs/nlu-pipeline.md).
   Below it, ``express_distress`` is removed from the ranking and the next
   intent takes its place (usually ``feel_discouraged``, which gets the
   supportive reply, or ``out_of_scope``); FallbackClassifier after this
   component then judges that intent's confidence as usual. A figurative
   death idiom without a crisis pattern ("this traffic is killing me",
   "kuolin nauruun", ``rasa_addons.crisis_idioms``) is demoted at any
   confidence.

Text is matched case-folded, in NFC, with ä/ö/å also accepted as a/o (people
type without them). The decision is logged at DEBUG without the text.
Place it right after the intent classifier and before FallbackClassifier.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from rasa_addons.crisis_idioms import figurative_death
from rasa_addons.crisis_lexicon import PATTERNS, crisis_signal, fold_text
from rasa_addons.intent_ranking import put_intent_first

logger = logging.getLogger(__name__)

CRISIS_INTENT = "express_distress"
SIGNAL_KEY = "crisis_signal"
# Re-exported: the lexicon lives in rasa_addons/crisis_lexicon.py.
__all__ = ["CRISIS_INTENT", "PATTERNS", "SIGNAL_KEY", "CrisisGuard", "crisis_signal", "fold_text"]

@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisGuard(GraphComponent, IntentClassifier):
    """Forces ``express_distress`` on crisis language; demotes it without any below ``keep_threshold``."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """Runs after an intent classifier."""
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``intent``: the crisis intent; ``keep_threshold``: confidence to keep it without a keyword."""
        return {"intent": CRISIS_INTENT, "keep_threshold": 0.5}

    def __init__(self, config: Dict[Text, Any]) -> None:
        """Stores the configuration."""
        self.intent = str(config["intent"])
        self.keep_threshold = float(config["keep_threshold"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CrisisGuard":
        """Creates the component (Rasa's GraphComponent interface)."""
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        """Applies the decision to each message's intent and ranking."""
        for message in messages:
            self.decide(message)
        return messages

    def decide(self, message: Message) -> Optional[Text]:
        """``"forced"``, ``"kept"``, ``"demoted"`` or ``None`` (nothing to do); sets the intent."""
        intent = message.get(INTENT) or {}
        ranking = list(message.get(INTENT_RANKING_KEY) or [])
        name = intent.get(INTENT_NAME_KEY)
        signal = crisis_signal(message.get(TEXT))
        if signal:
            message.set(SIGNAL_KEY, signal, add_to_output=True)
            put_intent_first(message, self.intent, 1.0)
            logger.debug("Crisis guard: %s forced by pattern %s (classifier: %s)", self.intent, signal, name)
            return "kept" if name == self.intent else "forced"
        if name != self.intent:
            return None
        confidence = float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0)
        idiom = figurative_death(fold_text(message.get(TEXT) or ""))
        if confidence >= self.keep_threshold and not idiom:
            return "kept"
        rest = [r for r in ranking if r.get(INTENT_NAME_KEY) != self.intent]
        if rest:
            new = dict(rest[0])
        else:
            new = {INTENT_NAME_KEY: "nlu_fallback", PREDICTED_CONFIDENCE_KEY: 1.0 - confidence}
            rest = [new]
        message.set(INTENT, new, add_to_output=True)
        message.set(INTENT_RANKING_KEY, rest, add_to_output=True)
        logger.debug("Crisis guard: %s at %.2f without crisis words%s -> %s", self.intent, confidence,
                     " (a figurative idiom)" if idiom else "", new.get(INTENT_NAME_KEY))
        return "demoted"
