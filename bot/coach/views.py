"""Dashboard pages: login/logout, conversation list, summary detail, notes, review, CSV, audit log.

Every page that shows a conversation checks city and consent through
:mod:`bot.coach.queries` and writes an audit row (view, transcript, export).
A transcript shows an unshared summary as one line (:func:`bot.coach.redaction.coach_lines`).
"""

from __future__ import annotations

import secrets
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from bot.coach import accounts, queries, redaction, transcript
from bot.coach.chart import confidence_svg
from bot.coach.i18n import LANGUAGES, text
from bot.coach.web import (
    COOKIE,
    COOKIE_PATH,
    LOGIN_CSRF_COOKIE,
    NotVisibleError,
    check_csrf,
    get_session,
    language,
    render,
    require_admin,
    require_principal,
    set_session_cookie,
)
from bot.summaries.service import render_summary

router = APIRouter()
Principal = accounts.Principal


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/login", response_class=HTMLResponse, name="login_form")
def login_form(request: Request, error: str | None = None) -> Response:
    """The login form with a fresh double-submit CSRF cookie."""
    token = secrets.token_urlsafe(32)
    response = render(
        request, "login.html", {"csrf_token": token, "error_key": error}, status_code=401 if error else 200
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE, token, path=COOKIE_PATH, secure=True, httponly=True, samesite="strict"
    )
    return response


@router.post("/login", name="login")
async def login(request: Request, session: Session = Depends(get_session)) -> Response:
    """Check CSRF, rate limit and password; on success open a session and go to the list."""
    form = await request.form()
    check_csrf(form, request.cookies.get(LOGIN_CSRF_COOKIE))
    try:
        account = accounts.authenticate(
            session, str(form.get("email", "")), str(form.get("password", "")), _client(request)
        )
    except accounts.RateLimitError:
        session.commit()
        response = login_form(request, "rate_limited")
        response.status_code = 429
        return response
    if account is None:
        session.commit()
        return login_form(request, "login_failed")
    token = accounts.open_session(session, account)
    session.commit()
    response = RedirectResponse(str(request.url_for("conversations")), status_code=303)
    set_session_cookie(response, token)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=COOKIE_PATH)
    return response


@router.post("/logout", name="logout")
async def logout(
    request: Request,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """End the session (CSRF-checked) and go to the login page."""
    check_csrf(await request.form(), principal.csrf_token)
    accounts.close_session(session, request.cookies.get(COOKIE))
    session.commit()
    response = RedirectResponse(str(request.url_for("login_form")), status_code=303)
    response.delete_cookie(COOKIE, path=COOKIE_PATH)
    return response


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/", response_class=HTMLResponse, name="conversations")
def conversations(
    request: Request,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Approved conversations of the coach's city with filters from the query string."""
    q = request.query_params
    filters = queries.ListFilters(
        date_from=_date(q.get("date_from")),
        date_to=_date(q.get("date_to")),
        language=q.get("language") if q.get("language") in LANGUAGES else None,
        status=q.get("status") if q.get("status") in queries.STATUSES else None,
        needs_attention=q.get("needs_attention") == "1",
    )
    rows = queries.list_conversations(session, principal, filters)
    return render(
        request,
        "list.html",
        {
            "principal": principal,
            "rows": rows,
            "filters": filters,
            "languages": LANGUAGES,
            "statuses": queries.STATUSES,
            "step_counts": queries.step_counts(session, principal),
        },
    )


@router.get("/summaries/{summary_id}", response_class=HTMLResponse, name="summary")
def summary_detail(
    request: Request,
    summary_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """An approved summary of the coach's city: data, confidence chart, transcript, notes (audited)."""
    summary = queries.approved_summary(session, principal, summary_id)
    if summary is None:
        raise NotVisibleError()
    t = text(language(request))
    points = queries.confidence_trend(session, principal, summary)
    try:
        lines: list[transcript.Line] | None = redaction.coach_lines(
            session,
            principal,
            transcript.transcript(summary.conversation_id, lang=language(request)),
            t["summary_hidden"],
        )
        queries.audit(session, principal, "transcript", summary.conversation_id)
    except transcript.RasaError:
        lines = None
    queries.audit(session, principal, "view", summary.conversation_id)
    session.commit()
    return render(
        request,
        "detail.html",
        {
            "principal": principal,
            "summary": summary,
            "data": summary.data if isinstance(summary.data, dict) else {},
            "summary_lines": render_summary(summary.data, language(request)).splitlines()[1:]
            if isinstance(summary.data, dict)
            else [],
            "confidence": queries.confidence_of(summary.data),
            "points": points,
            "chart": confidence_svg(points, t["trend"], t["chart_desc"]),
            "lines": lines,
            "notes": queries.notes_for(session, summary.conversation_id),
            "reviewed": queries.is_reviewed(session, summary.conversation_id),
            "steps": queries.steps_of_summary(session, summary),
        },
    )


@router.post("/summaries/{summary_id}/notes", name="add_note")
async def add_note(
    request: Request,
    summary_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Add a private (redacted) note to the summary's conversation."""
    form = await request.form()
    check_csrf(form, principal.csrf_token)
    summary = queries.approved_summary(session, principal, summary_id)
    if summary is None:
        raise NotVisibleError()
    try:
        queries.add_note(session, principal, summary.conversation_id, str(form.get("note", "")))
        queries.audit(session, principal, "note", summary.conversation_id)
        session.commit()
    except ValueError:
        session.rollback()
    return RedirectResponse(
        str(request.url_for("summary", summary_id=summary_id)) + "#notes", status_code=303
    )


@router.post("/summaries/{summary_id}/review", name="review")
async def review(
    request: Request,
    summary_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Mark (``reviewed=1``) or unmark the summary's conversation as reviewed."""
    form = await request.form()
    check_csrf(form, principal.csrf_token)
    summary = queries.approved_summary(session, principal, summary_id)
    if summary is None:
        raise NotVisibleError()
    queries.set_reviewed(session, principal, summary.conversation_id, form.get("reviewed") == "1")
    queries.audit(session, principal, "review", summary.conversation_id)
    session.commit()
    return RedirectResponse(str(request.url_for("summary", summary_id=summary_id)), status_code=303)


@router.get("/export.csv", name="export")
def export(
    principal: Principal = Depends(require_principal), session: Session = Depends(get_session)
) -> Response:
    """CSV of the city's approved summaries; one audit row per exported conversation."""
    body, ids = queries.export_csv(session, principal)
    for conversation_id in sorted(set(ids)):
        queries.audit(session, principal, "export", conversation_id)
    session.commit()
    filename = f"digipoint-summaries-{principal.city.lower()}-{date.today():%Y%m%d}.csv"
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/audit", response_class=HTMLResponse, name="audit")
def audit_page(
    request: Request, principal: Principal = Depends(require_admin), session: Session = Depends(get_session)
) -> Response:
    """The city's audit log (city admins only)."""
    return render(
        request, "audit.html", {"principal": principal, "entries": queries.audit_log(session, principal)}
    )
