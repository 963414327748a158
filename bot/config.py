"""Settings, read from the environment and `.env` (pydantic-settings).

The names are part of the contract with deployment scripts: keep them exactly.
Secrets are `SecretStr`, so neither a repr nor a validation error can print them.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Literal

import yarl
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.images import DOWNLOAD_TIMEOUT

Period = Literal["day", "week", "month"]
# After the API call, result downloads have their own time budget; then settling and fitting.
DOWNLOAD_ALLOWANCE_SECONDS = int(DOWNLOAD_TIMEOUT) + 60
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class Settings(BaseSettings):
    """Everything the bot reads at start-up."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        hide_input_in_errors=True,
    )

    discord_token: SecretStr
    image_api_key: SecretStr
    image_api_base_url: str = Field("https://toprouter.cc", pattern=r"^https?://\S+$")
    database_path: Path = Path("data/imagine.sqlite3")
    discord_api_base: str | None = Field(None, pattern=r"^https?://\S+$")
    discord_gateway_url: str | None = Field(None, pattern=r"^wss?://\S+$")
    dev_guild_id: int | None = Field(None, gt=0)
    models_file: Path | None = None
    log_level: LogLevel = "INFO"
    allow_private_downloads: bool = False

    image_api_timeout: float = Field(300.0, gt=0, le=900)
    image_api_connect_timeout: float = Field(10.0, gt=0, le=120)
    image_api_max_retries: int = Field(2, ge=0, le=10)
    image_api_max_download_mb: int = Field(50, gt=0, le=500)

    quota_guild_credits: int = Field(100, ge=0, le=1_000_000)
    quota_member_credits: int = Field(25, ge=0, le=1_000_000)
    quota_period: Period = "day"
    quota_refund_unknown: bool = False
    quota_pending_timeout_minutes: int = Field(20, ge=1, le=24 * 60)
    prompt_retention_days: int = Field(30, ge=0, le=3650)
    shutdown_grace_seconds: float = Field(30.0, ge=0, le=3600)

    @field_validator("image_api_base_url", "discord_api_base", "discord_gateway_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        """Parse now, so a bad URL is a setting error and not a traceback later."""
        if value is None:
            return value
        try:
            url = yarl.URL(value)
            valid = bool(url.host) and url.port is not None
        except ValueError:
            valid = False
        if not valid:
            raise ValueError("not a valid URL")  # the value itself may hold credentials
        return value

    @model_validator(mode="after")
    def _check_combinations(self) -> Settings:
        if self.image_api_base_url.startswith("http:") and not self.allow_private_downloads:
            raise ValueError(
                "IMAGE_API_BASE_URL must use https, or the key travels in the clear "
                "(ALLOW_PRIVATE_DOWNLOADS=true allows http for a gateway on your own network)"
            )
        longest_request = self.image_api_timeout + DOWNLOAD_ALLOWANCE_SECONDS
        if self.quota_pending_timeout_minutes * 60 <= longest_request:
            raise ValueError(
                "QUOTA_PENDING_TIMEOUT_MINUTES must be longer than a request can take "
                f"(IMAGE_API_TIMEOUT plus {DOWNLOAD_ALLOWANCE_SECONDS} s), or live requests "
                "would be settled as abandoned"
            )
        return self

    @property
    def pending_timeout(self) -> timedelta:
        return timedelta(minutes=self.quota_pending_timeout_minutes)

    @property
    def prompt_retention(self) -> timedelta:
        return timedelta(days=self.prompt_retention_days)


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line fit for a terminal."""


def load_settings(env_file: Path | str | None = ".env") -> Settings:
    """Read the settings, turning pydantic's report into one line that names the settings."""
    try:
        return Settings(_env_file=env_file)
    except ValidationError as error:
        raise SettingsError(describe_validation_error(error)) from None


def describe_validation_error(error: ValidationError) -> str:
    """Name each bad setting the way it is written in `.env`, without echoing its value."""
    missing: list[str] = []
    invalid: list[str] = []
    for item in error.errors(include_input=False, include_url=False):
        if not item["loc"]:  # a rule across settings names them in its own message
            invalid.append(item["msg"].removeprefix("Value error, "))
            continue
        name = str(item["loc"][0]).upper()
        if item["type"] == "missing":
            missing.append(name)
        else:
            message = item["msg"]
            invalid.append(f"{name} ({message[:1].lower()}{message[1:]})")
    parts = []
    if missing:
        parts.append("missing setting " + ", ".join(missing))
    if invalid:
        parts.append("invalid setting " + ", ".join(invalid))
    return "; ".join(parts) + " (see .env.example)"
