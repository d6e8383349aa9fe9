"""Session actions: start (page metadata → language, city), language switch, restart.

- ``action_session_start`` reads the widget's metadata ``{language, city}``
  (``session_started_metadata``, else the latest message's metadata) and
  sets the ``language`` and ``city`` slots when they are not set yet; an
  unknown language or city is ignored. Slots are carried over per the
  domain's ``session_config.carry_over_slots_to_new_session`` (Rasa's
  convention), and the action ends with ``ActionExecuted("action_listen")``.
- ``action_change_language`` switches to the language named by the
  ``language`` entity or the text ("suomeksi", "på svenska", "in English");
  otherwise it offers buttons. Only the ``language`` slot changes, so a form
  in progress resumes with its answers.
- ``action_detect_language`` runs before the welcome: message metadata,
  else the person's own words, set a language the page did not give.
- ``action_welcome`` says the welcome once per conversation session: a
  person who left the goal questions for the introduction or the interview
  practice and comes back with "Courses and jobs" gets one short "let's go
  on" line, not the whole privacy notice again.
- ``action_restart_conversation`` (and ``action_restart``, which the domain
  overrides with the same behaviour) restarts and keeps language and city,
  then starts again the way a new visitor starts: the welcome (with its
  buttons) and the goal form's first question.

Why the restart action says the welcome itself: Rasa's ``Restarted`` event
empties the tracker and queues ``action_session_start``, after which Rasa
stops predicting; the rules' "action_restart, utter_welcome, goal_form" never
got a chance live, and the person was left with no question. So the action
utters ``utter_welcome`` (rendered by Rasa with the kept language) and ends
with ``FollowupAction("goal_form")``, which replaces the queued session start;
the form then asks its first question and Rasa listens.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    EventType,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
)
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import language_of
from bot.guidance.answers import is_payload, parse_city
from bot.guidance.language import detect_language, parse_language_request
from bot.guidance.vocabulary import CITIES, CITY_VALUES, LANGUAGES
from bot.i18n import t
from bot.locale import registry

# ``welcomed``: a new session says the welcome again.
WELCOMED = "welcomed"
NOT_CARRIED = ("session_started_metadata", "requested_slot", WELCOMED)
# The form whose first question opens every conversation (data/rules/flow.yml).
FIRST_FORM = "goal_form"


def metadata_language(value: object) -> str | None:
    """A metadata language tag ("fi", "fi-FI", "sv_SE", "SV") as a registry code; None if unknown.

    Read by subtags (bot.locale.registry.normalise): "fil" (Filipino) is not Finnish.
    """
    if not isinstance(value, str):
        return None
    code = registry.normalise(value)
    return code if code in LANGUAGES else None


def metadata_city(value: object) -> str | None:
    """A metadata city ("Espoo", "esbo", "Helsingfors") as a canonical city; None if not covered."""
    if not isinstance(value, str) or len(value) > 100:
        return None
    city = parse_city(value)
    return city if city in CITIES else None


def metadata_slot_events(metadata: object, current: dict[str, Any]) -> list[EventType]:
    """SlotSet events for the metadata's language and city, for slots not set in ``current``."""
    if not isinstance(metadata, dict):
        return []
    events: list[EventType] = []
    language = metadata_language(metadata.get("language"))
    if language and not current.get("language"):
        events.append(SlotSet("language", language))
    city = metadata_city(metadata.get("city"))
    if city and not current.get("city"):
        events.append(SlotSet("city", city))
    return events


class ActionSessionStart(Action):
    """Start a session: carry over slots, apply page metadata, then listen."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Events: SessionStarted, carried-over SlotSets, metadata SlotSets, ActionExecuted(action_listen)."""
        events: list[EventType] = [SessionStarted()]
        carried: dict[str, Any] = {}
        if (domain.get("session_config") or {}).get("carry_over_slots_to_new_session", True):
            carried = {
                name: value
                for name, value in tracker.slots.items()
                if value is not None and name not in NOT_CARRIED
            }
            events.extend(SlotSet(name, value) for name, value in carried.items())
        metadata = tracker.get_slot("session_started_metadata")
        if not metadata:
            metadata = (tracker.latest_message or {}).get("metadata")
        events.extend(metadata_slot_events(metadata, carried))
        events.append(ActionExecuted("action_listen"))
        return events


def language_buttons(lang: str) -> list[dict[str, str]]:
    """Buttons Suomi / Svenska / English with payloads ``/change_language{"language":"fi"}`` etc."""
    return [
        {"title": t(f"session.button_{code}", lang), "payload": f'/change_language{{"language":"{code}"}}'}
        for code in registry.codes()
    ]


class ActionChangeLanguage(Action):
    """Switch the conversation language; confirm in the new language."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_change_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """``[SlotSet("language", new)]`` with a confirmation, or ``[]`` with language buttons."""
        requested = None
        for value in tracker.get_latest_entity_values("language"):
            requested = parse_language_request(str(value))
            if requested:
                break
        if requested is None:
            requested = parse_language_request((tracker.latest_message or {}).get("text") or "")
        if requested is None:
            current = language_of(tracker)
            dispatcher.utter_message(
                text=t("session.choose_language", current), buttons=language_buttons(current)
            )
            return []
        dispatcher.utter_message(text=t("session.language_changed", requested))
        return [SlotSet("language", requested)]


class ActionRestartConversation(Action):
    """Start over: every slot is cleared except language and city; the welcome and first question follow."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_restart_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Events: Restarted, SlotSet language / city (when valid), welcomed, FollowupAction("goal_form").

        Messages: ``session.restarted`` when the person typed it (the widget's
        "/restart" button shows its own note), then the ``utter_welcome``
        response (the same welcome with buttons a new visitor gets).
        """
        language = tracker.get_slot("language")
        city = tracker.get_slot("city")
        if not is_payload((tracker.latest_message or {}).get("text")):
            # Typed ("start over"); the widget's button ("/restart") says it on screen itself.
            dispatcher.utter_message(text=t("session.restarted", language_of(tracker)))
        dispatcher.utter_message(response="utter_welcome")
        events: list[EventType] = [Restarted()]
        if language in LANGUAGES:
            events.append(SlotSet("language", language))
        if city in CITY_VALUES:
            events.append(SlotSet("city", city))
        events.append(SlotSet(WELCOMED, True))  # said above
        events.append(FollowupAction(FIRST_FORM))
        return events


class ActionRestart(ActionRestartConversation):
    """Rasa's ``action_restart`` (intent ``restart``), served with the same behaviour."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_restart"


class ActionDetectLanguage(Action):
    """Set language (and city) for the welcome when the page gave none at session start.

    Runs before ``utter_welcome``. First the latest message's metadata
    ``{language, city}`` fills slots that are still empty (the widget may
    send it with any message); then, if the language is still unknown, it is
    guessed from the person's own words (``detect_language``; button
    payloads are not words). Nothing changes when the language is already set,
    so a Finnish word in an English session does not switch the language.
    """

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_detect_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """SlotSet events for language / city (or none), then ``welcomed`` true.

        Every rule runs this right before the welcome, so it also notes that
        the welcome has been said (``action_welcome`` reads it next time).
        """
        latest = tracker.latest_message or {}
        current = {"language": tracker.get_slot("language"), "city": tracker.get_slot("city")}
        events = metadata_slot_events(latest.get("metadata"), current)
        if not (current["language"] or any(e.get("name") == "language" for e in events)):
            text = str(latest.get("text") or "")
            guessed = None if is_payload(text) else detect_language(text)
            if guessed:
                events.append(SlotSet("language", guessed))
        events.append(SlotSet(WELCOMED, True))
        return events



def welcomed_before_this_message(tracker: Tracker) -> bool:
    """Whether the ``welcomed`` slot was already true before the latest user message.

    ``action_detect_language`` sets it in the same turn as the welcome, so the
    value that counts is the one before this turn: replay the ``slot`` events
    of ``tracker.events`` (Rasa event dicts; the tracker window's summary
    SlotSets come first) up to the last ``user`` event.
    """
    value, before = False, False
    for event in tracker.events:
        kind = event.get("event")
        if kind == "user":
            before = value
        elif kind == "slot" and event.get("name") == WELCOMED:
            value = event.get("value") is True
        elif kind in ("restart", "session_started"):
            value = False
    return before


class ActionWelcome(Action):
    """The welcome before the goal questions, said only once per session."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_welcome"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """No events. Message: ``utter_welcome`` the first time, else ``session.go_on``."""
        if welcomed_before_this_message(tracker):
            dispatcher.utter_message(text=t("session.go_on", language_of(tracker)))
        else:
            dispatcher.utter_message(response="utter_welcome")
        return []
