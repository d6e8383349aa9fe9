"""The locale registry: the one list of languages, read from ``locales.yml``.

Usage::

    from bot.locale import registry

    registry.codes()                         # ("fi", "sv", "en")
    registry.codes(capability="nlu_data")    # the locales with NLU data
    registry.normalise("sv_SE")              # "sv"
    registry.normalise("fil")                # None (Filipino is not Finnish)
    registry.fallback_chain("fi", "plain")   # ("fi-x-plain", "fi", "en", "sv")
    registry.get("fi").direction             # "ltr"

A *code* is a registry code (``"fi"``). A *tag* is anything a browser, a
source or a person gives (``"fi-FI"``, ``"sv_SE"``, ``"FI"``, ``"fin"``);
:func:`normalise` maps it to a code by its subtags, never by cutting it to
two letters. A register is written as a BCP 47 private-use tag
(``"fi-x-plain"``) where one string is needed, e.g. as a message key.

The module-level functions read the shipped ``locales.yml`` once;
:meth:`Registry.from_file` builds a registry from another file (tests add a
dummy locale that way).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LOCALES_PATH = Path(__file__).with_name("locales.yml")
#: Capability flags every locale declares (``capabilities`` in locales.yml).
CAPABILITIES: tuple[str, ...] = ("lemmatiser", "esco_labels", "nlu_data")
DIRECTIONS: tuple[str, ...] = ("ltr", "rtl")
#: Longest registry code or tag stored in a database column (``String(16)``).
MAX_TAG_LENGTH = 16
_REGISTER_MARK = "-x-"
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")


class LocaleRegistryError(ValueError):
    """``locales.yml`` is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Register:
    """A variant of one language (``plain`` Finnish): key, own name, what it is for."""

    key: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Locale:
    """One language the product speaks.

    Attributes:
        code: registry code, e.g. ``"fi"``.
        name: the language's name in itself, e.g. ``"suomi"``.
        direction: ``"ltr"`` or ``"rtl"``.
        fallbacks: registry codes tried in order when a text is missing.
        aliases: other tags that mean this locale (lower case), e.g. ``("fin",)``.
        registers: register key to :class:`Register`.
        capabilities: the capability flags that are true (see CAPABILITIES).
        decimal: the decimal separator shown to people ("," in Finnish).
        cldr: the CLDR locale Babel formats lists with (``"en_GB"``: "A, B and C",
            no serial comma); the code itself when locales.yml gives none.
    """

    code: str
    name: str
    direction: str = "ltr"
    fallbacks: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    registers: Mapping[str, Register] = field(default_factory=dict)
    capabilities: frozenset[str] = frozenset()
    decimal: str = "."
    cldr: str = ""

    def has(self, capability: str) -> bool:
        """True when the locale has ``capability`` (one of CAPABILITIES)."""
        return capability in self.capabilities

    def tag(self, register: str | None = None) -> str:
        """``"fi"``, or ``"fi-x-plain"`` for a register of it."""
        return f"{self.code}{_REGISTER_MARK}{register}" if register else self.code


def _split(tag: str) -> list[str]:
    """Subtags of ``tag`` (``-`` or ``_`` separated; a POSIX ``.UTF-8``/``@x`` suffix dropped)."""
    core = re.split(r"[.@]", tag.strip(), maxsplit=1)[0]
    return [part for part in re.split(r"[-_]", core) if part]


class Registry:
    """An ordered, validated set of locales (see the module docstring)."""

    def __init__(self, locales: Iterable[Locale], default: str, source: str = "locales.yml") -> None:
        """Check and index ``locales``.

        Raises:
            LocaleRegistryError: a duplicate code or alias, an unknown fallback
                or default, a bad direction, capability or code.
        """
        self._locales = tuple(locales)
        self._by_code: dict[str, Locale] = {}
        self._by_alias: dict[str, str] = {}
        for loc in self._locales:
            where = f"{source}: locale {loc.code!r}"
            _check(loc, where)
            if loc.code.lower() in self._by_alias:
                raise LocaleRegistryError(f"{where}: code is listed twice")
            self._by_code[loc.code] = loc
            for alias in (loc.code, *loc.aliases):
                if alias.lower() in self._by_alias:
                    raise LocaleRegistryError(f"{where}: alias {alias!r} is used twice")
                self._by_alias[alias.lower()] = loc.code
        for loc in self._locales:
            for other in loc.fallbacks:
                if other not in self._by_code or other == loc.code:
                    where = f"{source}: locale {loc.code!r}"
                    raise LocaleRegistryError(f"{where}: fallback {other!r} is not another locale")
        if default not in self._by_code:
            raise LocaleRegistryError(f"{source}: default {default!r} is not a listed locale")
        self.default = default

    @classmethod
    def from_file(cls, path: Path) -> Registry:
        """Read a registry from a ``locales.yml``-shaped file.

        Raises:
            LocaleRegistryError: the file is not valid YAML or an entry is malformed.
            OSError: the file cannot be read.
        """
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise LocaleRegistryError(f"{path}: not valid YAML ({exc})") from exc
        if not isinstance(data, dict) or not isinstance(data.get("locales"), list):
            raise LocaleRegistryError(f"{path}: needs a 'locales' list")
        locales = [_locale(entry, path) for entry in data["locales"]]
        return cls(locales, str(data.get("default", "")), str(path))

    def locales(self) -> tuple[Locale, ...]:
        """Every locale, in display order."""
        return self._locales

    def codes(self, capability: str | None = None) -> tuple[str, ...]:
        """Registry codes in display order; only those with ``capability`` when given.

        Raises:
            ValueError: ``capability`` is not one of CAPABILITIES.
        """
        if capability is not None and capability not in CAPABILITIES:
            raise ValueError(f"unknown capability {capability!r}; use one of {', '.join(CAPABILITIES)}")
        return tuple(loc.code for loc in self._locales if capability is None or loc.has(capability))

    def get(self, code: str) -> Locale:
        """The locale of registry code (or any tag of) ``code``.

        Raises:
            KeyError: no locale matches; the message lists the known codes.
        """
        found = self.normalise(code)
        if found is None:
            raise KeyError(f"unknown locale {code!r}; known: {', '.join(self.codes())}")
        return self._by_code[found]

    def is_supported(self, tag: str | None) -> bool:
        """True when ``tag`` (``"fi-FI"``, ``"sv_SE"``, ``"EN"``) names a listed locale."""
        return self.normalise(tag) is not None

    def normalise(self, tag: str | None, default: str | None = None) -> str | None:
        """The registry code ``tag`` names, else ``default``.

        Matching is by subtags: the longest prefix of the tag's subtags that
        is a code or alias wins (``"sr-Latn-RS"`` finds ``"sr-Latn"`` before
        ``"sr"``); ``"fil"`` never becomes ``"fi"``. A register suffix
        (``"fi-x-plain"``) is ignored here (see :meth:`parse`).
        """
        if not isinstance(tag, str):
            return default
        parts = _split(tag.split(_REGISTER_MARK, 1)[0])
        for end in range(len(parts), 0, -1):
            code = self._by_alias.get("-".join(parts[:end]).lower())
            if code is not None:
                return code
        return default

    def parse(self, tag: str | None) -> tuple[str, str | None] | None:
        """``(code, register)`` of ``tag`` (``"fi-x-plain"`` gives ``("fi", "plain")``), or None.

        An unknown register is dropped (``("fi", None)``): the language still holds.
        """
        code = self.normalise(tag)
        if code is None or tag is None:
            return None
        _, mark, rest = tag.partition(_REGISTER_MARK)
        register = rest.strip().lower() if mark else None
        return code, register if register in self._by_code[code].registers else None

    def fallback_chain(self, code: str, register: str | None = None) -> tuple[str, ...]:
        """Tags to try in order for ``code``: its register, itself, its fallbacks.

        ``fallback_chain("fi", "plain")`` is ``("fi-x-plain", "fi", "en", "sv")``;
        an unknown register is left out; the default locale always ends the
        chain. Raises KeyError for an unknown code (see :meth:`get`).
        """
        loc = self.get(code)
        chain = [loc.tag(register)] if register in loc.registers else []
        chain += [loc.code, *loc.fallbacks]
        if self.default not in chain:
            chain.append(self.default)
        return tuple(dict.fromkeys(chain))


def _check(loc: Locale, where: str) -> None:
    """Raise LocaleRegistryError when ``loc``'s code, direction or capabilities are malformed."""
    well_formed = bool(loc.code) and all(_SUBTAG.fullmatch(part) for part in _split(loc.code))
    if not well_formed or len(loc.code) > MAX_TAG_LENGTH:
        raise LocaleRegistryError(f"{where}: code must be a language tag of at most {MAX_TAG_LENGTH} letters")
    if loc.direction not in DIRECTIONS:
        raise LocaleRegistryError(f"{where}: direction must be ltr or rtl, not {loc.direction!r}")
    unknown = set(loc.capabilities) - set(CAPABILITIES)
    if unknown:
        raise LocaleRegistryError(f"{where}: unknown capability {', '.join(sorted(unknown))}")


def _register(key: str, value: Any, where: str) -> Register:
    """One :class:`Register` from its YAML mapping (``name``, ``description``)."""
    if value is not None and not isinstance(value, dict):
        raise LocaleRegistryError(f"{where}: register {key!r} must be a mapping with a name")
    value = value or {}
    return Register(key, str(value.get("name", key)), str(value.get("description", "")))


def _locale(entry: Any, path: Path) -> Locale:
    """One :class:`Locale` from a YAML entry (see locales.yml's header)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
        raise LocaleRegistryError(f"{path}: every locale needs a 'code' string, got {entry!r}")
    where = f"{path}: locale {entry['code']!r}"
    registers = entry.get("registers") or {}
    capabilities = entry.get("capabilities") or {}
    if not isinstance(registers, dict) or not isinstance(capabilities, dict):
        raise LocaleRegistryError(f"{where}: registers and capabilities must be mappings")
    if not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise LocaleRegistryError(f"{where}: needs its own 'name'")
    return Locale(
        code=entry["code"],
        name=entry["name"],
        direction=str(entry.get("direction", "ltr")),
        fallbacks=tuple(str(x) for x in entry.get("fallbacks") or ()),
        aliases=tuple(str(x).lower() for x in entry.get("aliases") or ()),
        registers={str(key): _register(str(key), value, where) for key, value in registers.items()},
        capabilities=frozenset(str(k) for k, v in capabilities.items() if v is True or k not in CAPABILITIES),
        decimal=str(entry.get("decimal", ".")),
        cldr=str(entry.get("cldr") or entry["code"]),
    )


@lru_cache(maxsize=1)
def shipped() -> Registry:
    """The registry of the shipped ``locales.yml`` (read once).

    ``DIGIPOINT_LOCALES_FILE`` names another file instead: the test that adds
    a dummy locale runs the product's code in a process with it set
    (tests/unit/test_dummy_locale.py); a deployment has no reason to.

    Raises:
        LocaleRegistryError: the file is malformed (see :meth:`Registry.from_file`).
    """
    override = os.environ.get("DIGIPOINT_LOCALES_FILE")
    return Registry.from_file(Path(override) if override else LOCALES_PATH)


def locales() -> tuple[Locale, ...]:
    """Every shipped locale, in display order."""
    return shipped().locales()


def codes(capability: str | None = None) -> tuple[str, ...]:
    """Shipped registry codes in display order (see :meth:`Registry.codes`)."""
    return shipped().codes(capability)


def get(code: str) -> Locale:
    """The shipped locale of ``code`` (see :meth:`Registry.get`; KeyError when unknown)."""
    return shipped().get(code)


def default_code() -> str:
    """The locale used when nothing else is known (``default`` in locales.yml)."""
    return shipped().default


def is_supported(tag: str | None) -> bool:
    """True when ``tag`` names a shipped locale (see :meth:`Registry.normalise`)."""
    return shipped().is_supported(tag)


def normalise(tag: str | None, default: str | None = None) -> str | None:
    """Registry code of ``tag``, else ``default`` (see :meth:`Registry.normalise`)."""
    return shipped().normalise(tag, default)


def parse(tag: str | None) -> tuple[str, str | None] | None:
    """``(code, register)`` of ``tag`` or None (see :meth:`Registry.parse`)."""
    return shipped().parse(tag)


def fallback_chain(code: str, register: str | None = None) -> tuple[str, ...]:
    """Tags to try for ``code`` and ``register`` (see :meth:`Registry.fallback_chain`)."""
    return shipped().fallback_chain(code, register)


def format_decimal(value: float, tag: str | None, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals and the locale's separator: 3.4 -> "3,4" in fi and sv.

    An unknown or empty ``tag`` uses the default locale's separator.
    """
    code = normalise(tag, default_code()) or default_code()
    return f"{value:.{digits}f}".replace(".", get(code).decimal)


def format_list(items: Sequence[str], tag: str | None) -> str:
    """``items`` joined as the locale writes a list: "Turku, Espoo ja Vantaa" in fi.

    Babel's CLDR list patterns (``babel.lists.format_list``, style "standard")
    for the locale's ``cldr`` tag; a tag Babel does not know uses English
    patterns. An unknown or empty ``tag`` uses the default locale.
    """
    from babel import UnknownLocaleError
    from babel.lists import format_list as cldr_list

    code = normalise(tag, default_code()) or default_code()
    try:
        return cldr_list(list(items), locale=get(code).cldr)
    except (UnknownLocaleError, ValueError):
        return cldr_list(list(items), locale="en")
