"""Fail the test run unless Rasa evaluated every committed test, and passed.

Usage::

    python scripts/check_rasa_results.py results [--tests tests]
    python scripts/check_rasa_results.py --inputs-only [--tests tests]

Rasa quietly evaluates its *training* data when the path given to
``rasa test core --stories`` or ``rasa test nlu --nlu`` does not exist (it
warns and falls back to ``data/``), so "the stories passed" proves nothing
by itself. This check therefore compares what Rasa evaluated with what is
committed:

- stories: the number of test conversations in ``tests/stories/**/*.yml``
  (one per story; a story with ``or:`` steps is one per combination) must
  equal the stories in ``results/core/successful_test_stories.yml`` plus
  ``failed_test_stories.yml`` and, when present, the ``conversation_accuracy``
  total of ``results/core/story_report.json``; the evaluated story names must
  be the committed ones; no story may have failed;
- NLU, per language: the examples of ``tests/nlu/test_nlu_<lang>.yml``, per
  intent (duplicates counted once, as Rasa does), must equal the per-intent
  ``support`` of ``results/nlu_<lang>/intent_report.json`` (scikit-learn's
  classification_report as JSON), and the intent macro-F1 must reach 0.90
  (issue 6); entity reports are printed for the record.

``--inputs-only`` checks just the committed side (every file present, none
empty) so ``scripts/test_all.sh`` can stop before Rasa runs at all.

It also writes ``results/nlu_scores.md``: the per-language table of that run
(held-out examples, intent macro-F1, intent accuracy, entity F1), the one
docs/nlu-pipeline.md quotes. Exit code 0 = all good, 1 = a problem (each one
printed as a ``FAIL:`` line on stderr), 2 = bad usage.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from any directory
from bot.locale import registry  # noqa: E402  (after the path line)

MIN_INTENT_MACRO_F1 = 0.90
#: Languages with NLU data and held-out tests (``nlu_data`` in bot/locale/locales.yml).
LANGUAGES = registry.codes("nlu_data")
REPORT_SUMMARY_KEYS = {"accuracy", "macro avg", "weighted avg", "micro avg"}
# Rasa names an evaluated story "<name> (<source file>)" (tracker.as_story(include_source=True)).
SOURCE_SUFFIX = re.compile(r" \([^()]*\.ya?ml\)$")


def _load_yaml(path: Path) -> dict[str, Any]:
    """Parsed YAML mapping of ``path`` ({} for an empty or comment-only file)."""
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    return content if isinstance(content, dict) else {}


# ---- the committed side ----------------------------------------------------


def story_files(stories_dir: Path) -> list[Path]:
    """Every YAML file Rasa would read under ``stories_dir`` (recursively), sorted."""
    if not stories_dir.is_dir():
        return []
    return sorted(p for p in stories_dir.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def conversations_in_story(story: dict[str, Any]) -> int:
    """Test conversations Rasa makes of one story: the product of its ``or:`` alternatives."""
    count = 1
    for step in story.get("steps") or []:
        if isinstance(step, dict) and isinstance(step.get("or"), list):
            count *= max(len(step["or"]), 1)
    return count


def committed_stories(stories_dir: Path) -> dict[str, int]:
    """Story name -> number of test conversations, over every file in ``stories_dir``.

    A name used twice is counted under the same key (Rasa evaluates both).
    """
    names: Counter[str] = Counter()
    for path in story_files(stories_dir):
        for story in _load_yaml(path).get("stories") or []:
            names[str(story.get("story", ""))] += conversations_in_story(story)
    return dict(names)


def nlu_examples(block: Any) -> list[str]:
    """The examples of one intent entry: a ``|`` block of ``- text`` lines, or a list.

    Non-empty lines that do not start with ``-`` are returned too (Rasa skips
    them with a warning), so the count is what the author wrote.
    """
    if isinstance(block, str):
        lines = [line.strip() for line in block.splitlines()]
        return [line[1:].strip() if line.startswith("-") else line for line in lines if line]
    if isinstance(block, list):
        return [str(item.get("text", "")).strip() if isinstance(item, dict) else str(item) for item in block]
    return []


def committed_examples(nlu_file: Path) -> Counter[str]:
    """Intent -> number of distinct examples in a held-out NLU file.

    Duplicates under one intent are counted once, as Rasa's TrainingData
    drops them; a retrieval intent ``faq/ask_x`` counts as ``faq``.
    """
    seen: dict[str, set[str]] = {}
    for entry in _load_yaml(nlu_file).get("nlu") or []:
        if isinstance(entry, dict) and "intent" in entry:
            intent = str(entry["intent"]).strip().split("/", 1)[0]
            seen.setdefault(intent, set()).update(nlu_examples(entry.get("examples")))
    return Counter({intent: len(examples) for intent, examples in seen.items() if examples})


def nlu_file(tests: Path, lang: str) -> Path:
    """Path of the held-out NLU file of ``lang``."""
    return tests / "nlu" / f"test_nlu_{lang}.yml"


def check_inputs(tests: Path) -> list[str]:
    """Problems with the committed test files: missing or empty (each a sentence)."""
    problems = []
    stories_dir = tests / "stories"
    if not story_files(stories_dir):
        problems.append(f"{stories_dir} is missing or has no story files (Rasa would test data/ instead)")
    elif not committed_stories(stories_dir):
        problems.append(f"{stories_dir} has no stories")
    for lang in LANGUAGES:
        path = nlu_file(tests, lang)
        if not path.is_file():
            problems.append(f"{path} is missing (Rasa would test data/ instead)")
        elif not committed_examples(path):
            problems.append(f"{path} has no intent examples")
    return problems


# ---- the evaluated side ----------------------------------------------------


def evaluated_story_names(path: Path) -> list[str]:
    """Names of the stories in a story file Rasa wrote, source suffix removed ([] when absent)."""
    if not path.exists():
        return []
    return [SOURCE_SUFFIX.sub("", str(s.get("story", ""))) for s in _load_yaml(path).get("stories") or []]


def count_stories(path: Path) -> int:
    """Number of stories in a Rasa story file (0 when absent or empty)."""
    return len(evaluated_story_names(path))


def _differences(expected: Counter[str], evaluated: Counter[str], limit: int = 5) -> str:
    """'name: N committed, M evaluated' for the first ``limit`` keys that differ."""
    keys = sorted(k for k in expected.keys() | evaluated.keys() if expected[k] != evaluated[k])
    parts = [f"{k!r}: {expected[k]} committed, {evaluated[k]} evaluated" for k in keys[:limit]]
    more = f" and {len(keys) - limit} more" if len(keys) > limit else ""
    return "; ".join(parts) + more


def check_stories(results: Path, tests: Path) -> list[str]:
    """Problems with the story evaluation in ``results/core`` against ``tests/stories``."""
    core = results / "core"
    stories_dir = tests / "stories"
    problems = []
    for name in ("successful_test_stories.yml", "failed_test_stories.yml"):
        if not (core / name).exists():
            problems.append(f"{core / name} is missing (run `rasa test core --successes --out {core}`)")
    passed = evaluated_story_names(core / "successful_test_stories.yml")
    failed = evaluated_story_names(core / "failed_test_stories.yml")
    print(f"Test stories: {len(passed)} passed, {len(failed)} failed")
    expected = Counter(committed_stories(stories_dir))
    total = sum(expected.values())
    evaluated = len(passed) + len(failed)
    if not story_files(stories_dir):
        problems.append(f"{stories_dir} is missing: Rasa evaluated {evaluated} stories of something else")
    elif evaluated != total:
        problems.append(
            f"Rasa evaluated {evaluated} stories but {stories_dir} has {total}: "
            + _differences(expected, Counter(passed + failed))
        )
    elif Counter(passed + failed) != expected:
        problems.append(
            f"the evaluated stories are not the ones in {stories_dir}: "
            + _differences(expected, Counter(passed + failed))
        )
    report_path = core / "story_report.json"
    if report_path.exists():
        reported = json.loads(report_path.read_text()).get("conversation_accuracy", {}).get("total", 0)
        if reported != evaluated:
            problems.append(f"{report_path} counts {reported} conversations, the story files {evaluated}")
    if evaluated == 0:
        problems.append("Rasa evaluated zero test stories")
    if failed:
        problems.append(f"{len(failed)} test stories failed: {', '.join(sorted(set(failed))[:5])}")
    return problems


def evaluated_examples(report: dict[str, Any]) -> Counter[str]:
    """Intent -> support (examples evaluated) of an intent_report.json."""
    counts: Counter[str] = Counter()
    for intent, row in report.items():
        if intent not in REPORT_SUMMARY_KEYS and isinstance(row, dict):
            counts[intent.split("/", 1)[0]] += int(row.get("support", 0))
    return counts


def check_language(
    results: Path, tests: Path, lang: str
) -> tuple[list[str], tuple[str, int, float, float, str] | None]:
    """Problems of one language's NLU results, and its scores row (None without results)."""
    report_dir = results / f"nlu_{lang}"
    intent_report = report_dir / "intent_report.json"
    path = nlu_file(tests, lang)
    problems = []
    if not path.is_file():
        problems.append(f"{path} is missing: its results are not of the held-out examples")
    if not intent_report.exists():
        return problems + [f"no NLU results for {lang} ({intent_report} is missing)"], None
    report = json.loads(intent_report.read_text())
    evaluated = evaluated_examples(report)
    if path.is_file():
        expected = committed_examples(path)
        if evaluated != expected:
            problems.append(
                f"{lang}: Rasa evaluated {sum(evaluated.values())} examples but {path} has "
                f"{sum(expected.values())}: " + _differences(expected, evaluated)
            )
    macro_f1 = float(report.get("macro avg", {}).get("f1-score", 0.0))
    if math.isnan(macro_f1) or macro_f1 < MIN_INTENT_MACRO_F1:
        problems.append(f"{lang}: intent macro-F1 {macro_f1:.3f} < {MIN_INTENT_MACRO_F1}")
    entity_f1 = "-"
    for entity_report in sorted(report_dir.glob("*Extractor_report.json")):
        micro = json.loads(entity_report.read_text()).get("micro avg", {})
        entity_f1 = f"{micro.get('f1-score', 0.0):.3f}"
    print(f"{lang:<10}{sum(evaluated.values()):>10}{macro_f1:>17.3f}{entity_f1:>19}")
    row = (lang, sum(evaluated.values()), macro_f1, float(report.get("accuracy", 0.0)), entity_f1)
    return problems, row


def scores_table(rows: list[tuple[str, int, float, float, str]]) -> str:
    """Markdown table of (language, examples, macro-F1, accuracy, entity F1) rows."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Held-out NLU scores (`rasa test nlu` on tests/nlu/test_nlu_<lang>.yml), {stamp}; "
        f"bar: intent macro-F1 >= {MIN_INTENT_MACRO_F1:.2f}",
        "",
        "| language | held-out examples | intent macro-F1 | intent accuracy | entity F1 (micro) |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {lang} | {n} | {f1:.3f} | {acc:.3f} | {ent} |" for lang, n, f1, acc, ent in rows]
    return "\n".join(lines) + "\n"


def report_problems(problems: list[str]) -> int:
    """Print each problem as a FAIL line on stderr; the exit code (0 when none)."""
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


def main(results: Path, tests: Path = Path("tests")) -> int:
    """Print the figures; return the process exit code (0 = all good, 1 = a problem)."""
    problems = check_stories(results, tests)
    print(f"{'language':<10}{'examples':>10}{'intent macro-F1':>17}{'entity F1 (micro)':>19}")
    rows = []
    for lang in LANGUAGES:
        lang_problems, row = check_language(results, tests, lang)
        problems += lang_problems
        if row is not None:
            rows.append(row)
    if rows:
        (results / "nlu_scores.md").write_text(scores_table(rows), encoding="utf-8")
    return report_problems(problems)


def cli(argv: list[str] | None = None) -> int:
    """Parse the command line (see the module docstring) and run the check."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("results", nargs="?", type=Path, default=Path("results"))
    parser.add_argument("--tests", type=Path, default=Path("tests"), help="the committed test files")
    parser.add_argument("--inputs-only", action="store_true", help="only check the committed test files")
    args = parser.parse_args(argv)
    if args.inputs_only:
        problems = check_inputs(args.tests)
        if not problems:
            stories = sum(committed_stories(args.tests / "stories").values())
            counts = ", ".join(
                f"{lang} {sum(committed_examples(nlu_file(args.tests, lang)).values())}" for lang in LANGUAGES
            )
            print(f"Committed tests: {stories} stories; held-out NLU examples {counts}")
        return report_problems(problems)
    return main(args.results, args.tests)


if __name__ == "__main__":
    sys.exit(cli())
