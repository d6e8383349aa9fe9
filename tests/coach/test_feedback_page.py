"""The dashboard's feedback page: counts per city, own city only for a coach, every city for an admin."""

from __future__ import annotations

import re
from datetime import date

from bot.feedback.store import record
from bot.feedback.taps import Tap
from tests.catalogue_helpers import load_fixed_catalogue
from tests.coach.conftest import CoachEnv

DAY = date(2026, 12, 2)


def _answers(coach_env: CoachEnv) -> None:
    session = coach_env.session
    load_fixed_catalogue(session)
    for city, tap in [
        ("Espoo", Tap("suggestion", "course:1", True)),
        ("Espoo", Tap("suggestion", "course:1", True)),
        ("Espoo", Tap("suggestion", "job:1", False)),
        ("Espoo", Tap("chat", "", True)),
        ("Espoo", Tap("chat", "", False)),
        ("Espoo", Tap("handoff", "", True)),
        ("Turku", Tap("chat", "", False)),
        ("Turku", Tap("suggestion", "job:999", True)),
    ]:
        record(session, tap, city, DAY)
    record(session, Tap("chat", "", True), "Espoo", date(2026, 11, 1))
    session.commit()


def _cells(html: str, testid: str) -> list[list[str]]:
    table = re.search(rf'<table data-testid="{testid}">(.*?)</table>', html, re.S)
    assert table, testid
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in rows[1:]]


def test_a_coach_sees_their_city_counts_per_kind_and_the_top_suggestions(coach_env: CoachEnv) -> None:
    coach_env.account("coach@espoo.fi", city="Espoo")
    _answers(coach_env)
    coach_env.login("coach@espoo.fi")
    page = coach_env.client.get("/coach/feedback?lang=en")
    assert page.status_code == 200
    assert _cells(page.text, "targets-espoo") == [
        ["Suggestions (courses and jobs)", "2", "1", "67 %"],
        ["The whole chat", "2", "1", "67 %"],
        ["The coach&#39;s help", "1", "0", "100 %"],
    ]
    assert _cells(page.text, "top-espoo") == [["Course 1", "2", "0", "100 %"], ["Job 1", "0", "1", "0 %"]]
    assert "Turku" not in page.text.split("<main", 1)[1].replace("(Turku)", "")
    assert '/coach/feedback">' in coach_env.client.get("/coach/").text


def test_since_counts_only_later_answers_and_a_bad_date_is_said_and_ignored(coach_env: CoachEnv) -> None:
    coach_env.account("coach@espoo.fi", city="Espoo")
    _answers(coach_env)
    coach_env.login("coach@espoo.fi")
    later = coach_env.client.get("/coach/feedback?lang=en&since=2026-12-01").text
    assert _cells(later, "targets-espoo")[1] == ["The whole chat", "1", "1", "50 %"]
    bad = coach_env.client.get("/coach/feedback?lang=en&since=yesterday").text
    assert "That date was not valid" in bad and 'aria-invalid="true"' in bad
    assert _cells(bad, "targets-espoo")[1] == ["The whole chat", "2", "1", "67 %"]


def test_an_admin_sees_every_city_own_first_in_finnish_and_swedish(coach_env: CoachEnv) -> None:
    coach_env.account("admin@vantaa.fi", city="Vantaa", role="admin")
    _answers(coach_env)
    coach_env.login("admin@vantaa.fi")
    fi = coach_env.client.get("/coach/feedback?lang=fi").text
    assert re.findall(r'<h2 id="city-[a-z]+">(.*?)</h2>', fi) == ["Vantaa", "Espoo", "Turku"]
    assert _cells(fi, "targets-vantaa")[0] == ["Ehdotukset (kurssit ja työpaikat)", "0", "0", "–"]
    assert _cells(fi, "top-turku") == [["Ei enää luettelossa", "1", "0", "100 %"]]
    assert "Ohjaajan apu" in fi and "Palaute" in fi
    sv = coach_env.client.get("/coach/feedback?lang=sv").text
    assert "Handledarens hjälp" in sv and '<html lang="sv">' in sv


def test_the_page_needs_a_login(coach_env: CoachEnv) -> None:
    response = coach_env.client.get("/coach/feedback", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].endswith("/coach/login")
