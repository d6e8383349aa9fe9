"""HTML 404 page for browsers; other clients keep FastAPI's JSON errors."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.config import get_settings
from bot.locale import registry
from bot.web.page_text import page_text
from bot.web.security import page_headers
from bot.web.templating import templates

#: Languages of the 404 page: the locale registry's codes.
NOT_FOUND_LANGUAGES = registry.codes()


def not_found_page(request: Request, language: str = "en") -> Response:
    """Render the 404 page in ``language``."""
    language = language if language in NOT_FOUND_LANGUAGES else registry.default_code()
    return templates.TemplateResponse(
        request,
        "404.html",
        {"lang": language, "direction": registry.get(language).direction, "text": page_text(language)},
        status_code=404,
        headers=page_headers(get_settings().rasa_public_url),
    )


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def install_error_pages(app: FastAPI) -> None:
    """Serve the HTML 404 page to browsers for any unknown path."""

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and _wants_html(request):
            first = request.url.path.strip("/").split("/")
            language = first[1] if len(first) > 1 else "en"
            return not_found_page(request, language)
        return await http_exception_handler(request, exc)
