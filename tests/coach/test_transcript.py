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
