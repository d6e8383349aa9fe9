"""The widget's panel takes its writing direction from the locale registry (issue 14).

What a person sees: in a right-to-left language (Arabic, later) the chat box
is laid out right to left, and switching back to Finnish turns it back. The
test builds widget/src/locales.js and strings.js from a copy of the registry in which Swedish
is written right to left (scripts/widget_locales.py, as the build does), then
runs the widget's own labelDom (widget/src/dom.js) in Node on a stand-in DOM.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.locale.registry import LOCALES_PATH

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "widget" / "src"
NODE = shutil.which("node")

DRIVER = """
import { labelDom } from "./dom.js";
const element = () => {
  const attributes = {};
  return { attributes, hidden: true, dataset: {}, textContent: "", value: "",
    setAttribute(name, value) { attributes[name] = String(value); }, querySelectorAll: () => [] };
};
const r = new Proxy({}, { get: (refs, name) => (refs[name] ??= element()) });
const seen = {};
for (const language of process.argv.slice(2)) {
  labelDom(r, language, { title: "DigiPoint" });
  const attrs = r.root.attributes;
  seen[language] = { lang: attrs.lang, dir: attrs.dir, launcher: r.launcherText.textContent };
}
console.log(JSON.stringify(seen));
"""


def _panel_attributes(tmp_path: Path, locales_file: Path, *languages: str) -> dict[str, dict[str, str]]:
    """``{language: {"lang", "dir", "launcher"}}`` of the widget's root after labelDom, per language."""
    work = tmp_path / "widget"
    work.mkdir()
    for name in ("dom.js", "i18n.js"):
        shutil.copy(SRC / name, work / name)
    env = {**os.environ, "DIGIPOINT_LOCALES_FILE": str(locales_file)}
    for script, target in (("widget_locales", "locales.js"), ("widget_strings", "strings.js")):
        render = f"import {script}; print({script}.render(), end='')"
        generated = subprocess.run([sys.executable, "-c", render], cwd=ROOT / "scripts", env=env,
                                   capture_output=True, text=True, check=True).stdout
        (work / target).write_text(generated, encoding="utf-8")
    (work / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    (work / "driver.js").write_text(DRIVER, encoding="utf-8")
    done = subprocess.run(
        [NODE, "driver.js", *languages], cwd=work, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(NODE is None, reason="Node.js is needed to run the widget's code")
def test_a_right_to_left_locale_turns_the_widget_panel_around(tmp_path: Path) -> None:
    rtl = tmp_path / "locales.yml"
    rtl.write_text(LOCALES_PATH.read_text(encoding="utf-8").replace(
        "code: sv\n    name: Svenska\n    direction: ltr", "code: sv\n    name: Svenska\n    direction: rtl"
    ), encoding="utf-8")
    seen = _panel_attributes(tmp_path, rtl, "sv", "fi")
    assert seen["sv"] == {"lang": "sv", "dir": "rtl", "launcher": "Chatt"}
    assert seen["fi"]["dir"] == "ltr" and seen["fi"]["lang"] == "fi"  # switching back turns it back


@pytest.mark.skipif(NODE is None, reason="Node.js is needed to run the widget's code")
def test_the_shipped_languages_keep_the_panel_left_to_right(tmp_path: Path) -> None:
    seen = _panel_attributes(tmp_path, LOCALES_PATH, "fi", "sv", "en")
    directions = {language: found["dir"] for language, found in seen.items()}
    assert directions == {"fi": "ltr", "sv": "ltr", "en": "ltr"}
