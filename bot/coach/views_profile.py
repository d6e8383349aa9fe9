"""The coach's own name in the chat (``/coach/profile``).

A coach may give a first name (:func:`bot.coach.accounts.set_display_name`);
people then read "Anna, a coach, has joined the chat" and see "Coach Anna" on
the replies. An empty field removes it (people read "a coach"). The same is
``python -m bot.coach set-name`` for administrators.

A name that is not a first name in letters is refused with a clear message and
the form keeps what was typed.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from bot.coach import accounts
from bot.coach.web import check_csrf, get_session, language, render, require_principal

router = APIRouter()
Principal = accounts.Principal

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "profile": "Your name in the chat",
        "intro": "People see this first name when you join their chat and on your replies, "
        "for example \"Coach Anna\". Leave it empty to be shown as \"Coach\".",
        "name": "First name",
        "save": "Save name",
        "saved": "Your name in the chat is saved.",
        "bad_name": "Please write a first name in letters, at most 40 characters.",
    },
    "fi": {
        "profile": "Nimesi keskustelussa",
        "intro": "Ihmiset näkevät tämän etunimen, kun liityt heidän keskusteluunsa, ja vastauksissasi, "
        "esimerkiksi \"Ohjaaja Anna\". Jätä tyhjäksi, niin sinut näytetään nimellä \"Ohjaaja\".",
        "name": "Etunimi",
        "save": "Tallenna nimi",
        "saved": "Nimesi keskustelussa on tallennettu.",
        "bad_name": "Kirjoita etunimi kirjaimin, enintään 40 merkkiä.",
    },
    "sv": {
        "profile": "Ditt namn i chatten",
        "intro": "Personer ser det här förnamnet när du kommer in i deras chatt och på dina svar, "
        "till exempel \"Handledare Anna\". Lämna tomt för att visas som \"Handledare\".",
        "name": "Förnamn",
        "save": "Spara namnet",
        "saved": "Ditt namn i chatten är sparat.",
        "bad_name": "Skriv ett förnamn med bokstäver, högst 40 tecken.",
    },
}


def profile_text(lang: str) -> dict[str, str]:
    """The page's strings in ``lang`` (English for unknown languages)."""
    return TEXT.get(lang, TEXT["en"])


@router.get("/profile", response_class=HTMLResponse, name="profile")
def profile_page(request: Request, principal: Principal = Depends(require_principal)) -> Response:
    """The form with the current display name."""
    context = {"principal": principal, "pt": profile_text(language(request)),
               "value": principal.display_name or "", "saved": request.query_params.get("saved") == "1"}
    return render(request, "profile.html", context)


@router.post("/profile", name="profile_save")
async def profile_save(
    request: Request,
    principal: Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Save the name (CSRF checked); a refused name re-shows the form with the message (400)."""
    form = await request.form()
    check_csrf(form, principal.csrf_token)
    typed = str(form.get("display_name", ""))[:200]
    try:
        accounts.set_display_name(session, principal.email, typed)
    except accounts.AccountError:
        session.rollback()
        context = {"principal": principal, "pt": profile_text(language(request)), "value": typed,
                   "error": True}
        return render(request, "profile.html", context, status_code=400)
    session.commit()
    return RedirectResponse(str(request.url_for("profile")) + "?saved=1", status_code=303)
