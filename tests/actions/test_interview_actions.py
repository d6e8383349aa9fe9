"""actions/interview.py: exact events and messages of the interview practice.

The ratings are stored in a real SQLite file."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.interview import (
    ActionAskInterviewAnswer,
    ActionAskInterviewSeBefore,
    ActionFinishInterview,
    ActionStartInterview,
    ValidateInterviewForm,
    choice_of,
)
from bot.assessment.questionnaire import CONFIDENCE
from bot.guidance.store import history
from bot.i18n import t
from bot.practice.interview import feedback, question_text, render
from bot.privacy.erasure import delete_conversation
from bot.resume.trend import INTERVIEW_KIND, interview_points, interview_trend_text
from bot.summaries.service import build_summary, render_summary, save_summary
from tests.catalogue_helpers import break_database

STAR_FI = (
    "Kerran asiakas oli vihainen. Mä kuuntelin ja korjasin tilauksen, joten lopulta hän oli tyytyväinen."
)
SLOTS = ("interview_se_before", "interview_answer", "interview_se_after")


def _run(action: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Any = None) -> list[Any]:
    result = action.run(dispatcher, tracker, domain or {})
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


def _validate(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher, slot: str, text: str,
    intent: str = "inform", entities: list[dict[str, Any]] | None = None, **slots: Any,
) -> dict[str, Any]:
    tracker = make_tracker(
        slots={"language": "en", "requested_slot": slot, slot: text, **slots},
        text=text, intent=intent, entities=entities, active_loop="interview_form",
    )
    return getattr(ValidateInterviewForm(), f"validate_{slot}")(text, dispatcher, tracker, {})


def _button(answer: str) -> tuple[str, list[dict[str, Any]]]:
    return f'/inform{{"answer":"{answer}"}}', [{"entity": "answer", "value": answer}]


def test_start_says_what_comes_and_clears_an_earlier_round(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(slots={"language": "sv", "interview_se_before": "2", "interview_question": 3.0})
    events = _run(ActionStartInterview(), dispatcher, tracker)
    assert events == [
        *(SlotSet(slot, None) for slot in SLOTS),
        SlotSet("interview_question", 0.0),
        SlotSet("interview_waiting", False),
        SlotSet("interview_answered", 0.0),
    ]
    assert [m["text"] for m in dispatcher.messages] == [t("interview.start", "sv")]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_rating_before_is_the_interview_item_with_the_confidence_buttons(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher, lang: str
) -> None:
    _run(ActionAskInterviewSeBefore(), dispatcher, make_tracker(slots={"language": lang}))
    [message] = dispatcher.messages
    assert message["text"] == f"{t('interview.se_before', lang)}\n{t('questionnaires.se_4', lang)}"
    assert message["buttons"] == CONFIDENCE.buttons(lang)


def test_a_rating_button_and_a_typed_rating_are_stored_as_labelled_points(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher, session: Session
) -> None:
    text, entities = _button("2")
    assert _validate(make_tracker, dispatcher, "interview_se_before", text, entities=entities) == {
        "interview_se_before": "2"
    }
    assert _validate(make_tracker, dispatcher, "interview_se_after", "aika hyvin", language="fi") == {
        "interview_se_after": "4"
    }
    points = interview_points(session, "test-user")
    assert [(p["label"], p["score"]) for p in points] == [("before", 2.0), ("after", 4.0)]
    assert dispatcher.messages == []


def test_an_unclear_rating_is_asked_again_and_a_skip_is_kept_without_a_score(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher, session: Session
) -> None:
    result = _validate(make_tracker, dispatcher, "interview_se_before", "banana")
    assert result == {"interview_se_before": None}
    assert [m["text"] for m in dispatcher.messages] == [t("confidence.unsure", "en")]
    assert _validate(make_tracker, dispatcher, "interview_se_before", "/skip", intent="skip") == {
        "interview_se_before": "skipped"
    }
    rows = history(session, "test-user", INTERVIEW_KIND)
    assert [(row.score, row.answers) for row in rows] == [(None, {"se_4": "skipped", "moment": "before"})]
    assert interview_points(session, "test-user") == []


def test_the_rating_with_the_database_down_is_still_taken_with_a_note(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    break_database(monkeypatch, tmp_path)
    assert _validate(make_tracker, dispatcher, "interview_se_before", "3") == {"interview_se_before": "3"}
    assert [m["text"] for m in dispatcher.messages] == [t("interview.not_saved", "en")]


def test_the_question_is_worded_for_the_field_with_progress_and_skip_and_stop(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(slots={"language": "fi", "interview_question": 1.0, "field": "data"})
    _run(ActionAskInterviewAnswer(), dispatcher, tracker)
    [message] = dispatcher.messages
    question = question_text("why_this_job", "fi", field="data")
    assert message["text"] == f"{t('interview.progress', 'fi', number=2, total=5)}\n{question}"
    assert question == "Miksi juuri data-analytiikka kiinnostaa sinua työnä?"
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads == ['/inform{"answer":"next"}', '/inform{"answer":"stop"}']


def test_the_question_is_not_asked_again_while_the_feedback_waits_for_a_choice(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(slots={"language": "en", "interview_question": 0.0, "interview_waiting": True})
    assert _run(ActionAskInterviewAnswer(), dispatcher, tracker) == []
    assert dispatcher.messages == []


def test_an_answer_gets_kind_feedback_with_try_again_next_and_stop(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    result = _validate(
        make_tracker, dispatcher, "interview_answer", STAR_FI, language="fi", interview_question=2.0
    )
    assert result == {"interview_answer": None, "interview_waiting": True, "interview_answered": 1.0}
    [message] = dispatcher.messages
    assert message["text"] == render(feedback(STAR_FI, "problem_solved", "fi"), "fi")
    assert message["text"] == t("interview.good_star", "fi")
    assert [b["title"] for b in message["buttons"]] == [
        "Yritä uudestaan", "Seuraava kysymys", "Lopeta harjoitus"
    ]


def test_after_the_last_question_there_is_no_next_button(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    _validate(make_tracker, dispatcher, "interview_answer", "What does a usual day look like?",
              interview_question=4.0, interview_answered=3.0)
    [message] = dispatcher.messages
    assert message["text"] == t("interview.good_question", "en")
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads == ['/inform{"answer":"retry"}', '/inform{"answer":"stop"}']


def test_try_again_keeps_the_question_next_moves_on_stop_ends(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    text, entities = _button("retry")
    assert _validate(make_tracker, dispatcher, "interview_answer", text, entities=entities,
                     interview_question=1.0, interview_waiting=True) == {
        "interview_answer": None, "interview_waiting": False,
    }
    assert [m["text"] for m in dispatcher.messages] == [t("interview.retry", "en")]
    text, entities = _button("next")
    assert _validate(make_tracker, dispatcher, "interview_answer", text, entities=entities,
                     interview_question=1.0, interview_waiting=True) == {
        "interview_answer": None, "interview_question": 2.0, "interview_waiting": False,
    }
    assert _validate(make_tracker, dispatcher, "interview_answer", "nästa", interview_question=4.0) == {
        "interview_answer": "done", "interview_waiting": False,
    }
    assert _validate(make_tracker, dispatcher, "interview_answer", "lopeta", interview_question=0.0) == {
        "interview_answer": "done", "interview_waiting": False,
    }


def test_a_new_typed_answer_after_feedback_is_a_new_try_at_the_same_question(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    answer = "I have worked in a warehouse for three years and I like learning new software."
    result = _validate(make_tracker, dispatcher, "interview_answer", answer,
                       interview_question=0.0, interview_waiting=True, interview_answered=1.0)
    assert result == {"interview_answer": None, "interview_waiting": True, "interview_answered": 2.0}
    assert dispatcher.messages[0]["text"] == render(feedback(answer, "about_you", "en"), "en")


def test_an_answer_read_as_a_call_for_a_coach_gets_feedback_and_the_way_to_a_coach(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    answer = "Jag gillar att jobba med människor."
    result = _validate(make_tracker, dispatcher, "interview_answer", answer, intent="request_coach",
                       language="sv", interview_question=0.0)
    assert result["interview_waiting"] is True
    expected = f"{render(feedback(answer, 'about_you', 'sv'), 'sv')}\n{t('interview.coach_hint', 'sv')}"
    assert [m["text"] for m in dispatcher.messages] == [expected]


def test_a_bare_call_for_help_gets_the_help_not_feedback(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    result = _validate(make_tracker, dispatcher, "interview_answer", "apua", intent="help", language="fi",
                       interview_waiting=True)
    assert result == {"interview_answer": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_help"]


def test_an_empty_answer_asks_for_words(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    assert _validate(make_tracker, dispatcher, "interview_answer", "👍") == {"interview_answer": None}
    assert [m["text"] for m in dispatcher.messages] == [t("interview.empty", "en")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Seuraava", "next"), ("try again!", "retry"), ("Sluta öva", "stop"), ("hoppa över", "next"),
     ("I tried again and again", None), ("stop the machine and fix it", None)],
)
def test_typed_choices_are_whole_short_messages_only(text: str, expected: str | None) -> None:
    assert choice_of(text) == expected


@pytest.mark.parametrize(
    ("before", "after", "key"), [("2", "4", "up"), ("3", "3", "same"), ("4", "2", "down")]
)
def test_the_closing_shows_before_and_after_warmly(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher, before: str, after: str, key: str
) -> None:
    slots = {"interview_se_before": before, "interview_se_after": after, "interview_answered": 2.0}
    tracker = make_tracker(slots={"language": "fi", **slots})
    assert _run(ActionFinishInterview(), dispatcher, tracker) == [SlotSet("interview_waiting", False)]
    expected = t(f"interview.confidence_{key}", "fi", before=int(before), after=int(after))
    assert [m["text"] for m in dispatcher.messages] == [f"{t('interview.done', 'fi')}\n{expected}"]
    # The way on: back to the goal questions, or to the suggestions.
    assert dispatcher.messages[0]["buttons"] == [
        {"title": t("interview.go_on_button", "fi"), "payload": "/ask_courses"}
    ]


def test_the_closing_after_no_answer_and_skipped_ratings(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    slots: dict[str, Any] = {"interview_se_before": "skipped", "interview_answered": 0.0}
    tracker = make_tracker(slots={"language": "en", **slots})
    _run(ActionFinishInterview(), dispatcher, tracker)
    slots = {"interview_se_before": "skipped", "interview_se_after": "5", "interview_answered": 1.0}
    tracker = make_tracker(slots={"language": "en", **slots})
    _run(ActionFinishInterview(), dispatcher, tracker)
    texts = [m["text"] for m in dispatcher.messages]
    assert texts == [t("interview.done_none", "en"), t("interview.done", "en")]



def test_the_summary_for_the_coach_has_both_points_and_erasure_removes_them(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher, session: Session
) -> None:
    _validate(make_tracker, dispatcher, "interview_se_before", "2")
    _validate(make_tracker, dispatcher, "interview_se_after", "4")
    data = build_summary({"language": "en"}, "test-user")
    save_summary(session, data)
    session.commit()
    labelled = [(p["label"], p["score"]) for p in data["interview_confidence"]]
    assert labelled == [("before", 2.0), ("after", 4.0)]
    line = interview_trend_text(data, "en")
    assert line is not None and "before practice 2 (" in line and "after practice 4 (" in line
    assert line in render_summary(data, "en")
    delete_conversation(session, "test-user")
    session.commit()
    assert history(session, "test-user", INTERVIEW_KIND) == []
