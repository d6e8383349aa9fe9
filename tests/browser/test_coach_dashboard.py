"""Playwright in Chromium: a coach logs in, sees only approved summaries of their city.

Runs the dashboard sub-app (mounted at /coach) with uvicorn on a spare port over a
fresh SQLite file. Chromium accepts Secure cookies from http://localhost.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI

from bot.coach import accounts
from bot.coach.web import create_coach_app
from bot.summaries.models import Summary

PASSWORD = "correct horse battery"


@pytest.fixture()
def dashboard(session) -> Iterator[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    accounts.create_account(session, "coach@turku.fi", PASSWORD, "Turku")
    ok = Summary(
        conversation_id="c-ok",
        language="en",
        city="Turku",
        data={"confidence_score": 3.0},
        consent_to_share=True,
    )
    hidden = Summary(conversation_id="c-no", language="en", city="Turku", data={}, consent_to_share=None)
    session.add_all([ok, hidden])
    session.commit()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = FastAPI()
    app.mount("/coach", create_coach_app())
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://localhost:{port}", ok.id, hidden.id
    server.should_exit = True
    thread.join(timeout=10)


def test_coach_logs_in_and_cannot_open_unapproved(dashboard: tuple[str, int, int], browser) -> None:  # type: ignore[no-untyped-def]
    base, ok_id, hidden_id = dashboard
    # The session-wide Chromium of tests/browser/conftest.py (one sync Playwright per process).
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/coach/")
    page.get_by_label("Email").fill("coach@turku.fi")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").is_visible()
    page.get_by_label("Email").fill("coach@turku.fi")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name=f"Open #{ok_id}").click()
    assert page.get_by_role("heading", name=f"Summary #{ok_id}").is_visible()
    response = page.goto(f"{base}/coach/summaries/{hidden_id}")
    assert response is not None and response.status == 404
    context.close()


def test_open_queue_goes_to_login_when_the_session_ends(dashboard: tuple[str, int, int], browser) -> None:  # type: ignore[no-untyped-def]
    """The live queue does not go stale silently: its next poll after logout shows the login page."""
    base, _ok_id, _hidden_id = dashboard
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []  # every request of the pages answers (script, style), but the expected 401
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(f"{base}/coach/login")
    page.get_by_label("Email").fill("coach@turku.fi")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{base}/coach/queue")
    assert page.url.endswith("/coach/queue")
    context.clear_cookies()  # the session ends (expired, or logged out in another tab)
    page.wait_for_url(f"{base}/coach/login", timeout=15_000)
    assert page.get_by_label("Password").is_visible()
    assert [f for f in failed if not f.startswith("401 ") or not f.endswith("/coach/queue.json")] == []
    context.close()
