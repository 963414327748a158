"""Creative controls end to end: aspects, each model's own options, through the fake Discord."""

from __future__ import annotations

from typing import Any

import pytest

from bot.image_format import detect_image_format
from tests.fakes.discord.scenario import ADMIN_ID, GUILD_ID, MEMBER_ID
from tests.test_imagine_e2e import button, used_credits, wait_for_images, wait_for_private_note

EXTRA_OPTIONS = ("aspect", "style", "background", "output_format")


async def test_the_new_options_autocomplete_and_keep_within_discords_limits(
    bot, discord_fake
) -> None:
    commands = {c["name"]: c for guild in discord_fake.state.guild_commands.values() for c in guild}
    imagine = commands["imagine"]
    options = {o["name"]: o for o in imagine["options"]}
    assert len(options) <= 25
    assert options["prompt"]["required"] is True
    for name in EXTRA_OPTIONS:
        assert options[name]["type"] == 3
        assert options[name]["autocomplete"] is True
        assert not options[name].get("required")
    assert imagine["options"][0]["name"] == "prompt"  # a prompt alone is all a member types


@pytest.mark.parametrize(
    ("model", "aspect", "size", "credits"),
    [
        ("openai/dall-e-3", "square", "1024x1024", 1),
        ("openai/dall-e-3", "portrait", "1024x1792", 2),
        ("openai/dall-e-3", "wide", "1792x1024", 2),
        ("openai/gpt-image-1", "landscape", "1536x1024", 2),
        ("openai/gpt-image-1", "portrait", "1024x1536", 2),
        ("flux/flux-1-pro", "portrait", "832x1248", 2),
        ("flux/flux-1-pro", "square", "1024x1024", 2),
    ],
)
async def test_aspect_sends_the_models_size_and_costs_what_was_sent(
    bot, discord_fake, gateway, model, aspect, size, credits
) -> None:
    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "a fox", "model": model, "aspect": aspect}
    )
    message = await wait_for_images(discord_fake, handle)
    assert gateway.requests[0].json["size"] == size
    fields = {f["name"]: f["value"] for f in message.embeds[0]["fields"]}
    assert fields["Size"] == size
    assert await used_credits(bot) == credits


async def test_style_reaches_dalle3(bot, discord_fake, gateway) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox", "style": "natural"})
    message = await wait_for_images(discord_fake, handle)
    body = gateway.requests[0].json
    assert body["style"] == "natural"
    assert "background" not in body
    assert "output_format" not in body
    fields = {f["name"]: f["value"] for f in message.embeds[0]["fields"]}
    assert fields["Style"] == "natural"


async def test_background_and_format_reach_gpt_image(bot, discord_fake, gateway) -> None:
    handle = await discord_fake.inject_slash(
        "imagine",
        {
            "prompt": "a sticker of a fox",
            "model": "openai/gpt-image-1",
            "background": "transparent",
            "output_format": "webp",
        },
    )
    message = await wait_for_images(discord_fake, handle)
    body = gateway.requests[0].json
    assert (body["background"], body["output_format"]) == ("transparent", "webp")
    assert "style" not in body
    fields = {f["name"]: f["value"] for f in message.embeds[0]["fields"]}
    assert (fields["Background"], fields["Output format"]) == ("transparent", "webp")
    [attachment] = message.attachments
    assert attachment.data == gateway.produced[0]
    assert detect_image_format(attachment.data) == "webp"
    assert attachment.filename.endswith(".webp")


async def test_jpeg_output_arrives_as_jpeg(bot, discord_fake, gateway) -> None:
    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "a fox", "model": "openai/gpt-image-1", "output_format": "jpeg"}
    )
    message = await wait_for_images(discord_fake, handle)
    assert gateway.requests[0].json["output_format"] == "jpeg"
    assert detect_image_format(message.attachments[0].data) == "jpeg"
    assert message.attachments[0].filename.endswith((".jpg", ".jpeg"))


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"model": "openai/gpt-image-1", "style": "vivid"}, "GPT Image 1 takes no option style"),
        ({"background": "transparent"}, "DALL·E 3 takes no option background"),
        ({"model": "flux/flux-1-pro", "output_format": "png"}, "no option output_format"),
        ({"style": "moody"}, "Allowed: vivid, natural"),
        (
            {"model": "openai/gpt-image-1", "background": "transparent", "output_format": "jpeg"},
            "cannot combine background `transparent` with output_format `jpeg`",
        ),
        ({"aspect": "portrait", "size": "1792x1024"}, "give one of the two"),
        ({"model": "openai/gpt-image-1", "aspect": "wide"}, "does not offer aspect `wide`"),
    ],
)
async def test_options_a_model_lacks_are_refused_before_spending(
    bot, discord_fake, gateway, options, expected
) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox", **options})
    record = await handle.wait_response()
    assert record.response_type == 4
    note = handle.original
    assert note.ephemeral
    assert expected in note.content
    assert "\n" not in note.content
    assert gateway.requests == []
    assert await used_credits(bot) == 0


@pytest.mark.parametrize(
    ("model", "option", "typed", "values"),
    [
        (None, "aspect", "", ["square", "portrait", "landscape", "tall", "wide"]),
        ("openai/gpt-image-1", "aspect", "", ["square", "portrait", "landscape"]),
        ("flux/flux-1-pro", "aspect", "w", ["wide"]),
        (None, "style", "", ["vivid", "natural"]),
        ("openai/gpt-image-1", "style", "", []),
        ("openai/gpt-image-1", "background", "", ["auto", "opaque", "transparent"]),
        (None, "background", "", []),
        ("openai/gpt-image-1", "output_format", "p", ["png", "webp", "jpeg"]),
        ("flux/flux-1-pro", "output_format", "", []),
    ],
)
async def test_autocomplete_offers_only_what_the_chosen_model_has(
    bot, discord_fake, model, option, typed, values
) -> None:
    typed_options = {"prompt": "x", option: typed}
    if model is not None:
        typed_options["model"] = model
    handle = await discord_fake.inject_autocomplete("imagine", typed_options, option)
    record = await handle.wait_response(within=3.0)
    assert record.response_type == 8
    assert len(handle.choices) <= 25
    assert [c["value"] for c in handle.choices] == values


async def test_aspect_choices_name_the_size_sent(bot, discord_fake) -> None:
    handle = await discord_fake.inject_autocomplete(
        "imagine", {"prompt": "x", "model": "flux/flux-1-pro", "aspect": "por"}, "aspect"
    )
    await handle.wait_response(within=3.0)
    assert handle.choices == [{"name": "portrait (832x1248)", "value": "portrait"}]


# -- Remix ------------------------------------------------------------------------------------


def text_input(record) -> dict[str, Any]:
    """The one text input of the modal a Remix click was answered with."""
    [row] = record.response_data["components"]
    return row.get("component") or row["components"][0]


async def open_remix(discord_fake, message, invoker=None):
    click = await discord_fake.inject_component(
        message, button(message, "imagine:remix:"), invoker=invoker
    )
    return click, await click.wait_response()


async def test_remix_opens_a_modal_with_the_prompt(bot, discord_fake, gateway) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a red fox in snow"})
    message = await wait_for_images(discord_fake, handle)
    _, record = await open_remix(discord_fake, message)
    assert record.response_type == 9
    assert record.response_data["custom_id"] == f"imagine:remix:{handle.id}"
    field = text_input(record)
    assert field["value"] == "a red fox in snow"
    assert field["max_length"] == 4000  # DALL·E 3's own limit, within Discord's
    discord_fake.assert_no_violations()
    assert len(gateway.requests) == 1  # opening the form spends nothing


@pytest.mark.parametrize(
    ("model", "length", "max_length"),
    [("openai/gpt-image-1", 5000, 4000), ("flux/flux-1-pro", 2000, 2000)],
)
async def test_remix_prefills_as_much_as_the_model_and_discord_take(
    bot, discord_fake, model, length, max_length
) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "y" * length, "model": model})
    message = await wait_for_images(discord_fake, handle)
    _, record = await open_remix(discord_fake, message)
    field = text_input(record)
    assert field["max_length"] == max_length
    assert field["value"] == "y" * min(length, max_length)
    discord_fake.assert_no_violations()


async def test_remix_runs_a_new_charged_request_with_the_same_options(
    bot, discord_fake, gateway
) -> None:
    first = await discord_fake.inject_slash(
        "imagine",
        {
            "prompt": "a fox sticker",
            "model": "openai/gpt-image-1",
            "aspect": "portrait",
            "quality": "high",
            "background": "transparent",
            "output_format": "webp",
        },
    )
    message = await wait_for_images(discord_fake, first)
    click, _ = await open_remix(discord_fake, message)
    submitted = await discord_fake.submit_modal(click, {"prompt": "an owl sticker"})
    remixed = await wait_for_images(discord_fake, submitted)
    record = discord_fake.state.interactions[submitted.id]
    assert record.type == 5
    assert record.response_type == 5  # deferred like any request
    before, after = (r.json for r in gateway.requests)
    assert after["prompt"] == "an owl sticker"
    assert {k: v for k, v in after.items() if k != "prompt"} == {
        k: v for k, v in before.items() if k != "prompt"
    }
    assert after["size"] == "1024x1536"
    assert remixed.embeds[0]["description"] == "an owl sticker"
    assert button(remixed, "imagine:remix:") == f"imagine:remix:{submitted.id}"
    assert await used_credits(bot) == 2 * 7
    discord_fake.assert_no_violations()


async def test_reroll_keeps_the_models_own_options(bot, discord_fake, gateway) -> None:
    first = await discord_fake.inject_slash("imagine", {"prompt": "a fox", "style": "natural"})
    message = await wait_for_images(discord_fake, first)
    again = await discord_fake.inject_component(message, button(message, "imagine:reroll:"))
    await wait_for_images(discord_fake, again)
    assert gateway.requests[1].json["style"] == "natural"


async def test_a_remixed_prompt_is_checked_like_any_other(bot, discord_fake, gateway) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    click, _ = await open_remix(discord_fake, message)
    submitted = await discord_fake.submit_modal(click, {"prompt": "   "})
    note = await wait_for_private_note(discord_fake, submitted)
    assert "The prompt is empty." in note.content
    assert len(gateway.requests) == 1
    assert await used_credits(bot) == 1


async def test_a_remix_over_budget_is_refused_and_costs_nothing(
    start_bot, discord_fake, gateway
) -> None:
    async with start_bot(quota_guild_credits=2) as bot:
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox", "quality": "hd"})
        message = await wait_for_images(discord_fake, handle)
        click, _ = await open_remix(discord_fake, message)
        submitted = await discord_fake.submit_modal(click, {"prompt": "a wolf"})
        note = await wait_for_private_note(discord_fake, submitted)
        assert note.ephemeral
        assert len(gateway.requests) == 1
        assert await used_credits(bot) == 2


async def test_remix_after_the_prompt_was_forgotten_opens_nothing(
    bot, discord_fake, gateway, quota_clock
) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    quota_clock.advance(days=31)
    await bot.maintain()  # PROMPT_RETENTION_DAYS defaults to 30
    click, record = await open_remix(discord_fake, message)
    assert record.response_type == 4
    assert "too old to remix" in click.original.content
    assert click.original.ephemeral
    assert len(gateway.requests) == 1


async def test_remix_survives_a_restart_even_with_the_form_open(
    start_bot, discord_fake, gateway
) -> None:
    async with start_bot():
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox", "style": "natural"})
        message = await wait_for_images(discord_fake, handle)
        open_before, _ = await open_remix(discord_fake, message)
    async with start_bot() as restarted:
        submitted = await discord_fake.submit_modal(open_before, {"prompt": "a vixen"})
        await wait_for_images(discord_fake, submitted)
        click, _ = await open_remix(discord_fake, message)
        again = await discord_fake.submit_modal(click)  # sent unchanged
        await wait_for_images(discord_fake, again)
        assert [r.json["prompt"] for r in gateway.requests] == ["a fox", "a vixen", "a fox"]
        assert all(r.json["style"] == "natural" for r in gateway.requests)
        assert await used_credits(restarted) == 3


async def test_a_paused_member_cannot_remix(bot, discord_fake, gateway) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    click, _ = await open_remix(discord_fake, message)
    await bot.policy.pause(GUILD_ID, MEMBER_ID, "spam", ADMIN_ID)
    submitted = await discord_fake.submit_modal(click, {"prompt": "a wolf"})
    note = await wait_for_private_note(discord_fake, submitted)
    assert "paused" in note.content
    assert len(gateway.requests) == 1
    assert await used_credits(bot) == 1
