"""Settings: names, defaults, secrets kept out of reprs and errors, one-line failures."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from bot.config import Settings, SettingsError, load_settings

SECRET_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.ZmFrZQ.discord-token-must-not-leak"
SECRET_KEY = "sk-image-key-must-not-leak"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)


def test_env_file_is_read_with_exact_names(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(
        f"DISCORD_TOKEN={SECRET_TOKEN}\nIMAGE_API_KEY={SECRET_KEY}\n"
        "IMAGE_API_BASE_URL=http://127.0.0.1:9999/v1\nDEV_GUILD_ID=1234\n"
        "DISCORD_API_BASE=http://127.0.0.1:1/api/v10\nDISCORD_GATEWAY_URL=ws://127.0.0.1:1/\n"
        "QUOTA_GUILD_CREDITS=50\nQUOTA_MEMBER_CREDITS=5\nQUOTA_PERIOD=week\n"
        "ALLOW_PRIVATE_DOWNLOADS=true\nMODELS_FILE=models.toml\nLOG_LEVEL=DEBUG\n"
    )
    settings = load_settings(env)
    assert settings.discord_token.get_secret_value() == SECRET_TOKEN
    assert settings.image_api_base_url == "http://127.0.0.1:9999/v1"
    assert settings.dev_guild_id == 1234
    assert (settings.quota_guild_credits, settings.quota_member_credits) == (50, 5)
    assert settings.quota_period == "week"
    assert settings.allow_http_gateway is settings.allow_private_result_urls is True
    assert settings.log_level == "DEBUG"
    assert settings.models_file == Path("models.toml")


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    settings = load_settings(None)
    assert settings.image_api_base_url == "https://toprouter.cc"
    assert settings.database_path == Path("data/imagine.sqlite3")
    assert settings.dev_guild_id is None
    assert settings.allow_http_gateway is settings.allow_private_result_urls is False
    assert settings.image_api_timeout >= 120  # gpt-image-1 can take two minutes


def test_secrets_never_appear_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    settings = load_settings(None)
    for text in (repr(settings), str(settings), str(settings.model_dump())):
        assert SECRET_TOKEN not in text
        assert SECRET_KEY not in text


def test_missing_token_is_named_in_one_line() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    message = str(caught.value)
    assert "\n" not in message
    assert "DISCORD_TOKEN" in message
    assert "IMAGE_API_KEY" in message


@pytest.mark.parametrize("blank", [" ", "   ", "\t"])
def test_a_blank_secret_in_the_environment_is_missing(
    monkeypatch: pytest.MonkeyPatch, blank: str
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", blank)
    monkeypatch.setenv("IMAGE_API_KEY", blank)
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    assert str(caught.value).startswith("missing setting DISCORD_TOKEN, IMAGE_API_KEY; ")


@pytest.mark.parametrize(
    "token",
    [
        "your-bot-token-here",  # the placeholder of a guide
        "x" * 32,  # the application's client secret, copied by mistake
        "abc.def.ghi",  # three parts, but the first is not a user id
        "MTIzNDU2Nzg5.def.",  # an HMAC cut off
        "MTIzNDU2Nzg5.de f.ghi",
        "Bot MTIzNDU2Nzg5.def.ghi",  # the Authorization header, pasted whole
    ],
)
def test_a_token_not_shaped_like_a_bot_token_is_refused_without_echoing_it(
    monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", token)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    [line] = str(caught.value).splitlines()
    assert line.startswith("invalid setting DISCORD_TOKEN (not shaped like a bot token")
    assert token not in line


@pytest.mark.parametrize("user_id", [41771983423143937, 198622483471925248, 1234567890123456789])
@pytest.mark.parametrize(
    "rest",
    [
        "GvE_Ug.Zn-Cjm1XVW7vRze4b7Cq4se7kKWs",  # a 6-character timestamp, a 27-character HMAC
        "Gq-9xY.Ab_cd-EfGhIjKlMnOpQrStUvWxYz0123456789_-",  # today's 38-character HMAC
    ],
)
def test_every_real_bot_token_shape_is_accepted(
    monkeypatch: pytest.MonkeyPatch, user_id: int, rest: str
) -> None:
    """A user id of any length (17 to 19 digits: 23 to 26 base64 characters) and parts holding
    `-` and `_`: refusing a real token would stop a working bot at its next start."""
    first = base64.urlsafe_b64encode(str(user_id).encode()).decode().rstrip("=")
    token = f"{first}.{rest}"
    monkeypatch.setenv("DISCORD_TOKEN", token)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    assert load_settings(None).discord_token.get_secret_value() == token


def test_a_token_is_read_without_the_spaces_around_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", f" {SECRET_TOKEN}\n")
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    assert load_settings(None).discord_token.get_secret_value() == SECRET_TOKEN


def test_malformed_setting_is_named_without_echoing_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    monkeypatch.setenv("QUOTA_PERIOD", "fortnight-" + SECRET_KEY)
    monkeypatch.setenv("DEV_GUILD_ID", "not-a-number")
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    message = str(caught.value)
    assert "QUOTA_PERIOD" in message
    assert "DEV_GUILD_ID" in message
    assert SECRET_KEY not in message
    assert "\n" not in message


def test_a_plain_http_gateway_is_refused_unless_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    monkeypatch.setenv("IMAGE_API_BASE_URL", "http://gateway.example/v1")
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    assert str(caught.value) == (
        "IMAGE_API_BASE_URL must use https, or the key travels in the clear "
        "(ALLOW_HTTP_GATEWAY=true allows http for a gateway on your own network); "
        "see .env.example"
    )
    monkeypatch.setenv("ALLOW_PRIVATE_RESULT_URLS", "true")  # a different permission
    with pytest.raises(SettingsError, match="IMAGE_API_BASE_URL must use https"):
        load_settings(None)
    monkeypatch.delenv("ALLOW_PRIVATE_RESULT_URLS")
    monkeypatch.setenv("ALLOW_HTTP_GATEWAY", "true")
    settings = load_settings(None)
    assert settings.image_api_base_url == "http://gateway.example/v1"
    assert settings.allow_private_result_urls is False  # the SSRF guard stays on
    assert settings.deprecations == []


def test_allow_private_downloads_is_a_deprecated_alias_for_both(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    monkeypatch.setenv("IMAGE_API_BASE_URL", "http://gateway.example/v1")
    monkeypatch.setenv("ALLOW_PRIVATE_DOWNLOADS", "true")
    settings = load_settings(None)
    assert (settings.allow_http_gateway, settings.allow_private_result_urls) == (True, True)
    [note] = settings.deprecations
    assert "ALLOW_PRIVATE_DOWNLOADS is deprecated" in note
    assert "ALLOW_HTTP_GATEWAY" in note
    assert "ALLOW_PRIVATE_RESULT_URLS" in note


@pytest.mark.parametrize(
    ("name", "value", "kind"),
    [
        ("IMAGE_API_BASE_URL", "ftp://gateway.example", "an http(s)"),
        ("DISCORD_API_BASE", "gateway.example/api", "an http(s)"),
        ("DISCORD_GATEWAY_URL", "https://gateway.example", "a ws(s)"),
    ],
)
def test_a_bad_url_setting_says_what_it_must_be(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, kind: str
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    assert str(caught.value) == f"invalid setting {name} (must be {kind} URL); see .env.example"


@pytest.mark.parametrize("value", ["debug", "Debug", "DEBUG"])
def test_log_level_is_read_in_any_case(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    monkeypatch.setenv("LOG_LEVEL", value)
    assert load_settings(None).log_level == "DEBUG"


def test_without_a_env_file_the_folder_searched_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value) == (
        f"missing setting DISCORD_TOKEN, IMAGE_API_KEY (no .env file in {tmp_path}); "
        "see Settings in the README"  # an installed bot: no .env.example beside it
    )
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={SECRET_TOKEN}\n")
    (tmp_path / ".env.example").write_text("DISCORD_TOKEN=\nIMAGE_API_KEY=\n")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value) == "missing setting IMAGE_API_KEY; see .env.example"


def test_pending_timeout_must_outlast_a_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    monkeypatch.setenv("IMAGE_API_TIMEOUT", "600")
    monkeypatch.setenv("QUOTA_PENDING_TIMEOUT_MINUTES", "10")
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    assert "QUOTA_PENDING_TIMEOUT_MINUTES must be longer" in str(caught.value)
    assert "\n" not in str(caught.value)
    monkeypatch.setenv("QUOTA_PENDING_TIMEOUT_MINUTES", "15")
    # 600 s in the gateway and up to 600 s in line (the default) do not fit in 15 minutes.
    with pytest.raises(SettingsError, match="QUEUE_TIMEOUT_SECONDS plus IMAGE_API_TIMEOUT"):
        load_settings(None)
    monkeypatch.setenv("QUEUE_TIMEOUT_SECONDS", "60")
    assert load_settings(None).pending_timeout.total_seconds() == 900


@pytest.mark.parametrize(
    "url", ["https://[::1", f"https://user:{SECRET_KEY}@host:99999/v1", "https://", "ftp://x"]
)
def test_an_unparsable_url_is_a_setting_error(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    monkeypatch.setenv("IMAGE_API_BASE_URL", url)
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    assert "invalid setting IMAGE_API_BASE_URL (" in str(caught.value)
    assert SECRET_KEY not in str(caught.value)


def test_keepalive_seconds_default_and_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    # Below the 5 s idle timeout of uvicorn and Node.js, so the gateway never closes first.
    assert 0 < load_settings(None).image_api_keepalive_seconds < 5
    monkeypatch.setenv("IMAGE_API_KEEPALIVE_SECONDS", "0")
    assert load_settings(None).image_api_keepalive_seconds == 0
    monkeypatch.setenv("IMAGE_API_KEEPALIVE_SECONDS", "-1")
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    assert "invalid setting IMAGE_API_KEEPALIVE_SECONDS (" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_moderation_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    settings = load_settings(None)
    assert (settings.member_cooldown_seconds, settings.strike_limit) == (0, 3)
    assert settings.moderation_model is None  # pre-moderation is off by default
    assert settings.moderation_fail_open is False
    monkeypatch.setenv("MODERATION_MODEL", "omni-moderation-latest")
    monkeypatch.setenv("MODERATION_FAIL_OPEN", "true")
    monkeypatch.setenv("STRIKE_LIMIT", "0")
    settings = load_settings(None)
    assert settings.moderation_model == "omni-moderation-latest"
    assert settings.moderation_fail_open is True
    assert settings.strike_limit == 0


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("MEMBER_COOLDOWN_SECONDS", "-1"),
        ("MEMBER_COOLDOWN_SECONDS", "86401"),
        ("STRIKE_LIMIT", "101"),
        ("MODERATION_MODEL", "two words"),
        ("MODERATION_FAIL_OPEN", "maybe"),
        ("GLOBAL_CONCURRENCY", "0"),
        ("GUILD_CONCURRENCY", "0"),
        ("MEMBER_CONCURRENCY", "-1"),
        ("QUEUE_LIMIT", "-1"),
        ("MEMBER_QUEUE_LIMIT", "-1"),
        ("MEMBER_QUEUE_LIMIT", "10001"),
        ("QUEUE_TIMEOUT_SECONDS", "0"),
        ("EDIT_INPUT_MAX_BYTES", "0"),
        ("EDIT_INPUT_MAX_BYTES", str(50 * 1024 * 1024)),  # OpenAI takes less than 50 MB
        ("EDIT_INPUT_MAX_BYTES", "20MB"),
    ],
)
def test_bad_moderation_and_queue_settings_are_one_line(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings(None)
    [line] = str(raised.value).splitlines()
    assert line.startswith(f"invalid setting {name} (")


def test_every_setting_is_documented() -> None:
    root = Path(__file__).resolve().parents[1]
    example = (root / ".env.example").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"\n{name.upper()}=" in example, name
        assert f"| `{name.upper()}` |" in readme, name


@pytest.mark.parametrize(
    ("text", "ids"), [("0-3", (0, 1, 2, 3)), ("0,2", (0, 2)), ("4, 0-1", (0, 1, 4)), ("7", (7,))]
)
def test_shard_ids_read_ranges_and_lists(
    monkeypatch: pytest.MonkeyPatch, text: str, ids: tuple[int, ...]
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    monkeypatch.setenv("SHARD_COUNT", "8")
    monkeypatch.setenv("SHARD_IDS", text)
    settings = load_settings(None)
    assert settings.shard_ids == ids
    assert settings.shard_count == 8


def test_sharding_and_metrics_are_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    settings = load_settings(None)
    assert (settings.shard_count, settings.shard_ids) == (None, None)
    assert (settings.metrics_port, settings.metrics_host) == (None, "127.0.0.1")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"SHARD_IDS": "0-1"}, "SHARD_IDS needs SHARD_COUNT"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0-2"}, "SHARD_IDS must be below SHARD_COUNT (2)"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "3-1"}, "SHARD_IDS (the range 3-1 runs"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "one"}, "SHARD_IDS (write shard ids as"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "-1"}, "SHARD_IDS (write shard ids as"),
        ({"SHARD_COUNT": "0"}, "invalid setting SHARD_COUNT ("),
        ({"METRICS_PORT": "70000"}, "invalid setting METRICS_PORT ("),
        ({"METRICS_HOST": "a host"}, "invalid setting METRICS_HOST ("),
    ],
)
def test_bad_shard_and_metrics_settings_are_one_line(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def _wallet_settings(monkeypatch: pytest.MonkeyPatch, **values: str) -> Settings:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("IMAGE_API_KEY", SECRET_KEY)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return load_settings(None)


def test_the_guild_ceiling_defaults_to_the_guild_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _wallet_settings(monkeypatch, QUOTA_GUILD_CREDITS="70").guild_credits_ceiling == 70
    raised = _wallet_settings(monkeypatch, QUOTA_GUILD_CREDITS_MAX="500")
    assert raised.guild_credits_ceiling == 500


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {"QUOTA_GUILD_CREDITS": "100", "QUOTA_GUILD_CREDITS_MAX": "50"},
            "QUOTA_GUILD_CREDITS_MAX must be at least QUOTA_GUILD_CREDITS (100)",
        ),
        ({"CREDIT_PRICE": "0.04"}, "set CREDIT_PRICE and CREDIT_CURRENCY together"),
        ({"CREDIT_CURRENCY": "USD"}, "set CREDIT_PRICE and CREDIT_CURRENCY together"),
        ({"CREDIT_PRICE": "0", "CREDIT_CURRENCY": "USD"}, "invalid setting CREDIT_PRICE"),
        ({"CREDIT_PRICE": "cheap", "CREDIT_CURRENCY": "USD"}, "invalid setting CREDIT_PRICE"),
        ({"CREDIT_PRICE": "0.04", "CREDIT_CURRENCY": "dollars"}, "invalid setting CREDIT_CURRENCY"),
        ({"GUILD_ACCESS": "closed"}, "invalid setting GUILD_ACCESS"),
        ({"BOT_CREDITS": "-1"}, "invalid setting BOT_CREDITS"),
        ({"BOT_PERIOD": "year"}, "invalid setting BOT_PERIOD"),
    ],
)
def test_wallet_settings_are_checked_in_one_line(
    monkeypatch: pytest.MonkeyPatch, values: dict[str, str], expected: str
) -> None:
    with pytest.raises(SettingsError) as raised:
        _wallet_settings(monkeypatch, **values)
    [line] = str(raised.value).splitlines()
    assert expected in line


def test_a_price_makes_exact_amounts(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _wallet_settings(monkeypatch, CREDIT_PRICE="0.04", CREDIT_CURRENCY="USD")
    assert settings.price is not None
    assert settings.price.format(12) == "0.48 USD"
    assert _wallet_settings(monkeypatch, CREDIT_PRICE="", CREDIT_CURRENCY="").price is None
