"""Waiting on the bot's own state, which no fake can notify about."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 5.0) -> None:
    """Poll an async check until it holds; fail with TimeoutError after `within` seconds."""
    async with asyncio.timeout(within):
        while not await check():  # noqa: ASYNC110 - a database row has no event to wait on
            await asyncio.sleep(0.02)
