"""The queue with the real quota, store and image client: caps held, every credit accounted for.

No Discord here: the requests go through `GenerationService.reserve` and `run`, as the cog does.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
from collections.abc import AsyncIterator

import pytest

from bot.catalog import load_catalog
from bot.generation import (
    GenerationService,
    LeftLine,
    Requester,
    RequestFailed,
    Reserved,
    ShuttingDown,
    Spent,
    StoreBusy,
)
from bot.images import ImageClient
from bot.metrics import Metrics
from bot.policy import Asker, Paused, PolicyDefaults, PolicyService
from bot.queue import FairQueue, LeaveReason, QueueFull, QueueSettings
from bot.queue_limits import InvalidQueueLimit, QueueLimits
from bot.quota import QuotaDefaults, QuotaService
from bot.rule_changes import refusal_on_joining
from bot.store import SQLiteStore, Store, StoreUnavailable
from tests.databases import sqlite_write_lock
from tests.fakes.image_gateway import FakeImageGateway
from tests.test_metrics import refusal_counts

KEY = "sk-queue-test"
FILE_LIMIT = 25 * 1024 * 1024
_ids = itertools.count(1)


@pytest.fixture
async def gateway_and_client() -> AsyncIterator[tuple[FakeImageGateway, ImageClient]]:
    async with FakeImageGateway(api_key=KEY, validate=False) as gateway:
        client = ImageClient(gateway.base_url, KEY, allow_private_downloads=True)
        try:
            yield gateway, client
        finally:
            await client.close()


@pytest.fixture
def parts(
    gateway_and_client: tuple[FakeImageGateway, ImageClient], store: Store
) -> tuple[FakeImageGateway, Store, ImageClient]:
    gateway, client = gateway_and_client
    return gateway, store, client


def service(
    parts, settings: QueueSettings, metrics: Metrics | None = None
) -> tuple[GenerationService, QuotaService]:
    _, store, client = parts
    quota = QuotaService(store, QuotaDefaults(1_000_000, 0, "day"))
    queue = FairQueue(settings)
    return GenerationService(client, quota, queue, metrics=metrics or Metrics()), quota


def request(guild: int, member: int) -> Requester:
    return Requester(next(_ids), guild, member, channel_id=1)


PLAN = load_catalog().plan("a fox in the snow", model_id="openai/dall-e-3")


async def test_a_thousand_requests_across_fifty_guilds_stay_under_the_caps_and_all_pay(
    parts,
) -> None:
    gateway = parts[0]
    gateway.delay = 0.01
    generation, quota = service(
        parts,
        QueueSettings(
            global_concurrency=8, guild_concurrency=2, queue_limit=1000, member_queue_limit=1000
        ),
    )
    who = [
        request(guild, member) for _ in range(5) for guild in range(1, 51) for member in range(1, 5)
    ]

    async def one(requester: Requester) -> int:
        reserved = await generation.reserve(requester, PLAN)
        return (await generation.run(reserved, FILE_LIMIT)).credits

    spent = await asyncio.gather(*(one(r) for r in who))
    assert len(spent) == 1000
    assert sum(spent) == 1000 * PLAN.credits
    assert len(gateway.requests) == 1000
    assert 4 <= gateway.max_in_flight <= 8  # really concurrent, never above the cap
    used = [(await quota.status(g, 1)).guild_used for g in range(1, 51)]
    assert used == [20 * PLAN.credits] * 50  # every guild paid exactly for its 20 images
    assert generation.queue.totals().running == generation.queue.totals().waiting == 0


@pytest.mark.parametrize("reason", [LeaveReason.CANCELLED, LeaveReason.TIMED_OUT, "shutdown"])
async def test_a_request_that_leaves_the_line_is_refunded_exactly(parts, reason) -> None:
    gateway = parts[0]
    gateway.delay = 0.5
    timeout = 0.2 if reason is LeaveReason.TIMED_OUT else 60
    generation, quota = service(parts, QueueSettings(member_concurrency=1, timeout=timeout))
    first, second = request(7, 1), request(7, 1)
    running = asyncio.create_task(generation.run(await generation.reserve(first, PLAN), FILE_LIMIT))
    waiting_request = await generation.reserve(second, PLAN)
    waiting = asyncio.create_task(generation.run(waiting_request, FILE_LIMIT))
    assert (await quota.status(7, 1)).guild_used == 2 * PLAN.credits  # both reserved
    await asyncio.sleep(0)
    if reason is LeaveReason.CANCELLED:
        assert waiting_request.ticket.cancel()
    elif reason == "shutdown":
        await generation.shutdown(grace=5)
    expected = ShuttingDown if reason == "shutdown" else LeftLine
    with pytest.raises(expected):
        await waiting
    await running
    rows = [await quota.find(r.interaction_id) for r in (first, second)]
    assert [row.state if row else None for row in rows] == ["committed", "refunded"]
    assert (await quota.status(7, 1)).guild_used == PLAN.credits
    assert len(gateway.requests) == 1


async def test_a_guild_s_queue_limits_are_stored_and_reach_every_process_s_queue(
    store: Store,
) -> None:
    """Stored in the shared database: a process that starts later (or restarts) applies them."""
    settings = QueueSettings(
        global_concurrency=8, guild_concurrency=4, member_concurrency=3, queue_limit=20
    )
    limits = QueueLimits(store, FairQueue(settings))
    applied = await limits.update(7, actor_id=1, guild_concurrency=2, queue_limit=5)
    assert (applied.guild_concurrency, applied.member_concurrency, applied.queue_limit) == (2, 3, 5)
    # Changing one limit keeps the others.
    again = await limits.update(7, actor_id=1, member_concurrency=1)
    assert (again.guild_concurrency, again.member_concurrency, again.queue_limit) == (2, 1, 5)
    with pytest.raises(InvalidQueueLimit):
        await limits.update(7, actor_id=1, guild_concurrency=5)  # above the process-wide cap

    later = FairQueue(settings)
    assert await QueueLimits(store, later).load() == 1
    assert later.limits(7) == again
    assert later.limits(8).guild_concurrency == 4  # another guild keeps the settings

    await limits.purge_guild(7)
    fresh = FairQueue(settings)
    assert await QueueLimits(store, fresh).load() == 0
    assert fresh.limits(7).queue_limit == 20


async def test_refusals_are_audited_and_counted_under_the_same_rule(
    gateway_and_client, tmp_path, monkeypatch, caplog
) -> None:
    caplog.set_level(logging.INFO, logger="imagine.audit")
    monkeypatch.setattr("bot.store.sqlite.BUSY_TIMEOUT_MS", 200)  # for the store opened below
    gateway, client = gateway_and_client
    metrics = Metrics()
    path = tmp_path / "busy.sqlite3"
    async with await SQLiteStore.open(path) as store:
        settings = QueueSettings(member_concurrency=1, queue_limit=0)
        generation, _ = service((gateway, store, client), settings, metrics)
        await generation.reserve(request(7, 1), PLAN)  # holds the member's one slot
        with pytest.raises(QueueFull):
            await generation.reserve(request(7, 1), PLAN)
        async with sqlite_write_lock(path):  # another process holds the write lock
            with pytest.raises(StoreBusy):
                await generation.reserve(request(8, 1), PLAN)
        await generation.shutdown(grace=0)
        with pytest.raises(ShuttingDown):
            await generation.reserve(request(9, 1), PLAN)
    audited = [r.getMessage() for r in caplog.records if r.name == "imagine.audit"]
    reasons = [match[1] for line in audited if (match := re.search(r" reason=(\S+)", line))]
    assert reasons == ["queue_full", "database_busy", "shutting_down"]
    assert refusal_counts(metrics) == dict.fromkeys(reasons, 1)


async def test_credits_the_gateway_billed_for_a_failure_count_as_spent(parts) -> None:
    """Unusable results are still billed: the spending metric must match the gateway's bill."""
    gateway = parts[0]
    gateway.fail_next("not_image")
    metrics = Metrics()
    generation, quota = service(parts, QueueSettings(), metrics)
    who = request(7, 1)
    with pytest.raises(RequestFailed) as failed:
        await generation.run(await generation.reserve(who, PLAN), FILE_LIMIT)
    assert failed.value.spent == Spent(PLAN.credits)
    assert (await quota.status(7, 1)).guild_used == PLAN.credits
    spent = metrics.registry.get_sample_value(
        "imagine_credits_spent_total", {"model": PLAN.model.id, "operation": "generation"}
    )
    assert spent == PLAN.credits


async def test_a_result_with_one_unusable_image_is_charged_for_both(parts) -> None:
    """gpt-image-1, n=2: the gateway bills both results; one of them cannot be opened."""
    gateway = parts[0]
    gateway.fail_next("not_image", images=1)
    plan = load_catalog().plan("two owls", model_id="openai/gpt-image-1", quality="medium", n=2)
    assert plan.credits_per_image > 1  # a price that n=1 or a flat charge would give away
    generation, quota = service(parts, QueueSettings())
    who = request(7, 1)
    generated = await generation.run(await generation.reserve(who, plan), FILE_LIMIT)
    assert (len(generated.images), generated.dropped) == (1, 1)
    assert generated.credits == 2 * plan.credits_per_image
    row = await quota.find(who.interaction_id)
    assert row is not None
    assert (row.state, row.credits, row.reserved) == (
        "committed",
        2 * plan.credits_per_image,
        2 * plan.credits_per_image,
    )
    assert (await quota.status(7, 1)).guild_used == 2 * plan.credits_per_image


async def test_a_request_whose_task_is_cancelled_while_waiting_is_refunded(parts) -> None:
    gateway = parts[0]
    gateway.delay = 0.5
    generation, quota = service(parts, QueueSettings(member_concurrency=1))
    first, second = request(7, 1), request(7, 1)
    running = asyncio.create_task(generation.run(await generation.reserve(first, PLAN), FILE_LIMIT))
    waiting_request = await generation.reserve(second, PLAN)
    waiting = asyncio.create_task(generation.run(waiting_request, FILE_LIMIT))
    await asyncio.sleep(0)
    assert waiting_request.ticket.position() is not None  # still in line
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    row = await quota.find(second.interaction_id)
    assert row is not None
    assert (row.state, row.credits) == ("refunded", 0)
    assert generation.queue.totals().waiting == 0
    await running
    assert (await quota.status(7, 1)).guild_used == PLAN.credits
    assert len(gateway.requests) == 1


async def test_a_queue_limit_exactly_at_the_process_wide_cap_is_accepted(store: Store) -> None:
    settings = QueueSettings(guild_concurrency=4, member_concurrency=2, queue_limit=20)
    limits = QueueLimits(store, FairQueue(settings))
    applied = await limits.update(
        7, actor_id=1, guild_concurrency=4, member_concurrency=2, queue_limit=20
    )
    assert (applied.guild_concurrency, applied.member_concurrency, applied.queue_limit) == (
        4,
        2,
        20,
    )
    for field in ("guild_concurrency", "member_concurrency", "queue_limit"):
        with pytest.raises(InvalidQueueLimit) as above:
            await limits.update(7, actor_id=1, **{field: getattr(settings, field) + 1})
        assert (above.value.field, above.value.most) == (field, getattr(settings, field))


async def test_requests_a_rule_change_expels_leave_refunded_and_say_which_rule(parts) -> None:
    gateway = parts[0]
    gateway.delay = 0.5
    generation, quota = service(parts, QueueSettings(member_concurrency=1))
    first, second, elsewhere = request(7, 1), request(7, 1), request(8, 1)
    running = asyncio.create_task(generation.run(await generation.reserve(first, PLAN), FILE_LIMIT))
    waiting = await generation.reserve(second, PLAN)
    other_guild = await generation.reserve(elsewhere, PLAN)
    paused = Paused("spam", by_strikes=False)
    judged: list[int] = []

    def judge(request: Reserved) -> Paused:
        judged.append(request.who.interaction_id)
        return paused

    assert generation.expel(7, judge) == 1
    assert judged == [second.interaction_id]  # not the running one, not another guild's
    with pytest.raises(LeftLine) as left:
        await generation.run(waiting, FILE_LIMIT)
    assert (left.value.reason, left.value.refusal) == (LeaveReason.RULES, paused)
    row = await quota.find(second.interaction_id)
    assert row is not None
    assert (row.state, row.credits) == ("refunded", 0)
    await running
    await generation.run(other_guild, FILE_LIMIT)
    assert generation.expel(7, judge) == 0  # nothing left to judge
    assert len(gateway.requests) == 2


async def test_an_unknown_outcome_whose_ledger_row_cannot_be_read_back_still_fails_cleanly(
    parts, monkeypatch
) -> None:
    """The gateway hung up mid-answer (maybe billed), the ledger took the unknown outcome, then
    the database went away before the row was read back: the member still gets the failure
    (with the credits the rules may have kept), not a StoreUnavailable out of `run`."""
    gateway = parts[0]
    gateway.fail_next("disconnect")
    generation, quota = service(parts, QueueSettings())
    who = request(7, 1)
    reserved = await generation.reserve(who, PLAN)

    async def gone(interaction_id: int) -> None:
        raise StoreUnavailable("the database went away")

    monkeypatch.setattr(quota, "find", gone)
    with pytest.raises(RequestFailed) as failed:
        await generation.run(reserved, FILE_LIMIT)
    assert failed.value.spent == Spent(PLAN.credits, known=False)
    monkeypatch.undo()
    row = await quota.find(who.interaction_id)
    assert row is not None
    assert row.state != "pending"  # the unknown outcome was settled


async def test_a_request_whose_rules_changed_before_it_joined_is_judged_again(
    parts, monkeypatch
) -> None:
    """Judged by the current rules only when they changed since the check; and when the
    database cannot give them, the request that passed stands (it holds credits and a place)."""
    generation, quota = service(parts, QueueSettings())
    policy = PolicyService(parts[1], quota, PolicyDefaults(0, 3), metrics=Metrics())
    asker = Asker(7, 1, frozenset(), 1, None, False, False)
    judged_by = await policy.policy(7)
    reserved = await generation.reserve(Requester(next(_ids), 7, 1, 1, None, asker), PLAN)
    assert await refusal_on_joining(policy, reserved, judged_by) is None
    await policy.pause(7, 1, "spam", 99)
    paused = Paused("spam", by_strikes=False)
    assert await refusal_on_joining(policy, reserved, judged_by) == paused

    async def unavailable(guild_id: int) -> None:
        raise StoreUnavailable("the database went away")

    monkeypatch.setattr(policy, "policy", unavailable)
    assert await refusal_on_joining(policy, reserved, judged_by) is None
