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
def _texts(topic: str, code: str) -> dict[str, str]:
    """``{key: text}`` of every ``<topic>.<key>`` message in registry locale ``code``, read once.

    A message's variables stay as ``{name}`` placeholders (templates fill
    them with ``str.format``: ``ct.done_label.format(contact=...)``).
    """
    prefix = f"{topic}."
    names = [key.split(".")[1] for key in catalogue.keys() if key.startswith(prefix) and key.count(".") == 1]
    result = {}
    for name in names:
        key = f"{topic}.{name}"
        holes = catalogue.variables(key, "en") | catalogue.variables(key, code)
        result[name] = catalogue.t(key, code, **{hole: "{" + hole + "}" for hole in holes})
    return result


def topic_text(topic: str, lang: str | None) -> dict[str, str]:
    """The strings of one dashboard page's catalogue topic (``"coach_contacts"``) in ``lang``.

    ``lang`` is any language tag (``"sv-FI"`` reads Swedish); a language the
    registry does not serve reads English. The dictionary is shared between
    calls: read it, do not change it.
    """
    code = registry.normalise(lang)
    return _texts(topic, code if code and registry.is_supported(code) else "en")


def text(lang: str | None) -> dict[str, str]:
    """The dashboard's shared interface strings (topic ``coach``) in ``lang``, ``{key: text}``."""
    return topic_text(TOPIC, lang)


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
