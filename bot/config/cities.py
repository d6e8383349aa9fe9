"""Per-city contact details: employment services and crisis lines.

Read from ``bot/contract/cities/`` (``<slug>.yml`` per city, ``default.yml``;
:mod:`bot.contract.cities`, loaded on first use, then cached). Each city
entry overrides the ``default`` entry key by key, so a city only lists what
differs. Text values are either one string for all
languages or a ``{en, fi, sv}`` mapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.contract.cities import city_contract
from bot.locale import registry

DEFAULT = "default"

Localised = str | dict[str, str]


def _pick(value: Localised | None, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or next(iter(value.values()), ""))
    return str(value)


@dataclass(frozen=True)
class CityConfig:
    """Contact details of one city (or of the ``default``).

    Attributes:
        key: canonical city name ("Turku", "Espoo", "Helsinki", "Vantaa") or "default".
        data: the merged YAML entry (default values overridden by the city's).
    """

    key: str
    data: dict[str, Any]

    def name(self, lang: str) -> str:
        """City name in ``lang`` ("Esbo" in Swedish)."""
        return _pick(self.data.get("name"), lang)

    def service(self, lang: str) -> dict[str, str]:
        """Employment service contact in ``lang``: keys name, phone, url, hours, visit ("" if none)."""
        service = self.data.get("employment_service", {})
        return {key: _pick(service.get(key), lang) for key in ("name", "phone", "url", "hours", "visit")}

    def office_hours(self) -> dict[str, Any]:
        """When coaches answer in the chat: keys timezone, days (mon..sun), open, close ("HH:MM").

        Read by :mod:`bot.handoff.office_hours`, which checks the values.
        """
        return dict(self.data.get("office_hours") or {})

    def crisis(self, lang: str) -> dict[str, str]:
        """Crisis contacts in ``lang``: keys emergency ("112"), name, phone, hours, url.

        ``phone`` is the helpline's number for ``lang`` (MIELI: fi 09 2525 0111,
        sv 09 2525 0112, en 09 2525 0116).
        """
        crisis = self.data.get("crisis", {})
        helpline = crisis.get("helpline", {})
        values = {key: _pick(helpline.get(key), lang) for key in ("name", "phone", "hours", "url")}
        values["emergency"] = str(crisis.get("emergency", "112"))
        return values


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict) and not _is_localised(value):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _is_localised(value: dict[str, Any]) -> bool:
    return bool(value) and set(value) <= set(registry.codes())


@lru_cache(maxsize=1)
def _load() -> dict[str, dict[str, Any]]:
    contract = city_contract()
    default = contract.default_contacts
    entries = {DEFAULT: default}
    entries.update({city.value: _merge(default, city.contacts) for city in contract.cities})
    return entries


def known_cities() -> list[str]:
    """Canonical names of the cities with their own entry (without "default")."""
    return [key for key in _load() if key != DEFAULT]


def city_config(city: str | None) -> CityConfig:
    """Contact details for ``city`` (canonical name, any letter case).

    ``None``, "online", "skipped" and unknown names give the ``default``
    entry; never raises for any input.
    """
    entries = _load()
    by_lower = {key.lower(): key for key in entries}
    key = by_lower.get(str(city or "").strip().lower(), DEFAULT)
    return CityConfig(key=key, data=entries[key])
