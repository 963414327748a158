"""Async context managers that start the fake and connect a real discord.py client to it.

async with running_fake_discord() as fake:
    async with connected_bot(fake, make_bot) as bot:
        handle = await fake.inject_slash("imagine", {"prompt": "a cat"})
        await handle.wait_response()
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import discord

from bot.discord_endpoints import apply_discord_endpoints
from tests.fakes.discord.clock import DiscordClock
from tests.fakes.discord.scenario import Scenario
from tests.fakes.discord.server import FakeDiscord

ClientT = TypeVar("ClientT", bound=discord.Client)


def client_options() -> dict[str, Any]:
    """Keyword arguments a test bot needs: guilds intent only, on_ready right after GUILD_CREATE."""
    return {"intents": discord.Intents(guilds=True), "guild_ready_timeout": 0}


@contextlib.asynccontextmanager
async def running_fake_discord(
    scenario: Scenario | None = None, clock: DiscordClock | None = None
) -> AsyncIterator[FakeDiscord]:
    """Start the fake on a free port; on exit stop it and fail on any spec violation."""
    fake = FakeDiscord(scenario, clock)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
    fake.assert_no_violations()


@contextlib.asynccontextmanager
async def connected_bot(
    fake: FakeDiscord,
    bot: ClientT | Callable[[], ClientT],
    *,
    token: str | None = None,
    ready_timeout: float = 10.0,
) -> AsyncIterator[ClientT]:
    """Point discord.py at the fake, start the client and wait for on_ready.

    ``bot`` may be a factory so the client is built after the endpoints are set. On exit the
    client is closed, discord.py's endpoints restored and spec violations asserted.
    """
    apply_discord_endpoints(fake.api_base, fake.gateway_url)
    try:
        client = bot if isinstance(bot, discord.Client) else bot()
        if client._connection.guild_ready_timeout != 0:
            raise ValueError("build the client with guild_ready_timeout=0 (see client_options())")
        runner = asyncio.create_task(client.start(token or fake.scenario.token))
        try:
            await _wait_ready(client, runner, ready_timeout)
            yield client
        finally:
            await client.close()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(runner, timeout=5.0)
    finally:
        apply_discord_endpoints(None, None)
    fake.assert_no_violations()


async def _wait_ready(client: discord.Client, runner: asyncio.Task[None], within: float) -> None:
    """Wait for READY, surfacing a failed start (e.g. LoginFailure) instead of timing out."""
    ready = asyncio.create_task(client.wait_until_ready())
    try:
        done, _ = await asyncio.wait(
            {ready, runner}, timeout=within, return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        ready.cancel()
    if runner in done:
        runner.result()
        raise RuntimeError("the client stopped before it was ready")
    if ready not in done:
        raise TimeoutError(f"the client was not ready within {within} s")
