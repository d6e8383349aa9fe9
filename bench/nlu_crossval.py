"""Per-language NLU figures: k-fold cross-validation, and one multilingual
model against one model per language on the held-out sets.

Run in the Rasa environment (``make crossval``)::

    PYTHONPATH=. .venv-rasa/bin/python -m bench.nlu_crossval [--folds 5] [--update-docs]

Languages come from the layout of the training data: ``data/nlu/<lang>/``
holds one language each; files directly under ``data/nlu/`` (lookup tables,
synonyms, the synthetic ``message_too_long`` examples, anything
language-neutral) are added to every training run and never scored.

1. Cross-validation of the multilingual pipeline (``config.yml``): the
   examples of each (language, intent) pair are dealt round-robin, after a
   seeded shuffle, into ``k`` folds; each fold is parsed by a model trained
   on the other folds of all languages, and the scores are grouped by
   language.
2. Held-out comparison: one model on all the data against three models each
   trained on one language only (plus the shared files), each parsing its
   language's ``tests/nlu/test_nlu_<lang>.yml``: per-language models are
   given the true language, as production would give them the language slot.

Scores: intent macro-F1 as Rasa's ``intent_report.json`` computes it
(scikit-learn, over the intents in the gold labels or the predictions, with
the intent a FallbackClassifier prediction shadowed), and
entity micro-F1 over (entity, canonical value) pairs per message. The
tables go to ``results/nlu_crossval.md``; with ``--update-docs`` they also
replace the block between the ``crossval`` markers in docs/nlu-pipeline.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fi", "sv")
DOCS = ROOT / "docs" / "nlu-pipeline.md"
BEGIN, END = "<!-- crossval:begin -->", "<!-- crossval:end -->"

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

# text, intent, {(entity, canonical value)}, and the Rasa Message it came from
Example = tuple[str, str, frozenset[tuple[str, str]], object]


def load_examples(paths: list[Path]) -> list[Example]:
    """The intent examples of Rasa YAML files as (text, intent, entities)."""
    from rasa.shared.nlu.training_data.loading import load_data

    examples: list[Example] = []
    for path in paths:
        for message in load_data(str(path)).intent_examples:
            entities = frozenset(
                (entity["entity"], str(entity["value"])) for entity in message.get("entities") or []
            )
            examples.append((message.get("text"), message.get("intent"), entities, message))
    return examples


def language_data(root: Path = ROOT) -> tuple[dict[str, list[Path]], list[Path]]:
    """Training files per language folder, and the shared top-level files."""
    nlu = root / "data" / "nlu"
    per_language = {lang: sorted((nlu / lang).glob("*.yml")) for lang in LANGUAGES}
    return per_language, sorted(nlu.glob("*.yml"))


def folds_of(examples: list[Example], k: int, seed: int = 42) -> list[list[Example]]:
    """Stratified folds: each intent's examples dealt round-robin after a shuffle."""
    by_intent: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_intent[example[1]].append(example)
    folds: list[list[Example]] = [[] for _ in range(k)]
    rng = random.Random(seed)
    for intent in sorted(by_intent):
        items = by_intent[intent][:]
        rng.shuffle(items)
        for index, item in enumerate(items):
            folds[index % k].append(item)
    return folds


def write_yaml(examples: list[Example], path: Path) -> None:
    """Write the examples' messages (with entity annotations) as Rasa NLU YAML."""
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.training_data import TrainingData

    RasaYAMLWriter().dump(path, TrainingData(training_examples=[ex[3] for ex in examples]))


def train(config: Path, data_paths: list[Path], out: Path, name: str) -> Path:
    """Train an NLU model on ``data_paths`` (copied into one folder); return the archive."""
    from rasa.model_training import train_nlu

    folder = out / f"{name}-data"
    folder.mkdir()
    for index, path in enumerate(data_paths):
        shutil.copy(path, folder / f"{index:02d}-{path.name}")
    model = train_nlu(str(config), str(folder), str(out), fixed_model_name=name)
    if not model:
        raise RuntimeError(f"training {name} failed")
    return Path(model)


def evaluate(model: Path, examples: list[Example]) -> dict[str, float]:
    """Intent macro-F1 and entity micro-F1 of ``model`` on ``examples``."""
    from rasa.core.agent import Agent
    from rasa.nlu.classifiers.fallback_classifier import (
        is_fallback_classifier_prediction,
        undo_fallback_prediction,
    )
    from sklearn.metrics import f1_score

    agent = Agent.load(str(model))

    async def parse_all() -> list[dict]:
        return [await agent.parse_message(text) for text, _, _, _ in examples]

    # As `rasa test nlu` does: score the intent the fallback shadowed.
    parsed = [undo_fallback_prediction(r) if is_fallback_classifier_prediction(r) else r
              for r in asyncio.run(parse_all())]
    gold = [intent for _, intent, _, _ in examples]
    predicted = [result["intent"]["name"] for result in parsed]
    true_pos = false_pos = false_neg = 0
    for (_, _, expected, _), result in zip(examples, parsed, strict=True):
        found = frozenset((e["entity"], str(e["value"])) for e in result.get("entities") or [])
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
    entity_f1 = 2 * true_pos / (2 * true_pos + false_pos + false_neg) if true_pos else 0.0
    return {
        "intent_f1": float(f1_score(gold, predicted, average="macro", zero_division=0)),
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold),
        "entity_f1": entity_f1,
        "entities": true_pos + false_neg,
        "n": len(examples),
    }


def crossval(config: Path, k: int, work: Path) -> dict[str, dict[str, float]]:
    """k-fold cross-validation of the multilingual pipeline, scored per language."""
    per_language, shared = language_data()
    data = {lang: load_examples(paths) for lang, paths in per_language.items()}
    folds = {lang: folds_of(examples, k) for lang, examples in data.items()}
    sums: dict[str, dict[str, float]] = {lang: defaultdict(float) for lang in LANGUAGES}
    for fold in range(k):
        train_file = work / f"fold{fold}.yml"
        write_yaml([ex for lang in LANGUAGES for f, part in enumerate(folds[lang]) if f != fold
                    for ex in part], train_file)
        model = train(config, [train_file, *shared], work, f"fold{fold}")
        for lang in LANGUAGES:
            for key, value in evaluate(model, folds[lang][fold]).items():
                sums[lang][key] += value
        print(f"fold {fold + 1}/{k} done", flush=True)
    return {lang: {key: (value / k if key not in ("n", "entities") else value)
                   for key, value in sums[lang].items()} for lang in LANGUAGES}


def held_out(config: Path, work: Path) -> dict[str, dict[str, dict[str, float]]]:
    """Multilingual model against per-language models on tests/nlu/test_nlu_<lang>.yml."""
    per_language, shared = language_data()
    tests = {lang: load_examples([ROOT / "tests" / "nlu" / f"test_nlu_{lang}.yml"]) for lang in LANGUAGES}
    results: dict[str, dict[str, dict[str, float]]] = {"multilingual": {}, "per-language": {}}
    started = time.perf_counter()
    multi = train(config, [p for paths in per_language.values() for p in paths] + shared, work, "multi")
    results["multilingual"]["train_s"] = {"all": time.perf_counter() - started}
    for lang in LANGUAGES:
        results["multilingual"][lang] = evaluate(multi, tests[lang])
    total = 0.0
    for lang in LANGUAGES:
        started = time.perf_counter()
        model = train(config, per_language[lang] + shared, work, f"only_{lang}")
        total += time.perf_counter() - started
        results["per-language"][lang] = evaluate(model, tests[lang])
    results["per-language"]["train_s"] = {"all": total}
    return results


def tables(k: int, cv: dict, comparison: dict, counts: dict[str, int]) -> str:
    """The markdown tables of both measurements."""
    lines = [
        f"Cross-validation, {k} folds stratified by intent, multilingual `config.yml` "
        "(mean over folds; entity F1 over (entity, value) pairs):",
        "",
        "| language | training examples | intent macro-F1 | intent accuracy | entity F1 |",
        "|---|---|---|---|---|",
    ]
    for lang in LANGUAGES:
        r = cv[lang]
        lines.append(f"| {lang} | {counts[lang]} | {r['intent_f1']:.3f} | {r['accuracy']:.3f} "
                     f"| {r['entity_f1']:.3f} |")
    lines += [
        "",
        "Held-out sets (`tests/nlu/test_nlu_<lang>.yml`), intent macro-F1 / entity F1; "
        "per-language models are given the true language:",
        "",
        "| model | en | fi | sv | training wall (all models) |",
        "|---|---|---|---|---|",
    ]
    for name in ("multilingual", "per-language"):
        row = comparison[name]
        cells = " | ".join(f"{row[lang]['intent_f1']:.3f} / {row[lang]['entity_f1']:.2f}"
                           for lang in LANGUAGES)
        lines.append(f"| {name} | {cells} | {row['train_s']['all']:.0f} s |")
    return "\n".join(lines) + "\n"


def update_docs(block: str, docs: Path = DOCS) -> None:
    """Replace the text between the crossval markers of ``docs`` with ``block``."""
    text = docs.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    if not rest or END not in rest:
        raise SystemExit(f"{docs}: markers {BEGIN} / {END} not found")
    docs.write_text(f"{head}{BEGIN}\n{block}{END}{tail}", encoding="utf-8")


def quiet_rasa() -> None:
    """Only warnings and errors from Rasa, TensorFlow and structlog."""
    import logging

    from rasa.utils.log_utils import configure_structlog

    logging.basicConfig(level=logging.WARNING)
    for name in ("rasa", "tensorflow", "absl"):
        logging.getLogger(name).setLevel(logging.WARNING)
    configure_structlog(logging.WARNING)


def main() -> None:
    """Run both measurements, print and store the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml")
    parser.add_argument("--update-docs", action="store_true",
                        help="write the tables into docs/nlu-pipeline.md")
    args = parser.parse_args()
    quiet_rasa()
    per_language, _ = language_data()
    counts = {lang: len(load_examples(paths)) for lang, paths in per_language.items()}
    with tempfile.TemporaryDirectory(prefix="nlu-crossval-") as tmp:
        os.environ.setdefault("RASA_CACHE_DIRECTORY", str(Path(tmp) / "cache"))
        cv = crossval(args.config, args.folds, Path(tmp))
        comparison = held_out(args.config, Path(tmp))
    block = tables(args.folds, cv, comparison, counts)
    out = ROOT / "results" / "nlu_crossval.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(block, encoding="utf-8")
    print(block)
    if args.update_docs:
        update_docs(block)


if __name__ == "__main__":
    main()
