"""The coach dashboard's pages carry the locale's writing direction (bot/locale/locales.yml).

What a coach sees: a dashboard in a right-to-left language (Arabic, later)
is laid out right to left; Finnish, Swedish and English stay left to right.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.locale import registry
from bot.locale.registry import LOCALES_PATH, Registry
from tests.coach.conftest import CoachEnv

HTML = re.compile(r'<html lang="([^"]+)"(?: dir="([^"]+)")?>')  # no dir: left to right, the HTML default


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_shipped_languages_are_left_to_right(coach_env: CoachEnv, lang: str) -> None:
    found = HTML.search(coach_env.client.get(f"/coach/login?lang={lang}").text)
    assert found is not None and found.groups() == (lang, None)


def test_a_right_to_left_locale_turns_the_dashboard_around(
    coach_env: CoachEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rtl = tmp_path / "locales.yml"
    rtl.write_text(LOCALES_PATH.read_text(encoding="utf-8").replace(
        "code: sv\n    name: Svenska\n    direction: ltr", "code: sv\n    name: Svenska\n    direction: rtl"
    ), encoding="utf-8")
    monkeypatch.setattr(registry, "shipped", lambda: Registry.from_file(rtl))
    found = HTML.search(coach_env.client.get("/coach/login?lang=sv").text)
    assert found is not None and found.groups() == ("sv", "rtl")
    found = HTML.search(coach_env.client.get("/coach/login?lang=fi").text)
    assert found is not None and found.groups() == ("fi", None)
