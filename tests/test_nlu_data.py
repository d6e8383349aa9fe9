"""Checks on the NLU training data itself (issue 12; no Rasa needed).

- Every intent of data/nlu has at least MIN_EXAMPLES examples in each
  language folder (data/nlu/<lang>/), except the intents listed in EXEMPT.
- No sentence of a held-out set (tests/nlu/test_nlu_<lang>.yml) or of the
  independent unseen set (tests/nlu/unseen/test_<lang>.yml, also accepted as
  unseen/<lang>.yml; skipped while a language's file does not exist yet)
  occurs in the training data. Sentences are compared normalised: Unicode
  NFC, casefolded, whitespace collapsed, entity markup `[text](entity)` /
  `[text]{...}` reduced to its text.
- No example occurs twice anywhere in data/nlu (same normalisation), in one
  intent or in two.
- Every intent of data/nlu is declared in domain.yml.

A failure names the training file and the training text only: the unseen
sets are written by people who do not read data/nlu, and the people who
write data/nlu must not read the unseen sets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from bot.locale import registry

ROOT = Path(__file__).resolve().parents[1]
NLU = ROOT / "data" / "nlu"
#: Every locale whose registry entry says it has NLU data (bot/locale/locales.yml).
LANGUAGES = registry.codes("nlu_data")
MIN_EXAMPLES = 60
# inform: answers of every kind, large and shaped by the forms, not by a count;
# message_too_long: two synthetic examples, the intent is set by LongMessageGuard;
# give_feedback: two synthetic examples, the intent comes only from button payloads.
EXEMPT = {
    "inform",
    "message_too_long",
    "give_feedback",
    # Issue 15: sent only by the introduction's buttons (data/nlu/introduction_buttons.yml).
    "copy_introduction",
    "add_introduction_to_summary",
    "finish_introduction",
    # Issue 15: sent only by the follow-up's buttons (data/nlu/followup_buttons.yml).
    "review_steps",
    "remind_steps",
    "no_reminder",
}
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\{[^}]*\}|\([^)]*\))")


def normalise(text: str) -> str:
    """Entity markup stripped, NFC, casefolded, whitespace collapsed."""
    text = ANNOTATION.sub(r"\1", text)
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def intent_examples(path: Path) -> list[tuple[str, str]]:
    """(intent, raw example text) of every intent block of a Rasa NLU file."""
    content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    pairs: list[tuple[str, str]] = []
    for block in content.get("nlu") or []:
        if "intent" in block:
            for line in (block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    pairs.append((block["intent"], line[2:].strip()))
    return pairs


def training_files() -> list[Path]:
    return sorted(NLU.rglob("*.yml"))


def training_examples() -> list[tuple[Path, str, str]]:
    """(file, intent, raw text) of every training example."""
    return [(path, intent, text) for path in training_files() for intent, text in intent_examples(path)]


def language_of(path: Path) -> str | None:
    """The language folder of a training file; None for the shared top-level files."""
    relative = path.relative_to(NLU)
    return relative.parts[0] if len(relative.parts) > 1 else None


def unseen_file(lang: str) -> Path | None:
    for name in (f"test_{lang}.yml", f"{lang}.yml"):
        path = ROOT / "tests" / "nlu" / "unseen" / name
        if path.is_file():
            return path
    return None


def domain_intents() -> set[str]:
    content = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    names: set[str] = set()
    for entry in content.get("intents") or []:
        names |= set(entry) if isinstance(entry, dict) else {entry}
    return names


def test_language_folders_hold_the_data() -> None:
    for lang in LANGUAGES:
        assert (NLU / lang).is_dir(), f"data/nlu/{lang}/ missing"
        assert list((NLU / lang).glob("*.yml")), f"data/nlu/{lang}/ holds no data"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_intent_has_enough_examples_per_language(lang: str) -> None:
    """Each intent (but EXEMPT) has MIN_EXAMPLES examples or more in data/nlu/<lang>/."""
    examples = training_examples()
    intents = {intent for _, intent, _ in examples} - EXEMPT
    counts = Counter(intent for path, intent, _ in examples if language_of(path) == lang)
    thin = {intent: counts[intent] for intent in sorted(intents) if counts[intent] < MIN_EXAMPLES}
    assert thin == {}, f"{lang}: intents with fewer than {MIN_EXAMPLES} examples: {thin}"


def _overlap_with(path: Path) -> list[str]:
    """Training examples (file: text) whose normalised text is a sentence of `path`."""
    held_out = {normalise(text) for _, text in intent_examples(path)}
    return sorted(
        f"{file.relative_to(ROOT)}: {text}"
        for file, _, text in training_examples()
        if normalise(text) in held_out
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_old_held_out_sentences_are_not_in_training_data(lang: str) -> None:
    path = ROOT / "tests" / "nlu" / f"test_nlu_{lang}.yml"
    assert path.is_file()
    overlap = _overlap_with(path)
    assert overlap == [], f"held-out {lang} sentences also in the training data: {overlap}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unseen_sentences_are_not_in_training_data(lang: str) -> None:
    path = unseen_file(lang)
    if path is None:
        pytest.skip(f"no unseen test set for {lang} yet")
    overlap = _overlap_with(path)
    # The unseen text is not printed: only the training file and example.
    assert overlap == [], f"{len(overlap)} training examples occur in the unseen {lang} set: {overlap}"


def test_no_duplicate_examples() -> None:
    """An example occurs once in data/nlu, whatever its intent or file."""
    seen: dict[str, list[str]] = defaultdict(list)
    for path, intent, text in training_examples():
        seen[normalise(text)].append(f"{path.relative_to(NLU)}:{intent}")
    duplicates = {text: places for text, places in seen.items() if len(places) > 1}
    assert duplicates == {}, f"duplicate training examples: {duplicates}"


def test_no_empty_examples_or_blocks() -> None:
    """No blank example, and no intent block without examples (Rasa only warns)."""
    empty = [f"{path.relative_to(NLU)}:{intent}" for path, intent, text in training_examples()
             if not normalise(text)]
    assert empty == []
    for path in training_files():
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in content.get("nlu") or []:
            if "intent" in block:
                place = f"{path.relative_to(NLU)}: {block['intent']}"
                assert (block.get("examples") or "").strip(), f"{place}: block without examples"


def test_intents_are_declared_in_the_domain() -> None:
    undeclared = sorted({intent for _, intent, _ in training_examples()} - domain_intents())
    assert undeclared == [], f"intents in data/nlu but not in domain.yml: {undeclared}"


@pytest.mark.parametrize(
    ("text", "normal"),
    [("Moi  Botti", "moi botti"),
     ('[Espoossa]{"entity": "city", "value": "Espoo"} töitä', "espoossa töitä"),
     ("i live in [Turku](city)", "i live in turku"),
     ("Ha\u0308meenlinna", "hämeenlinna"),
     ("Straße", "strasse")],
)
def test_normalisation(text: str, normal: str) -> None:
    assert normalise(text) == normal
