"""HTML 404 page for people; clients asking for JSON keep FastAPI's JSON errors.

Every not-found page a person can reach (an unknown city, a city without a
language page, any unknown path, the coach dashboard's too) is the HTML page,
in the browser's language (``Accept-Language`` among the page languages, else
the path's language, else English), with links to the served city pages.
Only a client that asks for JSON and not HTML (``Accept: application/json``)
gets ``{"detail": "Not Found"}``.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.config import get_settings
from bot.locale import registry
from bot.web.cities import CITIES
from bot.web.page_text import page_text
from bot.web.security import page_headers
from bot.web.templating import templates

#: Languages of the 404 page: the locale registry's codes.
NOT_FOUND_LANGUAGES = registry.codes()


def browser_language(request: Request, path_language: str | None = None) -> str:
    """The first ``Accept-Language`` entry (by q) that is a page language, else the default (en).

    ``path_language`` (the address's) counts only when the browser sends no ``Accept-Language``.
    """
    header = request.headers.get("accept-language", "").strip()
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",") if header else []):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        code = registry.normalise(tag.strip()) if tag.strip() and tag.strip() != "*" else None
        if code in NOT_FOUND_LANGUAGES and quality > 0:
            weighted.append((-quality, index, code))
    if weighted:
        return min(weighted)[2]
    if not header and path_language in NOT_FOUND_LANGUAGES:
        return str(path_language)
    return registry.default_code()


def not_found_page(request: Request, language: str | None = None) -> Response:
    """Render the 404 page in the browser's language (``language``: the address's, see browser_language)."""
    language = browser_language(request, language)
    cities = [
        {"name": city.names.get(language, city.slug), "href": f"/{city.slug}/{language}/"}
        for city in CITIES.values()
    ]
    return templates.TemplateResponse(
        request,
        "404.html",
        {
            "lang": language,
            "direction": registry.get(language).direction,
            "text": page_text(language),
            "cities": cities,
        },
        status_code=404,
        headers=page_headers(get_settings().rasa_public_url),
    )


def wants_html(request: Request) -> bool:
    """False only for a client that asks for JSON and not for HTML (a browser, curl and */* get HTML)."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept or "application/json" not in accept


def install_error_pages(app: FastAPI) -> None:
    """Serve the HTML 404 page to browsers for any unknown path."""

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and wants_html(request):
            first = request.url.path.strip("/").split("/")
            return not_found_page(request, first[1] if len(first) > 1 else None)
        return await http_exception_handler(request, exc)
