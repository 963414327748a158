"""What defaults add to /imagine and to each autocomplete answer (Discord allows 3 s in all).

A guild whose `--members` members each have their own defaults, and a server default: one read
of a member's and the server's defaults, then their resolution against the catalog. Prints a
table, then as the LAST line one JSON object with the figures.

    .venv/bin/python bench/defaults.py [--reads 2000] [--members 10000]
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

from bench.table import format_table
from bot.catalog import RequestOptions, load_catalog
from bot.defaults import DefaultsStore, resolve
from bot.store import SQLiteStore

GUILD, ADMIN = 1, 2
MEMBER_DEFAULT = RequestOptions(aspect="portrait", extra={"style": "natural"})
SERVER_DEFAULT = RequestOptions(model="openai/gpt-image-1", quality="high")


async def measure(reads: int, members: int) -> dict[str, float]:
    """Milliseconds per read-and-resolve (median and 99th percentile)."""
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        async with await SQLiteStore.open(Path(tmp) / "bench.db") as store:
            defaults = DefaultsStore(store)
            await defaults.set_server(GUILD, SERVER_DEFAULT, ADMIN)
            for member in range(members):
                await defaults.set_member(GUILD, 100 + member, MEMBER_DEFAULT)
            times = []
            for number in range(reads):
                start = time.perf_counter()
                layers = await defaults.layers(GUILD, 100 + number % max(members, 1))
                resolve(RequestOptions(), layers, catalog, lambda model_id: True)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            return {
                "median_ms": round(statistics.median(times), 3),
                "p99_ms": round(times[max(int(len(times) * 0.99) - 1, 0)], 3),
            }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reads", type=int, default=2000)
    parser.add_argument("--members", type=int, default=10_000)
    args = parser.parse_args()
    figures = asyncio.run(measure(args.reads, args.members))
    print(f"defaults read and resolved, {args.members} members with their own, {args.reads} reads")
    rows = [["member + server", f"{figures['median_ms']:.3f}", f"{figures['p99_ms']:.3f}"]]
    print(format_table(["defaults", "median ms", "p99 ms"], rows))
    print(json.dumps({"reads": args.reads, "members": args.members, **figures}))


if __name__ == "__main__":
    main()
