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
from bot.coach.web import NotVisibleError, check_csrf, get_session, language, render, require_principal
from bot.handoff import contact

router = APIRouter()
Principal = accounts.Principal

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "contacts": "Contact requests",
        "intro": "These people asked a coach to contact them, outside office hours or when no coach "
        "was free. They agreed that a coach of this city sees the number or address. Contact them, "
        "then mark the request done.",
        "when": "Asked at",
        "why": "Why",
        "closed": "outside office hours",
        "timeout": "no coach was free",
        "language": "Language",
        "contact": "Contact",
        "phone": "Phone",
        "email": "E-mail",
        "action": "Action",
        "done": "Mark done",
        "done_label": "Mark done: {contact}",
        "marked": "Request marked done.",
        "none": "No open contact requests.",
    },
    "fi": {
        "contacts": "Yhteydenottopyynnöt",
        "intro": "Nämä ihmiset pyysivät ohjaajaa ottamaan yhteyttä, virka-ajan ulkopuolella tai kun "
        "yksikään ohjaaja ei ollut vapaana. He hyväksyivät, että tämän kaupungin ohjaaja näkee "
        "numeron tai osoitteen. Ota yhteyttä ja merkitse pyyntö sitten hoidetuksi.",
        "when": "Pyydetty",
        "why": "Syy",
        "closed": "virka-ajan ulkopuolella",
        "timeout": "yksikään ohjaaja ei ollut vapaana",
        "language": "Kieli",
        "contact": "Yhteystieto",
        "phone": "Puhelin",
        "email": "Sähköposti",
        "action": "Toiminto",
        "done": "Merkitse hoidetuksi",
        "done_label": "Merkitse hoidetuksi: {contact}",
        "marked": "Pyyntö merkittiin hoidetuksi.",
        "none": "Ei avoimia yhteydenottopyyntöjä.",
    },
    "sv": {
        "contacts": "Kontaktförfrågningar",
        "intro": "De här personerna bad en handledare att kontakta dem, utanför tjänstetid eller när "
        "ingen handledare var ledig. De godkände att en handledare i den här staden ser numret eller "
        "adressen. Kontakta dem och markera sedan förfrågan som klar.",
        "when": "Frågade",
        "why": "Varför",
        "closed": "utanför tjänstetid",
        "timeout": "ingen handledare var ledig",
        "language": "Språk",
        "contact": "Kontakt",
        "phone": "Telefon",
        "email": "E-post",
        "action": "Åtgärd",
        "done": "Markera som klar",
        "done_label": "Markera som klar: {contact}",
        "marked": "Förfrågan markerades som klar.",
        "none": "Inga öppna kontaktförfrågningar.",
    },
}


def contact_text(lang: str) -> dict[str, str]:
    """The page's strings in ``lang`` (English for unknown languages)."""
    return TEXT.get(lang, TEXT["en"])


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
