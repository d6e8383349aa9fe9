"""Dashboard pages: city isolation, consent, CSRF, audit, notes, review, CSV, handoff steps."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot import handoff
from bot.coach.models import AuditEntry, CoachNote
from bot.coach.transcript import Line
from bot.db import get_sessionmaker
from bot.handoff.models import HandoffMessage, HandoffRequest
from bot.worker.jobs import HANDOFF_TIMEOUT
from bot.worker.runner import Worker
from tests.coach.conftest import CoachEnv


def test_coach_sees_only_approved_summaries_of_own_city(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    own = coach_env.summary("turku-approved")
    unapproved = coach_env.summary("turku-unapproved", consent=None)
    declined = coach_env.summary("turku-declined", consent=False)
    other_city = coach_env.summary("espoo-approved", city="Espoo")
    coach_env.login("coach@turku.fi")
    page = coach_env.client.get("/coach/").text
    assert f"/coach/summaries/{own}" in page
    for hidden in (unapproved, declined, other_city):
        assert f'/coach/summaries/{hidden}"' not in page
        assert coach_env.client.get(f"/coach/summaries/{hidden}").status_code == 404
    assert coach_env.client.get(f"/coach/summaries/{own}").status_code == 200


def test_viewing_and_export_are_audited(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    coach_env.rasa.lines = [Line("user", "hei", datetime.now(UTC))]
    sid = coach_env.summary("conv-1")
    coach_env.login("coach@turku.fi")
    assert "hei" in coach_env.client.get(f"/coach/summaries/{sid}").text
    csv = coach_env.client.get("/coach/export.csv")
    assert csv.status_code == 200 and "conv-1" in csv.text and csv.text.startswith("summary_id,")
    actions = [
        (e.account_email, e.action, e.conversation_id) for e in coach_env.session.scalars(select(AuditEntry))
    ]
    assert ("coach@turku.fi", "view", "conv-1") in actions
    assert ("coach@turku.fi", "transcript", "conv-1") in actions
    assert ("coach@turku.fi", "export", "conv-1") in actions


def test_audit_log_is_for_admins_only(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    coach_env.account("admin@turku.fi", role="admin")
    coach_env.login("coach@turku.fi")
    assert coach_env.client.get("/coach/audit").status_code == 403
    coach_env.client.cookies.clear()
    coach_env.login("admin@turku.fi")
    assert coach_env.client.get("/coach/audit").status_code == 200


def test_note_needs_csrf_and_is_redacted(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    sid = coach_env.summary("conv-2")
    coach_env.login("coach@turku.fi")
    refused = coach_env.client.post(f"/coach/summaries/{sid}/notes", data={"note": "x"})
    assert refused.status_code == 403
    wrong = coach_env.client.post(f"/coach/summaries/{sid}/notes", data={"note": "x", "csrf_token": "forged"})
    assert wrong.status_code == 403
    token = coach_env.csrf(f"/coach/summaries/{sid}")
    note = "Soita 040 123 4567 tai a.b@example.com, hetu 131052-308T"
    ok = coach_env.client.post(f"/coach/summaries/{sid}/notes", data={"note": note, "csrf_token": token})
    assert ok.status_code == 200
    stored = coach_env.session.scalar(select(CoachNote)).text
    assert "040" not in stored and "example.com" not in stored and "131052" not in stored


def test_mark_reviewed_and_filter(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    sid = coach_env.summary("conv-3")
    coach_env.login("coach@turku.fi")
    token = coach_env.csrf()
    coach_env.client.post(f"/coach/summaries/{sid}/review", data={"reviewed": "1", "csrf_token": token})
    assert f"/coach/summaries/{sid}" in coach_env.client.get("/coach/?status=reviewed").text
    assert f"/coach/summaries/{sid}" not in coach_env.client.get("/coach/?status=new").text


def test_handoff_take_reply_hand_back(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    coach_env.account("coach@espoo.fi", city="Espoo")
    request = handoff.enqueue(coach_env.session, "conv-h", "Turku", "fi")
    coach_env.session.commit()
    coach_env.login("coach@espoo.fi")
    assert coach_env.client.get(f"/coach/handoffs/{request.id}").status_code == 404
    coach_env.client.cookies.clear()
    coach_env.login("coach@turku.fi")
    assert coach_env.client.get("/coach/queue.json").json()["items"][0]["status"] == "waiting"
    token = coach_env.csrf("/coach/queue")
    assert coach_env.client.post(f"/coach/handoffs/{request.id}/take", data={}).status_code == 403
    coach_env.client.post(f"/coach/handoffs/{request.id}/take", data={"csrf_token": token})
    coach_env.client.post(f"/coach/handoffs/{request.id}/reply", data={"csrf_token": token, "text": "Hei!"})
    assert ("conv-h", "action_relay_coach_message") in coach_env.rasa.calls
    assert handoff.pop_undelivered(coach_env.session, "conv-h") == ["Hei!"]
    coach_env.session.commit()
    assert coach_env.session.scalar(select(HandoffMessage)).delivered_at is not None
    coach_env.client.post(f"/coach/handoffs/{request.id}/hand-back", data={"csrf_token": token})
    assert coach_env.rasa.calls[-3:] == [
        ("conv-h", "resume"),
        ("conv-h", "action_handoff_resumed"),
        ("conv-h", "listen"),
    ]
    coach_env.session.expire_all()
    assert coach_env.session.get(HandoffRequest, request.id).status == "closed"


def test_waiting_handoff_times_out(coach_env: CoachEnv, database_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The worker's handoff_timeout job (the one that runs them) tells the person once."""
    monkeypatch.setenv("HANDOFF_TIMEOUT_SECONDS", "0")
    handoff.enqueue(coach_env.session, "conv-t", "Turku", "en")
    coach_env.session.commit()
    worker = Worker(get_sessionmaker(database_url), jobs=[HANDOFF_TIMEOUT])
    assert [o.conversation_id for o in worker.run_once()] == ["conv-t"]
    assert ("conv-t", "action_handoff_timeout") in coach_env.rasa.calls
    assert worker.run_once() == [] and coach_env.rasa.calls.count(("conv-t", "action_handoff_timeout")) == 1


def test_summary_page_reads_as_sentences_not_stored_data(coach_env: CoachEnv) -> None:
    """The coach sees what the person saw, in the coach's language, and no raw dictionaries."""
    coach_env.account("coach@turku.fi")
    sid = coach_env.summary(
        "conv-words",
        goals={"goal_type": "job", "field": "data", "background": "Olin kaupassa ja osaan Excelin."},
        suggestions=[
            {"id": "job:4", "title": {"fi": "Data-analyytikko", "sv": "Dataanalytiker", "en": "Data analyst"},
             "rejected": False},
            {"id": "course:9", "title": {"fi": "Python-kurssi", "sv": "Pythonkurs", "en": "Python course"},
             "rejected": True},
        ],
        next_steps=["look:job:4"],
        skills=["spreadsheets"],
        open_questions=["timeframe", "interests"],
        trigger="handoff",
    )  # fmt: skip
    coach_env.login("coach@turku.fi")
    page = coach_env.client.get(f"/coach/summaries/{sid}?lang=en").text
    assert "Data analyst" in page and "Python course" in page
    assert "Olin kaupassa ja osaan Excelin." in page and "spreadsheets" in page
    assert "Interest check" in page and "When" in page and "asked for a coach" in page
    assert "{'" not in page and "look:job:4" not in page and "&#39;id&#39;" not in page
    assert "Data-analyytikko" in coach_env.client.get(f"/coach/summaries/{sid}?lang=fi").text


def test_poll_after_logout_gets_401_not_the_login_page(coach_env: CoachEnv) -> None:
    """A logged-out queue poll gets 401 JSON (coach.js then reloads to the login); a page still redirects."""
    coach_env.account("coach@turku.fi")
    coach_env.login("coach@turku.fi")
    json_only = {"Accept": "application/json"}
    assert coach_env.client.get("/coach/queue.json", headers=json_only).status_code == 200
    coach_env.client.cookies.clear()
    poll = coach_env.client.get("/coach/queue.json", headers=json_only, follow_redirects=False)
    assert poll.status_code == 401
    assert poll.json()["error"] == "login_required" and poll.json()["login_url"].endswith("/coach/login")
    page = coach_env.client.get("/coach/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].endswith("/coach/login")
