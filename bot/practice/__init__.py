"""Practice and follow-through (issue 15): the self-introduction builder and the interview drill."""
