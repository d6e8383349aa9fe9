"""actions/introduction.py, introduction_edit.py: exact events and messages of the introduction builder."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.introduction import (
    ActionAddIntroductionToSummary,
    ActionAskIntroDid,
    ActionCopyIntroduction,
    ActionShowIntroduction,
    ActionStartIntroduction,
    ValidateIntroductionForm,
    introduction_buttons,
)
from actions.introduction_edit import (
    ActionAskIntroNewSentence,
    ActionEditIntroduction,
    ValidateIntroductionEditForm,
)
from bot.i18n import t
from bot.privacy.erasure import delete_conversation
from bot.summaries.models import Summary
from bot.summaries.service import build_summary, save_summary
from tests.catalogue_helpers import break_database

SENTENCES = ["I am interested in data.", "I am good at maths.", "I am happy to tell you more."]
FORM_DOMAIN: dict[str, Any] = {
    "forms": {"introduction_form": {"required_slots": ["intro_did", "intro_good_at", "intro_want_next"]}},
    "slots": {
        name: {"type": "text", "mappings": [{"type": "from_text"}]}
        for name in ("intro_did", "intro_good_at", "intro_want_next")
    },
}
EDIT_DOMAIN: dict[str, Any] = {
    "forms": {"introduction_edit_form": {"required_slots": ["intro_new_sentence"]}},
    "slots": {"intro_new_sentence": {"type": "text", "mappings": [{"type": "from_text"}]}},
}


def _run(action: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Any = None) -> list[Any]:
    result = action.run(dispatcher, tracker, domain or {})
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


def _answer(make_tracker: Callable[..., Tracker], slot: str, text: str, **slots: Any) -> Tracker:
    return make_tracker(
        slots={"language": "en", "requested_slot": slot, slot: text, **slots},
        text=text,
        active_loop="introduction_form",
        events=[{"event": "slot", "name": slot, "value": text}],
    )


def test_start_says_what_comes_and_clears_an_earlier_round(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(slots={"language": "fi", "intro_did": "old", "introduction_sentences": SENTENCES})
    events = _run(ActionStartIntroduction(), dispatcher, tracker)
    assert events == [
        SlotSet("intro_did", None),
        SlotSet("intro_good_at", None),
        SlotSet("intro_want_next", None),
        SlotSet("intro_new_sentence", None),
        SlotSet("introduction_sentences", None),
        SlotSet("introduction_edit", None),
        SlotSet("introduction_in_summary", False),
    ]
    assert [m["text"] for m in dispatcher.messages] == [t("introduction.start", "fi")]


def test_each_question_has_a_skip_button(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    _run(ActionAskIntroDid(), dispatcher, make_tracker(slots={"language": "sv"}))
    assert dispatcher.messages[0]["text"] == t("introduction.ask_did", "sv")
    assert dispatcher.messages[0]["buttons"] == [
        {"title": t("introduction.skip_button", "sv"), "payload": "/skip"}
    ]


def test_an_answer_is_kept_cleaned(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = _answer(make_tracker, "intro_good_at", "helping people 😊 but not good at maths")
    events = _run(ValidateIntroductionForm(), dispatcher, tracker, FORM_DOMAIN)
    assert events == [SlotSet("intro_good_at", "helping people")]
    assert dispatcher.messages == []


def test_an_answer_about_helping_is_kept_and_a_bare_help_shows_the_menu_and_asks_again(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    answer = _answer(make_tracker, "intro_good_at", "helping customers")
    assert _run(ValidateIntroductionForm(), dispatcher, answer, FORM_DOMAIN) == [
        SlotSet("intro_good_at", "helping customers")
    ]
    bare = _answer(make_tracker, "intro_good_at", "apua")
    assert _run(ValidateIntroductionForm(), dispatcher, bare, FORM_DOMAIN) == [SlotSet("intro_good_at", None)]
    assert dispatcher.messages[0]["response"] == "utter_help"


def test_a_skip_is_skipped_without_a_word(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    events = _run(
        ValidateIntroductionForm(), dispatcher, _answer(make_tracker, "intro_did", "/skip"), FORM_DOMAIN
    )
    assert events == [SlotSet("intro_did", "skipped")]
    assert dispatcher.messages == []


def test_a_deficit_only_answer_is_left_out_with_a_kind_word(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = _answer(make_tracker, "intro_good_at", "en osaa mitään", language="fi")
    events = _run(ValidateIntroductionForm(), dispatcher, tracker, FORM_DOMAIN)
    assert events == [SlotSet("intro_good_at", "skipped")]
    assert [m["text"] for m in dispatcher.messages] == [t("introduction.reframe", "fi")]


def test_slots_cleared_at_the_start_are_not_answers(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    """Rasa validates the slots the start action cleared: they stay empty, so every question is asked."""
    cleared = [{"event": "slot", "name": slot, "value": None} for slot in ("intro_did", "intro_good_at")]
    tracker = make_tracker(slots={"language": "en"}, events=cleared)
    events = _run(ValidateIntroductionForm(), dispatcher, tracker, FORM_DOMAIN)
    assert events == [SlotSet("intro_did", None), SlotSet("intro_good_at", None)]
    edit = make_tracker(
        slots={"language": "en", "introduction_sentences": SENTENCES, "introduction_edit": 2.0},
        events=[{"event": "slot", "name": "intro_new_sentence", "value": None}],
    )
    assert _run(ValidateIntroductionEditForm(), dispatcher, edit, EDIT_DOMAIN) == [
        SlotSet("intro_new_sentence", None)
    ]
    assert dispatcher.messages == []


def test_show_builds_from_answers_and_known_facts_with_numbered_sentences_and_buttons(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(
        slots={
            "language": "en",
            "field": "data",
            "goal_type": "job",
            "skills": ["spreadsheets"],
            "intro_did": "worked in a shop",
            "intro_good_at": "skipped",
            "intro_want_next": "skipped",
        }
    )
    events = _run(ActionShowIntroduction(), dispatcher, tracker)
    sentences = [
        "I am interested in data and analytics.",
        "My skills include spreadsheets.",
        "I worked in a shop.",
        "Next, I would like to find a job where I can use my skills.",
        "I am happy to tell you more.",
    ]
    assert events == [
        SlotSet("introduction_sentences", sentences),
        SlotSet("intro_new_sentence", None),
        SlotSet("introduction_edit", None),
    ]
    [message] = dispatcher.messages
    assert (
        "\n1. I am interested in data and analytics.\n2. My skills include spreadsheets.\n" in message["text"]
    )
    assert message["text"].startswith(t("introduction.shown", "en"))
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads == [
        *(f'/edit_introduction{{"sentence":{n}}}' for n in range(1, 6)),
        "/copy_introduction",
        "/add_introduction_to_summary",
        "/finish_introduction",
    ]
    assert message["buttons"][1]["title"] == "Change sentence 2"


def test_no_add_to_summary_button_once_added() -> None:
    payloads = [b["payload"] for b in introduction_buttons(SENTENCES, "fi", in_summary=True)]
    assert "/add_introduction_to_summary" not in payloads and "/finish_introduction" in payloads


def test_show_without_sentences_or_answers_offers_to_write_one(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    _run(ActionShowIntroduction(), dispatcher, make_tracker(slots={"language": "sv"}))
    [message] = dispatcher.messages
    assert message["text"] == t("introduction.none_yet", "sv")
    assert message["buttons"] == [
        {"title": t("introduction.start_button", "sv"), "payload": "/build_introduction"}
    ]


def test_a_change_button_asks_for_the_new_text_quoting_the_sentence(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(
        slots={"language": "en", "introduction_sentences": SENTENCES},
        text='/edit_introduction{"sentence":2}',
        intent="edit_introduction",
        entities=[{"entity": "sentence", "value": 2}],
    )
    events = _run(ActionEditIntroduction(), dispatcher, tracker)
    assert events == [SlotSet("introduction_edit", 2), SlotSet("intro_new_sentence", None)]
    asking = make_tracker(
        slots={"language": "en", "introduction_sentences": SENTENCES, "introduction_edit": 2.0}
    )
    _run(ActionAskIntroNewSentence(), dispatcher, asking)
    assert dispatcher.messages[-1]["text"] == t(
        "introduction.ask_new_sentence", "en", number=2, sentence="I am good at maths."
    )


def test_typed_number_and_text_fill_the_edit_at_once(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(
        slots={"language": "fi", "introduction_sentences": SENTENCES},
        text="3: Kerron mielelläni lisää",
        intent="edit_introduction",
    )
    events = _run(ActionEditIntroduction(), dispatcher, tracker)
    assert events == [
        SlotSet("introduction_edit", 3),
        SlotSet("intro_new_sentence", "Kerron mielelläni lisää"),
    ]


def test_ordinal_words_and_last_name_the_sentence(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    for text, number in (
        ("muuta toista lausetta", 2),
        ("change the last one", 3),
        ("ändra första meningen", 1),
    ):
        tracker = make_tracker(
            slots={"introduction_sentences": SENTENCES}, text=text, intent="edit_introduction"
        )
        assert _run(ActionEditIntroduction(), dispatcher, tracker)[0] == SlotSet("introduction_edit", number)


def test_a_number_past_the_end_says_which_sentences_there_are(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(
        slots={"language": "en", "introduction_sentences": SENTENCES}, text="change sentence 5"
    )
    events = _run(ActionEditIntroduction(), dispatcher, tracker)
    assert events == [SlotSet("introduction_edit", None), SlotSet("intro_new_sentence", None)]
    assert dispatcher.messages[0]["text"] == t("introduction.no_such_sentence", "en", count=3)


def _edit(make_tracker: Callable[..., Tracker], text: str, number: float | None, **extra: Any) -> Tracker:
    return make_tracker(
        slots={
            "language": "en",
            "introduction_sentences": SENTENCES,
            "introduction_edit": number,
            "requested_slot": "intro_new_sentence",
            "intro_new_sentence": text,
        },
        text=text,
        active_loop="introduction_edit_form",
        events=[{"event": "slot", "name": "intro_new_sentence", "value": text}],
        **extra,
    )


def test_the_new_text_replaces_the_sentence_and_ends_the_edit(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    events = _run(
        ValidateIntroductionEditForm(), dispatcher, _edit(make_tracker, "i like numbers 🙂", 2.0), EDIT_DOMAIN
    )
    changed = ["I am interested in data.", "I like numbers.", "I am happy to tell you more."]
    assert events == [
        SlotSet("intro_new_sentence", "I like numbers."),
        SlotSet("introduction_sentences", changed),
    ]
    assert [m["text"] for m in dispatcher.messages] == [t("introduction.changed", "en", number=2)]


def test_an_empty_new_text_is_asked_again(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    events = _run(ValidateIntroductionEditForm(), dispatcher, _edit(make_tracker, "😶", 1.0), EDIT_DOMAIN)
    assert events == [SlotSet("intro_new_sentence", None)]
    assert [m["text"] for m in dispatcher.messages] == [t("introduction.edit_empty", "en")]


def test_another_change_button_during_an_edit_switches_the_sentence(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = _edit(
        make_tracker, '/edit_introduction{"sentence":3}', 1.0, entities=[{"entity": "sentence", "value": 3}]
    )
    events = _run(ValidateIntroductionEditForm(), dispatcher, tracker, EDIT_DOMAIN)
    assert events == [SlotSet("intro_new_sentence", None), SlotSet("introduction_edit", 3.0)]


def test_copy_sends_the_plain_text_as_custom_data_for_the_widget(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(slots={"language": "sv", "introduction_sentences": SENTENCES})
    assert _run(ActionCopyIntroduction(), dispatcher, tracker) == []
    [message] = dispatcher.messages
    data = message["custom"]["data"]
    plain = "I am interested in data. I am good at maths. I am happy to tell you more.\n"
    assert data["introduction"] == {"text": plain, "filename": "min-presentation.txt"}
    assert data["text"] == f"{t('introduction.plain', 'sv')}\n\n{plain.strip()}"
    assert [b["payload"] for b in data["buttons"]] == ["/add_introduction_to_summary", "/finish_introduction"]


def test_copy_adds_the_cv_skills_from_the_conversation_and_the_strengths_answer(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    slots = {
        "language": "en",
        "introduction_sentences": SENTENCES,
        "skills": ["Python"],
        "intro_good_at": "maths",
    }
    _run(ActionCopyIntroduction(), dispatcher, make_tracker(slots=slots))
    text = dispatcher.messages[0]["custom"]["data"]["introduction"]["text"]
    assert text.endswith("\n\nSkills for my CV:\n- Python\n- maths\n")


def test_add_to_summary_before_any_summary_sets_the_slot(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(slots={"language": "en", "introduction_sentences": SENTENCES})
    assert _run(ActionAddIntroductionToSummary(), dispatcher, tracker) == [
        SlotSet("introduction_in_summary", True)
    ]
    assert dispatcher.messages[0]["text"] == t("introduction.added_to_summary", "en")


def test_add_to_summary_puts_it_into_the_saved_shared_summary_redacted(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher, session: Session
) -> None:
    summary = save_summary(session, build_summary({"language": "en"}, "test-user"))
    summary.consent_to_share = True
    session.commit()
    sentences = [*SENTENCES[:2], "Mail me at anna@example.com."]
    tracker = make_tracker(
        slots={"language": "en", "introduction_sentences": sentences, "summary_id": str(summary.id)}
    )
    assert _run(ActionAddIntroductionToSummary(), dispatcher, tracker) == [
        SlotSet("introduction_in_summary", True)
    ]
    assert dispatcher.messages[0]["text"] == t("introduction.added_shared", "en")
    session.expire_all()
    stored = session.get(Summary, summary.id)
    assert stored is not None
    assert stored.data["introduction"][:2] == SENTENCES[:2]
    assert "anna@example.com" not in stored.data["introduction"][2]


def test_add_to_summary_with_the_database_down_says_so_and_keeps_it_for_the_next_summary(
    make_tracker: Callable[..., Tracker],
    dispatcher: CollectingDispatcher,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    summary = save_summary(session, build_summary({"language": "fi"}, "test-user"))
    session.commit()
    break_database(monkeypatch, tmp_path)
    tracker = make_tracker(
        slots={"language": "fi", "introduction_sentences": SENTENCES, "summary_id": str(summary.id)}
    )
    assert _run(ActionAddIntroductionToSummary(), dispatcher, tracker) == [
        SlotSet("introduction_in_summary", True)
    ]
    assert dispatcher.messages[0]["text"] == t("introduction.save_failed", "fi")



def test_delete_my_data_removes_the_introduction_with_the_summary(
    make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher, session: Session
) -> None:
    summary = save_summary(session, build_summary({"language": "en"}, "test-user"))
    session.commit()
    tracker = make_tracker(
        slots={"language": "en", "introduction_sentences": SENTENCES, "summary_id": str(summary.id)}
    )
    _run(ActionAddIntroductionToSummary(), dispatcher, tracker)
    session.expire_all()
    assert session.get(Summary, summary.id) is not None
    delete_conversation(session, "test-user", tracker=False)
    session.commit()
    stored = [row.data for row in session.scalars(select(Summary))]
    assert stored == []
