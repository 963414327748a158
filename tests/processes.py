"""`python -m bot` as a real process against the fakes, for tests that need one."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

from bot.config import Settings
from tests.conftest import API_KEY
from tests.fakes.discord.scenario import GUILD_ID

LINE_LIMIT = 4 * 1024 * 1024


async def start_bot_process(
    tmp_path: Path,
    fake,
    gateway,
    token: str,
    *args: str,
    log_level: str = "DEBUG",
    **settings: str,
) -> asyncio.subprocess.Process:
    """Start the bot on the fakes (output piped); keyword arguments set or override settings."""
    clean = {k: v for k, v in os.environ.items() if k.lower() not in Settings.model_fields}
    env = {
        **clean,
        "DISCORD_TOKEN": token,
        "IMAGE_API_KEY": API_KEY,
        "IMAGE_API_BASE_URL": gateway.base_url,
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "DEV_GUILD_ID": str(GUILD_ID),
        "ALLOW_HTTP_GATEWAY": "true",  # the fakes speak plain http on loopback
        "ALLOW_PRIVATE_RESULT_URLS": "true",
        "LOG_LEVEL": log_level,
        **settings,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        # At DEBUG, discord.py logs whole request bodies on one line: the command sync, with every
        # language's texts (\u-escaped without orjson), is longer than asyncio's 64 KiB default.
        limit=LINE_LIMIT,
    )


def free_port() -> int:
    """A port nothing listens on now, for a setting that must name one (METRICS_PORT)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def collect_lines(stream: asyncio.StreamReader, lines: list[str]) -> None:
    """Gather a process's output as it comes, so a test can wait for a line."""
    async for line in stream:
        lines.append(line.decode())
