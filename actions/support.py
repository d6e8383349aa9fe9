"""Support: ``action_handle_distress`` and the coach contact text of the handoff.

Both read the city's contact details from bot/contract/cities/<slug>.yml (the
default entry when no city is known) and answer in the conversation
language. Neither changes a slot, so a form in progress resumes.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import language_of
from bot.config.cities import city_config
from bot.i18n import t


def distress_message(city: str | None, lang: str) -> str:
    """Calm text with the emergency number and the crisis line of ``city`` in ``lang``."""
    crisis = city_config(city).crisis(lang)
    return "\n".join(
        [
            t("support.distress_intro", lang),
            t("support.distress_emergency", lang, emergency=crisis["emergency"]),
            t("support.distress_helpline", lang, **{k: crisis[k] for k in ("name", "phone", "hours", "url")}),
            t("support.distress_more", lang),
        ]
    )


def coach_message(city: str | None, lang: str) -> str:
    """What happens next, and the employment service's phone, hours, web address (and visit point)."""
    service = city_config(city).service(lang)
    lines = [
        t("support.coach_intro", lang, service=service["name"]),
        t("support.coach_contact", lang, phone=service["phone"], hours=service["hours"], url=service["url"]),
    ]
    if service["visit"]:
        lines.append(t("support.coach_visit", lang, visit=service["visit"]))
    lines.append(t("support.coach_next", lang))
    return "\n".join(lines)


class ActionHandleDistress(Action):
    """Safety net for distress: a calm message with 112 and the crisis line."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_handle_distress"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """One message; no events."""
        dispatcher.utter_message(text=distress_message(tracker.get_slot("city"), language_of(tracker)))
        return []
