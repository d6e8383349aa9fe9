"""bot.feedback: reading taps, storing them anonymously, counting them per city (real SQLite file)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from bot.feedback.models import Feedback
from bot.feedback.store import city_counts, record
from bot.feedback.taps import BadTapError, Tap, feedback_buttons, feedback_payload, read_tap

DAY = date(2026, 12, 2)


def _entities(**values: object) -> list[dict[str, object]]:
    return [{"entity": name, "value": value} for name, value in values.items()]


def test_the_payload_of_a_suggestion_button_names_target_item_and_answer() -> None:
    assert feedback_payload("suggestion", True, "course:12") == (
        '/give_feedback{"target":"suggestion","item":"course:12","useful":true}'
    )
    assert feedback_payload("chat", False) == '/give_feedback{"target":"chat","useful":false}'


def test_buttons_read_useful_and_not_useful_on_a_suggestion_and_yes_no_at_the_end() -> None:
    assert [b["title"] for b in feedback_buttons("suggestion", "fi", "job:3")] == [
        "Hyödyllinen",
        "Ei hyödyllinen",
    ]
    assert [b["title"] for b in feedback_buttons("chat", "sv")] == ["Ja", "Nej"]
    assert [b["title"] for b in feedback_buttons("handoff", "en")] == ["Yes", "No"]


def test_a_tap_is_read_from_the_payload_entities() -> None:
    assert read_tap(_entities(target="suggestion", item="job:3", useful=True)) == Tap(
        "suggestion", "job:3", True
    )
    assert read_tap(_entities(target="chat", useful="false")) == Tap("chat", "", False)
    assert Tap("suggestion", "job:3", True).key == "suggestion:job:3"
    assert Tap("handoff", "", True).key == "handoff"


@pytest.mark.parametrize(
    "values, reason",
    [
        ({"useful": True}, "without a target"),
        ({"target": "weather", "useful": True}, "unknown feedback target"),
        ({"target": "suggestion", "useful": True}, "needs an item id"),
        ({"target": "suggestion", "item": "Matti Virtanen", "useful": True}, "needs an item id"),
        ({"target": "chat", "item": "job:3", "useful": True}, "takes no item"),
        ({"target": "chat"}, "without the answer"),
        ({"target": "chat", "useful": "maybe"}, "must be true or false"),
    ],
)
def test_a_wrong_tap_is_refused_with_a_reason_that_does_not_repeat_it(
    values: dict[str, object], reason: str
) -> None:
    with pytest.raises(BadTapError, match=reason) as caught:
        read_tap(_entities(**values))
    assert "Matti" not in str(caught.value) and "weather" not in str(caught.value)


def test_the_feedback_table_has_no_column_that_points_to_a_person(session: Session) -> None:
    columns = {c["name"] for c in inspect(session.get_bind()).get_columns("feedback")}
    assert columns == {"id", "city", "target", "item", "useful", "given_on"}


def test_a_changed_answer_updates_its_row_and_a_repeat_counts_once(session: Session) -> None:
    first = record(session, Tap("suggestion", "course:1", True), "Espoo", DAY)
    again = record(session, Tap("suggestion", "course:1", True), "Espoo", DAY, previous_id=first.row_id)
    changed = record(session, Tap("suggestion", "course:1", False), "Espoo", DAY, previous_id=first.row_id)
    session.commit()
    assert (again.row_id, again.changed) == (first.row_id, False)
    assert (changed.row_id, changed.changed) == (first.row_id, True)
    assert [row.useful for row in session.scalars(select(Feedback))] == [False]


def test_a_previous_row_of_another_item_or_a_purged_one_gives_a_new_row(session: Session) -> None:
    first = record(session, Tap("suggestion", "course:1", True), "Espoo", DAY)
    other = record(session, Tap("suggestion", "job:2", True), "Espoo", DAY, previous_id=first.row_id)
    gone = record(session, Tap("chat", "", True), "Espoo", DAY, previous_id=999)
    session.commit()
    assert len({first.row_id, other.row_id, gone.row_id}) == 3


def _fill(session: Session) -> None:
    taps = [
        ("Espoo", Tap("suggestion", "course:1", True)),
        ("Espoo", Tap("suggestion", "course:1", True)),
        ("Espoo", Tap("suggestion", "course:1", False)),
        ("Espoo", Tap("suggestion", "job:2", True)),
        ("Espoo", Tap("suggestion", "job:3", False)),
        ("Espoo", Tap("chat", "", True)),
        ("Espoo", Tap("handoff", "", False)),
        ("Turku", Tap("chat", "", False)),
        ("", Tap("chat", "", True)),
    ]
    for city, tap in taps:
        record(session, tap, city, DAY)
    record(session, Tap("chat", "", True), "Espoo", date(2026, 11, 1))
    session.commit()


def test_counts_per_city_per_target_kind_with_the_top_suggestions_first(session: Session) -> None:
    _fill(session)
    [espoo] = city_counts(session, ["Espoo"])
    assert {k: (v.useful, v.not_useful) for k, v in espoo.targets.items()} == {
        "suggestion": (3, 2),
        "chat": (2, 0),
        "handoff": (0, 1),
    }
    assert [(i.item, i.useful, i.not_useful) for i in espoo.top] == [
        ("course:1", 2, 1),
        ("job:2", 1, 0),
        ("job:3", 0, 1),
    ]
    assert espoo.total == 8


def test_a_coach_city_without_answers_is_listed_with_zeros_and_others_are_not_counted(
    session: Session,
) -> None:
    _fill(session)
    [helsinki] = city_counts(session, ["Helsinki"])
    assert helsinki.total == 0 and helsinki.top == []


def test_all_cities_sorted_with_the_unknown_city_last_and_since_limits_the_days(session: Session) -> None:
    _fill(session)
    assert [c.city for c in city_counts(session, None)] == ["Espoo", "Turku", ""]
    [espoo] = city_counts(session, ["Espoo"], since=DAY)
    assert espoo.targets["chat"].useful == 1
    assert len(city_counts(session, ["Espoo"], top=1)[0].top) == 1
