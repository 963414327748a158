"""/imagine under a guild's moderation policy, end to end (fake Discord, fake gateway, SQLite).

Every refusal by a rule must be the first response (type 4, ephemeral, no defer), spend nothing
(`/quota show` unchanged) and never reach the gateway.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp
import discord
import pytest

from cogs.enforcement import failure_reason
from tests.fakes.discord.harness import running_fake_discord
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import (
    ADMIN_ID,
    ART_CHANNEL_ID,
    ART_THREAD_ID,
    ARTIST_ROLE_ID,
    AUDIT_CHANNEL_ID,
    CHANNEL_ID,
    GUILD_ID,
    LOCKED_CHANNEL_ID,
    MEMBER_ID,
    NSFW_CHANNEL_ID,
    PATRON_ID,
    PATRON_ROLE_ID,
    SUPPORTER_ROLE_ID,
    moderation_scenario,
)
from tests.test_imagine_e2e import wait_for_images, wait_for_private_note
from tests.test_quota_commands import run

FULL_QUOTA = "Server: **100** of 100 credits left"


@pytest.fixture
async def discord_fake():
    async with running_fake_discord(moderation_scenario()) as fake:
        yield fake


def in_channel(fake, channel_id, member=None) -> Invoker:
    return Invoker(member=member, channel=fake.scenario.guild.channel(channel_id))


async def refusal(fake, gateway, options, invoker=None) -> str:
    """Run /imagine expecting a rule's refusal; check it is private, first, free and local."""
    handle = await fake.inject_slash("imagine", options, invoker=invoker)
    record = await handle.wait_response()
    assert record.response_type == 4  # answered at once: never deferred
    note = fake.state.message(record.original_message_id)
    assert note.ephemeral
    assert note.allowed_mentions == {"parse": []}
    assert note.content.startswith("⚠️")
    assert gateway.requests == []
    assert FULL_QUOTA in (await run(fake, "quota", subcommand="show", invoker=invoker)).content
    return note.content


async def images(fake, options, invoker=None):
    handle = await fake.inject_slash("imagine", options, invoker=invoker)
    return await wait_for_images(fake, handle)


# -- each rule ------------------------------------------------------------------------------


async def test_a_paused_member_is_refused(bot, discord_fake, gateway) -> None:
    await bot.policy.pause(GUILD_ID, MEMBER_ID, "spamming", ADMIN_ID)
    text = await refusal(discord_fake, gateway, {"prompt": "a fox"})
    assert "You are paused from /imagine in this server (spamming)" in text


async def test_channels_and_a_thread_follows_its_parent(bot, discord_fake, gateway) -> None:
    await bot.policy.add_entry(GUILD_ID, "channel", ART_CHANNEL_ID)
    text = await refusal(discord_fake, gateway, {"prompt": "a fox"})
    assert text == f"⚠️ /imagine works only in <#{ART_CHANNEL_ID}> in this server."
    await images(discord_fake, {"prompt": "a fox"}, in_channel(discord_fake, ART_THREAD_ID))

    await bot.policy.remove_entry(GUILD_ID, "channel", ART_CHANNEL_ID)
    await bot.policy.add_entry(GUILD_ID, "channel", CHANNEL_ID)
    gateway.requests.clear()
    await bot.quota.reset(GUILD_ID, actor_id=ADMIN_ID)
    text = await refusal(
        discord_fake, gateway, {"prompt": "a fox"}, in_channel(discord_fake, ART_THREAD_ID)
    )
    assert f"<#{CHANNEL_ID}>" in text


async def test_roles_limit_who_may_use_it(bot, discord_fake, gateway) -> None:
    await bot.policy.add_entry(GUILD_ID, "role", ARTIST_ROLE_ID)
    text = await refusal(discord_fake, gateway, {"prompt": "a fox"})
    assert text == f"⚠️ /imagine is only for members with one of these roles: <@&{ARTIST_ROLE_ID}>."


async def test_nsfw_only_allows_age_restricted_channels_only(bot, discord_fake, gateway) -> None:
    await bot.policy.update(GUILD_ID, nsfw_only=True, actor_id=ADMIN_ID)
    text = await refusal(discord_fake, gateway, {"prompt": "a fox"})
    assert "only in age-restricted channels" in text
    await images(discord_fake, {"prompt": "a fox"}, in_channel(discord_fake, NSFW_CHANNEL_ID))


async def test_a_disabled_model_is_refused_and_not_offered(bot, discord_fake, gateway) -> None:
    await bot.policy.add_entry(GUILD_ID, "disabled_model", "openai/dall-e-3")
    text = await refusal(discord_fake, gateway, {"prompt": "a fox"})  # the default model
    assert text == "⚠️ DALL·E 3 is turned off in this server; choose another model."
    handle = await discord_fake.inject_autocomplete(
        "imagine", {"prompt": "x", "model": ""}, "model"
    )
    await handle.wait_response()
    assert [c["value"] for c in handle.choices] == ["openai/gpt-image-1", "flux/flux-1-pro"]


async def test_blocked_terms_quote_the_members_own_text(bot, discord_fake, gateway) -> None:
    await bot.policy.add_entry(GUILD_ID, "term", "fox")
    text = await refusal(discord_fake, gateway, {"prompt": "a red Ｆ0Х, @everyone"})
    assert text == "⚠️ Your prompt contains a term this server blocks: “Ｆ0Х”."
    # Invisible characters are matched through and not shown back.
    text = await refusal(discord_fake, gateway, {"prompt": "a f\u200bo\u200bx"})
    assert text == "⚠️ Your prompt contains a term this server blocks: “fox”."


async def test_builtin_terms_apply_outside_age_restricted_channels(
    bot, discord_fake, gateway
) -> None:
    text = await refusal(discord_fake, gateway, {"prompt": "so much g0re"})
    assert "blocks outside age-restricted channels: “g0re”" in text
    await images(
        discord_fake, {"prompt": "so much g0re"}, in_channel(discord_fake, NSFW_CHANNEL_ID)
    )


async def test_cooldown_after_an_accepted_request(bot, discord_fake, gateway, quota_clock) -> None:
    await bot.policy.update(GUILD_ID, cooldown_seconds=60, actor_id=ADMIN_ID)
    await images(discord_fake, {"prompt": "a fox"})
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    record = await handle.wait_response()
    assert record.response_type == 4
    note = discord_fake.state.message(record.original_message_id)
    until = int(quota_clock().timestamp()) + 60
    assert note.content == f"⚠️ Slow down: you can use /imagine again <t:{until}:R>."
    assert len(gateway.requests) == 1
    # Members with Manage Server are exempt from the cooldown only.
    admin = Invoker(member=discord_fake.scenario.admin)
    await images(discord_fake, {"prompt": "a fox"}, admin)
    await images(discord_fake, {"prompt": "a fox"}, admin)
    quota_clock.advance(seconds=60)
    await images(discord_fake, {"prompt": "a fox"})


async def test_a_request_the_quota_refuses_starts_no_cooldown(
    start_bot, discord_fake, gateway
) -> None:
    async with start_bot(member_cooldown_seconds=60, quota_member_credits=1) as bot:
        assert (await bot.policy.policy(GUILD_ID)).cooldown_seconds == 60  # the setting
        await bot.quota.reserve(
            interaction_id=1,
            guild_id=GUILD_ID,
            member_id=MEMBER_ID,
            cost=1,
            model="openai/dall-e-3",
            size="1024x1024",
        )
        for _ in range(2):
            handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
            note = await wait_for_private_note(discord_fake, handle)
            assert "You have 0 credits left" in note.content  # never "Slow down"
        assert gateway.requests == []


async def test_a_request_discord_never_saw_start_starts_no_cooldown(
    start_bot, discord_fake, gateway
) -> None:
    """The defer failed, so the request never ran and the member was told to try again: the
    retry must not meet a cooldown started by the request that did not run."""
    async with start_bot(member_cooldown_seconds=600) as bot:
        discord_fake.fail_next("POST", "/interactions/*/*/callback", transport="reset")
        lost = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        assert "try again" in (await wait_for_private_note(discord_fake, lost)).content
        assert (await bot.quota.find(lost.id)).state == "refunded"
        await images(discord_fake, {"prompt": "a fox"})
        assert len(gateway.requests) == 1
        again = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        assert "Slow down" in (await wait_for_private_note(discord_fake, again)).content


async def test_a_role_budget_is_what_the_reservation_allows(
    start_bot, discord_fake, gateway
) -> None:
    async with start_bot(quota_member_credits=1) as bot:
        await bot.policy.set_role_budget(GUILD_ID, SUPPORTER_ROLE_ID, 2)
        await bot.policy.set_role_budget(GUILD_ID, PATRON_ROLE_ID, 3)
        carol = Invoker(member=discord_fake.scenario.guild.member(PATRON_ID))
        for _ in range(3):  # the larger of her two role budgets
            result = await images(discord_fake, {"prompt": "a fox"}, carol)
        fields = {f["name"]: f["value"] for f in result.embeds[0]["fields"]}
        assert "You: **0** of 3 credits left" in fields["Cost: 1 credit"]
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"}, invoker=carol)
        note = await wait_for_private_note(discord_fake, handle)
        assert "You have 0 credits left" in note.content
        await images(discord_fake, {"prompt": "a fox"})  # alice: the member default of 1
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        note = await wait_for_private_note(discord_fake, handle)
        assert "You have 0 credits left" in note.content
        assert len(gateway.requests) == 4


async def test_a_reroll_passes_the_rules_again(bot, discord_fake, gateway) -> None:
    result = await images(discord_fake, {"prompt": "a fox"})
    await bot.policy.add_entry(GUILD_ID, "term", "fox")
    custom_id = result.components[0]["components"][0]["custom_id"]
    handle = await discord_fake.inject_component(result, custom_id)
    note = await wait_for_private_note(discord_fake, handle)
    assert note.content == "⚠️ Your prompt contains a term this server blocks: “fox”."
    assert len(gateway.requests) == 1
    assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_used == 1


# -- strikes ----------------------------------------------------------------------------------


async def test_upstream_refusals_strike_pause_and_unpause(bot, discord_fake, gateway) -> None:
    await bot.policy.update(
        GUILD_ID, strike_limit=2, audit_channel_id=AUDIT_CHANNEL_ID, actor_id=ADMIN_ID
    )
    gateway.fail_next("content_policy", times=2)
    first = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    note = await wait_for_private_note(discord_fake, first)
    assert "safety filter blocked this prompt" in note.content
    assert "This counts as a strike (1 of 2 this period)." in note.content
    second = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    note = await wait_for_private_note(discord_fake, second)
    assert "(2 of 2 this period). You are now paused" in note.content
    assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_used == 0  # refunded

    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 2)
    strikes = [m.embeds[0] for m in discord_fake.messages(AUDIT_CHANNEL_ID)]
    assert [e["title"] for e in strikes] == ["Strike", "Strike"]
    assert {f["name"]: f["value"] for f in strikes[1]["fields"]}["Paused"] == "yes"
    assert await strike_reasons(bot) == ["gateway: content_policy"] * 2

    gateway.requests.clear()
    text = await refusal(discord_fake, gateway, {"prompt": "a cat"})
    assert "You are paused" in text

    admin = Invoker(member=discord_fake.scenario.admin)
    await run(
        discord_fake,
        "imagine-admin",
        {"member": discord_fake.scenario.member},
        group="member",
        subcommand="unpause",
        invoker=admin,
    )
    await images(discord_fake, {"prompt": "a cat"})


async def test_a_refusal_litellm_rewrote_is_still_a_strike(bot, discord_fake, gateway) -> None:
    """LiteLLM turns the code into "400" and prefixes its own words to a custom message."""
    await bot.policy.update(
        GUILD_ID, strike_limit=2, audit_channel_id=AUDIT_CHANNEL_ID, actor_id=ADMIN_ID
    )
    gateway.fail_next("litellm", answer="content_policy")
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    note = await wait_for_private_note(discord_fake, handle)
    assert "safety filter blocked this prompt" in note.content
    assert "This counts as a strike (1 of 2 this period)." in note.content
    assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_used == 0  # refunded
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 1)
    (strike,) = [m.embeds[0] for m in discord_fake.messages(AUDIT_CHANNEL_ID)]
    assert strike["title"] == "Strike"
    assert await strike_reasons(bot) == ["gateway: content_policy"]  # not LiteLLM's "400"


async def strike_reasons(bot) -> list[str]:
    """The reasons the member's strikes were recorded with, oldest first."""
    rows = await bot.store.fetch(
        "SELECT reason FROM strikes WHERE guild_id = ? AND member_id = ? ORDER BY id",
        (GUILD_ID, MEMBER_ID),
    )
    return [row[0] for row in rows]


# -- pre-moderation ---------------------------------------------------------------------------


async def test_pre_moderation_flags_passes_and_fails_closed(
    start_bot, discord_fake, gateway
) -> None:
    gateway.flagged_words = {"fox": "violence"}
    async with start_bot(moderation_model="omni-moderation-latest") as bot:
        text = await refusal(discord_fake, gateway, {"prompt": "a fox"})
        assert text == (
            "⚠️ The moderation check flagged this prompt. This counts as a strike (1 of 3 this "
            "period)."
        )
        assert gateway.moderations[0].json == {
            "model": "omni-moderation-latest",
            "input": "a fox",
        }
        await images(discord_fake, {"prompt": "a cat"})
        assert len(gateway.moderations) == 2

        gateway.requests.clear()
        await bot.quota.reset(GUILD_ID, actor_id=ADMIN_ID)
        gateway.fail_moderation("server_error")
        text = await refusal(discord_fake, gateway, {"prompt": "a cat"})
        assert (
            text == "⚠️ The moderation check is unavailable right now. Please try again in a minute."
        )


async def test_pre_moderation_can_fail_open(start_bot, discord_fake, gateway) -> None:
    async with start_bot(moderation_model="omni-moderation-latest", moderation_fail_open=True):
        gateway.fail_moderation("slow", seconds=5)  # longer than the client waits
        await images(discord_fake, {"prompt": "a cat"})
        assert len(gateway.moderations) == 1


async def test_without_moderation_model_no_moderation_call(bot, discord_fake, gateway) -> None:
    await images(discord_fake, {"prompt": "a cat"})
    assert gateway.moderations == []


# -- the audit channel ------------------------------------------------------------------------


async def test_audit_posts_generations_and_refusals(bot, discord_fake, gateway) -> None:
    await bot.policy.update(GUILD_ID, audit_channel_id=AUDIT_CHANNEL_ID, actor_id=ADMIN_ID)
    result = await images(discord_fake, {"prompt": "a fox <@&1> @everyone"})
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 1)
    [post] = discord_fake.messages(AUDIT_CHANNEL_ID)
    assert post.allowed_mentions == {"parse": []}
    [embed] = post.embeds
    assert embed["title"] == "Generated"
    assert embed["description"] == "a fox <@&1> @everyone"
    shown = {f["name"]: f["value"] for f in embed["fields"]}
    assert shown["Member"] == f"<@{MEMBER_ID}>"
    assert shown["Channel"] == f"<#{CHANNEL_ID}>"
    assert (shown["Model"], shown["Size"], shown["Quality"]) == (
        "DALL·E 3",
        "1024x1024",
        "standard",
    )
    assert (shown["Images"], shown["Credits"]) == ("1", "1")
    assert shown["Result"].endswith(f"/{GUILD_ID}/{CHANNEL_ID}/{result.id})")

    await bot.policy.add_entry(GUILD_ID, "term", "owl")
    await discord_fake.inject_slash("imagine", {"prompt": "an owl"})
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 2)
    embed = discord_fake.messages(AUDIT_CHANNEL_ID)[1].embeds[0]
    assert embed["title"] == "Refused: blocked term"
    assert "“owl”" in embed["fields"][2]["value"]


def audit_failures(bot, reason: str) -> float:
    return bot.metrics.registry.get_sample_value(
        "imagine_audit_posts_failed_total", {"reason": reason}
    )


def audit_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "audit channel" in r.getMessage()]


async def test_refused_audit_posts_are_counted_and_logged_once_per_interval(
    bot, discord_fake, gateway, caplog, quota_clock
) -> None:
    """Every refused post is counted; the log says so at once, then once per 10 minutes, with
    how many it held back."""
    await bot.policy.update(GUILD_ID, audit_channel_id=LOCKED_CHANNEL_ID, actor_id=ADMIN_ID)
    admin = Invoker(member=discord_fake.scenario.admin)

    def posts_tried() -> int:
        path = f"/channels/{LOCKED_CHANNEL_ID}/messages"
        return sum(r.method == "POST" and r.path.endswith(path) for r in discord_fake.requests)

    with caplog.at_level(logging.WARNING, logger="imagine.cogs.audit"):
        await images(discord_fake, {"prompt": "a fox"})
        await images(discord_fake, {"prompt": "a cat"}, admin)
        await images(discord_fake, {"prompt": "an owl"})
        await discord_fake.wait_until(lambda: audit_failures(bot, "forbidden") == 3)
        [first] = audit_warnings(caplog)
        assert "Missing Permissions" in first
        assert "0 more failures there since the last report" in first

        quota_clock.advance(minutes=10)
        await images(discord_fake, {"prompt": "a hen"}, admin)
        await discord_fake.wait_until(lambda: audit_failures(bot, "forbidden") == 4)
    assert posts_tried() == 4
    assert audit_warnings(caplog)[1:] == [first.replace("0 more failures", "2 more failures")]
    assert discord_fake.messages(LOCKED_CHANNEL_ID) == []
    assert audit_failures(bot, "invalid") == 0


@pytest.mark.parametrize(
    ("channel_id", "status", "reason", "said"),
    [
        (AUDIT_CHANNEL_ID, 400, "invalid", "400 Bad Request"),
        (AUDIT_CHANNEL_ID + 1_000, None, "not_found", "Unknown Channel"),
    ],
)
async def test_each_refused_audit_post_is_counted_by_reason(
    bot, discord_fake, gateway, caplog, channel_id, status, reason, said
) -> None:
    await bot.policy.update(GUILD_ID, audit_channel_id=channel_id, actor_id=ADMIN_ID)
    if status is not None:
        discord_fake.fail_next("POST", f"/channels/{channel_id}/messages", status=status)
    with caplog.at_level(logging.WARNING, logger="imagine.cogs.audit"):
        await images(discord_fake, {"prompt": "a fox"})
        await discord_fake.wait_until(lambda: audit_failures(bot, reason) == 1)
    [warning] = audit_warnings(caplog)
    assert said in warning
    assert audit_failures(bot, "forbidden") == 0


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (TimeoutError(), "timeout"),
        (aiohttp.ServerDisconnectedError(), "transport"),
        (ConnectionResetError(), "transport"),
    ],
)
def test_faults_without_an_answer_have_their_own_reasons(error, reason) -> None:
    assert failure_reason(error) == reason


# -- the fake's new parts, as discord.py sees them ------------------------------------------------


async def test_the_fake_serves_threads_nsfw_channels_and_403s(bot, discord_fake) -> None:
    guild = bot.get_guild(GUILD_ID)
    thread = guild.get_thread(ART_THREAD_ID)
    assert thread is not None
    assert thread.parent_id == ART_CHANNEL_ID
    assert not thread.is_nsfw()
    assert guild.get_channel(NSFW_CHANNEL_ID).is_nsfw()
    assert ART_THREAD_ID not in {c.id for c in guild.channels}  # threads are not channels
    with pytest.raises(discord.Forbidden) as refused:
        await bot.get_partial_messageable(LOCKED_CHANNEL_ID).send("hello")
    assert refused.value.code == 50013


async def test_a_refusal_naming_many_roles_reaches_the_audit_channel(
    bot, discord_fake, gateway
) -> None:
    """45 allowed roles: the member's note and the audit post show 15 and count the rest."""
    await bot.policy.update(GUILD_ID, audit_channel_id=AUDIT_CHANNEL_ID, actor_id=ADMIN_ID)
    allowed = [ARTIST_ROLE_ID + 1_000 + i for i in range(45)]
    for role_id in allowed:
        await bot.policy.add_entry(GUILD_ID, "role", role_id)
    text = await refusal(discord_fake, gateway, {"prompt": "a fox"})
    await discord_fake.wait_until(lambda: len(discord_fake.messages(AUDIT_CHANNEL_ID)) == 1)
    [embed] = discord_fake.messages(AUDIT_CHANNEL_ID)[0].embeds
    why = {f["name"]: f["value"] for f in embed["fields"]}["Why"]
    assert text == f"⚠️ {why}"
    listed = ", ".join(f"<@&{role_id}>" for role_id in sorted(allowed)[:15])
    assert why == f"/imagine is only for members with one of these roles: {listed}, …and 30 more."


async def test_requests_sent_together_cannot_all_pass_the_cooldown_during_pre_moderation(
    start_bot, discord_fake, gateway, quota_clock
) -> None:
    """The cooldown is checked and started with no await between: 4 requests sent at once while
    pre-moderation is awaited make 1 generation; pre-moderation being down costs no cooldown, a
    flagged prompt does."""
    gateway.flagged_words = {"wolf": "violence"}
    async with start_bot(
        moderation_model="omni-moderation-latest", member_cooldown_seconds=600
    ) as bot:
        handles = await asyncio.gather(
            *(discord_fake.inject_slash("imagine", {"prompt": f"a fox {i}"}) for i in range(4))
        )
        await discord_fake.wait_until(
            lambda: (
                all(h.original is not None for h in handles)
                and sum("Slow down" in h.original.content for h in handles) == 3
            ),
            within=10,
        )
        [accepted] = [h for h in handles if "Slow down" not in h.original.content]
        await wait_for_images(discord_fake, accepted)
        assert len(gateway.requests) == 1
        assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_used == 1

        quota_clock.advance(seconds=600)
        gateway.fail_moderation("server_error")
        down = await discord_fake.inject_slash("imagine", {"prompt": "a cat"})
        assert "unavailable" in (await wait_for_private_note(discord_fake, down)).content
        await images(discord_fake, {"prompt": "a cat"})  # the failed check started no cooldown

        quota_clock.advance(seconds=600)
        flagged = await discord_fake.inject_slash("imagine", {"prompt": "a wolf"})
        assert "flagged" in (await wait_for_private_note(discord_fake, flagged)).content
        again = await discord_fake.inject_slash("imagine", {"prompt": "a cat"})
        assert "Slow down" in (await wait_for_private_note(discord_fake, again)).content
        assert len(gateway.requests) == 2


# -- rule changes reach the requests waiting in line --------------------------------------------


HELD = 4.0  # seconds the gateway holds a running request: longer than the test needs to act


async def queued(fake, prompt: str, invoker=None, **options):
    """An /imagine that the fake gateway holds up or that waits behind one it holds up."""
    handle = await fake.inject_slash("imagine", {"prompt": prompt, **options}, invoker=invoker)
    await handle.wait_response()
    return handle


async def in_line(fake, *handles) -> None:
    await fake.wait_until(
        lambda: all(h.original is not None and "in line" in h.original.content for h in handles)
    )


async def ledger_states(bot, *handles) -> list[tuple[str, int] | None]:
    rows = [await bot.quota.find(h.id) for h in handles]
    return [None if r is None else (r.state, r.credits) for r in rows]


async def taken_out(fake, handle) -> str:
    note = await wait_for_private_note(fake, handle)
    assert note.allowed_mentions == {"parse": []}
    assert note.content.startswith("⚠️ Your request was taken out of the line before it started: ")
    assert note.content.endswith(" Nothing was spent.")
    return note.content


async def test_pausing_a_member_takes_their_waiting_requests_out_and_refunds_them(
    bot, discord_fake, gateway
) -> None:
    gateway.fail_next("slow", times=2, seconds=HELD)  # alice's first, carol's first
    carol = Invoker(member=discord_fake.scenario.guild.member(PATRON_ID))
    running = await queued(discord_fake, "fox 0")
    waiting = [await queued(discord_fake, f"fox {i}") for i in (1, 2)]
    others = await queued(discord_fake, "owl 0", carol)
    carols = await queued(discord_fake, "owl 1", carol)
    await in_line(discord_fake, *waiting, carols)
    answer = await run(
        discord_fake,
        "imagine-admin",
        {"member": discord_fake.scenario.member, "reason": "spam @everyone"},
        group="member",
        subcommand="pause",
        invoker=Invoker(member=discord_fake.scenario.admin),
    )
    assert "2 requests waiting in line were taken out of it and refunded." in answer.content
    for handle in waiting:
        text = await taken_out(discord_fake, handle)
        assert "You are paused from /imagine in this server (spam @everyone)" in text
    assert await ledger_states(bot, *waiting) == [("refunded", 0)] * 2
    for handle in (running, others, carols):  # running already, or another member's
        await wait_for_images(discord_fake, handle, within=15)
    assert sorted(r.json["prompt"] for r in gateway.requests) == ["fox 0", "owl 0", "owl 1"]
    assert await ledger_states(bot, running, others, carols) == [("committed", 1)] * 3


async def test_a_pause_during_pre_moderation_reaches_the_request_it_let_through(
    start_bot, discord_fake, gateway
) -> None:
    """The rules passed, then pre-moderation was awaited while an admin paused the member: the
    pause found nothing in line yet (and a request with a free slot never waits in it), so the
    request is judged again once it has joined, and given back before it starts."""
    async with start_bot(moderation_model="omni-moderation-latest") as bot:
        gateway.fail_moderation("slow", seconds=1.0)  # within the 1.5 s the check may take
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(lambda: len(gateway.moderations) == 1)
        await run(
            discord_fake,
            "imagine-admin",
            {"member": discord_fake.scenario.member, "reason": "spam"},
            group="member",
            subcommand="pause",
            invoker=Invoker(member=discord_fake.scenario.admin),
        )
        note = await wait_for_private_note(discord_fake, handle)
        assert "You are paused from /imagine in this server (spam)" in note.content
        assert await ledger_states(bot, handle) == [("refunded", 0)]
        assert gateway.requests == []
        assert bot.generation.queue.totals().running == 0  # its slot was given back


async def test_disabling_a_model_takes_its_waiting_requests_out(bot, discord_fake, gateway) -> None:
    gateway.fail_next("slow", seconds=HELD)
    running = await queued(discord_fake, "fox 0")
    other_model = await queued(discord_fake, "fox 1", model="flux/flux-1-pro")
    same_model = await queued(discord_fake, "fox 2")
    await in_line(discord_fake, other_model, same_model)
    answer = await run(
        discord_fake,
        "imagine-admin",
        {"model": "flux/flux-1-pro"},
        group="models",
        subcommand="disable",
        invoker=Invoker(member=discord_fake.scenario.admin),
    )
    assert "1 request waiting in line was taken out of it and refunded." in answer.content
    text = await taken_out(discord_fake, other_model)
    assert "FLUX.1 [pro] is turned off in this server; choose another model." in text
    for handle in (running, same_model):
        await wait_for_images(discord_fake, handle, within=15)
    assert [r.json["prompt"] for r in gateway.requests] == ["fox 0", "fox 2"]
    assert await ledger_states(bot, running, other_model, same_model) == [
        ("committed", 1),
        ("refunded", 0),
        ("committed", 1),
    ]


async def test_disallowing_a_channel_takes_its_waiting_requests_out(
    bot, discord_fake, gateway
) -> None:
    gateway.fail_next("slow", seconds=HELD)
    thread = in_channel(discord_fake, ART_THREAD_ID)
    running = await queued(discord_fake, "fox 0")
    elsewhere = await queued(discord_fake, "fox 1")
    in_art = await queued(discord_fake, "fox 2", thread)  # a thread follows its parent, #art
    await in_line(discord_fake, elsewhere, in_art)
    await run(
        discord_fake,
        "imagine-admin",
        {"channel": discord_fake.scenario.guild.channel(ART_CHANNEL_ID)},
        group="channels",
        subcommand="add",
        invoker=Invoker(member=discord_fake.scenario.admin),
    )
    text = await taken_out(discord_fake, elsewhere)
    assert f"/imagine works only in <#{ART_CHANNEL_ID}> in this server." in text
    for handle in (running, in_art):
        await wait_for_images(discord_fake, handle, within=15)
    assert [r.json["prompt"] for r in gateway.requests] == ["fox 0", "fox 2"]
    assert await ledger_states(bot, running, elsewhere, in_art) == [
        ("committed", 1),
        ("refunded", 0),
        ("committed", 1),
    ]


async def test_a_strike_that_pauses_takes_the_members_waiting_requests_out(
    bot, discord_fake, gateway
) -> None:
    """The refused request's slot frees before its strike is counted, so the next request has
    started by then; the one behind it is still waiting, and leaves the line."""
    await bot.policy.update(GUILD_ID, strike_limit=1, actor_id=ADMIN_ID)
    gateway.fail_next("content_policy", delay=1.0)
    gateway.fail_next("slow", seconds=HELD)
    refused = await queued(discord_fake, "fox 0")
    started, waiting = await queued(discord_fake, "fox 1"), await queued(discord_fake, "fox 2")
    await in_line(discord_fake, started, waiting)
    note = await wait_for_private_note(discord_fake, refused)
    assert "You are now paused" in note.content
    text = await taken_out(discord_fake, waiting)
    assert "paused from /imagine in this server: you reached the strike limit." in text
    await wait_for_images(discord_fake, started, within=15)
    assert await ledger_states(bot, refused, started, waiting) == [
        ("refunded", 0),
        ("committed", 1),
        ("refunded", 0),
    ]
    assert [r.json["prompt"] for r in gateway.requests] == ["fox 0", "fox 1"]


async def test_a_flagged_prompt_that_pauses_takes_the_members_waiting_requests_out(
    start_bot, discord_fake, gateway
) -> None:
    gateway.flagged_words = {"wolf": "violence"}
    async with start_bot(moderation_model="omni-moderation-latest", strike_limit=1) as bot:
        gateway.fail_next("slow", seconds=HELD)
        running, waiting = await queued(discord_fake, "fox 0"), await queued(discord_fake, "fox 1")
        await in_line(discord_fake, waiting)
        flagged = await discord_fake.inject_slash("imagine", {"prompt": "a wolf"})
        note = await wait_for_private_note(discord_fake, flagged)
        assert "You are now paused" in note.content
        text = await taken_out(discord_fake, waiting)
        assert "paused from /imagine in this server: you reached the strike limit." in text
        await wait_for_images(discord_fake, running, within=15)
        assert await ledger_states(bot, running, waiting) == [("committed", 1), ("refunded", 0)]
        assert [r.json["prompt"] for r in gateway.requests] == ["fox 0"]
