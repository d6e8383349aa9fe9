"""The city files of bot/contract/cities: every reader sees the same cities, a broken file is named."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.catalogue.municipalities import KUNTA_CODES
from bot.config.cities import city_config, known_cities
from bot.contract import ContractError
from bot.contract.cities import CITIES_DIR, load_cities
from bot.web.cities import CITIES


def test_every_reader_sees_the_same_cities() -> None:
    values = [city.value for city in load_cities().cities]
    assert known_cities() == values
    assert [city.slot_value for city in CITIES.values()] == values
    assert {KUNTA_CODES[city.municipality_code] for city in load_cities().cities} == set(values)
    assert KUNTA_CODES["853"] == "Turku" and KUNTA_CODES["398"] == "Lahti"


def test_a_city_file_overrides_the_default_key_by_key() -> None:
    turku = city_config("Turku")
    assert turku.service("fi")["visit"] == "Monitori, Kauppatori"
    assert turku.office_hours()["close"] == "15:30"
    assert turku.office_hours()["timezone"] == "Europe/Helsinki"  # from default.yml


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "cities"
    shutil.copytree(CITIES_DIR, folder)
    return folder


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        ("slug: turku", "slug: åbo", "slug"),
        ("municipality_code: '853'", "municipality_code: 853", "municipality_code"),
        ("primary: '#a3162b'", "primary: red", "brand.primary"),
        ("municipality_code: '853'", "municipality_code: '091'", "also helsinki.yml"),
        ("value: Turku", "value: [Turku", "not valid YAML"),
    ],
)
def test_a_broken_city_file_is_named(tmp_path: Path, old: str, new: str, names: str) -> None:
    folder = _copy(tmp_path)
    path = folder / "turku.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(ContractError) as error:
        load_cities(folder)
    assert "turku.yml" in str(error.value)
    assert names in str(error.value)


def test_a_new_city_file_is_a_new_city(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    text = (folder / "turku.yml").read_text(encoding="utf-8")
    text = text.replace("slug: turku", "slug: lahti").replace("value: Turku", "value: Lahti")
    text = re.sub(r"^order: \d+$", "order: 5", text.replace("'853'", "'398'"), flags=re.M)
    (folder / "lahti.yml").write_text(text, encoding="utf-8")
    assert [city.value for city in load_cities(folder).cities][-1] == "Lahti"
