"""Settings, read from the environment and `.env` (pydantic-settings).

The names are part of the contract with deployment scripts: keep them exactly.
Secrets are `SecretStr`, so neither a repr nor a validation error can print them.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

import yarl
from pydantic import (
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.images import DOWNLOAD_TIMEOUT, KEEPALIVE_TIMEOUT
from bot.logs import LogFormat
from bot.money import Price
from bot.text import not_utf8

Period = Literal["day", "week", "month"]
# After the API call, result downloads have their own time budget; then settling and fitting.
DOWNLOAD_ALLOWANCE_SECONDS = int(DOWNLOAD_TIMEOUT) + 60
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
# A bot token: the bot's user id, a timestamp and an HMAC, each base64url, joined by dots.
_TOKEN_SHAPE = re.compile(r"([\w-]+)\.[\w-]+\.[\w-]+", re.ASCII)
_URL_SCHEMES = {
    "image_api_base_url": ("http", "https"),
    "discord_api_base": ("http", "https"),
    "discord_gateway_url": ("ws", "wss"),
}


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
    image_api_base_url: str = "https://toprouter.cc"
    database_path: Path = Path("data/imagine.sqlite3")
    database_url: SecretStr | None = None  # PostgreSQL instead of the SQLite file
    database_pool_size: int = Field(10, ge=1, le=1000)
    discord_api_base: str | None = None
    discord_gateway_url: str | None = None
    dev_guild_id: int | None = Field(None, gt=0)
    models_file: Path | None = None
    log_level: LogLevel = "INFO"
    log_format: LogFormat = "text"
    allow_http_gateway: bool = False
    allow_private_result_urls: bool = False
    allow_private_downloads: bool = False  # deprecated: sets both of the above

    image_api_timeout: float = Field(300.0, gt=0, le=900)
    image_api_connect_timeout: float = Field(10.0, gt=0, le=120)
    image_api_max_retries: int = Field(2, ge=0, le=10)
    image_api_max_download_mb: int = Field(50, gt=0, le=500)
    image_api_keepalive_seconds: float = Field(KEEPALIVE_TIMEOUT, ge=0, le=600)
    # Bytes, checked from the attachment's size before it is read; OpenAI takes under 50 MB.
    edit_input_max_bytes: int = Field(20 * 1024 * 1024, ge=1024, lt=50 * 1024 * 1024)

    quota_guild_credits: int = Field(100, ge=0, le=1_000_000)
    quota_member_credits: int = Field(25, ge=0, le=1_000_000)
    quota_period: Period = "day"
    quota_guild_credits_max: int | None = Field(None, ge=0, le=1_000_000)
    bot_credits: int = Field(0, ge=0, le=1_000_000_000)
    bot_period: Period = "day"
    guild_access: Literal["open", "approved"] = "open"
    credit_price: Decimal | None = Field(None, gt=0, le=1_000_000, max_digits=12)
    credit_currency: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    quota_refund_unknown: bool = False
    quota_pending_timeout_minutes: int = Field(20, ge=1, le=24 * 60)
    prompt_retention_days: int = Field(30, ge=0, le=3650)
    shutdown_grace_seconds: float = Field(30.0, ge=0, le=3600)

    member_cooldown_seconds: int = Field(0, ge=0, le=86_400)
    strike_limit: int = Field(3, ge=0, le=100)
    moderation_model: str | None = Field(None, min_length=1, max_length=100, pattern=r"^\S+$")
    moderation_fail_open: bool = False

    global_concurrency: int = Field(32, ge=1, le=10_000)
    guild_concurrency: int = Field(4, ge=1, le=10_000)
    member_concurrency: int = Field(1, ge=1, le=10_000)
    queue_limit: int = Field(25, ge=0, le=10_000)
    member_queue_limit: int = Field(3, ge=0, le=10_000)
    queue_timeout_seconds: float = Field(600.0, gt=0, le=24 * 3600)

    shard_count: int | None = Field(None, ge=1, le=100_000)
    shard_ids: Annotated[tuple[int, ...] | None, NoDecode] = None
    metrics_port: int | None = Field(None, ge=1, le=65535)
    metrics_host: str = Field("127.0.0.1", pattern=r"^[^\s/]+$")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_unset(cls, values: object) -> object:
        """A value of spaces is no value, whatever its source: dotenv drops it from `.env`, the
        environment would hand it over (and a required secret of spaces would pass)."""
        if not isinstance(values, dict):
            return values
        return {k: v for k, v in values.items() if not (isinstance(v, str) and not v.strip())}

    @field_validator("discord_token")
    @classmethod
    def _check_token_shape(cls, value: SecretStr) -> SecretStr:
        """Refuse a placeholder or a copied client secret before Discord is asked (and before
        `check` says ok); the message never repeats the value."""
        token = value.get_secret_value().strip()
        shape = _TOKEN_SHAPE.fullmatch(token)
        if shape is None or not _is_user_id(shape.group(1)):
            raise ValueError(
                "not shaped like a bot token (three parts joined by dots); copy it from the "
                "Bot page of the Discord Developer Portal"
            )
        return SecretStr(token)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_case_format(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator(*_URL_SCHEMES)
    @classmethod
    def _check_url(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Parse now, so a bad URL is a setting error and not a traceback later."""
        if value is None:
            return value
        schemes = _URL_SCHEMES[str(info.field_name)]
        try:
            url = yarl.URL(value)
            valid = url.scheme in schemes and bool(url.host) and url.port is not None
        except ValueError:
            valid = False
        if not valid:  # the message never repeats the value: it may hold credentials
            article = "an" if schemes[0] == "http" else "a"
            raise ValueError(f"must be {article} {schemes[0]}(s) URL")
        return value

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: SecretStr | None) -> SecretStr | None:
        """A PostgreSQL URL; the message never repeats it (it may hold a password)."""
        if value is None:
            return value
        try:
            url = yarl.URL(value.get_secret_value())
            valid = url.scheme in ("postgresql", "postgres") and bool(url.host or url.path)
        except ValueError:
            valid = False
        if not valid:
            raise ValueError("must be a postgresql:// URL, such as postgresql://bot@db/imagine")
        return value

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _parse_shard_ids(cls, value: object) -> object:
        """`0-3` (a range) or `0,2` (a list), the way operators write shard layouts."""
        return parse_shard_ids(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check_combinations(self) -> Settings:
        if self.shard_ids is not None:
            if self.shard_count is None:
                raise ValueError("SHARD_IDS needs SHARD_COUNT (the total across all processes)")
            if max(self.shard_ids) >= self.shard_count:
                raise ValueError(
                    f"SHARD_IDS must be below SHARD_COUNT ({self.shard_count}); shard ids "
                    "start at 0"
                )
        if self.guild_credits_ceiling < self.quota_guild_credits:
            raise ValueError(
                "QUOTA_GUILD_CREDITS_MAX must be at least QUOTA_GUILD_CREDITS "
                f"({self.quota_guild_credits}), or new servers would start above their ceiling"
            )
        if (self.credit_price is None) != (self.credit_currency is None):
            raise ValueError(
                "set CREDIT_PRICE and CREDIT_CURRENCY together (e.g. 0.04 and USD), or neither"
            )
        if self.allow_private_downloads:
            self.allow_http_gateway = self.allow_private_result_urls = True
        if self.image_api_base_url.startswith("http:") and not self.allow_http_gateway:
            raise ValueError(
                "IMAGE_API_BASE_URL must use https, or the key travels in the clear "
                "(ALLOW_HTTP_GATEWAY=true allows http for a gateway on your own network)"
            )
        # A reservation lives while its request waits in line, then while it runs.
        longest_request = (
            self.queue_timeout_seconds + self.image_api_timeout + DOWNLOAD_ALLOWANCE_SECONDS
        )
        if self.quota_pending_timeout_minutes * 60 <= longest_request:
            raise ValueError(
                "QUOTA_PENDING_TIMEOUT_MINUTES must be longer than a request can take "
                f"(QUEUE_TIMEOUT_SECONDS plus IMAGE_API_TIMEOUT plus {DOWNLOAD_ALLOWANCE_SECONDS}"
                " s), or live requests would be settled as abandoned"
            )
        return self

    @property
    def deprecations(self) -> list[str]:
        """Settings that still work but should be replaced, each as a line for the operator."""
        if not self.allow_private_downloads:
            return []
        return [
            "ALLOW_PRIVATE_DOWNLOADS is deprecated: set ALLOW_HTTP_GATEWAY (an http gateway) "
            "and ALLOW_PRIVATE_RESULT_URLS (result downloads from private addresses) instead"
        ]

    @property
    def database(self) -> str | Path:
        """Where the store lives: the PostgreSQL URL if one is set, else the SQLite file."""
        if self.database_url is None:
            return self.database_path
        return self.database_url.get_secret_value()

    @property
    def guild_credits_ceiling(self) -> int:
        """QUOTA_GUILD_CREDITS_MAX; unset, a guild's admins may not go above the default."""
        if self.quota_guild_credits_max is None:
            return self.quota_guild_credits
        return self.quota_guild_credits_max

    @property
    def price(self) -> Price | None:
        """What a credit costs, if the operator said (CREDIT_PRICE and CREDIT_CURRENCY)."""
        if self.credit_price is None or self.credit_currency is None:
            return None
        return Price(self.credit_price, self.credit_currency)

    @property
    def pending_timeout(self) -> timedelta:
        return timedelta(minutes=self.quota_pending_timeout_minutes)

    @property
    def prompt_retention(self) -> timedelta:
        return timedelta(days=self.prompt_retention_days)


def _is_user_id(segment: str) -> bool:
    """The first part of a bot token is the bot's user id, in base64url without padding."""
    try:
        decoded = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError):
        return False
    return decoded.isdigit()


def parse_shard_ids(text: str) -> tuple[int, ...]:
    """Read `0-3` or `0,2` (or a mix: `0-1,4`) into sorted, distinct shard ids."""
    ids: set[int] = set()
    for part in text.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        if not (first.isdigit() and (not dash or last.isdigit())):
            raise ValueError("write shard ids as a range like 0-3 or a list like 0,2")
        low, high = int(first), int(last) if dash else int(first)
        if high < low:
            raise ValueError(f"the range {part} runs backwards")
        ids.update(range(low, high + 1))
    return tuple(sorted(ids))


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line fit for a terminal."""


def load_settings(env_file: Path | str | None = ".env") -> Settings:
    """Read the settings, turning pydantic's report into one line that names the settings."""
    try:
        return Settings(_env_file=env_file)
    except ValidationError as error:
        folder = Path(env_file or ".env").absolute().parent
        searched = None
        if env_file is not None and not Path(env_file).is_file():
            searched = folder
        example = folder / ".env.example"
        guide = "see .env.example" if example.is_file() else "see Settings in the README"
        raise SettingsError(describe_validation_error(error, searched, guide)) from None
    except UnicodeDecodeError as error:  # pydantic-settings reads `.env` as UTF-8
        where = Path(env_file or ".env").absolute()
        raise SettingsError(f"settings file {where} {not_utf8(error)}") from None


def describe_validation_error(
    error: ValidationError, env_searched: Path | None = None, guide: str = "see .env.example"
) -> str:
    """Name each bad setting the way it is written in `.env`, without echoing its value.

    `env_searched` is the folder where no `.env` was found: a missing setting most often means
    the bot was started somewhere else than the file. `guide` ends the line: where to read
    about the settings (an installed bot has no `.env.example` beside it).
    """
    missing: list[str] = []
    invalid: list[str] = []
    rules: list[str] = []
    for item in error.errors(include_input=False, include_url=False):
        if not item["loc"]:  # a rule across settings names them in its own sentence
            rules.append(item["msg"].removeprefix("Value error, "))
            continue
        name = str(item["loc"][0]).upper()
        if item["type"] == "missing":
            missing.append(name)
        else:
            message = item["msg"].removeprefix("Value error, ")
            invalid.append(f"{name} ({message[:1].lower()}{message[1:]})")
    parts = []
    if missing:
        where = f" (no .env file in {env_searched})" if env_searched else ""
        parts.append("missing setting " + ", ".join(missing) + where)
    if invalid:
        parts.append("invalid setting " + ", ".join(invalid))
    return "; ".join([*parts, *rules, guide])
