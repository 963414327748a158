"""SIGTERM to the real process (`python -m bot`): a restart is routine and loses no paid work.

Requests under way finish and deliver within SHUTDOWN_GRACE_SECONDS; new ones are refused with
the restarting message; a gateway call still running at the end is cancelled and its member is
told what it cost; the process exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import describe_validation_error
from tests.fakes.discord.interactions import InteractionHandle
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.image_gateway import FakeImageGateway
from tests.processes import collect_lines, start_bot_process
from tests.test_imagine_e2e import wait_for_private_note


@contextlib.asynccontextmanager
async def bot_process(
    tmp_path: Path,
    discord_fake: FakeDiscord,
    gateway: FakeImageGateway,
    grace: float,
    log_level: str = "INFO",
    **settings: str,
) -> AsyncIterator[tuple[asyncio.subprocess.Process, list[str]]]:
    """The bot as a process, connected; `settings` as for start_bot_process."""
    # start_bot_process sets the connection settings; the grace comes from the .env it reads.
    (tmp_path / ".env").write_text(f"SHUTDOWN_GRACE_SECONDS={grace}\n")
    process = await start_bot_process(
        tmp_path,
        discord_fake,
        gateway,
        discord_fake.scenario.token,
        log_level=log_level,
        **settings,
    )
    assert process.stderr is not None
    lines: list[str] = []
    reader = asyncio.create_task(collect_lines(process.stderr, lines))
    try:
        await discord_fake.wait_until(
            lambda: any("connected as" in line for line in lines), within=30
        )
        yield process, lines
        await reader
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def ledger_row(tmp_path: Path, handle: InteractionHandle) -> tuple[str, int] | None:
    database = tmp_path / "data" / "imagine.sqlite3"
    with contextlib.closing(sqlite3.connect(database)) as conn:
        row = conn.execute(
            "SELECT state, credits FROM ledger WHERE interaction_id = ?", (handle.id,)
        ).fetchone()
    return None if row is None else (row[0], row[1])


async def test_sigterm_lets_a_call_under_way_deliver_and_refuses_new_requests(
    tmp_path: Path, discord_fake: FakeDiscord, gateway: FakeImageGateway
) -> None:
    gateway.fail_next("slow", seconds=2.0)
    async with bot_process(tmp_path, discord_fake, gateway, grace=30) as (process, lines):
        under_way = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(lambda: len(gateway.requests) == 1, within=10)
        process.send_signal(signal.SIGTERM)
        await asyncio.sleep(0.3)  # the signal is handled; the gateway is still working
        late = await discord_fake.inject_slash("imagine", {"prompt": "another fox"})
        note = await wait_for_private_note(discord_fake, late)
        await asyncio.wait_for(process.wait(), 30)
    log = "".join(lines)
    assert process.returncode == 0, log[-2000:]
    assert under_way.original is not None
    assert [a.data for a in under_way.original.attachments] == gateway.produced
    assert ledger_row(tmp_path, under_way) == ("committed", 1)
    assert "restarting" in note.content
    assert "Nothing was spent" in note.content
    assert ledger_row(tmp_path, late) is None
    assert len(gateway.requests) == 1
    assert "Traceback" not in log


async def test_sigterm_cancels_what_still_runs_when_the_grace_ends(
    tmp_path: Path, discord_fake: FakeDiscord, gateway: FakeImageGateway
) -> None:
    gateway.fail_next("slow", seconds=30)
    async with bot_process(tmp_path, discord_fake, gateway, grace=0.5) as (process, lines):
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(lambda: len(gateway.requests) == 1, within=10)
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 15)
    log = "".join(lines)
    assert process.returncode == 0, log[-2000:]
    note = await wait_for_private_note(discord_fake, handle)
    assert "restarting" in note.content
    assert "may have cost 1 credit" in note.content  # the request had reached the gateway
    assert ledger_row(tmp_path, handle) == ("unknown", 1)
    assert "Traceback" not in log


def test_the_grace_setting_is_checked(make_settings) -> None:
    assert make_settings().shutdown_grace_seconds == 30
    with pytest.raises(ValidationError) as invalid:
        make_settings(shutdown_grace_seconds=-1)
    [line] = describe_validation_error(invalid.value).splitlines()
    assert line.startswith("invalid setting SHUTDOWN_GRACE_SECONDS")
