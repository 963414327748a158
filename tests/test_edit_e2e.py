"""Edits end to end: /imagine-edit, the Edit button and the message menu, through the real
discord.py against the fake Discord (attachments on its loopback CDN) and the fake gateway."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.fakes.discord.interactions import Invoker, Upload
from tests.fakes.discord.scenario import GUILD_ID, MEMBER_ID
from tests.test_history_e2e import component, history_page
from tests.test_imagine_e2e import used_credits, wait_for_images, wait_for_private_note
from tests.test_quota_commands import run

GPT = "openai/gpt-image-1"


def picture(
    width: int = 40, height: int = 40, *, mode: str = "RGB", fmt: str = "PNG", seed: int = 1
) -> bytes:
    colour = (seed * 40 % 256, 90, 200, 0)[: len(mode)]
    buffer = io.BytesIO()
    Image.new(mode, (width, height), colour).save(buffer, format=fmt)
    return buffer.getvalue()


def edit_options(**extra: object) -> dict[str, object]:
    return {"image": Upload("cat.png", picture()), "prompt": "give it a hat", **extra}


async def edited_once(discord_fake, gateway, source: bytes):
    """One /imagine-edit of `source`: the gateway's one request, which carried those bytes as
    an edit, and the message that delivered what the gateway made."""
    handle = await discord_fake.inject_slash(
        "imagine-edit", {"image": Upload("cat.png", source), "prompt": "give it a hat"}
    )
    message = await wait_for_images(discord_fake, handle)
    (request,) = gateway.requests
    assert request.is_edit
    assert request.upload is not None
    assert [f.data for f in request.upload.images] == [source]
    assert [a.data for a in message.attachments] == gateway.produced
    return handle, request, message


def buttons(message) -> list[str]:
    return [c["custom_id"] for row in message.components for c in row["components"]]


async def test_edit_one_image_sends_its_bytes_and_delivers_like_imagine(
    bot, discord_fake, gateway
) -> None:
    handle, request, message = await edited_once(discord_fake, gateway, picture(seed=7))
    assert request.json["model"] == GPT  # the default model cannot edit: the first that can
    assert buttons(message) == [f"imagine:edit:{handle.id}", f"imagine:delete:{MEMBER_ID}"]
    row = await bot.quota.find(handle.id)
    assert (row.kind, row.state, row.credits) == ("edit", "committed", 2)
    report = await bot.quota.usage(GUILD_ID)
    assert [(k.kind, k.credits) for k in report.by_kind] == [("edit", 2)]


async def test_history_says_an_edit_was_one_and_offers_only_generations_again(
    bot, discord_fake, gateway
) -> None:
    made = await discord_fake.inject_slash("imagine", {"prompt": "a lighthouse"})
    await wait_for_images(discord_fake, made)
    edited = await discord_fake.inject_slash("imagine-edit", edit_options())
    await wait_for_images(discord_fake, edited)
    page = await history_page(discord_fake)
    first, second = page.embeds[0]["description"].split("\n\n")[1:]
    assert "give it a hat" in first
    assert " · edit · " in first  # newest first: the edit
    assert "a lighthouse" in second
    assert " · edit · " not in second
    menu = component(page, "imagine:again:")
    assert [o["value"] for o in menu["options"]] == [str(made.id)]  # its inputs are not kept


async def test_an_edit_takes_the_models_own_options_under_its_rules(
    bot, discord_fake, gateway
) -> None:
    handle = await discord_fake.inject_slash(
        "imagine-edit", edit_options(background="transparent", output_format="webp")
    )
    await wait_for_images(discord_fake, handle)
    (request,) = gateway.requests
    assert (request.json["background"], request.json["output_format"]) == ("transparent", "webp")
    row = await bot.quota.find(handle.id)
    assert row.options is not None
    assert '"output_format":"webp"' in row.options
    refused = await discord_fake.inject_slash(
        "imagine-edit", edit_options(background="transparent", output_format="jpeg")
    )
    note = await wait_for_private_note(discord_fake, refused)
    assert "cannot combine background `transparent` with output_format `jpeg`" in note.content
    assert len(gateway.requests) == 1
    assert await bot.quota.find(refused.id) is None  # nothing reserved


async def test_edit_two_images_and_a_mask(bot, discord_fake, gateway) -> None:
    first, second = picture(seed=1), picture(seed=2, fmt="WEBP")
    mask = picture(mode="RGBA")
    handle = await discord_fake.inject_slash(
        "imagine-edit",
        {
            "image": Upload("a.png", first),
            "prompt": "merge them",
            "image2": Upload("b.webp", second, "image/webp"),
            "mask": Upload("mask.png", mask),
        },
    )
    await wait_for_images(discord_fake, handle)
    upload = gateway.requests[0].upload
    assert upload is not None
    assert [(f.field, f.data) for f in upload.images] == [("image[]", first), ("image[]", second)]
    assert upload.mask is not None
    assert upload.mask.data == mask


async def test_the_edit_button_sends_the_results_own_image(bot, discord_fake, gateway) -> None:
    first = await discord_fake.inject_slash("imagine", {"prompt": "a lighthouse"})
    result = await wait_for_images(discord_fake, first)
    click = await discord_fake.inject_component(result, f"imagine:edit:{first.id}")
    await click.wait_response()
    assert click.record.response_type == 9  # a modal asking for the prompt
    submit = await discord_fake.submit_modal(click, {"prompt": "paint it red"})
    await wait_for_images(discord_fake, submit)
    edit = gateway.requests[-1]
    assert edit.is_edit
    assert edit.upload is not None
    assert [f.data for f in edit.upload.images] == [result.attachments[0].data]
    assert edit.json["prompt"] == "paint it red"


async def test_the_message_menu_edits_a_members_image(bot, discord_fake, gateway) -> None:
    source = picture(seed=9, fmt="JPEG")
    posted = discord_fake.post_member_message([("photo.jpg", source, "image/jpeg")])
    commands = discord_fake.state.guild_commands[GUILD_ID]
    menu = next(c for c in commands if c["name"] == "Edit with imagine")
    assert menu["type"] == 3
    opened = await discord_fake.inject_message_command("Edit with imagine", posted)
    await opened.wait_response()
    submit = await discord_fake.submit_modal(opened, {"prompt": "make it night"})
    await wait_for_images(discord_fake, submit)
    upload = gateway.requests[-1].upload
    assert upload is not None
    assert [f.data for f in upload.images] == [source]  # JPEG is taken as it is


def bomb() -> bytes:
    """A small file that decodes to 100 megapixels."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"image": Upload("big.png", picture(), declared_size=21 * 1024 * 1024)},
            "edits take images up to 20.0 MB",
        ),
        ({"image": Upload("fake.png", b"<html>not an image</html>")}, "is not a whole PNG"),
        ({"image": Upload("cut.png", picture()[:-40])}, "is not a whole PNG"),
        ({"image": Upload("bomb.png", bomb())}, "has too many pixels"),
        ({"mask": Upload("m.png", picture())}, "The mask has no transparency"),
        ({"mask": Upload("m.png", picture(41, 40, mode="RGBA"))}, "not the same size"),
        ({"mask": Upload("m.webp", picture(mode="RGBA", fmt="WEBP"))}, "The mask is not a PNG"),
        ({"model": "openai/dall-e-3"}, "DALL·E 3 cannot edit images"),
        ({"prompt": "   "}, "The prompt is empty"),
    ],
)
async def test_refusals_call_nothing_and_spend_nothing(
    bot, discord_fake, gateway, options, expected
) -> None:
    handle = await discord_fake.inject_slash("imagine-edit", edit_options(**options))
    note = await wait_for_private_note(discord_fake, handle)
    assert expected in note.content
    assert "\n" not in note.content
    assert gateway.requests == []
    assert await used_credits(bot) == 0
    assert await bot.quota.find(handle.id) is None


async def test_too_big_is_refused_before_a_byte_is_read(bot, discord_fake, gateway) -> None:
    upload = Upload("big.png", picture(), declared_size=21 * 1024 * 1024)
    handle = await discord_fake.inject_slash("imagine-edit", edit_options(image=upload))
    await wait_for_private_note(discord_fake, handle)
    assert discord_fake.state.cdn_reads == []


async def test_the_menu_on_a_message_without_an_image_says_so(bot, discord_fake, gateway) -> None:
    posted = discord_fake.post_member_message([("notes.txt", b"hello", "text/plain")])
    opened = await discord_fake.inject_message_command("Edit with imagine", posted)
    note = await wait_for_private_note(discord_fake, opened)
    assert "no image attachment" in note.content
    assert gateway.requests == []


async def test_a_gateway_without_edits_refunds_in_full(bot, discord_fake, gateway) -> None:
    gateway.edits = False
    for _ in range(2):
        handle = await discord_fake.inject_slash("imagine-edit", edit_options())
        note = await wait_for_private_note(discord_fake, handle)
        assert note.content.endswith(
            "This image service does not offer edits for GPT Image 1. Nothing was spent."
        )
        assert (await bot.quota.find(handle.id)).state == "refunded"
    assert len(gateway.requests) == 2  # one call each: no retry
    assert await used_credits(bot) == 0


async def test_an_edit_through_a_dropped_connection_is_settled_as_a_generation(
    bot, discord_fake, gateway
) -> None:
    gateway.fail_next("disconnect")
    handle = await discord_fake.inject_slash("imagine-edit", edit_options())
    note = await wait_for_private_note(discord_fake, handle)
    assert "may have cost 2 credits" in note.content
    assert (await bot.quota.find(handle.id)).state == "unknown"
    assert await used_credits(bot) == 2


async def test_usage_and_metrics_tell_edits_from_generations(bot, discord_fake, gateway) -> None:
    await wait_for_images(
        discord_fake, await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    )
    await wait_for_images(
        discord_fake, await discord_fake.inject_slash("imagine-edit", edit_options())
    )
    admin = Invoker(member=discord_fake.scenario.admin)
    [embed] = (await run(discord_fake, "usage", invoker=admin)).embeds
    fields = {f["name"]: f["value"].splitlines() for f in embed["fields"]}
    assert fields["Generations and edits"] == [
        "Edits: 2 credits (1 request)",
        "Generations: 1 credit (1 request)",
    ]

    def sample(name: str, **labels: str) -> float | None:
        return bot.metrics.registry.get_sample_value(name, labels)

    edit = {"model": GPT, "operation": "edit"}
    assert sample("imagine_generations_total", **edit, outcome="succeeded") == 1
    assert sample("imagine_credits_spent_total", **edit) == 2
    assert sample("imagine_credits_spent_total", model=GPT, operation="generation") == 0
    generation = {"model": "openai/dall-e-3", "operation": "generation"}
    assert sample("imagine_credits_spent_total", **generation) == 1


async def test_only_models_that_edit_are_offered(bot, discord_fake, gateway) -> None:
    commands = {c["name"]: c for c in discord_fake.state.guild_commands[GUILD_ID]}
    options = {o["name"]: o for o in commands["imagine-edit"]["options"]}
    assert (options["image"]["type"], options["image"]["required"]) == (11, True)
    assert options["mask"]["type"] == 11
    handle = await discord_fake.inject_autocomplete(
        "imagine-edit", {"prompt": "x", "model": ""}, "model"
    )
    await handle.wait_response()
    assert [c["value"] for c in handle.choices] == [GPT]


async def test_a_cdn_sending_more_than_discord_declared_is_refused(
    start_bot, discord_fake, gateway
) -> None:
    async with start_bot(edit_input_max_bytes=2048) as bot:
        data = bytes(4096)  # twice the limit, declared as less than half of it
        upload = Upload("liar.png", data, declared_size=1000)
        handle = await discord_fake.inject_slash("imagine-edit", edit_options(image=upload))
        note = await wait_for_private_note(discord_fake, handle)
        assert "Discord did not hand over `liar.png`" in note.content
        assert gateway.requests == []
        assert await used_credits(bot) == 0
