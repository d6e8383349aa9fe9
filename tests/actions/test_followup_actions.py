"""Follow-up of agreed steps in the conversation: due dates, rows, reminder opt-in, review on return."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.followup import (
    ActionAskReminderEmail,
    ActionDeclineReminder,
    ActionReviewStep,
    ActionSaveReminder,
    ValidateReminderForm,
)
from actions.next_steps import ActionAskNextStepPick, ValidateNextStepsForm
from actions.resume import ActionResumeWithCode
from actions.summary import ActionRecordSummaryConsent, ActionSaveSummary
from bot import clock
from bot.followup.models import AgreedStep
from bot.resume import codes
from tests.catalogue_helpers import load_fixed_catalogue

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
FORM_DOMAIN: dict[str, Any] = {
    "forms": {"next_steps_form": {"required_slots": ["next_step_pick"]}},
    "slots": {"next_step_pick": {"type": "text", "mappings": [{"type": "from_text"}]}},
}
REMINDER_DOMAIN: dict[str, Any] = {
    "forms": {"reminder_form": {"required_slots": ["reminder_email"]}},
    "slots": {"reminder_email": {"type": "text", "mappings": [{"type": "from_text"}]}},
}
SLOTS = {
    "language": "fi",
    "city": "Turku",
    "shown_suggestions": ["job:1", "course:2"],
    "next_steps": ["cv", "coach"],
    "next_step_dues": {"cv": "2026-12-09", "coach": None},
}


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)


def _texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["text"] for m in dispatcher.messages]


def _due_tracker(make_tracker: Callable[..., Tracker], text: str, answer: str | None = None) -> Tracker:
    return make_tracker(
        slots={
            "language": "fi",
            "shown_suggestions": [],
            "next_steps": ["cv"],
            "next_step_due_for": "cv",
            "next_step_pick": text,
        },
        text=text,
        entities=[{"entity": "answer", "value": answer}] if answer else [],
        active_loop="next_steps_form",
        events=[{"event": "slot", "name": "next_step_pick", "value": text}],
    )


def test_after_a_pick_the_due_date_is_asked_with_quick_choices(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = make_tracker(slots={"language": "fi", "next_steps": ["cv"], "next_step_due_for": "cv"})
    ActionAskNextStepPick().run(dispatcher, tracker, FORM_DOMAIN)
    message = dispatcher.messages[0]
    assert message["text"] == (
        "Milloin haluaisit tehdä tämän: Päivitä ansioluetteloni? "
        "Valitse vaihtoehto tai kirjoita päivä (esimerkiksi 15.1.)."
    )
    assert [(b["title"], b["payload"]) for b in message["buttons"]] == [
        ("Viikon päästä", '/inform{"answer":"due:7"}'),
        ("Kahden viikon päästä", '/inform{"answer":"due:14"}'),
        ("Kuukauden päästä", '/inform{"answer":"due:30"}'),
        ("Ei vielä päivää", '/inform{"answer":"due:none"}'),
    ]


def test_a_typed_date_is_kept_and_the_form_asks_for_more_steps(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    events = asyncio.run(
        ValidateNextStepsForm().run(dispatcher, _due_tracker(make_tracker, "15.1."), FORM_DOMAIN)
    )
    assert events == [
        SlotSet("next_step_pick", None),
        SlotSet("next_step_dues", {"cv": "2027-01-15"}),
        SlotSet("next_step_due_for", None),
    ]
    assert _texts(dispatcher) == ["Hyvä! 15.1. on merkitty muistiin."]


def test_a_button_date_and_an_unreadable_one(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = _due_tracker(make_tracker, '/inform{"answer":"due:7"}', answer="due:7")
    events = asyncio.run(ValidateNextStepsForm().run(dispatcher, tracker, FORM_DOMAIN))
    assert SlotSet("next_step_dues", {"cv": "2026-12-09"}) in events
    events = asyncio.run(
        ValidateNextStepsForm().run(dispatcher, _due_tracker(make_tracker, "joskus"), FORM_DOMAIN)
    )
    assert events == [SlotSet("next_step_pick", None)]
    assert _texts(dispatcher)[-1].startswith("Anteeksi, en ymmärtänyt päivää.")


def test_thats_all_instead_of_a_date_means_no_date_and_ends_the_form(
    session: Session, dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    tracker = _due_tracker(make_tracker, '/inform{"answer":"done"}', answer="done")
    events = asyncio.run(ValidateNextStepsForm().run(dispatcher, tracker, FORM_DOMAIN))
    assert events == [
        SlotSet("next_step_pick", "done"),
        SlotSet("next_step_dues", {"cv": None}),
        SlotSet("next_step_due_for", None),
    ]
    assert _texts(dispatcher) == ["Ei haittaa, päivää ei tarvita nyt."]


def _save_and_share(
    session: Session, make_tracker: Callable[..., Tracker], sender: str = "conv-1"
) -> CollectingDispatcher:
    load_fixed_catalogue(session)
    ActionSaveSummary().run(CollectingDispatcher(), make_tracker(slots=SLOTS, sender_id=sender), {})
    shared = CollectingDispatcher()
    tracker = make_tracker(slots={**SLOTS, "summary_id": "1"}, sender_id=sender, intent="affirm")
    ActionRecordSummaryConsent().run(shared, tracker, {})
    return shared


def test_saving_the_summary_makes_the_steps_rows_once(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    load_fixed_catalogue(session)
    for _ in range(2):
        ActionSaveSummary().run(CollectingDispatcher(), make_tracker(slots=SLOTS, sender_id="conv-1"), {})
    rows = session.scalars(select(AgreedStep).order_by(AgreedStep.id)).all()
    assert [(r.step_key, r.label, r.due_on, r.status, r.city, r.language, r.summary_id) for r in rows] == [
        ("cv", "Päivitä ansioluetteloni", date(2026, 12, 9), "open", "Turku", "fi", 2),  # the newest summary
        ("coach", "Juttele ohjaajan kanssa", None, "open", "Turku", "fi", 2),
    ]


@pytest.fixture()
def mail_configured(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A mail server is configured (SMTP_HOST set), as a city's production has."""
    from bot.config import get_settings

    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_after_the_code_a_reminder_is_offered_when_a_step_has_a_date(
    session: Session, make_tracker: Callable[..., Tracker], mail_configured: None
) -> None:
    shared = _save_and_share(session, make_tracker)
    offer = next(m for m in shared.messages if m["text"].startswith("Haluatko muistutuksen"))
    assert [(b["title"], b["payload"]) for b in offer["buttons"]] == [
        ("Kyllä, muistuta minua", "/remind_steps"),
        ("Ei kiitos", "/no_reminder"),
    ]
    assert shared.messages[-1] is offer  # the last question on screen, after the coach offer


def test_the_chat_feedback_question_waits_while_the_reminder_offer_is_on_screen(
    session: Session, make_tracker: Callable[..., Tracker], mail_configured: None
) -> None:
    """The rule runs action_ask_chat_feedback right after the consent; it asks after the reminder answer."""
    from actions.feedback import ActionAskChatFeedback

    shared = _save_and_share(session, make_tracker)
    this_turn = [{"event": "user", "text": "/affirm"}] + [
        {"event": "bot", "text": m["text"], "data": {"buttons": m["buttons"]}} for m in shared.messages
    ]
    waiting = CollectingDispatcher()
    ActionAskChatFeedback().run(waiting, make_tracker(slots={"language": "fi"}, events=this_turn), {})
    assert waiting.messages == []
    answered = [*this_turn, {"event": "user", "text": "/no_reminder"}, {"event": "bot", "text": "Selvä."}]
    after = CollectingDispatcher()
    ActionAskChatFeedback().run(after, make_tracker(slots={"language": "fi"}, events=answered), {})
    assert [m["text"][:5] for m in after.messages] == ["Vielä"]  # "was this chat useful?"


def test_no_reminder_is_offered_without_a_mail_server(
    session: Session, make_tracker: Callable[..., Tracker], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SMTP_HOST empty (the embedded default): an address would never get its mail, so none is asked."""
    from bot.config import get_settings

    monkeypatch.setenv("SMTP_HOST", "")
    get_settings.cache_clear()
    shared = _save_and_share(session, make_tracker)
    get_settings.cache_clear()
    assert not any(m["text"].startswith("Haluatko muistutuksen") for m in shared.messages)
    assert any("koodi" in m["text"].lower() for m in shared.messages)  # the resume code still comes


def test_no_reminder_is_offered_without_dates(session: Session, make_tracker: Callable[..., Tracker]) -> None:
    load_fixed_catalogue(session)
    slots = {**SLOTS, "next_step_dues": {}}
    ActionSaveSummary().run(CollectingDispatcher(), make_tracker(slots=slots, sender_id="c"), {})
    shared = CollectingDispatcher()
    ActionRecordSummaryConsent().run(
        shared, make_tracker(slots={**slots, "summary_id": "1"}, sender_id="c", intent="affirm"), {}
    )
    assert not any(m["text"].startswith("Haluatko muistutuksen") for m in shared.messages)
    assert any("koodi" in m["text"].lower() for m in shared.messages)  # the resume code still comes


def _validate_email(dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker], text: str) -> Any:
    tracker = make_tracker(
        slots={"language": "sv", "reminder_email": text, "requested_slot": "reminder_email"},
        text=text,
        active_loop="reminder_form",
        events=[{"event": "slot", "name": "reminder_email", "value": text}],
    )
    return asyncio.run(ValidateReminderForm().run(dispatcher, tracker, REMINDER_DOMAIN))


def test_the_address_is_checked(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    assert _validate_email(dispatcher, make_tracker, "anna at example") == [SlotSet("reminder_email", None)]
    assert _texts(dispatcher) == [
        'Det ser inte ut som en e-postadress. Kontrollera den, eller välj "Ingen påminnelse".'
    ]
    # The domain part is lower-cased (email-validator's normalised form); the local part is the person's.
    assert _validate_email(dispatcher, make_tracker, "den är Anna@Example.FI") == [
        SlotSet("reminder_email", "Anna@example.fi")
    ]


def test_the_address_question_offers_no_reminder(
    dispatcher: CollectingDispatcher, make_tracker: Callable[..., Tracker]
) -> None:
    ActionAskReminderEmail().run(dispatcher, make_tracker(slots={"language": "en"}), {})
    assert dispatcher.messages[0]["buttons"] == [{"title": "No reminder", "payload": "/no_reminder"}]


def test_the_address_goes_on_the_dated_steps_only_and_leaves_the_slot(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    _save_and_share(session, make_tracker)
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"language": "fi", "reminder_email": "anna@example.fi"}, sender_id="conv-1")
    assert ActionSaveReminder().run(dispatcher, tracker, {}) == [SlotSet("reminder_email", None)]
    assert _texts(dispatcher) == ["Kiitos. Lähetämme muistutuksen 9.12. osoitteeseen anna@example.fi."]
    session.expire_all()
    assert [
        (r.step_key, r.reminder_email) for r in session.scalars(select(AgreedStep).order_by(AgreedStep.id))
    ] == [
        ("cv", "anna@example.fi"),
        ("coach", None),
    ]
    declined = CollectingDispatcher()
    events = ActionDeclineReminder().run(
        declined, make_tracker(slots={"language": "en"}, sender_id="conv-1"), {}
    )
    assert events == [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("reminder_email", None)]
    assert _texts(declined) == ["OK, no reminder. Your code brings you back to your steps at any time."]
    session.expire_all()
    assert session.scalars(select(AgreedStep.reminder_email).where(AgreedStep.step_key == "cv")).one() is None


def _resume(session: Session, make_tracker: Callable[..., Tracker], dispatcher: CollectingDispatcher) -> Any:
    code = codes.issue(session, "conv-1")
    session.commit()
    tracker = make_tracker(slots={"language": "fi"}, text=f"minulla on koodi {code}", sender_id="conv-2")
    return asyncio.run(ActionResumeWithCode().run(dispatcher, tracker, {}))


def test_coming_back_with_the_code_first_asks_about_each_open_step(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    _save_and_share(session, make_tracker)
    dispatcher = CollectingDispatcher()
    events = _resume(session, make_tracker, dispatcher)
    cv, coach = session.scalars(select(AgreedStep).order_by(AgreedStep.id)).all()
    texts = _texts(dispatcher)
    assert texts[-2:] == [
        "Viime kerralla suunnittelit muutaman askeleen. Katsotaan ne ensin.",
        "Päivitä ansioluetteloni (9.12. mennessä). Miten meni?",
    ]
    assert [b["payload"] for b in dispatcher.messages[-1]["buttons"]] == [
        f'/review_steps{{"answer":"done:{cv.id}"}}',
        f'/review_steps{{"answer":"not_yet:{cv.id}"}}',
        f'/review_steps{{"answer":"change:{cv.id}"}}',
    ]
    assert not any(
        m.get("buttons") and m["buttons"][0]["payload"] == "/ask_courses" for m in dispatcher.messages
    )
    assert SlotSet("next_steps", ["cv", "coach"]) in events

    # Done: celebrated, a new step offered, then the next open step.
    done = CollectingDispatcher()
    tracker = make_tracker(
        slots={"language": "fi"},
        intent="review_steps",
        sender_id="conv-2",
        entities=[{"entity": "answer", "value": f"done:{cv.id}"}],
    )
    assert ActionReviewStep().run(done, tracker, {}) == [SlotSet("next_steps", ["coach"])]
    assert _texts(done) == [
        "Hienoa, teit sen! Se on oikea askel eteenpäin.",
        "Haluatko valita uuden askeleen?",
        "Juttele ohjaajan kanssa. Miten meni?",
    ]
    assert done.messages[1]["buttons"] == [{"title": "Valitse uusi askel", "payload": "/choose_next_steps"}]

    # Not yet: kept open, the review ends with courses and jobs.
    later = CollectingDispatcher()
    tracker = make_tracker(
        slots={"language": "fi"},
        intent="review_steps",
        sender_id="conv-2",
        entities=[{"entity": "answer", "value": f"not_yet:{coach.id}"}],
    )
    assert ActionReviewStep().run(later, tracker, {}) == [SlotSet("next_steps", ["coach"])]
    assert _texts(later)[0] == "Ei se mitään. Askel jää listallesi. Pienetkin askeleet ovat tärkeitä."
    assert _texts(later)[1] == "Kiitos, kun kerroit."
    assert [b["payload"] for b in later.messages[-1]["buttons"]] == ["/ask_courses", "/ask_jobs"]
    session.expire_all()
    assert [
        (r.status, r.reviewed_at is not None)
        for r in session.scalars(select(AgreedStep).order_by(AgreedStep.id))
    ] == [
        ("done", True),
        ("open", True),
    ]


def test_inside_goal_form_a_done_step_points_to_the_next_steps_later(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    _save_and_share(session, make_tracker)
    _resume(session, make_tracker, CollectingDispatcher())
    cv = session.scalars(select(AgreedStep).order_by(AgreedStep.id)).first()
    assert cv is not None
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"language": "sv"},
        intent="review_steps",
        sender_id="conv-2",
        active_loop="goal_form",
        entities=[{"entity": "answer", "value": f"change:{cv.id}"}],
    )
    ActionReviewStep().run(dispatcher, tracker, {})
    assert _texts(dispatcher) == [
        "Okej, vi väljer ett annat steg i stället.",
        "Du kan välja ett nytt steg när vi kommer till dina nästa steg, efter några frågor.",
        "Juttele ohjaajan kanssa. Hur gick det?",
    ]
    assert not any(
        m.get("buttons") == [{"title": "Välj ett nytt steg", "payload": "/choose_next_steps"}]
        for m in dispatcher.messages
    )
    session.expire_all()
    assert session.get(AgreedStep, cv.id).status == "changed"  # type: ignore[union-attr]


def test_the_reminder_is_not_offered_again_once_every_dated_step_has_an_address(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    _save_and_share(session, make_tracker)
    ActionSaveReminder().run(
        CollectingDispatcher(),
        make_tracker(slots={"language": "fi", "reminder_email": "anna@example.fi"}, sender_id="conv-1"),
        {},
    )
    again = CollectingDispatcher()
    tracker = make_tracker(slots={**SLOTS, "summary_id": "1"}, sender_id="conv-1", intent="affirm")
    ActionRecordSummaryConsent().run(again, tracker, {})
    assert not any(m["text"].startswith("Haluatko muistutuksen") for m in again.messages)


def test_an_answer_about_a_closed_or_foreign_step_changes_nothing(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    _save_and_share(session, make_tracker)
    step = session.scalars(select(AgreedStep)).first()
    assert step is not None
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"language": "en"},
        intent="review_steps",
        sender_id="stranger",
        entities=[{"entity": "answer", "value": f"done:{step.id}"}],
    )
    assert ActionReviewStep().run(dispatcher, tracker, {}) == []
    assert _texts(dispatcher) == ["That step is already closed."]
    session.expire_all()
    assert session.get(AgreedStep, step.id).status == "open"  # type: ignore[union-attr]


def test_without_open_steps_the_resume_goes_on_as_before(
    session: Session, make_tracker: Callable[..., Tracker]
) -> None:
    dispatcher = CollectingDispatcher()
    _resume(session, make_tracker, dispatcher)
    assert [b["payload"] for b in dispatcher.messages[-1]["buttons"]] == ["/ask_courses", "/ask_jobs"]


def test_delete_my_data_in_the_resumed_conversation_removes_the_steps_and_the_address(
    session: Session, make_tracker: Callable[..., Tracker], domain: dict[str, Any]
) -> None:
    from actions.privacy import ActionDeleteMyData

    _save_and_share(session, make_tracker)
    ActionSaveReminder().run(
        CollectingDispatcher(),
        make_tracker(slots={"language": "fi", "reminder_email": "anna@example.fi"}, sender_id="conv-1"),
        {},
    )
    _resume(session, make_tracker, CollectingDispatcher())
    asyncio.run(ActionDeleteMyData().run(CollectingDispatcher(), make_tracker(sender_id="conv-2"), domain))
    session.expire_all()
    assert session.scalars(select(AgreedStep)).all() == []
