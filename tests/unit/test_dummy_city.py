"""Adding a city: one new file in bot/contract/cities makes it a city everywhere a person meets it.

docs/contract.md ("Adding a city") says the city's file is the only one to
write (then ``make generate`` for the NLU lookup). This test writes a dummy
city, Lahti, into a copy of the cities folder and runs the product's code in
a subprocess with ``DIGIPOINT_CITIES_DIR`` pointing at it. With no other file
changed, a person must get:

- Lahti among the ``utter_ask_city`` buttons, named in each language (the
  Swedish button says "Lahtis") and sending the slot value "Lahti";
- Lahti in the list of served cities when they type a place DigiPoint does
  not serve, in each language's own form ("Lahdessa" in Finnish);
- "Lahdessa" typed as a city answer taken as Lahti;
- the Lahti city page, in Finnish, with "Lahdessa" in its lead sentence;
- a suggestion's reason and the coach's summary line saying "Lahdessa".
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.contract.cities import CITIES_DIR, CITIES_DIR_ENV

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json
from bot.contract.city_texts import city_buttons, served_cities
from bot.guidance.answers import parse_city
from bot.i18n import t

result = {lang: {"buttons": city_buttons(lang), **served_cities(lang)} for lang in ("fi", "sv", "en")}
result["unserved_fi"] = t("goals.unserved_city", "fi", place="Oulu", **served_cities("fi"))
result["typed"] = parse_city("asun Lahdessa")

from fastapi.testclient import TestClient
from bot.web.app import create_app

page = TestClient(create_app(), raise_server_exceptions=False).get("/lahti/fi/")
result["page_status"] = page.status_code
result["page_text"] = page.text

from bot.guidance.explain import _reason_text
from bot.guidance.ranking import Reason
result["reason_fi"] = _reason_text(Reason("in_city", "Lahti"), "fi")

from bot.summaries.service import render_summary
result["summary_fi"] = render_summary({"city": "Lahti"}, "fi")
print(json.dumps(result))
"""


def _lahti(folder: Path) -> None:
    text = (folder / "turku.yml").read_text(encoding="utf-8")
    for old, new in [
        ("value: Turku", "value: Lahti"),
        ("slug: turku", "slug: lahti"),
        ("'853'", "'398'"),
        ("name: {en: Turku, fi: Turku, sv: Åbo}", "name: {en: Lahti, fi: Lahti, sv: Lahtis}"),
        ("locative: {en: in Turku, fi: Turussa, sv: i Åbo}",
         "locative: {en: in Lahti, fi: Lahdessa, sv: i Lahtis}"),
        ("nlu_forms: [Turussa, Turkuun, Turusta, Turun, Åbo, Abo]",
         "nlu_forms: [Lahdessa, Lahteen, Lahden, Lahtis]"),
        ("tokens: [abo, tku, turkuu]", "tokens: [lahtis]"),
        ("prefixes: [turku, turus, turun]", "prefixes: [lahti, lahde, lahte]"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    text = re.sub(r"^order: \d+$", "order: 5", text, flags=re.M)
    (folder / "lahti.yml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("contract") / "cities"
    shutil.copytree(CITIES_DIR, folder)
    _lahti(folder)
    env = {**os.environ, CITIES_DIR_ENV: str(folder), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("language", "title"), [("fi", "Lahti"), ("sv", "Lahtis"), ("en", "Lahti")])
def test_the_city_buttons_offer_the_new_city(probe: dict, language: str, title: str) -> None:
    buttons = probe[language]["buttons"]
    assert buttons[-1] == {"title": title, "payload": '/inform{"answer":"Lahti"}'}
    assert len(buttons) == 5


def test_the_served_cities_are_named_with_the_new_one(probe: dict) -> None:
    assert probe["fi"]["cities_in"] == "Turussa, Espoossa, Helsingissä, Vantaalla ja Lahdessa"
    assert probe["sv"]["cities"] == "Åbo, Esbo, Helsingfors, Vanda och Lahtis"
    assert probe["en"]["cities"] == "Turku, Espoo, Helsinki, Vantaa and Lahti"
    assert "Vantaalla ja Lahdessa, eivät paikkakunnalla Oulu" in probe["unserved_fi"]


def test_a_typed_answer_names_the_new_city(probe: dict) -> None:
    assert probe["typed"] == "Lahti"


def test_the_new_city_has_its_page_and_its_place_in_sentences(probe: dict) -> None:
    assert probe["page_status"] == 200
    assert "Lahdessa?" in probe["page_text"]
    assert "Lahdessa" in probe["reason_fi"]
    assert "Lahdessa" in probe["summary_fi"]
