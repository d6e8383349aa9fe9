"""Interview practice (issue 15): the questions and the feedback rules, as pure functions.

Five common interview questions (:data:`QUESTION_IDS`), worded for the
person's field and level (:func:`question_text`). After each answer
:func:`feedback` names one thing that was good and at most one thing to add:
specific and kind, never a score of the person. Where each rule comes from is
in docs/practice.md (the STAR method; behavioural interview literature; the
limits that are DigiPoint's own heuristics).

The rules, each a tested function of the answer text (fi / sv / en):

- :func:`length_of`: ``"short"`` (under :data:`SHORT_WORDS` words; a question
  to the employer under :data:`SHORT_WORDS_QUESTION`), ``"long"`` (over
  :data:`LONG_WORDS`), else ``"ok"``.
- :func:`tells_situation` (the S of STAR): a moment in time ("once", "last
  year", "kerran", "viime kesänä", "en gång", "förra året").
- :func:`names_result` (the R): how it ended ("in the end", "so", "lopulta",
  "joten", "till slut", "resultatet"), or a number ("20 %").
- :func:`first_person`: the person speaks of themselves ("I", "mä", "tein",
  "jag"), not only of "we".
- :func:`is_relevant`: one of the question's keywords (lemmas by simplemma,
  bot/practice/interview_questions.yml); for the question to the employer, a
  question mark is enough.

Shapes:
    ``question_text(question_id, lang, field=None, level=None, goal=None) -> str``
    ``feedback(answer, question_id, lang) -> Feedback(good_key, add_key)``; ``render(fb, lang) -> str``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import simplemma
import yaml

from bot.guidance.answers import fold
from bot.i18n import normalise_language, t

QUESTIONS_FILE = Path(__file__).with_name("interview_questions.yml")
LANGUAGES = ("fi", "sv", "en")

#: Fewer words than this is "short" (two plain sentences are about 15 words).
SHORT_WORDS = 12
#: A question to the employer may be short: "What does a usual day look like?" is 7 words.
SHORT_WORDS_QUESTION = 4
#: More words than this is "long": about 1.5 minutes spoken at 120-150 words a minute.
LONG_WORDS = 200
#: Education levels for which the problem question asks about work or studies
#: in a project; others get the plainer "at work, in school or at home".
EXPERIENCED_LEVELS = frozenset({"bachelor", "master"})

Length = Literal["short", "ok", "long"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_NUMBER = re.compile(r"\d")
_PUNCTUATION = re.compile(r"[^\w%?]+")

# The S of STAR: a moment or a situation in the past. Folded (ä → a, ö → o, å → a).
_SITUATION: dict[str, tuple[str, ...]] = {
    "en": ("once", "one time", "when i", "last year", "last summer", "last week", "last month", "ago",
           "at my last job", "in my last job", "at work", "in school", "in my previous", "for example",
           "one day", "a customer", "there was", "when our", "when we", "when the", "when my"),
    "fi": ("kerran", "kerta", "kun ma", "kun mina", "kun olin", "kun tein", "viime", "sitten", "edellisessa",
           "edellisella", "toissa", "esimerkiksi", "esim", "yhtena paivana", "tyopaikalla", "koulussa",
           "harjoittelussa", "asiakas", "kun meidan", "kun meilla", "kun meille"),
    "sv": ("en gang", "nar jag", "forra", "i fjol", "sedan", "for ett", "pa mitt forra", "pa jobbet",
           "i skolan", "till exempel", "t ex", "en dag", "en kund", "det var", "nar var", "nar vi", "nar det",
           "nar min"),
}
# The R of STAR: what came of it.
_RESULT: dict[str, tuple[str, ...]] = {
    "en": ("in the end", "finally", "so that", "as a result", "result", "so the", "so we", "so i",
           "after that", "worked", "succeeded", "solved", "fixed", "was happy", "were happy", "thanked",
           "learned",
           "learnt", "saved", "got better", "managed", "on time", "so all"),
    "fi": ("lopulta", "lopuksi", "lopussa", "joten", "tuloksena", "tulos", "sen jalkeen", "onnistui",
           "onnistuin", "onnistuttiin", "ratkesi", "korjaantui", "toimi", "kiitti", "kiittivat",
           "tyytyvainen", "tyytyvaisia", "opin", "saatiin", "sain", "saastin", "parani", "selvisi",
           "ajallaan", "ajoissa"),
    "sv": ("till slut", "slutligen", "resultatet", "resultat", "sa att", "darfor", "efter det", "fungerade",
           "lyckades", "loste", "lostes", "fixade", "var nojd", "var nojda", "tackade", "larde mig",
           "sparade", "blev battre", "klarade", "i tid", "sa alla"),
}
# First person singular. Finnish often drops the pronoun ("tein", "autoin"), see _finnish_verb_1sg.
_FIRST_PERSON: dict[str, frozenset[str]] = {
    "en": frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine", "im", "ive"}),
    "fi": frozenset({"mina", "ma", "mä", "mun", "minun", "minua", "mua", "minulla", "mulla", "minulle",
                     "mulle", "itse", "minusta", "musta", "mie", "miu"}),
    "sv": frozenset({"jag", "mig", "mej", "min", "mitt", "mina", "själv", "sjalv"}),
}
# Common first person singular verbs simplemma reads as nouns ("autoin" → "auto").
_FINNISH_1SG = frozenset({
    "olen", "olin", "teen", "tein", "osaan", "osasin", "autan", "autoin", "opin", "opiskelen", "opiskelin",
    "haluan", "halusin", "haluaisin", "työskentelen", "työskentelin", "hoidan", "hoidin", "ratkaisin",
    "korjasin", "kuuntelin", "tarkistin", "aloitin", "sain", "saan", "pystyn", "pystyin", "tykkään", "pidän",
    "kysyin", "huomasin", "päätin", "yritin", "yritän", "selvitin", "kerroin", "mietin", "tiedän", "tiesin",
    "voin", "voisin", "osaisin", "kehitin", "suunnittelin", "johdin", "myin", "siivosin", "laitoin", "löysin",
})
_INFINITIVE_ENDINGS = ("da", "dä", "ta", "tä", "la", "lä", "ra", "rä", "na", "nä",
                       "aa", "ää", "ea", "eä", "ia", "iä", "oa", "ua", "yä", "öä")


@dataclass(frozen=True)
class Question:
    """One question: ``id``, whether the answer should tell an example (``star``), its keyword lemmas."""

    id: str
    star: bool
    keywords: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Feedback:
    """Catalogue keys: what was good (``good_key``), the one thing to add (``add_key``, None: nothing)."""

    good_key: str
    add_key: str | None


@cache
def questions() -> tuple[Question, ...]:
    """The five questions of bot/practice/interview_questions.yml, in the order asked."""
    raw = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Question(
            id=item["id"],
            star=bool(item["star"]),
            keywords={lang: _keyword_forms(words, lang) for lang, words in item["keywords"].items()},
        )
        for item in raw["questions"]
    )


def _keyword_forms(words: list[str], lang: str) -> tuple[str, ...]:
    """Each keyword as written and as simplemma's lemma ("fixa" → "fixa", "fix"), once each."""
    return tuple(dict.fromkeys(form for word in words for form in (word.lower(), _lemma(word, lang))))


def question(question_id: str) -> Question:
    """The question with that id; ``KeyError`` for an unknown id."""
    for item in questions():
        if item.id == question_id:
            return item
    raise KeyError(question_id)


QUESTION_IDS: tuple[str, ...] = ("about_you", "why_this_job", "problem_solved", "strengths_learning",
                                 "questions_for_employer")


def _language(lang: str) -> str:
    code = normalise_language(lang).split("-")[0]
    return code if code in LANGUAGES else "en"


def _lemma(word: str, lang: str) -> str:
    word = word.lower()
    if " " in word:
        return word
    return str(simplemma.lemmatize(word, lang=_language(lang))).lower()


def words_of(text: str) -> list[str]:
    """The words of ``text`` in lower case (letters only; "I'm" is one word)."""
    return [word.lower() for word in _WORD.findall(text)]


def _folded(text: str) -> str:
    """Folded text with single spaces for punctuation, padded: " kun ma olin ... "."""
    return " " + " ".join(_PUNCTUATION.sub(" ", fold(text)).split()) + " "


def _has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    folded = _folded(text)
    return any(f" {phrase} " in folded or (len(phrase) > 5 and phrase in folded) for phrase in phrases)


def length_of(answer: str, question_id: str | None = None) -> Length:
    """``"short"``, ``"ok"`` or ``"long"`` by the number of words (limits in the module docstring)."""
    count = len(words_of(answer))
    short = SHORT_WORDS_QUESTION if question_id == "questions_for_employer" else SHORT_WORDS
    if count < short:
        return "short"
    return "long" if count > LONG_WORDS else "ok"


def tells_situation(answer: str, lang: str) -> bool:
    """Whether the answer places an example in a moment or situation (the S of STAR)."""
    return _has_phrase(answer, _SITUATION[_language(lang)])


def names_result(answer: str, lang: str) -> bool:
    """Whether the answer says how it ended (the R of STAR): a result word or a number."""
    return bool(_NUMBER.search(answer)) or _has_phrase(answer, _RESULT[_language(lang)])


def _finnish_verb_1sg(word: str) -> bool:
    """"tein", "autoin", "osaan", "olen": a common verb form, or one in -n whose lemma is an infinitive."""
    if word in _FINNISH_1SG:
        return True
    if len(word) < 4 or not word.endswith("n"):
        return False
    lemma = _lemma(word, "fi")
    return lemma != word and lemma.endswith(_INFINITIVE_ENDINGS)


def first_person(answer: str, lang: str) -> bool:
    """Whether the person speaks of themselves in the first person singular."""
    code = _language(lang)
    words = words_of(answer)
    pronouns = _FIRST_PERSON[code]
    if any(word in pronouns or fold(word) in pronouns for word in words):
        return True
    return code == "fi" and any(_finnish_verb_1sg(word) for word in words)


def is_relevant(answer: str, question_id: str, lang: str) -> bool:
    """Whether the answer is about the question: one of its keywords (lemmas; long ones inside compounds)."""
    code = _language(lang)
    if question_id == "questions_for_employer" and "?" in answer:
        return True
    keywords = question(question_id).keywords.get(code, ())
    words = words_of(answer)
    forms = set(words) | {_lemma(word, code) for word in words}
    folded_text = _folded(answer)
    for keyword in keywords:
        if " " in keyword:
            if f" {fold(keyword)} " in folded_text:
                return True
            continue
        if keyword in forms or any(_inside(keyword, form) for form in forms):
            return True
    return False


def _inside(keyword: str, form: str) -> bool:
    """A keyword of 3+ letters that starts a word ("fix" in "fixed"), or of 5+ inside one (compounds)."""
    return (len(keyword) >= 3 and form.startswith(keyword)) or (len(keyword) >= 5 and keyword in form)


def feedback(answer: str, question_id: str, lang: str) -> Feedback:
    """One thing that was good and the one thing to add first (``interview.good_*``, ``interview.add_*``).

    Good, first that holds: a concrete example with its result, an example, a
    result, first person, on the question, else thanks for trying. To add, first
    that is missing: say more (short), the question's topic (not relevant), an
    example (STAR questions), its result (STAR questions), "I" (not first
    person, the question to the employer excepted), shorter (long).
    """
    length = length_of(answer, question_id)
    star = question(question_id).star
    employer = question_id == "questions_for_employer"
    situation = tells_situation(answer, lang)
    result = names_result(answer, lang)
    me = first_person(answer, lang)
    # A told example answers a STAR question, whatever its words.
    relevant = is_relevant(answer, question_id, lang) or (star and situation)

    if employer:
        good = "interview.good_question" if relevant else "interview.good_effort"
    elif situation and result:
        good = "interview.good_star"
    elif situation:
        good = "interview.good_example"
    elif result and star:
        good = "interview.good_result"
    elif me and relevant and length != "short":
        good = "interview.good_first_person"
    elif relevant:
        good = "interview.good_relevant"
    else:
        good = "interview.good_effort"

    add: str | None = None
    if not relevant:
        add = f"interview.add_relevance_{question_id}"
    elif length == "short":
        add = "interview.add_question_more" if employer else "interview.add_more"
    elif star and not situation:
        add = "interview.add_example"
    elif star and not result:
        add = "interview.add_result"
    elif not employer and not me:
        add = "interview.add_first_person"
    elif length == "long":
        add = "interview.add_shorter"
    return Feedback(good, add)


def render(fb: Feedback, lang: str) -> str:
    """The feedback as one or two short sentences: what was good, then the thing to add."""
    good = t(fb.good_key, lang)
    return good if fb.add_key is None else f"{good} {t(fb.add_key, lang)}"


def question_text(
    question_id: str, lang: str, field: str | None = None, level: str | None = None, goal: str | None = None
) -> str:
    """The question worded for the field (``field`` slot) and level (``education_level``, ``goal_type``).

    "why_this_job" names the field when it is known ("Why would you like to work
    in data analysis?"), and asks about studies too for a study goal; the problem
    question asks about a project for a degree (bachelor, master), else about
    work, school or home.
    """
    if question_id == "why_this_job":
        known = field if field and field != "unsure" else None
        variant = "study" if goal == "study" else "work"
        if known:
            field_name = t(f"interview.field_{known}", lang)
            return t(f"interview.q_why_this_job_{variant}_field", lang, field=field_name)
        return t(f"interview.q_why_this_job_{variant}", lang)
    if question_id == "problem_solved":
        setting = "project" if level in EXPERIENCED_LEVELS else "everyday"
        return t(f"interview.q_problem_solved_{setting}", lang)
    return t(f"interview.q_{question_id}", lang)
