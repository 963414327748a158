"""Reservation + commit cycles per second through QuotaService on a temporary SQLite file.

Every cycle is what one /imagine costs the store: reserve (BEGIN IMMEDIATE, duplicate check,
policy, budget sums, insert) then commit (one conditional update). All cycles hit one guild in
one window, so the budget sums run over a ledger growing to `--cycles` rows: a worst case, as a
guild's window normally holds at most about its budget's worth of requests.

    .venv/bin/python bench/quota_reservations.py [--cycles 5000] [--time-limit 60]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bot.quota import MAX_CREDITS, QuotaDefaults, QuotaService
from bot.store import Store

GUILD = 1
MEMBERS = 100


async def measure(db: Path, *, tasks: int, cycles: int, time_limit: float) -> tuple[int, float]:
    """Run up to `cycles` cycles with `tasks` concurrent workers; returns (done, seconds)."""
    async with await Store.open(db) as store:
        quota = QuotaService(store, QuotaDefaults(MAX_CREDITS, 0, "month"))
        ids = iter(range(1, cycles + 1))
        start = time.perf_counter()
        deadline = start + time_limit
        done = await asyncio.gather(*(_worker(quota, ids, deadline) for _ in range(tasks)))
        return sum(done), time.perf_counter() - start


async def _worker(quota: QuotaService, ids: Iterator[int], deadline: float) -> int:
    done = 0
    for interaction_id in ids:
        if time.perf_counter() > deadline:
            break
        await quota.reserve(
            interaction_id=interaction_id,
            guild_id=GUILD,
            member_id=interaction_id % MEMBERS,
            cost=1,
            model="openai/dall-e-3",
            size="1024x1024",
            prompt="a lighthouse at dusk",
        )
        await quota.commit(interaction_id, 1)
        done += 1
    return done


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cycles", type=int, default=5000)
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for run, tasks in zip(itertools.count(), (100, 1), strict=False):
            db = Path(tmp) / f"bench-{run}.db"
            done, seconds = await measure(
                db, tasks=tasks, cycles=args.cycles, time_limit=args.time_limit
            )
            cut = "" if done == args.cycles else f" (stopped at the {args.time_limit:g} s limit)"
            print(
                f"tasks={tasks} cycles={done} seconds={seconds:.2f} "
                f"cycles_per_second={done / seconds:.0f}{cut}"
            )


if __name__ == "__main__":
    asyncio.run(main())
