"""widget/src/strings.js is generated from the catalogue (widget.ftl) and committed up to date."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.locale import catalogue

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "widget" / "src"


def _committed_strings() -> dict[str, dict[str, str]]:
    text = (SOURCE / "strings.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("= {") + 2 : text.rindex(";")])


def test_the_committed_widget_strings_match_the_catalogue() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "widget_strings.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_widget_shows_the_catalogue_texts_with_its_own_placeholders() -> None:
    strings = _committed_strings()
    assert strings["sv"]["close"] == catalogue.t("widget.close", "sv") == "Stäng chatten"
    assert strings["fi"]["languageChanged"] == "Kieli: {name}"
    assert strings["en"]["counter"] == "{count} of {max} characters"
    assert set(strings["fi"]) == set(strings["sv"]) == set(strings["en"])


def test_the_widget_reads_its_strings_from_the_generated_file() -> None:
    source = (SOURCE / "i18n.js").read_text(encoding="utf-8")
    assert 'import { STRINGS } from "./strings.js";' in source
    assert "const STRINGS" not in source
