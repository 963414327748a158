"""Two `python -m bot` processes, one shard of two each, one fake Discord, one database."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.databases import query, setting_for
from tests.fakes.discord import FakeDiscord, running_fake_discord
from tests.fakes.discord.interactions import InteractionHandle, Invoker
from tests.fakes.discord.scenario import ADMIN_ID, GUILD_ID, SECOND_GUILD_ID, sharded_scenario
from tests.fakes.image_gateway import FakeImageGateway
from tests.processes import collect_lines, free_port, start_bot_process

START_WITHIN = 60.0  # two interpreters importing discord.py on a busy machine


@pytest.fixture
async def sharded_discord() -> AsyncIterator[FakeDiscord]:
    async with running_fake_discord(sharded_scenario()) as fake:
        yield fake


@contextlib.asynccontextmanager
async def bot_process(
    tmp_path: Path, fake: FakeDiscord, gateway: FakeImageGateway, **settings: str
) -> AsyncIterator[list[str]]:
    """A running bot process (until it logged on_ready); yields its log lines as they come."""
    process = await start_bot_process(
        tmp_path, fake, gateway, fake.scenario.token, log_level="INFO", **settings
    )
    assert process.stderr is not None
    lines: list[str] = []
    reader = asyncio.create_task(collect_lines(process.stderr, lines))
    try:
        await fake.wait_until(
            lambda: any("connected as" in line for line in lines) or reader.done(),
            within=START_WITHIN,
        )
        assert not reader.done(), "".join(lines)[-2000:]
        yield lines
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 30)
        await reader
        assert process.returncode == 0, "".join(lines)[-2000:]
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        reader.cancel()


def admin_of(fake: FakeDiscord, guild_id: int) -> Invoker:
    guild = next(g for g in fake.scenario.guilds if g.id == guild_id)
    return Invoker(guild=guild, member=guild.member(ADMIN_ID))


async def usage_text(fake: FakeDiscord, guild_id: int) -> str:
    handle = await fake.inject_slash("usage", invoker=admin_of(fake, guild_id))
    [message] = await handle.wait_followups(within=15)
    return str(message.embeds[0]["description"])


async def images_of(fake: FakeDiscord, handle: InteractionHandle) -> int:
    await fake.wait_until(
        lambda: handle.original is not None and bool(handle.original.attachments), within=30
    )
    assert handle.original is not None
    return len(handle.original.attachments)


async def test_each_process_serves_its_shard_and_both_share_one_database(
    tmp_path: Path, sharded_discord: FakeDiscord, gateway: FakeImageGateway, database: str | Path
) -> None:
    fake = sharded_discord
    common = {"SHARD_COUNT": "2", setting_for(database).upper(): str(database), "DEV_GUILD_ID": ""}
    metrics_port = free_port()
    async with (
        bot_process(
            tmp_path, fake, gateway, SHARD_IDS="0", METRICS_PORT=str(metrics_port), **common
        ) as zero,
        bot_process(tmp_path, fake, gateway, SHARD_IDS="1", **common) as one,
    ):
        # GUILD_ID is on shard 1, SECOND_GUILD_ID on shard 0 (see sharded_scenario).
        fox = await fake.inject_slash(
            "imagine", {"prompt": "a fox"}, invoker=admin_of(fake, GUILD_ID)
        )
        owls = await fake.inject_slash(
            "imagine",
            {"prompt": "owls", "model": "openai/gpt-image-1", "n": 3, "quality": "low"},
            invoker=admin_of(fake, SECOND_GUILD_ID),
        )
        assert await images_of(fake, fox) == 1
        assert await images_of(fake, owls) == 3
        assert "**1 credit** in 1 request" in await usage_text(fake, GUILD_ID)
        assert "**3 credits** in 1 request" in await usage_text(fake, SECOND_GUILD_ID)

        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{metrics_port}/readyz") as ready,
            session.get(f"http://127.0.0.1:{metrics_port}/metrics") as scraped,
        ):
            assert ready.status == 200
            metrics = await scraped.text()
    received = {
        connection.shard: {
            data["guild_id"]
            for event, data in connection.dispatched
            if event == "INTERACTION_CREATE"
        }
        for connection in fake.gateway.connections
    }
    assert received == {(0, 2): {str(SECOND_GUILD_ID)}, (1, 2): {str(GUILD_ID)}}
    # The audit line names the guild: each process settled only its own guild's request.
    assert any(f"committed guild={SECOND_GUILD_ID}" in line for line in zero)
    assert not any(f"guild={GUILD_ID}" in line for line in zero)
    assert any(f"committed guild={GUILD_ID}" in line for line in one)
    assert not any(f"guild={SECOND_GUILD_ID}" in line for line in one)
    # Process 0's metrics: its own shard only.
    assert 'imagine_discord_latency_seconds{shard="0"}' in metrics
    assert 'shard="1"' not in metrics
    # One database holds what both processes wrote.
    rows = await query(database, "SELECT DISTINCT guild_id FROM ledger ORDER BY 1")
    assert rows == [(guild,) for guild in sorted([GUILD_ID, SECOND_GUILD_ID])]


# -- in one process -------------------------------------------------------------------------


async def test_without_shard_settings_discord_says_how_many(bot, discord_fake) -> None:
    assert any(r.path == "/gateway/bot" for r in discord_fake.requests)
    assert set(bot.shards) == {0}
    assert [c.shard for c in discord_fake.gateway.live] == [(0, 1)]


async def test_shard_settings_pick_the_shards(start_bot, discord_fake) -> None:
    # The default scenario's one guild is on shard 1 of 2.
    async with start_bot(shard_count=2, shard_ids=(1,)) as bot:
        assert set(bot.shards) == {1}
        assert [c.shard for c in discord_fake.gateway.live] == [(1, 2)]
        assert [g.id for g in bot.guilds] == [GUILD_ID]
        assert not any(r.path == "/gateway/bot" for r in discord_fake.requests)
