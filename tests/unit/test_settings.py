"""bot/config/settings.py: a production process never runs with the public default token."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.config.settings import DEFAULT_RASA_TOKEN, Settings


def test_production_refuses_the_default_rasa_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASA_TOKEN", raising=False)
    monkeypatch.setenv("DIGIPOINT_ENV", "production")
    with pytest.raises(ValidationError, match="RASA_TOKEN"):
        Settings(_env_file=None)


def test_production_with_a_token_and_development_without_one_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGIPOINT_ENV", "production")
    monkeypatch.setenv("RASA_TOKEN", "a-real-secret-token")
    assert Settings(_env_file=None).rasa_token.get_secret_value() == "a-real-secret-token"
    monkeypatch.delenv("DIGIPOINT_ENV")
    monkeypatch.delenv("RASA_TOKEN")
    assert Settings(_env_file=None).rasa_token.get_secret_value() == DEFAULT_RASA_TOKEN
