"""Every text follows docs/glossary.yml: one word per thing in each language.

A person reads 'ohjaaja' in the chat, on the demo page and in the widget, and
a coach's dashboard says the same; no Swedish text says 'vägledare' or
'coach' for the handledare. tests/unit/glossary_texts.py reads the stores.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.unit.glossary_texts import (
    LANGS,
    Text,
    all_texts,
    catalogue_texts,
    domain_texts,
    python_store_texts,
    unread_source_stores,
    yaml_store_texts,
)

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.yml"
_NOT_READ = re.compile(r"\{[^{}]*\}|https?://\S+|\S+@\S+")


@lru_cache(maxsize=1)
def glossary() -> dict[str, Any]:
    """The terms of docs/glossary.yml."""
    terms: dict[str, Any] = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"]
    return terms


def readable(text: str) -> str:
    """``text`` lower-cased without {placeholders}, web and email addresses."""
    return _NOT_READ.sub(" ", text).lower()


def occurs(variant: str, body: str) -> bool:
    """Whether ``variant`` is in ``body``: anywhere in a word, or with a leading ^ at a word's start."""
    if variant.startswith("^"):
        return re.search(rf"(?<!\w){re.escape(variant[1:].lower())}", body) is not None
    return variant.lower() in body


def findings(texts: list[Text]) -> list[str]:
    """One line per forbidden variant found: where, the variant, the word to use."""
    lines = []
    for item in texts:
        body = readable(item.text)
        for term, entry in glossary().items():
            for variant in entry[item.lang]["avoid"]:
                if occurs(variant, body):
                    use = entry[item.lang]["use"]
                    where = f"{item.where} ({item.lang})"
                    lines.append(f"{where}: '{variant}' -> use '{use}' ({term}): {item.text!r}")
    return lines


def test_every_term_has_a_note_and_a_word_in_every_language() -> None:
    """Each term says what it is and gives the word to use and the variants to avoid."""
    for term, entry in glossary().items():
        assert str(entry.get("note", "")).strip(), term
        for lang in LANGS:
            assert str(entry[lang]["use"]).strip(), (term, lang)
            assert isinstance(entry[lang]["avoid"], list), (term, lang)


def test_the_coach_words_are_the_agreed_ones() -> None:
    """coach / ohjaaja / handledare, as the team agreed (TEAM.md)."""
    coach = glossary()["coach"]
    assert (coach["en"]["use"], coach["fi"]["use"], coach["sv"]["use"]) == ("coach", "ohjaaja", "handledare")
    assert "vägledare" in coach["sv"]["avoid"] and "valment" in coach["fi"]["avoid"]


def test_no_preferred_word_contains_a_forbidden_variant() -> None:
    """The glossary does not contradict itself (a 'use' word would always fail)."""
    for lang in LANGS:
        uses = [entry[lang]["use"].lower() for entry in glossary().values()]
        for term, entry in glossary().items():
            for variant in entry[lang]["avoid"]:
                assert not [use for use in uses if occurs(variant, use)], (term, lang, variant)


@pytest.mark.parametrize(
    "store",
    [domain_texts, catalogue_texts, yaml_store_texts, python_store_texts],
    ids=lambda f: f.__name__,
)
def test_every_store_is_read_in_every_language(store: Any) -> None:
    """Each store gives texts in en, fi and sv, so the scan below really reads it."""
    texts = list(store())
    assert {item.lang for item in texts} >= set(LANGS), store.__name__
    assert all(isinstance(item.text, str) for item in texts)


def test_a_forbidden_variant_is_found_inflected_and_inside_a_compound() -> None:
    """'uravalmentajan', 'karriärvägledaren', 'Kunderna' are caught; not 'sekunders' or {placeholders}."""
    texts = [
        Text("fi", "sample", "Juttele uravalmentajan kanssa."),
        Text("sv", "sample", "Prata med karriärvägledaren."),
        Text("sv", "sample", "Se {coach_name} på https://example.org/coach."),
        Text("en", "sample", "Talk with a coach."),
        Text("sv", "sample", "Listan uppdateras med några sekunders mellanrum."),
        Text("sv", "sample", "Kunderna väntar."),
    ]
    found = findings(texts)
    assert len(found) == 3, found
    assert "'valment' -> use 'ohjaaja'" in found[0]
    assert "'vägledare' -> use 'handledare'" in found[1]
    assert "'^kunder' -> use 'person'" in found[2]


def test_no_text_uses_a_forbidden_variant() -> None:
    """Every text of the bot, the pages, the widget and the dashboard follows the glossary."""
    found = findings(all_texts())
    assert found == [], f"{len(found)} text(s) break docs/glossary.yml:\n" + "\n".join(found)


def test_no_source_file_keeps_texts_the_scan_does_not_read() -> None:
    """Texts per language live in the stores above; a new table elsewhere would go unchecked."""
    assert unread_source_stores() == [], "move these texts to the catalogue (bot/locale/messages/<locale>/)"


def test_every_preferred_word_is_used_in_the_texts() -> None:
    """The glossary names the words the product really shows (no term nobody uses)."""
    texts = all_texts()
    unused = [
        (term, lang, entry[lang]["use"])
        for term, entry in glossary().items()
        for lang in LANGS
        if not any(entry[lang]["use"].lower() in item.text.lower() for item in texts if item.lang == lang)
    ]
    assert unused == []
