"""Session actions: start with page metadata, language switch, restart."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.events import ActionExecuted, FollowupAction, Restarted, SessionStarted, SlotSet

from actions.session import (
    ActionChangeLanguage,
    ActionRestart,
    ActionRestartConversation,
    ActionSessionStart,
    ActionWelcome,
    language_buttons,
)
from bot.i18n import t


def _start(
    make_tracker, dispatcher, domain, slots: dict[str, Any], metadata: Any = None, message_metadata=None
):
    tracker = make_tracker(slots={**slots, "session_started_metadata": metadata}, metadata=message_metadata)
    return asyncio.run(ActionSessionStart().run(dispatcher, tracker, domain))


def test_metadata_sets_language_and_city(make_tracker, dispatcher, domain) -> None:
    events = _start(make_tracker, dispatcher, domain, {}, {"language": "fi", "city": "Esbo"})
    assert events == [
        SessionStarted(),
        SlotSet("language", "fi"),
        SlotSet("city", "Espoo"),
        ActionExecuted("action_listen"),
    ]
    assert dispatcher.messages == []


def test_message_metadata_is_used_when_the_session_has_none(make_tracker, dispatcher, domain) -> None:
    events = _start(make_tracker, dispatcher, domain, {}, None, {"language": "sv-FI", "city": "Helsingfors"})
    assert events[1:3] == [SlotSet("language", "sv"), SlotSet("city", "Helsinki")]


def test_slots_are_carried_over_and_not_overwritten(make_tracker, dispatcher, domain) -> None:
    slots = {"language": "en", "city": "Turku", "goal_type": "job", "requested_slot": "field"}
    events = _start(make_tracker, dispatcher, domain, slots, {"language": "fi", "city": "Vantaa"})
    assert events == [
        SessionStarted(),
        SlotSet("language", "en"),
        SlotSet("city", "Turku"),
        SlotSet("goal_type", "job"),
        ActionExecuted("action_listen"),
    ]


def test_no_carry_over_when_the_domain_says_so(make_tracker, dispatcher, domain) -> None:
    domain = {**domain, "session_config": {"carry_over_slots_to_new_session": False}}
    events = _start(
        make_tracker, dispatcher, domain, {"language": "en", "goal_type": "job"}, {"language": "fi"}
    )
    assert events == [SessionStarted(), SlotSet("language", "fi"), ActionExecuted("action_listen")]


@pytest.mark.parametrize(
    "metadata",
    [
        {"language": "de", "city": "Atlantis"},
        {"language": 5, "city": ["Espoo"]},
        "fi",
        None,
        {"city": "online"},
    ],
)
def test_unknown_or_malformed_metadata_is_ignored(make_tracker, dispatcher, domain, metadata) -> None:
    events = _start(make_tracker, dispatcher, domain, {}, metadata)
    assert events == [SessionStarted(), ActionExecuted("action_listen")]


@pytest.mark.parametrize(
    ("tag", "code"), [("sv_SE", "sv"), ("FI", "fi"), ("fi-FI", "fi"), ("en-GB", "en"), ("fin", "fi")]
)
def test_metadata_language_tags_are_read_by_the_locale_registry(
    make_tracker, dispatcher, domain, tag, code
) -> None:
    events = _start(make_tracker, dispatcher, domain, {}, {"language": tag})
    assert events == [SessionStarted(), SlotSet("language", code), ActionExecuted("action_listen")]


@pytest.mark.parametrize("tag", ["fil", "finnish", "svenska", "f"])
def test_a_tag_that_only_starts_like_a_known_language_sets_none(
    make_tracker, dispatcher, domain, tag
) -> None:
    # The two-letter cut of old read "fil" (Filipino) as Finnish.
    events = _start(make_tracker, dispatcher, domain, {}, {"language": tag})
    assert events == [SessionStarted(), ActionExecuted("action_listen")]


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        ("puhu suomea", [], "fi"),
        ("suomeksi kiitos", [], "fi"),
        ("på svenska", [], "sv"),
        ("in English please", [], "en"),
        ('/change_language{"language":"sv"}', [{"entity": "language", "value": "sv"}], "sv"),
        ("vaihda kieltä", [{"entity": "language", "value": "englanti"}], "en"),
    ],
)
def test_change_language_confirms_in_the_new_language(
    make_tracker, dispatcher, domain, text, entities, expected
):
    slots = {"language": "en", "goal_type": "job", "requested_slot": "city"}
    tracker = make_tracker(
        slots=slots, text=text, intent="change_language", entities=entities, active_loop="goal_form"
    )
    events = asyncio.run(ActionChangeLanguage().run(dispatcher, tracker, domain))
    assert events == [SlotSet("language", expected)]
    assert [m["text"] for m in dispatcher.messages] == [t("session.language_changed", expected)]


def test_change_language_without_a_language_offers_buttons(make_tracker, dispatcher, domain) -> None:
    tracker = make_tracker(slots={"language": "fi"}, text="vaihda kieli", intent="change_language")
    events = asyncio.run(ActionChangeLanguage().run(dispatcher, tracker, domain))
    assert events == []
    assert dispatcher.messages[0]["text"] == t("session.choose_language", "fi")
    assert dispatcher.messages[0]["buttons"] == language_buttons("fi")
    assert [b["payload"] for b in language_buttons("fi")] == [
        '/change_language{"language":"fi"}',
        '/change_language{"language":"sv"}',
        '/change_language{"language":"en"}',
    ]


@pytest.mark.parametrize("action", [ActionRestartConversation(), ActionRestart()])
def test_restart_keeps_language_and_city_and_asks_the_first_question_again(
    make_tracker, dispatcher, domain, action
) -> None:
    """Typed 'start over': "let's start again", the welcome a new visitor gets, then the first question."""
    tracker = make_tracker(
        slots={"language": "sv", "city": "Turku", "goal_type": "job", "se_1": "4"},
        text="börja om",
        intent="restart",
    )
    events = asyncio.run(action.run(dispatcher, tracker, domain))
    assert events == [
        Restarted(),
        SlotSet("language", "sv"),
        SlotSet("city", "Turku"),
        SlotSet("welcomed", True),
        FollowupAction("goal_form"),
    ]
    assert [m.get("text") for m in dispatcher.messages] == [t("session.restarted", "sv"), None]
    assert dispatcher.messages[1]["response"] == "utter_welcome"


def test_restart_from_the_widget_button_leaves_the_note_to_the_widget(
    make_tracker, dispatcher, domain
) -> None:
    """The widget's "/restart" already shows "started again": the bot only welcomes and asks."""
    tracker = make_tracker(slots={"language": "fi"}, text="/restart", intent="restart")
    events = asyncio.run(ActionRestart().run(dispatcher, tracker, domain))
    welcomed = SlotSet("welcomed", True)
    assert events == [Restarted(), SlotSet("language", "fi"), welcomed, FollowupAction("goal_form")]
    assert [m.get("response") for m in dispatcher.messages] == ["utter_welcome"]


def test_restart_without_language_or_city(make_tracker, dispatcher, domain) -> None:
    tracker = make_tracker(slots={"city": "skipped"})
    events = asyncio.run(ActionRestartConversation().run(dispatcher, tracker, domain))
    assert events == [Restarted(), SlotSet("welcomed", True), FollowupAction("goal_form")]
    assert ActionRestart().name() == "action_restart"


def test_detect_language_guesses_finnish_from_the_first_words(make_tracker, dispatcher, domain) -> None:
    from actions.session import ActionDetectLanguage

    tracker = make_tracker(text="moi, mä haluun töihin", intent="greet")
    events = asyncio.run(ActionDetectLanguage().run(dispatcher, tracker, domain))
    assert events == [SlotSet("language", "fi"), SlotSet("welcomed", True)]
    assert dispatcher.messages == []


def test_detect_language_prefers_message_metadata_and_fills_the_city(
    make_tracker, dispatcher, domain
) -> None:
    from actions.session import ActionDetectLanguage

    tracker = make_tracker(text="hello", intent="greet", metadata={"language": "sv", "city": "Vanda"})
    events = asyncio.run(ActionDetectLanguage().run(dispatcher, tracker, domain))
    assert events == [SlotSet("language", "sv"), SlotSet("city", "Vantaa"), SlotSet("welcomed", True)]


def test_detect_language_never_switches_a_language_already_set(make_tracker, dispatcher, domain) -> None:
    from actions.session import ActionDetectLanguage

    tracker = make_tracker(slots={"language": "en"}, text="moikka", intent="greet")
    assert asyncio.run(ActionDetectLanguage().run(dispatcher, tracker, domain)) == [SlotSet("welcomed", True)]


def test_detect_language_ignores_button_payloads(make_tracker, dispatcher, domain) -> None:
    from actions.session import ActionDetectLanguage

    tracker = make_tracker(text='/inform{"answer":"job"}', intent="inform")
    assert asyncio.run(ActionDetectLanguage().run(dispatcher, tracker, domain)) == [SlotSet("welcomed", True)]


USER = {"event": "user", "text": "/ask_courses"}
WELCOMED = {"event": "slot", "name": "welcomed", "value": True}


def test_a_first_visitor_gets_the_whole_welcome(make_tracker, dispatcher, domain) -> None:
    """'courses' as the very first message: the welcome with the privacy notice, then the questions.

    action_detect_language has just set ``welcomed`` in this turn; that does not count.
    """
    events = [{"event": "session_started"}, USER, WELCOMED]
    tracker = make_tracker(slots={"language": "en"}, intent="ask_courses", events=events)
    assert asyncio.run(ActionWelcome().run(dispatcher, tracker, domain)) == []
    assert [m.get("response") for m in dispatcher.messages] == ["utter_welcome"]


def test_back_from_the_introduction_the_welcome_is_not_said_again(make_tracker, dispatcher, domain) -> None:
    """The person left the goal questions for the introduction and taps "Courses and jobs".

    The welcome is far back: only the tracker window's summary SlotSet remembers it.
    """
    events = [WELCOMED, {"event": "bot", "text": "Well done!"}, USER, WELCOMED]
    tracker = make_tracker(slots={"language": "fi"}, intent="ask_courses", events=events)
    asyncio.run(ActionWelcome().run(dispatcher, tracker, domain))
    assert [m.get("text") for m in dispatcher.messages] == [t("session.go_on", "fi")]
    assert dispatcher.messages[0].get("response") is None


@pytest.mark.parametrize("boundary", ["session_started", "restart"])
def test_a_welcome_before_a_new_session_or_restart_does_not_count(
    make_tracker, dispatcher, domain, boundary: str
) -> None:
    events = [WELCOMED, {"event": boundary}, USER, WELCOMED]
    tracker = make_tracker(slots={"language": "sv"}, intent="ask_jobs", events=events)
    asyncio.run(ActionWelcome().run(dispatcher, tracker, domain))
    assert [m.get("response") for m in dispatcher.messages] == ["utter_welcome"]


def test_the_welcomed_mark_is_not_carried_to_a_new_session(make_tracker, dispatcher, domain) -> None:
    events = _start(make_tracker, dispatcher, domain, {"language": "fi", "welcomed": True})
    assert SlotSet("welcomed", True) not in events and SlotSet("language", "fi") in events
