"""`python -m bot`: one plain line and exit status 2 for anything a self-hoster can get wrong."""

from __future__ import annotations

import asyncio
import ctypes
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yarl

from bot.config import Settings
from cogs.i18n import catalogs
from tests.conftest import API_KEY
from tests.databases import postgres_schema
from tests.fakes.discord.scenario import GUILD_ID
from tests.processes import collect_lines, free_port, start_bot_process

SECRET = "sk-cli-secret-must-not-leak"
TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.ZmFrZQ.discord-token-must-not-leak"


def run_bot(
    cwd: Path, *args: str, as_service_user: bool = False, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot`; `as_service_user` makes file permissions apply even under root."""
    clean = {k: v for k, v in os.environ.items() if k.lower() not in Settings.model_fields}
    honour_permissions = as_service_user and os.geteuid() == 0
    try:
        return subprocess.run(
            [sys.executable, "-m", "bot", *args],
            cwd=cwd,
            env={**clean, **env},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            preexec_fn=_drop_permission_override if honour_permissions else None,
        )
    except subprocess.SubprocessError as error:
        if not honour_permissions:
            raise
        pytest.skip(f"cannot make root honour file permissions here: {error}")


def _drop_permission_override() -> None:
    """In the child, before exec: drop the capabilities by which root ignores file permissions.

    Tests often run as root (in containers), which may enter and write any folder; the user a
    service runs as may not. Root keeps its uid, so it can still run the interpreter it owns.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _CAP_FOWNER):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) was refused")


_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _CAP_FOWNER = 24, 1, 2, 3


def test_no_env_exits_2_naming_the_token(tmp_path: Path) -> None:
    result = run_bot(tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "DISCORD_TOKEN" in line
    assert "Traceback" not in result.stderr


def test_malformed_setting_exits_2_without_echoing_secrets(tmp_path: Path) -> None:
    result = run_bot(tmp_path, DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET, IMAGE_API_TIMEOUT="soon")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "IMAGE_API_TIMEOUT" in line
    assert SECRET not in result.stderr
    assert TOKEN not in result.stderr


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("   ", "missing setting DISCORD_TOKEN"),
        ("your-bot-token-here", "invalid setting DISCORD_TOKEN (not shaped like a bot token"),
        ("Bot " + TOKEN, "invalid setting DISCORD_TOKEN (not shaped like a bot token"),
    ],
)
@pytest.mark.parametrize("source", ["environment", ".env"])
def test_check_refuses_a_blank_or_ill_shaped_token_without_showing_it(
    tmp_path: Path, token: str, expected: str, source: str
) -> None:
    """Both sources alike: dotenv strips a blank value to nothing, the environment does not."""
    if source == ".env":
        (tmp_path / ".env").write_text(f"DISCORD_TOKEN={token}\nIMAGE_API_KEY={SECRET}\n")
        result = run_bot(tmp_path, "check")
    else:
        result = run_bot(tmp_path, "check", DISCORD_TOKEN=token, IMAGE_API_KEY=SECRET)
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"imagine: {expected}")
    if token.strip():
        assert token not in line


def test_check_reports_settings_catalog_and_database(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={TOKEN}\nIMAGE_API_KEY={SECRET}\n")
    result = run_bot(tmp_path, "check")
    assert result.returncode == 0, result.stderr
    assert "catalog: 3 models" in result.stdout
    assert "openai/dall-e-3" in result.stdout
    assert "database:" in result.stdout
    assert "pre-moderation: off (MODERATION_MODEL is not set)" in result.stdout
    assert "edits: openai/gpt-image-1; inputs up to 20 MiB" in result.stdout
    assert SECRET not in result.stdout + result.stderr
    assert TOKEN not in result.stdout + result.stderr
    assert not (tmp_path / "data").exists()  # check changes nothing


def test_check_counts_one_model_in_the_singular(tmp_path: Path) -> None:
    models = tmp_path / "models.toml"
    models.write_text(
        'default_model = "solo"\n[[models]]\nid = "solo"\nname = "Solo"\n'
        'sizes = ["1024x1024"]\nmax_prompt_length = 100\ncosts."*" = { "*" = 1 }\n'
    )
    result = run_bot(
        tmp_path, "check", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET, MODELS_FILE=str(models)
    )
    assert result.returncode == 0, result.stderr
    assert "catalog: 1 model (solo); default solo" in result.stdout


@pytest.mark.parametrize(
    ("command", "named"),
    [
        ([sys.executable, "-m", "bot"], "python -m bot"),
        ([str(Path(sys.executable).with_name("imagine-bot"))], "imagine-bot"),  # the installed one
    ],
)
def test_help_names_the_program_the_way_it_was_started(
    tmp_path: Path, command: list[str], named: str
) -> None:
    result = subprocess.run(
        [*command, "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: {named} [-h]")
    assert f"`{named}` runs the bot" in result.stdout
    if named == "imagine-bot":
        assert "python -m bot" not in result.stdout


def test_check_prints_the_gateway_without_credentials(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path,
        "check",
        DISCORD_TOKEN=TOKEN,
        IMAGE_API_KEY=SECRET,
        IMAGE_API_BASE_URL=f"https://user:{SECRET}@gateway.example/v1?key={SECRET}",
    )
    assert result.returncode == 0, result.stderr
    assert "image API: https://gateway.example/v1" in result.stdout
    assert SECRET not in result.stdout


def test_check_names_a_bad_models_file(tmp_path: Path) -> None:
    models = tmp_path / "models.toml"
    models.write_text('default_model = "x"\n')
    result = run_bot(
        tmp_path, "check", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET, MODELS_FILE=str(models)
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert str(models) in line
    assert "models" in line


def test_check_refuses_a_database_from_a_newer_bot(tmp_path: Path) -> None:
    database = tmp_path / "newer.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 99")
    result = run_bot(
        tmp_path, "check", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET, DATABASE_PATH=str(database)
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "newer than this bot" in line


@pytest.mark.parametrize("log_level", ["WARNING", "INFO"])
async def test_a_refused_token_exits_2_with_one_line(
    tmp_path: Path, discord_fake, gateway, log_level: str
) -> None:
    process = await start_bot_process(tmp_path, discord_fake, gateway, TOKEN, log_level=log_level)
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    lines = stderr.decode().splitlines()
    assert lines[-1] == "imagine: Discord refused DISCORD_TOKEN; copy the bot token again"
    if log_level == "WARNING":
        assert len(lines) == 1
    assert not [line for line in lines if "stopped:" in line]  # nothing had started


async def test_the_bot_serves_logs_no_credential_and_stops_cleanly_on_sigterm(
    tmp_path: Path, discord_fake, gateway
) -> None:
    process = await start_bot_process(tmp_path, discord_fake, gateway, discord_fake.scenario.token)
    assert process.stderr is not None
    lines: list[str] = []
    reader = asyncio.create_task(collect_lines(process.stderr, lines))
    try:
        await discord_fake.wait_until(
            lambda: any("connected as" in line for line in lines), within=30
        )
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(
            lambda: handle.original is not None and bool(handle.original.attachments), within=30
        )
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 30)
        await reader
    finally:
        if process.returncode is None:
            process.kill()
    log = "".join(lines)
    assert process.returncode == 0, log[-2000:]
    assert handle.original.attachments[0].data == gateway.produced[0]
    assert (tmp_path / "data" / "imagine.sqlite3").exists()
    assert "Traceback" not in log
    assert "\x1b[" not in log  # no colour codes in a pipe, even inside a container
    assert "[redacted]" in log  # discord.py did log the interaction routes, without the token
    assert "stopped: no request is running" in log
    for credential in (API_KEY, discord_fake.scenario.token, handle.token):
        assert credential not in log


async def test_sync_publishes_the_commands_globally(tmp_path: Path, discord_fake, gateway) -> None:
    process = await start_bot_process(
        tmp_path, discord_fake, gateway, discord_fake.scenario.token, "sync", log_level="INFO"
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, stderr.decode()
    assert "stopped:" not in stderr.decode()  # sync serves nothing, so stops nothing
    names = {c["name"] for c in discord_fake.state.global_commands}
    assert {"imagine", "quota", "usage"} <= names
    imagine = next(c for c in discord_fake.state.global_commands if c["name"] == "imagine")
    assert imagine["description_localizations"]["de"] == catalogs().text("de", "cmd-imagine")
    assert f"synced {len(discord_fake.state.global_commands)} global commands" in stdout.decode()
    assert not discord_fake.gateway.connections  # syncing needs no gateway session
    assert discord_fake.state.guild_commands[GUILD_ID] == []  # DEV_GUILD_ID's copies are gone
    assert f"removed the development copies from guild {GUILD_ID}" in stdout.decode()


@pytest.mark.parametrize("command", ["run", "sync"])
async def test_a_dev_guild_the_bot_is_not_in_is_one_line_with_the_invitation(
    tmp_path: Path, discord_fake, gateway, command: str
) -> None:
    """Discord answers 403 Missing Access, which names neither the server nor the fix."""
    elsewhere = GUILD_ID + 1
    process = await start_bot_process(
        tmp_path,
        discord_fake,
        gateway,
        discord_fake.scenario.token,
        *([command] if command == "sync" else []),
        log_level="WARNING",
        DEV_GUILD_ID=str(elsewhere),
    )
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2, stderr.decode()
    [line] = stderr.decode().splitlines()
    invite = yarl.URL(line.partition(" invite it with ")[2].partition(" ")[0])
    assert line.startswith(f"imagine: DEV_GUILD_ID {elsewhere} is a server the bot is not in; ")
    assert line.endswith(" or unset DEV_GUILD_ID")
    assert (invite.host, invite.path) == ("discord.com", "/oauth2/authorize")
    assert invite.query["client_id"] == str(discord_fake.scenario.application_id)
    assert invite.query["scope"] == "bot applications.commands"
    assert invite.query["permissions"] == "51200"  # what the README's invitation asks
    assert not discord_fake.gateway.connections  # refused before the bot went online


async def test_sync_opens_no_database(tmp_path: Path, discord_fake, gateway) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    process = await start_bot_process(
        tmp_path,
        discord_fake,
        gateway,
        discord_fake.scenario.token,
        "sync",
        log_level="WARNING",
        DATABASE_PATH=str(blocker / "imagine.sqlite3"),  # opening it would fail
    )
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, stderr.decode()
    assert {"imagine", "quota", "usage"} <= {c["name"] for c in discord_fake.state.global_commands}
    assert os.listdir(tmp_path) == ["not-a-folder"]  # no database, no data folder


def test_a_database_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    database = str(blocker / "imagine.sqlite3")
    for command in ("check", "run"):  # sync needs no database (see test_sync_opens_no_database)
        result = run_bot(
            tmp_path,
            command,
            DISCORD_TOKEN=TOKEN,
            IMAGE_API_KEY=SECRET,
            DATABASE_PATH=database,
            DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
            LOG_LEVEL="ERROR",
        )
        assert result.returncode == 2, result.stderr
        [line] = result.stderr.splitlines()
        assert (
            f"cannot create database {database}" in line
            or f"cannot open database {database}" in line
        )
        assert "Traceback" not in result.stderr


def test_an_unreachable_discord_is_one_line(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path,
        DISCORD_TOKEN=TOKEN,
        IMAGE_API_KEY=SECRET,
        DISCORD_API_BASE="http://127.0.0.1:9/api/v10",  # the discard port: nothing listens
        LOG_LEVEL="ERROR",
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("imagine: cannot reach Discord")
    assert SECRET not in result.stderr


def _unusable_database(tmp_path: Path, case: str) -> tuple[dict[str, str], str]:
    """Set up one way a self-hoster's files can be wrong: the settings, and the cause to name."""
    if case == "path is a folder":
        (tmp_path / "imagine.sqlite3").mkdir()
        return {"DATABASE_PATH": str(tmp_path / "imagine.sqlite3")}, "is a folder"
    if case == "folder cannot be entered":
        (tmp_path / "locked").mkdir(mode=0)
        return {"DATABASE_PATH": str(tmp_path / "locked" / "bot.db")}, "may not enter folder"
    if case == "writable file in a read-only folder":
        folder = tmp_path / "read-only"
        folder.mkdir()
        with sqlite3.connect(folder / "bot.db") as conn:
            conn.execute("PRAGMA journal_mode = WAL")
        (folder / "bot.db").chmod(0o666)
        folder.chmod(0o555)
        return {"DATABASE_PATH": str(folder / "bot.db")}, "-wal and -shm"
    if case == "path name too long":
        database = tmp_path / ("a" * 300) / "bot.db"
        return {"DATABASE_PATH": str(database)}, "File name too long"
    if case == ".env is not UTF-8":  # Windows Notepad's "Unicode"
        (tmp_path / ".env").write_text("LOG_LEVEL=INFO\n", encoding="utf-16")
        return {}, f"settings file {tmp_path / '.env'} is not UTF-8 text"
    models = tmp_path / "models.toml"
    models.write_bytes('default_model = "caf\u00e9"\n'.encode("latin-1"))
    return {"MODELS_FILE": str(models)}, f"models file {models} is not UTF-8 text"


@pytest.mark.parametrize("command", ["check", "run"])
@pytest.mark.parametrize(
    "case",
    [
        "path is a folder",
        "folder cannot be entered",
        "writable file in a read-only folder",
        "path name too long",
        "models file is not UTF-8",
        ".env is not UTF-8",
    ],
)
def test_unusable_files_are_one_line_naming_the_cause(
    tmp_path: Path, command: str, case: str
) -> None:
    settings, cause = _unusable_database(tmp_path, case)
    try:
        result = run_bot(
            tmp_path,
            command,
            as_service_user=True,
            DISCORD_TOKEN=TOKEN,
            IMAGE_API_KEY=SECRET,
            DISCORD_API_BASE="http://127.0.0.1:9/api/v10",  # nothing leaves the machine
            DISCORD_GATEWAY_URL="ws://127.0.0.1:9/",
            **settings,
        )
    finally:
        for folder in tmp_path.iterdir():
            if folder.is_dir():
                folder.chmod(0o755)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("imagine: ")
    assert cause in line


def test_check_says_when_a_deprecated_setting_is_used(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path, "check", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET, ALLOW_PRIVATE_DOWNLOADS="1"
    )
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("settings: ok; ALLOW_PRIVATE_DOWNLOADS is deprecated: set ")


def test_check_prints_the_shard_layout_and_the_metrics_address(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path,
        "check",
        DISCORD_TOKEN=TOKEN,
        IMAGE_API_KEY=SECRET,
        SHARD_COUNT="4",
        SHARD_IDS="2-3",
        METRICS_PORT=str(port := free_port()),  # check binds it, and lets it go
    )
    assert result.returncode == 0, result.stderr
    assert "shards: 2, 3 of 4" in result.stdout
    assert f"metrics: http://127.0.0.1:{port}/metrics" in result.stdout


def test_check_refuses_a_shard_beyond_the_count_in_one_line(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path,
        "check",
        DISCORD_TOKEN=TOKEN,
        IMAGE_API_KEY=SECRET,
        SHARD_COUNT="2",
        SHARD_IDS="2",
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "SHARD_IDS must be below SHARD_COUNT (2)" in line


@pytest.mark.parametrize("command", ["check", "run"])
def test_a_metrics_port_in_use_is_one_line(tmp_path: Path, command: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_bot(
            tmp_path,
            command,
            DISCORD_TOKEN=TOKEN,
            IMAGE_API_KEY=SECRET,
            METRICS_PORT=str(port),
            DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
            LOG_LEVEL="ERROR",
        )
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"imagine: cannot serve metrics on 127.0.0.1:{port}: ")


def test_a_bad_database_url_is_one_line_without_the_password(tmp_path: Path) -> None:
    port = free_port()  # nothing listens on it
    for url, expected in (
        (f"mysql://bot:{SECRET}@db/imagine", "invalid setting DATABASE_URL (must be a postgresql"),
        (f"postgresql://bot:{SECRET}@127.0.0.1:{port}/imagine", "cannot connect to postgresql"),
        (f"postgresql://bot@127.0.0.1:{port}/imagine?password={SECRET}", "cannot connect"),
    ):
        result = run_bot(
            tmp_path, "check", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY="k", DATABASE_URL=url
        )
        assert result.returncode == 2, result.stdout
        [line] = result.stderr.splitlines()
        assert expected in line
        assert SECRET not in result.stdout + result.stderr


async def test_check_reads_a_postgresql_database_without_showing_its_password(
    tmp_path: Path,
) -> None:
    async with postgres_schema() as url:
        with_password = str(yarl.URL(url).with_password(SECRET))  # trust auth ignores it
        result = await asyncio.to_thread(
            run_bot, tmp_path, "check", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY="k",
            DATABASE_URL=with_password,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown = with_password.replace(SECRET, "***")
    assert f"database: PostgreSQL database {shown} has no schema yet" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_check_tries_where_permission_bits_say_yes_but_the_system_says_no(tmp_path: Path) -> None:
    """/proc lets nobody create a folder, though its bits let root write anywhere."""
    database = "/proc/imagine-nope/imagine.sqlite3"
    result = run_bot(
        tmp_path, "check", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY="k", DATABASE_PATH=database
    )
    assert result.returncode == 2, result.stdout
    [line] = result.stderr.splitlines()
    assert f"cannot create database {database}: " in line
    assert not [p for p in Path("/proc").iterdir() if p.name.startswith(".imagine-check-")]
