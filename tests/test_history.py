"""The history store (bot/history.py) on SQLite and PostgreSQL: pages, erasing, retention."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.catalog import load_catalog
from bot.clock import FakeClock
from bot.history import PAGE_SIZE, HistoryService
from bot.quota import QuotaDefaults, QuotaService

GUILD, OTHER_GUILD, MEMBER, OTHER_MEMBER, CHANNEL = 10, 20, 100, 200, 5


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def quota(store, clock) -> QuotaService:
    return QuotaService(store, QuotaDefaults(1000, 0, "day"), clock=clock)


@pytest.fixture
def history(store, clock) -> HistoryService:
    return HistoryService(store, retention=timedelta(days=30), clock=clock)


def plan(prompt: str):
    return load_catalog(None).plan(prompt, model_id="openai/dall-e-3", size="1024x1024")


async def charged(quota, clock, iid: int, *, guild=GUILD, member=MEMBER, credits=1) -> None:
    clock.advance(seconds=1)
    await quota.reserve(
        interaction_id=iid,
        guild_id=guild,
        member_id=member,
        channel_id=CHANNEL,
        cost=1,
        model="openai/dall-e-3",
        size="1024x1024",
        prompt=f"p{iid}",
    )
    await quota.commit(iid, credits)


async def test_pages_mix_the_ledger_and_refusals_newest_first(quota, history, clock) -> None:
    for iid in range(1, 13):
        if iid % 4 == 0:
            clock.advance(seconds=1)
            await history.refused(iid, GUILD, MEMBER, CHANNEL, plan(f"p{iid}"), "cooldown")
        else:
            await charged(quota, clock, iid)
    await charged(quota, clock, 50, member=OTHER_MEMBER)
    await charged(quota, clock, 60, guild=OTHER_GUILD)
    first = await history.page(GUILD, MEMBER, 0)
    assert [e.interaction_id for e in first.entries] == list(range(12, 2, -1))
    assert len(first.entries) == PAGE_SIZE
    assert first.more
    refused = first.entries[0]
    assert (refused.outcome, refused.why, refused.prompt, refused.credits) == (
        "refused",
        "cooldown",
        "p12",
        1,
    )
    assert first.entries[1].outcome == "committed"
    second = await history.page(GUILD, MEMBER, 1)
    assert [e.interaction_id for e in second.entries] == [2, 1]
    assert not second.more
    assert (await history.page(GUILD, MEMBER, 2)).entries == ()


async def test_forget_erases_counts_and_keeps_the_accounts(quota, history, clock) -> None:
    for iid in (1, 2):
        await charged(quota, clock, iid, credits=1)
    await history.delivered(1, 999)
    await history.refused(3, GUILD, MEMBER, CHANNEL, plan("p3"), "blocked_term")
    await charged(quota, clock, 4, guild=OTHER_GUILD)
    await charged(quota, clock, 5, member=OTHER_MEMBER)
    before = await quota.status(GUILD, MEMBER)
    assert await history.forget(GUILD, MEMBER) == 3
    assert (await history.page(GUILD, MEMBER, 0)).entries == ()
    assert await history.find(GUILD, 1) is None
    assert await quota.status(GUILD, MEMBER) == before
    kept = await quota.find(1)
    assert kept is not None
    assert (kept.prompt, kept.credits, kept.model) == (None, 1, "openai/dall-e-3")
    assert (await quota.find(4)).prompt == "p4"  # another guild
    assert (await quota.find(5)).prompt == "p5"  # another member
    assert await history.forget(GUILD, MEMBER) == 0  # nothing left to erase


async def test_a_deleted_result_loses_its_prompt_and_link(quota, history, clock) -> None:
    await charged(quota, clock, 1)
    await charged(quota, clock, 2)
    await history.delivered(1, 777)
    await history.delivered(2, 778)
    assert await history.result_deleted(OTHER_GUILD, 777) == 0  # only within its guild
    assert await history.result_deleted(GUILD, 777) == 1
    gone, kept = await history.find(GUILD, 1), await history.find(GUILD, 2)
    assert gone is not None
    assert kept is not None
    assert (gone.prompt, gone.message_id) == (None, None)
    assert (kept.prompt, kept.message_id) == ("p2", 778)


async def test_prompts_show_only_within_the_retention(quota, history, clock) -> None:
    await charged(quota, clock, 1)
    await history.refused(2, GUILD, MEMBER, CHANNEL, plan("p2"), "quota")
    clock.advance(days=30, seconds=-0.5)
    assert [e.prompt for e in (await history.page(GUILD, MEMBER, 0)).entries] == ["p2", "p1"]
    clock.advance(seconds=2)
    assert [e.prompt for e in (await history.page(GUILD, MEMBER, 0)).entries] == [None, None]
    assert await history.purge() == 1  # the refusal goes; the ledger row stays for the accounts
    assert [e.interaction_id for e in (await history.page(GUILD, MEMBER, 0)).entries] == [1]
    await history.refused(3, GUILD, MEMBER, CHANNEL, plan("p3"), "quota")
    assert await history.purge_guild(GUILD) == 1
