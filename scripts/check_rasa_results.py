"""Fail the test run when Rasa's evaluation is empty or below the bar.

Usage: ``python scripts/check_rasa_results.py results``

Reads what ``rasa test core --successes`` and ``rasa test nlu`` wrote:

- ``results/core/successful_test_stories.yml`` and
  ``failed_test_stories.yml``: fails when zero stories were evaluated or any
  failed;
- ``results/nlu_<lang>/intent_report.json`` (scikit-learn's
  classification_report as JSON): fails when a language's intent macro-F1
  is below 0.90 (issue 6); entity reports are printed for the record.

It also writes ``results/nlu_scores.md``: the per-language table of that run
(intent macro-F1, intent accuracy, entity F1, held-out examples), the one
docs/nlu-pipeline.md quotes.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

MIN_INTENT_MACRO_F1 = 0.90
LANGUAGES = ("en", "fi", "sv")


def count_stories(path: Path) -> int:
    """Number of stories in a Rasa story file (0 when absent or empty)."""
    if not path.exists():
        return 0
    content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return len(content.get("stories") or [])


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


def main(results: Path) -> int:
    """Print the figures; return the process exit code (0 = all good)."""
    problems: list[str] = []
    passed = count_stories(results / "core" / "successful_test_stories.yml")
    failed = count_stories(results / "core" / "failed_test_stories.yml")
    print(f"Test stories: {passed} passed, {failed} failed")
    if passed + failed == 0:
        problems.append("Rasa evaluated zero test stories")
    if failed:
        problems.append(f"{failed} test stories failed")

    print(f"{'language':<10}{'intent macro-F1':>17}{'entity F1 (micro)':>19}")
    rows: list[tuple[str, int, float, float, str]] = []
    for lang in LANGUAGES:
        report_dir = results / f"nlu_{lang}"
        intent_report = report_dir / "intent_report.json"
        if not intent_report.exists():
            problems.append(f"no NLU results for {lang}")
            continue
        report = json.loads(intent_report.read_text())
        macro_f1 = report["macro avg"]["f1-score"]
        entity_f1 = "-"
        for entity_report in sorted(report_dir.glob("*Extractor_report.json")):
            micro = json.loads(entity_report.read_text()).get("micro avg", {})
            entity_f1 = f"{micro.get('f1-score', 0.0):.3f}"
        print(f"{lang:<10}{macro_f1:>17.3f}{entity_f1:>19}")
        examples = int(report["macro avg"]["support"])
        rows.append((lang, examples, macro_f1, report.get("accuracy", 0.0), entity_f1))
        if macro_f1 < MIN_INTENT_MACRO_F1:
            problems.append(f"{lang}: intent macro-F1 {macro_f1:.3f} < {MIN_INTENT_MACRO_F1}")

    if rows:
        (results / "nlu_scores.md").write_text(scores_table(rows), encoding="utf-8")
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "results")))
