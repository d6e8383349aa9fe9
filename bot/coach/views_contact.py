"""Contact requests: people who asked a coach of the city to phone or e-mail them.

``GET /coach/contacts`` lists the open requests of the coach's city (oldest
first: when, why, language, phone or e-mail as a link); ``POST
/coach/contacts/{id}/done`` marks one done (CSRF token, audited with the
conversation id). A coach of another city gets 404 for the row and never sees
it in the list. Contact details are personal data: each list view is audited
(``contacts_view``), and the rows go with the person's data
(:mod:`bot.privacy.erasure`, retention purge).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from bot.clock import as_utc
from bot.coach import accounts, queries
from bot.coach.i18n import topic_text
from bot.coach.web import NotVisibleError, check_csrf, get_session, language, render, require_principal
from bot.handoff import contact

router = APIRouter()
Principal = accounts.Principal

def contact_text(lang: str) -> dict[str, str]:
    """The page's strings in ``lang`` (catalogue topic ``coach_contacts``; English for unknown languages)."""
    return topic_text("coach_contacts", lang)


@router.get("/contacts", response_class=HTMLResponse, name="contacts")
def contacts_page(
    request: Request,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Open contact requests of the coach's city, oldest first (audited as ``contacts_view``)."""
    ct = contact_text(language(request))
    rows = [
        {
            "id": row.id,
            "at": as_utc(row.created_at),
            "why": ct.get(row.reason, row.reason),
            "language": row.language,
            "channel": ct.get(row.channel, row.channel),
            "href": ("tel:" if row.channel == "phone" else "mailto:") + row.contact,
            "shown": contact.shown(row),
        }
        for row in contact.open_requests(session, principal.city)
    ]
    queries.audit(session, principal, "contacts_view", None)
    session.commit()
    marked = request.query_params.get("marked") == "1"
    context = {"principal": principal, "rows": rows, "ct": ct, "marked": marked}
    return render(request, "contacts.html", context)


@router.post("/contacts/{request_id}/done", name="contact_done")
async def contact_done(
    request: Request,
    request_id: int,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Mark one request of the coach's city done; 404 for other cities, 403 without the CSRF token."""
    form = await request.form()
    check_csrf(form, principal.csrf_token)
    try:
        row = contact.mark_done(session, principal, request_id)
    except LookupError as error:
        raise NotVisibleError() from error
    queries.audit(session, principal, "contact_done", row.conversation_id)
    session.commit()
    return RedirectResponse(str(request.url_for("contacts")) + "?marked=1", status_code=303)
