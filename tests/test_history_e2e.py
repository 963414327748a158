"""/imagine-history, Use again, /imagine-forget and Delete end to end: the real discord.py
against the fake Discord and the fake gateway, on a real SQLite file."""

from __future__ import annotations

import re
from typing import Any

from bot.store import Row
from cogs.i18n import words_for
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import (
    ADMIN_ID,
    CHANNEL_ID,
    GUILD_ID,
    MEMBER_ID,
    FakeMember,
    FakeUser,
)
from tests.test_imagine_e2e import button, wait_for_images, wait_for_private_note
from tests.waiting import eventually

OTHER_GUILD_ID = GUILD_ID + 7
SELECT = 3
ENGLISH = words_for("en-US")
NO_MENTIONS: dict[str, list[str]] = {"parse": []}
FILLED_BASE = 9_000_000_000_000_000_000


async def fill(bot, clock, count: int, *, member: int = MEMBER_ID, guild: int = GUILD_ID) -> None:
    """`count` delivered requests through the real quota, a minute apart: scene-00 first."""
    for i in range(count):
        clock.advance(minutes=1)
        iid = FILLED_BASE + guild % 1000 * 1000 + member % 1000 * 100 + i
        await bot.quota.reserve(
            interaction_id=iid,
            guild_id=guild,
            member_id=member,
            channel_id=CHANNEL_ID,
            cost=1,
            model="openai/dall-e-3",
            size="1024x1024",
            quality="standard",
            prompt=f"scene-{i:02d}",
        )
        await bot.quota.commit(iid, 1)


def scenes(message) -> list[int]:
    return [int(n) for n in re.findall(r"scene-(\d\d)", message.embeds[0]["description"])]


def custom_ids(message) -> list[str]:
    return [c["custom_id"] for row in message.components for c in row["components"]]


def component(message, prefix: str) -> dict[str, Any]:
    return next(
        c
        for row in message.components
        for c in row["components"]
        if c["custom_id"].startswith(prefix)
    )


async def open_history(fake, options=None, invoker=None):
    handle = await fake.inject_slash("imagine-history", options, invoker=invoker)
    await handle.wait_response()
    return handle


async def history_page(fake, options=None, invoker=None):
    handle = await open_history(fake, options, invoker)
    (page,) = await handle.wait_followups()
    assert page.ephemeral
    assert page.allowed_mentions == NO_MENTIONS  # it names members: it must ping none
    return page


async def ledger_rows(bot, member: int = MEMBER_ID) -> list[Row]:
    return await bot.store.fetch(
        "SELECT * FROM ledger WHERE member_id = ? ORDER BY created_at", (member,)
    )


# -- pages ------------------------------------------------------------------------------------


async def test_history_is_newest_first_ten_a_page_with_previous_and_next(
    bot, discord_fake, quota_clock
) -> None:
    await fill(bot, quota_clock, 12)
    await fill(bot, quota_clock, 1, member=ADMIN_ID)  # someone else's: never shown
    page = await history_page(discord_fake)
    assert scenes(page) == list(range(11, 1, -1))
    assert "1 credit" in page.embeds[0]["description"]
    assert "DALL·E 3" in page.embeds[0]["description"]
    prev, nxt = component(page, "imagine:history:"), custom_ids(page)[-1]
    assert prev["disabled"] is True
    assert nxt == f"imagine:history:{MEMBER_ID}:1:next"

    turn = await discord_fake.inject_component(page, nxt)
    await turn.wait_response()
    await discord_fake.wait_until(lambda: scenes(page) == [1, 0])
    assert component(page, f"imagine:history:{MEMBER_ID}:2:next")["disabled"] is True
    back = await discord_fake.inject_component(page, f"imagine:history:{MEMBER_ID}:0:prev")
    await back.wait_response()
    await discord_fake.wait_until(lambda: scenes(page) == list(range(11, 1, -1)))


async def test_another_members_history_is_refused_to_a_non_admin(
    bot, discord_fake, quota_clock
) -> None:
    await fill(bot, quota_clock, 2, member=ADMIN_ID)
    handle = await open_history(discord_fake, {"member": discord_fake.scenario.admin})
    note = await wait_for_private_note(discord_fake, handle)
    assert ENGLISH("history-refused") in note.content
    assert note.embeds == []
    # An admin sees it; a Use again menu only on one's own history (it runs as the presser).
    await fill(bot, quota_clock, 3)
    admin = Invoker(member=discord_fake.scenario.admin)
    theirs = await history_page(discord_fake, {"member": discord_fake.scenario.member}, admin)
    assert scenes(theirs) == [2, 1, 0]
    assert f"<@{MEMBER_ID}>'s requests" in theirs.embeds[0]["description"]
    assert not any(i.startswith("imagine:again:") for i in custom_ids(theirs))
    own = await history_page(discord_fake, invoker=admin)
    assert scenes(own) == [1, 0]
    assert f"imagine:again:{ADMIN_ID}" in custom_ids(own)


async def test_a_page_button_checks_the_permission_again(bot, discord_fake, quota_clock) -> None:
    await fill(bot, quota_clock, 11)
    admin = Invoker(member=discord_fake.scenario.admin)
    page = await history_page(discord_fake, {"member": discord_fake.scenario.member}, admin)
    assert scenes(page) == list(range(10, 0, -1))
    # Pressed by someone without Manage Server (the admin lost it since): refused.
    nxt = f"imagine:history:{MEMBER_ID}:1:next"
    stranger = Invoker(member=FakeMember(FakeUser(1_500_000_000_000_000_099, "mallory")))
    turn = await discord_fake.inject_component(page, nxt, invoker=stranger)
    await turn.wait_response()
    assert ENGLISH("history-refused") in turn.original.content
    assert scenes(page) == list(range(10, 0, -1))


async def test_an_entry_shows_its_outcome_link_and_only_prompts_within_retention(
    bot, discord_fake, quota_clock, gateway
) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a red fox"})
    result = await wait_for_images(discord_fake, handle)
    gateway.fail_next("content_policy")
    refused = await discord_fake.inject_slash("imagine", {"prompt": "a grey wolf"})
    await wait_for_private_note(discord_fake, refused)
    page = await history_page(discord_fake)
    text = page.embeds[0]["description"]
    assert f"/channels/{GUILD_ID}/{CHANNEL_ID}/{result.id}" in text
    assert "refused by the image service's safety filter" in text
    assert text.index("a grey wolf") < text.index("a red fox")  # newest first

    quota_clock.advance(days=31)  # PROMPT_RETENTION_DAYS is 30
    later = await history_page(discord_fake)
    text = later.embeds[0]["description"]
    assert "a red fox" not in text
    assert "a grey wolf" not in text
    assert text.count("prompt no longer kept") == 2
    assert not any(i.startswith("imagine:again:") for i in custom_ids(later))


# -- Use again --------------------------------------------------------------------------------


async def test_use_again_reruns_an_entry_at_its_normal_cost_under_every_rule(
    bot, discord_fake, gateway
) -> None:
    first = await discord_fake.inject_slash(
        "imagine", {"prompt": "a castle", "quality": "hd", "size": "1792x1024"}
    )
    await wait_for_images(discord_fake, first)
    page = await history_page(discord_fake)
    menu = component(page, "imagine:again:")
    assert menu["custom_id"] == f"imagine:again:{MEMBER_ID}"
    assert [o["value"] for o in menu["options"]] == [str(first.id)]
    assert menu["options"][0]["label"] == "a castle"

    again = await discord_fake.inject_component(
        page, menu["custom_id"], component_type=SELECT, values=[str(first.id)]
    )
    rerun = await wait_for_images(discord_fake, again)
    assert not rerun.ephemeral  # a result is public, like /imagine's
    assert gateway.requests[1].json == gateway.requests[0].json
    assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).member_used == 2 * 3

    # The rules of now apply: a term blocked since refuses it, privately and for nothing.
    await bot.policy.add_entry(GUILD_ID, "term", "castle")
    blocked = await discord_fake.inject_component(
        page, menu["custom_id"], component_type=SELECT, values=[str(first.id)]
    )
    note = await wait_for_private_note(discord_fake, blocked)
    assert "blocks" in note.content
    assert len(gateway.requests) == 2
    assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).member_used == 2 * 3
    latest = await history_page(discord_fake)
    assert latest.embeds[0]["description"].startswith(
        "Your requests in this server, newest first.\n\n"
    )
    assert "refused: blocked term" in latest.embeds[0]["description"].split("\n\n")[1]


async def test_use_again_of_another_members_entry_is_refused(bot, discord_fake, gateway) -> None:
    first = await discord_fake.inject_slash("imagine", {"prompt": "a castle"})
    await wait_for_images(discord_fake, first)
    admin = Invoker(member=discord_fake.scenario.admin)
    page = await history_page(discord_fake, {"member": discord_fake.scenario.member}, admin)
    assert not any(i.startswith("imagine:again:") for i in custom_ids(page))
    own = await history_page(discord_fake)
    # The member's own menu, pressed by someone else: the entry is not theirs.
    forged = await discord_fake.inject_component(
        own,
        f"imagine:again:{MEMBER_ID}",
        component_type=SELECT,
        values=[str(first.id)],
        invoker=admin,
    )
    note = await wait_for_private_note(discord_fake, forged)
    assert ENGLISH("use-again-refused") in note.content
    assert len(gateway.requests) == 1
    assert (await bot.quota.status(GUILD_ID, ADMIN_ID)).member_used == 0


# -- forget -----------------------------------------------------------------------------------


async def test_forget_asks_first_then_erases_and_counts_leaving_budgets_and_others(
    bot, discord_fake, quota_clock
) -> None:
    await fill(bot, quota_clock, 3)
    await fill(bot, quota_clock, 2, guild=OTHER_GUILD_ID)
    await fill(bot, quota_clock, 1, member=ADMIN_ID)
    refused = await discord_fake.inject_slash("imagine", {"prompt": "x", "model": "nope/none"})
    await wait_for_private_note(discord_fake, refused)  # refused by the catalog: not recorded
    await bot.policy.add_entry(GUILD_ID, "term", "wolf")
    blocked = await discord_fake.inject_slash("imagine", {"prompt": "a wolf"})
    await wait_for_private_note(discord_fake, blocked)
    before = await bot.quota.status(GUILD_ID, MEMBER_ID)
    usage_before = await bot.quota.usage(GUILD_ID)

    ask = await discord_fake.inject_slash("imagine-forget")
    await ask.wait_response()
    question = ask.original
    assert question.ephemeral
    assert question.allowed_mentions == NO_MENTIONS
    assert custom_ids(question) == [f"imagine:forget:{MEMBER_ID}"]
    assert len(scenes(await history_page(discord_fake))) == 3  # nothing erased yet

    stranger = await discord_fake.inject_component(
        question, f"imagine:forget:{MEMBER_ID}", invoker=Invoker(member=discord_fake.scenario.admin)
    )
    await stranger.wait_response()
    assert ENGLISH("forget-refused") in stranger.original.content
    assert all(row["prompt"] for row in await ledger_rows(bot))

    erase = await discord_fake.inject_component(question, f"imagine:forget:{MEMBER_ID}")
    await erase.wait_response()
    await discord_fake.wait_until(lambda: "Erased" in (question.content or ""))
    assert "Erased 4 entries" in question.content  # three generations and the refusal
    assert question.components == []

    rows = await ledger_rows(bot)
    mine = [r for r in rows if r["guild_id"] == GUILD_ID]
    assert [(r["prompt"], r["message_id"], r["erased"], r["credits"]) for r in mine] == [
        (None, None, 1, 1)
    ] * 3
    elsewhere = [r for r in rows if r["guild_id"] == OTHER_GUILD_ID]
    assert [r["prompt"] for r in elsewhere] == ["scene-00", "scene-01"]
    assert [r["prompt"] for r in await ledger_rows(bot, ADMIN_ID)] == ["scene-00"]
    assert await bot.quota.status(GUILD_ID, MEMBER_ID) == before
    assert await bot.quota.usage(GUILD_ID) == usage_before
    page = await history_page(discord_fake)
    assert "No requests in this server yet." in page.embeds[0]["description"]


async def test_an_admin_forgets_a_member_who_left(bot, discord_fake, quota_clock) -> None:
    await fill(bot, quota_clock, 2)
    handle = await discord_fake.inject_slash(
        "imagine-admin",
        {"user": discord_fake.scenario.member},
        group="member",
        subcommand="forget",
        invoker=Invoker(member=discord_fake.scenario.admin),
    )
    (reply,) = await handle.wait_followups()
    assert f"Erased 2 entries of <@{MEMBER_ID}>'s history" in reply.content
    assert reply.allowed_mentions == NO_MENTIONS
    assert [r["prompt"] for r in await ledger_rows(bot)] == [None, None]


# -- Delete -----------------------------------------------------------------------------------


async def test_deleting_a_result_erases_its_prompt(bot, discord_fake, gateway) -> None:
    kept = await discord_fake.inject_slash("imagine", {"prompt": "a kept fox"})
    await wait_for_images(discord_fake, kept)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a secret fox"})
    message = await wait_for_images(discord_fake, handle)
    (_, row) = await ledger_rows(bot)
    assert (row["prompt"], row["message_id"]) == ("a secret fox", message.id)
    await discord_fake.inject_component(message, button(message, "imagine:delete:"))
    await discord_fake.wait_until(lambda: message.deleted)

    async def erased() -> bool:
        return (await ledger_rows(bot))[1]["prompt"] is None

    await eventually(erased)
    (first, after) = await ledger_rows(bot)
    assert (after["prompt"], after["message_id"], after["credits"]) == (None, None, 1)
    assert first["prompt"] == "a kept fox"
    page = await history_page(discord_fake)
    assert "a secret fox" not in page.embeds[0]["description"]


async def test_history_and_erase_buttons_keep_working_after_a_restart(
    start_bot, discord_fake, gateway, quota_clock
) -> None:
    async with start_bot() as bot:
        await fill(bot, quota_clock, 11)
        page = await history_page(discord_fake)
        ask = await discord_fake.inject_slash("imagine-forget")
        await ask.wait_response()
    async with start_bot() as restarted:
        turn = await discord_fake.inject_component(page, f"imagine:history:{MEMBER_ID}:1:next")
        await turn.wait_response()
        await discord_fake.wait_until(lambda: scenes(page) == [0])
        menu = component(page, "imagine:again:")
        again = await discord_fake.inject_component(
            page, menu["custom_id"], component_type=SELECT, values=[menu["options"][0]["value"]]
        )
        rerun = await wait_for_images(discord_fake, again)
        assert gateway.requests[0].json["prompt"] == "scene-00"
        assert not rerun.ephemeral
        erase = await discord_fake.inject_component(ask.original, f"imagine:forget:{MEMBER_ID}")
        await erase.wait_response()
        await discord_fake.wait_until(lambda: "Erased 12 entries" in (ask.original.content or ""))
        assert (await restarted.history.page(GUILD_ID, MEMBER_ID, 0)).entries == ()
        # The page still shows the menu; the entry behind it is gone.
        gone = await discord_fake.inject_component(
            page, menu["custom_id"], component_type=SELECT, values=[menu["options"][0]["value"]]
        )
        note = await wait_for_private_note(discord_fake, gone)
        assert ENGLISH("use-again-gone") in note.content
        assert len(gateway.requests) == 1
