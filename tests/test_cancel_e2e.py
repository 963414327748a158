"""Cancel, from both sides: the requester's own press, and a forged one from another guild.

The button's custom_id names a request by its interaction id; any client can send any
custom_id, so the ticket, never the id, says whose request it is and in which guild it waits.
Two guilds share one bot and the same members (alice asks in both).
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator

import pytest

from tests.fakes.discord.harness import running_fake_discord
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import (
    ADMIN_ID,
    GUILD_ID,
    MEMBER_ID,
    SECOND_CHANNEL_ID,
    SECOND_GUILD_ID,
    sharded_scenario,
)
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.discord.state import EPHEMERAL
from tests.test_imagine_e2e import button, wait_for_images, wait_for_private_note
from tests.test_queue_e2e import SLOW, ask, ledger, prompts, showing

MESSAGE = 4  # CHANNEL_MESSAGE_WITH_SOURCE: a new message, not an edit of the one clicked


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    async with running_fake_discord(sharded_scenario(shards=1)) as fake:
        yield fake


def in_second_guild(fake: FakeDiscord, member_id: int) -> Invoker:
    second = next(g for g in fake.scenario.guilds if g.id == SECOND_GUILD_ID)
    return Invoker(guild=second, channel=second.channels[0], member=second.member(member_id))


async def test_the_requesters_own_cancel_is_answered_privately(
    start_bot, discord_fake, gateway
) -> None:
    gateway.delay = SLOW
    async with start_bot() as bot:
        running, waiting = await ask(discord_fake, "fox 0"), await ask(discord_fake, "fox 1")
        await showing(discord_fake, waiting, "1st in line")
        cancel = button(waiting.original, "imagine:cancel:")
        pressed = await discord_fake.inject_component(waiting.original, cancel)
        record = await pressed.wait_response()
        assert record.response_type == MESSAGE
        assert pressed.original.flags & EPHEMERAL == EPHEMERAL
        assert pressed.original.content.startswith("✅ Cancelled")
        assert pressed.original.allowed_mentions == {"parse": []}
        await wait_for_private_note(discord_fake, waiting)
        assert await ledger(bot, waiting) == ("refunded", 0)
        await wait_for_images(discord_fake, running, within=15)


async def test_a_cancel_naming_another_guilds_request_cancels_nothing(
    start_bot, discord_fake, gateway
) -> None:
    """Pressed in the second guild by the requester herself, then by a moderator there: the
    request in the first guild keeps its place, runs, and is charged as usual."""
    gateway.delay = SLOW
    async with start_bot() as bot:
        running, waiting = await ask(discord_fake, "fox 0"), await ask(discord_fake, "fox 1")
        await showing(discord_fake, waiting, "1st in line")
        forged = button(waiting.original, "imagine:cancel:")
        assert forged == f"imagine:cancel:{waiting.id}"
        # The same button on a message of the bot in the second guild, as a forging client or
        # a copied message would have it.
        carrier = discord_fake.ctx.new_message(SECOND_CHANNEL_ID, SECOND_GUILD_ID)
        carrier.components = copy.deepcopy(waiting.original.components)
        for member_id in (MEMBER_ID, ADMIN_ID):
            pressed = await discord_fake.inject_component(
                carrier, forged, invoker=in_second_guild(discord_fake, member_id)
            )
            await pressed.wait_response()
            assert pressed.record.guild_id == SECOND_GUILD_ID
            assert pressed.original.ephemeral
            assert "no longer waiting in line" in pressed.original.content
            assert await ledger(bot, waiting) == ("pending", 1)
            assert "1st in line" in waiting.original.content
        for handle in (running, waiting):
            await wait_for_images(discord_fake, handle, within=15)
        assert prompts(gateway) == ["fox 0", "fox 1"]
        assert await ledger(bot, waiting) == ("committed", 1)
        assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_used == 2
        assert (await bot.quota.status(SECOND_GUILD_ID, MEMBER_ID)).guild_used == 0
