"""The quota rules, on a real database (SQLite; PostgreSQL when offered) and a fake clock."""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from bot.clock import FakeClock
from bot.quota import (
    MAX_CREDITS,
    BudgetMismatch,
    InvalidPolicy,
    MemberUsage,
    ModelUsage,
    Period,
    QuotaDefaults,
    QuotaExceeded,
    QuotaService,
    Reservation,
    Window,
)
from bot.store import Store, open_store
from tests.databases import query

GUILD = 10
ALICE, BOB, CAROL = 101, 102, 103
WEDNESDAY_NOON = datetime(2025, 1, 15, 12, 0, tzinfo=UTC)
_ids = itertools.count(1_000)


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(WEDNESDAY_NOON)


ServiceFactory = Callable[..., QuotaService]


@pytest.fixture
def make(store: Store, clock: FakeClock) -> ServiceFactory:
    def factory(
        guild: int = 50,
        member: int = 0,
        period: Period = "day",
        *,
        refund_unknown: bool = False,
        on: Store | None = None,
    ) -> QuotaService:
        return QuotaService(
            on or store,
            QuotaDefaults(guild, member, period),
            refund_unknown=refund_unknown,
            clock=clock,
        )

    return factory


async def reserve(
    quota: QuotaService,
    cost: int = 1,
    *,
    member: int = ALICE,
    guild: int = GUILD,
    model: str = "openai/dall-e-3",
    interaction_id: int | None = None,
    prompt: str | None = "a cat",
) -> Reservation:
    return await quota.reserve(
        interaction_id=next(_ids) if interaction_id is None else interaction_id,
        guild_id=guild,
        member_id=member,
        cost=cost,
        model=model,
        size="1024x1024",
        prompt=prompt,
    )


async def outcome(attempt: Awaitable[Reservation]) -> Reservation | QuotaExceeded:
    try:
        return await attempt
    except QuotaExceeded as refused:
        return refused


# -- concurrency -------------------------------------------------------------------------------


@pytest.fixture(params=["one store", "two stores"])
async def services(
    request: pytest.FixtureRequest, make: ServiceFactory, database: str | Path
) -> AsyncIterator[list[QuotaService]]:
    """One service, or two on separate stores of one database (as two processes)."""
    if request.param == "one store":
        yield [make(50)]
        return
    other = await open_store(database)
    yield [make(50), make(50, on=other)]
    await other.close()


async def run_concurrently(
    services: list[QuotaService], costs: list[int]
) -> tuple[list[Reservation], list[QuotaExceeded]]:
    attempts = [
        outcome(reserve(services[i % len(services)], cost, member=i % 7))
        for i, cost in enumerate(costs)
    ]
    results = await asyncio.gather(*attempts)
    granted = [r for r in results if isinstance(r, Reservation)]
    refused = [r for r in results if isinstance(r, QuotaExceeded)]
    return granted, refused


async def test_200_single_credit_requests_get_exactly_the_budget(
    services: list[QuotaService], database: str | Path
) -> None:
    granted, refused = await run_concurrently(services, [1] * 200)
    assert len(granted) == 50
    assert len(refused) == 150
    assert {r.remaining for r in refused} == {0}
    assert await query(database, "SELECT COUNT(*), SUM(credits) FROM ledger") == [(50, 50)]
    assert (await services[0].status(GUILD, 0)).guild_used == 50


async def test_200_mixed_cost_requests_never_overspend(
    services: list[QuotaService], database: str | Path
) -> None:
    # 100 one-credit requests alone exceed the budget, so in any interleaving some of them are
    # refused, which can only happen once the budget is spent to the last credit.
    costs = [(1, 1, 2, 3)[i % 4] for i in range(200)]
    granted, refused = await run_concurrently(services, costs)
    assert sum(r.reserved for r in granted) == 50
    assert all(r.remaining < r.cost for r in refused)
    assert len(granted) + len(refused) == 200
    assert await query(database, "SELECT SUM(credits) FROM ledger") == [(50,)]


SINGLE = [1] * 200
# 100 one-credit requests alone exceed the budget, so in any interleaving some of them are
# refused, which can only happen once the budget is spent to the last credit.
MIXED = [(1, 1, 2, 3)[i % 4] for i in range(200)]


def _reserve_in_a_process(
    database: str | Path, costs: list[int], first_id: int, start: Any
) -> list[tuple[int, int, int]]:
    """One bot process's share of the race: its own event loop and store (pool), released at
    the same moment as the other's. Returns (cost, credits reserved, credits left if refused)."""

    async def race() -> list[tuple[int, int, int]]:
        async with await open_store(database) as store:
            quota = QuotaService(store, QuotaDefaults(50, 0, "day"))
            await reserve(quota, 1, guild=GUILD + 1, interaction_id=first_id - 1)  # warm up
            start.wait(timeout=60)
            results = await asyncio.gather(
                *(
                    outcome(reserve(quota, cost, member=i % 7, interaction_id=first_id + i))
                    for i, cost in enumerate(costs)
                )
            )
        return [
            (cost, r.reserved, 0) if isinstance(r, Reservation) else (cost, 0, r.remaining)
            for cost, r in zip(costs, results, strict=True)
        ]

    return asyncio.run(race())


@pytest.mark.parametrize("costs", [SINGLE, MIXED], ids=["single", "mixed"])
def test_two_processes_reserving_200_at_once_get_exactly_the_budget(
    database: str | Path, costs: list[int]
) -> None:
    """Two bot processes, one database, a budget of 50: not one credit more, none left over."""
    asyncio.run(_migrated(database))
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(2, mp_context=context) as pool:
        start = manager.Barrier(2)
        halves = [
            pool.submit(_reserve_in_a_process, database, costs[half::2], 10_000 * (half + 1), start)
            for half in (0, 1)
        ]
        results = [row for half in halves for row in half.result(timeout=120)]
    granted = [reserved for _, reserved, _ in results if reserved]
    refused = [(cost, left) for cost, reserved, left in results if not reserved]
    assert sum(granted) == 50
    assert all(left < cost for cost, left in refused)
    assert len(granted) + len(refused) == 200
    if costs is SINGLE:
        assert len(granted) == 50
    rows = asyncio.run(
        query(database, f"SELECT COUNT(*), SUM(credits) FROM ledger WHERE guild_id = {GUILD}")
    )
    assert rows == [(len(granted), 50)]
    counted = asyncio.run(
        query(
            database,
            f"SELECT SUM(credits) FROM usage_counters WHERE guild_id = {GUILD} AND scope = 'guild'",
        )
    )
    assert counted == [(50,)]


async def _migrated(database: str | Path) -> None:
    await (await open_store(database)).close()


async def test_concurrent_duplicates_of_one_interaction_charge_once(make: ServiceFactory) -> None:
    quota = make(50)
    copies = await asyncio.gather(*(reserve(quota, 3, interaction_id=7) for _ in range(20)))
    assert sorted(c.duplicate for c in copies) == [False] + [True] * 19
    assert (await quota.status(GUILD, ALICE)).guild_used == 3


# -- reservation and settlement ----------------------------------------------------------------


async def test_duplicate_after_settlement_is_not_charged_again(make: ServiceFactory) -> None:
    quota = make(50)
    first = await reserve(quota, 4, interaction_id=1)
    assert await quota.refund(1, "api error")
    again = await reserve(quota, 4, interaction_id=1)
    assert (first.duplicate, again.duplicate) == (False, True)
    assert (again.state, again.credits) == ("refunded", 0)
    assert (await quota.status(GUILD, ALICE)).guild_used == 0


async def test_partial_commit_gives_the_rest_back(
    make: ServiceFactory, database: str | Path
) -> None:
    quota = make(50)
    await reserve(quota, 4, interaction_id=1)
    assert await quota.commit(1, 2)
    assert (await quota.status(GUILD, ALICE)).guild_used == 2
    assert await query(database, "SELECT state, reserved, credits FROM ledger") == [
        ("committed", 4, 2)
    ]


async def test_commit_more_than_reserved_is_refused(make: ServiceFactory) -> None:
    quota = make(50)
    await reserve(quota, 2, interaction_id=1)
    with pytest.raises(ValueError, match="only 2 were reserved"):
        await quota.commit(1, 3)
    with pytest.raises(ValueError, match="negative"):
        await quota.commit(1, -1)
    assert await quota.commit(1, 2)


async def test_refund_gives_everything_back_once(
    make: ServiceFactory, database: str | Path
) -> None:
    quota = make(50)
    await reserve(quota, 5, interaction_id=1)
    assert await quota.refund(1, "content policy")
    assert not await quota.refund(1, "again")
    assert not await quota.commit(1, 5)
    assert not await quota.mark_unknown(1, "late")
    assert (await quota.status(GUILD, ALICE)).guild_used == 0
    assert await query(database, "SELECT state, credits, note FROM ledger") == [
        ("refunded", 0, "content policy")
    ]


async def test_racing_settlements_settle_exactly_once(make: ServiceFactory) -> None:
    quota = make(50)
    await reserve(quota, 5, interaction_id=1)
    results = await asyncio.gather(
        quota.refund(1, "a"), quota.commit(1, 5), quota.mark_unknown(1, "c"), quota.refund(1, "d")
    )
    assert sum(result is not None for result in results) == 1


async def test_settling_an_unknown_interaction_is_a_no_op(make: ServiceFactory) -> None:
    quota = make(50)
    assert not await quota.commit(999, 1)
    assert not await quota.refund(999, "gone")


@pytest.mark.parametrize(
    ("refund_unknown", "state", "used"), [(False, "unknown", 3), (True, "refunded", 0)]
)
async def test_unknown_outcome_follows_the_setting(
    make: ServiceFactory, database: str | Path, refund_unknown: bool, state: str, used: int
) -> None:
    quota = make(50, refund_unknown=refund_unknown)
    await reserve(quota, 3, interaction_id=1)
    assert await quota.mark_unknown(1, "read timeout")
    assert not await quota.mark_unknown(1, "read timeout")
    assert (await quota.status(GUILD, ALICE)).guild_used == used
    ((got_state, note),) = await query(database, "SELECT state, note FROM ledger")
    assert got_state == state
    assert "read timeout" in str(note)


@pytest.mark.parametrize(("refund_unknown", "used"), [(False, 2 + 3 + 4), (True, 4)])
async def test_crash_recovery_settles_old_pending_reservations(
    database: str | Path, clock: FakeClock, refund_unknown: bool, used: int
) -> None:
    defaults = QuotaDefaults(50, 0, "day")
    before = await open_store(database)
    crashed = QuotaService(before, defaults, clock=clock)
    await reserve(crashed, 2, interaction_id=1)
    await reserve(crashed, 3, interaction_id=2)
    await before.close()  # the bot died without settling

    clock.advance(minutes=20)
    async with await open_store(database) as after:
        quota = QuotaService(after, defaults, refund_unknown=refund_unknown, clock=clock)
        await reserve(quota, 4, interaction_id=3)  # in flight right now: must stay pending
        assert await quota.recover_pending(timedelta(minutes=15)) == 2
        assert await quota.recover_pending(timedelta(minutes=15)) == 0
        assert (await quota.status(GUILD, ALICE)).guild_used == used
        assert await quota.commit(3, 4)
        assert not await quota.commit(1, 2)
    states = await query(
        database, "SELECT interaction_id, state FROM ledger ORDER BY interaction_id"
    )
    lost = "refunded" if refund_unknown else "unknown"
    assert states == [(1, lost), (2, lost), (3, "committed")]


async def test_cost_and_n_must_be_positive(make: ServiceFactory) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        await reserve(make(50), 0)


# -- budgets, refusals and periods -------------------------------------------------------------


async def test_refusal_says_what_is_left_and_when_it_resets(
    make: ServiceFactory, database: str | Path
) -> None:
    quota = make(10)
    await reserve(quota, 8)
    with pytest.raises(QuotaExceeded) as refused:
        await reserve(quota, 3, member=BOB)
    error = refused.value
    assert (error.scope, error.limit, error.remaining, error.cost) == ("guild", 10, 2, 3)
    assert error.resets_at == utc(2025, 1, 16)
    assert await query(database, "SELECT COUNT(*) FROM ledger") == [
        (1,)
    ]  # the refusal cost nothing
    assert (await reserve(quota, 2, member=BOB)).reserved == 2


async def test_member_budget_inside_the_guild_budget(make: ServiceFactory) -> None:
    quota = make(guild=12, member=5)
    await reserve(quota, 3, member=ALICE)
    await reserve(quota, 2, member=ALICE)
    with pytest.raises(QuotaExceeded) as refused:
        await reserve(quota, 1, member=ALICE)
    assert (refused.value.scope, refused.value.remaining, refused.value.limit) == ("member", 0, 5)
    await reserve(quota, 5, member=BOB)
    with pytest.raises(QuotaExceeded) as refused:
        await reserve(quota, 3, member=CAROL)  # Carol has 5 of her own, the guild only 2
    assert (refused.value.scope, refused.value.remaining) == ("guild", 2)

    status = await quota.status(GUILD, ALICE)
    assert (status.guild_used, status.guild_remaining) == (10, 2)
    assert (status.member_used, status.member_limit, status.member_remaining) == (5, 5, 0)
    assert status.available == 0
    assert (await quota.status(GUILD, CAROL)).available == 2


async def test_status_without_member_budget(make: ServiceFactory) -> None:
    quota = make(guild=20, member=0)
    await reserve(quota, 15, member=ALICE)
    status = await quota.status(GUILD, ALICE)
    assert (status.member_limit, status.member_remaining, status.member_used) == (None, None, 15)
    assert status.available == 5
    assert (status.period, status.period_start, status.resets_at) == (
        "day",
        utc(2025, 1, 15),
        utc(2025, 1, 16),
    )


@pytest.mark.parametrize(
    ("period", "now", "start", "end"),
    [
        ("day", utc(2025, 1, 15, 12), utc(2025, 1, 15), utc(2025, 1, 16)),
        ("day", utc(2024, 12, 31, 23, 59, 59), utc(2024, 12, 31), utc(2025, 1, 1)),
        ("week", utc(2025, 1, 15, 12), utc(2025, 1, 13), utc(2025, 1, 20)),  # Wed -> Mon
        ("week", utc(2025, 1, 13), utc(2025, 1, 13), utc(2025, 1, 20)),  # Monday 00:00
        ("week", utc(2025, 1, 19, 23, 59), utc(2025, 1, 13), utc(2025, 1, 20)),  # Sunday
        ("week", utc(2024, 12, 31), utc(2024, 12, 30), utc(2025, 1, 6)),  # across the year
        ("month", utc(2025, 1, 31, 23, 59), utc(2025, 1, 1), utc(2025, 2, 1)),
        ("month", utc(2024, 2, 29, 8), utc(2024, 2, 1), utc(2024, 3, 1)),
        ("month", utc(2024, 12, 15), utc(2024, 12, 1), utc(2025, 1, 1)),
    ],
)
def test_windows_are_utc_calendar_periods(
    period: Period, now: datetime, start: datetime, end: datetime
) -> None:
    window = Window.containing(period, now)
    assert (window.start, window.end) == (start, end)


def test_window_of_a_non_utc_time_uses_the_utc_date() -> None:
    tokyo = timezone(timedelta(hours=9))
    window = Window.containing("day", datetime(2025, 1, 16, 8, 0, tzinfo=tokyo))  # 23:00 UTC
    assert window.start == utc(2025, 1, 15)


@pytest.mark.parametrize(
    ("period", "last_moment", "reset"),
    [
        ("day", utc(2025, 1, 15, 23, 59, 59, 999999), utc(2025, 1, 16)),
        ("week", utc(2025, 1, 19, 23, 59, 59, 999999), utc(2025, 1, 20)),
        ("month", utc(2025, 1, 31, 23, 59, 59, 999999), utc(2025, 2, 1)),
    ],
)
async def test_budget_comes_back_when_the_period_rolls_over(
    make: ServiceFactory,
    clock: FakeClock,
    period: Period,
    last_moment: datetime,
    reset: datetime,
) -> None:
    quota = make(guild=3, period=period)
    await reserve(quota, 3)
    clock.set(last_moment)
    with pytest.raises(QuotaExceeded) as refused:
        await reserve(quota, 1)
    assert refused.value.resets_at == reset
    clock.set(reset)
    assert (await reserve(quota, 3)).period_start == reset
    assert (await quota.status(GUILD, ALICE)).resets_at > reset


async def test_period_change_counts_what_was_spent_in_the_new_window(
    make: ServiceFactory, clock: FakeClock
) -> None:
    quota = make(guild=10, period="day")
    clock.set(utc(2025, 1, 13, 9))  # Monday
    await reserve(quota, 4)
    clock.set(utc(2025, 1, 15, 9))  # Wednesday: a fresh day
    await reserve(quota, 5)
    assert (await quota.status(GUILD, ALICE)).guild_used == 5
    await quota.set_policy(GUILD, period="week", actor_id=1)
    status = await quota.status(GUILD, ALICE)
    assert (status.guild_used, status.resets_at) == (9, utc(2025, 1, 20))


# -- admin -------------------------------------------------------------------------------------


async def test_set_policy_changes_only_the_given_fields(
    make: ServiceFactory, store: Store, clock: FakeClock, database: str | Path
) -> None:
    quota = make(guild=50, member=5, period="day")
    policy = await quota.set_policy(GUILD, member_credits=8, actor_id=ALICE)
    assert (policy.guild_credits, policy.member_credits, policy.period) == (50, 8, "day")
    policy = await quota.set_policy(GUILD, period="month", actor_id=BOB)
    assert (policy.guild_credits, policy.member_credits, policy.period) == (50, 8, "month")
    # Fields never set keep following the defaults; other guilds are untouched.
    changed_defaults = QuotaService(store, QuotaDefaults(70, 1, "week"), clock=clock)
    assert (await changed_defaults.policy(GUILD)).guild_credits == 70
    assert (await changed_defaults.policy(GUILD)).member_credits == 8
    assert (await changed_defaults.policy(GUILD + 1)).period == "week"
    assert await query(database, "SELECT actor_id, action, detail FROM audit_log ORDER BY id") == [
        (ALICE, "set_policy", "member_credits=8"),
        (BOB, "set_policy", "period=month"),
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"guild_credits": -1}, "guild_credits"),
        ({"guild_credits": MAX_CREDITS + 1}, "guild_credits"),
        ({"member_credits": -5}, "member_credits"),
        ({"member_credits": True}, "member_credits"),
        ({"period": "year"}, "period"),
        ({}, None),
    ],
)
async def test_set_policy_validation(
    make: ServiceFactory, change: dict[str, object], field: str | None
) -> None:
    quota = make(guild=50)
    with pytest.raises(InvalidPolicy) as invalid:
        await quota.set_policy(GUILD, actor_id=1, **change)  # type: ignore[arg-type]
    assert invalid.value.field == field
    assert (await quota.policy(GUILD)).guild_credits == 50


async def test_set_policy_accepts_the_limits(make: ServiceFactory) -> None:
    quota = make()
    policy = await quota.set_policy(GUILD, guild_credits=MAX_CREDITS, member_credits=0, actor_id=1)
    assert (policy.guild_credits, policy.member_credits) == (MAX_CREDITS, 0)
    policy = await quota.set_policy(GUILD, guild_credits=0, actor_id=1)
    with pytest.raises(QuotaExceeded):
        await reserve(quota, 1)


async def test_lowering_the_budget_below_use_refuses_further_requests(
    make: ServiceFactory,
) -> None:
    quota = make(guild=20)
    await reserve(quota, 10)
    await quota.set_policy(GUILD, guild_credits=6, actor_id=1)
    with pytest.raises(QuotaExceeded) as refused:
        await reserve(quota, 1)
    assert refused.value.remaining == 0
    assert (await quota.status(GUILD, ALICE)).guild_remaining == 0


def test_defaults_are_validated() -> None:
    with pytest.raises(InvalidPolicy) as invalid:
        QuotaDefaults(-1, 0, "day")
    assert invalid.value.field == "guild_credits"
    with pytest.raises(InvalidPolicy) as invalid:
        QuotaDefaults(1, 0, "fortnight")  # type: ignore[arg-type]
    assert invalid.value.field == "period"


async def test_reset_one_member_forgives_only_their_use(
    make: ServiceFactory, database: str | Path
) -> None:
    quota = make(guild=20, member=6)
    await reserve(quota, 6, member=ALICE, interaction_id=1)
    await reserve(quota, 4, member=BOB)
    assert await quota.reset(GUILD, ALICE, actor_id=CAROL) == 6
    alice = await quota.status(GUILD, ALICE)
    assert (alice.member_used, alice.guild_used) == (0, 4)
    assert (await quota.status(GUILD, BOB)).member_used == 4
    # Alice's reservation was still pending: settling it later must not bring it back.
    assert await quota.commit(1, 6)
    assert (await quota.status(GUILD, ALICE)).member_used == 0
    await reserve(quota, 6, member=ALICE)
    assert await query(database, "SELECT actor_id, action, detail FROM audit_log") == [
        (CAROL, "reset", f"member {ALICE}: 6 credits forgiven")
    ]


async def test_reset_the_whole_guild(make: ServiceFactory, clock: FakeClock) -> None:
    quota = make(guild=10)
    await reserve(quota, 5, member=ALICE, interaction_id=1)
    await reserve(quota, 5, member=BOB)
    await reserve(quota, 2, guild=GUILD + 1)
    assert await quota.reset(GUILD, actor_id=CAROL) == 10
    assert await quota.refund(1, "failed after the reset")  # no negative use, no extra credit
    status = await quota.status(GUILD, ALICE)
    assert (status.guild_used, status.guild_remaining) == (0, 10)
    assert (await quota.status(GUILD + 1, ALICE)).guild_used == 2
    await reserve(quota, 10, member=CAROL)
    clock.advance(minutes=1)
    with pytest.raises(QuotaExceeded):
        await reserve(quota, 1, member=ALICE)
    assert await quota.reset(GUILD, actor_id=CAROL) == 10


async def test_usage_report_orders_top_users_first(make: ServiceFactory, clock: FakeClock) -> None:
    quota = make(guild=100)
    await reserve(quota, 3, member=ALICE, model="openai/dall-e-3")
    await reserve(quota, 3, member=ALICE, model="openai/dall-e-3")
    await reserve(quota, 6, member=CAROL, model="openai/gpt-image-1")
    await reserve(quota, 2, member=BOB, model="openai/dall-e-2")
    await reserve(quota, 1, member=BOB, model="openai/dall-e-2", interaction_id=1)
    await quota.refund(1, "failed")
    await reserve(quota, 9, member=BOB, guild=GUILD + 1)

    report = await quota.usage(GUILD)
    assert report.by_member == (
        MemberUsage(ALICE, 6, 2),  # ties on credits: more requests first
        MemberUsage(CAROL, 6, 1),
        MemberUsage(BOB, 2, 1),  # the refunded request does not count
    )
    assert report.by_model == (
        ModelUsage("openai/dall-e-3", 6, 2),
        ModelUsage("openai/gpt-image-1", 6, 1),
        ModelUsage("openai/dall-e-2", 2, 1),
    )
    assert (report.credits, report.requests, report.period) == (14, 4, "day")

    clock.advance(days=1)
    assert (await quota.usage(GUILD)).by_member == ()


# -- retention ---------------------------------------------------------------------------------


async def test_purge_prompts_forgets_only_old_prompts(
    make: ServiceFactory, clock: FakeClock, database: str | Path
) -> None:
    quota = make(guild=100)
    await reserve(quota, interaction_id=1, prompt="old")
    await reserve(quota, interaction_id=2, prompt=None)
    clock.advance(days=31)
    await reserve(quota, interaction_id=3, prompt="new")
    assert await quota.purge_prompts(timedelta(days=30)) == 1
    assert await quota.purge_prompts(timedelta(days=30)) == 0
    assert await query(database, "SELECT interaction_id, prompt FROM ledger ORDER BY 1") == [
        (1, None),
        (2, None),
        (3, "new"),
    ]


async def test_purge_guild_deletes_everything_of_that_guild_only(
    make: ServiceFactory, database: str | Path
) -> None:
    quota = make(guild=100)
    await quota.set_policy(GUILD, guild_credits=30, actor_id=1)
    await quota.set_policy(GUILD + 1, guild_credits=40, actor_id=1)
    await reserve(quota, 2, interaction_id=1)
    await reserve(quota, 2, interaction_id=2)
    await reserve(quota, 2, guild=GUILD + 1, interaction_id=3)
    assert await quota.purge_guild(GUILD) == 2
    assert not await quota.commit(1, 2)  # a request in flight when the bot left
    assert (await quota.policy(GUILD)).guild_credits == 100
    assert (await quota.policy(GUILD + 1)).guild_credits == 40
    assert await query(database, "SELECT interaction_id FROM ledger") == [(3,)]
    assert await query(database, "SELECT DISTINCT guild_id FROM audit_log") == [(GUILD + 1,)]


# -- clock ---------------------------------------------------------------------------------------


def test_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock(WEDNESDAY_NOON)
    assert clock() == clock() == WEDNESDAY_NOON
    assert clock.advance(timedelta(hours=1), minutes=30) == utc(2025, 1, 15, 13, 30)
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(minutes=-1)
    with pytest.raises(ValueError, match="aware"):
        clock.set(datetime(2025, 1, 1))


async def test_a_naive_clock_is_rejected(store: Store) -> None:
    quota = QuotaService(store, QuotaDefaults(5, 0, "day"), clock=lambda: datetime(2025, 1, 1))
    with pytest.raises(ValueError, match="aware"):
        await quota.status(GUILD, ALICE)


# -- settlements answer the new status; per-member overrides ------------------------------------


async def test_settlements_return_the_members_new_status(make: ServiceFactory) -> None:
    quota = make(guild=20, member=10)
    await reserve(quota, 5, member=BOB)
    await reserve(quota, 4, interaction_id=1)
    await reserve(quota, 3, interaction_id=2)
    await reserve(quota, 2, interaction_id=3)
    committed = await quota.commit(1, 1)
    assert committed is not None
    assert (committed.guild_used, committed.member_used, committed.member_remaining) == (11, 6, 4)
    assert committed == await quota.status(GUILD, ALICE)
    refunded = await quota.refund(2, "failed")
    assert refunded is not None
    assert (refunded.guild_used, refunded.member_used) == (8, 3)
    kept = await quota.mark_unknown(3, "timeout")
    assert kept is not None
    assert (kept.guild_used, kept.guild_remaining, kept.resets_at) == (8, 12, utc(2025, 1, 16))
    assert await quota.commit(1, 1) is None  # already settled: nothing changed, nothing to say


async def test_member_credits_override_replaces_the_guilds_member_budget(
    make: ServiceFactory,
) -> None:
    quota = make(guild=50, member=0)  # the guild has no per-member budget
    await reserve(quota, 2, interaction_id=1)
    status = await quota.status(GUILD, ALICE, member_credits=3)
    assert (status.member_limit, status.member_remaining, status.available) == (3, 1, 1)
    with pytest.raises(QuotaExceeded) as refused:
        await quota.reserve(
            interaction_id=2, guild_id=GUILD, member_id=ALICE, cost=2, model="m",
            size="1024x1024", member_credits=3,
        )  # fmt: skip
    assert (refused.value.scope, refused.value.limit, refused.value.remaining) == ("member", 3, 1)
    settled = await quota.commit(1, 2, member_credits=3)
    assert settled is not None
    assert (settled.member_limit, settled.member_remaining) == (3, 1)
    assert (await quota.status(GUILD, ALICE)).member_limit is None  # no override: the default


async def test_member_credits_override_of_zero_lifts_the_member_budget(
    make: ServiceFactory,
) -> None:
    quota = make(guild=50, member=2)
    await quota.reserve(
        interaction_id=1, guild_id=GUILD, member_id=ALICE, cost=10, model="m", size="1024x1024",
        member_credits=0,
    )  # fmt: skip
    assert (await quota.status(GUILD, ALICE, member_credits=0)).member_remaining is None
    assert (await quota.status(GUILD, ALICE)).member_remaining == 0
    with pytest.raises(QuotaExceeded):
        await reserve(quota, 1)  # without the override the guild's 2 credits apply again


@pytest.mark.parametrize("bad", [-1, MAX_CREDITS + 1, True])
async def test_member_credits_override_is_validated(make: ServiceFactory, bad: int) -> None:
    quota = make(guild=50)
    with pytest.raises(InvalidPolicy, match="member_credits"):
        await quota.status(GUILD, ALICE, member_credits=bad)
    with pytest.raises(InvalidPolicy, match="member_credits"):
        await quota.reserve(
            interaction_id=1, guild_id=GUILD, member_id=ALICE, cost=1, model="m",
            size="1024x1024", member_credits=bad,
        )  # fmt: skip
    assert await quota.find(1) is None


async def test_a_reservation_the_statement_keeps_refusing_fails_loudly_not_for_ever(
    make: ServiceFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SQL refuses what the Python check allows (as an off-by-one in either would): the
    retries end, with an error naming the mismatch, and nothing is recorded."""
    quota = make(guild=50, member=5)
    await reserve(quota, 5, interaction_id=1)
    monkeypatch.setattr("bot.quota._refusal", lambda budget, cost, window: None)
    async with asyncio.timeout(10):
        with pytest.raises(BudgetMismatch, match="refuses 1 credits"):
            await reserve(quota, 1, interaction_id=2)
    assert await quota.find(2) is None
    assert (await quota.status(GUILD, ALICE)).member_used == 5


async def test_a_role_budget_above_the_guild_member_budget_is_what_the_member_gets(
    make: ServiceFactory,
) -> None:
    quota = make(guild=100, member=3)
    await quota.set_policy(GUILD, member_credits=5, actor_id=1)
    granted = await quota.reserve(
        interaction_id=1, guild_id=GUILD, member_id=ALICE, cost=10, model="m", size="1024x1024",
        member_credits=20,
    )  # fmt: skip
    assert granted.reserved == 10
    status = await quota.status(GUILD, ALICE, member_credits=20)
    assert (status.member_limit, status.member_used, status.member_remaining) == (20, 10, 10)
    with pytest.raises(QuotaExceeded) as refused:  # without the role: the guild's 5
        await reserve(quota, 1)
    assert (refused.value.scope, refused.value.limit) == ("member", 5)
