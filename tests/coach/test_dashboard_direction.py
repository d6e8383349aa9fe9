"""The coach dashboard's pages carry the locale's writing direction (bot/locale/locales.yml).

What a coach sees: a dashboard in a right-to-left language (Arabic, later)
is laid out right to left; Finnish, Swedish and English stay left to right.
"""

from __future__ import annotations

import re

import pytest

from tests.coach.conftest import CoachEnv

HTML = re.compile(r'<html lang="([^"]+)"(?: dir="([^"]+)")?>')  # no dir: left to right, the HTML default


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_shipped_languages_are_left_to_right(coach_env: CoachEnv, lang: str) -> None:
    found = HTML.search(coach_env.client.get(f"/coach/login?lang={lang}").text)
    assert found is not None and found.groups() == (lang, None)


def test_a_right_to_left_locale_turns_the_dashboard_around(
    coach_env: CoachEnv, swedish_right_to_left: None
) -> None:
    found = HTML.search(coach_env.client.get("/coach/login?lang=sv").text)
    assert found is not None and found.groups() == ("sv", "rtl")
    found = HTML.search(coach_env.client.get("/coach/login?lang=fi").text)
    assert found is not None and found.groups() == ("fi", None)
