"""Every user-facing text store of DigiPoint, read as (language, where, text) rows.

Used by tests/unit/test_glossary.py. ``all_texts()`` yields one ``Text`` per
string a person or a coach can read, with the language it is shown in and
``where`` naming the file and key ("domain.yml utter_welcome[1]",
"bot/locale/messages/sv widget.launcherShort"). Stores:

- domain.yml responses: the names it lists, with their text and button titles
  from the catalogue (bot/locale/responses.yml names the title keys).
- bot/locale/messages/<locale>/*.ftl (the catalogue); bot/faq/faq.yml answers, bot/faq/cities/*.yml,
  bot/contract/cities/*.yml: any mapping whose keys are
  languages (en/fi/sv) gives its strings in those languages.
- bot/web/cities.py city names.
- widget/src/strings.js is generated from the catalogue (widget.ftl), read there.

Raises ``ValueError`` with the file's name when a store cannot be read in
the expected shape, so a moved or renamed store fails the test instead of
silently checking nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("en", "fi", "sv")


@dataclass(frozen=True)
class Text:
    """One string as shown: its language, where it lives, the text."""

    lang: str
    where: str
    text: str


def _localised(value: Any, where: str, lang: str | None = None) -> Iterator[Text]:
    """Strings under ``value``; a mapping with only language keys sets the language."""
    if isinstance(value, str):
        if lang is not None:
            yield Text(lang, where, value)
    elif isinstance(value, dict):
        is_lang_map = bool(value) and set(value) <= set(LANGS)
        for key, item in value.items():
            if is_lang_map:
                yield from _localised(item, f"{where}.{key}", str(key))
            else:
                yield from _localised(item, f"{where}.{key}", lang)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _localised(item, f"{where}[{index}]", lang)


def _yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ValueError(f"{path.relative_to(ROOT)}: cannot read ({error})") from error


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def domain_texts() -> Iterator[Text]:
    """Text and button titles of every response domain.yml names, as Rasa's NLG builds them.

    domain.yml lists response names only; the texts are the catalogue's
    ``responses.<name>`` messages and the buttons' titles the catalogue keys
    bot/locale/responses.yml names (rasa_addons/nlg.py). Read from each
    language's own folder, so a missing translation fails here. They are
    part of :func:`catalogue_texts` too, so :func:`all_texts` reads them there.
    """
    from bot.locale import catalogue

    responses = (_yaml(ROOT / "domain.yml") or {}).get("responses")
    if not isinstance(responses, dict) or not responses:
        raise ValueError("domain.yml: no responses")
    structure = _yaml(ROOT / "bot" / "locale" / "responses.yml") or {}
    for name in responses:
        entry = structure.get(name)
        if not isinstance(entry, dict):
            raise ValueError(f"bot/locale/responses.yml: no entry for {name}")
        keys = [f"responses.{name[len('utter_'):]}"] + [b["title"] for b in entry.get("buttons") or []]
        for lang in LANGS:
            for key in keys:
                if not catalogue.has(key, lang):
                    raise ValueError(f"bot/locale/messages/{lang}/responses.ftl: no {key} (for {name})")
                names = catalogue.variables(key, lang)
                text = catalogue.t(key, lang, **{n: "{" + n + "}" for n in names})
                yield Text(lang, f"domain.yml {name} ({key})", text)


def yaml_store_texts() -> Iterator[Text]:
    """Every language mapping in the YAML text stores."""
    paths = sorted((ROOT / "bot" / "faq" / "cities").glob("*.yml"))
    paths += sorted((ROOT / "bot" / "contract" / "cities").glob("*.yml"))
    for path in paths:
        yield from _localised(_yaml(path), _rel(path))
    faq = _yaml(ROOT / "bot" / "faq" / "faq.yml") or {}
    entries = faq.get("entries")
    if not isinstance(entries, dict) or not entries:
        raise ValueError("bot/faq/faq.yml: no entries")
    for key, entry in entries.items():  # keywords are what people type: not read
        yield from _localised(entry.get("answer"), f"bot/faq/faq.yml {key}.answer")


def catalogue_texts() -> Iterator[Text]:
    """Every message of the Fluent catalogue (bot/locale/messages), variables shown as {name}."""
    from bot.locale import catalogue

    folders = sorted(p.name for p in catalogue.MESSAGES_DIR.iterdir() if p.is_dir())
    if not folders:
        raise ValueError("bot/locale/messages: no locale folders")
    for folder in folders:
        lang = folder.split("-x-")[0]
        for key in catalogue.keys(folder):
            names = catalogue.variables(key, folder)
            text = catalogue.t(key, folder, **{name: "{" + name + "}" for name in names})
            yield Text(lang, f"bot/locale/messages/{folder} {key}", text)


def python_store_texts() -> Iterator[Text]:
    """The city names (the coach dashboard's and the handoff's texts are in the catalogue)."""
    from bot.web.cities import CITIES

    for slug, city in CITIES.items():
        yield from _localised(city.names, f"bot/web/cities.py {slug}.names")
        yield from _localised(city.organisation, f"bot/web/cities.py {slug}.organisation")


# Source files that hold texts per language read by the functions above (or language names only);
# widget/src/strings.js is generated from the catalogue's widget.ftl (scripts/widget_strings.py).
KNOWN_SOURCE_STORES = {
    "bot/web/cities.py",
    "widget/src/strings.js",
}
_LANGUAGE_LITERAL = re.compile(r"""(?m)^\s*["']?(?:fi|sv)["']?\s*:\s*["'{]""")


def _language_tables() -> list[Path]:
    """Python and widget sources outside KNOWN_SOURCE_STORES with a per-language literal."""
    sources = [*(ROOT / "bot").rglob("*.py"), *(ROOT / "actions").rglob("*.py")]
    sources += (ROOT / "widget" / "src").glob("*.js")
    return sorted(
        path
        for path in sources
        if _rel(path) not in KNOWN_SOURCE_STORES
        and _LANGUAGE_LITERAL.search(path.read_text(encoding="utf-8"))
    )


def unread_source_stores() -> list[str]:
    """Sources with a per-language text table outside the stores above (it belongs in the catalogue)."""
    return [_rel(path) for path in _language_tables()]


def all_texts() -> list[Text]:
    """Every user-facing string of every store."""
    return [
        *catalogue_texts(),
        *yaml_store_texts(),
        *python_store_texts(),
    ]
