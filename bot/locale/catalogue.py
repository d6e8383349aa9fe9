"""The one message catalogue: every text a person or a coach reads, in Fluent.

Messages live in ``bot/locale/messages/<locale>/<topic>.ftl``, written in
Project Fluent's syntax (https://projectfluent.org/fluent/guide/) and
formatted by Mozilla's ``fluent.runtime``: variables are ``{ $name }``,
plurals and other choices are selectors on a variable
(``{ $count -> [one] ... *[other] ... }``), never on a gender. A register
(plain Finnish, ``fi`` + ``plain``) lives in ``messages/fi-x-plain/`` and
needs only the messages it words differently: the rest falls back to
Finnish, then along the locale's fallback chain (``bot/locale/locales.yml``).

A message is addressed by its key ``"<topic>.<id>"``; the Fluent message id
inside ``<topic>.ftl`` is ``<topic>-<id>`` (Fluent ids are global in a
bundle, so the topic keeps them apart). Attributes (``.title``) hold the
parts of one message that belong together, such as a button's label:
``"<topic>.<id>.<attribute>"``.

Numbers are passed to Fluent without digit grouping (a year or a count of
courses reads as ``2026``, not ``2,026``); they still select plural forms.
Text is not wrapped in Unicode isolation marks, except for right-to-left
locales, where a left-to-right value (a URL, a phone number) needs them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.locale import registry

logger = logging.getLogger(__name__)

#: Where the ``.ftl`` files live: one folder per locale code or ``<code>-<register>``.
MESSAGES_DIR = Path(__file__).with_name("messages")


class CatalogueError(KeyError):
    """A message key is unknown, or a message could not be formatted.

    Raised for programming errors (a key that no locale has, a variable the
    caller did not pass); the completeness tests catch them before a person
    could meet one.
    """


@dataclass(frozen=True)
class _Entry:
    """One message of one locale folder: its bundle and Fluent id."""

    bundle: FluentBundle
    message_id: str


def folder_name(code: str, register: str | None = None) -> str:
    """The folder under ``messages/`` of a locale and register (``"fi"``, ``"fi-x-plain"``).

    The register's folder is named by its BCP 47 private-use tag, the same
    tag :func:`bot.locale.registry.fallback_chain` gives.
    """
    return f"{code}-x-{register}" if register else code


def message_id(key: str) -> tuple[str, str | None]:
    """Split a key into (Fluent message id, attribute or None).

    ``"support.distress_intro"`` -> ``("support-distress_intro", None)``;
    ``"responses.welcome.privacy"`` -> ``("responses-welcome", "privacy")``.

    Raises:
        CatalogueError: the key has no topic part.
    """
    parts = key.split(".")
    if len(parts) not in (2, 3) or not all(parts):
        raise CatalogueError(f"message key {key!r} is not '<topic>.<id>' or '<topic>.<id>.<attribute>'")
    return f"{parts[0]}-{parts[1]}", (parts[2] if len(parts) == 3 else None)


def _babel_locale(code: str) -> str:
    """A locale tag Babel knows for plural rules; unknown codes use English rules."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.replace("-", "_"))
        return code
    except (UnknownLocaleError, ValueError):
        return "en"


@cache
def _bundle(folder: str) -> FluentBundle | None:
    """The bundle of one folder (all its topics), or None when the folder does not exist.

    Raises:
        CatalogueError: a file has a syntax error (named with its path).
    """
    directory = MESSAGES_DIR / folder
    if not directory.is_dir():
        return None
    code = folder.split("-x-")[0]
    rtl = registry.get(code).direction == "rtl" if registry.is_supported(code) else False
    bundle = FluentBundle([_babel_locale(code)], use_isolating=rtl)
    for path in sorted(directory.glob("*.ftl")):
        resource = FluentResource(path.read_text(encoding="utf-8"))
        junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
        if junk:
            raise CatalogueError(f"{path}: Fluent syntax error near {str(junk[0].content)[:60]!r}")
        bundle.add_resource(resource)
    return bundle


def _folders(locale: str | None, register: str | None) -> list[str]:
    """Folders to try, best first: register, its language, then the fallback chain."""
    code = registry.normalise(locale, registry.default_code()) or registry.default_code()
    if register is None:
        parsed = registry.parse(locale)
        register = parsed[1] if parsed else None
    return list(registry.fallback_chain(code, register))


def _in_folder(folder: str, mid: str, attribute: str | None) -> FluentBundle | None:
    """The folder's bundle when it has message ``mid`` (with a value, or with ``attribute``), else None."""
    bundle = _bundle(folder)
    if bundle is None or not bundle.has_message(mid):
        return None
    message = bundle.get_message(mid)
    present = (attribute in message.attributes) if attribute else message.value is not None
    return bundle if present else None


def _find(key: str, locale: str | None, register: str | None) -> _Entry | None:
    mid, attribute = message_id(key)
    for folder in _folders(locale, register):
        bundle = _in_folder(folder, mid, attribute)
        if bundle is not None:
            return _Entry(bundle, mid)
    return None


def _argument(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return str(value) if value is not None else ""
    if isinstance(value, int):
        return fluent_number(value, useGrouping=False)
    if isinstance(value, float):
        return str(value)  # callers format decimals themselves (registry.format_decimal)
    return value


def t(key: str, locale: str | None, register: str | None = None, **values: Any) -> str:
    """Return message ``key`` in ``locale`` (and ``register``), with ``values`` filled in.

    Args:
        key: ``"<topic>.<id>"`` or ``"<topic>.<id>.<attribute>"``.
        locale: a language tag; normalised by the registry (``"fi-FI"`` -> fi,
            unknown -> the default locale). A tag with a register
            (``"fi-x-plain"``, see :func:`bot.locale.registry.parse`) selects it.
        register: a register of the locale (``"plain"``), or None.
        values: the message's variables; numbers select plural forms.

    Returns:
        The text, from the first folder along register -> locale -> fallback
        chain that has the message.

    Raises:
        CatalogueError: no locale has the key, or a variable is missing.
    """
    entry = _find(key, locale, register)
    if entry is None:
        raise CatalogueError(f"no locale has the message {key!r}")
    _, attribute = message_id(key)
    message = entry.bundle.get_message(entry.message_id)
    pattern = message.attributes[attribute] if attribute else message.value
    if pattern is None:  # _find only returns entries that have it
        raise CatalogueError(f"message {key!r} has no text")
    text, errors = entry.bundle.format_pattern(pattern, {name: _argument(v) for name, v in values.items()})
    if errors:
        raise CatalogueError(f"message {key!r}: {errors[0]}")
    return str(text)


def translations(key: str, **values: Any) -> dict[str, str]:
    """``{code: text}`` of ``key`` for every registry locale (with fallback), in display order.

    For places that must carry every language at once: nginx's fixed 503
    body, a test that checks a reply in each language.

    Raises:
        CatalogueError: as :func:`t`.
    """
    return {code: t(key, code, **values) for code in registry.codes()}


def topic_texts(topic: str) -> dict[str, dict[str, str]]:
    """``{id: {code: text}}`` of every message of ``topic`` that takes no variables.

    For fixed texts read as a table (the fault messages nginx and the tests
    carry in every language).
    """
    result: dict[str, dict[str, str]] = {}
    for key in keys():
        name = key.split(".")
        if name[0] == topic and len(name) == 2 and not variables(key, registry.default_code()):
            result[name[1]] = translations(key)
    return result


def has(key: str, locale: str, register: str | None = None) -> bool:
    """Whether ``locale``'s own folder (or its register's) has ``key``, without fallback."""
    mid, attribute = message_id(key)
    return _in_folder(folder_name(locale, register), mid, attribute) is not None


def keys(locale: str | None = None) -> list[str]:
    """Every key of one locale folder, or of all folders when ``locale`` is None.

    Attributes are listed as ``"<topic>.<id>.<attribute>"`` after their message.
    """
    found: set[str] = set()
    folders: Iterable[Path] = (
        [MESSAGES_DIR / locale] if locale else sorted(p for p in MESSAGES_DIR.iterdir() if p.is_dir())
    )
    for directory in folders:
        for path in sorted(directory.glob("*.ftl")):
            topic = path.stem
            for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
                if not isinstance(entry, ast.Message):
                    continue
                name = entry.id.name
                short = name[len(topic) + 1 :] if name.startswith(f"{topic}-") else name
                if entry.value is not None:
                    found.add(f"{topic}.{short}")
                for attribute in entry.attributes:
                    found.add(f"{topic}.{short}.{attribute.id.name}")
    return sorted(found)


class _VariableCollector(Visitor):
    """Collects the names of the variables (``$name``) a Fluent pattern references."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802 (Fluent's API)
        self.names.add(node.id.name)


def variables(key: str, locale: str, register: str | None = None) -> set[str]:
    """The variable names (``$name``) message ``key`` uses in ``locale``'s own folder.

    Selectors count as uses. Empty when the folder lacks the key.
    """
    mid, attribute = message_id(key)
    directory = MESSAGES_DIR / folder_name(locale, register)
    topic = key.split(".")[0]
    path = directory / f"{topic}.ftl"
    if not path.exists():
        return set()
    for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
        if isinstance(entry, ast.Message) and entry.id.name == mid:
            if attribute:
                node = next((a.value for a in entry.attributes if a.id.name == attribute), None)
            else:
                node = entry.value
            collector = _VariableCollector()
            if node is not None:
                collector.visit(node)
            return collector.names
    return set()


def reload() -> None:
    """Forget the loaded bundles (tests that write ``.ftl`` files; a running process keeps its own)."""
    _bundle.cache_clear()
