"""How long one /imagine-history page takes to read, for a member with a long history.

A member with `--rows` requests (one in five refused by a rule) among other members' in the
same guild, on SQLite. A page is read before the reply, after the defer; it should not grow with
the history. Prints a table, then as the LAST line one JSON object with the figures.

    .venv/bin/python bench/history.py [--rows 100000] [--reads 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.table import format_table
from bot.clock import FakeClock
from bot.history import HistoryService
from bot.store import Script, SQLiteStore, each

GUILD, MEMBER, OTHERS = 1, 2, 50
START = datetime(2025, 1, 1, tzinfo=UTC)


def _rows(count: int) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Ledger and refusal rows, a second apart; every fifth is a refusal."""
    ledger: list[tuple[object, ...]] = []
    refusals: list[tuple[object, ...]] = []
    for number in range(count):
        member = MEMBER if number % 2 == 0 else 100 + number % OTHERS
        when = (START + timedelta(seconds=number)).isoformat(timespec="microseconds")[:-6] + "Z"
        common = (number + 1, GUILD, member, 3, "openai/dall-e-3", "1024x1024", None, 1, 1)
        if number % 5 == 0:
            refusals.append((*common, f"prompt {number}", "cooldown", when))
        else:
            ledger.append(
                (
                    *common,
                    1,
                    "committed",
                    f"prompt {number}",
                    when[:10] + "T00:00:00.000000Z",
                    when,
                    when,
                )
            )
    return ledger, refusals


async def measure(rows: int, reads: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        async with await SQLiteStore.open(Path(tmp) / "bench.db") as store:
            ledger, refusals = _rows(rows)

            def fill() -> Script[None]:
                yield from each(
                    "INSERT INTO ledger (interaction_id, guild_id, member_id, channel_id, model,"
                    " size, quality, n, reserved, credits, state, prompt, period_start,"
                    " created_at, settled_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    ledger,
                )
                yield from each(
                    "INSERT INTO refusals (interaction_id, guild_id, member_id, channel_id,"
                    " model, size, quality, n, credits, prompt, rule, created_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    refusals,
                )

            await store.run(fill)
            clock = FakeClock(START + timedelta(seconds=rows))
            history = HistoryService(store, retention=timedelta(days=30), clock=clock)
            figures: dict[str, float] = {}
            for name, page in (("first_page", 0), ("page_100", 100)):
                assert (await history.page(GUILD, MEMBER, page)).entries
                times = []
                for _ in range(reads):
                    start = time.perf_counter()
                    await history.page(GUILD, MEMBER, page)
                    times.append((time.perf_counter() - start) * 1000)
                times.sort()
                figures[f"{name}_median_ms"] = round(statistics.median(times), 3)
                figures[f"{name}_p99_ms"] = round(times[max(int(len(times) * 0.99) - 1, 0)], 3)
            return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--reads", type=int, default=200)
    args = parser.parse_args()
    figures = asyncio.run(measure(args.rows, args.reads))
    print(
        f"history page, {args.rows} requests in the guild (half the member's), {args.reads} reads"
    )
    rows = [
        [name, str(figures[f"{name}_median_ms"]), str(figures[f"{name}_p99_ms"])]
        for name in ("first_page", "page_100")
    ]
    print(format_table(["page", "median ms", "p99 ms"], rows))
    print(json.dumps({"rows": args.rows, "reads": args.reads, **figures}))


if __name__ == "__main__":
    main()
