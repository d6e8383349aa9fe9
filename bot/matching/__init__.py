"""Find skills and occupations in free text (fi, sv, en) with spaCy's PhraseMatcher."""

from bot.matching.matcher import MatchResult, Term, match_terms, vocabulary

__all__ = ["MatchResult", "Term", "match_terms", "vocabulary"]
