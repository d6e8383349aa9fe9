"""A short date at the end of a sentence gets no second full stop ("till och med 2 jan.." in the widget).

Swedish (and Finnish) short dates end in a full stop ("2 jan.", "2.1."), so a
catalogue message must not put ``{ $date }`` right before its own full stop.
Every message of every language with a ``$date`` or ``$dates`` variable is
formatted with a real short date (bot.resume.trend.short_date) and checked.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.locale import catalogue
from bot.resume.trend import short_date

DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")  # ".." but not an ellipsis "..."


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_no_message_ends_a_sentence_with_a_date_and_another_full_stop(lang: str) -> None:
    day = short_date(date(2027, 1, 2), lang)
    checked = []
    for key in catalogue.keys(lang):
        names = catalogue.variables(key, lang)
        if not names & {"date", "dates"}:
            continue
        values = {name: "x" for name in names} | {"date": day, "dates": day}
        text = catalogue.t(key, lang, **values)
        assert not DOUBLE_STOP.search(text), (key, text)
        checked.append(key)
    assert "resume.still_valid" in checked and "followup.due_set" in checked, checked
