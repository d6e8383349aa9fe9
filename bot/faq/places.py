"""Places DigiPoint does not serve: recognise them in a typed city answer.

DigiPoint's services are in Turku, Espoo, Helsinki and Vantaa
(:data:`bot.guidance.vocabulary.CITIES`). A person in Oulu or Tampere can
still use online courses and the national job search (Job Market Finland,
Työmarkkinatori); :func:`unserved_place` finds such a place name, with its
Finnish case endings ("Oulussa", "Tampereelta"), so the bot can say so
instead of asking the same question again.
"""

from __future__ import annotations

from functools import lru_cache

from bot.catalogue.municipalities import KUNTA_CODES
from bot.guidance.answers import fold, normalise
from bot.guidance.vocabulary import CITIES

MIN_STEM = 4

EXTRA_PLACES: tuple[str, ...] = (
    "Oulu", "Tampere", "Jyväskylä", "Kuopio", "Lahti", "Pori", "Joensuu", "Lappeenranta", "Vaasa",
    "Seinäjoki", "Rovaniemi", "Kotka", "Kouvola", "Mikkeli", "Kajaani", "Kokkola", "Hämeenlinna",
    "Rauma", "Salo", "Porvoo", "Lohja", "Hyvinkää", "Savonlinna", "Kemi", "Tornio", "Iisalmi",
    "Uleåborg", "Tammerfors", "Vasa", "Björneborg", "Borgå", "Tavastehus", "Villmanstrand", "Lahtis",
)


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Folded stem -> place name, for places outside the served cities."""
    served = {fold(city) for city in CITIES}
    names = {*KUNTA_CODES.values(), *EXTRA_PLACES}
    stems: dict[str, str] = {}
    for name in names:
        folded = fold(name)
        if folded in served or len(folded) < MIN_STEM:
            continue
        # "oulu" matches Oulu, Oulussa, Ouluun; "tamper" matches Tampereella.
        stem = folded if len(folded) <= 5 else folded[:-1]
        stems[stem] = name
    return stems


def unserved_place(text: object) -> str | None:
    """The name of a Finnish place DigiPoint does not serve named in ``text``, else None."""
    for token in normalise(text).split():
        for stem, name in _places().items():
            if token.startswith(stem) and len(token) - len(stem) <= 6:
                return name
    return None
