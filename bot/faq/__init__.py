"""A small FAQ the city can edit: short factual answers picked by keywords.

The answers live in ``bot/faq/faq.yml`` (every answer in every language);
``bot/faq/cities/<city>.yml`` may replace single answers for one city
(``answers: {key: {fi: ...}}``). :func:`answer` picks the entry whose
keywords (folded word beginnings: "ilmai" matches "ilmaiseksi") occur most
often in the question; no match gives the ``general`` entry, which points
to the coach.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.guidance.answers import fold, normalise
from bot.i18n import normalise_language

FAQ_FILE = Path(__file__).with_name("faq.yml")
CITY_DIR = Path(__file__).with_name("cities")
GENERAL = "general"


@dataclass(frozen=True)
class FaqAnswer:
    """The chosen entry and its text in the conversation language."""

    key: str
    text: str


@lru_cache(maxsize=16)
def _entries(faq_file: Path = FAQ_FILE) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(faq_file.read_text(encoding="utf-8")) or {}
    return dict(data.get("entries") or {})


@lru_cache(maxsize=16)
def _city_overrides(city: str, city_dir: Path = CITY_DIR) -> dict[str, dict[str, str]]:
    path = city_dir / f"{fold(city).strip()}.yml"
    if not city or not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {key: dict(value) for key, value in (data.get("answers") or {}).items()}


def _score(question: str, keywords: list[str]) -> int:
    text = f" {question}"
    return sum(1 for keyword in keywords if f" {normalise(keyword)}" in text)


def pick(question: object, faq_file: Path = FAQ_FILE) -> str:
    """The key of the entry that best fits ``question`` (``general`` when none does)."""
    text = normalise(question)
    best, best_score = GENERAL, 0
    for key, entry in _entries(faq_file).items():
        score = _score(text, [str(k) for k in entry.get("keywords") or []])
        if score > best_score:
            best, best_score = key, score
    return best


def answer(
    question: object,
    language: str | None,
    city: str | None = None,
    faq_file: Path = FAQ_FILE,
    city_dir: Path = CITY_DIR,
) -> FaqAnswer:
    """The FAQ answer to ``question`` in ``language`` (English fallback), with the city's override."""
    lang = normalise_language(language)
    key = pick(question, faq_file)
    texts: dict[str, str] = dict(_entries(faq_file)[key]["answer"])
    if city:
        texts.update(_city_overrides(city, city_dir).get(key, {}))
    return FaqAnswer(key=key, text=texts.get(lang) or texts["en"])
