"""N concurrent /imagine-edit interactions with large input images, through the real bot.

Each edit's input is the same incompressible PNG of about ``--input-mb`` MB, attached to the
command; the bot reads it from the fake Discord's loopback CDN, checks and decodes it, and sends
it to the fake image gateway as multipart. What matters is that the inputs never sit on the
event loop: their sniffing, pixel check and full decode run in worker threads.

The fake image gateway runs in a process of its own (it parses and decodes every upload); the
fake Discord shares the bot's process and event loop (its spec checks off), so the event-loop
lag printed is an upper bound of the bot's own. Peak RSS is this process's, over its RSS before
the burst: the inputs held by the fake Discord (N copies are not made: one buffer is shared)
and by the bot while the requests are in flight.

    .venv/bin/python -m bench.edits [--n 20] [--input-mb 10] [--repeats 1]

Prints a table, then as the last line one JSON object with the medians.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from PIL import Image

from bench.gateway_process import API_KEY, gateway_process
from bench.pipeline import LoopWatch, percentile, rss_bytes
from bench.table import format_table
from bot.app import ImagineBot, image_client
from bot.config import Settings
from bot.store import SQLiteStore
from tests.fakes.discord import spec
from tests.fakes.discord.harness import running_fake_discord
from tests.fakes.discord.interactions import InteractionHandle, Upload
from tests.fakes.discord.scenario import GUILD_ID
from tests.fakes.discord.server import FakeDiscord

BURST_TIMEOUT = 300.0
HIGH = 1000

COLUMNS = (
    ("n", "N", "{:.0f}"),
    ("input_mb", "input MB", "{:.1f}"),
    ("seconds", "wall s", "{:.2f}"),
    ("loop_lag_max_ms", "lag max ms", "{:.1f}"),
    ("loop_lag_p99_ms", "lag p99 ms", "{:.1f}"),
    ("peak_rss_mb", "peak RSS MB", "{:.1f}"),
    ("rss_growth_mb", "RSS growth MB", "{:.1f}"),
)


def noise_png(megabytes: float) -> bytes:
    """An incompressible RGB PNG of about ``megabytes`` MB."""
    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


@contextlib.asynccontextmanager
async def running_bot(fake: FakeDiscord, gateway: str) -> AsyncIterator[ImagineBot]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            _env_file=None,
            discord_token=fake.scenario.token,
            image_api_key=API_KEY,
            image_api_base_url=gateway,
            database_path=Path(tmp) / "bench.sqlite3",
            discord_api_base=fake.api_base,
            discord_gateway_url=fake.gateway_url,
            dev_guild_id=GUILD_ID,
            allow_http_gateway=True,  # the fakes speak plain http on loopback
            allow_private_result_urls=True,
            quota_guild_credits=1_000_000,
            quota_member_credits=0,
            global_concurrency=HIGH,
            guild_concurrency=HIGH,
            member_concurrency=HIGH,
            queue_limit=HIGH,
            member_queue_limit=HIGH,
            log_level="WARNING",
        )
        async with (
            await SQLiteStore.open(settings.database_path) as store,
            image_client(settings) as images,
        ):
            bot = ImagineBot(settings, store=store, images=images, guild_ready_timeout=0)
            runner = asyncio.create_task(bot.start(fake.scenario.token))
            try:
                await asyncio.wait_for(bot.wait_until_ready(), 30)
                yield bot
            finally:
                await bot.close()
                with contextlib.suppress(asyncio.CancelledError):
                    await runner


def delivered(handle: InteractionHandle) -> bool:
    original = handle.original
    return original is not None and bool(original.attachments) and not original.loading


async def burst(n: int, data: bytes, gateway: str) -> dict[str, float]:
    spec.validate = lambda *args: []  # the fake's own cost, not the bot's
    async with running_fake_discord() as fake, running_bot(fake, gateway):
        options = {"image": Upload("input.png", data), "prompt": "give it a hat"}
        warm = await fake.inject_slash("imagine-edit", options)
        await fake.wait_until(lambda: delivered(warm), BURST_TIMEOUT)
        before = rss_bytes()
        watch = LoopWatch()
        watcher = asyncio.create_task(watch.run())
        started = time.perf_counter()
        handles = await asyncio.gather(
            *(fake.inject_slash("imagine-edit", options) for _ in range(n))
        )
        await fake.wait_until(lambda: all(delivered(h) for h in handles), BURST_TIMEOUT)
        seconds = time.perf_counter() - started
        watcher.cancel()
        lags = watch.lags
        return {
            "n": n,
            "input_mb": len(data) / 2**20,
            "seconds": seconds,
            "loop_lag_max_ms": max(lags, default=0.0) * 1000,
            "loop_lag_p99_ms": percentile(lags, 0.99) * 1000,
            "peak_rss_mb": max(watch.peak_rss, before) / 2**20,
            "rss_growth_mb": max(watch.peak_rss - before, 0) / 2**20,
        }


def run(n: int, input_mb: float, repeats: int) -> dict[str, float]:
    data = noise_png(input_mb)
    runs = []
    with gateway_process(b64_bytes=50_000, delay=0.5) as gateway:
        for _ in range(repeats):
            runs.append(asyncio.run(burst(n, data, gateway)))
    result = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    header = [title for _, title, _ in COLUMNS]
    print(format_table(header, [[fmt.format(result[key]) for key, _, fmt in COLUMNS]]))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=20, help="edits at once")
    parser.add_argument("--input-mb", type=float, default=10.0, help="size of each input image")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    print(json.dumps(run(args.n, args.input_mb, args.repeats)))


if __name__ == "__main__":
    main()
