"""bot/contract/values.yml and the served cities are the one source of the answer values.

The catalogue (bot.catalogue.models), the conversation (bot.guidance.vocabulary)
and the typed-answer parser read the same lists; a broken values file is named.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.catalogue import models
from bot.contract import ContractError
from bot.contract.cities import CITIES_DIR, city_contract, load_cities
from bot.contract.values import VALUES_PATH, load_values, value_contract
from bot.guidance import vocabulary
from bot.guidance.answers import parse_city


def test_catalogue_and_conversation_read_the_same_values() -> None:
    values = value_contract()
    assert models.FIELDS == vocabulary.FIELDS == values.fields
    assert vocabulary.GOAL_TYPES == values.goal_types == ("job", "study", "both", "unsure")
    assert vocabulary.TIMEFRAMES == values.timeframes == ("now", "3_months", "this_year", "unsure")
    assert models.EDUCATION_LEVELS == values.catalogue_education_levels
    assert models.EDUCATION_LEVELS == ("basic", "secondary", "bachelor", "master")
    assert vocabulary.EDUCATION_LEVELS == (*models.EDUCATION_LEVELS, "other")
    assert vocabulary.CANONICAL["field"] == (*values.fields, vocabulary.UNSURE)


def test_catalogue_and_conversation_serve_the_cities_of_the_city_files() -> None:
    cities = city_contract()
    served = tuple(city.value for city in cities.cities)
    assert models.MUNICIPALITIES == vocabulary.CITIES == served
    assert set(served) == {"Turku", "Espoo", "Helsinki", "Vantaa"}
    assert vocabulary.ONLINE == cities.online_value
    assert set(vocabulary.CITY_ALIASES) == set(vocabulary.CITY_PREFIXES) == set(served)


@pytest.mark.parametrize(
    ("text", "city"),
    [("asun Espoossa", "Espoo"), ("stadissa", "Helsinki"), ("Åbo", "Turku"), ("Tikkurila", "Vantaa")],
)
def test_typed_answers_use_the_city_files_words(text: str, city: str) -> None:
    assert parse_city(text) == city


def test_a_city_given_new_typed_words_is_parsed_with_them(tmp_path: Path) -> None:
    folder = tmp_path / "cities"
    shutil.copytree(CITIES_DIR, folder)
    path = folder / "turku.yml"
    path.write_text(path.read_text("utf-8").replace("tokens: [abo,", "tokens: [kupittaa, abo,"), "utf-8")
    turku = next(city for city in load_cities(folder).cities if city.value == "Turku")
    assert turku.typed_tokens[0] == "kupittaa"


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        ("timeframes: [now,", "timeframes: [Now,", "timeframes"),
        ("fields: [software, data,", "fields: [software, software,", "twice"),
        ("conversation_only: [other]", "conversation_only: [master]", "both catalogue and"),
        ("  catalogue: [basic", "  stored: [basic", "education_levels.catalogue"),
        ("goal_types: [job,", "goal_types: [[job,", "not valid YAML"),
    ],
)
def test_a_broken_values_file_is_named(tmp_path: Path, old: str, new: str, names: str) -> None:
    path = tmp_path / "values.yml"
    text = VALUES_PATH.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ContractError) as error:
        load_values(path)
    assert str(path) in str(error.value)
    assert names in str(error.value)


def test_a_missing_values_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ContractError, match="values.yml: cannot read"):
        load_values(tmp_path / "values.yml")


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        ("prefixes: [turku,", "prefixes: [Turku,", "typed_answer.prefixes"),
        ("prefixes: [turku, turus, turun]", "prefixes: []", "at least one"),
        ("  prefixes: [turku, turus, turun]\n", "", "typed_answer.prefixes"),
    ],
)
def test_a_broken_typed_answer_is_named(tmp_path: Path, old: str, new: str, names: str) -> None:
    folder = tmp_path / "cities"
    shutil.copytree(CITIES_DIR, folder)
    path = folder / "turku.yml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    with pytest.raises(ContractError) as error:
        load_cities(folder)
    assert "turku.yml" in str(error.value) and names in str(error.value)
