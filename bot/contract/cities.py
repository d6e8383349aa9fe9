"""Load ``bot/contract/cities/*.yml``: the served cities and the default contacts.

One file per served city (``<slug>.yml``) plus ``default.yml``. A city file
holds its slot value, URL slug, display order, Statistics Finland
municipality code, names, "in <city>" phrases (``locative``) and organisation
names per language, brand colours,
the forms people type for it (NLU), the words the typed-answer parser takes
for it (``typed_answer``) and its contacts, which override ``default.yml``
key by key (merged by :mod:`bot.config.cities`). ``default.yml`` holds the
contacts used where a city gives none and the forms of the slot value
``online``. Readers: :mod:`bot.config.cities` (contacts), :mod:`bot.web.cities`
(pages), :mod:`bot.catalogue.municipalities` (codes),
:mod:`bot.catalogue.models` (``MUNICIPALITIES``), :mod:`bot.guidance.vocabulary`
(``CITIES``, ``CITY_ALIASES``, ``CITY_PREFIXES``), ``scripts/generate_contract.py``
(``data/nlu/cities.yml``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.contract import CONTRACT_DIR, ContractError, read_mapping

CITIES_DIR = CONTRACT_DIR / "cities"
DEFAULT_FILE = "default.yml"

#: Keys of a city file that are not contacts (the rest is merged over default.yml).
CITY_KEYS = (
    "value",
    "slug",
    "order",
    "municipality_code",
    "organisation",
    "locative",
    "brand",
    "nlu_forms",
    "typed_answer",
)
_COLOUR = re.compile(r"^#[0-9a-f]{6}$")
_CODE = re.compile(r"^[0-9]{3}$")
_FOLDED = re.compile(r"^[a-z0-9][a-z0-9 -]*$")


@dataclass(frozen=True)
class ContractCity:
    """One served city.

    Attributes:
        value: the city slot's canonical value ("Turku"); also the catalogue's municipality name.
        slug: URL segment of the demo page and the file's name ("turku").
        order: position in lists (pages, known_cities), 1 first.
        municipality_code: Statistics Finland kunta code, 3 digits ("853").
        name: the city's name per language ({"fi": "Turku", "sv": "Åbo", ...}).
        organisation: "City of X" per language.
        locative: the city as a place in a sentence per language ({"fi": "Turussa",
            "en": "in Turku", "sv": "i Åbo"}): Finnish inflects the name, the others
            put a preposition before it.
        primary: brand colour "#rrggbb" (white text on it reaches 4.5:1).
        tint: light page colour "#rrggbb" (dark text on it reaches 4.5:1).
        nlu_forms: other forms people type ("Turussa", "Åbo"), for the NLU synonyms.
        typed_tokens: folded whole words the typed-answer parser takes for the city
            ("abo", "tku"; districts such as "pasila"), may be empty.
        typed_prefixes: folded word starts it takes ("turus" for Turussa), at least one.
        contacts: the file's contact entries (name, employment_service, office_hours, ...),
            not merged with the default.
    """

    value: str
    slug: str
    order: int
    municipality_code: str
    name: dict[str, str]
    organisation: dict[str, str]
    locative: dict[str, str]
    primary: str
    tint: str
    nlu_forms: tuple[str, ...]
    typed_tokens: tuple[str, ...]
    typed_prefixes: tuple[str, ...]
    contacts: dict[str, Any]


@dataclass(frozen=True)
class CityContract:
    """All city files: ``cities`` in ``order``, the default contacts, the ``online`` forms."""

    cities: tuple[ContractCity, ...]
    default_contacts: dict[str, Any]
    online_value: str
    online_forms: tuple[str, ...]


def _read(path: Path) -> dict[str, Any]:
    return read_mapping(path, "the city file")


def _texts(value: Any, key: str, path: Path) -> dict[str, str]:
    if not isinstance(value, dict) or not value or not all(isinstance(v, str) and v for v in value.values()):
        raise ContractError(f"{path}: {key} must map languages to texts, got {value!r}")
    return {str(lang): text for lang, text in value.items()}


def _forms(value: Any, key: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ContractError(f"{path}: {key} must be a list of texts, got {value!r}")
    return tuple(value)


def _folded(value: Any, key: str, path: Path) -> tuple[str, ...]:
    forms = _forms(value, key, path)
    wrong = [form for form in forms if not _FOLDED.match(form)]
    if wrong:
        raise ContractError(f"{path}: {key} must be folded (lower case, a for ä/å, o for ö), got {wrong}")
    return forms


def _city(path: Path) -> ContractCity:
    raw = _read(path)
    missing = [key for key in (*CITY_KEYS, "name") if key not in raw]
    if missing:
        raise ContractError(f"{path}: missing keys {missing}")
    if raw["slug"] != path.stem:
        raise ContractError(f"{path}: slug {raw['slug']!r} must be the file's name {path.stem!r}")
    code = raw["municipality_code"]
    if not isinstance(code, str) or not _CODE.match(code):  # unquoted 091 would be the number 91
        raise ContractError(
            f"{path}: municipality_code must be 3 digits as a string, got {raw['municipality_code']!r}"
        )
    brand = raw["brand"] if isinstance(raw["brand"], dict) else {}
    for key in ("primary", "tint"):
        if not _COLOUR.match(str(brand.get(key, ""))):
            raise ContractError(
                f"{path}: brand.{key} must be a colour #rrggbb (lower case), got {brand.get(key)!r}"
            )
    typed = raw["typed_answer"] if isinstance(raw["typed_answer"], dict) else {}
    prefixes = _folded(typed.get("prefixes"), "typed_answer.prefixes", path)
    if not prefixes:
        raise ContractError(f"{path}: typed_answer.prefixes must name at least one word start")
    if not isinstance(raw["order"], int):
        raise ContractError(f"{path}: order must be a whole number, got {raw['order']!r}")
    return ContractCity(
        value=str(raw["value"]),
        slug=path.stem,
        order=raw["order"],
        municipality_code=code,
        name=_texts(raw["name"], "name", path),
        organisation=_texts(raw["organisation"], "organisation", path),
        locative=_texts(raw["locative"], "locative", path),
        primary=brand["primary"],
        tint=brand["tint"],
        nlu_forms=_forms(raw["nlu_forms"], "nlu_forms", path),
        typed_tokens=_folded(typed.get("tokens"), "typed_answer.tokens", path),
        typed_prefixes=prefixes,
        contacts={key: value for key, value in raw.items() if key not in CITY_KEYS},
    )


def load_cities(folder: Path = CITIES_DIR) -> CityContract:
    """Read and check every city file of ``folder``.

    Raises:
        ContractError: a file is missing, not YAML or lacks a key; a slug is
            not its file's name; a code or colour is malformed; two cities share
            a value, slug, code or order. The message names the file.
    """
    default_path = folder / DEFAULT_FILE
    default = _read(default_path)
    online = default.pop("online", None)
    if not isinstance(online, dict) or "value" not in online:
        raise ContractError(f"{default_path}: online: must give value and nlu_forms")
    cities = [_city(path) for path in sorted(folder.glob("*.yml")) if path.name != DEFAULT_FILE]
    if not cities:
        raise ContractError(f"{folder}: no city files (<slug>.yml)")
    for field in ("value", "slug", "municipality_code", "order"):
        seen: dict[Any, str] = {}
        for city in cities:
            key = getattr(city, field)
            if key in seen:
                raise ContractError(
                    f"{folder / (city.slug + '.yml')}: {field} {key!r} is also {seen[key]}.yml's"
                )
            seen[key] = city.slug
    return CityContract(
        cities=tuple(sorted(cities, key=lambda city: city.order)),
        default_contacts=default,
        online_value=str(online["value"]),
        online_forms=_forms(online.get("nlu_forms"), "online.nlu_forms", default_path),
    )


#: Environment variable naming another cities folder (a deployment's own, or a test's).
CITIES_DIR_ENV = "DIGIPOINT_CITIES_DIR"


@lru_cache(maxsize=1)
def city_contract() -> CityContract:
    """:func:`load_cities` of ``$DIGIPOINT_CITIES_DIR`` or the shipped folder, read once per process."""
    override = os.environ.get(CITIES_DIR_ENV, "").strip()
    return load_cities(Path(override) if override else CITIES_DIR)
