""""Please contact me": the ``contact_form`` (consent, then a phone number or e-mail address).

Offered by ``action_handoff_to_coach`` outside office hours and by
``action_handoff_timeout`` (button ``/request_contact``; the rule is in
``data/rules/handoff_contact.yml``).

- ``action_ask_contact_consent``: who sees the contact, what for, when it is
  deleted; Yes / No (``/affirm``, ``/deny``).
- ``action_ask_contact_detail``: "write your phone number or e-mail address".
- ``validate_contact_form``: a "no" ends the form; a bad number or address gets
  a clear message (:func:`bot.handoff.contact.parse_contact`) and the question again.
- ``action_save_contact_request``: stores it (``handoff_contact_requests``) and
  thanks the person, or, after a "no", gives the city's contacts. Both slots are
  cleared, so the tracker's slots do not keep the contact.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import language_of
from actions.handoff import city_of, contacts_line
from bot.config import get_settings
from bot.config.cities import city_config
from bot.db import session_scope
from bot.handoff.chat_text import say
from bot.handoff.contact import ContactError, add_request, parse_contact, shown
from bot.handoff.office_hours import coaches_on_duty, hours_of

logger = logging.getLogger(__name__)
SLOTS = ("contact_consent", "contact_detail")


class ActionAskContactConsent(Action):
    """The explicit consent question of the contact form."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_ask_contact_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """Question with Yes / No buttons (``/affirm``, ``/deny``)."""
        lang = language_of(tracker)
        city = city_config(city_of(tracker)).name(lang)
        dispatcher.utter_message(
            text=say("ask_consent", lang, city=city, days=get_settings().retention_days),
            buttons=[
                {"title": say("consent_yes", lang), "payload": "/affirm"},
                {"title": say("consent_no", lang), "payload": "/deny"},
            ],
        )
        return []


class ActionAskContactDetail(Action):
    """Ask for the phone number or e-mail address."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_ask_contact_detail"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """One question, no buttons (free text)."""
        dispatcher.utter_message(text=say("ask_detail", language_of(tracker)))
        return []


class ValidateContactForm(FormValidationAction):
    """Consent first; after a yes, a valid phone number or e-mail address."""

    def name(self) -> str:
        """Action name in the domain."""
        return "validate_contact_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """Only the consent question after a "no"."""
        if tracker.get_slot("contact_consent") is False:
            return ["contact_consent"]
        return list(domain_slots)

    def validate_contact_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """True or False as given; other words get "please choose Yes or No" and the question again."""
        if isinstance(value, bool):
            return {"contact_consent": value}
        dispatcher.utter_message(text=say("consent_unclear", language_of(tracker)))
        return {"contact_consent": None}

    def validate_contact_detail(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The normalised contact, or a clear message and the question again."""
        lang = language_of(tracker)
        try:
            contact = parse_contact(str(value or ""))
        except ContactError as error:
            key = "ask_detail" if error.code == "empty" else error.code
            if key != "ask_detail":
                dispatcher.utter_message(text=say(key, lang))
            return {"contact_detail": None}
        return {"contact_detail": contact.value}


class ActionSaveContactRequest(Action):
    """Store the contact request (after a yes) or give the city's contacts (after a no)."""

    def name(self) -> str:
        """Action name in the domain."""
        return "action_save_contact_request"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType | dict[str, Any]]:
        """Thank-you with the contact and hours, or the contacts; clears both slots."""
        lang = language_of(tracker)
        city = city_of(tracker)
        service, contacts = contacts_line(city, lang)
        cleared: list[EventType | dict[str, Any]] = [SlotSet(name, None) for name in SLOTS]
        detail = tracker.get_slot("contact_detail")
        if tracker.get_slot("contact_consent") is not True or not detail:
            dispatcher.utter_message(text=say("not_saved", lang, service=service, contacts=contacts))
            return cleared
        try:
            contact = parse_contact(str(detail))
            reason = "timeout" if coaches_on_duty(city) else "closed"
            with session_scope() as session:
                add_request(session, tracker.sender_id, city, lang, reason, contact)
        except (ContactError, SQLAlchemyError) as error:
            logger.error("action_save_contact_request: not saved for %s (%s)", tracker.sender_id,
                         type(error).__name__)
            dispatcher.utter_message(text=say("save_failed", lang, service=service, contacts=contacts))
            return cleared
        hours = hours_of(city).describe(lang)
        dispatcher.utter_message(text=say("saved", lang, contact=shown(contact), hours=hours))
        return cleared
