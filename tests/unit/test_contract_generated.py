"""The Rasa files generated from bot/contract match the committed ones, and a broken table is named.

Fails when someone edits data/rules/form_*.yml or a form slot's not_intent
list in domain.yml by hand (or edits bot/contract without `make generate`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.contract import ContractError
from bot.contract.forms import FORMS_PATH, load_forms

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "generate_contract.py"


def test_committed_files_are_what_the_contract_generates() -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, f"generated files differ, run `make generate`:\n{run.stdout}\n{run.stderr}"


def test_every_form_has_the_digressions_and_resumes() -> None:
    contract = load_forms()
    for form in ("goal_form", "confidence_form", "interest_form", "next_steps_form"):
        rules = yaml.safe_load((ROOT / "data" / "rules" / contract.forms[form].rules_file).read_text())[
            "rules"
        ]
        by_intent = {rule["steps"][0]["intent"]: rule["steps"] for rule in rules}
        assert by_intent["ask_privacy"][-2:] == [{"action": form}, {"active_loop": form}]
        assert by_intent["restart"][-2:] == [{"action": "goal_form"}, {"active_loop": "goal_form"}]
        assert ("give_resume_code" in by_intent) == (form == "goal_form")


def test_slots_that_judge_their_own_text_accept_it() -> None:
    contract = load_forms()
    assert "out_of_scope" not in contract.not_intent("city")
    assert "out_of_scope" in contract.not_intent("timeframe")
    assert "give_resume_code" in contract.not_intent("goal_type")
    assert "give_resume_code" not in contract.not_intent("se_1")
    assert contract.not_intent("contact_consent")[:2] == ["affirm", "deny"]


@pytest.mark.parametrize(
    ("broken", "names"),
    [
        ("forms: [\n", "not valid YAML"),
        ("rules_header: x\nstart_form: goal_form\nforms: {}\ndigressions: []\n", "'not_intent' is missing"),
        (
            FORMS_PATH.read_text().replace("not_intent: base\n    extra", "not_intent: basic\n    extra"),
            "basic",
        ),
        (FORMS_PATH.read_text().replace("forms: [goal_form]", "forms: [goal_from]"), "goal_from"),
    ],
)
def test_a_broken_table_is_named_in_the_error(tmp_path: Path, broken: str, names: str) -> None:
    path = tmp_path / "forms.yml"
    path.write_text(broken)
    with pytest.raises(ContractError) as error:
        load_forms(path)
    assert str(error.value).startswith(str(path))
    assert names in str(error.value)


def test_a_missing_table_is_named(tmp_path: Path) -> None:
    with pytest.raises(ContractError, match="forms.yml"):
        load_forms(tmp_path / "forms.yml")
