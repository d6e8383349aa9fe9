"""Turn a Suggestion's structured reasons into one plain sentence (fi / sv / en).

Texts come from ``bot/i18n/messages/suggestions.yml``. At most three
reasons are named (one about fit, one skill, then practical facts), so the sentence stays short. When a
course teaches skills the person already mentioned, a second short sentence
says these may be recognised as prior learning (AHOT in Finnish higher
education) and whom to ask.

Skills are stored under their canonical (English) labels; both sentences
show them in the person's language with :func:`bot.matching.localised_label`
(the same names the "I noticed these skills" message uses), or as stored
when the vocabulary and ESCO have no name in that language.
"""

from __future__ import annotations

from bot.contract.city_texts import locative
from bot.guidance.ranking import HIGHER_EDUCATION, Reason, Suggestion
from bot.i18n import normalise_language, t
from bot.matching import localised_label

MAX_REASONS = 3


def _reason_text(reason: Reason, lang: str) -> str | None:
    key = f"suggestions.reason_{reason.code}"
    if reason.code == "matches_field" and reason.value:
        return t(key, lang, field=t(f"suggestions.field_{reason.value}", lang))
    if reason.code == "matches_interest":
        if not reason.value:
            return None
        return t(key, lang, interest=t(f"suggestions.interest_{reason.value}", lang))
    if reason.code == "matches_skill":
        return t(key, lang, skill=localised_label(reason.value, lang)) if reason.value else None
    if reason.code == "in_city" and reason.value:
        place = locative(reason.value, lang)
        return t(key, lang, city=place) if place else None
    if reason.code == "starts" and reason.value:
        return t(key, lang, month=t(f"suggestions.month_{int(reason.value)}", lang))
    if reason.code in ("online", "remote", "free_for_jobseekers", "entry_level"):
        return t(key, lang)
    return None


def join_words(parts: list[str], lang: str) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"`` in ``lang`` ("ja", "och")."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + t("suggestions.and", lang) + parts[-1]


def _chosen(suggestion: Suggestion) -> list[Reason]:
    """Up to MAX_REASONS reasons: one about fit (field, else interest), one
    skill (jobs only: for courses the prior-learning hint names skills),
    then practical facts (place, cost, start, level) in their given order."""
    fit = [r for r in suggestion.reasons if r.code in ("matches_field", "matches_interest")][:1]
    skill = (
        [r for r in suggestion.reasons if r.code == "matches_skill"][:1] if suggestion.kind == "job" else []
    )
    practical = [
        r for r in suggestion.reasons if r.code not in ("matches_field", "matches_interest", "matches_skill")
    ]
    return [*fit, *skill, *practical][:MAX_REASONS]


def why_sentence(suggestion: Suggestion, lang: str) -> str:
    """The one "why this" sentence, e.g. "Why this: it is online and it starts in January."."""
    lang = normalise_language(lang)
    texts = [text for reason in _chosen(suggestion) if (text := _reason_text(reason, lang))]
    if not texts:
        return t("suggestions.why_general", lang)
    return t("suggestions.why", lang, reasons=join_words(texts, lang))


def prior_learning_sentence(suggestion: Suggestion, lang: str) -> str | None:
    """The recognition-of-prior-learning hint for a course, or None.

    Higher education (universities of applied sciences, universities, open
    university) names AHOT; other providers get the general wording.
    """
    if suggestion.kind != "course" or not suggestion.prior_learning:
        return None
    key = "prior_learning_higher" if suggestion.provider_type in HIGHER_EDUCATION else "prior_learning_other"
    lang = normalise_language(lang)
    skills = ", ".join(localised_label(skill, lang) for skill in suggestion.prior_learning[:2])
    return t(f"suggestions.{key}", lang, skills=skills)


def explain(suggestion: Suggestion, lang: str) -> str:
    """Why ``suggestion`` fits, as one short sentence in ``lang``.

    For a course teaching skills the person already has, a second short
    sentence about recognising prior learning follows.
    """
    sentence = why_sentence(suggestion, lang)
    hint = prior_learning_sentence(suggestion, lang)
    return f"{sentence} {hint}" if hint else sentence
