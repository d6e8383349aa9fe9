"""Put one intent first in a parsed message: the shared step of the project's NLU guards.

``CrisisGuard`` (crisis words force ``express_distress``), ``SadEmojiGuard``
(only sad emoji is ``feel_discouraged``) and ``ClearYesGuard`` (a weak yes is
``nlu_fallback``) each overrule the classifier the same way: the chosen
intent at a fixed confidence becomes the message's intent and heads its
ranking, and the classifier's other guesses follow in their order.
"""

from __future__ import annotations

from typing import Any, Dict, Text

from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message


def put_intent_first(message: Message, name: Text, confidence: float) -> Dict[Text, Any]:
    """Set ``name`` at ``confidence`` (0-1) as the intent of ``message``, first in its ranking.

    Any earlier ranking entry of ``name`` is dropped; the other entries keep
    their order below it. Returns the new intent dict.
    """
    top = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
    rest = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name]
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [top, *rest], add_to_output=True)
    return top
