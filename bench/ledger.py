"""Quota ledger throughput: reserve + commit cycles per second, against a floor, in one run.

Each cycle is what one /imagine costs the store: `QuotaService.reserve` then `commit` (which
also answers the member's new status). 100 tasks run cycles concurrently on one guild, in three
setups measured side by side, each on a fresh SQLite file, median of `--repeats`:

- empty: the guild's window holds no rows yet;
- 20k: the guild's window already holds 20,000 settled rows (a budget that reads the window's
  rows slows down here; a counter does not);
- floor: the cheapest correct SQLite transaction doing the same bookkeeping through the same
  Store (BEGIN IMMEDIATE, a guarded counter update, the ledger insert, COMMIT), one a cycle,
  each statement awaited (the issue's floor);
- floor, group commit: the same transaction as one `Store.run` work, one trip to the database
  thread and committed together with the other tasks' (what the quota itself now uses);
- floor, 2 tx, group commit: a pending row, then its settlement, as two such works: what any
  reserve-then-settle cycle must write, without budget checks or status.

With `--database-url postgresql://…`, the quota also runs on PostgreSQL (a fresh schema each
run, dropped after), empty window: once with every task in one guild (reservations of a guild
take turns on its lock), once with each task in a guild of its own.

With `--bot-credits N` every quota setup also checks the bot's budget over every guild (N
credits a month, more than the run spends); 0, the default, has none.

The last line is one JSON object: cycles_per_s_empty, cycles_per_s_20k, floor_cycles_per_s
(the issue's floor), floor_group_commit_cycles_per_s and floor_group_commit_2tx_cycles_per_s,
and with PostgreSQL postgres_one_guild_cycles_per_s and postgres_many_guilds_cycles_per_s.

    .venv/bin/python bench/ledger.py [--cycles 5000] [--repeats 3] [--tasks 100]
        [--database-url postgresql://postgres@127.0.0.1:5432/test] [--bot-credits 0]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import aiosqlite

from bench.table import format_table
from bot.quota import MAX_CREDITS, BotBudget, QuotaDefaults, QuotaService, Window
from bot.store import PostgresStore, Script, SQLiteStore, Store, count
from bot.store.migrations import discover, migrations_dir
from tests.databases import schema_on

GUILD = 1
MEMBERS = 100
SEEDED = 20_000
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

Cycle = Callable[[int], Awaitable[object]]


async def run_cycles(cycle: Cycle, *, cycles: int, tasks: int) -> float:
    """Run `cycles` cycles spread over `tasks` concurrent tasks; returns cycles per second."""
    ids: Iterator[int] = iter(range(1, cycles + 1))

    async def worker() -> None:
        for interaction_id in ids:
            await cycle(interaction_id)

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(tasks)))
    return cycles / (time.perf_counter() - start)


def seed(db: Path, rows: int) -> None:
    """Create the first schema version with `rows` settled rows in this month's window.

    Later migrations then run at Store.open, as on a real upgrade (so backfills are exercised).
    """
    first = discover(migrations_dir())[0]
    start = Window.containing("month", datetime.now(UTC)).start
    with sqlite3.connect(db) as conn:
        for statement in first.statements():
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {first.version:d}")
        conn.executemany(
            """INSERT INTO ledger (interaction_id, guild_id, member_id, model, size, n, reserved,
                   credits, state, period_start, created_at, settled_at)
               VALUES (?, ?, ?, 'openai/dall-e-3', '1024x1024', 1, 1, 1, 'committed', ?, ?, ?)""",
            (
                (-i, GUILD, i % MEMBERS, _ts(start), at, at)
                for i in range(1, rows + 1)
                for at in (_ts(start + timedelta(milliseconds=i)),)
            ),
        )


async def quota_run(db: Path, budget: BotBudget, *, seeded: int, cycles: int, tasks: int) -> float:
    seed(db, seeded)
    async with await SQLiteStore.open(db) as store:
        return await quota_cycles(store, budget, cycles=cycles, tasks=tasks, guilds=1)


async def postgres_run(
    url: str, budget: BotBudget, *, guilds: int, cycles: int, tasks: int
) -> float:
    """The quota on PostgreSQL, in a schema of its own that is dropped afterwards."""
    async with schema_on(url, "imagine_bench") as scoped, await PostgresStore.open(scoped) as store:
        return await quota_cycles(store, budget, cycles=cycles, tasks=tasks, guilds=guilds)


async def quota_cycles(
    store: Store, budget: BotBudget, *, cycles: int, tasks: int, guilds: int
) -> float:
    """Reserve + commit cycles per second; interaction i is in guild GUILD + i % guilds."""
    quota = QuotaService(store, QuotaDefaults(MAX_CREDITS, 0, "month"), bot_budget=budget)

    async def cycle(interaction_id: int) -> None:
        await quota.reserve(
            interaction_id=interaction_id,
            guild_id=GUILD + interaction_id % guilds,
            member_id=interaction_id % MEMBERS,
            cost=1,
            model="openai/dall-e-3",
            size="1024x1024",
            prompt="a lighthouse at dusk",
        )
        await quota.commit(interaction_id, 1)

    return await run_cycles(cycle, cycles=cycles, tasks=tasks)


_FLOOR_TAKE = "UPDATE floor_counter SET used = used + 1 WHERE guild_id = ? AND used < ?"
_FLOOR_INSERT = """
    INSERT INTO ledger (interaction_id, guild_id, member_id, model, size, n, reserved, credits,
        state, prompt, period_start, created_at, settled_at)
    VALUES (?, ?, ?, 'openai/dall-e-3', '1024x1024', 1, 1, 1, ?, 'a lighthouse at dusk', ?, ?, ?)
"""
_FLOOR_SETTLE = """
    UPDATE ledger SET state = 'committed', settled_at = ?
    WHERE interaction_id = ? AND state = 'pending'
"""
FLOORS = ("floor", "floor_group", "floor_group_2")
POSTGRES = {"postgres_one_guild": 1, "postgres_many_guilds": 0}  # guilds; 0: one per task


async def floor_run(db: Path, kind: str, *, cycles: int, tasks: int) -> float:
    """The bookkeeping alone: take the credit from a counter if it fits, record the row.

    floor: one transaction a cycle, each statement awaited. floor_group: the same transaction
    as one group-committed Store.run work. floor_group_2: two such works, a pending row then its
    settlement, as a real request needs (the image API call comes between them).
    """
    seed(db, 0)
    async with await SQLiteStore.open(db) as store:
        await store.execute("CREATE TABLE floor_counter (guild_id INTEGER PRIMARY KEY, used)")
        await store.execute("INSERT INTO floor_counter VALUES (?, 0)", (GUILD,))
        period_start = _ts(Window.containing("month", datetime.now(UTC)).start)

        def take(interaction_id: int, state: str) -> Script[None]:
            if (yield from count(_FLOOR_TAKE, (GUILD, MAX_CREDITS))) != 1:
                raise RuntimeError("the floor ran out of budget")
            now = _ts(datetime.now(UTC))
            settled = None if state == "pending" else now
            row = (interaction_id, GUILD, interaction_id % MEMBERS, state, period_start, now)
            yield from count(_FLOOR_INSERT, (*row, settled))

        def settle(interaction_id: int) -> Script[int]:
            return count(_FLOOR_SETTLE, (_ts(datetime.now(UTC)), interaction_id))

        # The plain floor: aiosqlite as its documentation shows it, one lock per transaction.
        lock = asyncio.Lock()
        async with aiosqlite.connect(db, isolation_level=None) as conn:

            async def awaited(interaction_id: int) -> None:
                now = _ts(datetime.now(UTC))
                row = (interaction_id, GUILD, interaction_id % MEMBERS, "committed", period_start)
                async with lock:
                    await conn.execute("BEGIN IMMEDIATE")
                    cursor = await conn.execute(_FLOOR_TAKE, (GUILD, MAX_CREDITS))
                    if cursor.rowcount != 1:
                        raise RuntimeError("the floor ran out of budget")
                    await conn.execute(_FLOOR_INSERT, (*row, now, now))
                    await conn.execute("COMMIT")

            async def group(interaction_id: int) -> None:
                await store.run(lambda: take(interaction_id, "committed"))

            async def group_2(interaction_id: int) -> None:
                await store.run(lambda: take(interaction_id, "pending"))
                await store.run(lambda: settle(interaction_id))

            cycle = {"floor": awaited, "floor_group": group, "floor_group_2": group_2}[kind]
            return await run_cycles(cycle, cycles=cycles, tasks=tasks)


def _ts(when: datetime) -> str:
    return when.strftime(_TIME_FORMAT)


async def measure(
    cycles: int, repeats: int, tasks: int, database_url: str | None, bot_credits: int = 0
) -> dict[str, list[float]]:
    """Each repeat runs the setups back to back, so noise hits them alike."""
    budget = BotBudget(bot_credits, "month")
    names = ["empty", "20k", *FLOORS, *(POSTGRES if database_url else ())]
    runs: dict[str, list[float]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as tmp:
        for repeat in range(repeats):
            folder = Path(tmp) / str(repeat)
            folder.mkdir()
            runs["empty"].append(
                await quota_run(folder / "empty.db", budget, seeded=0, cycles=cycles, tasks=tasks)
            )
            runs["20k"].append(
                await quota_run(
                    folder / "20k.db", budget, seeded=SEEDED, cycles=cycles, tasks=tasks
                )
            )
            for name in FLOORS:
                runs[name].append(
                    await floor_run(folder / f"{name}.db", name, cycles=cycles, tasks=tasks)
                )
            if database_url:
                for name, guilds in POSTGRES.items():
                    runs[name].append(
                        await postgres_run(
                            database_url, budget, guilds=guilds or tasks, cycles=cycles, tasks=tasks
                        )
                    )
    return runs


def report(runs: dict[str, list[float]], tasks: int, cycles: int) -> dict[str, float]:
    medians = {name: statistics.median(values) for name, values in runs.items()}
    floor = medians["floor"]
    print(f"ledger: reserve + commit, {tasks} tasks, {cycles} cycles a run, median of the runs")
    labels = {
        "empty": "quota, empty window",
        "20k": f"quota, {SEEDED:,} rows in window",
        "floor": "floor: 1 tx, awaited",
        "floor_group": "floor: 1 tx, group commit",
        "floor_group_2": "floor: 2 tx, group commit",
        "postgres_one_guild": "PostgreSQL quota, 1 guild",
        "postgres_many_guilds": f"PostgreSQL quota, {tasks} guilds",
    }
    rows = [
        [
            label,
            f"{medians[name]:.0f}",
            f"{1e6 / medians[name]:.0f}",
            f"{medians[name] / floor:.2f}",
            " ".join(f"{v:.0f}" for v in runs[name]),
        ]
        for name, label in labels.items()
        if name in runs
    ]
    print(format_table(["setup", "cycles/s", "µs/cycle", "× floor", "runs"], rows))
    return {
        "cycles_per_s_empty": round(medians["empty"], 1),
        "cycles_per_s_20k": round(medians["20k"], 1),
        "floor_cycles_per_s": round(floor, 1),
        "floor_group_commit_cycles_per_s": round(medians["floor_group"], 1),
        "floor_group_commit_2tx_cycles_per_s": round(medians["floor_group_2"], 1),
        **{f"{name}_cycles_per_s": round(medians[name], 1) for name in POSTGRES if name in runs},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cycles", type=int, default=5000, help="cycles per run")
    parser.add_argument("--repeats", type=int, default=3, help="runs per setup (median)")
    parser.add_argument("--tasks", type=int, default=100, help="concurrent tasks")
    parser.add_argument("--database-url", help="also measure on this PostgreSQL server")
    parser.add_argument(
        "--bot-credits", type=int, default=0, help="the bot's budget per month (0: none)"
    )
    args = parser.parse_args()
    if args.cycles < 1 or args.repeats < 1 or args.tasks < 1:
        parser.error("--cycles, --repeats and --tasks must be at least 1")
    if args.bot_credits < 0:
        parser.error("--bot-credits must be 0 (none) or more")
    runs = asyncio.run(
        measure(args.cycles, args.repeats, args.tasks, args.database_url, args.bot_credits)
    )
    print(json.dumps(report(runs, args.tasks, args.cycles)))


if __name__ == "__main__":
    main()
