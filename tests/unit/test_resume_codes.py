"""bot.resume.codes: format, hashing, expiry, single use, trend copy, the person's conversations."""

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


def test_code_is_stored_hashed_and_works_once(session: Session) -> None:
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
    assert codes.redeem(session, code, "third") is None  # used up
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
