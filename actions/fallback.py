"""``action_not_understood``: the reply to a message the classifier was not sure of (``nlu_fallback``).

Usually the polite "Sorry, I did not understand" (``utter_default``). One
exception, found by a newcomer walk: right after the suggestions, a typed
rejection in colloquial Finnish ("BI-kehittäjä ei oo mua varten") was often
classified ``nlu_fallback`` and got that reply, although the words say "not
for me". When suggestions are shown and the message holds rejection words
(:func:`bot.assessment.suggestion_pick.says_not_for_me`), it is handled like
the "Not for me" button (:func:`actions.suggestions.typed_rejection`): the
suggestion named is replaced, or the bot asks which one with the titles as
buttons.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import language_of
from actions.forms import latest_text
from actions.suggestions import typed_rejection
from bot.assessment.suggestion_pick import says_not_for_me


class ActionNotUnderstood(Action):
    """Reject the suggestion a not-understood message turns down, else say ``utter_default``.

    Returns the rejection's slot events (``rejected_suggestions``, ``shown_suggestions``)
    or none.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_not_understood"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """See the class docstring."""
        if says_not_for_me(latest_text(tracker)):
            typed = typed_rejection(tracker, rejecting=True)
            if typed is not None:
                return typed.handle(dispatcher, tracker, language_of(tracker), offer_next_steps=True)
        dispatcher.utter_message(response="utter_default")
        return []
