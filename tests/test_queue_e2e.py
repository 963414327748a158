"""The fair queue end to end: places shown, turns taken, Cancel, a full line, timeout, shutdown.

The real discord.py against the fake Discord; the fake gateway answers slowly so that requests
stand in line. Every request that leaves the line without running is refunded exactly.
"""

from __future__ import annotations

import asyncio
import copy
import sqlite3

from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import ADMIN_ID, GUILD_ID, MEMBER_ID, FakeMember, FakeUser
from tests.test_imagine_e2e import button, wait_for_images, wait_for_private_note
from tests.test_moderation_commands import admin_run, fields

SLOW = 1.0  # seconds the fake gateway takes per answer


async def ask(fake, prompt: str, invoker: Invoker | None = None):
    handle = await fake.inject_slash("imagine", {"prompt": prompt}, invoker=invoker)
    await handle.wait_response()
    return handle


async def showing(fake, handle, text: str) -> None:
    await fake.wait_until(lambda: handle.original is not None and text in handle.original.content)


def prompts(gateway) -> list[str]:
    return [r.json["prompt"] for r in gateway.requests]


async def ledger(bot, handle) -> tuple[str, int] | None:
    row = await bot.quota.find(handle.id)
    return None if row is None else (row.state, row.credits)


async def test_one_members_requests_run_one_at_a_time_with_places_shown(
    start_bot, discord_fake, gateway
) -> None:
    gateway.delay = SLOW
    async with start_bot() as bot:
        handles = [await ask(discord_fake, f"fox {i}") for i in range(4)]
        for place, handle in zip(("1st", "2nd", "3rd"), handles[1:], strict=True):
            await showing(discord_fake, handle, f"{place} in line")
            assert button(handle.original, "imagine:cancel:") == f"imagine:cancel:{handle.id}"
        for handle in handles:
            await wait_for_images(discord_fake, handle, within=15)
        assert prompts(gateway) == [f"fox {i}" for i in range(4)]
        assert gateway.max_in_flight == 1  # MEMBER_CONCURRENCY=1
        assert [await ledger(bot, h) for h in handles] == [("committed", 1)] * 4
        shown = [
            c["custom_id"] for row in handles[-1].original.components for c in row["components"]
        ]
        assert not [i for i in shown if i.startswith("imagine:cancel:")]  # went with the place


async def test_a_second_members_first_request_runs_before_the_first_members_third(
    start_bot, discord_fake, gateway
) -> None:
    gateway.delay = SLOW
    bob = Invoker(member=discord_fake.scenario.guild.member(ADMIN_ID))
    async with start_bot(guild_concurrency=1) as bot:
        alice = [await ask(discord_fake, f"alice {i}") for i in range(3)]
        await showing(discord_fake, alice[2], "2nd in line")
        first_of_bob = await ask(discord_fake, "bob 0", bob)
        await showing(discord_fake, first_of_bob, "1st in line")  # ahead of alice's 2nd and 3rd
        for handle in [*alice, first_of_bob]:
            await wait_for_images(discord_fake, handle, within=15)
        assert prompts(gateway) == ["alice 0", "bob 0", "alice 1", "alice 2"]
        assert gateway.max_in_flight == 1
        assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_used == 4


async def test_a_full_line_is_a_private_refusal_that_costs_nothing(
    start_bot, discord_fake, gateway
) -> None:
    gateway.delay = SLOW
    async with start_bot(queue_limit=1) as bot:
        running, waiting = await ask(discord_fake, "fox 0"), await ask(discord_fake, "fox 1")
        refused = await ask(discord_fake, "fox 2")
        assert refused.record.response_type == 4  # answered at once, never "thinking…"
        assert refused.original.ephemeral
        assert "queue is full (1 request waiting)" in refused.original.content
        assert "Nothing was spent" in refused.original.content
        assert await ledger(bot, refused) is None
        for handle in (running, waiting):
            await wait_for_images(discord_fake, handle, within=15)
        assert prompts(gateway) == ["fox 0", "fox 1"]


async def test_cancel_takes_a_waiting_request_out_and_refunds_it(
    start_bot, discord_fake, gateway
) -> None:
    gateway.delay = SLOW
    mallory = Invoker(member=FakeMember(FakeUser(1_500_000_000_000_000_099, "mallory")))
    async with start_bot() as bot:
        running, waiting = await ask(discord_fake, "fox 0"), await ask(discord_fake, "fox 1")
        await showing(discord_fake, waiting, "1st in line")
        cancel = button(waiting.original, "imagine:cancel:")
        stranger = await discord_fake.inject_component(waiting.original, cancel, invoker=mallory)
        await stranger.wait_response()
        assert stranger.original.ephemeral
        assert "or a moderator can cancel it" in stranger.original.content
        assert await ledger(bot, waiting) == ("pending", 1)

        pressed = await discord_fake.inject_component(waiting.original, cancel)
        await pressed.wait_response()
        assert "Cancelled" in pressed.original.content
        note = await wait_for_private_note(discord_fake, waiting)
        assert "cancelled before it started. Nothing was spent." in note.content
        assert await ledger(bot, waiting) == ("refunded", 0)

        await wait_for_images(discord_fake, running, within=15)
        assert prompts(gateway) == ["fox 0"]
        assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_used == 1


async def test_a_running_request_cannot_be_cancelled(start_bot, discord_fake, gateway) -> None:
    gateway.delay = SLOW
    async with start_bot() as bot:
        running, waiting = await ask(discord_fake, "fox 0"), await ask(discord_fake, "fox 1")
        await showing(discord_fake, waiting, "1st in line")
        # A click that raced the request's start: the button was still on the member's screen.
        stale = copy.deepcopy(waiting.original)
        cancel = button(stale, "imagine:cancel:")
        await discord_fake.wait_until(lambda: prompts(gateway) == ["fox 0", "fox 1"], within=10)
        pressed = await discord_fake.inject_component(stale, cancel)
        await pressed.wait_response()
        assert "can no longer be cancelled" in pressed.original.content
        for handle in (running, waiting):
            await wait_for_images(discord_fake, handle, within=15)
        assert await ledger(bot, waiting) == ("committed", 1)


async def test_a_request_that_waits_too_long_is_refunded_and_told(
    start_bot, discord_fake, gateway
) -> None:
    gateway.delay = 2.5
    async with start_bot(queue_timeout_seconds=0.5) as bot:
        running, waiting = await ask(discord_fake, "fox 0"), await ask(discord_fake, "fox 1")
        note = await wait_for_private_note(discord_fake, waiting)
        assert "waited more than" in note.content
        assert "Nothing was spent" in note.content
        assert await ledger(bot, waiting) == ("refunded", 0)
        await wait_for_images(discord_fake, running, within=15)
        assert prompts(gateway) == ["fox 0"]


async def test_shutdown_clears_the_line_with_refunds_and_finishes_what_runs(
    start_bot, discord_fake, gateway, make_settings
) -> None:
    gateway.delay = SLOW
    async with start_bot() as bot:
        running, waiting = await ask(discord_fake, "fox 0"), await ask(discord_fake, "fox 1")
        await showing(discord_fake, waiting, "1st in line")
        closing = asyncio.create_task(bot.close())
        note = await wait_for_private_note(discord_fake, waiting)
        assert "restarting" in note.content
        assert "Nothing was spent" in note.content
        await wait_for_images(discord_fake, running, within=15)  # within the grace period
        await closing
    with sqlite3.connect(make_settings().database_path) as db:
        rows = dict(db.execute("SELECT interaction_id, state || ' ' || credits FROM ledger"))
    assert rows == {running.id: "committed 1", waiting.id: "refunded 0"}
    assert prompts(gateway) == ["fox 0"]


async def test_admins_lower_the_limits_within_the_bots_own_and_see_the_live_queue(
    start_bot, discord_fake, gateway
) -> None:
    gateway.delay = SLOW
    admin = Invoker(member=discord_fake.scenario.admin)
    async with start_bot(queue_limit=5) as bot:
        above = await admin_run(discord_fake, None, "set", {"queue_limit": 6}, invoker=admin)
        assert "must be from 0 to 5 (this bot's own limit). Nothing was changed." in above.content
        saved = await admin_run(discord_fake, None, "set", {"queue_limit": 1}, invoker=admin)
        assert "Saved" in saved.content
        running, waiting = await ask(discord_fake, "fox 0"), await ask(discord_fake, "fox 1")
        refused = await ask(discord_fake, "fox 2")
        assert "queue is full (1 request waiting)" in refused.original.content
        [embed] = (await admin_run(discord_fake, None, "show", invoker=admin)).embeds
        shown = fields(embed)
        assert shown["Queue"] == (
            "4 running at once, 1 per member; up to 1 request waiting, 1 per member"
        )
        assert shown["Live queue: 1 running, 1 waiting"] == f"<@{MEMBER_ID}>: 1 running, 1 waiting"
        for handle in (running, waiting):
            await wait_for_images(discord_fake, handle, within=15)
    async with start_bot(queue_limit=5) as bot:  # the guild's choice outlives a restart
        assert bot.generation.queue.limits(GUILD_ID).queue_limit == 1


async def test_one_member_cannot_fill_the_line_and_shut_another_out(
    start_bot, discord_fake, gateway
) -> None:
    """GUILD_CONCURRENCY=1, QUEUE_LIMIT=3: Alice's 4th request is refused privately for free,
    so Bob's first still finds a place."""
    gateway.fail_next("slow", seconds=4)  # Alice's first holds the guild's one slot meanwhile
    bob = Invoker(member=discord_fake.scenario.guild.member(ADMIN_ID))
    async with start_bot(guild_concurrency=1, queue_limit=3) as bot:
        alice = [await ask(discord_fake, f"alice {i}") for i in range(3)]
        refused = await ask(discord_fake, "alice 3")
        assert refused.record.response_type == 4  # answered at once, never "thinking…"
        assert refused.original.ephemeral
        assert refused.original.allowed_mentions == {"parse": []}
        assert "You already have 2 requests waiting in line" in refused.original.content
        assert "Nothing was spent" in refused.original.content
        assert await ledger(bot, refused) is None
        first_of_bob = await ask(discord_fake, "bob 0", bob)
        await showing(discord_fake, first_of_bob, "in line")
        for handle in [*alice, first_of_bob]:
            await wait_for_images(discord_fake, handle, within=15)
        assert prompts(gateway) == ["alice 0", "bob 0", "alice 1", "alice 2"]
        assert [await ledger(bot, h) for h in [*alice, first_of_bob]] == [("committed", 1)] * 4
