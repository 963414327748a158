"""What the bot does for the admins over its lifetime: recovery, retention, leaving a guild."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.catalog import RequestOptions
from tests.fakes.discord import payloads
from tests.fakes.discord.scenario import CHANNEL_ID, GUILD_ID, MEMBER_ID
from tests.waiting import eventually


async def reserve(bot, interaction_id: int, prompt: str = "a fox") -> None:
    await bot.quota.reserve(
        interaction_id=interaction_id,
        guild_id=GUILD_ID,
        member_id=MEMBER_ID,
        channel_id=CHANNEL_ID,
        cost=1,
        model="openai/dall-e-3",
        size="1024x1024",
        prompt=prompt,
    )


async def test_maintenance_settles_crash_leftovers_and_forgets_old_prompts(
    start_bot, quota_clock
) -> None:
    async with start_bot(prompt_retention_days=7, quota_pending_timeout_minutes=20) as bot:
        await reserve(bot, 1)  # left pending, as by a crash
        await reserve(bot, 2)
        await bot.quota.commit(2, 1)
        quota_clock.advance(minutes=21)
        await bot.maintain()
        assert (await bot.quota.find(1)).state == "unknown"
        assert (await bot.quota.find(2)).prompt == "a fox"
        quota_clock.advance(days=7)
        await bot.maintain()
        assert (await bot.quota.find(2)).prompt is None
        assert (await bot.quota.find(2)).state == "committed"  # the credits stay accounted


async def test_a_restart_settles_reservations_a_crash_left_pending(start_bot, quota_clock) -> None:
    async with start_bot() as bot:
        await reserve(bot, 1)  # left pending, as if the process had died mid-request
    quota_clock.advance(timedelta(hours=1))
    async with start_bot(quota_refund_unknown=True) as bot:
        assert (await bot.quota.find(1)).state == "refunded"


async def test_leaving_a_guild_deletes_its_history(bot, discord_fake) -> None:
    await reserve(bot, 1)
    await bot.quota.commit(1, 1)
    await bot.defaults.set_server(GUILD_ID, RequestOptions(quality="hd"), 2)
    await bot.defaults.set_member(GUILD_ID, 3, RequestOptions(aspect="wide"))
    await discord_fake.dispatch("GUILD_DELETE", {"id": str(GUILD_ID)})

    async def forgotten() -> bool:
        return await bot.defaults.layers(GUILD_ID, 3) == [] and await bot.quota.find(1) is None

    await eventually(forgotten)
    assert bot.get_guild(GUILD_ID) is None


async def test_a_discord_outage_is_not_leaving(bot, discord_fake) -> None:
    await reserve(bot, 1)
    await bot.quota.commit(1, 1)
    await discord_fake.dispatch("GUILD_DELETE", {"id": str(GUILD_ID), "unavailable": True})
    await discord_fake.wait_until(lambda: bot.get_guild(GUILD_ID).unavailable)
    await discord_fake.dispatch("GUILD_CREATE", payloads.guild_create(discord_fake.scenario.guild))
    await discord_fake.wait_until(lambda: not bot.get_guild(GUILD_ID).unavailable)
    await asyncio.sleep(0.2)  # room for a (wrong) purge to have run: absence cannot be awaited
    assert (await bot.quota.find(1)).state == "committed"
