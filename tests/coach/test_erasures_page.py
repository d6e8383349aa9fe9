"""The erasure log: city admins read it (fi/sv/en) on the dashboard and in the CLI; coaches get 403."""

from __future__ import annotations

import pytest

from bot.coach.__main__ import main
from bot.privacy import audit
from tests.coach.conftest import CoachEnv


def _rows(coach_env: CoachEnv) -> None:
    audit.record(coach_env.session, "person", "Espoo", 1, {"summaries": 1, "events": 14})
    audit.record(coach_env.session, "retention", "Espoo", 3, {"summaries": 3})
    audit.record(coach_env.session, "retention", "", 2, {"events": 5})
    audit.record(coach_env.session, "admin", "Turku", 1, {"summaries": 9})
    coach_env.session.commit()


def test_admin_sees_own_city_and_cityless_rows_in_three_languages(coach_env: CoachEnv) -> None:
    coach_env.account("admin@espoo.fi", city="Espoo", role="admin")
    _rows(coach_env)
    coach_env.login("admin@espoo.fi")
    page = coach_env.client.get("/coach/admin/erasures?lang=en")
    assert page.status_code == 200
    assert "Erasure log" in page.text and "14 chat events" in page.text and "1 summaries" in page.text
    assert "the person asked in the chat" in page.text and "no city chosen" in page.text
    assert "9 summaries" not in page.text  # Turku's row
    assert page.text.count("<tr>") == 1 + 3 and '<th scope="col">' in page.text
    assert "/coach/admin/erasures\"" in coach_env.client.get("/coach/").text
    fi = coach_env.client.get("/coach/admin/erasures?lang=fi").text
    assert "Poistoloki" in fi and "14 chat-tapahtumaa" in fi and "säilytysaika päättyi" in fi
    sv = coach_env.client.get("/coach/admin/erasures?lang=sv").text
    assert "Raderingslogg" in sv and "14 chatthändelser" in sv and '<html lang="sv">' in sv


def test_coach_without_admin_role_gets_403_and_no_link(coach_env: CoachEnv) -> None:
    coach_env.account("coach@espoo.fi", city="Espoo")
    _rows(coach_env)
    coach_env.login("coach@espoo.fi")
    page = coach_env.client.get("/coach/admin/erasures")
    assert page.status_code == 403 and "14" not in page.text
    assert "/coach/admin/erasures" not in coach_env.client.get("/coach/").text


def test_logged_out_is_sent_to_login(coach_env: CoachEnv) -> None:
    response = coach_env.client.get("/coach/admin/erasures", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].endswith("/coach/login")


def test_cli_lists_erasures(coach_env: CoachEnv, capsys: pytest.CaptureFixture[str]) -> None:
    _rows(coach_env)
    assert main(["erasures"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and "admin" in lines[0] and "Turku" in lines[0] and "summaries=9" in lines[0]
    assert main(["erasures", "--city", "Espoo"]) == 0
    espoo = capsys.readouterr().out.splitlines()
    assert len(espoo) == 3 and all("Turku" not in line for line in espoo)
    assert any("events=14 summaries=1" in line for line in espoo)


def test_cli_delete_follows_the_erasure_rule_and_is_audited(coach_env: CoachEnv, capsys) -> None:  # type: ignore[no-untyped-def]
    coach_env.summary("conv-cli", city="Oulu")
    assert main(["delete", "conv-cli"]) == 0
    assert "deleted 1 row(s) of 1 conversation(s)" in capsys.readouterr().out
    (row,) = audit.recent(coach_env.session)
    assert (row.trigger, row.city, row.counts) == ("admin", "Oulu", {"summaries": 1})
