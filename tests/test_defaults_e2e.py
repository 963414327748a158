"""Defaults end to end: a server's (/imagine-admin defaults) and a member's (/imagine-settings),
applied in order (typed > member > server > catalog), shown on the result, kept over a restart."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import GUILD_ID, MEMBER_ID
from tests.test_imagine_e2e import used_credits, wait_for_images


def admin(fake) -> Invoker:
    return Invoker(member=fake.scenario.admin)


async def set_server(fake, **options: Any) -> str:
    handle = await fake.inject_slash(
        "imagine-admin", options, subcommand="defaults", invoker=admin(fake)
    )
    [answer] = await handle.wait_followups()
    assert answer.ephemeral
    return answer.content


async def settings(fake, **options: Any) -> str:
    handle = await fake.inject_slash("imagine-settings", options)
    [answer] = await handle.wait_followups()
    assert answer.ephemeral
    return answer.content


async def imagine(fake, invoker: Invoker | None = None, **options: Any):
    handle = await fake.inject_slash("imagine", {"prompt": "a fox", **options}, invoker=invoker)
    message = await wait_for_images(fake, handle)
    return message, {f["name"]: f["value"] for f in message.embeds[0]["fields"]}


async def test_precedence_typed_then_member_then_server_then_catalog(
    bot, discord_fake, gateway
) -> None:
    assert "This server's defaults: model GPT Image 1, quality high." in await set_server(
        discord_fake, model="openai/gpt-image-1", quality="high"
    )
    assert "quality low" in await settings(discord_fake, quality="low")

    _, fields = await imagine(discord_fake)
    assert (gateway.requests[-1].json["model"], gateway.requests[-1].json["quality"]) == (
        "openai/gpt-image-1",
        "low",
    )
    assert fields["Defaults used"] == "yours: Quality; the server's: Model"

    _, fields = await imagine(discord_fake, quality="medium")  # typed wins
    assert gateway.requests[-1].json["quality"] == "medium"
    assert fields["Defaults used"] == "the server's: Model"

    _, fields = await imagine(discord_fake, invoker=admin(discord_fake))  # no own defaults
    assert gateway.requests[-1].json["quality"] == "high"

    # A model typed: defaults its qualities lack do not apply; the catalog's does.
    _, fields = await imagine(discord_fake, model="openai/dall-e-3")
    assert gateway.requests[-1].json["quality"] == "standard"
    assert "Defaults used" not in fields


async def test_a_members_shape_and_style_defaults(bot, discord_fake, gateway) -> None:
    await settings(discord_fake, aspect="portrait", style="natural")
    _, fields = await imagine(discord_fake)
    body = gateway.requests[-1].json
    assert (body["size"], body["style"]) == ("1024x1792", "natural")
    assert fields["Defaults used"] == "yours: Aspect and Style"
    assert await used_credits(bot) == 2  # priced as the size sent


async def test_defaults_survive_a_restart(start_bot, discord_fake, gateway) -> None:
    async with start_bot():
        await set_server(discord_fake, quality="hd")
        await settings(discord_fake, style="natural")
    async with start_bot():
        await imagine(discord_fake)
        body = gateway.requests[-1].json
        assert (body["quality"], body["style"]) == ("hd", "natural")


async def test_a_disabled_default_model_is_skipped_with_a_note(bot, discord_fake, gateway) -> None:
    await settings(discord_fake, model="flux/flux-1-pro")
    await set_server(discord_fake, model="openai/gpt-image-1")
    handle = await discord_fake.inject_slash(
        "imagine-admin",
        {"model": "flux/flux-1-pro"},
        group="models",
        subcommand="disable",
        invoker=admin(discord_fake),
    )
    await handle.wait_followups()
    message, fields = await imagine(discord_fake)
    assert gateway.requests[-1].json["model"] == "openai/gpt-image-1"  # the server's, next
    assert fields["Defaults used"] == "the server's: Model"
    assert message.embeds[0]["footer"]["text"] == (
        "Your default model `flux/flux-1-pro` is not offered here now, so it was skipped."
    )


async def test_settings_show_set_and_clear(bot, discord_fake) -> None:
    assert "none" in await settings(discord_fake)
    assert await settings(discord_fake, model="openai/gpt-image-1", size="1536x1024") == (
        "Your defaults in this server: model GPT Image 1, size 1536x1024."
    )
    # A new model drops the old shape, which belonged to the old model.
    assert await settings(discord_fake, model="openai/dall-e-3") == (
        "Your defaults in this server: model DALL·E 3."
    )
    assert "cleared" in await settings(discord_fake, clear=True)
    assert "none" in await settings(discord_fake)
    assert "no defaults to clear" in await settings(discord_fake, clear=True)


async def test_a_default_the_model_lacks_is_refused_and_not_kept(bot, discord_fake) -> None:
    refused = await settings(discord_fake, model="openai/gpt-image-1", style="natural")
    assert "GPT Image 1 takes no option style" in refused
    assert "\n" not in refused
    assert await bot.defaults.member(GUILD_ID, MEMBER_ID) is None
    assert "none" in await settings(discord_fake)
    handle = await discord_fake.inject_slash(
        "imagine-admin",
        {"model": "flux/flux-1-pro"},
        group="models",
        subcommand="disable",
        invoker=admin(discord_fake),
    )
    await handle.wait_followups()
    assert "FLUX.1 [pro] is not offered in this server" in await settings(
        discord_fake, model="flux/flux-1-pro"
    )
    assert "none" in await settings(discord_fake)


async def test_defaults_autocomplete_follows_the_chosen_model(bot, discord_fake) -> None:
    for command, subcommand, invoker in (
        ("imagine-settings", None, None),
        ("imagine-admin", "defaults", admin(discord_fake)),
    ):
        handle = await discord_fake.inject_autocomplete(
            command,
            {"model": "openai/gpt-image-1", "quality": ""},
            "quality",
            subcommand=subcommand,
            invoker=invoker,
        )
        await handle.wait_response(within=3.0)
        assert [c["value"] for c in handle.choices] == ["medium", "low", "high", "auto"]
        handle = await discord_fake.inject_autocomplete(
            command, {"style": ""}, "style", subcommand=subcommand, invoker=invoker
        )
        await handle.wait_response(within=3.0)
        assert [c["value"] for c in handle.choices] == ["vivid", "natural"]
        assert len(handle.choices) <= 25


async def test_imagine_autocomplete_follows_the_default_model(bot, discord_fake) -> None:
    await settings(discord_fake, model="openai/gpt-image-1")
    for option, values in (
        ("background", ["auto", "opaque", "transparent"]),
        ("style", []),
        ("size", ["1024x1024", "1536x1024", "1024x1536", "auto"]),
    ):
        handle = await discord_fake.inject_autocomplete(
            "imagine", {"prompt": "x", option: ""}, option
        )
        await handle.wait_response(within=3.0)
        assert [c["value"] for c in handle.choices] == values
    typed = await discord_fake.inject_autocomplete(
        "imagine", {"prompt": "x", "model": "openai/dall-e-3", "style": ""}, "style"
    )
    await typed.wait_response(within=3.0)
    assert [c["value"] for c in typed.choices] == ["vivid", "natural"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"model": "acme/nope"}, "Unknown model `acme/nope`"),
        ({"size": "512x512"}, "DALL·E 3 does not offer size `512x512`"),
        ({"aspect": "square", "size": "1792x1024"}, "give one of the two"),
        ({"quality": "ultra"}, "Allowed: standard, hd"),
    ],
)
async def test_the_servers_defaults_are_checked_before_kept(
    bot, discord_fake, options, expected
) -> None:
    answer = await set_server(discord_fake, **options)
    assert expected in answer
    assert "\n" not in answer
    assert await bot.defaults.server(GUILD_ID) is None


async def test_a_members_size_is_checked_against_the_servers_default_model(
    bot, discord_fake
) -> None:
    await set_server(discord_fake, model="openai/gpt-image-1")
    assert "size 1536x1024" in await settings(discord_fake, size="1536x1024")
    await set_server(discord_fake, clear=True)
    assert "DALL·E 3 does not offer size" in await settings(discord_fake, size="1024x1536")
