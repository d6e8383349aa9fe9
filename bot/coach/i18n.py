"""Dashboard interface text, from the message catalogue (``bot/locale/messages/<l>/coach.ftl``).

``text(lang) -> dict[str, str]``: every ``coach.<key>`` message in ``lang``,
keyed by ``<key>`` (templates read ``t.login``, ``t[key]``). ``lang`` is
normalised by the locale registry; a message a locale lacks falls back along
its chain (``bot/locale/locales.yml``); a language the registry does not
serve reads English.
``pick_language(query, cookie, accept_language) -> "fi" | "sv" | "en"``.
"""

from __future__ import annotations

from functools import cache

from bot.locale import catalogue, registry

#: The dashboard's languages: the locale registry's (bot/locale/locales.yml).
LANGUAGES = registry.codes()

#: The catalogue topic of the dashboard's texts (``coach.<key>``).
TOPIC = "coach"


@cache
def _texts(code: str) -> dict[str, str]:
    """``{key: text}`` of every ``coach.<key>`` message in registry locale ``code``, read once."""
    names = [key.split(".")[1] for key in catalogue.keys() if key.startswith(f"{TOPIC}.") and key.count(".") == 1]
    return {name: catalogue.t(f"{TOPIC}.{name}", code) for name in names}


def text(lang: str | None) -> dict[str, str]:
    """Interface strings for ``lang`` (any language tag: ``"sv-FI"`` reads Swedish), ``{key: text}``.

    The dictionary is shared between calls: read it, do not change it.
    """
    code = registry.normalise(lang)
    return _texts(code if code and registry.is_supported(code) else "en")


def pick_language(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The page language: ``?lang=``, then the ``coach_lang`` cookie, then Accept-Language, then en."""
    for candidate in (query, cookie):
        if candidate in LANGUAGES:
            return candidate  # type: ignore[return-value]
    for part in (accept_language or "").split(","):
        code = registry.normalise(part.split(";")[0].strip())  # by subtags, never the first two letters
        if code in LANGUAGES:
            return code
    return registry.default_code()
