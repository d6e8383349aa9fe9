"""Rasa's replies from the message catalogue: a natural language generator in Rasa's process.

endpoints.yml names it (``nlg: type: rasa_addons.nlg.CatalogueNLG``); Rasa
3.6 builds it with ``CatalogueNLG(endpoint_config=..., domain=...)``
(``rasa.core.nlg.generator._load_from_module_name_in_endpoint_config``) and
calls :meth:`CatalogueNLG.generate` for every ``utter_*`` response: the ones
its rules and stories predict, a form's ``utter_ask_<slot>``, and the ones
actions ask for with ``dispatcher.utter_message(response="utter_x", **kwargs)``.

Where a reply comes from:

- its text: ``responses.<name>`` in the catalogue (``bot/locale/messages/
  <locale>/responses.ftl``, message ``responses-<name without utter_>``), in
  the tracker's ``language`` slot and, when the domain has a ``register``
  slot, that register, with the registry's fallback chain (an unknown or
  empty language gives the default locale's text, as Rasa's default
  variation did);
- its buttons, their payloads and anything channel-level: ``bot/locale/
  responses.yml``, the same in every language; each button's title is a
  catalogue key (an attribute of the response's message); an entry with
  ``city_buttons: true`` starts with one button per served city, named in the
  language, from the city files (:func:`bot.contract.city_texts.city_buttons`);
- its variables: a message's ``{ $name }`` is the ``name`` keyword argument
  of ``utter_message`` when the action passed one, else the slot ``name``;
  a bool becomes ``"true"``/``"false"`` (Fluent selectors such as
  ``utter_interest_intro``'s ``[true]`` match on it), a missing one ``""``.

Why in-process, not Rasa's HTTP ``callback`` NLG served by another process:
a reply then needs no other server, so there is no extra failure point (the
fault apology and every scripted reply still reach the person when the
action server is down), and a turn spends microseconds, not a network round
trip, per reply (bench/nlg_generate.py, docs/performance.md). This module
imports ``bot.locale`` (the registry and the catalogue) and
``bot.contract.city_texts`` only, which read files, never the database or
the action code.

A response name that ``responses.yml`` or the catalogue does not know logs
one ERROR line naming it and gives None: Rasa then sends nothing for that
response (``ActionBotResponse`` adds its own "Couldn't create message" line;
an action's other messages still go out). The completeness test
(tests/rasa_env/test_nlg.py) keeps every domain response known.
"""

from __future__ import annotations

import copy
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import yaml
from rasa.core.nlg.generator import NaturalLanguageGenerator
from rasa.shared.constants import UTTER_PREFIX

from bot.contract.city_texts import city_buttons
from bot.locale import catalogue, registry

logger = logging.getLogger(__name__)

#: The language-free structure of every response (buttons, payloads, custom).
STRUCTURE_FILE = Path(__file__).resolve().parents[1] / "bot" / "locale" / "responses.yml"

#: The catalogue topic of the response texts.
TOPIC = "responses"

#: Most replies kept built per generator (response x language x register).
CACHE_LIMIT = 1024


class StructureError(ValueError):
    """``responses.yml`` is not a mapping of response names to ``{buttons, custom}``."""


def load_structure(path: Path = STRUCTURE_FILE) -> Dict[Text, Dict[Text, Any]]:
    """Read ``responses.yml``: ``{"utter_x": {"buttons": [{"title", "payload"}], "custom": {...}}}``.

    An entry may also say ``city_buttons: true`` (the served cities' buttons first).

    Raises:
        StructureError: the file is missing, not YAML, or an entry has
            another shape (named in the message).
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise StructureError(f"{path}: cannot read ({error})") from error
    if not isinstance(data, dict):
        raise StructureError(f"{path}: expected a mapping of response names")
    for name, entry in data.items():
        if not str(name).startswith(UTTER_PREFIX) or not isinstance(entry, dict):
            raise StructureError(f"{path}: {name!r} must be an utter_* name with a mapping")
        unknown = set(entry) - {"buttons", "custom", "city_buttons"}
        if unknown:
            raise StructureError(f"{path}: {name}: unknown keys {sorted(unknown)}")
        for button in entry.get("buttons") or []:
            if not isinstance(button, dict) or set(button) != {"title", "payload"}:
                raise StructureError(f"{path}: {name}: a button needs exactly title and payload")
        if not isinstance(entry.get("city_buttons", False), bool):
            raise StructureError(f"{path}: {name}: city_buttons must be true or false")
        if "custom" in entry and not isinstance(entry["custom"], dict):
            raise StructureError(f"{path}: {name}: custom must be a mapping")
    return data


def message_key(utter_action: Text) -> Text:
    """The catalogue key of a response's text: ``"utter_ask_city"`` -> ``"responses.ask_city"``."""
    return f"{TOPIC}.{utter_action[len(UTTER_PREFIX):]}"


@lru_cache(maxsize=None)
def _variables(key: Text) -> frozenset:
    """Variable names ``key`` uses in any shipped locale (read once per key)."""
    names: set = set()
    for code in registry.codes():
        names |= catalogue.variables(key, code)
    return frozenset(names)


def _value(value: Any) -> Any:
    """A slot or keyword value as the catalogue takes it (bools as "true"/"false", None as "")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return value
    return str(value)


class CatalogueNLG(NaturalLanguageGenerator):
    """Rasa's natural language generator over the catalogue and ``responses.yml``.

    Args:
        endpoint_config: the ``nlg:`` block of endpoints.yml (only ``type`` is read).
        domain: the model's domain; used to see whether it has a ``register`` slot.
        structure: response structures (tests, the benchmark); default ``responses.yml``.

    Raises:
        StructureError: ``responses.yml`` cannot be read (Rasa then refuses to start).
    """

    def __init__(
        self,
        endpoint_config: Any = None,
        domain: Any = None,
        structure: Optional[Dict[Text, Dict[Text, Any]]] = None,
    ) -> None:
        self.endpoint_config = endpoint_config
        self.structure = load_structure() if structure is None else structure
        slot_names = {slot.name for slot in getattr(domain, "slots", None) or []}
        self.has_register = "register" in slot_names
        # Replies without variables, per (response, language, register): the
        # catalogue's bundles do not change while a process runs.
        self._fixed: Dict[tuple, Dict[Text, Any]] = {}

    async def generate(
        self,
        utter_action: Text,
        tracker: Any,
        output_channel: Text,
        **kwargs: Any,
    ) -> Optional[Dict[Text, Any]]:
        """The reply for ``utter_action`` in the tracker's language, or None when it is unknown.

        Returns:
            ``{"text": str, "buttons": [{"title", "payload"}], "custom": {...}}``
            (``buttons`` and ``custom`` only when the response has them), the
            shape Rasa's own generator returns.
        """
        slots = tracker.current_slot_values()
        return self.generate_from_slots(utter_action, slots, output_channel, **kwargs)

    def generate_from_slots(
        self, utter_action: Text, slots: Dict[Text, Any], output_channel: Text, **kwargs: Any
    ) -> Optional[Dict[Text, Any]]:
        """As :meth:`generate`, from a ``{slot: value}`` mapping instead of a tracker."""
        entry = self.structure.get(utter_action)
        key = message_key(utter_action) if utter_action.startswith(UTTER_PREFIX) else ""
        if entry is None or not key or not catalogue.has(key, registry.default_code()):
            logger.error(
                "No reply for response %r: it is not in bot/locale/responses.yml and the "
                "catalogue's %s.ftl; nothing is sent for it.",
                utter_action,
                TOPIC,
            )
            return None
        language = slots.get("language")
        register = slots.get("register") if self.has_register else None
        names = _variables(key)
        cache_key = (utter_action, language, register)
        if not names and cache_key in self._fixed:
            return copy.deepcopy(self._fixed[cache_key])
        values = {name: _value(kwargs[name] if name in kwargs else slots.get(name)) for name in names}
        try:
            reply: Dict[Text, Any] = {"text": catalogue.t(key, language, register, **values)}
            buttons: List[Dict[Text, Text]] = city_buttons(language) if entry.get("city_buttons") else []
            buttons += [
                {"title": catalogue.t(button["title"], language, register), "payload": button["payload"]}
                for button in entry.get("buttons") or []
            ]
        except catalogue.CatalogueError as error:
            logger.error("No reply for response %r: %s", utter_action, error)
            return None
        if buttons:
            reply["buttons"] = buttons
        if entry.get("custom"):
            reply["custom"] = copy.deepcopy(entry["custom"])
        if not names:
            if len(self._fixed) >= CACHE_LIMIT:  # slot values are the person's: keep the cache bounded
                self._fixed.clear()
            self._fixed[cache_key] = copy.deepcopy(reply)
        return reply
