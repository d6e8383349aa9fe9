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
from bot.coach.i18n import topic_text
from bot.coach.web import check_csrf, get_session, language, render, require_principal

router = APIRouter()
Principal = accounts.Principal

def profile_text(lang: str) -> dict[str, str]:
    """The page's strings in ``lang`` (catalogue topic ``coach_profile``; English for unknown languages)."""
    return topic_text("coach_profile", lang)


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
