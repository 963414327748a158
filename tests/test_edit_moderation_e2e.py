"""Edits under a guild's moderation policy: the same rules as /imagine, and the audit post shows
the input image."""

from __future__ import annotations

import pytest

from tests.fakes.discord.harness import running_fake_discord
from tests.fakes.discord.interactions import Upload
from tests.fakes.discord.scenario import (
    ADMIN_ID,
    ART_CHANNEL_ID,
    ARTIST_ROLE_ID,
    AUDIT_CHANNEL_ID,
    GUILD_ID,
    MEMBER_ID,
    moderation_scenario,
)
from tests.test_edit_e2e import picture
from tests.test_imagine_e2e import used_credits, wait_for_images, wait_for_private_note


@pytest.fixture
async def discord_fake():
    async with running_fake_discord(moderation_scenario()) as fake:
        yield fake


def edit(prompt: str = "give it a hat") -> dict[str, object]:
    return {"image": Upload("cat.png", picture()), "prompt": prompt}


async def refused(fake, gateway, bot, prompt: str = "give it a hat") -> str:
    handle = await fake.inject_slash("imagine-edit", edit(prompt))
    note = await wait_for_private_note(fake, handle)
    assert note.allowed_mentions == {"parse": []}
    assert gateway.requests == []
    assert await used_credits(bot) == 0
    return note.content


async def pause(bot) -> None:
    await bot.policy.pause(GUILD_ID, MEMBER_ID, "spamming", ADMIN_ID)


async def only_art_channel(bot) -> None:
    await bot.policy.add_entry(GUILD_ID, "channel", ART_CHANNEL_ID)


async def only_artists(bot) -> None:
    await bot.policy.add_entry(GUILD_ID, "role", ARTIST_ROLE_ID)


async def nsfw_only(bot) -> None:
    await bot.policy.update(GUILD_ID, nsfw_only=True, actor_id=ADMIN_ID)


async def block_hat(bot) -> None:
    await bot.policy.add_entry(GUILD_ID, "term", "hat")


async def disable_gpt_image(bot) -> None:
    await bot.policy.add_entry(GUILD_ID, "disabled_model", "openai/gpt-image-1")


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (pause, "You are paused"),
        (only_art_channel, f"works only in <#{ART_CHANNEL_ID}>"),
        (only_artists, f"<@&{ARTIST_ROLE_ID}>"),
        (nsfw_only, "only in age-restricted channels"),
        (block_hat, "a term this server blocks: “hat”"),
        (disable_gpt_image, "GPT Image 1 is turned off in this server"),
    ],
)
async def test_each_rule_refuses_an_edit(bot, discord_fake, gateway, rule, expected) -> None:
    await rule(bot)
    assert expected in await refused(discord_fake, gateway, bot)


async def test_builtin_terms_apply_to_edit_prompts(bot, discord_fake, gateway) -> None:
    assert "g0re" in await refused(discord_fake, gateway, bot, "so much g0re")


async def test_cooldown_follows_an_accepted_edit(bot, discord_fake, gateway) -> None:
    await bot.policy.update(GUILD_ID, cooldown_seconds=60, actor_id=ADMIN_ID)
    await wait_for_images(discord_fake, await discord_fake.inject_slash("imagine-edit", edit()))
    handle = await discord_fake.inject_slash("imagine-edit", edit())
    note = await wait_for_private_note(discord_fake, handle)
    assert "Slow down" in note.content
    assert len(gateway.requests) == 1


async def test_pre_moderation_flags_an_edit_prompt(start_bot, discord_fake, gateway) -> None:
    gateway.flagged_words = {"hat": "violence"}
    async with start_bot(moderation_model="omni-moderation-latest") as bot:
        text = await refused(discord_fake, gateway, bot)
        assert "moderation check flagged this prompt" in text
        assert gateway.moderations[0].json["input"] == "give it a hat"


async def test_audit_posts_of_an_edit_show_the_input_image(bot, discord_fake, gateway) -> None:
    await bot.policy.update(
        GUILD_ID, strike_limit=3, audit_channel_id=AUDIT_CHANNEL_ID, actor_id=ADMIN_ID
    )
    handle = await discord_fake.inject_slash("imagine-edit", edit())
    await wait_for_images(discord_fake, handle)
    gateway.fail_next("moderation_blocked")
    struck = await discord_fake.inject_slash("imagine-edit", edit())
    note = await wait_for_private_note(discord_fake, struck)
    assert "This counts as a strike (1 of 3" in note.content
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 2)
    posts = [m.embeds[0] for m in discord_fake.messages(AUDIT_CHANNEL_ID)]
    assert [p["title"] for p in posts] == ["Edited", "Strike"]
    inputs = [
        handle.record.payload["data"]["resolved"]["attachments"],
        struck.record.payload["data"]["resolved"]["attachments"],
    ]
    for post, resolved in zip(posts, inputs, strict=True):
        (attachment,) = resolved.values()
        assert post["thumbnail"]["url"] == attachment["url"]
