"""NLU component: a typed text that starts with '/' but is not a valid payload is read as text.

Buttons send payloads such as ``/inform{"answer":"job"}``, and Rasa's
``RegexMessageHandler`` (the last step of NLU) turns any message starting
with '/' into an intent. When a person types something like
``/Matti Virtanen 040...``, ``/no_such_intent{...}`` or broken JSON, Rasa
3.6 (``YAMLStoryReader.unpack_regex_message``) logs a warning that repeats
the whole line, so what the person typed, names and phone numbers included,
reaches the log files.

``TypedPayloadCheck`` runs right after ``UnicodeNFC`` and applies the checks
Rasa applies, without logging: Rasa's own payload pattern, an intent of the
domain, an optional JSON object whose keys are entities of the domain that
a button of that intent sends (``bot.contract.payloads``), and nothing
after it. A message that fails them is handed to the classifiers
without its leading '/' (so the handler leaves it alone and nothing is
logged); it is classified as the free text it is, as Rasa did
("Continuing with given line as user text"). The tracker keeps the text as
sent. Valid payloads pass unchanged.

The domain's intents and entities are read once from ``domain.yml`` next to
this package (the NLU graph has no domain when only NLU is trained, e.g.
``make crossval``). Without that file every '/' message passes unchanged.
"""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.constants import ENTITIES, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.contract.payloads import payload_entities

logger = logging.getLogger(__name__)

DOMAIN_FILE = Path(__file__).resolve().parents[1] / "domain.yml"


@functools.lru_cache(maxsize=4)
def domain_names(path: Path = DOMAIN_FILE) -> Optional[Tuple[FrozenSet[Text], FrozenSet[Text]]]:
    """The domain's (intents, entities), read once; ``None`` when the file is missing."""
    if not path.exists():
        logger.warning("%s not found: typed '/' messages are passed to Rasa unchecked.", path.name)
        return None
    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(path))
    return frozenset(domain.intents), frozenset(domain.entities)


def is_valid_payload(text: Text, intents: FrozenSet[Text], entities: FrozenSet[Text]) -> bool:
    """Whether ``text`` (stripped, starting with '/') is a payload one of our buttons could send.

    Rasa's own checks (its payload pattern, an intent and entities of the
    domain, valid JSON, nothing after it) and, beyond them, only the entity
    keys a button of that intent sends (``bot.contract.payloads``): a typed
    ``/request_coach{"city":"Vantaa"}`` is text, not an intent with a city.
    """
    match = YAMLStoryReader._regex_message_pattern().match(text)
    if not match or match.group("rest"):
        return False
    intent = match.group(INTENT_NAME_KEY).strip()
    if intent not in intents:
        return False
    raw_entities = match.group(ENTITIES)
    if raw_entities is None:
        return True
    try:
        parsed = json.loads(raw_entities)
    except ValueError:
        return False
    return isinstance(parsed, dict) and set(parsed) <= entities & payload_entities(intent)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class TypedPayloadCheck(GraphComponent):
    """After UnicodeNFC: '/' text that is no valid payload loses the '/' for NLU."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "TypedPayloadCheck":
        """Creates the component (Rasa's GraphComponent interface)."""
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training data is left as it is."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Strips the leading '/' of every message that is not a valid payload."""
        names = None
        for message in messages:
            text = (message.get(TEXT) or "").strip()
            if not text.startswith(INTENT_MESSAGE_PREFIX):
                continue
            names = names or domain_names()
            if names is None:
                return messages
            if not is_valid_payload(text, *names):
                message.set(TEXT, text.lstrip(INTENT_MESSAGE_PREFIX).strip())  # "" -> EmptyMessagePlaceholder
        return messages
