"""What the bot says around a handoff, in fi, sv and en (used by ``actions/handoff.py``)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "queued": {
        "en": "I have asked a coach to join this chat. While you wait, I will stay quiet; a coach "
        "usually answers within {minutes} minutes.",
        "fi": "Pyysin ohjaajaa liittymään tähän keskusteluun. Odottaessasi olen hiljaa; ohjaaja "
        "vastaa yleensä {minutes} minuutin kuluessa.",
        "sv": "Jag har bett en handledare att komma in i chatten. Medan du väntar är jag tyst; en "
        "handledare svarar oftast inom {minutes} minuter.",
    },
    "timeout": {
        "en": "I'm sorry, no coach is free right now. You can still reach the employment services directly:",
        "fi": "Valitettavasti yksikään ohjaaja ei ole juuri nyt vapaana. "
        "Voit ottaa yhteyttä työllisyyspalveluihin suoraan:",
        "sv": "Tyvärr är ingen handledare ledig just nu. Du kan kontakta sysselsättningstjänsterna direkt:",
    },
    "resumed": {
        "en": "The coach has handed the chat back to me, DigiPoint. We can carry on where we left off.",
        "fi": "Ohjaaja palautti keskustelun minulle, DigiPointille. Voimme jatkaa siitä, mihin jäimme.",
        "sv": "Handledaren har lämnat tillbaka chatten till mig, DigiPoint. Vi kan fortsätta där vi slutade.",
    },
}


def say(key: str, lang: str, **values: object) -> str:
    """``TEXT[key]`` in ``lang`` (English when unknown), formatted with ``values``."""
    variants = TEXT[key]
    return variants.get(lang, variants["en"]).format(**values)
