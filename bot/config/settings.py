"""One settings object, read from environment variables (prefix-free names).

Every setting is listed with its default in ``.env.example``. Values come
from the process environment first, then from a ``.env`` file in the working
directory (pydantic-settings).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Development only (scripts/run_stack.sh generates a token into var/rasa_token).
DEFAULT_RASA_TOKEN = "change-me-rasa-token"  # noqa: S105


class Settings(BaseSettings):
    """DigiPoint settings.

    Attributes:
        database_url: SQLAlchemy URL of the product database (catalogue,
            assessments, summaries). SQLite file under ``var/`` by default;
            ``postgresql+psycopg://...`` in production.
        rasa_url: base URL of Rasa's HTTP API, internal (127.0.0.1:5006 under
            scripts/run_stack.sh); the coach dashboard reads trackers there.
        rasa_public_url: base URL of Rasa's chat channels as a browser reaches
            them (REST and socket.io through nginx, localhost:5005).
        rasa_token: token for Rasa's HTTP API (``--auth-token``).
        action_server_url: base URL of the rasa-sdk action server.
        web_host / web_port: where the web app (demo pages, widget) listens.
        allowed_origins: comma-separated origins allowed to open the widget's
            socket.io connection and call the REST channel.
        default_language: conversation language when neither the page nor
            the person's first messages give one ("fi", "sv" or "en").
        max_message_chars: longest accepted chat message, in characters.
        retention_days: days of inactivity after which personal data is
            purged.
        smtp_host / smtp_port / smtp_from / smtp_user / smtp_password /
            smtp_starttls: the mail server of the follow-up reminders
            (:mod:`bot.followup.reminders`); no host: no reminder is sent
            (the job waits). User and password only when the server wants them.
        digipoint_env: ``production`` refuses the development default of
            ``rasa_token`` (a public value that also keys resume codes when
            ``RESUME_CODE_SECRET`` is unset).

    Raises:
        pydantic.ValidationError: ``DIGIPOINT_ENV=production`` with the default token.
    """

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'digipoint.db'}"
    rasa_url: str = "http://127.0.0.1:5006"
    rasa_public_url: str = "http://localhost:5005"
    rasa_token: SecretStr = SecretStr(DEFAULT_RASA_TOKEN)
    action_server_url: str = "http://localhost:5055"
    web_host: str = "127.0.0.1"
    web_port: int = 8080
    allowed_origins: str = "http://localhost:8080,http://127.0.0.1:8080"
    default_language: str = "en"
    max_message_chars: int = 2000
    retention_days: int = 90
    # Seconds a database session of the action server, web app and worker waits
    # for a lock or a statement before giving up (bot.db; 0 = no limit).
    db_statement_timeout_seconds: float = 5.0
    # Follow-up reminders (issue 15): the SMTP server they go through.
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_from: str = "digipoint@localhost"
    smtp_user: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_starttls: bool = False
    digipoint_env: str = "development"

    @model_validator(mode="after")
    def _no_default_token_in_production(self) -> Settings:
        if self.digipoint_env == "production" and self.rasa_token.get_secret_value() == DEFAULT_RASA_TOKEN:
            raise ValueError("DIGIPOINT_ENV=production needs RASA_TOKEN set (the default is public)")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (read once, then cached)."""
    return Settings()
