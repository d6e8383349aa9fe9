"""widget/src/locales.js is generated from the locale registry and committed up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_widget_locales_match_the_registry() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "widget_locales.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_widget_reads_its_languages_from_the_generated_file() -> None:
    source = (ROOT / "widget" / "src" / "i18n.js").read_text(encoding="utf-8")
    assert 'from "./locales.js"' in source
    assert "slice(0, 2)" not in source  # no two-letter cut of language tags
