"""The coach reads a transcript in words: button clicks show what the person clicked."""

from __future__ import annotations

from bot.coach.transcript import lines_of

LOOK = '/inform{"answer":"look:job:22"}'


def _events() -> list[dict[str, object]]:
    return [
        {"event": "action", "name": "action_offer_next_steps", "timestamp": 1},
        {
            "event": "bot",
            "text": "Mitä haluat tehdä seuraavaksi?",
            "timestamp": 2,
            "data": {"buttons": [{"title": "Katso työpaikka: Data-analyytikko", "payload": LOOK}]},
        },
        {"event": "user", "text": LOOK, "timestamp": 3},
        {"event": "user", "text": '/inform{"answer":"4"}', "timestamp": 4},
        {"event": "user", "text": "/affirm", "timestamp": 5},
        {"event": "user", "text": "hei, olen Matti", "timestamp": 6},
        {"event": "user", "text": "/broken{not json", "timestamp": 7},
    ]


def test_button_clicks_read_as_the_button_the_person_saw() -> None:
    said = [line.text for line in lines_of(_events()) if line.who == "user"]
    assert said == ["Katso työpaikka: Data-analyytikko", "4", "Yes", "hei, olen Matti", "/broken{not json"]


def test_a_payload_is_matched_only_against_the_buttons_just_shown() -> None:
    events = _events()[:3] + [{"event": "user", "text": LOOK, "timestamp": 9}]
    said = [line.text for line in lines_of(events) if line.who == "user"]
    assert said == ["Katso työpaikka: Data-analyytikko", "look:job:22"]


def test_coach_replies_sent_as_custom_data_read_as_the_coach_with_a_first_name() -> None:
    def custom(text: str, sender: str, name: str | None) -> dict[str, object]:
        mark = {"from": sender, "name": name, "kind": "reply"}
        return {
            "event": "bot",
            "text": None,
            "timestamp": 1,
            "data": {"custom": {"data": {"text": text, "digipoint": mark}}},
        }

    events = [custom("Hi, I am Anna.", "coach", "Anna"), custom("A coach has joined.", "bot", None)]
    assert [(line.who, line.name, line.text) for line in lines_of(events)] == [
        ("coach", "Anna", "Hi, I am Anna."),
        ("bot", None, "A coach has joined."),
    ]


def _notice(text: str, kind: str, name: str | None = "Anna") -> dict[str, object]:
    mark = {"from": "bot", "name": name, "kind": kind}
    data = {"custom": {"data": {"text": text, "digipoint": mark}}}
    return {"event": "bot", "text": None, "timestamp": 1, "data": data}


def test_joined_left_and_queue_notices_read_as_notices_not_as_the_bot_with_a_name() -> None:
    events = [
        _notice("Ohjaaja Anna liittyi keskusteluun.", "joined"),
        _notice("Olet jonossa seuraavana.", "queue", None),
        _notice("Ohjaaja poistui keskustelusta.", "left"),
    ]
    assert [(line.who, line.name) for line in lines_of(events, lang="fi")] == [("notice", None)] * 3


def test_the_coach_page_labels_a_notice_notice_in_the_coachs_language() -> None:
    from bot.coach.i18n import text

    words = (text("en")["notice"], text("fi")["notice"], text("sv")["notice"])
    assert words == ("Notice", "Ilmoitus", "Meddelande")


def test_taps_on_older_buttons_read_in_the_coachs_words_not_intent_names() -> None:
    taps = ["/greet", "/affirm", "/deny", "/request_coach", "/some_new_intent"]
    events = [{"event": "user", "text": tap, "timestamp": i} for i, tap in enumerate(taps)]
    assert [line.text for line in lines_of(events, lang="fi")] == [
        "Hei", "Kyllä", "Ei", "Haluan puhua ohjaajalle", "some new intent"
    ]
    assert [line.text for line in lines_of(events, lang="sv")][:3] == ["Hej", "Ja", "Nej"]


def test_feedback_taps_read_as_useful_not_useful_yes_no() -> None:
    taps = [
        '/give_feedback{"target":"suggestion","item":"course:1","useful":true}',
        '/give_feedback{"target":"suggestion","item":"course:1","useful":false}',
        '/give_feedback{"target":"chat","useful":true}',
        '/give_feedback{"target":"handoff","useful":false}',
        '/give_feedback{"target":"nonsense","useful":true}',
    ]
    events = [{"event": "user", "text": tap, "timestamp": i} for i, tap in enumerate(taps)]
    assert [line.text for line in lines_of(events)] == ["Useful", "Not useful", "Yes", "No", "nonsense, True"]
    assert [line.text for line in lines_of(events, lang="fi")][:2] == ["Hyödyllinen", "Ei hyödyllinen"]


def test_the_handoff_page_shows_the_join_notice_as_a_notice(coach_env) -> None:  # type: ignore[no-untyped-def]
    from bot import handoff

    coach_env.account("coach@espoo.fi", city="Espoo")
    request = handoff.enqueue(coach_env.session, "conv-n", "Espoo", "en")
    coach_env.session.commit()
    later = request.requested_at.timestamp() + 5
    joined = _notice("Anna, a coach, has joined the chat.", "joined")
    coach_env.rasa.events[:] = [{**joined, "timestamp": later}]
    coach_env.login("coach@espoo.fi")
    page = coach_env.client.get(f"/coach/handoffs/{request.id}").text
    assert '<span class="who">Notice:</span> Anna, a coach, has joined the chat.' in page
    assert "Bot Anna" not in page
    assert 'data-notice="Notice"' in page
