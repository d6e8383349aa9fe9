"""Checks on the NLU data itself (no Rasa needed).

- No held-out text (tests/nlu/test_nlu_<lang>.yml) appears in the training
  data (data/nlu/**), compared after removing entity annotations, case and
  extra spaces: the held-out scores would be meaningless otherwise.
- Inflected and Swedish city forms map to one canonical value through the
  lookup table and the synonyms, and each language's held-out set checks
  such forms with annotated city entities (issue 6).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.locale import registry

ROOT = Path(__file__).resolve().parents[2]
#: Every locale whose registry entry says it has NLU data (bot/locale/locales.yml).
LANGUAGES = registry.codes("nlu_data")
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\{[^}]*\}|\([^)]*\))")
CITY = re.compile(r'\[([^\]]*)\]\{"entity": "city", "value": "([^"]*)"\}')


def examples(path: Path) -> list[str]:
    """Raw example lines (with annotations) of every intent in a Rasa NLU file."""
    content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    lines: list[str] = []
    for block in content.get("nlu") or []:
        if "intent" in block:
            lines += [line[2:] for line in block["examples"].splitlines() if line.startswith("- ")]
    return lines


def plain(text: str) -> str:
    """Example text without entity annotations, lower case, single spaces."""
    return " ".join(ANNOTATION.sub(r"\1", text).lower().split())


def training_texts() -> set[str]:
    """Every training example of data/nlu, plain."""
    return {plain(text) for path in (ROOT / "data" / "nlu").rglob("*.yml") for text in examples(path)}


def synonyms() -> dict[str, str]:
    """Surface form (lower case) -> canonical value, from data/nlu/lookups.yml and cities.yml."""
    blocks = []
    for name in ("lookups.yml", "cities.yml"):
        blocks += yaml.safe_load((ROOT / "data" / "nlu" / name).read_text(encoding="utf-8"))["nlu"]
    mapping: dict[str, str] = {}
    for block in blocks:
        if "synonym" in block:
            for line in block["examples"].splitlines():
                if line.startswith("- "):
                    mapping[line[2:].strip().lower()] = block["synonym"]
    return mapping


@pytest.mark.parametrize("lang", LANGUAGES)
def test_held_out_texts_are_not_in_training_data(lang: str) -> None:
    """A held-out example that is also a training example is reported by text."""
    held_out = [plain(text) for text in examples(ROOT / "tests" / "nlu" / f"test_nlu_{lang}.yml")]
    assert len(held_out) >= 100
    overlap = sorted(set(held_out) & training_texts())
    assert overlap == [], f"held-out {lang} texts found in data/nlu: {overlap}"


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [("Espoossa", "Espoo"), ("Espooseen", "Espoo"), ("Esbo", "Espoo"), ("Åbo", "Turku"),
     ("Turussa", "Turku"), ("Helsingfors", "Helsinki"), ("Helsingissä", "Helsinki"),
     ("Vanda", "Vantaa"), ("Vantaalla", "Vantaa")],
)
def test_city_forms_map_to_one_canonical_value(surface: str, canonical: str) -> None:
    """EntitySynonymMapper turns each form into the slot's canonical city."""
    assert synonyms()[surface.lower()] == canonical


@pytest.mark.parametrize(
    ("lang", "forms"),
    [("fi", {"Espoossa", "Espooseen"}), ("sv", {"Esbo", "Åbo", "Helsingfors", "Vanda"}), ("en", {"Espoo"})],
)
def test_held_out_sets_check_canonical_cities(lang: str, forms: set[str]) -> None:
    """Each held-out set annotates these city forms with their canonical value."""
    annotated = {
        match.group(1): match.group(2)
        for text in examples(ROOT / "tests" / "nlu" / f"test_nlu_{lang}.yml")
        for match in CITY.finditer(text)
    }
    mapping = synonyms()
    for form in forms:
        assert form in annotated, f"{lang}: no held-out example with city {form!r}"
        assert annotated[form] == mapping.get(form.lower(), form)
