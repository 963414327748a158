"""Who reads what, end to end: the member's own language in private, the server's in public.

A German-speaking member in a Japanese server: Discord sends `locale: "de"` and
`guild_locale: "ja"` with each interaction, as the fake does here.
"""

from __future__ import annotations

import pytest

from tests.fakes.discord.harness import running_fake_discord
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import ADMIN_ID, AUDIT_CHANNEL_ID, GUILD_ID, moderation_scenario
from tests.test_imagine_e2e import wait_for_images

GERMAN_IN_JAPAN = Invoker(locale="de", guild_locale="ja")


@pytest.fixture
async def discord_fake():
    """A server with an audit channel, whose posts are in the server's language."""
    async with running_fake_discord(moderation_scenario()) as fake:
        yield fake


async def test_a_german_member_reads_german_in_private_and_the_server_japanese(
    bot, discord_fake, gateway
) -> None:
    await bot.policy.update(GUILD_ID, audit_channel_id=AUDIT_CHANNEL_ID, actor_id=ADMIN_ID)
    await bot.policy.add_entry(GUILD_ID, "term", "owl")

    refused = await discord_fake.inject_slash(
        "imagine", {"prompt": "an owl"}, invoker=GERMAN_IN_JAPAN
    )
    await refused.wait_response()
    assert refused.original.ephemeral
    assert refused.original.content == (
        "⚠️ Dein Prompt enthält einen Begriff, den dieser Server sperrt: „owl“."
    )
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 1)
    [audit] = discord_fake.messages(AUDIT_CHANNEL_ID)[0].embeds
    assert audit["title"] == "拒否: blocked_term"
    why = {f["name"]: f["value"] for f in audit["fields"]}["理由"]
    assert why == "このサーバーでブロックされている語句がプロンプトに含まれています:「owl」。"

    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "a fox in snow"}, invoker=GERMAN_IN_JAPAN
    )
    result = await wait_for_images(discord_fake, handle)
    assert not result.ephemeral
    [embed] = result.embeds
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert (fields["モデル"], fields["サイズ"], fields["品質"]) == (
        "DALL·E 3",
        "1024x1024",
        "standard",
    )
    left = fields["コスト: 1 クレジット"]
    assert left.startswith("サーバー: 残り **99**（100 クレジット 中）")
    labels = [c["label"] for row in result.components for c in row["components"]]
    assert labels == ["再生成", "リミックス", "編集", "削除"]
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 2)
    assert discord_fake.messages(AUDIT_CHANNEL_ID)[1].embeds[0]["title"] == "生成"


async def test_the_members_language_stays_out_of_public_posts(bot, discord_fake, gateway) -> None:
    """A Japanese-speaking member in an English server: the result is for everyone."""
    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "a fox"}, invoker=Invoker(locale="ja", guild_locale="en-US")
    )
    result = await wait_for_images(discord_fake, handle)
    fields = {f["name"]: f["value"] for f in result.embeds[0]["fields"]}
    assert "Model" in fields
    assert "Cost: 1 credit" in fields
    labels = [c["label"] for row in result.components for c in row["components"]]
    assert labels == ["Re-roll", "Remix", "Edit", "Delete"]


async def test_a_language_the_bot_does_not_speak_reads_english(bot, discord_fake) -> None:
    await bot.policy.add_entry(GUILD_ID, "term", "owl")
    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "an owl"}, invoker=Invoker(locale="ko", guild_locale="ko")
    )
    await handle.wait_response()
    assert handle.original.content == "⚠️ Your prompt contains a term this server blocks: “owl”."
