"""What was paid for is delivered or honestly reported, and the ledger says what was billed.

Each test here reproduces a path issue 7 found on main (items 1, 2, 4, 13, 14).
"""

from __future__ import annotations

import contextlib
import logging

import pytest

from bot.store import postgres
from tests.databases import frozen_proxy, postgres_schema, query, sqlite_write_lock
from tests.fakes.discord.scenario import GUILD_ID, MEMBER_ID
from tests.test_imagine_e2e import wait_for_images, wait_for_private_note
from tests.waiting import eventually

EDIT = "/webhooks/*/messages/@original"


async def test_a_reset_connection_does_not_lose_the_delivery(bot, discord_fake, gateway) -> None:
    """discord.py lets aiohttp's and the OS's errors through: they must not end delivery."""
    discord_fake.fail_next("PATCH", EDIT, transport="reset")
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    assert [a.data for a in message.attachments] == gateway.produced
    assert (await bot.quota.find(handle.id)).state == "committed"


async def test_a_reset_on_the_channel_is_retried(bot, discord_fake, gateway) -> None:
    discord_fake.fail_next("PATCH", EDIT, status=404)  # the token is gone: the channel it is
    discord_fake.fail_next("POST", "/channels/*/messages", transport="reset")
    await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    await discord_fake.wait_until(
        lambda: any(m.attachments for m in discord_fake.messages()), within=10
    )
    [posted] = [m for m in discord_fake.messages() if m.attachments]
    assert [a.data for a in posted.attachments] == gateway.produced


async def test_a_locked_database_at_commit_does_not_hold_back_paid_images(
    start_bot, discord_fake, gateway, make_settings, monkeypatch
) -> None:
    monkeypatch.setattr("bot.store.sqlite.BUSY_TIMEOUT_MS", 200)  # the real timeout, shortened
    gateway.fail_next("slow", seconds=0.5)
    async with start_bot() as running:
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(lambda: len(gateway.requests) == 1)
        # Another process takes the write lock while the gateway works, and keeps it.
        async with sqlite_write_lock(make_settings().database_path):
            message = await wait_for_images(discord_fake, handle)
            assert [a.data for a in message.attachments] == gateway.produced
            assert (await running.quota.find(handle.id)).state == "pending"

        async def committed() -> bool:
            row = await running.quota.find(handle.id)
            return row is not None and (row.state, row.credits) == ("committed", 1)

        await eventually(committed, within=10)  # settled later, with the right state


async def test_unusable_results_cost_what_the_gateway_billed(bot, discord_fake, gateway) -> None:
    """gpt-image-1, n=4: the gateway returned (and billed) one result, and it is broken."""
    gateway.fail_next("not_image", results=1)
    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "owls", "model": "openai/gpt-image-1", "n": 4, "quality": "medium"}
    )
    note = await wait_for_private_note(discord_fake, handle)
    assert "not a usable image" in note.content
    assert "it still cost 2 credits" in note.content.lower()
    row = await bot.quota.find(handle.id)
    assert (row.state, row.credits, row.reserved) == ("committed", 2, 8)


async def test_a_repeated_interaction_is_ignored_quietly(
    bot, discord_fake, gateway, caplog
) -> None:
    caplog.set_level(logging.INFO)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    await wait_for_images(discord_fake, handle)
    await discord_fake.redeliver(handle)  # Discord delivers the same interaction again

    def second_delivery_seen() -> bool:
        return any("second delivery" in r.getMessage() for r in caplog.records)

    await discord_fake.wait_until(second_delivery_seen)
    callbacks = [r for r in discord_fake.requests if r.path.endswith("/callback")]
    assert len(callbacks) == 1  # no second reply was tried
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert len(gateway.requests) == 1
    assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_used == 1


async def test_a_quota_refusal_is_private_from_the_start_and_audited(
    start_bot, discord_fake, gateway, caplog
) -> None:
    caplog.set_level(logging.INFO, logger="imagine.audit")
    async with start_bot(quota_guild_credits=0):
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        record = await handle.wait_response()
    assert record.response_type == 4  # answered with the refusal itself: no public "thinking…"
    assert handle.original.ephemeral
    assert "Nothing was spent" in handle.original.content
    assert gateway.requests == []
    [refused] = [r for r in caplog.records if r.name == "imagine.audit"]
    assert refused.getMessage().startswith("refused ")
    assert "reason=quota" in refused.getMessage()


async def test_a_slow_store_still_answers_discord_in_time(
    bot, discord_fake, gateway, make_settings
) -> None:
    """The reservation waits on another process's lock: defer first, then go on as usual."""
    async with sqlite_write_lock(make_settings().database_path):
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        record = await handle.wait_response(within=3)
        assert record.response_type == 5  # thinking…, within Discord's 3 seconds
    message = await wait_for_images(discord_fake, handle)
    assert [a.data for a in message.attachments] == gateway.produced


async def test_a_refusal_after_a_slow_store_removes_the_thinking_message(
    start_bot, discord_fake, make_settings
) -> None:
    async with start_bot(quota_guild_credits=0):
        async with sqlite_write_lock(make_settings().database_path):
            handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
            await handle.wait_response(within=3)
        note = await wait_for_private_note(discord_fake, handle)
    assert "0 credits left" in note.content
    assert handle.original.deleted


async def test_a_repeated_interaction_during_a_slow_reservation_is_ignored_quietly(
    bot, discord_fake, gateway, make_settings, caplog
) -> None:
    """The first delivery waits on the store and defers; the second finds it in line already
    and stays silent (no second acknowledgement, no second reservation)."""
    caplog.set_level(logging.INFO)
    async with sqlite_write_lock(make_settings().database_path):
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.redeliver(handle)
        await discord_fake.wait_until(
            lambda: any(r.path.endswith("/callback") for r in discord_fake.requests), within=3
        )
        await discord_fake.wait_until(
            lambda: any("ignored a second delivery" in r.getMessage() for r in caplog.records)
        )
    message = await wait_for_images(discord_fake, handle)
    assert [a.data for a in message.attachments] == gateway.produced
    assert len(gateway.requests) == 1
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_used == 1
    assert sum(r.path.endswith("/callback") for r in discord_fake.requests) == 1


async def test_the_maintenance_pass_settles_what_the_busy_database_refused(
    start_bot, discord_fake, gateway, make_settings, monkeypatch
) -> None:
    monkeypatch.setattr("bot.store.sqlite.BUSY_TIMEOUT_MS", 200)
    gateway.fail_next("slow", seconds=0.5)
    async with start_bot() as running:
        running.generation.settlements.retry_delays = ()  # no quick retry: only the pass is left
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(lambda: len(gateway.requests) == 1)
        async with sqlite_write_lock(make_settings().database_path):
            await wait_for_images(discord_fake, handle)
        assert (await running.quota.find(handle.id)).state == "pending"
        await running.maintain()
        row = await running.quota.find(handle.id)
        assert (row.state, row.credits) == ("committed", 1)


@pytest.mark.parametrize("slow_store", [False, True], ids=["fast-store", "slow-store"])
async def test_a_request_discord_never_saw_start_is_refunded_not_run(
    bot, discord_fake, gateway, make_settings, caplog, slow_store: bool
) -> None:
    """The defer fails: after the credits were taken (fast store), or before (slow store, so
    the bot defers first and the credits are taken after the failure).

    Either way the request must not run (its member sees no "thinking…") and must not stay
    reserved: start-up recovery would keep such credits as an unknown outcome.
    """
    caplog.set_level(logging.INFO)
    discord_fake.fail_next("POST", "/interactions/*/*/callback", transport="reset")
    async with contextlib.AsyncExitStack() as held:
        if slow_store:  # another process holds the write lock until Discord was answered
            await held.enter_async_context(sqlite_write_lock(make_settings().database_path))
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(
            lambda: any(r.path.endswith("/callback") for r in discord_fake.requests), within=3
        )

    async def refunded() -> bool:
        row = await bot.quota.find(handle.id)
        return row is not None and row.state == "refunded"

    await eventually(refunded, within=5)
    note = await wait_for_private_note(discord_fake, handle)
    assert "Nothing was spent" in note.content
    assert gateway.requests == []
    assert [r.getMessage() for r in caplog.records if r.exc_info] == []


async def test_a_reset_removing_the_thinking_message_still_lets_the_note_through(
    bot, discord_fake, gateway
) -> None:
    """What a failed request cost reaches its member even if "thinking…" cannot be removed.

    The note then takes the place of the public "thinking…" message (Discord's first followup
    after a defer edits it), rather than leaving the member with nothing.
    """
    gateway.fail_next("content_policy")
    # aiohttp itself retries an idempotent DELETE once on a reused connection: reset both.
    discord_fake.fail_next("DELETE", EDIT, transport="reset", count=2)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    await discord_fake.wait_until(
        lambda: handle.original is not None and "Nothing was spent" in handle.original.content
    )
    assert not handle.original.deleted
    assert (await bot.quota.find(handle.id)).state == "refunded"


async def test_a_database_gone_right_after_the_gateway_billed_still_delivers(
    start_bot, discord_fake, gateway, monkeypatch
) -> None:
    """PostgreSQL stops answering while the gateway works: the commit is owed, and neither it
    nor the credits line may hold back the images the guild paid for."""
    monkeypatch.setattr(postgres, "COMMAND_TIMEOUT", 0.5)  # the real timeouts, shortened
    monkeypatch.setattr(postgres, "CLOSE_TIMEOUT", 0.5)
    monkeypatch.setattr(postgres, "CONNECT_TIMEOUT", 1.0)
    gateway.fail_next("slow", seconds=0.5)
    async with postgres_schema() as url, frozen_proxy(url) as (proxied, freeze):
        async with start_bot(database_url=proxied, shutdown_grace_seconds=1) as running:
            running.generation.settlements.retry_delays = ()
            handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
            await discord_fake.wait_until(lambda: len(gateway.requests) == 1)
            freeze()  # a network partition: the server neither answers nor hangs up
            message = await wait_for_images(discord_fake, handle)
            assert [a.data for a in message.attachments] == gateway.produced
            [embed] = message.embeds
            cost = {f["name"]: f["value"] for f in embed["fields"]}["Cost: 1 credit"]
            assert "counted as soon as it is back" in cost
            assert not [m for m in discord_fake.messages() if "went wrong" in (m.content or "")]
        # Owed, not lost: start-up recovery settles it once the database is back.
        assert await query(url, f"SELECT state FROM ledger WHERE interaction_id = {handle.id}") == [
            ("pending",)
        ]
        assert len(gateway.requests) == 1
