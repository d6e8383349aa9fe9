"""Demo pages without the stack: every city page in its language and colours, 404s, widget tag."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from bot.config import get_settings
from bot.web.app import create_app
from bot.web.cities import CITIES, LANGUAGES
from bot.web.page_text import texts


class _Collector(HTMLParser):
    """Collects <html lang>, <script> attributes, <link> hrefs and inline handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.html_lang: str | None = None
        self.scripts: list[dict[str, str | None]] = []
        self.stylesheets: list[str] = []
        self.inline_handlers: list[str] = []
        self.inline_scripts = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_lang = values.get("lang")
        if tag == "script":
            self.scripts.append(values)
            self._in_script = "src" not in values
        if tag == "link" and values.get("rel") == "stylesheet":
            self.stylesheets.append(values.get("href") or "")
        self.inline_handlers += [name for name in values if name.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts += 1


def _contrast(a: str, b: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    def luminance(hex_colour: str) -> float:
        n = int(hex_colour[1:], 16)
        r, g, bl = (n >> 16) & 255, (n >> 8) & 255, n & 255
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(bl)

    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


@pytest.fixture(scope="module")
def client() -> TestClient:
    """A TestClient on a fresh app."""
    return TestClient(create_app())


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


@pytest.mark.parametrize("slug", sorted(CITIES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_city_page_renders_in_its_language_with_widget(client: TestClient, slug: str, language: str) -> None:
    """Each city page is in its language, names the city, and embeds the widget for it."""
    city = CITIES[slug]
    response = client.get(f"/{slug}/{language}/")
    assert response.status_code == 200
    page = _parse(response.text)
    assert page.html_lang == language
    assert texts(language)["page_title"] in response.text
    assert city.organisation[language] in response.text
    widgets = [s for s in page.scripts if (s.get("src") or "").startswith("/static/widget.js")]
    assert len(widgets) == 1
    tag = widgets[0]
    assert tag["data-server-url"] == get_settings().rasa_public_url
    assert tag["data-city"] == city.slot_value
    assert tag["data-language"] == language
    assert tag["data-title"] == texts(language)["widget_title"]
    assert tag["data-primary-colour"] == city.primary
    assert f"/theme/{slug}.css" in page.stylesheets
    assert page.inline_handlers == [] and page.inline_scripts == 0


@pytest.mark.parametrize("slug", sorted(CITIES))
def test_city_theme_has_its_colours_at_aa_contrast(client: TestClient, slug: str) -> None:
    """The theme CSS carries the city's colours; white on the brand and dark on the tint reach 4.5:1."""
    city = CITIES[slug]
    css = client.get(f"/theme/{slug}.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert city.primary in css.text and city.tint in css.text
    assert _contrast(city.primary, "#ffffff") >= 4.5
    assert _contrast(city.primary, city.tint) >= 4.5  # links and headings on the hero
    assert _contrast("#1a1a1a", city.tint) >= 4.5


def test_city_colours_are_distinct() -> None:
    """Each city has its own brand colour."""
    assert len({city.primary for city in CITIES.values()}) == len(CITIES)


def test_landing_page_links_every_city_page_and_embeds_helsinki_en(client: TestClient) -> None:
    """The landing page links all 12 pages and embeds the widget (Helsinki, en)."""
    response = client.get("/")
    assert response.status_code == 200
    for slug in CITIES:
        for language in LANGUAGES:
            assert f'href="/{slug}/{language}/"' in response.text
    scripts = _parse(response.text).scripts
    tag = next(s for s in scripts if (s.get("src") or "").startswith("/static/widget.js"))
    assert tag["data-city"] == "Helsinki" and tag["data-language"] == "en"


@pytest.mark.parametrize("path", ["/oulu/fi/", "/helsinki/de/", "/nothing-here"])
def test_unknown_pages_are_404(client: TestClient, path: str) -> None:
    """Unknown cities, languages and paths give 404 (an HTML page for browsers)."""
    response = client.get(path, headers={"accept": "text/html"})
    assert response.status_code == 404
    assert "<h1>" in response.text
    assert client.get(path, headers={"accept": "application/json"}).status_code == 404


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


MISSING = ["/oulu/fi/", "/espoo/de/", "/nothing-here", "/coach/nothing", "/static/x.js"]


@pytest.mark.parametrize("path", MISSING)
@pytest.mark.parametrize(
    ("accept_language", "language"),
    [("sv-FI,sv;q=0.9,en;q=0.8", "sv"), ("de-DE,fi;q=0.7,en;q=0.9", "en"), ("de", "en"), ("fi", "fi")],
)
def test_every_not_found_page_is_html_in_the_browsers_language_with_city_links(
    client: TestClient, path: str, accept_language: str, language: str
) -> None:
    """A person who mistypes an address sees the 404 page in their language, with links to the city pages."""
    response = client.get(path, headers={"accept": BROWSER, "accept-language": accept_language})
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert _parse(response.text).html_lang == language
    assert f"<h1>{texts(language)['not_found_title']}</h1>" in response.text
    for slug, city in CITIES.items():
        assert f'<a href="/{slug}/{language}/">{city.names[language]}</a>' in response.text


@pytest.mark.parametrize("accept", ["*/*", ""])
def test_not_found_is_html_for_plain_clients_and_json_only_when_asked(
    client: TestClient, accept: str
) -> None:
    """curl and other plain clients see the page too; a client asking for JSON keeps JSON."""
    response = client.get("/oulu/fi/", headers={"accept": accept})
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert _parse(response.text).html_lang == "fi"  # no Accept-Language: the address's language
    api = client.get("/oulu/fi/", headers={"accept": "application/json"})
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("slug", list(CITIES))
def test_a_city_address_without_language_opens_the_city_page_in_finnish(
    client: TestClient, slug: str
) -> None:
    """/espoo/ and /espoo take the person to /espoo/fi/, not to a 'Not Found'."""
    for path in (f"/{slug}/", f"/{slug}"):
        response = client.get(path, headers={"accept": BROWSER}, follow_redirects=False)
        assert response.status_code == 302 and response.headers["location"] == f"/{slug}/fi/"
    assert client.get(f"/{slug}/", headers={"accept": BROWSER}).status_code == 200


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    """No inline script or eval; connections only to this site and the Rasa server."""
    csp = client.get("/espoo/sv/").headers["content-security-policy"]
    assert "script-src 'self';" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    rasa = get_settings().rasa_public_url.rstrip("/")
    assert rasa in csp
    assert re.search(r"connect-src [^;]*ws", csp)


def test_widget_bundle_is_served_and_has_no_eval_or_inner_html(client: TestClient) -> None:
    """The committed bundle is served; it never evaluates strings or assigns innerHTML."""
    response = client.get("/static/widget.js")
    assert response.status_code == 200
    body = response.text
    assert "eval(" not in body
    assert "innerHTML" not in body
    assert "new Function" not in body


@pytest.mark.parametrize("slug", ["turku", "espoo", "helsinki", "vantaa"])
def test_page_shows_the_same_service_phone_the_bot_gives_in_chat(slug: str) -> None:
    from bot.config.cities import city_config

    phone = city_config(CITIES[slug].slot_value).service("fi")["phone"]
    page = TestClient(create_app()).get(f"/{slug}/fi/").text
    assert f'href="tel:{phone.replace(" ", "")}"' in page
