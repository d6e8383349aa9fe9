"""Adding a language: a dummy locale in the registry gets every text, in its own words or by fallback.

docs/languages.md lists the files a new language adds. This test adds only
the registry entry (a copy of bot/locale/locales.yml plus locale ``xx``,
right-to-left, falling back to English, no NLU data) and runs the product's
code in a subprocess with ``DIGIPOINT_LOCALES_FILE`` pointing at it. Before
any text of ``xx`` is written, a person choosing it must still get:

- every message of the catalogue (bot/locale/messages): the English text;
- the demo city page: HTTP 200, ``lang="xx"`` and ``dir="rtl"``, English words;
- the coach dashboard's texts: the English table;
- the widget's string table (scripts/widget_strings.py, run at every
  widget build): an entry for ``xx`` holding the English strings.

The bot's replies in Rasa (rasa_addons/nlg.py) read the same catalogue; that
a language without texts gets the English reply is checked in Rasa's own
environment, in tests/rasa_env/test_nlg.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DUMMY = """  - code: xx
    name: Dummy
    direction: rtl
    fallbacks: [en]
    aliases: []
    decimal: ","
    registers: {}
    capabilities: {lemmatiser: false, esco_labels: false, nlu_data: false}
"""

PROBE = r"""
import json
from bot.locale import catalogue, registry

result = {"codes": list(registry.codes())}
missing = []
for key in catalogue.keys("en"):
    values = {name: "<" + name + ">" for name in catalogue.variables(key, "en")}
    if catalogue.t(key, "xx", **values) != catalogue.t(key, "en", **values):
        missing.append(key)
result["catalogue_not_english"] = missing
result["catalogue_keys"] = len(catalogue.keys("en"))

from fastapi.testclient import TestClient
from bot.web.app import create_app

client = TestClient(create_app(), raise_server_exceptions=False)
english = client.get("/helsinki/en/")
page = client.get("/helsinki/xx/")
result["page_status"] = page.status_code
result["page_head"] = page.text[:600]
def title(html):
    return html.split("<title>")[1].split("</title>")[0] if "<title>" in html else ""
result["english_title"] = title(english.text)
result["page_title"] = title(page.text)

from bot.coach import i18n as coach_i18n

result["coach_same_as_english"] = coach_i18n.text("xx") == coach_i18n.text("en")

import runpy
widget = runpy.run_path("scripts/widget_strings.py", run_name="digipoint_probe")
table = widget["strings"]()
result["widget_has_xx"] = "xx" in table
result["widget_same_as_english"] = table.get("xx") == table["en"]
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> dict:
    locales = tmp_path_factory.mktemp("locales") / "locales.yml"
    shipped = (ROOT / "bot" / "locale" / "locales.yml").read_text(encoding="utf-8")
    locales.write_text(shipped + DUMMY, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "DIGIPOINT_LOCALES_FILE": str(locales),
             "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('db') / 'dummy.db'}"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_dummy_locale_is_in_the_registry(probe: dict) -> None:
    assert probe["codes"] == ["fi", "sv", "en", "xx"]


def test_every_catalogue_message_falls_back_to_english(probe: dict) -> None:
    assert probe["catalogue_keys"] > 100
    assert probe["catalogue_not_english"] == []


def test_the_city_page_opens_in_the_dummy_locale_right_to_left(probe: dict) -> None:
    assert probe["page_status"] == 200, probe["page_head"]
    assert 'lang="xx"' in probe["page_head"] and 'dir="rtl"' in probe["page_head"]
    assert probe["page_title"] == probe["english_title"] != ""


def test_the_coach_dashboard_texts_fall_back_to_english(probe: dict) -> None:
    assert probe["coach_same_as_english"] is True


def test_the_widget_gets_a_string_table_for_the_dummy_locale(probe: dict) -> None:
    """scripts/widget_strings.py (run at every widget build) gives xx the English strings."""
    assert probe["widget_has_xx"] is True
    assert probe["widget_same_as_english"] is True
