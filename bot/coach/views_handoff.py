"""Handoff pages: the live queue, taking a request, replying into the chat, handing back.

The queue page polls ``queue.json`` (every 4 s, ``static/coach.js``); the
handoff page polls ``handoffs/{id}/messages.json``. A coach sees the person's
messages from the moment they asked for a human, not the earlier transcript
(that needs an approved summary). The summary written at the handoff is
shown on the page (what the person saw: goals, interests, confidence trend,
suggestions, next steps) and linked only once the person approved it in the
chat (``handoff.sync_consent`` reads the answer from the tracker); until then
the page says it waits, and after a no it says "not shared". In the
transcript an unshared summary reads as one line
(:func:`bot.coach.redaction.coach_lines`). The page's script fetches
``handoffs/{id}/summary`` (the summary section alone) when the approval
arrives while the page is open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from bot import handoff
from bot.clock import as_utc
from bot.coach import accounts, queries, redaction, transcript
from bot.coach.chart import confidence_svg
from bot.coach.i18n import text
from bot.coach.web import NotVisibleError, check_csrf, get_session, language, render, require_principal
from bot.handoff.consent import SHARED, takeover_summary
from bot.handoff.models import HandoffRequest
from bot.summaries.service import render_summary

router = APIRouter()
Principal = accounts.Principal
STATIC = Path(__file__).resolve().parent / "static"


@router.get("/static/{name}", name="coach_static")
def static(name: str) -> Response:
    """The dashboard's own script and stylesheet (only the two known files)."""
    if name not in ("coach.js", "coach.css"):
        raise NotVisibleError()
    return FileResponse(STATIC / name)


def _queue_items(
    request: Request, session: Session, principal: Principal
) -> list[dict[str, str | int | None]]:
    return [
        {
            "id": r.id,
            "status": r.status,
            "language": r.language,
            "requested_at": as_utc(r.requested_at).isoformat(timespec="seconds"),
            "taken_by": r.taken_by,
            "url": str(request.url_for("handoff_page", request_id=r.id)),
        }
        for r in handoff.queue(session, principal)
    ]


@router.get("/queue", response_class=HTMLResponse, name="queue")
def queue_page(
    request: Request,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Open handoff requests of the coach's city (updated live by script; the worker times them out)."""
    items = _queue_items(request, session, principal)
    return render(request, "queue.html", {"principal": principal, "items": items})


@router.get("/queue.json", name="queue_json")
def queue_json(
    request: Request,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """``{"items": [{id, status, language, requested_at, taken_by, url}]}`` for the live queue."""
    return JSONResponse({"items": _queue_items(request, session, principal)})


def _request_or_404(session: Session, principal: Principal, request_id: int):  # type: ignore[no-untyped-def]
    try:
        return handoff.get(session, principal, request_id)
    except handoff.HandoffError as error:
        raise NotVisibleError() from error


def _lines(
    request: Request, session: Session, principal: Principal, item: HandoffRequest
) -> list[transcript.Line] | None:
    """The transcript since the request as the coach may read it, or None when Rasa does not answer."""
    try:
        lines = transcript.transcript(item.conversation_id, as_utc(item.requested_at), language(request))
    except transcript.RasaError:
        return None
    return redaction.coach_lines(session, principal, lines, text(language(request))["summary_hidden"])


def _summary_context(
    request: Request, session: Session, principal: Principal, item: HandoffRequest
) -> dict[str, Any]:
    """``summary_state`` and, once approved, the summary as the person saw it (lines, Holland code, trend)."""
    state, summary = takeover_summary(session, item)
    context: dict[str, Any] = {"summary_state": state, "shared": summary}
    if summary is None:
        return context
    t = text(language(request))
    data = summary.data if isinstance(summary.data, dict) else {}
    points = queries.confidence_trend(session, principal, summary)
    context.update(
        summary_lines=render_summary(data, language(request)).splitlines()[1:],
        holland=data.get("holland_code") or None,
        points=points,
        chart=confidence_svg(points, t["trend"], t["chart_desc"]),
    )
    return context


@router.get("/handoffs/{request_id}", response_class=HTMLResponse, name="handoff_page")
def handoff_page(
    request: Request,
    request_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """One handoff: approved summary, messages since the request, take / reply / hand back (audited)."""
    item = _request_or_404(session, principal, request_id)
    handoff.sync_consent(session, item)
    context = _summary_context(request, session, principal, item)
    lines = _lines(request, session, principal, item)
    queries.audit(session, principal, "handoff_view", item.conversation_id)
    session.commit()
    error = request.query_params.get("error")
    context.update(principal=principal, item=item, lines=lines, error=error)
    return render(request, "handoff.html", context)


@router.get("/handoffs/{request_id}/summary", response_class=HTMLResponse, name="handoff_summary")
def handoff_summary(
    request: Request,
    request_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """The handoff page's summary section alone (HTML fragment); 404 until the person approved it."""
    item = _request_or_404(session, principal, request_id)
    handoff.sync_consent(session, item)
    context = _summary_context(request, session, principal, item)
    if context["summary_state"] != SHARED:
        session.commit()
        raise NotVisibleError()
    queries.audit(session, principal, "handoff_summary_view", item.conversation_id)
    session.commit()
    context.update(principal=principal, item=item)
    return render(request, "handoff_summary.html", context)


@router.get("/handoffs/{request_id}/messages.json", name="handoff_messages")
def handoff_messages(
    request: Request,
    request_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Live updates: ``{"status", "summary_state", "summary_url", "summary_part", "lines"}``.

    ``lines`` is ``[{who, name, text, at}]`` since the request (unshared summaries as one line).

    ``summary_state`` is ``shared``, ``waiting`` or ``not_shared``; ``summary_url``
    (the summary's page) and ``summary_part`` (the page's summary section,
    ``handoffs/{id}/summary``) are None until the person approved the summary.
    """
    item = _request_or_404(session, principal, request_id)
    handoff.sync_consent(session, item)
    session.commit()
    state, shared = takeover_summary(session, item)
    lines = _lines(request, session, principal, item) or []
    payload = [
        {"who": line.who, "name": line.name, "text": line.text, "at": line.at.isoformat(timespec="seconds")}
        for line in lines
    ]
    url = part = None
    if shared is not None:
        url = str(request.url_for("summary", summary_id=shared.id))
        part = str(request.url_for("handoff_summary", request_id=item.id))
    return JSONResponse(
        {
            "status": item.status,
            "summary_state": state,
            "summary_url": url,
            "summary_part": part,
            "lines": payload,
        }
    )


async def _step(
    request: Request, request_id: int, principal: Principal, session: Session, step: str
) -> Response:
    form = await request.form()
    check_csrf(form, principal.csrf_token)
    item = _request_or_404(session, principal, request_id)
    target = str(request.url_for("handoff_page", request_id=request_id))
    try:
        if step == "take":
            handoff.take(session, principal, request_id)
            session.commit()
        elif step == "reply":
            handoff.reply(session, principal, request_id, str(form.get("text", "")))
        else:
            handoff.hand_back(session, principal, request_id)
    except (handoff.HandoffError, transcript.RasaError):
        session.rollback()
        return RedirectResponse(target + "?error=1", status_code=303)
    queries.audit(session, principal, f"handoff_{step}", item.conversation_id)
    session.commit()
    return RedirectResponse(target, status_code=303)


@router.post("/handoffs/{request_id}/take", name="handoff_take")
async def take(
    request: Request,
    request_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Take a waiting request."""
    return await _step(request, request_id, principal, session, "take")


@router.post("/handoffs/{request_id}/reply", name="handoff_reply")
async def reply(
    request: Request,
    request_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Send the form's ``text`` into the person's chat."""
    return await _step(request, request_id, principal, session, "reply")


@router.post("/handoffs/{request_id}/hand-back", name="handoff_hand_back")
async def hand_back(
    request: Request,
    request_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Close the handoff; the bot answers again."""
    return await _step(request, request_id, principal, session, "hand_back")
