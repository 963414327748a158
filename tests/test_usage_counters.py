"""The usage counters always equal the ledger's own sums, whatever happens to the ledger.

The counters are what budgets are checked against, so these tests compare them with sums
computed directly from the ledger rows (the definition of usage), after migrations and after
long random sequences of every operation that changes a row, run partly concurrently so that
several of them share one group-committed transaction.
"""

from __future__ import annotations

import asyncio
import random
import shutil
from collections import Counter
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.quota import PERIODS, BotBudget, QuotaDefaults, QuotaExceeded, QuotaService, Window
from bot.store import SQLiteStore, Store, open_store
from bot.store.migrations import discover, migrations_dir
from tests.databases import query

Key = tuple[int, str, int, str]
GUILDS = (1, 2)
MEMBERS = (0, 7, 8, 9)  # 0 included: a member id must never be confused with the guild total


async def counters(database: str | Path) -> Counter[Key]:
    rows = await query(
        database, "SELECT guild_id, scope, member_id, day, credits FROM usage_counters"
    )
    return Counter({(g, s, m, d): c for g, s, m, d, c in rows if c != 0})


async def ledger_rows(database: str | Path) -> list[tuple[int, int, str, int]]:
    """(guild, member, created_at, credits) of every row not forgiven."""
    rows = await query(
        database, "SELECT guild_id, member_id, created_at, credits FROM ledger WHERE forgiven = 0"
    )
    return [(int(g), int(m), str(at), int(c)) for g, m, at, c in rows]


async def ledger_sums(database: str | Path) -> Counter[Key]:
    """Usage by definition: credits of the rows not forgiven, by guild/member and UTC day."""
    sums: Counter[Key] = Counter()
    for guild, member, created_at, credits in await ledger_rows(database):
        sums[guild, "member", member, created_at[:10]] += credits
        sums[guild, "guild", 0, created_at[:10]] += credits
    return Counter({key: value for key, value in sums.items() if value != 0})


async def bot_counters(database: str | Path) -> Counter[str]:
    rows = await query(database, "SELECT day, credits FROM bot_usage")
    return Counter({str(day): int(c) for day, c in rows if c != 0})


async def bot_sums(database: str | Path, where: str = "") -> Counter[str]:
    """The bot's use by definition: every row's credits by UTC day, forgiven or not (plus what
    purged guilds had spent, which the caller adds)."""
    rows = await query(database, f"SELECT created_at, credits FROM ledger {where}")
    sums: Counter[str] = Counter()
    for created_at, credits in rows:
        sums[str(created_at)[:10]] += int(credits)
    return Counter({day: value for day, value in sums.items() if value != 0})


async def window_sum(database: str | Path, guild: int, member: int | None, start: datetime) -> int:
    since = start.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return sum(
        credits
        for g, m, created_at, credits in await ledger_rows(database)
        if g == guild and created_at >= since and member in (None, m)
    )


async def test_migration_backfills_counters_from_existing_rows(
    database: str | Path, tmp_path: Path
) -> None:
    first = discover(migrations_dir())[0]
    only_first = tmp_path / "first"
    only_first.mkdir()
    shutil.copy(first.path, only_first)
    await (await open_store(database, migrations=only_first)).close()  # schema version 1
    async with await open_store(database, migrations=only_first) as old:
        rows = [
            # iid, guild, member, reserved, credits, state, forgiven, created_at
            (1, 1, 7, 4, 4, "pending", 0, "2025-01-14T23:59:59.999999Z"),
            (2, 1, 7, 4, 2, "committed", 0, "2025-01-15T00:00:00.000000Z"),
            (3, 1, 8, 3, 0, "refunded", 0, "2025-01-15T10:00:00.000000Z"),
            (4, 1, 8, 5, 5, "unknown", 1, "2025-01-15T11:00:00.000000Z"),  # forgiven
            (5, 1, 0, 6, 6, "committed", 0, "2025-01-15T12:00:00.000000Z"),
            (6, 2, 7, 1, 1, "committed", 0, "2025-01-15T12:00:00.000000Z"),
        ]
        for iid, guild, member, reserved, credits, state, forgiven, at in rows:
            await old.execute(
                """INSERT INTO ledger (interaction_id, guild_id, member_id, model, size, n,
                       reserved, credits, state, forgiven, period_start, created_at, settled_at)
                   VALUES (?, ?, ?, 'm', '1024x1024', 1, ?, ?, ?, ?, ?, ?, ?)""",
                (iid, guild, member, reserved, credits, state, forgiven, at, at,
                 None if state == "pending" else at),
            )  # fmt: skip
    async with await open_store(database) as store:
        clock = FakeClock(datetime(2025, 1, 15, 18, tzinfo=UTC))
        quota = QuotaService(store, QuotaDefaults(100, 0, "day"), clock=clock)
        assert (await quota.status(1, 7)).guild_used == 2 + 6
        assert (await quota.status(1, 0)).member_used == 6
        await quota.set_policy(1, period="week", actor_id=1)
        assert (await quota.status(1, 7)).member_used == 4 + 2
    # The bot's counts include the forgiven row: an admin's reset does not refund the operator.
    assert await bot_counters(database) == Counter({"2025-01-14": 4, "2025-01-15": 2 + 5 + 6 + 1})
    assert (
        await counters(database)
        == await ledger_sums(database)
        == Counter(
            {
                (1, "member", 7, "2025-01-14"): 4,
                (1, "guild", 0, "2025-01-14"): 4,
                (1, "member", 7, "2025-01-15"): 2,
                (1, "member", 0, "2025-01-15"): 6,
                (1, "guild", 0, "2025-01-15"): 8,
                (2, "member", 7, "2025-01-15"): 1,
                (2, "guild", 0, "2025-01-15"): 1,
            }
        )
    )


class Scenario:
    """Random operations on two services sharing one store (one refunds unknown outcomes)."""

    def __init__(self, rng: random.Random, store: Store, clock: FakeClock) -> None:
        self.rng = rng
        self.clock = clock
        defaults = QuotaDefaults(40, 12, "day")
        budget = BotBudget(10**9, "day")  # counted, never refusing
        self.services = [
            QuotaService(store, defaults, clock=clock, bot_budget=budget),
            QuotaService(store, defaults, refund_unknown=True, clock=clock, bot_budget=budget),
        ]
        self.ids: list[int] = []
        self.next_id = 1

    def quota(self) -> QuotaService:
        return self.rng.choice(self.services)

    def known_id(self) -> int:
        return self.rng.choice(self.ids) if self.ids else 0

    def operation(self) -> Awaitable[object]:
        rng = self.rng
        kind = rng.choices(
            ["reserve", "commit", "refund", "unknown", "recover", "reset", "policy"],
            weights=[40, 18, 8, 6, 2, 3, 5],
        )[0]
        guild, member = rng.choice(GUILDS), rng.choice(MEMBERS)
        if kind == "reserve":
            if self.ids and rng.random() < 0.1:
                iid = self.known_id()  # a duplicate
            else:
                iid, self.next_id = self.next_id, self.next_id + 1
                self.ids.append(iid)
            override = rng.choice([None, None, 0, 3, 20])
            return self.quota().reserve(
                interaction_id=iid,
                guild_id=guild,
                member_id=member,
                cost=rng.randint(1, 6),
                model="m",
                size="1024x1024",
                member_credits=override,
            )
        if kind == "commit":
            return self.quota().commit(self.known_id(), rng.randint(0, 6))
        if kind == "refund":
            return self.quota().refund(self.known_id(), "failed")
        if kind == "unknown":
            return self.quota().mark_unknown(self.known_id(), "timeout")
        if kind == "recover":
            return self.quota().recover_pending(timedelta(hours=rng.choice([0, 1, 30])))
        if kind == "reset":
            return self.quota().reset(guild, rng.choice([None, member]), actor_id=1)
        if kind == "policy":
            return self.quota().set_policy(
                guild,
                period=rng.choice(PERIODS),
                guild_credits=rng.choice([None, 10, 40, 200]),
                member_credits=rng.choice([None, 0, 5, 12]),
                actor_id=1,
            )
        raise AssertionError(kind)

    def move_clock(self) -> None:
        """Mostly small steps; sometimes across a day, week or month boundary."""
        step = self.rng.choice(
            [timedelta(minutes=7), timedelta(hours=5), timedelta(days=1), timedelta(days=6)]
        )
        self.clock.advance(step)


async def settle_all(attempts: list[Awaitable[object]]) -> None:
    """Run concurrently (sharing transactions); refusals and over-charges are expected."""
    for result in await asyncio.gather(*attempts, return_exceptions=True):
        if isinstance(result, BaseException) and not isinstance(result, QuotaExceeded | ValueError):
            raise result


@pytest.mark.parametrize("seed", range(6))
async def test_counters_equal_ledger_sums_after_random_operations(
    database: str | Path, seed: int
) -> None:
    rng = random.Random(seed)
    clock = FakeClock(datetime(2025, 1, 29, 20, tzinfo=UTC))  # a month end within reach
    seen: set[str] = set()  # what the run went through, to show it covered every path
    async with await open_store(database) as store:
        scenario = Scenario(rng, store, clock)
        purged: Counter[str] = Counter()  # a guild that leaves keeps what it cost the bot
        for _step in range(80):
            if rng.random() < 0.04:  # alone, so that what it deletes is known exactly
                guild = rng.choice(GUILDS)
                purged += await bot_sums(database, f"WHERE guild_id = {guild}")
                await scenario.quota().purge_guild(guild)
                seen.add("purge")
            await settle_all([scenario.operation() for _ in range(rng.randint(1, 6))])
            if rng.random() < 0.35:
                scenario.move_clock()
            assert await counters(database) == await ledger_sums(database)
            assert await bot_counters(database) == await bot_sums(database) + purged
            for sql in (
                "SELECT DISTINCT state FROM ledger",
                "SELECT DISTINCT 'forgiven' FROM ledger WHERE forgiven = 1",
                "SELECT DISTINCT period FROM guild_settings",
            ):
                seen.update(str(value) for (value,) in await query(database, sql))
            guild, member = rng.choice(GUILDS), rng.choice(MEMBERS)
            quota = scenario.quota()
            status = await quota.status(guild, member)
            start = Window.containing((await quota.policy(guild)).period, clock()).start
            assert status.period_start == start
            assert status.guild_used == await window_sum(database, guild, None, start)
            assert status.member_used == await window_sum(database, guild, member, start)
    expected = {"pending", "committed", "refunded", "unknown", "forgiven", "purge", *PERIODS}
    assert seen == expected


async def test_a_request_costs_the_same_however_full_the_window_is(tmp_path: Path) -> None:
    """Counted in SQLite VM instructions: a sum over the window's rows would grow with them."""
    clock = FakeClock(datetime(2025, 1, 15, 12, tzinfo=UTC))
    async with await SQLiteStore.open(tmp_path / "full.db") as store:
        quota = QuotaService(store, QuotaDefaults(1_000_000, 0, "month"), clock=clock)
        ids = iter(range(1, 10_000))

        async def cycle(member: int) -> None:
            iid = next(ids)
            await quota.reserve(
                interaction_id=iid, guild_id=1, member_id=member, cost=1, model="m", size="s"
            )
            await quota.commit(iid, 1)

        async def instructions() -> int:
            steps = 0

            def count() -> int:
                nonlocal steps
                steps += 1
                return 0  # carry on

            await store._conn.set_progress_handler(count, 1)
            await cycle(7)
            await store._conn.set_progress_handler(None, 1)  # type: ignore[arg-type]
            return steps

        await cycle(7)  # the member's and the guild's counter rows exist from here on
        empty = await instructions()
        await asyncio.gather(*(cycle(member) for member in range(3_000)))
        full = await instructions()
    assert empty > 100  # the handler really counted the statements
    assert full <= empty * 1.05
