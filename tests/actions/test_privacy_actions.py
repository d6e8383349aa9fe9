"""action_delete_my_data: every row of the conversation goes, others stay; restart keeps language."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import Restarted, SlotSet
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import bot.models  # noqa: F401  (every table)
from actions.privacy import ActionDeleteMyData
from bot.config import get_settings
from bot.db import Base, get_sessionmaker
from bot.guidance.store import save_result
from bot.i18n import t
from bot.privacy.erasure import owned_tables
from bot.summaries.models import Summary


def _rows_of(session: Session, conversation_id: str) -> dict[str, int]:
    counts = {}
    for table in Base.metadata.sorted_tables:
        if "conversation_id" in table.columns:
            query = select(func.count()).select_from(table).where(table.c.conversation_id == conversation_id)
            counts[table.name] = session.scalar(query)
    return counts


def _fill(session: Session, conversation_id: str) -> None:
    save_result(session, conversation_id, "self_efficacy", answers={"se_1": 4}, score=4.0)
    save_result(session, conversation_id, "riasec", answers={"ri_1": "like"}, holland_code="RIA")
    session.add(
        Summary(conversation_id=conversation_id, language="fi", city="Espoo", data={"goal_type": "job"})
    )
    session.commit()


def test_delete_leaves_zero_rows_of_this_conversation(
    make_tracker, dispatcher, domain, session: Session
) -> None:
    _fill(session, "test-user")
    _fill(session, "someone-else")
    assert sum(_rows_of(session, "test-user").values()) == 3
    tracker = make_tracker(
        slots={"language": "fi", "city": "Espoo", "goal_type": "job"}, intent="delete_my_data"
    )
    events = asyncio.run(ActionDeleteMyData().run(dispatcher, tracker, domain))
    assert events == [Restarted(), SlotSet("language", "fi")]
    assert [m["text"] for m in dispatcher.messages] == [t("privacy.deleted", "fi"), None]
    # The widget forgets the conversation too (screen, storage, session id).
    assert dispatcher.messages[1]["custom"] == {"data": {"digipoint": {"clear": True}}}
    session.expire_all()
    remaining = _rows_of(session, "test-user")
    assert remaining and all(count == 0 for count in remaining.values())
    assert sum(_rows_of(session, "someone-else").values()) == 3


def test_delete_with_nothing_stored_still_confirms(make_tracker, dispatcher, domain, database_url) -> None:
    events = asyncio.run(ActionDeleteMyData().run(dispatcher, make_tracker(slots={}), domain))
    assert events == [Restarted()]
    assert [m["text"] for m in dispatcher.messages] == [t("privacy.deleted", "en"), None]


def test_every_table_with_conversation_id_is_covered_children_first() -> None:
    owned = [table.name for table, _ in owned_tables()]
    with_column = {
        table.name for table in Base.metadata.tables.values() if "conversation_id" in table.columns
    }
    assert with_column <= set(owned)
    for table in Base.metadata.tables.values():
        for fk in table.foreign_keys:
            parent = fk.column.table.name
            if table.name in owned and parent in owned and parent != table.name:
                assert owned.index(table.name) < owned.index(parent)


def test_database_down_gets_a_kind_reply_and_no_restart(
    make_tracker, dispatcher, domain, monkeypatch, tmp_path
):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing/dir/db.sqlite")
    get_settings.cache_clear()
    get_sessionmaker.cache_clear()
    try:
        events = asyncio.run(
            ActionDeleteMyData().run(dispatcher, make_tracker(slots={"language": "sv"}), domain)
        )
    finally:
        get_settings.cache_clear()
        get_sessionmaker.cache_clear()
    assert events == []
    # Nothing deleted, so the widget keeps the conversation: no clear message.
    assert [m["text"] for m in dispatcher.messages] == [t("privacy.delete_failed", "sv")]
