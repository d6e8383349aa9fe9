"""The importer CLI end to end on the fixture directories: report, re-run, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue.importers.__main__ import main
from tests.importers.conftest import FIXTURES


def test_each_importer_runs_from_fixtures_and_a_rerun_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    state = str(tmp_path / "state.json")
    runs = [
        ["esco", "--fixtures", str(FIXTURES / "esco"), "--create-tables"],
        ["studyinfo", "--fixtures", str(FIXTURES / "studyinfo")],
        ["jobmarket", "--fixtures", str(FIXTURES / "jobmarket"), "--state", state, "--full"],
    ]
    firsts = []
    for argv in runs:
        assert main([*argv, "--database-url", url, "--no-progress"]) == 0
        firsts.append(capsys.readouterr().out)
    assert "added: 16 " in firsts[0] and "added: 5 " in firsts[1] and "hidden: 2" in firsts[2]
    assert "skipped studyinfo:1.2.246.562.17.00000000000000010007: not a digital-industries" in firsts[1]
    for argv in runs:
        assert main([*argv, "--database-url", url, "--no-progress"]) == 0
        out = capsys.readouterr().out
        assert "added: 0 updated: 0 " in out


def test_jobmarket_without_a_key_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("JOBMARKET_SUBSCRIPTION_KEY", raising=False)
    code = main(["jobmarket", "--database-url", f"sqlite:///{tmp_path / 'x.db'}", "--create-tables",
                 "--no-progress", "--state", str(tmp_path / "s.json")])
    assert code == 2
    assert "JOBMARKET_SUBSCRIPTION_KEY is not set" in capsys.readouterr().err
