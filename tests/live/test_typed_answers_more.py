"""Typed answers the newcomer found scored wrongly (F3), on the real stack.

What the person sees: a Finnish sentence with "ja" (Finnish "and") or an
emoji is not taken as "quite sure" / "I like it": the bot asks again with the
buttons.
"""

from __future__ import annotations

import pytest

from bot.i18n import t
from tests.live.test_typed_answers import Chat, _shown, _titles
from tests.live_stack import LiveStack


@pytest.mark.parametrize(
    ("language", "typed"),
    [("en", "olen työtön ja haluan oppia koodaamaan"), ("fi", "olen työtön ja haluan oppia koodaamaan")],
)
def test_a_finnish_sentence_with_ja_is_not_quite_sure(
    live_stack: LiveStack, language: str, typed: str
) -> None:
    chat = Chat(live_stack, language)
    chat.to_confidence()
    replies = chat.say(typed)
    slots = chat.slots()
    # Not stored as 4: the person is asked the same question again, with the buttons.
    assert slots["se_1"] in (None, "1", "2"), (slots["se_1"], replies)
    if slots["se_1"] is None:
        assert slots["requested_slot"] == "se_1"
        assert any(len(r.get("buttons") or []) == 6 for r in replies), replies


def test_huono_ja_vaikea_is_low(live_stack: LiveStack) -> None:
    chat = Chat(live_stack, "fi")
    chat.to_confidence()
    chat.say("huono ja vaikea")
    assert chat.slots()["se_1"] in (None, "1", "2"), chat.slots()["se_1"]


def test_ja_is_yes_in_swedish(live_stack: LiveStack) -> None:
    chat = Chat(live_stack, "sv")
    chat.to_confidence()
    chat.say("ja")
    assert chat.slots()["se_1"] == "4"


def test_emoji_only_rating_is_asked_again_with_the_buttons(live_stack: LiveStack) -> None:
    chat = Chat(live_stack, "en")
    chat.to_confidence()
    replies = chat.say("😀😀😀🙏🏽👍")
    slots = chat.slots()
    assert slots["se_1"] is None and slots["requested_slot"] == "se_1", (slots["se_1"], replies)
    assert t("confidence.unsure", "en") in [r.get("text") for r in replies], replies
    assert any(len(r.get("buttons") or []) == 6 for r in replies), replies


def test_huono_ja_vaikea_is_no_like_at_an_interest_item(live_stack: LiveStack) -> None:
    chat = Chat(live_stack, "fi")
    chat.to_interests()
    chat.say("huono ja vaikea")
    assert chat.slots()["ri_1"] != "like", chat.slots()["ri_1"]


def test_a_typed_rejection_that_names_a_field_keeps_the_chosen_field(live_stack: LiveStack) -> None:
    """Found by a newcomer walk: "the QA tester job is not for me" made testing the person's field.

    The summary for the coach then said "Field: testing and quality", and the next
    suggestions came from that field. A rejection names what the person does not want.
    """
    chat = Chat(live_stack, "en")
    chat.to_suggestions()
    assert chat.slots()["field"] == "software"
    chat.say("the QA tester job is not for me")
    assert chat.tracker()["latest_message"]["intent"]["name"] == "not_for_me"
    assert chat.slots()["field"] == "software"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_crying_emoji_gets_the_supportive_reply_not_the_refusal(
    live_stack: LiveStack, language: str
) -> None:
    """Found by a newcomer walk: "😢" alone got "Sorry, I can't help with that"."""
    chat = Chat(live_stack, language)
    chat.say("/greet")
    replies = [r.get("text") for r in chat.say("😢")]
    assert t("responses.feel_discouraged", language) in replies, replies
    assert t("responses.out_of_scope", language) not in replies, replies


def test_a_crying_emoji_at_a_confidence_question_is_comforted_and_asked_again(live_stack: LiveStack) -> None:
    chat = Chat(live_stack, "en")
    chat.to_confidence()
    replies = [r.get("text") for r in chat.say("😢😢")]
    slots = chat.slots()
    assert t("responses.feel_discouraged", "en") in replies, replies
    assert slots["se_1"] is None and slots["requested_slot"] == "se_1", slots["se_1"]


@pytest.mark.parametrize("template", [
    "{title} ei oo mua varten",
    "toi {title} ei kyl oo mun juttu",
    "en halua tota {title} hommaa",
])
def test_a_colloquial_finnish_rejection_rejects_the_title_named(live_stack: LiveStack, template: str) -> None:
    """Whatever the classifier makes of it (not_for_me, inform or nlu_fallback), the named job goes."""
    chat = Chat(live_stack, "fi")
    chat.to_suggestions()
    shown = _shown(chat)
    target = next(sid for sid in shown if sid.startswith("job:"))
    title = _titles(live_stack, [target], "fi")[target]
    replies = chat.texts(template.format(title=title))
    intent = chat.tracker()["latest_message"]["intent"]["name"]
    assert target in (chat.slots()["rejected_suggestions"] or []), (title, intent, replies)
    assert target not in _shown(chat)
    assert t("responses.default", "fi") not in replies, (intent, replies)


def test_a_title_typed_after_which_one_is_not_a_request_for_a_coach(live_stack: LiveStack) -> None:
    """Found by a newcomer walk: "service desk agent" after "Which one is not for you?" paused the bot."""
    chat = Chat(live_stack, "en")
    chat.to_suggestions()
    shown = _shown(chat)
    replies = chat.texts("not for me")
    assert t("suggestions.which_one", "en") in replies, replies
    target = shown[0]
    title = _titles(live_stack, [target], "en")[target]
    replies = chat.texts(f"{title} agent")
    assert chat.tracker()["paused"] is False, replies
    assert t("handoff.queued", "en") not in "\n".join(replies), replies
    assert target in (chat.slots()["rejected_suggestions"] or []), replies
