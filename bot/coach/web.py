"""The coach dashboard as a FastAPI sub-app: ``create_coach_app()``, mounted at ``/coach``.

Security: server-side sessions in an HttpOnly, Secure, SameSite=Strict cookie
scoped to ``/coach``; a per-session CSRF token on every POST form (the login
form uses a double-submit cookie); strict security headers and no caching.

Shapes:
    ``require_principal`` -> ``Principal``, or a 303 redirect to the login page
    (401 JSON with ``login_url`` when the request asks for JSON, not HTML:
    ``bot.web.errors.wants_html``, the rule of the site's error pages).
    ``check_csrf(form, expected)`` raises ``CsrfError`` (-> 403 page).
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from bot import db
from bot.coach import accounts, i18n
from bot.locale import registry
from bot.web.errors import wants_html

log = logging.getLogger(__name__)
COOKIE = "digipoint_coach"
LOGIN_CSRF_COOKIE = "digipoint_coach_login"
LANG_COOKIE = "coach_lang"
COOKIE_PATH = "/coach"
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


class LoginRequired(Exception):  # noqa: N818  (control flow, not an error)
    """No valid session: the handler redirects to the login page."""


class CsrfError(Exception):
    """The POST carried no CSRF token or a wrong one."""


class NotVisibleError(Exception):
    """The item does not exist or the account may not see it (rendered as 404)."""


class ForbiddenError(Exception):
    """The account's role does not allow this (rendered as 403)."""


def get_session() -> Iterator[Session]:
    """A database session per request (closed afterwards; handlers commit)."""
    with db.get_sessionmaker()() as session:
        yield session


def language(request: Request) -> str:
    """The page language (see ``i18n.pick_language``)."""
    return i18n.pick_language(
        request.query_params.get("lang"),
        request.cookies.get(LANG_COOKIE),
        request.headers.get("accept-language"),
    )


def require_principal(request: Request, session: Session = Depends(get_session)) -> accounts.Principal:
    """The logged-in account; raises ``LoginRequired`` for a missing, unknown or expired session."""
    principal = accounts.load_principal(session, request.cookies.get(COOKIE))
    session.commit()
    if principal is None:
        raise LoginRequired()
    return principal


def require_admin(principal: accounts.Principal = Depends(require_principal)) -> accounts.Principal:
    """The logged-in account if it is a city admin; else ``ForbiddenError``."""
    if not principal.is_admin:
        raise ForbiddenError()
    return principal


def check_csrf(form: Any, expected: str | None) -> None:
    """Compare the form's ``csrf_token`` with ``expected`` in constant time.

    Raises:
        CsrfError: missing or different token.
    """
    sent = form.get("csrf_token") if form is not None else None
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
        raise CsrfError()


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Render a template with the language, its writing direction, its strings and the principal (if any).

    ``direction`` is the locale registry's (``"ltr"``, ``"rtl"``): base.html writes ``<html dir="rtl">``
    for a right-to-left language (left to right is the HTML default).
    """
    lang = language(request)
    direction = registry.get(lang).direction if registry.is_supported(lang) else "ltr"
    response = TEMPLATES.TemplateResponse(
        request,
        name,
        {"lang": lang, "direction": direction, "t": i18n.text(lang), "principal": None, **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie(
            LANG_COOKIE, lang, path=COOKIE_PATH, samesite="strict", secure=True, httponly=True
        )
    return response


def set_session_cookie(response: Response, token: str) -> None:
    """Attach the session cookie (HttpOnly, Secure, SameSite=Strict, path /coach, 8 h)."""
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(accounts.SESSION_LIFETIME.total_seconds()),
        path=COOKIE_PATH,
        secure=True,
        httponly=True,
        samesite="strict",
    )


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _login(request: Request, _exc: LoginRequired) -> Response:
        login = str(request.url_for("login_form"))
        if not wants_html(request):
            # The dashboard's polls (static/coach.js) cannot follow a redirect
            # to an HTML page; 401 tells them to send the coach to the login.
            return JSONResponse({"error": "login_required", "login_url": login}, status_code=401)
        return RedirectResponse(login, status_code=303)

    @app.exception_handler(CsrfError)
    async def _csrf(request: Request, _exc: CsrfError) -> Response:
        return render(request, "error.html", {"message_key": "csrf"}, status_code=403)

    @app.exception_handler(NotVisibleError)
    async def _missing(request: Request, _exc: NotVisibleError) -> Response:
        return render(request, "error.html", {"message_key": "not_found"}, status_code=404)

    @app.exception_handler(ForbiddenError)
    async def _forbidden(request: Request, _exc: ForbiddenError) -> Response:
        return render(request, "error.html", {"message_key": "forbidden"}, status_code=403)


def create_coach_app() -> FastAPI:
    """Build the dashboard app; mount it with ``app.mount("/coach", create_coach_app())``.

    The app runs no timed jobs: handoff timeouts and the retention purge are the
    worker's (``python -m bot.worker``).
    """
    from bot.coach import views, views_admin, views_contact, views_feedback, views_handoff, views_profile
    from bot.coach.redaction import install_log_redaction

    install_log_redaction()
    app = FastAPI(title="DigiPoint coach dashboard", docs_url=None, redoc_url=None, openapi_url=None)
    app.include_router(views.router)
    app.include_router(views_handoff.router)
    app.include_router(views_admin.router)
    app.include_router(views_contact.router)
    app.include_router(views_profile.router)
    app.include_router(views_feedback.router)
    _install_handlers(app)

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    return app
