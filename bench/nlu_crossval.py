"""NLU measurement for issue 12: pipelines side by side with a TF-IDF + SVM baseline.

Run in the Rasa environment (``make crossval``, about 30 minutes on 2 shared cores)::

    PYTHONPATH=. .venv-rasa/bin/python -m bench.nlu_crossval [--folds 3] [--update-docs]
        [--pipelines baseline current chosen]

Languages come from the layout of the training data: ``data/nlu/<lang>/``
holds one language each; files directly under ``data/nlu/`` (lookup tables,
synonyms, the synthetic ``message_too_long`` examples) are added to every
training run and never scored.

Pipelines: ``baseline`` is an untuned scikit-learn TF-IDF + LinearSVC on
the same texts; ``current`` is the previous pipeline
(``bench/nlu/config_linear.yml``); ``chosen`` is ``config.yml``. Each is
measured twice:

1. k-fold cross-validation of data/nlu: the examples of each (language,
   intent) pair are dealt round-robin, after a seeded shuffle, into ``k``
   folds; each fold is parsed by a model trained on the other folds of all
   languages.
2. The independent unseen test sets ``tests/nlu/unseen/test_<lang>.yml``
   (never trained on), parsed one message at a time by the model trained on
   all of data/nlu (Rasa: ``Agent.parse_message``, so every pipeline
   component runs, the crisis guard and the fallback included); the parse
   time of each message gives p50/p95.

Scores, per language, on the intent the bot acts on: ``nlu_fallback``
counts as ``out_of_scope`` (both are a polite refusal); intent macro-F1 as
scikit-learn computes it over the intents in the gold labels or the
predictions; out-of-scope recall (gold ``out_of_scope`` refused);
in-scope rejected (gold anything else refused); crisis recall (gold
``express_distress`` predicted so); false crisis (gold ``out_of_scope``
predicted ``express_distress``); ``feel_discouraged`` taken as crisis. The
tables go to ``results/nlu_crossval.md``; with ``--update-docs`` they also
replace the block between the ``crossval`` markers in docs/nlu-pipeline.md.
Targets that are missed are printed as MISS.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fi", "sv")
DOCS = ROOT / "docs" / "nlu-pipeline.md"
BEGIN, END = "<!-- crossval:begin -->", "<!-- crossval:end -->"
UNSEEN = ROOT / "tests" / "nlu" / "unseen"
PIPELINES = {
    "current": ROOT / "bench" / "nlu" / "config_linear.yml",
    "e5": ROOT / "bench" / "nlu" / "config_e5.yml",
    "chosen": ROOT / "config.yml",
}
OOS, CRISIS, DISCOURAGED = "out_of_scope", "express_distress", "feel_discouraged"
REFUSED = {OOS, "nlu_fallback"}
F1_TARGET = {"en": 0.95, "fi": 0.93, "sv": 0.93}

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


def acted_on(intent: str) -> str:
    """The intent the bot answers: a fallback is a refusal like out_of_scope."""
    return OOS if intent in REFUSED else intent


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    """Intent macro-F1, out-of-scope recall, in-scope rejection, crisis figures."""
    from sklearn.metrics import f1_score

    acted = [acted_on(p) for p in predicted]
    pairs = list(zip(gold, acted, strict=True))
    oos = [p for g, p in pairs if g == OOS]
    inscope = [p for g, p in pairs if g != OOS]
    crisis = [p for g, p in pairs if g == CRISIS]
    sad = [p for g, p in pairs if g == DISCOURAGED]
    return {
        "f1": float(f1_score(gold, acted, average="macro", zero_division=0)),
        "oos_recall": sum(p == OOS for p in oos) / max(1, len(oos)),
        "rejected": sum(p == OOS for p in inscope) / max(1, len(inscope)),
        "crisis_recall": sum(p == CRISIS for p in crisis) / max(1, len(crisis)),
        "false_crisis": sum(p == CRISIS for p in oos),
        "n_oos": len(oos),
        "sad_as_crisis": sum(p == CRISIS for p in sad),
        "n_sad": len(sad),
        "n": len(gold),
    }


class RasaModel:
    """A trained Rasa model; ``parse`` runs the whole NLU pipeline on one text."""

    def __init__(self, path: Path) -> None:
        from rasa.core.agent import Agent

        self.loop = asyncio.new_event_loop()
        self.agent = Agent.load(str(path))

    def parse(self, text: str) -> str:
        return self.loop.run_until_complete(self.agent.parse_message(text))["intent"]["name"]


class Baseline:
    """Untuned TF-IDF + LinearSVC (scikit-learn defaults) on the same texts."""

    def __init__(self, examples: list[Example]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import make_pipeline
        from sklearn.svm import LinearSVC

        self.model = make_pipeline(TfidfVectorizer(), LinearSVC())
        self.model.fit([e[0] for e in examples], [e[1] for e in examples])

    def parse(self, text: str) -> str:
        return str(self.model.predict([text])[0])


def fit(name: str, examples: list[Example], shared: list[Path], work: Path, tag: str):
    """Train pipeline ``name`` on ``examples`` (+ the shared files); the model and seconds."""
    started = time.perf_counter()
    if name == "baseline":
        model = Baseline(examples)
    else:
        train_file = work / f"{name}-{tag}.yml"
        write_yaml(examples, train_file)
        model = RasaModel(train(PIPELINES[name], [train_file, *shared], work, f"{name}-{tag}"))
    return model, time.perf_counter() - started


def parse_all(model, examples: list[Example]) -> tuple[list[str], list[float], list[float]]:
    """Predicted intents, per-message parse seconds (wall, and CPU of this thread), one at a time."""
    predicted, seconds, cpu = [], [], []
    for text, *_ in examples:
        started, started_cpu = time.perf_counter(), time.thread_time()
        predicted.append(model.parse(text))
        seconds.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
    return predicted, seconds, cpu


def percentiles(seconds: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ms = sorted(1000 * s for s in seconds)
    return statistics.median(ms), ms[min(len(ms) - 1, int(0.95 * len(ms)))]


def measure(name: str, k: int, data: dict, shared: list[Path], tests: dict, work: Path) -> dict:
    """Cross-validation and unseen-test figures of one pipeline."""
    folds = {lang: folds_of(examples, k) for lang, examples in data.items()}
    cv_gold: dict[str, list[str]] = defaultdict(list)
    cv_pred: dict[str, list[str]] = defaultdict(list)
    for fold in range(k):
        train_examples = [ex for lang in LANGUAGES for f, part in enumerate(folds[lang]) if f != fold
                          for ex in part]
        model, _ = fit(name, train_examples, shared, work, f"fold{fold}")
        for lang in LANGUAGES:
            predicted, _, _ = parse_all(model, folds[lang][fold])
            cv_gold[lang] += [ex[1] for ex in folds[lang][fold]]
            cv_pred[lang] += predicted
        print(f"{name}: fold {fold + 1}/{k} done", flush=True)
    model, train_s = fit(name, [ex for lang in LANGUAGES for ex in data[lang]], shared, work, "all")
    result = {"cv": {lang: scores(cv_gold[lang], cv_pred[lang]) for lang in LANGUAGES},
              "test": {}, "ms": {}, "cpu_ms": {}, "train_s": train_s}
    for lang in LANGUAGES:
        predicted, seconds, cpu = parse_all(model, tests[lang])
        result["test"][lang] = scores([ex[1] for ex in tests[lang]], predicted)
        result["ms"][lang] = percentiles(seconds)
        result["cpu_ms"][lang] = percentiles(cpu)
    print(f"{name}: unseen test sets done", flush=True)
    return result


def passes(key: str, lang: str, split: str, r: dict, base: dict | None) -> bool | None:
    """Whether figure ``key`` of ``r`` meets its issue-12 target (``None``: no target)."""
    if key == "f1":
        return r["f1"] >= (F1_TARGET[lang] if split == "test" else 0) and (
            base is None or r["f1"] >= base["f1"] + 0.05)
    checks = {
        "oos_recall": lambda: r["oos_recall"] >= 0.85,
        "rejected": lambda: r["rejected"] <= 0.05,
        "crisis_recall": lambda: r["crisis_recall"] >= 1.0,
        "false_crisis": lambda: r["false_crisis"] / max(1, r["n_oos"]) <= 0.001,
    }
    return checks[key]() if key in checks else None


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def tables(k: int, results: dict[str, dict], counts: dict[str, int], tests: dict) -> str:
    """One markdown table per language, pipelines side by side, targets for the last pipeline."""
    names = list(results)
    label = {"baseline": "TF-IDF + SVM", "current": "current (a)", "e5": "e5 + guard (b)",
             "chosen": "chosen (config.yml)"}
    judged = names[-1]
    lines = [f"Pipelines side by side; targets judged for `{judged}` (MISS when missed). "
             f"CV = {k}-fold cross-validation of data/nlu; test = tests/nlu/unseen (never trained on). "
             "nlu_fallback counts as out_of_scope.", ""]
    fmt = {
        "f1": lambda r: f"{r['f1']:.3f}",
        "oos_recall": lambda r: f"{r['oos_recall']:.3f}",
        "rejected": lambda r: f"{r['rejected']:.3f}",
        "crisis_recall": lambda r: f"{r['crisis_recall']:.3f}",
        "false_crisis": lambda r: f"{r['false_crisis']}/{r['n_oos']}",
        "sad_as_crisis": lambda r: f"{r['sad_as_crisis']}/{r['n_sad']}",
    }
    total_false = {n: 0 for n in names}
    total_oos = 0
    for lang in LANGUAGES:
        base = results.get("baseline")
        lines += [f"**{lang}** ({counts[lang]} training examples, {len(tests[lang])} test messages)", "",
                  "| measure | " + " | ".join(label.get(n, n) for n in names) + " | target | |",
                  "|---|" + "---|" * (len(names) + 2)]
        for split in ("test", "cv"):
            for key, title, target in (
                ("f1", "intent macro-F1", f">= {F1_TARGET[lang]:.2f}, baseline + 0.05"
                 if split == "test" else "baseline + 0.05"),
                ("oos_recall", "out-of-scope recall", ">= 0.85"),
                ("rejected", "in-scope rejected", "<= 0.05"),
                ("crisis_recall", "crisis recall", "1.000"),
                ("false_crisis", "false crisis (off-topic)", "<= 1/1000"),
                ("sad_as_crisis", "feel_discouraged as crisis", "-"),
            ):
                row = [fmt[key](results[n][split][lang]) for n in names]
                ok = passes(key, lang, split, results[judged][split][lang],
                            base[split][lang] if base and judged != "baseline" else None)
                mark = "" if ok is None else verdict(ok)
                lines.append(f"| {title}, {split} | " + " | ".join(row) + f" | {target} | {mark} |")
        row = [f"{results[n]['ms'][lang][0]:.1f} / {results[n]['ms'][lang][1]:.1f}" for n in names]
        lines.append("| parse ms p50 / p95, test | " + " | ".join(row)
                     + f" | p95 <= 15 | {verdict(results[judged]['ms'][lang][1] <= 15)} |")
        row = [(f"{results[n]['cpu_ms'][lang][0]:.1f} / {results[n]['cpu_ms'][lang][1]:.1f}"
                if "cpu_ms" in results[n] else "-") for n in names]
        lines.append("| parse CPU ms p50 / p95, test | " + " | ".join(row) + " | - | |")
        lines.append("")
        for n in names:
            total_false[n] += results[n]["test"][lang]["false_crisis"]
        total_oos += results[judged]["test"][lang]["n_oos"]
    lines.append("All languages, test: false crisis " + ", ".join(
        f"{label.get(n, n)} {total_false[n]}/{total_oos}" for n in names)
        + f" ({verdict(total_false[judged] / max(1, total_oos) <= 0.001)} for {judged}); "
        + "training wall on all data: " + ", ".join(
            f"{label.get(n, n)} {results[n]['train_s']:.0f} s" for n in names) + ".")
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
    """Measure the pipelines, print and store the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--pipelines", nargs="+", default=["baseline", "current", "chosen"],
                        choices=["baseline", *PIPELINES])
    parser.add_argument("--reuse", nargs="*", default=[], choices=["baseline", *PIPELINES],
                        help="take these pipelines' figures from results/nlu_crossval-<name>.json")
    parser.add_argument("--update-docs", action="store_true",
                        help="write the tables into docs/nlu-pipeline.md")
    args = parser.parse_args()
    quiet_rasa()
    per_language, shared = language_data()
    data = {lang: load_examples(paths) for lang, paths in per_language.items()}
    tests = {lang: load_examples([UNSEEN / f"test_{lang}.yml"]) for lang in LANGUAGES}
    counts = {lang: len(examples) for lang, examples in data.items()}
    try:  # every training text is embedded once per run, not once per fold
        from rasa_addons.sentence_encoder import encoder

        encoder(cache_size=50_000)
    except ImportError:
        pass
    results = {}
    with tempfile.TemporaryDirectory(prefix="nlu-crossval-") as tmp:
        os.environ.setdefault("RASA_CACHE_DIRECTORY", str(Path(tmp) / "cache"))
        for name in args.pipelines:
            stored = ROOT / "results" / f"nlu_crossval-{name}.json"
            if name in args.reuse:
                results[name] = json.loads(stored.read_text(encoding="utf-8"))
                continue
            results[name] = measure(name, args.folds, data, shared, tests, Path(tmp))
            stored.parent.mkdir(exist_ok=True)
            stored.write_text(json.dumps(results[name]), encoding="utf-8")
    block = tables(args.folds, results, counts, tests)
    out = ROOT / "results" / "nlu_crossval.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(block, encoding="utf-8")
    print(block)
    if args.update_docs:
        update_docs(block)


if __name__ == "__main__":
    main()
