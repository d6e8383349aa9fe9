"""Figurative death and killing words that are not a crisis: "this traffic is killing me".

The classifier learns that "die", "kill", "kuolla" and "döda" go with
``express_distress``, because most crisis examples contain them. Everyday
idioms then reach the crisis reply: "I killed it at karaoke", "mä kuolin
nauruun", "jag dör av tristess". ``figurative_death(text)`` finds such
idioms; ``rasa_addons.crisis_guard.CrisisGuard`` then demotes a classifier's
``express_distress`` whatever its confidence, unless a crisis pattern
matched (the crisis lexicon always wins: "I'm dead tired and want to kill
myself" is a crisis).

The list was written from the idioms of each language (dictionary phrases
such as "bored to death", "kuolemanväsynyt", "dödstrött") and from the
training data's everyday messages that cross-validation sent to the crisis
reply. Text is matched as in the crisis lexicon: case-folded, NFC, ä/ö/å as
a/o.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Text

IDIOMS: Dict[Text, List[Text]] = {
    "en": [
        # "X is killing me", "killed it", "kill time", "could kill for a coffee", "to die for".
        r"\b(is|are|was|were|s|re) (totally |literally |just |really )?killing me\b",
        r"\bkill(ed|ing)? it\b(?! all\b)|\bkill(ing)? (some )?time\b|\b(could|would) kill for\b|"
        r"\bto die for\b",
        # "died laughing", "dying of boredom", "dying to see", "bored to death", "dead tired".
        r"\b(died|dying|dead|die) (of |from )?(laugh\w*|boredom|embarrassment|cringe)\b|"
        r"\bdying to (see|know|try|start|get|go|meet|hear|watch)\b|"
        r"\b(bored|scared|tired|worried|sick) to death\b|\bdead (tired|bored|on my feet)\b|"
        r"\b(phone|laptop|computer|battery|car|printer|wifi|internet) (is |just )?(died|dead)\b",
        r"\b(heat|traffic|queue|boss|commute) (is )?(killing|killer)\b|\bkiller (heat|queue|workout)\b",
        r"\brather die than (work|go|do|sit|eat|wear|be seen|call|ask)\b",
    ],
    "fi": [
        # "kuolin nauruun", "nauroin itseni kuoliaaksi", "kuolemanväsynyt", "odotan kuollakseni".
        r"\bkuol(in|la|en) nauru(un|sta)\b|\bnauroi?n? (itteni|itseni) kuoliaaksi\b|"
        r"\bkuoleman ?(vasy|tyls)\w*|\b(odotan|odotin|haluun|haluan) kuollakseni\b|"
        r"\bkuolettava(n|sti)? (tyls|pitka|hidas)\w*",
        # "tappava helle", "tapan aikaa", a machine that "died".
        r"\btappava(a|n)? (helle|helteen|tylsyys|tylsyyden|kiire)\b|\btap(an|oin|etaan|pa)a? aikaa\b|"
        r"\b(kone|puhelin|luuri|akku|lappari|tietokone|auto|netti)\w* (sammui ja )?kuol(i|lu|lut)\b",
        # "kuolla tylsyyteen / häpeään / ikävään / uteliaisuuteen".
        r"\bkuol(la|laan|en|in|isin|lut|lu|ee) (tylsyyteen|hapeaan|ikavaan|uteliaisuuteen|nalkaan|janoon)\b",
    ],
    "sv": [
        # "dör av tristess", "längtar ihjäl", "skrattade ihjäl", "dödstrött", "döda tiden".
        r"\b(dor|dog|do) av (tristess|skratt|langtan|nyfikenhet|skam|hetta|varme)\b|"
        r"\b(langtar|langtade|skrattade|skrattar|skammes|skams|fryser|fros|tristas) ihjal\b|"
        r"\bdods(trott|trist|trak|tragig|skont|snygg)\w*|\bihjalskramd\b|\bdoda tiden\b",
        r"\b(mobilen|datorn|batteriet|bilen|skrivaren|wifit|natet) (dog|ar dod|har dott)\b",
        # "jobbet tar livet av mig", "det här kommer att ta livet av mig", "hellre dö än jobba där".
        r"\b(jobbet|arbetet|det har|detta|det|den har|stressen|pendlingen|kon|chefen|skolan|kursen|"
        r"sokandet|jobbsokandet|vantan)\b[^.!?]{0,20}"
        r"\b(tar|kommer (att )?ta|ska ta) (livet|kal) av (mig|mej)\b|"
        r"\bhellre do an (jobba|ga|gora|sitta|aka|bo|ringa)\b",
    ],
}

_COMPILED = [re.compile(p) for patterns in IDIOMS.values() for p in patterns]


def figurative_death(folded_text: Optional[Text]) -> bool:
    """True when ``folded_text`` (already case-folded, ä/ö/å as a/o) holds a figurative death idiom."""
    if not folded_text:
        return False
    return any(pattern.search(folded_text) for pattern in _COMPILED)
