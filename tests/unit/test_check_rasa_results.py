"""scripts/check_rasa_results.py on small fabricated result directories.

Each test writes a committed side (``tests/stories``, ``tests/nlu``) and an
evaluated side shaped like Rasa 3.6's output (``results/core/*.yml``,
``story_report.json``, ``results/nlu_<lang>/intent_report.json``) and checks
the verdict: 0 when every committed story and example was evaluated and
passed, 1 with a FAIL line naming what is missing or miscounted otherwise.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from bot.locale import registry

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_rasa_results.py"
#: Every locale whose registry entry says it has NLU data (bot/locale/locales.yml).
LANGUAGES = registry.codes("nlu_data")


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_rasa_results", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


checker = _load_checker()

STORIES = {
    "version": "3.1",
    "stories": [
        {"story": "greet", "steps": [{"intent": "greet"}, {"action": "utter_greet"}]},
        {
            "story": "thanks or bye",
            "steps": [{"or": [{"intent": "thank"}, {"intent": "goodbye"}]}, {"action": "utter_bye"}],
        },
    ],
}
# "greet" once, "thanks or bye" twice (one conversation per `or` alternative).
EVALUATED_STORIES = ["greet", "thanks or bye", "thanks or bye"]
NLU = {
    "version": "3.1",
    "nlu": [
        {"intent": "greet", "examples": "- hi\n- hello\n- hi\n"},  # the duplicate counts once
        {"intent": "inform", "examples": "- in [Turku](city)\n- [Oulu](city) please\n- data work\n"},
        {"synonym": "Turku", "examples": "- Åbo\n"},
    ],
}
SUPPORT = {"greet": 2, "inform": 3}


def _dump(path: Path, content: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


def _stories_file(names: list[str], source: str = "tests/stories/test_a.yml") -> dict[str, Any]:
    """A story file as Rasa writes it: each name with its source file in brackets."""
    return {"version": "3.1", "stories": [{"story": f"{n} ({source})", "steps": []} for n in names]}


def _intent_report(support: dict[str, int], f1: float = 0.95) -> dict[str, Any]:
    rows: dict[str, Any] = {
        intent: {"precision": f1, "recall": f1, "f1-score": f1, "support": n} for intent, n in support.items()
    }
    total = sum(support.values())
    rows["accuracy"] = f1
    rows["macro avg"] = {"precision": f1, "recall": f1, "f1-score": f1, "support": total}
    rows["weighted avg"] = {"precision": f1, "recall": f1, "f1-score": f1, "support": total}
    return rows


@pytest.fixture()
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    """(tests, results): committed files and Rasa results that agree."""
    tests, results = tmp_path / "tests", tmp_path / "results"
    _dump(tests / "stories" / "test_a.yml", STORIES)
    for lang in LANGUAGES:
        _dump(tests / "nlu" / f"test_nlu_{lang}.yml", NLU)
        _dump(results / f"nlu_{lang}" / "intent_report.json", json.dumps(_intent_report(SUPPORT)))
    _dump(results / "core" / "successful_test_stories.yml", _stories_file(EVALUATED_STORIES))
    _dump(results / "core" / "failed_test_stories.yml", "# None of the test stories failed - all good!")
    report = {"conversation_accuracy": {"accuracy": 1.0, "correct": 3, "with_warnings": 0, "total": 3}}
    _dump(results / "core" / "story_report.json", json.dumps(report))
    return tests, results


def _fails(dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the check, assert it failed, return its FAIL lines."""
    tests, results = dirs
    assert checker.main(results, tests) == 1
    return capsys.readouterr().err


def test_passes_when_every_committed_story_and_example_was_evaluated(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    tests, results = dirs
    assert checker.main(results, tests) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert "Test stories: 3 passed, 0 failed" in out.out
    assert "| fi | 5 | 0.950 | 0.950 | - |" in (results / "nlu_scores.md").read_text()


def test_fails_when_tests_stories_is_missing_and_rasa_tested_training_stories(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    tests, results = dirs
    (tests / "stories" / "test_a.yml").unlink()
    (tests / "stories").rmdir()
    # What Rasa does then: it evaluates data/'s stories, and they pass.
    _dump(results / "core" / "successful_test_stories.yml", _stories_file([f"s{i}" for i in range(40)]))
    report = {"conversation_accuracy": {"accuracy": 1.0, "correct": 40, "with_warnings": 0, "total": 40}}
    _dump(results / "core" / "story_report.json", json.dumps(report))
    err = _fails(dirs, capsys)
    assert f"{tests / 'stories'} is missing: Rasa evaluated 40 stories" in err


def test_fails_when_a_held_out_nlu_file_is_missing(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    tests, results = dirs
    (tests / "nlu" / "test_nlu_fi.yml").unlink()
    # Rasa fell back to the training data: many more examples, all "right".
    fallback = _intent_report({"greet": 300, "inform": 900})
    _dump(results / "nlu_fi" / "intent_report.json", json.dumps(fallback))
    err = _fails(dirs, capsys)
    assert f"{tests / 'nlu' / 'test_nlu_fi.yml'} is missing" in err
    assert "FAIL: en" not in err and "FAIL: sv" not in err


def test_fails_when_fewer_examples_were_evaluated_than_committed(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _tests, results = dirs
    _dump(results / "nlu_sv" / "intent_report.json", json.dumps(_intent_report({"greet": 2, "inform": 2})))
    err = _fails(dirs, capsys)
    assert "sv: Rasa evaluated 4 examples but" in err
    assert "'inform': 3 committed, 2 evaluated" in err


def test_fails_when_another_data_set_of_the_same_size_was_evaluated(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _tests, results = dirs
    _dump(results / "nlu_en" / "intent_report.json", json.dumps(_intent_report({"greet": 1, "affirm": 4})))
    err = _fails(dirs, capsys)
    assert "'affirm': 0 committed, 4 evaluated" in err


def test_fails_when_a_committed_story_was_not_evaluated(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _tests, results = dirs
    _dump(results / "core" / "successful_test_stories.yml", _stories_file(["greet", "thanks or bye"]))
    report = {"conversation_accuracy": {"accuracy": 1.0, "correct": 2, "with_warnings": 0, "total": 2}}
    _dump(results / "core" / "story_report.json", json.dumps(report))
    err = _fails(dirs, capsys)
    assert "Rasa evaluated 2 stories but" in err
    assert "'thanks or bye': 2 committed, 1 evaluated" in err


def test_fails_when_the_evaluated_stories_are_other_stories(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _tests, results = dirs
    _dump(results / "core" / "successful_test_stories.yml", _stories_file(["greet", "a", "b"]))
    assert "are not the ones in" in _fails(dirs, capsys)


def test_fails_when_a_story_failed(dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _tests, results = dirs
    _dump(results / "core" / "successful_test_stories.yml", _stories_file(["thanks or bye", "thanks or bye"]))
    _dump(results / "core" / "failed_test_stories.yml", _stories_file(["greet"]))
    assert "1 test stories failed: greet" in _fails(dirs, capsys)


def test_fails_when_the_story_report_disagrees(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _tests, results = dirs
    report = {"conversation_accuracy": {"accuracy": 1.0, "correct": 7, "with_warnings": 0, "total": 7}}
    _dump(results / "core" / "story_report.json", json.dumps(report))
    assert "counts 7 conversations, the story files 3" in _fails(dirs, capsys)


def test_fails_without_the_successful_stories_file(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _tests, results = dirs
    (results / "core" / "successful_test_stories.yml").unlink()
    assert "successful_test_stories.yml is missing" in _fails(dirs, capsys)


def test_fails_below_the_macro_f1_bar(dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _tests, results = dirs
    _dump(results / "nlu_en" / "intent_report.json", json.dumps(_intent_report(SUPPORT, f1=0.8)))
    assert "en: intent macro-F1 0.800 < 0.9" in _fails(dirs, capsys)


def test_committed_counts() -> None:
    tests_dir = ROOT / "tests"
    counts = checker.committed_examples(tests_dir / "nlu" / "test_nlu_en.yml")
    assert sum(counts.values()) > 50
    assert sum(checker.committed_stories(tests_dir / "stories").values()) >= 30


def test_inputs_only_passes_on_the_committed_tests_and_fails_on_a_missing_file(tmp_path: Path) -> None:
    def run(tests: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(SCRIPT), "--inputs-only", "--tests", str(tests)]
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)

    done = run(ROOT / "tests")
    assert done.returncode == 0, done.stderr
    assert "Committed tests:" in done.stdout
    _dump(tmp_path / "stories" / "test_a.yml", STORIES)
    _dump(tmp_path / "nlu" / "test_nlu_en.yml", NLU)
    _dump(tmp_path / "nlu" / "test_nlu_sv.yml", {"version": "3.1", "nlu": []})
    done = run(tmp_path)
    assert done.returncode == 1
    assert f"FAIL: {tmp_path / 'nlu' / 'test_nlu_fi.yml'} is missing" in done.stderr
    assert f"FAIL: {tmp_path / 'nlu' / 'test_nlu_sv.yml'} has no intent examples" in done.stderr
