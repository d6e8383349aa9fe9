"""The catalogue revision: a token that changes whenever a course or job row changes.

Table ``catalogue_revision`` holds one row (``id`` 1) whose ``token`` (32
hex characters) is replaced by a new random value, in the same
transaction, by every ORM flush that adds, changes or deletes a
:class:`~bot.catalogue.models.Course` or :class:`~bot.catalogue.models.Job`,
and by every ORM ``insert`` / ``update`` / ``delete`` statement on their
tables. Readers that keep something derived from the catalogue in memory
(:mod:`bot.guidance.candidates`) compare tokens to know when to rebuild
it. A random token, not a counter, so that a rolled-back change can never
be mistaken for a later committed one.

Writes that bypass the ORM (raw SQL) do not change the token; call
:func:`touch` after them.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Integer, String, event, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from bot.catalogue.models import Course, Job
from bot.db import Base

_WATCHED = (Course, Job)
_TABLES = {model.__tablename__ for model in _WATCHED}


class CatalogueRevision(Base):
    """The single row whose ``token`` changes with every catalogue change."""

    __tablename__ = "catalogue_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32))


def touch(connection: Connection | Session) -> str:
    """Give the catalogue a new revision token (inside the caller's transaction); returns it."""
    token = uuid.uuid4().hex
    changed = connection.execute(
        update(CatalogueRevision).where(CatalogueRevision.id == 1).values(token=token)
    )
    if not changed.rowcount:  # type: ignore[attr-defined]
        connection.execute(insert(CatalogueRevision).values(id=1, token=token))
    return token


def current_revision(session: Session) -> str:
    """The current token ('' when no catalogue change has been recorded yet)."""
    token = session.execute(select(CatalogueRevision.token).where(CatalogueRevision.id == 1)).scalar()
    return token or ""


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(isinstance(obj, _WATCHED) for obj in changed):
        touch(session.connection())


@event.listens_for(Session, "do_orm_execute")
def _on_orm_statement(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in _TABLES:
        touch(state.session.connection())
