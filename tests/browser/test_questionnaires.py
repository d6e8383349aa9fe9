"""The interest and confidence checks in Chromium, in Finnish, against the real stack (issue 14).

Both checks now run on one questionnaire base (bot/assessment/questionnaire.py,
actions/questionnaire.py). What the person sees, the same as before:

- each item with "Kysymys n/12" (interests) or "Kysymys n/5" (confidence),
  its scale buttons and "Ohita tämä osio";
- a tap or a typed answer ("neljä") goes on to the next item;
- "en tiiä" answers only this item ("not sure" for an interest, a skipped
  rating for confidence) and the next item comes;
- "Ohita tämä osio" says "Selvä, ohitin loput näistä kysymyksistä." and
  no later item of that check is asked;
- the result message is the one the instrument gives for exactly those answers.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page

from bot.guidance import riasec, self_efficacy
from bot.i18n import t
from tests.browser.chat import SKIP, Chat
from tests.live_stack import LiveStack

PROGRESS = re.compile(r"Kysymys (\d+)/(\d+)")
BACKGROUND = "Olen ollut kaupassa töissä kolme vuotta ja osaan Excelin."


def _current(chat: Chat) -> tuple[int, int] | None:
    """``(n, total)`` of the question on screen, when the latest question is a check item."""
    texts = chat.bot_texts()
    found = PROGRESS.search(texts[-1]) if texts else None
    return (int(found.group(1)), int(found.group(2))) if found else None


def _press(chat: Chat, title: str) -> None:
    titles = [x.strip() for x in chat.last_buttons().all_inner_texts()]
    chat.click_button(titles.index(title))


def test_both_checks_ask_count_skip_and_score_the_same_way(live_stack: LiveStack, desktop: Page) -> None:
    chat = Chat.start(desktop, f"{live_stack.web_url}/turku/fi/")
    skipped_text = t("interests.section_skipped", "fi")
    seen: list[tuple[int, int]] = []
    done: set[int] = set()
    for _ in range(60):
        if done == {12, 5}:
            break
        item = _current(chat)
        titles = [x.strip() for x in chat.last_buttons().all_inner_texts()]
        if item is None or item[1] in done:
            # A goal question: the first real answer; the free-text question gets words.
            if not titles or all(SKIP.match(x) for x in titles):
                chat.type_message(BACKGROUND)
            else:
                chat.click_button(next(i for i, x in enumerate(titles) if not SKIP.match(x)))
            continue
        seen.append(item)
        n, total = item
        assert titles[-1] == t("interests.skip_button", "fi")
        if n == 1:
            if total == 12:
                _press(chat, t("interests.like", "fi"))
            else:
                chat.type_message("neljä")
            assert _current(chat) == (2, total)  # the typed / tapped answer was taken
        elif n == 2:
            chat.type_message("en tiiä")
            assert _current(chat) == (3, total)  # only this item was answered
        else:
            before = len(chat.bot_texts())
            _press(chat, t("interests.skip_button", "fi"))
            after = chat.bot_texts()[before:]
            assert after[0] == skipped_text, after
            done.add(total)
    assert done == {12, 5}, seen
    texts = chat.bot_texts()
    assert [s for s in seen if s[1] == 12] == [(1, 12), (2, 12), (3, 12)]
    assert [s for s in seen if s[1] == 5] == [(1, 5), (2, 5), (3, 5)]
    assert not any(PROGRESS.search(x) and PROGRESS.search(x).group(1) == "4" for x in texts)  # type: ignore[union-attr]
    # The results are the instruments' own for exactly these answers.
    interests = riasec.score_riasec({"ri_1": "like", "ri_2": "unsure"})
    assert riasec.explain_holland_code(interests.holland_code, "fi") in texts
    confidence = self_efficacy.score_self_efficacy({"se_1": 4})
    assert any(x.startswith(self_efficacy.feedback(confidence, "fi")) for x in texts)
