"""Routes of the demo pages: the landing page, one page per city and language."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from bot.config import get_settings
from bot.locale import registry
from bot.web.cities import CITIES, DEFAULT_CITY, DEFAULT_LANGUAGE, LANGUAGES, City, get_city
from bot.web.errors import not_found_page
from bot.web.page_text import LANGUAGE_NAMES, page_text
from bot.web.security import page_headers
from bot.web.templating import templates, widget_src

router = APIRouter()


def widget_settings(city: City, language: str) -> dict[str, str]:
    """The data attributes of the widget's <script> tag for ``city`` in ``language``.

    ``contact_name`` / ``contact_phone`` / ``contact_url`` are the city's
    employment services from bot/contract/cities/<slug>.yml (the page's contact card and
    the bot read the same entry); the widget shows them when it cannot connect.
    """
    text = page_text(language, city.slug)
    service = city.service(language)
    return {
        "src": widget_src(),
        "server_url": get_settings().rasa_public_url,
        "city": city.slot_value,
        "language": language,
        "title": str(text["widget_title"]),
        "primary_colour": city.primary,
        "contact_name": service["name"],
        "contact_phone": service["phone"],
        "contact_url": service["url"],
    }


def _render(request: Request, template: str, context: dict[str, object]) -> Response:
    # The page's writing direction is the locale's (ltr / rtl, bot/locale/locales.yml).
    context = {**context, "direction": registry.get(str(context["lang"])).direction}
    headers = page_headers(get_settings().rasa_public_url)
    return templates.TemplateResponse(request, template, context, headers=headers)


@router.get("/", include_in_schema=False)
def index(request: Request) -> Response:
    """The demo landing page: links to every city page, widget for Helsinki in English."""
    city = CITIES[DEFAULT_CITY]
    return _render(
        request,
        "index.html",
        {
            "lang": DEFAULT_LANGUAGE,
            "city": city,
            "cities": list(CITIES.values()),
            "languages": LANGUAGES,
            "language_names": LANGUAGE_NAMES,
            "text": page_text(DEFAULT_LANGUAGE, city.slug),
            "widget": widget_settings(city, DEFAULT_LANGUAGE),
        },
    )


def city_page(request: Request, city_slug: str, language: str) -> Response:
    """A city's employment-services page in ``language`` with the widget embedded."""
    city = get_city(city_slug)
    if city is None or language not in LANGUAGES:
        return not_found_page(request, language)
    return _render(
        request,
        "city.html",
        {
            "lang": language,
            "city": city,
            "languages": LANGUAGES,
            "language_names": LANGUAGE_NAMES,
            "text": page_text(language, city.slug),
            "widget": widget_settings(city, language),
        },
    )


def _city_route(slug: str):  # noqa: ANN202 (a FastAPI endpoint)
    def endpoint(request: Request, language: str) -> Response:
        return city_page(request, slug, language)

    endpoint.__name__ = f"city_page_{slug}"
    return endpoint


#: The language a city page opens in when the address names none: the demo
#: cities are Finnish municipalities whose own pages open in Finnish.
CITY_DEFAULT_LANGUAGE = "fi"


def _city_redirect(slug: str):  # noqa: ANN202 (a FastAPI endpoint)
    def endpoint() -> Response:
        return RedirectResponse(f"/{slug}/{CITY_DEFAULT_LANGUAGE}/", status_code=302)

    endpoint.__name__ = f"city_redirect_{slug}"
    return endpoint


# One route per known city, so other routers (say /coach/...) are never shadowed;
# /espoo/ and /espoo (no language) go to the city's default language page.
for _slug in CITIES:
    router.add_api_route(
        f"/{_slug}/{{language}}/", _city_route(_slug), methods=["GET"], include_in_schema=False
    )
    for _path in (f"/{_slug}/", f"/{_slug}"):
        router.add_api_route(_path, _city_redirect(_slug), methods=["GET"], include_in_schema=False)


@router.get("/theme/{city_slug}.css", include_in_schema=False)
def theme_css(city_slug: str) -> Response:
    """The city's colours as CSS custom properties (kept out of inline styles for the CSP)."""
    city = get_city(city_slug)
    if city is None:
        return Response(status_code=404)
    css = f":root {{ --brand: {city.primary}; --brand-tint: {city.tint}; }}\n"
    return Response(css, media_type="text/css", headers={"Cache-Control": "public, max-age=300"})
