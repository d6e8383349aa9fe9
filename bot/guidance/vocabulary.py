"""Canonical slot values of the conversation contract (docs/conversation.md).

Every slot the goal, confidence and interest forms fill holds one of these
values or the sentinel ``SKIPPED``. The synonyms that map free text onto
them live in :mod:`bot.guidance.answers`. The goal types, fields,
timeframes and education levels come from ``bot/contract/values.yml``, the
served cities and their typed-answer words from ``bot/contract/cities/*.yml``
(docs/contract.md).
"""

from __future__ import annotations

from typing import Final

from bot.contract.cities import city_contract
from bot.contract.values import value_contract
from bot.locale import registry

SKIPPED: Final = "skipped"
"""Sentinel stored when the person skips a question ("skip", "I don't know")."""

UNSURE: Final = "unsure"

GOAL_TYPES: Final[tuple[str, ...]] = value_contract().goal_types
FIELDS: Final[tuple[str, ...]] = value_contract().fields
FIELD_VALUES: Final[tuple[str, ...]] = (*FIELDS, UNSURE)
CITIES: Final[tuple[str, ...]] = tuple(city.value for city in city_contract().cities)
"""Cities whose services the bot covers, in canonical (Finnish) spelling, in the files' order."""
ONLINE: Final = "online"
CITY_VALUES: Final[tuple[str, ...]] = (*CITIES, ONLINE)
TIMEFRAMES: Final[tuple[str, ...]] = value_contract().timeframes
EDUCATION_LEVELS: Final[tuple[str, ...]] = value_contract().education_levels
"""The catalogue's levels (lowest first), then the conversation-only "other"."""
PREFERENCES: Final[tuple[str, ...]] = ("like", UNSURE, "dislike")
RATINGS: Final[tuple[int, ...]] = (1, 2, 3, 4, 5)
LANGUAGES: Final[tuple[str, ...]] = registry.codes()
"""Conversation languages: the locale registry's codes (``bot/locale/locales.yml``)."""

BACKGROUND_MAX_CHARS: Final = 500
"""Longest background text kept, in characters (docs/conversation.md)."""

SE_SLOTS: Final[tuple[str, ...]] = tuple(f"se_{n}" for n in range(1, 6))
RI_SLOTS: Final[tuple[str, ...]] = tuple(f"ri_{n}" for n in range(1, 13))
GOAL_SLOTS: Final[tuple[str, ...]] = (
    "goal_type",
    "field",
    "city",
    "timeframe",
    "education_level",
    "background",
)

CANONICAL: Final[dict[str, tuple[str, ...]]] = {
    "goal_type": GOAL_TYPES,
    "field": FIELD_VALUES,
    "city": CITY_VALUES,
    "timeframe": TIMEFRAMES,
    "education_level": EDUCATION_LEVELS,
}
"""Allowed values per goal slot (``SKIPPED`` is allowed for all of them)."""


def is_valid(slot: str, value: object) -> bool:
    """True when ``value`` is an allowed stored value of goal slot ``slot``.

    ``background`` accepts any non-empty string of at most
    ``BACKGROUND_MAX_CHARS`` characters. Unknown slot names give False.
    """
    if value == SKIPPED:
        return slot in CANONICAL or slot == "background"
    if slot == "background":
        return isinstance(value, str) and 0 < len(value.strip()) <= BACKGROUND_MAX_CHARS
    return value in CANONICAL.get(slot, ())


# ---------------------------------------------------------------------------
# Synonyms: free text -> canonical value. Phrases are written lower case and
# *folded* (ä -> a, ö -> o, å -> a, apostrophes dropped), because people type
# without diacritics; ``bot.guidance.answers.normalise`` folds input the same
# way. Longer phrases win over shorter ones ("not now" over "now").
# ---------------------------------------------------------------------------

SKIP_SECTION_PHRASES: Final[tuple[str, ...]] = (
    "skip", "skip this", "skip it", "skip this part", "skip this question", "skip all", "pass",
    "not now", "no thanks not now", "rather not", "id rather not say", "prefer not to say",
    "ohita", "ohitetaan", "ohita tama", "ohita tama osio", "ohita kaikki", "skippaa", "skipataan",
    "hyppaa yli", "ei nyt", "en halua vastata", "en halua sanoa",
    "hoppa over", "hoppa over detta", "skippa", "inte nu", "vill inte svara", "hoppa",
)
"""Phrases meaning "skip this question" (and, in a scale, the rest of the section)."""

DONT_KNOW_PHRASES: Final[tuple[str, ...]] = (
    "i dont know", "i do not know", "dont know", "idk", "dunno", "no idea", "no clue",
    "en tieda", "en tiia", "en tii", "en ma tieda", "ma en tieda", "mä en tiedä", "emma tieda",
    "ei hajua", "ei aavistustakaan", "en osaa sanoa", "vaikea sanoa", "vaikee sanoa",
    "vet inte", "jag vet inte", "vet ej", "ingen aning", "svart att saga",
)
"""Phrases meaning "I don't know": skips only the current question."""

GOAL_TYPE_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "job": (
        "job", "jobs", "a job", "work", "working", "employment", "find work", "get a job", "career",
        "tyo", "tyot", "toihin", "toita", "tyopaikka", "tyopaikan", "duuni", "duunia", "duuniin",
        "duunii", "hommia", "palkkatyo", "tyoelamaan", "tyollistya",
        "jobb", "jobba", "jobbet", "arbete", "arbeta", "anstallning", "ett jobb",
    ),
    "study": (
        "study", "studies", "studying", "school", "education", "training", "course", "courses",
        "degree", "learn", "learning", "retrain", "opiskelu", "opiskella", "opiskelemaan", "opiskelua",
        "opinnot", "opiskelee", "koulutus", "koulutukseen", "koulutusta", "kurssi", "kurssit",
        "kurssille", "kursseja", "koulu", "kouluun", "oppia", "opiskelis", "opiskelemaa",
        "studera", "studier", "studerar", "utbildning", "kurs", "kurser", "skola", "lara mig", "plugga",
    ),
    "both": (
        "both", "both of them", "a bit of both", "molemmat", "molempia", "molempii", "kumpikin",
        "kumpaakin", "molempaa", "bada", "bagge", "bada tva", "bada delarna",
    ),
    "unsure": (
        "not sure", "unsure", "dont know yet", "not decided", "undecided", "havent decided",
        "en ole varma", "en oo varma", "en tieda viela", "en tiia viela", "en viela tieda", "ehka",
        "maybe", "kanske", "vet inte an", "osaker", "inte saker",
    ),
}

FIELD_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "software": (
        "software", "coding", "programming", "code", "developer", "software development", "web development",
        "programmer", "ohjelmointi", "ohjelmoida", "ohjelmistokehitys", "koodaus", "koodaaminen",
        "koodata", "koodari", "koodaamaan", "ohjelmoija", "ohjelmistot", "web-kehitys", "verkkosivut",
        "programmering", "programmera", "utvecklare", "kodning", "koda", "mjukvara", "webbutveckling",
    ),
    "data": (
        "data", "data analysis", "analytics", "data science", "ai", "machine learning", "statistics",
        "data-analyysi", "analytiikka", "tekoaly", "tilastot", "datan", "dataa",
        "dataanalys", "analys", "statistik", "artificiell intelligens",
    ),
    "ux_content": (
        "ux", "ui", "design", "ux design", "user experience", "content", "content creation", "graphic design",
        "writing", "kayttokokemus", "kayttoliittyma", "kaytettavyys", "sisallontuotanto", "sisalto",
        "graafinen", "graafinen suunnittelu", "muotoilu", "palvelumuotoilu", "visuaalinen",
        "anvandarupplevelse", "innehall", "grafisk design", "grafisk", "innehallsproduktion",
    ),
    "it_support": (
        "it support", "support", "helpdesk", "help desk", "service desk", "tech support", "networks",
        "it-tuki", "it tuki", "tuki", "lahituki", "mikrotuki", "tietotekniikka", "tietoverkot",
        "kayttotuki", "it-stod", "it stod", "support", "kundsupport", "servicedesk", "natverk",
    ),
    "marketing_sales": (
        "marketing", "sales", "digital marketing", "social media", "selling", "seo", "advertising",
        "markkinointi", "myynti", "digimarkkinointi", "somemarkkinointi", "some", "sosiaalinen media",
        "mainonta", "myyja", "marknadsforing", "forsaljning", "sociala medier", "digital marknadsforing",
    ),
    "testing_quality": (
        "testing", "tester", "qa", "quality", "quality assurance", "software testing", "test automation",
        "testaus", "testaaja", "testaaminen", "laatu", "laadunvarmistus", "ohjelmistotestaus",
        "testning", "testare", "kvalitet", "kvalitetssakring",
    ),
    "unsure": (
        "not sure", "unsure", "anything", "any", "whatever", "open", "en ole varma", "en oo varma",
        "mika vaan", "mika tahansa", "ihan sama", "kaikki", "en tieda viela", "vad som helst",
        "osaker", "inte saker", "allt", "vet inte an",
    ),
}

TIMEFRAME_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "now": (
        "now", "right now", "asap", "as soon as possible", "immediately", "right away", "today",
        "this week", "this month", "urgent", "nyt", "heti", "heti kun mahdollista", "mahdollisimman pian",
        "tanaan", "talla viikolla", "tassa kuussa", "kiire", "saman tien", "nu", "genast", "direkt",
        "snarast", "med en gang", "idag", "sa fort som mojligt",
    ),
    "3_months": (
        "soon", "in a few months", "few months", "a few months", "couple of months", "within 3 months",
        "next few months", "pian", "kohta", "parin kuukauden", "muutaman kuukauden", "kolmen kuukauden",
        "lahikuukausina", "snart", "om nagra manader", "nagra manader", "inom tre manader",
    ),
    "this_year": (
        "this year", "later this year", "within a year", "later", "next year", "some day", "eventually",
        "tana vuonna", "vuoden sisalla", "myohemmin", "ensi vuonna", "joskus", "myohemmin tana vuonna",
        "i ar", "senare", "inom ett ar", "nasta ar", "under aret", "senare i ar",
    ),
    "unsure": (
        "not sure", "unsure", "depends", "no hurry", "no rush", "en ole varma", "en oo varma", "ei kiire",
        "ei oo kiire", "ei kiirett", "riippuu", "osaker", "inte saker", "beror pa", "ingen bradska",
    ),
}

EDUCATION_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "basic": (
        "basic", "basic education", "comprehensive school", "primary school", "elementary school",
        "middle school", "no degree", "none", "nothing", "peruskoulu", "ylaaste", "ala-aste",
        "kansakoulu", "ei tutkintoa", "ei mitaan", "ei koulutusta", "grundskola", "hogstadiet",
        "ingen examen", "ingen utbildning", "folkskola",
    ),
    "secondary": (
        "secondary", "high school", "upper secondary", "vocational", "vocational school", "trade school",
        "lukio", "ylioppilas", "ylioppilastutkinto", "ammattikoulu", "amis", "ammattitutkinto",
        "toinen aste", "toisen asteen", "perustutkinto", "ammatillinen", "ammatillinen tutkinto",
        "gymnasium", "gymnasiet", "studentexamen", "yrkesskola", "yrkesexamen", "andra stadiet",
        "yrkesutbildning",
    ),
    "bachelor": (
        "bachelor", "bachelors", "ba", "bsc", "university of applied sciences", "polytechnic",
        "undergraduate", "university", "university degree", "amk", "ammattikorkeakoulu",
        "amk-tutkinto", "kandi", "kandidaatti", "tradenomi", "insinoori", "yliopisto", "yh",
        "yrkeshogskola", "kandidat", "kandidatexamen", "universitet", "hogskola",
    ),
    "master": (
        "master", "masters", "msc", "mba", "phd", "doctorate", "licentiate", "postgraduate",
        "maisteri", "ylempi amk", "yamk", "diplomi-insinoori", "di", "tohtori", "lisensiaatti",
        "magister", "masterexamen", "doktor", "hogre hogskoleexamen", "diplomingenjor", "hogre yh",
    ),
    "other": (
        "other", "something else", "foreign degree", "muu", "jokin muu", "joku muu",
        "ulkomainen tutkinto", "annat", "nagot annat", "annan", "utlandsk examen",
    ),
}
"""A doctorate maps to "master": the highest level the contract names."""

CITY_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    city.value: city.typed_tokens for city in city_contract().cities
}
"""Exact (folded) tokens that name a city, besides the prefixes in CITY_PREFIXES
(``typed_answer.tokens`` of the city's file)."""

CITY_PREFIXES: Final[dict[str, tuple[str, ...]]] = {
    city.value: city.typed_prefixes for city in city_contract().cities
}
"""Token prefixes covering Finnish case endings: Espoossa, Helsingissä, Turusta, Vantaalle
(``typed_answer.prefixes`` of the city's file)."""

ONLINE_PHRASES: Final[tuple[str, ...]] = (
    "online", "remote", "remotely", "distance", "distance learning", "from home", "internet", "virtual",
    "etana", "eta", "etaopiskelu", "etaopetus", "etatyo", "etaopinnot", "verkossa", "verkko", "netissa",
    "kotoa", "verkko-opinnot", "distans", "pa distans", "pa natet", "hemifran", "pa nat",
)

RATING_PHRASES: Final[dict[int, tuple[str, ...]]] = {
    1: (
        "no", "nope", "never", "not at all", "absolutely not", "definitely not", "not confident",
        "ei", "en", "ei ollenkaan", "en yhtaan", "ei yhtaan", "en ollenkaan", "en lainkaan", "ei lainkaan",
        "en todellakaan", "nej", "inte alls", "nej inte alls", "absolut inte", "aldrig",
    ),
    2: (
        "not really", "not very", "a little", "a bit", "slightly", "not so sure", "not sure", "hardly",
        "not", "en oikein", "en kovin", "ei kovin", "vahan", "hieman", "en ole varma", "en oo varma",
        "en ole ihan varma", "en ihan", "inte riktigt", "inte sarskilt", "lite", "inte sa", "inte",
        "inte saker", "osaker",
    ),
    3: (
        "kind of", "kinda", "somewhat", "maybe", "sort of", "so so", "sometimes", "partly", "in between",
        "ehka", "jonkin verran", "jotenkin", "niin ja nain", "osittain", "kohtalaisesti", "siina ja siina",
        "kanske", "delvis", "sadar", "sa dar", "ibland", "mittemellan", "hyfsat",
    ),
    4: (
        "yes", "yeah", "yep", "sure", "quite", "pretty sure", "fairly sure", "quite sure", "mostly",
        "i think so", "probably", "kylla", "joo", "juu", "melko", "aika", "aika varma", "melko varma",
        "varma", "luultavasti", "todennakoisesti", "ja", "japp", "ganska", "ganska saker", "troligen",
        "mestadels", "jo", "saker",
    ),
    5: (
        "yes definitely", "definitely", "absolutely", "completely", "totally", "very sure", "for sure",
        "of course", "certainly", "completely sure", "totally sure", "ehdottomasti", "todella",
        "taysin", "varmasti", "tietysti", "totta kai", "tosi varma", "ihan varma", "todellakin",
        "taysin varma", "absolut", "definitivt", "helt saker", "sjalvklart", "verkligen", "sakert",
        "sakerligen", "sa klart", "ja verkligen", "helt och hallet",
    ),
}
"""Words meaning a point on the 1-5 "how sure are you" scale (1 = not at all, 5 = completely)."""

NUMBER_WORDS: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
    "nolla": 0, "yksi": 1, "yks": 1, "ykkonen": 1, "kaksi": 2, "kaks": 2, "kakkonen": 2, "kolme": 3,
    "kolmonen": 3, "nelja": 4, "nelonen": 4, "viisi": 5, "viis": 5, "vitonen": 5, "kuusi": 6,
    "seitseman": 7, "kahdeksan": 8, "yhdeksan": 9, "kymmenen": 10,
    "noll": 0, "ett": 1, "etta": 1, "ettan": 1, "tva": 2, "tvaa": 2, "tvaan": 2, "tre": 3, "trea": 3,
    "fyra": 4, "fyran": 4, "fem": 5, "femma": 5, "femman": 5, "sex": 6, "sju": 7, "atta": 8, "nio": 9,
    "tio": 10,
}

PREFERENCE_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "like": (
        "like", "i like", "id like", "i would like", "like it", "like that", "id like that", "love",
        "love it", "yes", "yeah", "yep", "sure", "sounds good", "fun", "interesting", "great", "nice",
        "cool", "kiva", "kivaa", "tykkaan", "tykkaisin", "tykkaa", "kiinnostaa", "kiinnostava",
        "mielellani", "joo", "juu", "kylla", "hyva", "hauska", "hauskaa", "siisti", "jes",
        "kuulostaa hyvalta",
        "gillar", "gillar det", "garna", "ja", "rolig", "roligt", "intressant", "bra", "later bra", "alskar",
    ),
    "unsure": (
        "not sure", "unsure", "maybe", "perhaps", "so so", "depends", "could be", "neutral",
        "ehka", "en ole varma", "en oo varma", "riippuu", "voi olla", "en osaa sanoa", "niin ja nain",
        "kanske", "osaker", "inte saker", "beror pa", "sadar", "mittemellan",
    ),
    "dislike": (
        "dislike", "dont like", "do not like", "wouldnt like", "not for me", "no", "nope", "not really",
        "boring", "hate", "no thanks", "not interested", "ei", "en tykkaa", "en tykkais", "ei kiinnosta",
        "en pida", "ei kiva", "tylsaa", "tylsa", "ei minun juttu", "ei mun juttu", "ei oikein", "nej",
        "gillar inte", "inte", "inte for mig", "trakigt", "nej tack", "inte intresserad",
    ),
}

NEGATIONS: Final[frozenset[str]] = frozenset(
    {"not", "no", "dont", "never", "en", "ei", "emma", "inte", "ej", "aldrig", "wouldnt", "cant"}
)
"""Words that flip "like" to "dislike", or a high rating down to 2, when just before it."""

EMOJI_WORDS: Final[dict[str, str]] = {
    "👍": " yes ", "👌": " yes ", "😊": " yes ", "🙂": " yes ", "😀": " yes ", "❤️": " love ", "❤": " love ",
    "👎": " no ", "🙁": " no ", "😞": " no ", "🤷": " not sure ", "😐": " so so ",
}
"""Emoji with a clear meaning for a yes/no or like/dislike answer; other emoji are ignored."""

YES_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("yes", "yeah", "yep", "yup"),
    "fi": ("kylla", "joo", "juu", "jep", "jes"),
    "sv": ("ja", "japp", "jo", "javisst"),
}
"""Bare yes-words by the language where they mean yes. On a rating or interest item
they count only in a short answer (at most ``YES_WORD_MAX_TOKENS`` words), never
inside a longer sentence."""
YES_WORD_MAX_TOKENS: Final = 3
SWEDISH_ONLY_YES: Final[frozenset[str]] = frozenset({"ja", "jo"})
"""Yes in Swedish only: Finnish 'ja' is 'and', 'jo' is 'already'. They count in a
Swedish session or when the answer is clearly Swedish."""
SWEDISH_MARKERS: Final[frozenset[str]] = frozenset(
    {"tack", "jag", "det", "gor", "ar", "visst", "garna", "ganska", "saker", "absolut", "klart",
     "verkligen", "precis", "bra", "gillar", "kanske", "helt", "mycket"}
)
"""Folded words that make a short answer clearly Swedish ("ja tack", "ja, det gör jag")."""
NEGATIVE_WORDS: Final[frozenset[str]] = frozenset(
    {"not", "no", "never", "dont", "cant", "cannot", "wouldnt", "bad", "badly", "hard", "difficult",
     "poorly", "ei", "en", "emma", "eika", "huono", "huonosti", "huonoa", "vaikea", "vaikeaa", "vaikee",
     "vaikeeta", "heikosti", "inte", "ej", "nej", "aldrig", "daligt", "svart"}
)
"""Folded words that keep a sentence from becoming a positive score (4-5 or "like"):
with one of them the bot asks with the buttons instead."""
