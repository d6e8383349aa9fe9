"""Find skills and occupations in free text (fi, sv, en) with spaCy's PhraseMatcher."""

from bot.matching.matcher import (
    MatchResult,
    Term,
    localised_label,
    match_terms,
    reload,
    use_esco_database,
    vocabulary,
)

__all__ = [
    "MatchResult",
    "Term",
    "localised_label",
    "match_terms",
    "reload",
    "use_esco_database",
    "vocabulary",
]
