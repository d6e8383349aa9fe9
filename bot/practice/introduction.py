"""The self-introduction builder ("Tell me about yourself", 'kerro itsestäsi').

From the person's three answers (what they did, what they are good at, what
they want next) and what the conversation already knows (field, goal type,
skills and occupations the matcher found in the background, which is where
informal work, hobbies and volunteering the person named end up), write 3 to
6 short first-person sentences in the conversation language.

Shapes::

    IntroAnswers(did: str | None, good_at: str | None, want_next: str | None)
        # cleaned answers (clean_answer); None = skipped or empty
    KnownFacts(field: str | None, goal_type: str | None,
               skills: tuple[str, ...], occupations: tuple[str, ...])
        # slot values; skills and occupations already in the person's language
    build_introduction(...) -> list[str]       # 3..6 sentences, each ends in . ! or ?
    skills_section(answers, known) -> list[str]  # 0..8 items for the skills part of a CV
    render_download(sentences, skills, lang) -> str  # what "Copy" / "Download" give

Order (the elevator-pitch structure "present, past, future": who you are and
what you can do now, how you got here, what you want next; Lily Zhang, "The
Perfect Formula for Answering 'Tell Me About Yourself'", The Muse; the same
shape as the Finnish 'hissipuhe' advice of the employment services):

1. present: the field the person is interested in, or a general line (also
   when the wish of 5. names the field already, so it is not said twice);
2. present: strengths in the person's own words (``good_at``);
3. present: skills the conversation found (ESCO / shipped vocabulary labels);
4. past: what the person did (``did``), else the occupations found;
5. future: what the person wants next, else a line from the goal type;
6. a short, fact-free close ("I am happy to tell you more.").

Sentences 1, 5 and 6 are always there, so even three skipped answers give 3.

Strengths-based (the strengths model of Rapp and Goscha, *The Strengths
Model*, Oxford University Press): a sentence names what the person can do,
never a deficit. A part of an answer that says what the person cannot do
("I'm not good at computers", "en osaa", "inte bra på") is dropped; only the
rest is used. Nothing is invented: every claim is the person's own words or a
fact the person gave earlier.

Answers are cleaned (:func:`clean_answer`): markup and emoji dropped, spaces
collapsed, skip phrases ("skip", "en tiiä", "hoppa över") and emoji-only
answers read as skipped, negative parts dropped, and the rest cut to one
sentence of at most ``MAX_PART_CHARS`` characters at a word boundary. The
person's words are never translated: an English answer in a Finnish
conversation stays English inside the Finnish sentence, so mixed-language
answers keep what the person meant.

Texts: ``bot/locale/messages/<locale>/introduction.ftl``. No function raises
on any answer text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.guidance.answers import skip_kind, without_emoji
from bot.guidance.vocabulary import SKIPPED
from bot.i18n import normalise_language, t

MIN_SENTENCES = 3
MAX_SENTENCES = 6
MAX_PART_CHARS = 160
"""Characters of one answer kept in a sentence (about one line on a phone)."""
MAX_SUMMARY_CHARS = 2 * MAX_PART_CHARS
"""Characters of one sentence kept in the summary (a sentence is a template plus one answer)."""
MAX_SKILL_WORDS = 4
"""Words of one strength that still read as a CV skill ("working with people")."""
MAX_SECTION_ITEMS = 8
"""Items of the CV skills section."""
MAX_SKILLS = 4
"""Skills named in the skills sentence; more reads as a list, not a sentence."""
FIELDS = ("software", "data", "ux_content", "it_support", "marketing_sales", "testing_quality")
GOAL_TYPES = ("job", "study", "both", "unsure")

_TAG_RE = re.compile(r"<[^>]{0,300}>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_CLAUSE_SPLIT = re.compile(r"\s*(?:;|,?\s+(?:but|mutta|mut|men|although|vaikka|fast)\s+)\s*", re.IGNORECASE)
_TRAILING = re.compile(r"[\s,;:.!?-]+$")
_EDIT_RE = re.compile(
    r"^\s*(?:sentence|lause|lauseen|mening|meningen)?\s*#?\s*([1-9])\s*[:.)=-]\s*(\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a"})
_LIST_SPLIT = re.compile(r"\s*[,;/]\s*|\s+(?:and|ja|sekä|seka|och|&)\s+", re.IGNORECASE)

# What the person cannot do: a part of an answer holding one of these is dropped
# (folded text: lower case, ä → a, ö → o, å → a; apostrophes removed).
_NEGATIVE = re.compile(
    r"\b(?:not (?:good|very good|great|able)|no good|bad at|bad with|cant|cannot|can not|unable|weak at"
    r"|struggle with|dont know how|nothing|none"
    r"|en osaa|en oo hyva|en ole hyva|en ole kovin|en oo kovin|huono|huonosti|heikko|en pysty"
    r"|en mitaan|ei mitaan"
    r"|inte bra|inte sa bra|kan inte|dalig pa|svag pa|ingenting|klarar inte)\b"
)

# An answer that starts with one of these already speaks in the first person and
# becomes a sentence as it is (capitalised, full stop); other answers go into a template.
_FIRST_PERSON = {
    "en": ("i", "im", "ive", "id", "ill", "my", "me"),
    "fi": ("mina", "ma", "mie", "minulla", "mulla", "minun", "mun", "olen", "oon", "olin", "osaan", "teen",
           "tein", "haluan", "haluun", "haluaisin", "haluisin", "opiskelin", "opiskelen", "tyoskentelin",
           "tyoskentelen", "tykkaan", "pidan", "aion", "autan", "autoin", "hoidin", "hoidan", "voisin"),
    "sv": ("jag", "mig", "min", "mitt", "mina"),
}
# English answers that start with a past-tense verb ("worked in a shop") get "I" in front.
_EN_PAST_VERB = re.compile(r"^(?:\w+ed|was|did|made|taught|ran|built|led|sold|took|went|grew|wrote|drove)\b")
# Swedish answers that start with a verb ("har jobbat i butik") get "Jag" in front.
_SV_VERBS = frozenset("har hade jobbade arbetade studerade var kan vill gillar tycker hjalper".split())
# English answers that start with a verb ("find a job", "help people") take "I would like to" / "I can".
_EN_VERBS = frozenset(
    "find get work study learn start become be do try go move apply change help make build fix teach "
    "talk listen solve organise organize plan write draw design code sell care cook drive lead".split()
)


@dataclass(frozen=True)
class IntroAnswers:
    """The three answers, cleaned by :func:`clean_answer` (None = skipped or nothing usable)."""

    did: str | None = None
    good_at: str | None = None
    want_next: str | None = None


@dataclass(frozen=True)
class KnownFacts:
    """What the conversation knows: slot values, skills and occupations already localised."""

    field: str | None = None
    goal_type: str | None = None
    skills: tuple[str, ...] = ()
    occupations: tuple[str, ...] = ()


def _fold(text: str) -> str:
    folded = text.lower().translate(_FOLD)
    return re.sub(r"[’'`´]", "", folded)


def _tidy(text: str) -> str:
    """Markup, emoji and control characters out; one space between words."""
    text = unicodedata.normalize("NFKC", text)
    text = _TAG_RE.sub(" ", text)
    text = without_emoji(text)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" or ch == "\n" else " " for ch in text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def is_negative(text: str) -> bool:
    """True when ``text`` says what the person cannot do ("I'm not good at X", "en osaa", "kan inte")."""
    return bool(_NEGATIVE.search(_fold(text)))


def _cut(text: str, limit: int = MAX_PART_CHARS) -> str:
    """``text`` without end punctuation, cut at the last word boundary within ``limit`` characters."""
    text = _TRAILING.sub("", text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return _TRAILING.sub("", cut[:space] if space > limit // 2 else cut)


def clean_answer(text: object) -> str | None:
    """One answer as a sentence part: tidy, positive parts only, one sentence, at most MAX_PART_CHARS.

    Returns None for a non-string, an empty or emoji-only answer, a skip phrase
    or payload ("/skip", "skip", "en tiedä", "vet inte"), and an answer with
    nothing but negative parts. Never raises.
    """
    if not isinstance(text, str) or text.strip().startswith("/") or text.strip() == SKIPPED:
        return None
    tidy = _tidy(text)
    if not any(ch.isalnum() for ch in tidy) or skip_kind(tidy) is not None:
        return None
    parts = [
        _TRAILING.sub("", clause)
        for sentence in _SENTENCE_END.split(tidy)
        for clause in _CLAUSE_SPLIT.split(sentence)
    ]
    kept = [part for part in parts if part and any(ch.isalnum() for ch in part) and not is_negative(part)]
    if not kept:
        return None
    return _cut(", ".join(kept)) or None


def _first_word(text: str) -> str:
    words = _fold(text).split()
    return re.sub(r"\W", "", words[0]) if words else ""


def speaks_first_person(text: str, lang: str) -> bool:
    """True when ``text`` starts like a first-person sentence ("I ...", "Olen ...", "Mä ...", "Jag ...")."""
    return _first_word(text) in _FIRST_PERSON.get(lang, ()) + _FIRST_PERSON["en"]


def as_sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop (kept when it ends in . ! or ?)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else f"{text}."


def _lower_first(text: str) -> str:
    """The first letter in lower case, unless the first word looks like a name or acronym ("IT", "Excel")."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and (word.isupper() or not word[1:].islower()):
        return text
    return text[:1].lower() + text[1:]


def _own_words(key: str, text: str, lang: str, slot: str) -> str:
    """A sentence from the person's words: as it is when it is first person, else in template ``key``."""
    if speaks_first_person(text, lang):
        return as_sentence(text)
    first = _first_word(text)
    if lang == "sv" and first in _SV_VERBS:
        return as_sentence(f"Jag {_lower_first(text)}")
    if lang == "en":
        if key == "past" and _EN_PAST_VERB.match(first):
            return as_sentence(f"I {_lower_first(text)}")
        if first in _EN_VERBS and key in ("strengths", "future"):
            key = f"{key}_verb"
    return as_sentence(t(f"introduction.{key}", lang, **{slot: _lower_first(text)}))


def _joined(items: Sequence[str], lang: str) -> str:
    """"a, b and c" in ``lang`` (the word for "and" from the catalogue)."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return t("introduction.list_and", lang, head=", ".join(items[:-1]), last=items[-1])


def _names(text: str | None, name: str) -> bool:
    """Whether ``text`` names ``name``, allowing a Finnish ending ("it-tukeen" names "IT-tuki")."""
    if not text:
        return False
    folded = _fold(name)
    stem = folded[:-1] if len(folded) > 4 else folded
    return stem in _fold(text)


def build_introduction(answers: IntroAnswers, known: KnownFacts, lang: str) -> list[str]:
    """The introduction: 3 to 6 sentences in ``lang`` (order and sources: module docstring)."""
    lang = normalise_language(lang)
    sentences: list[str] = []
    field_name = t(f"suggestions.field_{known.field}", lang) if known.field in FIELDS else None
    if field_name and not _names(answers.want_next, field_name):
        sentences.append(t("introduction.present_field", lang, field=field_name))
    else:  # no field, or the wish names it already ("Haluisin päästä it-tukeen"): no repeat
        sentences.append(t("introduction.present_general", lang))
    if answers.good_at:
        sentences.append(_own_words("strengths", answers.good_at, lang, "strengths"))
    skills = [s for s in dict.fromkeys(known.skills) if s][:MAX_SKILLS]
    if skills:
        sentences.append(t("introduction.skills", lang, skills=_joined(skills, lang)))
    if answers.did:
        sentences.append(_own_words("past", answers.did, lang, "experience"))
    elif known.occupations:
        occupations = [o for o in dict.fromkeys(known.occupations) if o][:MAX_SKILLS]
        sentences.append(t("introduction.past_occupations", lang, occupations=_joined(occupations, lang)))
    if answers.want_next:
        sentences.append(_own_words("future", answers.want_next, lang, "wish"))
    else:
        goal = known.goal_type if known.goal_type in GOAL_TYPES else "unsure"
        sentences.append(t(f"introduction.future_goal_{goal}", lang))
    sentences.append(t("introduction.closing", lang))
    return sentences[:MAX_SENTENCES]


_HELP_REQUESTS = frozenset(
    {"help", "help me", "help please", "what can you do", "what do you do", "menu", "instructions",
     "apua", "auta", "ohje", "ohjeet", "valikko", "mita osaat", "mita sa osaat", "mita sina osaat",
     "hjalp", "hjalp mig", "meny", "vad kan du", "vad kan du gora", "instruktioner"}
)


def is_help_request(text: object) -> bool:
    """True for a bare call for help ("help", "apua", "vad kan du göra"), not for an answer
    that only sounds like one ("helping customers", "autan ihmisiä")."""
    if not isinstance(text, str):
        return False
    words = re.sub(r"[^\w\s]", " ", _fold(text)).split()
    return " ".join(words) in _HELP_REQUESTS


def parse_edit(text: object) -> tuple[int, str] | None:
    """A typed edit "2: new text" (also "2. ...", "2) ...", "lause 2: ...") as (2, "new text"), else None."""
    if not isinstance(text, str):
        return None
    match = _EDIT_RE.match(text)
    return (int(match.group(1)), match.group(2).strip()) if match else None


def replace_sentence(sentences: Sequence[str], number: int, text: object) -> list[str]:
    """``sentences`` with sentence ``number`` (1-based) replaced by the person's ``text``.

    The new text is cleaned like an answer (:func:`clean_answer`: negative parts
    dropped, one sentence) and gets a capital letter and a full stop; it is the
    person's own sentence, so no template is put around it.

    Raises:
        IndexError: ``number`` is not between 1 and ``len(sentences)``.
        ValueError: nothing usable is left of ``text`` (empty, a skip, only negative parts).
    """
    if not 1 <= number <= len(sentences):
        raise IndexError(f"no sentence {number} of {len(sentences)}")
    cleaned = clean_answer(text)
    if cleaned is None:
        raise ValueError("no usable text")
    result = list(sentences)
    result[number - 1] = as_sentence(cleaned)
    return result


def render_numbered(sentences: Sequence[str]) -> str:
    """The sentences one per line, numbered for editing: "1. ...\\n2. ..."."""
    return "\n".join(f"{n}. {sentence}" for n, sentence in enumerate(sentences, start=1))


def render_plain(sentences: Sequence[str]) -> str:
    """The introduction as plain text to copy or download: one paragraph, then a newline."""
    return " ".join(s.strip() for s in sentences if s.strip()) + "\n"


def skills_section(answers: IntroAnswers, known: KnownFacts) -> list[str]:
    """Items for the skills section of a CV: the skills found earlier, then the strengths the person named.

    ``good_at`` is split at commas and "and" / "ja" / "sekä" / "och"; a part is
    kept when it reads like a skill (at most ``MAX_SKILL_WORDS`` words, not a
    first-person sentence: "asiakaspalvelu", "working with people"). Each item
    once (case-insensitive), at most ``MAX_SECTION_ITEMS``; [] when there is none.
    """
    items = [s for s in known.skills if s]
    if answers.good_at:
        for part in _LIST_SPLIT.split(answers.good_at):
            part = _TRAILING.sub("", part.strip())
            sentence = any(speaks_first_person(part, lang) for lang in _FIRST_PERSON)
            if part and len(part.split()) <= MAX_SKILL_WORDS and not sentence:
                items.append(part)
    unique: dict[str, str] = {}
    for item in items:
        unique.setdefault(_fold(item), item)
    return list(unique.values())[:MAX_SECTION_ITEMS]


def render_download(sentences: Sequence[str], skills: Sequence[str], lang: str) -> str:
    """The text to copy or download: the introduction, then (when there are any) the skills for a CV.

    Shape: ``"<paragraph>\n"`` or ``"<paragraph>\n\n<heading>\n- skill\n- skill\n"``.
    """
    text = render_plain(sentences)
    if skills:
        text += "\n" + t("introduction.skills_heading", normalise_language(lang)) + "\n"
        text += "".join(f"- {skill}\n" for skill in skills)
    return text


def sentences_of(value: object) -> list[str]:
    """The ``introduction_sentences`` slot as a list of non-empty strings ([] for anything else)."""
    if not isinstance(value, list | tuple):
        return []
    return [s for s in value if isinstance(s, str) and s.strip()][:MAX_SENTENCES]


def summary_entry(slots: Mapping[str, Any]) -> list[str] | None:
    """The summary's ``"introduction"`` value: the sentences, when the person added them.

    Reads the slots ``introduction_sentences`` (list of str) and
    ``introduction_in_summary`` (True after "Add to my summary"). Returns None
    when the person did not add an introduction (a coach then never sees it).
    Each sentence is cut to ``MAX_SUMMARY_CHARS``; the summary code
    (:func:`bot.summaries.service.build_summary`) redacts identity codes,
    e-mail addresses and phone numbers, as in the background text.
    """
    if slots.get("introduction_in_summary") is not True:
        return None
    return [s[:MAX_SUMMARY_CHARS] for s in sentences_of(slots.get("introduction_sentences"))] or None
