"""Which entities each button payload carries: the keys of ``/<intent>{...}``.

DigiPoint's buttons send Rasa payloads such as ``/inform{"answer":"job"}``.
Rasa turns any typed text of that shape into the intent and its entities,
so a person could type ``/request_coach{"city":"Vantaa"}`` and hand Rasa
entities no button sends. :data:`BUTTON_ENTITIES` lists, per intent, the
entity keys our buttons send; ``rasa_addons.typed_payload.TypedPayloadCheck``
reads any other '/' message as plain text (defence in depth: the actions
still validate every value).

Writers of payloads, kept in step by ``tests/unit/test_payload_contract.py``:
``actions.next_steps.answer_button`` and the ``/inform`` buttons of the
forms (``answer``), ``actions.followup`` (``/review_steps``, ``answer``),
``actions.suggestions.not_for_me_button`` (``suggestion_id``),
``actions.introduction.payload_button`` (``/edit_introduction``,
``sentence``), the language buttons (``/change_language``, ``language``)
and ``bot.feedback.taps.feedback_payload`` (``target``, ``item``,
``useful``).
"""

from __future__ import annotations

from collections.abc import Mapping

BUTTON_ENTITIES: Mapping[str, frozenset[str]] = {
    "inform": frozenset({"answer"}),
    "review_steps": frozenset({"answer"}),
    "not_for_me": frozenset({"suggestion_id"}),
    "edit_introduction": frozenset({"sentence"}),
    "change_language": frozenset({"language"}),
    "give_feedback": frozenset({"target", "item", "useful"}),
}


def payload_entities(intent: str) -> frozenset[str]:
    """The entity keys a button payload of ``intent`` may carry; empty for intents sent bare (``/greet``)."""
    return BUTTON_ENTITIES.get(intent, frozenset())
