"""Creative controls end to end: aspects, each model's own options, through the fake Discord."""

from __future__ import annotations

import pytest

from tests.test_imagine_e2e import used_credits, wait_for_images

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
