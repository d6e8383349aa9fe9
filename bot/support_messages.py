"""The crisis reply and the coach contact text, in the person's language, from the city's contacts.

Used by the action server (``actions/support.py``, ``actions/handoff.py``) and
by the Rasa process itself (``rasa_addons.action_guard``): when the action
server cannot be reached, a crisis message still gets 112 and the crisis
line, and a request for a person still gets the employment service's
contacts, instead of only "please try again". The contacts come from
bot/contract/cities/<slug>.yml (the ``default`` entry when no city is known,
``bot.config.cities``); this module imports nothing that the Rasa
environment lacks.
"""

from __future__ import annotations

from bot.config.cities import city_config
from bot.i18n import t


def distress_message(city: str | None, lang: str) -> str:
    """Calm text with the emergency number and the crisis line of ``city`` in ``lang`` (4 lines)."""
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
