"""What GUILD_ACCESS=approved costs each command: the approval read, cached and uncached.

Every command of a server asks `GuildAccess.allowed` first. With the cache (the bot's way) a
server's answer is read from the database once per CACHE_SECONDS; without it (ttl 0) every
command reads it. Microseconds per check, median of `--checks`, on SQLite and, with
`--database-url`, on PostgreSQL. The LAST line is one JSON object with the figures.

    .venv/bin/python bench/guild_access.py [--checks 2000]
        [--database-url postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bot.guild_access import CACHE_SECONDS, GuildAccess
from bot.store import PostgresStore, SQLiteStore, Store
from tests.databases import schema_on

GUILD = 1


async def per_check(store: Store, checks: int, ttl: float) -> float:
    """Median microseconds of one `allowed` call."""
    access = GuildAccess(store, "approved", ttl=ttl)
    await access.approve(GUILD)
    times = []
    for _ in range(checks):
        start = time.perf_counter()
        assert await access.allowed(GUILD)
        times.append((time.perf_counter() - start) * 1e6)
    return statistics.median(times)


async def both(store: Store, name: str, checks: int) -> dict[str, float]:
    return {
        f"{name}_cached_us": round(await per_check(store, checks, CACHE_SECONDS), 2),
        f"{name}_uncached_us": round(await per_check(store, checks, 0.0), 1),
    }


async def measure(checks: int, database_url: str | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        async with await SQLiteStore.open(Path(tmp) / "bench.db") as store:
            figures = await both(store, "sqlite", checks)
    if database_url:
        async with (
            schema_on(database_url, "imagine_bench") as scoped,
            await PostgresStore.open(scoped) as store,
        ):
            figures |= await both(store, "postgres", checks)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--checks", type=int, default=2000, help="checks per setup")
    parser.add_argument("--database-url", help="also measure on this PostgreSQL server")
    args = parser.parse_args()
    if args.checks < 1:
        parser.error("--checks must be at least 1")
    figures = asyncio.run(measure(args.checks, args.database_url))
    for name, value in figures.items():
        print(f"{name:<24}{value:>10} µs")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
