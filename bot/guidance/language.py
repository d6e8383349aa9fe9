"""Guess the conversation language from the person's words, and read
"speak Finnish" style requests.

:func:`detect_language` is for when the page gives no language: it counts
common function words and colloquial forms of Finnish, Swedish and English
(folded, so "mä", "ma" and "är", "ar" count alike), adds a point for "å"
(Swedish) and for Finnish case endings, and returns the clear winner, or
None when the text gives no signal or two languages tie.
"""

from __future__ import annotations

import re

from bot.guidance.answers import fold, normalise
from bot.locale.folding import MARKS

_MARKERS: dict[str, frozenset[str]] = {
    "fi": frozenset(
        "mina ma mie sina olen oon olla ja en ei haluan haluun haluisin haluaisin kiitos moi moikka hei "
        "terve mita miten missa on etta kylla joo juu toita toihin tyo tyota tieda tiia osaan voisin "
        "mulla minulla mua ois olis kiva viela nyt koska mutta kanssa kurssi opiskella opiskelu suomeksi "
        "puhu apua tarvitsen etsin hyva siis vaan mut et oli tai jos sita tama tassa".split()
    ),
    "sv": frozenset(
        "jag och ar inte det att ett vill soker hej tack med pa for har kan jobb vet ja nej hur vad mig "
        "min du svenska garna jobba studera som om eller ocksa bra tjena hejsan jobbar arbete kurs "
        "skulle vara gar ingen nagot har".split()
    ),
    "en": frozenset(
        "i im the and a an to want would like need job work is are you my me what how hello hi hey thanks "
        "thank please yes no not know english can do dont study find looking for of with help it this "
        "that have am be".split()
    ),
}
_WORD = re.compile(rf"(?:[^\W\d_]|[{MARKS}])+")  # a letter word; an Arabic one keeps its harakat
_FI_ENDINGS = re.compile(r"\w{3,}(ssa|ssä|sta|stä|lla|llä|lta|ltä|ksi|seen|hin|mme|tte|aan|ään)$")

_REQUESTS: dict[str, tuple[str, ...]] = {
    "fi": ("fi", "suomi", "suomea", "suomeksi", "suomen", "finnish", "in finnish", "finska", "pa finska",
           "puhu suomea", "suomen kielella"),
    "sv": ("sv", "svenska", "pa svenska", "ruotsi", "ruotsia", "ruotsiksi", "swedish", "in swedish",
           "tala svenska", "puhu ruotsia"),
    "en": ("en", "english", "in english", "englanti", "englantia", "englanniksi", "engelska", "pa engelska",
           "speak english", "puhu englantia"),
}


def detect_language(text: str) -> str | None:
    """The language ``text`` is written in: ``"fi"``, ``"sv"``, ``"en"`` or None.

    None for empty text, a single proper noun ("Espoo"), or when the signal
    is too weak or tied. Reads at most the first 1,000 characters.
    """
    if not isinstance(text, str):
        return None
    raw = text[:1000].lower()
    tokens = _WORD.findall(fold(raw.replace("'", "").replace("’", "")))
    if not tokens:
        return None
    scores = dict.fromkeys(_MARKERS, 0.0)
    for token in tokens:
        for lang, words in _MARKERS.items():
            if token in words:
                scores[lang] += 1.0
    scores["sv"] += 1.0 if "å" in raw else 0.0
    scores["fi"] += 0.5 * sum(1 for word in raw.split() if _FI_ENDINGS.match(word.strip(".,!?")))
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    (best, top), (_second, runner_up) = ranked[0], ranked[1]
    if top < 1.0 or top == runner_up:
        return None
    return best


def parse_language_request(text: str | None) -> str | None:
    """The language asked for in ``text``: "suomeksi", "puhu suomea", "på svenska",
    "in English", a language code or name; None when no language is named.
    """
    if not isinstance(text, str):
        return None
    prepared = f" {normalise(text[:300])} "
    best: tuple[int, str] | None = None
    for lang, phrases in _REQUESTS.items():
        for phrase in phrases:
            if f" {fold(phrase)} " in prepared and (best is None or len(phrase) > best[0]):
                best = (len(phrase), lang)
    return best[1] if best else None
