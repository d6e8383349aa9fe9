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
    assert said == ["Katso työpaikka: Data-analyytikko", "4", "affirm", "hei, olen Matti", "/broken{not json"]


def test_a_payload_is_matched_only_against_the_buttons_just_shown() -> None:
    events = _events()[:3] + [{"event": "user", "text": LOOK, "timestamp": 9}]
    said = [line.text for line in lines_of(events) if line.who == "user"]
    assert said == ["Katso työpaikka: Data-analyytikko", "look:job:22"]
