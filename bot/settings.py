"""Settings: the one place that reads the environment."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting, from BUBBLEBOT_* (and the platforms' own token names) in the environment."""

    # A .env file in the working directory fills in what the environment leaves unset (the environment wins).
    model_config = SettingsConfigDict(
        env_prefix="BUBBLEBOT_",
        extra="ignore",
        populate_by_name=True,
        env_file=".env",
        env_file_encoding="utf-8",
    )

    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("bubblebot")))
    embedding: str = "use-m3"
    embedding_base_url: str | None = None
    chroma_url: str | None = None
    database_url: str | None = None
    llm: str | None = None
    llm_base_url: str | None = None
    llm_timeout: float = 20.0
    llm_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("BUBBLEBOT_LLM_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY"),
    )
    max_question_chars: int = 2000
    retention_days: int | None = Field(default=None, ge=1)  # None: keep questions, answers and votes forever
    rate_limit_per_minute: int = 6
    admins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    ingest_allow: Annotated[list[str], NoDecode] = Field(default_factory=list)
    scheduler: str = "on"
    log_format: str = "text"
    health_host: str = "0.0.0.0"
    health_port: int | None = None

    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_api_url: str | None = None

    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    discord_api_url: str | None = None
    discord_gateway_url: str | None = None
    discord_shards: int | None = None

    # Operator console (`bubblebot serve console`): off unless a token is set.
    console_token: SecretStr | None = None
    console_secret: SecretStr | None = None  # signs session cookies; derived from the token if unset
    console_secure_cookie: bool = False  # send the session cookie over HTTPS only (behind a TLS proxy)

    @field_validator("admins", "ingest_allow", mode="before")
    @classmethod
    def _admin_list(cls, value: object) -> object:
        """BUBBLEBOT_ADMINS, BUBBLEBOT_INGEST_ALLOW: items separated by commas or spaces (a JSON list works too)."""
        if isinstance(value, str):
            text = value.strip()
            return (
                json.loads(text)
                if text.startswith("[")
                else [part for part in re.split(r"[\s,]+", text) if part]
            )
        return value

    def resolved_database_url(self) -> str:
        """BUBBLEBOT_DATABASE_URL, or SQLite inside the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'bubblebot.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once)."""
    return Settings()
