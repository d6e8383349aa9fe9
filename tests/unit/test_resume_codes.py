"""bot.resume.codes: format, hashing, expiry, reuse while valid, trend copy, the person's conversations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.guidance.store import history, latest_score, save_result
from bot.resume import codes
from bot.resume.models import ResumeCode, utcnow
from bot.summaries.models import Summary


def test_codes_are_unambiguous_and_found_in_text() -> None:
    seen = {codes.new_code() for _ in range(300)}
    assert len(seen) == 300
    for code in seen:
        assert len(code) == 9 and code[4] == "-"
        raw = code.replace("-", "")
        assert set(raw) <= set(codes.ALPHABET) and any(ch.isdigit() for ch in raw)
    assert not set("IL01O") & set(codes.ALPHABET)
    assert codes.find_codes("minulla on koodi ktpr m7xh") == ["KTPRM7XH"]
    assert codes.find_codes("jag har en kod KTPR-M7XH.") == ["KTPRM7XH"]
    assert codes.find_codes("I have a code") == []
    assert codes.find_codes("I have a code ktpr m7xh") == ["KTPRM7XH"]  # not fooled by "code ktpr"
    assert codes.find_codes("have some") == []  # two words without a digit are no code


def test_code_is_stored_hashed_and_restores(session: Session) -> None:
    save_result(session, "old", "self_efficacy", answers={"se_1": 2}, score=2.0)
    session.add(Summary(conversation_id="old", language="fi", city="Espoo", data={"holland_code": "IRC"}))
    code = codes.issue(session, "old")
    session.commit()
    stored = session.scalar(select(ResumeCode))
    assert stored is not None and code.replace("-", "") not in stored.code_hash
    assert stored.code_hash == codes.code_hash(code.lower())
    restored = codes.redeem(session, f"koodi {code.lower()}", "new")
    session.commit()
    assert restored is not None and restored.conversation_id == "old"
    assert restored.summary == {"holland_code": "IRC"} and restored.scores_copied == 1
    assert latest_score(session, "new") == 2.0
    assert [r.score for r in history(session, "new", "self_efficacy")] == [2.0]
    assert codes.person_conversations(session, "new") == ["new", "old"]
    assert codes.person_conversations(session, "old") == ["old", "new"]
    assert codes.person_conversations(session, "stranger") == ["stranger"]


def test_expired_or_unknown_code_restores_nothing(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESUME_CODE_DAYS", "7")
    assert codes.lifetime() == timedelta(days=7)
    code = codes.issue(session, "old")
    row = session.scalar(select(ResumeCode))
    assert row is not None
    row.expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    assert codes.redeem(session, code, "new") is None
    assert codes.redeem(session, "ABCD-EFG2", "new") is None


def test_secret_changes_the_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESUME_CODE_SECRET", "one")
    first = codes.code_hash("ABCD-EFG2")
    monkeypatch.setenv("RESUME_CODE_SECRET", "two")
    assert codes.code_hash("abcd efg2") != first


def test_code_works_again_and_brings_back_the_newest_plan(session: Session) -> None:
    """The bot says the code works for 30 days: a second use (after closing the tab) works too."""
    save_result(session, "old", "self_efficacy", answers={"se_1": 2}, score=2.0)
    session.add(Summary(conversation_id="old", language="en", city="Espoo", data={"holland_code": "IRC"}))
    code = codes.issue(session, "old")
    session.commit()
    first = codes.redeem(session, code, "second")
    assert first is not None and first.summary == {"holland_code": "IRC"}
    save_result(session, "second", "self_efficacy", answers={"se_1": 4}, score=3.0)
    session.add(Summary(conversation_id="second", language="en", city="Espoo", data={"holland_code": "SEC"}))
    session.commit()
    again = codes.redeem(session, code.lower(), "third")  # the same code, a later day
    session.commit()
    assert again is not None and again.summary == {"holland_code": "SEC"}  # the newest plan
    assert again.person_id == first.person_id
    assert [p.score for p in again.trend] == [2.0, 3.0]  # each check once, oldest first
    assert again.scores_copied == 2
    assert sorted(codes.person_conversations(session, "third")) == ["old", "second", "third"]
    assert codes.redeem(session, code, "third") is not None  # typed twice in one conversation: no copies
    assert len(history(session, "third", "self_efficacy")) == 2


def test_a_reused_code_still_expires(session: Session) -> None:
    code = codes.issue(session, "old")
    session.commit()
    assert codes.redeem(session, code, "second") is not None
    row = session.scalar(select(ResumeCode))
    assert row is not None
    row.expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    assert codes.redeem(session, code, "third") is None
