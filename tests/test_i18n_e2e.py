"""Who reads what, end to end: the member's own language in private, the server's in public.

A German-speaking member in a Japanese server: Discord sends `locale: "de"` and
`guild_locale: "ja"` with each interaction, as the fake does here.
"""

from __future__ import annotations

import pytest

from cogs.i18n import Words, words_for
from tests.fakes.discord.harness import running_fake_discord
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import ADMIN_ID, AUDIT_CHANNEL_ID, GUILD_ID, moderation_scenario
from tests.test_imagine_e2e import button, wait_for_images, wait_for_private_note

GERMAN_IN_JAPAN = Invoker(locale="de", guild_locale="ja")
ENGLISH, GERMAN, JAPANESE = words_for("en-US"), words_for("de"), words_for("ja")


def said(words: Words, message_id: str, **args: str | int) -> str:
    """The message in that language, which must not be the English one (so not a fallback)."""
    text = words(message_id, **args)
    assert text != ENGLISH(message_id, **args), f"{message_id} is English in {words.locale}"
    return text


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
    assert refused.original.content == "⚠️ " + said(GERMAN, "rule-blocked-term", term="owl")
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 1)
    [audit] = discord_fake.messages(AUDIT_CHANNEL_ID)[0].embeds
    rule = said(JAPANESE, "rule-name", rule="blocked_term")
    assert audit["title"] == said(JAPANESE, "audit-refused", rule=rule)
    assert "blocked_term" not in audit["title"]  # the rule's name, not the bot's id for it
    why = {f["name"]: f["value"] for f in audit["fields"]}[said(JAPANESE, "audit-why")]
    assert why == said(JAPANESE, "rule-blocked-term", term="owl")

    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "a fox in snow"}, invoker=GERMAN_IN_JAPAN
    )
    result = await wait_for_images(discord_fake, handle)
    assert not result.ephemeral
    [embed] = result.embeds
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    shown = [fields[said(JAPANESE, f"field-{name}")] for name in ("model", "size", "quality")]
    assert shown == ["DALL·E 3", "1024x1024", "standard"]
    cost = said(JAPANESE, "result-cost", credits=JAPANESE("credit-amount", count=1))
    assert fields[cost].startswith(said(JAPANESE, "quota-server-left", remaining=99, limit=100))
    labels = [c["label"] for row in result.components for c in row["components"]]
    buttons = ("reroll", "remix", "edit", "delete")
    assert labels == [said(JAPANESE, f"button-{name}") for name in buttons]
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 2)
    generated = discord_fake.messages(AUDIT_CHANNEL_ID)[1].embeds[0]["title"]
    assert generated == said(JAPANESE, "audit-generated")


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


async def test_a_models_own_options_are_named_in_the_servers_language(
    bot, discord_fake, gateway
) -> None:
    """Background and format sit beside Model, Size and Quality: named in Japanese too, while
    their values stay as members type them."""
    options = {"model": "openai/gpt-image-1", "background": "opaque", "output_format": "webp"}
    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "a fox", **options}, invoker=GERMAN_IN_JAPAN
    )
    result = await wait_for_images(discord_fake, handle)
    fields = {f["name"]: f["value"] for f in result.embeds[0]["fields"]}
    assert fields[said(JAPANESE, "field-background")] == "opaque"
    assert fields[said(JAPANESE, "field-output-format")] == "webp"
    assert said(GERMAN, "field-style") == "Stil"


async def test_the_line_speaks_the_servers_language_and_cancel_the_members(
    bot, discord_fake, gateway
) -> None:
    """The place in line and its Cancel button are public (Japanese); what the member who
    pressed Cancel is told, and the note on the cancelled request, are private (German)."""
    gateway.delay = 1.0
    running = await discord_fake.inject_slash(
        "imagine", {"prompt": "fox 0"}, invoker=GERMAN_IN_JAPAN
    )
    await running.wait_response()
    waiting = await discord_fake.inject_slash(
        "imagine", {"prompt": "fox 1"}, invoker=GERMAN_IN_JAPAN
    )
    await waiting.wait_response()
    first = said(JAPANESE, "queue-place", place=1, ordinal=JAPANESE.ordinal(1), duration="")
    shown = first.split("（", 1)[0]
    await discord_fake.wait_until(
        lambda: waiting.original is not None and shown in waiting.original.content
    )
    assert not waiting.original.ephemeral
    labels = [c["label"] for row in waiting.original.components for c in row["components"]]
    assert labels == [said(JAPANESE, "button-cancel")]

    cancel = button(waiting.original, "imagine:cancel:")
    pressed = await discord_fake.inject_component(waiting.original, cancel, invoker=GERMAN_IN_JAPAN)
    await pressed.wait_response()
    assert pressed.original.ephemeral
    assert pressed.original.content == said(GERMAN, "cancel-done")
    note = await wait_for_private_note(discord_fake, waiting)
    assert note.content == "⚠️ " + said(GERMAN, "left-line-cancelled")
    await wait_for_images(discord_fake, running, within=15)


async def test_a_strike_is_told_in_german_and_audited_in_japanese(
    bot, discord_fake, gateway
) -> None:
    """The gateway's safety refusal: the member's note private (German), the strike's audit
    post for the server's moderators (Japanese), the same failure said in each."""
    await bot.policy.update(
        GUILD_ID, strike_limit=2, audit_channel_id=AUDIT_CHANNEL_ID, actor_id=ADMIN_ID
    )
    gateway.fail_next("content_policy")
    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "a fox"}, invoker=GERMAN_IN_JAPAN
    )
    note = await wait_for_private_note(discord_fake, handle)
    assert said(GERMAN, "image-content-policy") in note.content
    assert said(GERMAN, "strike-counted-of", count=1, limit=2) in note.content
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 1)
    [strike] = discord_fake.messages(AUDIT_CHANNEL_ID)[0].embeds
    assert strike["title"] == said(JAPANESE, "audit-strike")
    fields = {f["name"]: f["value"] for f in strike["fields"]}
    assert fields[said(JAPANESE, "audit-why")] == said(JAPANESE, "image-content-policy")
    assert fields[said(JAPANESE, "audit-paused")] == said(JAPANESE, "setting-no")
