"""The operator's wallet in the core: the bot's budget over every guild, ceilings and grants,
approvals, money and the usage chart, on a real database (SQLite; PostgreSQL when offered)."""

from __future__ import annotations

import asyncio
import io
import itertools
import multiprocessing
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from bot.clock import FakeClock
from bot.guild_access import GuildAccess
from bot.money import Price
from bot.quota import (
    AboveCeiling,
    BotBudget,
    DayUsage,
    InvalidPolicy,
    MemberUsage,
    ModelUsage,
    Period,
    QuotaDefaults,
    QuotaExceeded,
    QuotaService,
    Reservation,
    UsageReport,
)
from bot.store import Store, open_store
from bot.usage_chart import (
    BACKGROUND,
    HEIGHT,
    PLOT_BOTTOM,
    PLOT_LEFT,
    PLOT_RIGHT,
    WIDTH,
    days_of,
    usage_chart,
)
from bot.wallet import usage_lines
from tests.databases import query

GUILDS = (11, 12, 13)
WEDNESDAY_NOON = datetime(2025, 1, 15, 12, 0, tzinfo=UTC)
_ids = itertools.count(1_000)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(WEDNESDAY_NOON)


Make = Callable[..., QuotaService]


@pytest.fixture
def make(store: Store, clock: FakeClock) -> Make:
    def factory(
        bot: int = 50,
        period: Period = "day",
        *,
        guild: int = 1_000,
        ceiling: int = 1_000_000,
        on: Store | None = None,
    ) -> QuotaService:
        return QuotaService(
            on or store,
            QuotaDefaults(guild, 0, "day"),
            clock=clock,
            ceiling=ceiling,
            bot_budget=BotBudget(bot, period),
        )

    return factory


async def reserve(quota: QuotaService, cost: int = 1, *, guild: int = GUILDS[0], **kw: Any):
    return await quota.reserve(
        interaction_id=kw.pop("interaction_id", None) or next(_ids),
        guild_id=guild,
        member_id=kw.pop("member", 7),
        cost=cost,
        model=kw.pop("model", "openai/dall-e-3"),
        size="1024x1024",
    )


async def attempt(quota: QuotaService, cost: int, guild: int, iid: int | None = None):
    try:
        return await reserve(quota, cost, guild=guild, interaction_id=iid)
    except QuotaExceeded as refused:
        return refused


# -- the bot's budget: exact under concurrency ---------------------------------------------------


@pytest.fixture(params=["one store", "two stores"])
async def services(
    request: pytest.FixtureRequest, make: Make, database: str | Path
) -> AsyncIterator[list[QuotaService]]:
    if request.param == "one store":
        yield [make(50)]
        return
    other = await open_store(database)
    yield [make(50), make(50, on=other)]
    await other.close()


async def test_200_requests_across_three_guilds_get_exactly_the_bots_50(
    services: list[QuotaService], database: str | Path
) -> None:
    results = await asyncio.gather(
        *(attempt(services[i % len(services)], 1, GUILDS[i % 3]) for i in range(200))
    )
    granted = [r for r in results if isinstance(r, Reservation)]
    refused = [r for r in results if isinstance(r, QuotaExceeded)]
    assert len(granted) == 50
    assert {(r.scope, r.remaining, r.limit) for r in refused} == {("bot", 0, 50)}
    assert len({r.guild_id for r in granted}) == 3  # every guild had a share
    assert await query(database, "SELECT COUNT(*), SUM(credits) FROM ledger") == [(50, 50)]
    assert await query(database, "SELECT day, credits FROM bot_usage") == [("2025-01-15", 50)]
    assert (await services[0].bot_status()).used == 50


def _race_in_a_process(database: str | Path, first_id: int, start: Any) -> list[int]:
    """One bot process: 100 one-credit requests over three guilds; returns credits granted."""

    async def race() -> list[int]:
        async with await open_store(database) as store:
            quota = QuotaService(
                store, QuotaDefaults(1_000, 0, "day"), bot_budget=BotBudget(50, "day")
            )
            start.wait(timeout=60)
            results = await asyncio.gather(
                *(attempt(quota, 1, GUILDS[i % 3], first_id + i) for i in range(100))
            )
        return [r.reserved if isinstance(r, Reservation) else 0 for r in results]

    return asyncio.run(race())


def test_two_processes_with_200_requests_across_three_guilds_grant_exactly_50(
    database: str | Path,
) -> None:
    asyncio.run(_migrated(database))
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(2, mp_context=context) as pool:
        start = manager.Barrier(2)
        halves = [
            pool.submit(_race_in_a_process, database, 10_000 * (half + 1), start) for half in (0, 1)
        ]
        granted = [credits for half in halves for credits in half.result(timeout=120)]
    assert sum(granted) == 50
    assert len(granted) == 200
    [(rows, credits)] = asyncio.run(query(database, "SELECT COUNT(*), SUM(credits) FROM ledger"))
    assert (rows, credits) == (50, 50)
    [(counted,)] = asyncio.run(query(database, "SELECT SUM(credits) FROM bot_usage"))
    assert counted == 50


async def _migrated(database: str | Path) -> None:
    await (await open_store(database)).close()


# -- settlements, resets and periods -------------------------------------------------------------


async def test_refunds_and_partial_commits_give_the_bot_its_credits_back(make: Make) -> None:
    quota = make(10)
    first = await reserve(quota, 6, guild=GUILDS[0])
    second = await reserve(quota, 4, guild=GUILDS[1])
    refused = await attempt(quota, 1, GUILDS[2])
    assert isinstance(refused, QuotaExceeded)
    assert refused.scope == "bot"
    await quota.refund(first.interaction_id, "failed")
    assert (await quota.bot_status()).used == 4
    await quota.commit(second.interaction_id, 1)  # 3 of the 4 go back
    assert (await quota.bot_status()).used == 1
    assert isinstance(await attempt(quota, 9, GUILDS[2]), Reservation)
    assert isinstance(await attempt(quota, 1, GUILDS[2]), QuotaExceeded)


async def test_late_settlement_lowers_the_day_it_was_reserved(make: Make, clock: FakeClock) -> None:
    quota = make(10, "week")
    early = await reserve(quota, 7)
    clock.advance(days=1)
    await quota.recover_pending(timedelta(hours=1))  # kept: an unknown outcome stays spent
    await reserve(quota, 3)
    assert isinstance(await attempt(quota, 1, GUILDS[0]), QuotaExceeded)
    await quota.refund(early.interaction_id, "late")  # already settled: nothing changes
    assert (await quota.bot_status()).used == 10
    late = await reserve(make(20, "week"), 4)
    clock.advance(days=1)
    await make(20, "week").refund(late.interaction_id, "failed")
    assert (await make(20, "week").bot_status()).used == 10


async def test_an_admins_reset_does_not_refund_the_operator(make: Make) -> None:
    quota = make(10)
    await reserve(quota, 10)
    assert await quota.reset(GUILDS[0], actor_id=1) == 10
    assert (await quota.status(GUILDS[0], 7)).guild_used == 0
    refused = await attempt(quota, 1, GUILDS[0])
    assert isinstance(refused, QuotaExceeded)
    assert refused.scope == "bot"


async def test_the_bots_budget_comes_back_when_its_period_rolls_over(
    make: Make, clock: FakeClock
) -> None:
    quota = make(5)
    await reserve(quota, 5)
    refused = await attempt(quota, 1, GUILDS[1])
    assert isinstance(refused, QuotaExceeded)
    assert refused.resets_at == datetime(2025, 1, 16, tzinfo=UTC)
    assert refused.period == "day"
    clock.set(datetime(2025, 1, 16, 0, 0, tzinfo=UTC))
    assert isinstance(await attempt(quota, 5, GUILDS[1]), Reservation)
    assert (await quota.bot_status()).used == 5


async def test_a_weekly_budget_counts_every_day_of_the_week(make: Make, clock: FakeClock) -> None:
    quota = make(5, "week")
    await reserve(quota, 3)
    clock.advance(days=2)  # Friday, same week
    await reserve(quota, 2, guild=GUILDS[1])
    refused = await attempt(quota, 1, GUILDS[2])
    assert isinstance(refused, QuotaExceeded)
    assert refused.resets_at == datetime(2025, 1, 20, tzinfo=UTC)  # Monday
    clock.set(datetime(2025, 1, 20, 0, 0, tzinfo=UTC))
    assert isinstance(await attempt(quota, 5, GUILDS[2]), Reservation)


async def test_no_bot_budget_refuses_nothing_and_takes_no_bot_row(
    make: Make, database: str | Path
) -> None:
    quota = make(0)
    for guild in GUILDS:
        await reserve(quota, 400, guild=guild)
    status = await quota.bot_status()
    assert (status.limit, status.used) == (0, 1_200)  # summed from the ledger
    assert await query(database, "SELECT COUNT(*) FROM bot_usage") == [(0,)]


async def test_a_budget_turned_on_counts_what_was_spent_without_it(make: Make) -> None:
    unlimited = make(0)
    kept = await reserve(unlimited, 30)
    pending = await reserve(unlimited, 5, guild=GUILDS[1])
    await unlimited.commit(kept.interaction_id, 30)
    limited = make(50)  # the bot restarted with BOT_CREDITS=50
    await reserve(limited, 3, guild=GUILDS[2])  # counted: the day's row holds 3
    await limited.refund(pending.interaction_id, "failed")  # never counted: 0, not -2
    assert (await limited.bot_status()).used == 0
    await limited.reconcile_bot()
    assert (await limited.bot_status()).used == 33
    results = await asyncio.gather(*(attempt(limited, 1, GUILDS[i % 2]) for i in range(40)))
    assert sum(isinstance(r, Reservation) for r in results) == 17
    await limited.purge_guild(GUILDS[2])  # it leaves; what it spent stays spent
    await limited.reconcile_bot()
    assert (await limited.bot_status()).used == 50


async def test_a_guild_refusal_comes_before_the_bots(make: Make) -> None:
    quota = make(100, guild=3)
    refused = await attempt(quota, 4, GUILDS[0])
    assert isinstance(refused, QuotaExceeded)
    assert refused.scope == "guild"
    assert (await quota.bot_status()).used == 0


# -- ceilings and grants -------------------------------------------------------------------------


async def test_an_admin_cannot_set_above_the_ceiling(store: Store, make: Make) -> None:
    quota = make(0, guild=100, ceiling=150)
    with pytest.raises(AboveCeiling) as refused:
        await quota.set_policy(GUILDS[0], guild_credits=151, actor_id=1)
    assert refused.value.ceiling == 150
    assert (await quota.policy(GUILDS[0])).guild_credits == 100  # nothing stored
    await quota.set_policy(GUILDS[0], guild_credits=150, actor_id=1)
    assert (await quota.status(GUILDS[0], 7)).guild_limit == 150


async def test_a_granted_guild_can_set_more_and_only_that_guild(store: Store, make: Make) -> None:
    quota = make(0, guild=100, ceiling=150)
    await GuildAccess(store).grant(GUILDS[0], 500)
    assert await quota.ceiling(GUILDS[0]) == 500
    await quota.set_policy(GUILDS[0], guild_credits=500, actor_id=1)
    assert (await quota.status(GUILDS[0], 7)).guild_limit == 500
    with pytest.raises(AboveCeiling):
        await quota.set_policy(GUILDS[1], guild_credits=500, actor_id=1)


async def test_a_guild_above_its_ceiling_is_held_to_it_and_keeps_its_value(
    store: Store, make: Make
) -> None:
    generous = make(0, guild=100, ceiling=1_000)
    await generous.set_policy(GUILDS[0], guild_credits=800, actor_id=1)
    strict = make(0, guild=100, ceiling=200)  # the operator lowered QUOTA_GUILD_CREDITS_MAX
    assert (await strict.status(GUILDS[0], 7)).guild_limit == 200
    held = await strict.held_to_ceiling()
    assert [(h.guild_id, h.stored, h.ceiling) for h in held] == [(GUILDS[0], 800, 200)]
    await reserve(strict, 200)
    assert isinstance(await attempt(strict, 1, GUILDS[0]), QuotaExceeded)
    await GuildAccess(store).grant(GUILDS[0], 900)  # the grant restores the stored value
    assert (await strict.status(GUILDS[0], 7)).guild_limit == 800
    assert await strict.held_to_ceiling() == []


async def test_grants_are_validated(store: Store) -> None:
    access = GuildAccess(store)
    for bad in (-1, 1_000_001):
        with pytest.raises(InvalidPolicy):
            await access.grant(GUILDS[0], bad)
    with pytest.raises(ValueError, match="positive"):
        await access.approve(0)


# -- approvals -----------------------------------------------------------------------------------


async def test_open_access_serves_every_guild_without_reading(store: Store) -> None:
    assert await GuildAccess(store, "open").allowed(GUILDS[0])


async def test_an_approval_reaches_another_process_within_the_cache_time(store: Store) -> None:
    now = [100.0]
    bot = GuildAccess(store, "approved", ttl=2.0, monotonic=lambda: now[0])
    operator = GuildAccess(store, "approved")  # the command line, on its own store
    assert not await bot.allowed(GUILDS[0])
    await operator.approve(GUILDS[0])
    now[0] += 1.9
    assert not await bot.allowed(GUILDS[0])  # cached: no database trip yet
    now[0] += 0.2
    assert await bot.allowed(GUILDS[0])
    await operator.approve(GUILDS[0], False)
    now[0] += 2.1
    assert not await bot.allowed(GUILDS[0])
    assert not await bot.allowed(GUILDS[1])


async def test_records_keep_name_approval_and_grant(store: Store) -> None:
    access = GuildAccess(store)
    await access.remember(GUILDS[0], "Cat Club")
    await access.approve(GUILDS[0])
    await access.grant(GUILDS[1], 300)
    await access.remember(GUILDS[0], "Cat Club 2")
    records = {r.guild_id: r for r in await access.records()}
    assert (records[GUILDS[0]].name, records[GUILDS[0]].approved) == ("Cat Club 2", True)
    assert (records[GUILDS[1]].name, records[GUILDS[1]].credits_max) == (None, 300)
    assert records[GUILDS[0]].credits_max is None


async def test_leaving_a_guild_keeps_the_operators_word_and_the_bill(
    store: Store, make: Make, database: str | Path
) -> None:
    quota = make(10)
    access = GuildAccess(store)
    await access.approve(GUILDS[0])
    await reserve(quota, 6)
    await quota.purge_guild(GUILDS[0])
    assert [r.approved for r in await access.records()] == [True]
    assert (await quota.bot_status()).used == 6  # leaving does not give the money back


# -- money and the reports -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("price", "amount", "expected"),
    [
        ("0.04", 12, "0.48 USD"),
        ("0.001", 3, "0.003 EUR"),
        ("2", 5, "10.00 EUR"),
        ("0.1", 3, "0.30 EUR"),
    ],
)
def test_amounts_are_exact_decimals(price: str, amount: int, expected: str) -> None:
    currency = expected.split()[1]
    assert Price(Decimal(price), currency).format(amount) == expected


async def test_usage_lines_count_what_the_operator_pays(
    store: Store, make: Make, clock: FakeClock
) -> None:
    quota = make(0)
    kept = await reserve(quota, 4, model="a")
    await quota.commit(kept.interaction_id, 3)
    refunded = await reserve(quota, 5, model="a")
    await quota.refund(refunded.interaction_id, "failed")
    await reserve(quota, 2, guild=GUILDS[1], model="b")
    await quota.reset(GUILDS[1], actor_id=1)  # forgiven, still paid for
    old = clock()
    clock.advance(days=3)
    await reserve(quota, 1, model="a")
    await GuildAccess(store).remember(GUILDS[0], "Cat Club")
    lines = await usage_lines(store, old.replace(hour=0))
    assert [(u.guild_id, u.name, u.model, u.requests, u.credits) for u in lines] == [
        (GUILDS[0], "Cat Club", "a", 2, 4),
        (GUILDS[1], None, "b", 1, 2),
    ]
    recent = await usage_lines(store, clock().replace(hour=0))
    assert [(u.guild_id, u.credits) for u in recent] == [(GUILDS[0], 1)]


# -- the chart -------------------------------------------------------------------------------------


def _report(days: dict[int, dict[str, int]]) -> UsageReport:
    """A January report with the given credits per day of the month and model."""
    by_day = tuple(
        DayUsage(date(2025, 1, d), model, c)
        for d, models in sorted(days.items())
        for model, c in models.items()
    )
    totals: dict[str, int] = {}
    for usage in by_day:
        totals[usage.model] = totals.get(usage.model, 0) + usage.credits
    return UsageReport(
        period="month",
        period_start=datetime(2025, 1, 1, tzinfo=UTC),
        resets_at=datetime(2025, 2, 1, tzinfo=UTC),
        credits=sum(totals.values()),
        requests=len(by_day),
        by_member=(MemberUsage(101, 30, 3), MemberUsage(102, 5, 1)),
        by_model=tuple(ModelUsage(m, c, 1) for m, c in sorted(totals.items(), key=lambda i: -i[1])),
        by_day=by_day,
    )


def _bars(image: Image.Image, report: UsageReport) -> list[bool]:
    """Whether each day's slot has a coloured pixel just above the plot's baseline."""
    days = days_of(report)
    slot = (PLOT_RIGHT - PLOT_LEFT) / len(days)
    rgb = image.convert("RGB")
    return [
        rgb.getpixel((int(PLOT_LEFT + slot * i + slot / 2), PLOT_BOTTOM - 2)) != BACKGROUND
        for i in range(len(days))
    ]


def test_the_chart_has_one_bar_per_day_with_usage() -> None:
    report = _report({2: {"a": 5}, 3: {"a": 1, "b": 4}, 17: {"b": 20}, 31: {"a": 1}})
    image = Image.open(io.BytesIO(usage_chart(report, str.upper)))
    assert image.format == "PNG"
    assert image.size == (WIDTH, HEIGHT)
    bars = _bars(image, report)
    assert len(bars) == 31
    assert [day for day, bar in enumerate(bars, start=1) if bar] == [2, 3, 17, 31]
    colours = {c for _, c in image.convert("RGB").getcolors(maxcolors=100_000) or []}
    assert len(colours) > 5  # not blank: text, two models and the members' bars


def test_the_tallest_day_fills_the_plot_and_models_stack() -> None:
    report = _report({10: {"a": 10, "b": 10}, 11: {"a": 5}})
    rgb = Image.open(io.BytesIO(usage_chart(report, str))).convert("RGB")
    days = days_of(report)
    slot = (PLOT_RIGHT - PLOT_LEFT) / len(days)
    x10, x11 = (int(PLOT_LEFT + slot * i + slot / 2) for i in (9, 10))
    low, high = rgb.getpixel((x10, PLOT_BOTTOM - 2)), rgb.getpixel((x10, 40))
    assert low != high
    assert BACKGROUND not in (low, high)
    assert rgb.getpixel((x11, 100)) == BACKGROUND  # half as tall: nothing up there
    assert rgb.getpixel((x11, PLOT_BOTTOM - 2)) == low
