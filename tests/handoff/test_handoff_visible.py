"""Issue 13, "a handoff people can see": queue place and wait, office hours, contact requests,
labelled coach messages, on a real SQLite file (``session`` fixture) and the real actions."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from actions.handoff import (
    ActionHandoffJoined,
    ActionHandoffQueueStatus,
    ActionHandoffResumed,
    ActionHandoffTimeout,
    ActionHandoffToCoach,
    ActionRelayCoachMessage,
)
from actions.handoff_contact import ActionSaveContactRequest, ValidateContactForm
from bot.coach import accounts
from bot.handoff import contact, waiting
from bot.handoff.models import ContactRequest, HandoffMessage, HandoffRequest
from bot.handoff.office_hours import coaches_on_duty, hours_of
from bot.i18n import t
from bot.privacy.erasure import delete_conversation
from bot.worker.jobs import HANDOFF_QUEUE_STATUS

# Wednesday 2 December 2026, 10:00 and 20:00 in Helsinki (UTC+2).
OPEN = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
NIGHT = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)
SATURDAY = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def city_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cities' own office hours (a developer's shell may say "always")."""
    monkeypatch.setenv("HANDOFF_OFFICE_HOURS", "cities")


def run(action, dispatcher, tracker):  # type: ignore[no-untyped-def]
    """Run an action synchronously; its events."""
    return asyncio.run(action.run(dispatcher, tracker, {}))


def data_of(message: dict) -> dict:  # type: ignore[type-arg]
    """The custom data of a widget message (``json_message={"data": ...}``)."""
    return message["custom"]["data"]


def test_office_hours_per_city_in_helsinki_time() -> None:
    assert coaches_on_duty("Espoo", OPEN) and not coaches_on_duty("Espoo", NIGHT)
    assert not coaches_on_duty("Espoo", SATURDAY)
    assert coaches_on_duty("Helsinki", datetime(2026, 12, 2, 6, 45, tzinfo=UTC))  # 8:45, opens 8:30
    assert not coaches_on_duty("Vantaa", datetime(2026, 12, 2, 13, 30, tzinfo=UTC))  # 15:30, closes 15:00
    assert hours_of("Espoo").describe("fi") == "ma–pe 9.00–16.00"
    assert hours_of("Turku").describe("en") == "Mon–Fri 9:00–15:30"


def test_always_and_closed_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOFF_OFFICE_HOURS", "always")
    assert coaches_on_duty("Espoo", NIGHT)
    monkeypatch.setenv("HANDOFF_OFFICE_HOURS", "closed")
    assert not coaches_on_duty("Espoo", OPEN)


def test_queue_place_and_estimate_from_the_city_median(session) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    for minutes in (2, 4, 9):  # taken after 2, 4 and 9 minutes: median 4
        session.add(HandoffRequest(conversation_id=f"old-{minutes}", city="Espoo", language="en",
                                   status="closed", requested_at=now - timedelta(hours=1),
                                   taken_at=now - timedelta(hours=1) + timedelta(minutes=minutes)))
    first = HandoffRequest(conversation_id="a", city="Espoo", language="en")
    other_city = HandoffRequest(conversation_id="h", city="Helsinki", language="en")
    second = HandoffRequest(conversation_id="b", city="Espoo", language="en")
    session.add_all([first, other_city, second])
    session.commit()
    assert waiting.status(session, first) == waiting.Status(1, 4)
    assert waiting.status(session, second) == waiting.Status(2, 8)
    # Helsinki has no history: 3 minutes a person, at least 2.
    assert waiting.status(session, other_city) == waiting.Status(1, 3)


def test_estimate_has_a_floor_and_the_timeout_as_ceiling(session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HANDOFF_TIMEOUT_SECONDS", "600")
    now = datetime.now(UTC)
    for i in range(3):
        session.add(HandoffRequest(conversation_id=f"q{i}", city="Espoo", language="en", status="closed",
                                   requested_at=now, taken_at=now + timedelta(seconds=10)))
    rows = [HandoffRequest(conversation_id=f"w{i}", city="Espoo", language="en") for i in range(5)]
    session.add_all(rows)
    session.commit()
    assert waiting.status(session, rows[0]).minutes == waiting.FLOOR_MINUTES
    monkeypatch.setattr(waiting, "DEFAULT_TAKE", timedelta(minutes=30))
    slow = HandoffRequest(conversation_id="slow", city="Vantaa", language="en")
    session.add(slow)
    session.commit()
    assert waiting.status(session, slow).minutes == 10  # not "about 30": a request times out at 10


def test_handoff_tells_place_and_that_writing_goes_on(  # type: ignore[no-untyped-def]
    session, make_tracker, dispatcher, monkeypatch
) -> None:
    monkeypatch.setenv("HANDOFF_OFFICE_HOURS", "always")
    session.add(HandoffRequest(conversation_id="ahead", city="Espoo", language="en"))
    session.commit()
    tracker = make_tracker(slots={"language": "en", "city": "Espoo"}, sender_id="conv-q")
    events = run(ActionHandoffToCoach(), dispatcher, tracker)
    assert events[-1] == {"event": "pause", "timestamp": None}
    keep_writing = "You can keep writing while you wait: the coach sees your messages."
    assert keep_writing in dispatcher.messages[0]["text"]
    queue = data_of(dispatcher.messages[1])
    assert queue["digipoint"] == {"from": "bot", "kind": "queue", "position": 2, "minutes": 6}
    assert queue["text"] == "You are number 2 in the queue. A coach usually joins in about 6 minutes."
    session.expire_all()
    mine = session.scalar(select(HandoffRequest).where(HandoffRequest.conversation_id == "conv-q"))
    assert (mine.told_position, mine.told_minutes) == (2, 6)


def test_queue_status_is_told_again_only_when_it_changed(  # type: ignore[no-untyped-def]
    session, make_tracker, dispatcher, monkeypatch
) -> None:
    ahead = HandoffRequest(conversation_id="ahead", city="Espoo", language="fi")
    mine = HandoffRequest(
        conversation_id="conv-s", city="Espoo", language="fi", told_position=2, told_minutes=6
    )
    session.add_all([ahead, mine])
    session.commit()
    tracker = make_tracker(slots={"language": "fi"}, sender_id="conv-s")
    run(ActionHandoffQueueStatus(), dispatcher, tracker)
    assert dispatcher.messages == []  # nothing changed
    ahead.status = "active"
    session.commit()
    planned = []
    from bot.worker import jobs

    monkeypatch.setattr(jobs, "ensure", lambda s, kind, key, due, cid=None: planned.append((kind, key, cid)))
    HANDOFF_QUEUE_STATUS.plan(session, datetime.now(UTC))
    assert planned == [("handoff_queue_status", f"{mine.id}:1:3:2:6", "conv-s")]
    run(ActionHandoffQueueStatus(), dispatcher, tracker)
    told = data_of(dispatcher.messages[0])["text"]
    assert told == "Olet jonossa seuraavana. Ohjaaja liittyy yleensä noin 3 minuutissa."


def test_outside_office_hours_offers_contact_me_and_does_not_queue(  # type: ignore[no-untyped-def]
    session, make_tracker, dispatcher, monkeypatch
) -> None:
    import actions.handoff as module

    monkeypatch.setattr(module, "coaches_on_duty", lambda city: False)
    tracker = make_tracker(slots={"language": "sv", "city": "Espoo"}, sender_id="conv-c")
    assert run(ActionHandoffToCoach(), dispatcher, tracker) == []
    message = dispatcher.messages[0]
    assert message["text"].startswith("Handledarna svarar i chatten mån–fre 9:00–16:00.")
    assert "09 81621" in message["text"]
    assert message["buttons"] == [{"title": "Ja, kontakta mig", "payload": "/request_contact"}]
    assert session.scalar(select(func.count()).select_from(HandoffRequest)) == 0


def test_joined_relay_left_are_labelled(session, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    accounts.create_account(session, "anna@espoo.fi", "a long password 1", "Espoo", display_name="Anna")
    request = HandoffRequest(conversation_id="conv-j", city="Espoo", language="en", status="active",
                             taken_by="anna@espoo.fi")
    session.add(request)
    session.flush()
    session.add(HandoffMessage(handoff_id=request.id, conversation_id="conv-j", author_email="anna@espoo.fi",
                               text="Hi, I am Anna."))
    session.commit()
    tracker = make_tracker(slots={"language": "en"}, sender_id="conv-j")
    run(ActionHandoffJoined(), dispatcher, tracker)
    run(ActionRelayCoachMessage(), dispatcher, tracker)
    run(ActionRelayCoachMessage(), dispatcher, tracker)
    run(ActionHandoffResumed(), dispatcher, tracker)
    shown = [data_of(m) for m in dispatcher.messages[:3]]
    assert dispatcher.messages[3]["text"] == t("feedback.ask_handoff", "en")  # asked after a hand-back
    assert [(d["digipoint"]["kind"], d["digipoint"]["from"], d["digipoint"].get("name")) for d in shown] == [
        ("joined", "bot", "Anna"), ("reply", "coach", "Anna"), ("left", "bot", None)]
    assert shown[0]["text"] == "Anna, a coach, has joined the chat."
    assert shown[1]["text"] == "Hi, I am Anna."
    assert shown[2]["text"].startswith("The coach has left the chat. You are with DigiPoint")


def test_joined_without_a_display_name_says_a_coach(session, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    accounts.create_account(session, "c@espoo.fi", "a long password 1", "Espoo")
    session.add(HandoffRequest(conversation_id="conv-n", city="Espoo", language="fi", status="active",
                               taken_by="c@espoo.fi"))
    session.commit()
    run(ActionHandoffJoined(), dispatcher, make_tracker(slots={"language": "fi"}, sender_id="conv-n"))
    assert data_of(dispatcher.messages[0])["text"] == "Ohjaaja liittyi keskusteluun."


def test_timeout_offers_contact_me_and_the_city_contacts(database_url, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    run(ActionHandoffTimeout(), dispatcher,
        make_tracker(slots={"language": "en", "city": "Turku"}, active_loop="goal_form"))
    offered = data_of(dispatcher.messages[0])
    assert offered["digipoint"]["kind"] == "timeout"
    assert offered["buttons"] == [{"title": "Yes, contact me", "payload": "/request_contact"}]
    assert "02 330 000" in offered["text"]


def test_contact_me_tap_is_never_a_form_answer() -> None:
    """Every from_text slot mapping leaves /request_contact to the rules (data/rules/handoff_contact.yml)."""
    import yaml

    from tests.conftest import ROOT

    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    lists = [m["not_intent"] for slot in domain["slots"].values() for m in slot.get("mappings", [])
             if m.get("type") == "from_text" and "not_intent" in m]
    assert lists and all("request_contact" in names for names in lists)


@pytest.mark.parametrize(
    ("typed", "channel", "value"),
    [("040 123 4567", "phone", "+358401234567"), ("+46 70 123 45 67", "phone", "+46701234567"),
     (" Anna.Virtanen@Example.fi ", "email", "Anna.Virtanen@example.fi")],
)
def test_contact_details_are_checked_and_normalised(typed: str, channel: str, value: str) -> None:
    assert contact.parse_contact(typed) == contact.Contact(channel, value)


@pytest.mark.parametrize(("typed", "code"), [("", "empty"), ("anna@", "bad_email"), ("12345", "bad_phone"),
                                             ("call me maybe", "bad_phone")])
def test_bad_contact_details_are_refused(typed: str, code: str) -> None:
    with pytest.raises(contact.ContactError) as error:
        contact.parse_contact(typed)
    assert error.value.code == code


def test_bad_phone_gets_a_clear_message(make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    form = ValidateContactForm()
    result = form.validate_contact_detail("12345", dispatcher, make_tracker(slots={"language": "en"}), {})
    assert result == {"contact_detail": None}
    assert dispatcher.messages[0]["text"].startswith("That doesn't look like a phone number.")


def test_contact_saved_after_consent_listed_and_erased(session, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    tracker = make_tracker(slots={"language": "en", "city": "Espoo", "contact_consent": True,
                                  "contact_detail": "+358401234567"}, sender_id="conv-k")
    events = run(ActionSaveContactRequest(), dispatcher, tracker)
    assert [e["name"] for e in events] == ["contact_consent", "contact_detail"]
    assert all(e["value"] is None for e in events)
    assert dispatcher.messages[0]["text"].startswith("Thank you. A coach will contact you at +358 40 1234567")
    rows = contact.open_requests(session, "Espoo")
    assert [(r.conversation_id, r.channel, r.contact) for r in rows] == [("conv-k", "phone", "+358401234567")]
    assert contact.open_requests(session, "Helsinki") == []

    class Helsinki:
        email, city = "h@hel.fi", "Helsinki"

    with pytest.raises(LookupError):
        contact.mark_done(session, Helsinki(), rows[0].id)
    counts = delete_conversation(session, "conv-k", tracker=False)
    session.commit()
    assert counts["handoff_contact_requests"] == 1
    assert session.scalar(select(func.count()).select_from(ContactRequest)) == 0


def test_no_consent_keeps_nothing(session, make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    tracker = make_tracker(slots={"language": "fi", "city": "Turku", "contact_consent": False})
    run(ActionSaveContactRequest(), dispatcher, tracker)
    assert dispatcher.messages[0]["text"].startswith("Selvä. En tallentanut")
    assert session.scalar(select(func.count()).select_from(ContactRequest)) == 0


def test_display_names_are_checked(session) -> None:  # type: ignore[no-untyped-def]
    accounts.create_account(session, "x@espoo.fi", "a long password 1", "Espoo")
    assert accounts.set_display_name(session, "x@espoo.fi", "  Anna-Liisa ").display_name == "Anna-Liisa"
    with pytest.raises(accounts.AccountError):
        accounts.set_display_name(session, "x@espoo.fi", "Anna <b>")
    assert accounts.set_display_name(session, "x@espoo.fi", "").display_name is None


def test_cli_sets_and_refuses_display_names(session, capsys) -> None:  # type: ignore[no-untyped-def]
    from bot.coach.__main__ import main

    accounts.create_account(session, "cli@espoo.fi", "a long password 1", "Espoo")
    session.commit()
    assert main(["set-name", "--email", "cli@espoo.fi", "--name", "Sanna"]) == 0
    assert "shown in the chat as Sanna" in capsys.readouterr().out
    assert main(["set-name", "--email", "cli@espoo.fi", "--name", "S4nna"]) == 2
    assert "a display name is a first name in letters" in capsys.readouterr().err
    session.expire_all()
    assert accounts.display_name_of(session, "cli@espoo.fi") == "Sanna"


def test_unclear_consent_answer_asks_for_yes_or_no(make_tracker, dispatcher) -> None:  # type: ignore[no-untyped-def]
    form = ValidateContactForm()
    tracker = make_tracker(slots={"language": "sv"})
    assert form.validate_contact_consent("kanske", dispatcher, tracker, {}) == {"contact_consent": None}
    assert dispatcher.messages[0]["text"] == "Välj Ja eller Nej. Du kan också skriva ja eller nej."
    assert form.validate_contact_consent(True, dispatcher, tracker, {}) == {"contact_consent": True}
