"""/imagine end to end: the real discord.py against the fake Discord and the fake gateway."""

from __future__ import annotations

import asyncio
import io
import logging
import struct
import zlib

import pytest
from PIL import Image

from bot.image_format import detect_image_format
from tests.conftest import API_KEY
from tests.databases import sqlite_write_lock
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import CHANNEL_ID, GUILD_ID, MEMBER_ID, FakeMember, FakeUser

IMAGINE_OPTIONS = {
    "prompt",
    "model",
    "size",
    "quality",
    "n",
    "aspect",
    "style",
    "background",
    "output_format",
}


async def wait_for_images(fake, handle, within: float = 10.0):
    await fake.wait_until(
        lambda: handle.original is not None and bool(handle.original.attachments), within
    )
    return handle.original


async def wait_for_private_note(fake, handle, within: float = 10.0):
    """The ephemeral followup that tells only the requester what went wrong."""
    await fake.wait_until(lambda: _ephemeral_followups(fake, handle), within)
    return _ephemeral_followups(fake, handle)[-1]


def _ephemeral_followups(fake, handle):
    record = fake.state.interactions[handle.id]
    messages = [fake.state.message(i) for i in record.followup_message_ids]
    if record.original_message_id and record.response_type == 4:
        messages.append(fake.state.message(record.original_message_id))
    return [m for m in messages if m is not None and m.ephemeral]


async def used_credits(bot) -> int:
    status = await bot.quota.status(GUILD_ID, MEMBER_ID)
    return status.guild_used


# -- the command schema ---------------------------------------------------------------------


async def test_synced_imagine_schema(bot, discord_fake) -> None:
    commands = {c["name"]: c for c in discord_fake.state.guild_commands[GUILD_ID]}
    imagine = commands["imagine"]
    options = {o["name"]: o for o in imagine["options"]}
    assert set(options) == IMAGINE_OPTIONS
    assert options["prompt"]["type"] == 3
    assert options["prompt"]["required"] is True
    assert options["model"]["autocomplete"] is True  # filtered by the guild's enabled models
    assert "choices" not in options["model"]
    assert options["size"]["autocomplete"] is True
    assert options["quality"]["autocomplete"] is True
    assert options["n"]["type"] == 4
    assert options["n"]["autocomplete"] is True
    assert (options["n"]["min_value"], options["n"]["max_value"]) == (1, 10)
    assert imagine["contexts"] == [0]  # guild only
    assert all(o["description"] for o in imagine["options"])


# -- the happy paths --------------------------------------------------------------------------


async def test_b64_images_arrive_byte_identical_after_the_defer(bot, discord_fake, gateway) -> None:
    gateway.fail_next("slow", seconds=0.5)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a red fox in snow"})
    await discord_fake.wait_until(lambda: len(gateway.requests) == 1)
    # The image API was called only after the interaction was acknowledged (type 5, thinking).
    record = discord_fake.state.interactions[handle.id]
    assert record.response_type == 5
    message = await wait_for_images(discord_fake, handle)
    assert [a.data for a in message.attachments] == gateway.produced
    body = gateway.requests[0].json
    assert body["model"] == "openai/dall-e-3"
    assert body["response_format"] == "b64_json"
    assert gateway.requests[0].headers["Authorization"] == f"Bearer {API_KEY}"
    embed = message.embeds[0]
    assert embed["description"] == "a red fox in snow"
    assert embed["author"]["name"] == "Alice"
    assert "footer" not in embed  # nothing to note
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Model"] == "DALL·E 3"
    assert fields["Size"] == "1024x1024"
    assert fields["Quality"] == "standard"
    assert "Revised prompt" in fields
    assert any("99" in value for value in fields.values())  # 100 - 1 credits left
    assert [c["custom_id"] for c in message.components[0]["components"]] == [
        f"imagine:reroll:{handle.id}",
        f"imagine:remix:{handle.id}",
        f"imagine:edit:{handle.id}",
        f"imagine:delete:{MEMBER_ID}",
    ]
    assert await used_credits(bot) == 1


async def test_url_results_are_downloaded_and_delivered(bot, discord_fake, gateway) -> None:
    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "a lighthouse", "model": "flux/flux-1-pro", "size": "512x768"}
    )
    message = await wait_for_images(discord_fake, handle)
    assert gateway.requests[0].json["response_format"] == "url"
    assert len(gateway.downloads) == 1
    assert [a.data for a in message.attachments] == gateway.produced
    assert await used_credits(bot) == 2


async def test_several_images_in_one_message(bot, discord_fake, gateway) -> None:
    handle = await discord_fake.inject_slash(
        "imagine", {"prompt": "owls", "model": "openai/gpt-image-1", "n": 3, "quality": "low"}
    )
    message = await wait_for_images(discord_fake, handle)
    assert "response_format" not in gateway.requests[0].json
    assert [a.data for a in message.attachments] == gateway.produced
    assert len(message.attachments) == 3
    assert await used_credits(bot) == 3


async def test_size_autocomplete_follows_the_model(bot, discord_fake) -> None:
    dalle = await discord_fake.inject_autocomplete("imagine", {"prompt": "x", "size": ""}, "size")
    await dalle.wait_response()
    assert [c["value"] for c in dalle.choices] == ["1024x1024", "1792x1024", "1024x1792"]
    gpt = await discord_fake.inject_autocomplete(
        "imagine", {"prompt": "x", "model": "openai/gpt-image-1", "size": "15"}, "size"
    )
    await gpt.wait_response()
    assert [c["value"] for c in gpt.choices] == ["1536x1024", "1024x1536"]
    quality = await discord_fake.inject_autocomplete(
        "imagine", {"prompt": "x", "model": "openai/gpt-image-1", "quality": ""}, "quality"
    )
    await quality.wait_response()
    assert [c["value"] for c in quality.choices] == ["medium", "low", "high", "auto"]
    for model, counts in (("openai/dall-e-3", [1]), ("openai/gpt-image-1", [1, 2, 3, 4])):
        n = await discord_fake.inject_autocomplete(
            "imagine", {"prompt": "x", "model": model, "n": 1}, "n"
        )
        await n.wait_response()
        assert [c["value"] for c in n.choices] == counts


async def test_oversize_image_is_reencoded_to_fit(start_bot, discord_fake, gateway) -> None:
    gateway.width = gateway.height = 256
    gateway.noise = True
    limit = 60_000
    async with start_bot():
        handle = await discord_fake.inject_slash(
            "imagine", {"prompt": "static"}, invoker=Invoker(attachment_size_limit=limit)
        )
        message = await wait_for_images(discord_fake, handle)
    [attachment] = message.attachments
    assert len(gateway.produced[0]) > limit
    assert len(attachment.data) <= limit
    assert detect_image_format(attachment.data) == "webp"
    assert attachment.filename.endswith(".webp")
    with Image.open(io.BytesIO(attachment.data)) as image:
        assert image.width > 0
    assert "Re-encoded" in message.embeds[0]["footer"]["text"]


async def test_everyone_in_a_prompt_pings_nobody(bot, discord_fake) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "@everyone look <@&1> @here"})
    message = await wait_for_images(discord_fake, handle)
    assert "@everyone look" in message.embeds[0]["description"]
    sent = [r for r in discord_fake.requests if r.json is not None and r.method != "PUT"]
    bodies = [r.json.get("data", r.json) for r in sent if isinstance(r.json, dict)]
    with_content = [b for b in bodies if "embeds" in b or "content" in b]
    assert with_content
    for body in with_content:
        assert body.get("allowed_mentions") == {"parse": []}


async def test_progress_is_shown_on_long_generations(bot, discord_fake, gateway) -> None:
    bot.get_cog("Imagine").progress_interval = 0.2
    gateway.fail_next("slow", seconds=1.0)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "slow"})
    await discord_fake.wait_until(
        lambda: handle.original is not None and "Generating" in handle.original.content
    )
    assert "DALL·E 3" in handle.original.content
    message = await wait_for_images(discord_fake, handle)
    assert message.content == ""


# -- refusals before anything is spent -----------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"size": "512x512"}, "Allowed: 1024x1024, 1792x1024, 1024x1792"),
        ({"quality": "ultra"}, "Allowed: standard, hd"),
        ({"prompt": "x" * 4001}, "takes at most 4,000"),
        ({"n": 2}, "1 to 1 images"),
        ({"prompt": "\u3164"}, "The prompt is empty."),  # a Hangul filler only: shows nothing
    ],
)
async def test_invalid_options_are_refused_privately_and_cost_nothing(
    bot, discord_fake, gateway, options, expected
) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox", **options})
    record = await handle.wait_response()
    assert record.response_type == 4
    note = handle.original
    assert note.ephemeral
    assert expected in note.content
    assert gateway.requests == []
    assert await used_credits(bot) == 0


# -- failures upstream ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "times", "expected"),
    [
        ("content_policy", 1, "safety filter blocked this prompt"),
        ("moderation_blocked", 1, "safety filter blocked this prompt"),
        ("server_error", 3, "unavailable right now"),
        ("rate_limit", 3, "busy right now"),
        ("auth", 1, "API key was refused"),
        ("insufficient_quota", 1, "out of credit"),
        ("disconnect", 1, "unavailable right now"),
    ],
)
async def test_each_upstream_failure_gets_its_own_private_message(
    bot, discord_fake, gateway, kind, times, expected
) -> None:
    gateway.fail_next(kind, times=times, retry_after=0)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    note = await wait_for_private_note(discord_fake, handle)
    assert note.content.startswith("⚠️")
    assert expected in note.content
    assert API_KEY not in note.content
    original = discord_fake.state.message(
        discord_fake.state.interactions[handle.id].original_message_id
    )
    assert original.deleted  # the public "thinking" message does not linger
    assert len(gateway.requests) == times  # retried only what may be retried
    state = (await bot.quota.find(handle.id)).state
    # An error answer surely cost nothing; a dropped connection after sending may have.
    assert state == ("unknown" if kind == "disconnect" else "refunded")
    assert await used_credits(bot) == (1 if kind == "disconnect" else 0)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("insufficient_quota", "out of credit"),
        ("rate_limit", "busy right now"),
        ("server_error", "unavailable right now"),
        ("unsupported_params", "check the image gateway's configuration"),
        ("no_db", "API key was refused"),
    ],
)
async def test_litellms_rewritten_failures_told_right_after_one_call(
    bot, discord_fake, gateway, answer, expected
) -> None:
    """LiteLLM drops the codes and has retried already: the member still reads the right
    sentence, refunded, after one call of the bot's."""
    gateway.fail_next("litellm", times=3, answer=answer)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    note = await wait_for_private_note(discord_fake, handle)
    assert expected in note.content
    assert len(gateway.requests) == 1
    assert (await bot.quota.find(handle.id)).state == "refunded"
    assert await used_credits(bot) == 0


async def test_timeout_outcome_is_unknown_and_stays_spent(start_bot, discord_fake, gateway) -> None:
    gateway.fail_next("slow", seconds=5)
    async with start_bot(image_api_timeout=1) as bot:
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        note = await wait_for_private_note(discord_fake, handle)
        assert "took too long" in note.content.lower() or "timed out" in note.content.lower()
        assert len(gateway.requests) == 1  # a read timeout is never retried blindly
        assert await used_credits(bot) == 1
        assert (await bot.quota.find(handle.id)).state == "unknown"


async def test_timeout_is_refunded_when_the_admin_says_so(start_bot, discord_fake, gateway) -> None:
    gateway.fail_next("slow", seconds=5)
    async with start_bot(image_api_timeout=1, quota_refund_unknown=True) as bot:
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await wait_for_private_note(discord_fake, handle)
        assert await used_credits(bot) == 0


# -- the buttons -------------------------------------------------------------------------------


def button(message, prefix: str) -> str:
    ids = [c["custom_id"] for row in message.components for c in row["components"]]
    return next(i for i in ids if i.startswith(prefix))


async def test_reroll_runs_the_same_request_again_and_spends_again(
    bot, discord_fake, gateway
) -> None:
    first = await discord_fake.inject_slash(
        "imagine", {"prompt": "a castle", "quality": "hd", "size": "1792x1024"}
    )
    message = await wait_for_images(discord_fake, first)
    again = await discord_fake.inject_component(message, button(message, "imagine:reroll:"))
    rerolled = await wait_for_images(discord_fake, again)
    assert rerolled.id != message.id
    assert [a.data for a in rerolled.attachments] == gateway.produced[1:]
    assert gateway.requests[1].json == gateway.requests[0].json
    assert await used_credits(bot) == 2 * 3
    assert button(rerolled, "imagine:reroll:") == f"imagine:reroll:{again.id}"


async def test_delete_refuses_another_member_and_obeys_the_requester(bot, discord_fake) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    delete = button(message, "imagine:delete:")
    mallory = FakeMember(FakeUser(1_500_000_000_000_000_099, "mallory"))
    stranger = await discord_fake.inject_component(message, delete, invoker=Invoker(member=mallory))
    await stranger.wait_response()
    assert stranger.original.ephemeral
    assert "or a moderator can delete it" in stranger.original.content
    assert not message.deleted
    await discord_fake.inject_component(message, delete)
    await discord_fake.wait_until(lambda: message.deleted)


async def test_a_moderator_may_delete_anyones_result(bot, discord_fake) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    await discord_fake.inject_component(
        message,
        button(message, "imagine:delete:"),
        invoker=Invoker(member=discord_fake.scenario.admin),
    )
    await discord_fake.wait_until(lambda: message.deleted)


async def test_buttons_keep_working_after_a_restart(start_bot, discord_fake, gateway) -> None:
    async with start_bot():
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        message = await wait_for_images(discord_fake, handle)
    async with start_bot() as restarted:
        again = await discord_fake.inject_component(message, button(message, "imagine:reroll:"))
        rerolled = await wait_for_images(discord_fake, again)
        assert rerolled.attachments[0].data == gateway.produced[1]
        await discord_fake.inject_component(message, button(message, "imagine:delete:"))
        await discord_fake.wait_until(lambda: message.deleted)
        assert await used_credits(restarted) == 2


async def test_images_go_to_the_channel_when_the_token_expired(bot, discord_fake, gateway) -> None:
    gateway.fail_next("slow", seconds=1.0)
    await discord_fake.inject_slash("imagine", {"prompt": "a slow fox"})
    await discord_fake.wait_until(lambda: len(gateway.requests) == 1)
    discord_fake.clock.advance(15 * 60 + 1)
    await discord_fake.wait_until(
        lambda: any(m.attachments and m.interaction_id is None for m in discord_fake.messages()),
        within=10,
    )
    [posted] = [m for m in discord_fake.messages() if m.attachments]
    assert posted.channel_id == CHANNEL_ID
    assert [a.data for a in posted.attachments] == gateway.produced
    assert posted.allowed_mentions == {"parse": []}
    assert await used_credits(bot) == 1


# -- shutdown ----------------------------------------------------------------------------------


async def test_shutdown_between_attempts_refunds(start_bot, discord_fake, gateway, caplog) -> None:
    gateway.fail_next("rate_limit", retry_after=5)
    async with start_bot(shutdown_grace_seconds=0.2):
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(
            lambda: any("retry in" in r.getMessage() for r in caplog.records)
        )
    note = await wait_for_private_note(discord_fake, handle)
    assert "restarting" in note.content
    assert "Nothing was spent" in note.content
    async with start_bot() as restarted:
        assert (await restarted.quota.find(handle.id)).state == "refunded"
        assert await used_credits(restarted) == 0


async def test_shutdown_while_the_gateway_works_keeps_it_unknown(
    start_bot, discord_fake, gateway
) -> None:
    gateway.fail_next("slow", seconds=30)
    async with start_bot(shutdown_grace_seconds=0.2):
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(lambda: len(gateway.requests) == 1)
    note = await wait_for_private_note(discord_fake, handle)
    assert "restarting" in note.content
    assert "may have cost 1 credit" in note.content
    async with start_bot() as restarted:
        assert (await restarted.quota.find(handle.id)).state == "unknown"
        assert await used_credits(restarted) == 1


async def test_a_413_despite_fitting_shrinks_and_retries(bot, discord_fake, gateway) -> None:
    gateway.width = gateway.height = 256
    gateway.noise = True
    discord_fake.fail_next("PATCH", "/webhooks/*/messages/@original", status=413)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    [attachment] = message.attachments
    assert len(attachment.data) <= len(gateway.produced[0]) // 2
    assert detect_image_format(attachment.data) == "webp"
    assert "Re-encoded" in message.embeds[0]["footer"]["text"]
    assert await used_credits(bot) == 1


async def test_an_unexpected_failure_behind_a_button_is_reported_privately(
    bot, discord_fake, caplog
) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    await bot.store.close()  # the database is gone: Re-roll cannot read the request back
    click = await discord_fake.inject_component(message, button(message, "imagine:reroll:"))
    note = await wait_for_private_note(discord_fake, click)
    assert "Something went wrong on our side" in note.content
    assert any(r.name == "imagine.cogs.errors" and r.exc_info for r in caplog.records)


async def test_reroll_after_the_prompt_was_forgotten_says_so(
    bot, discord_fake, gateway, quota_clock
) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    quota_clock.advance(days=31)
    await bot.maintain()  # PROMPT_RETENTION_DAYS defaults to 30
    click = await discord_fake.inject_component(message, button(message, "imagine:reroll:"))
    note = await wait_for_private_note(discord_fake, click)
    assert "too old to re-roll" in note.content
    assert len(gateway.requests) == 1


async def test_a_prompt_is_shown_as_typed_not_as_markdown(bot, discord_fake) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a **bold** ||secret|| cat"})
    message = await wait_for_images(discord_fake, handle)
    assert message.embeds[0]["description"] == r"a \*\*bold\*\* \|\|secret\|\| cat"


async def test_a_delivery_under_way_finishes_before_shutdown(
    start_bot, discord_fake, gateway
) -> None:
    # Discord rate-limits the result's upload: the delivery is still waiting when the bot stops.
    discord_fake.fail_next("PATCH", "/webhooks/*/messages/@original", status=429, retry_after=1)
    async with start_bot():
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(
            lambda: any(r.status == 429 for r in discord_fake.requests), within=10
        )
    assert handle.original.attachments[0].data == gateway.produced[0]


def unopenable_png() -> bytes:
    """A complete, valid PNG that claims 20000x20000 pixels: Pillow refuses it as a bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 20_000, 20_000, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


async def test_an_image_pillow_cannot_open_is_still_delivered(bot, discord_fake, gateway) -> None:
    data = unopenable_png()
    gateway.fail_next("not_image", data=data)
    await discord_fake.inject_slash(
        "imagine", {"prompt": "a fox"}, invoker=Invoker(attachment_size_limit=len(data) - 1)
    )
    await discord_fake.wait_until(
        lambda: any(m.attachments and m.interaction_id is None for m in discord_fake.messages()),
        within=10,
    )
    [posted] = [m for m in discord_fake.messages() if m.attachments]
    assert posted.attachments[0].data == data
    assert await used_credits(bot) == 1


async def test_a_refused_connection_is_retried_then_refunded(start_bot, discord_fake) -> None:
    # Port 9 (discard) on loopback: nothing listens, so every connection is refused unsent.
    async with start_bot(image_api_base_url="http://127.0.0.1:9/v1") as bot:
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        note = await wait_for_private_note(discord_fake, handle)
        assert "unavailable right now" in note.content
        assert (await bot.quota.find(handle.id)).state == "refunded"
        assert await used_credits(bot) == 0


async def test_results_beyond_n_are_neither_delivered_nor_charged(
    bot, discord_fake, gateway
) -> None:
    gateway.fail_next("extra_results", extra=2)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    message = await wait_for_images(discord_fake, handle)
    assert len(message.attachments) == 1
    assert [a.data for a in message.attachments] == gateway.produced
    assert await used_credits(bot) == 1


async def test_no_new_request_starts_once_shutdown_began(bot, discord_fake, gateway) -> None:
    await bot.generation.shutdown(grace=0)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    note = await wait_for_private_note(discord_fake, handle)
    assert "restarting" in note.content
    assert gateway.requests == []
    assert await bot.quota.find(handle.id) is None


async def test_shutdown_waits_for_a_commit_held_up_by_another_process(
    start_bot, discord_fake, gateway, make_settings, caplog
) -> None:
    caplog.set_level(logging.INFO, logger="imagine.images")
    gateway.fail_next("slow", seconds=0.3)
    async with start_bot() as bot:
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(lambda: len(gateway.requests) == 1)
        # Another process takes the database's write lock while the gateway is answering.
        async with sqlite_write_lock(make_settings().database_path):
            await discord_fake.wait_until(
                lambda: any("generated 1 image" in r.getMessage() for r in caplog.records)
            )
            closing = asyncio.create_task(bot.close())  # the commit is waiting on the lock
            await asyncio.sleep(0.3)
            assert not closing.done()
        await closing
    assert handle.original.attachments[0].data == gateway.produced[0]
    async with start_bot() as restarted:
        assert (await restarted.quota.find(handle.id)).state == "committed"


async def test_a_delivery_that_cannot_be_made_is_logged_for_the_admins(
    bot, discord_fake, gateway, caplog
) -> None:
    gateway.fail_next("slow", seconds=1.0)
    discord_fake.fail_next("POST", "/channels/*/messages", status=403)  # no Send Messages
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    await discord_fake.wait_until(lambda: len(gateway.requests) == 1)
    discord_fake.clock.advance(15 * 60 + 1)  # the interaction token expires meanwhile

    def lost() -> bool:
        return any("lost delivery of interaction" in r.getMessage() for r in caplog.records)

    await discord_fake.wait_until(lost, within=10)
    assert not any(m.attachments for m in discord_fake.messages())
    assert (await bot.quota.find(handle.id)).state == "committed"  # the gateway was paid


async def test_a_prompt_with_a_lone_surrogate_is_drawn_without_it(
    bot, discord_fake, gateway
) -> None:
    """JSON may carry half of a UTF-16 pair (`\\udcff`) and discord.py's parser hands it over
    as is; such a character can be neither matched, stored nor sent, so it is dropped at the
    door like the other characters that draw nothing, and cannot hide a blocked term."""
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox\udcff in the snow"})
    await wait_for_images(discord_fake, handle)
    assert [r.json["prompt"] for r in gateway.requests] == ["a fox in the snow"]
