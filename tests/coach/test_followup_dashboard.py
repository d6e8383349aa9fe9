"""The dashboard's agreed-steps counts (own city, no names) and the steps of one approved summary."""

from __future__ import annotations

import re
from datetime import date

from bot.followup import store
from bot.followup.store import PlannedStep
from tests.coach.conftest import CoachEnv


def _steps(
    env: CoachEnv, cid: str, summary_id: int, city: str = "Turku", *, email: str | None = None
) -> None:
    store.save_steps(
        env.session,
        cid,
        [
            PlannedStep("cv", "Päivitä ansioluetteloni", date(2026, 12, 9)),
            PlannedStep("coach", "Juttele ohjaajan kanssa"),
        ],
        city=city,
        language="fi",
        summary_id=summary_id,
    )
    store.set_reminder(env.session, cid, email)
    env.session.commit()


def _cells(page: str) -> list[str]:
    table = page[page.index('id="steps-h"') :]
    return re.findall(r"<t[dh][^>]*>([^<]*)</t[dh]>", table)


def test_the_list_counts_agreed_followed_up_and_done_steps_of_the_coachs_city_only(
    coach_env: CoachEnv,
) -> None:
    coach_env.account("coach@turku.fi")
    first = coach_env.summary("turku-1")
    _steps(coach_env, "turku-1", first)
    _steps(coach_env, "turku-private", coach_env.summary("turku-private", consent=False))  # counted, no names
    _steps(coach_env, "espoo-1", coach_env.summary("espoo-1", city="Espoo"), city="Espoo")
    cv, coach = store.open_steps(coach_env.session, "turku-1")
    store.record_answer(coach_env.session, cv.id, "done", "turku-1")
    store.record_answer(coach_env.session, coach.id, "not_yet", "turku-1")
    coach_env.session.commit()
    coach_env.login("coach@turku.fi")
    page = coach_env.client.get("/coach/?lang=en").text
    assert _cells(page)[:8] == ["City", "Agreed", "Followed up", "Done", "Turku", "4", "2", "1"]
    assert "Päivitä ansioluetteloni" not in page  # counts only on the list


def test_an_approved_summary_shows_its_steps_and_status_but_never_the_address(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    sid = coach_env.summary("turku-1")
    _steps(coach_env, "turku-1", sid, email="anna@example.fi")
    cv, _ = store.open_steps(coach_env.session, "turku-1")
    store.record_answer(coach_env.session, cv.id, "done", "turku-1")
    coach_env.session.commit()
    coach_env.login("coach@turku.fi")
    page = coach_env.client.get(f"/coach/summaries/{sid}?lang=fi").text
    steps = page[page.index('id="steps"') : page.index('id="trend"')]
    assert re.findall(r"<td>([^<]*)</td>", steps) == [
        "Päivitä ansioluetteloni",
        "2026-12-09",
        "tehty",
        "Juttele ohjaajan kanssa",
        "–",
        "avoin",
    ]
    assert "anna@example.fi" not in page


def test_steps_of_an_unshared_summary_stay_hidden(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    sid = coach_env.summary("turku-private", consent=False)
    _steps(coach_env, "turku-private", sid)
    coach_env.login("coach@turku.fi")
    assert coach_env.client.get(f"/coach/summaries/{sid}").status_code == 404


def test_no_steps_yet(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    coach_env.login("coach@turku.fi")
    assert "No agreed next steps yet." in coach_env.client.get("/coach/?lang=en").text
