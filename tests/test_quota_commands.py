"""/quota show|set|reset and /usage end to end: real discord.py, fake Discord, real SQLite."""

from __future__ import annotations

import itertools

import pytest
from discord import app_commands

from bot.quota import PERIODS, QuotaPolicy
from cogs.i18n import words_for
from cogs.presenters import command_refusal, error_text
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import ADMIN_ID, GUILD_ID, MANAGE_GUILD, MEMBER_ID

DEFAULT_POLICY = QuotaPolicy(guild_credits=100, member_credits=25, period="day")
USER_OPTION = 6
_ids = itertools.count(1)


@pytest.fixture
def admin(discord_fake):
    return Invoker(member=discord_fake.scenario.admin)


async def run(fake, name, options=None, *, subcommand=None, group=None, invoker=None):
    """Run a command and return its private reply.

    A command defers privately before it reads the database (type 5, then its answer replaces the
    "thinking" message); a refused one is answered at once (type 4).
    """
    handle = await fake.inject_slash(
        name, options, subcommand=subcommand, group=group, invoker=invoker
    )
    record = await handle.wait_response()
    assert record.response_type in (4, 5)
    await fake.wait_until(lambda: _answer(fake, record) is not None)
    reply = _answer(fake, record)
    assert reply.ephemeral
    assert reply.allowed_mentions == {"parse": []}
    return reply


def _answer(fake, record):
    """The reply: the original response once it stops "thinking", or a followup sent after an
    error note replaced a deleted "thinking" message."""
    candidates = [record.original_message_id, *record.followup_message_ids]
    messages = [fake.state.message(i) for i in candidates if i]
    live = [m for m in messages if m is not None and not m.deleted and not m.loading]
    return live[-1] if live else None


async def spend(bot, member_id, cost, model="openai/dall-e-3"):
    """Spend credits the way /imagine does: a reservation, then its commit."""
    interaction_id = next(_ids)
    await bot.quota.reserve(
        interaction_id=interaction_id,
        guild_id=GUILD_ID,
        member_id=member_id,
        cost=cost,
        model=model,
        size="1024x1024",
    )
    await bot.quota.commit(interaction_id, cost)


def timestamp(moment):
    return f"<t:{int(moment.timestamp())}:R>"


PERMISSION_REFUSAL = error_text(
    command_refusal(words_for("en-US"), app_commands.MissingPermissions(["manage_guild"]))
)


# -- the command schema ---------------------------------------------------------------------


async def test_synced_schema(bot, discord_fake) -> None:
    commands = {c["name"]: c for c in discord_fake.state.guild_commands[GUILD_ID]}
    quota, usage = commands["quota"], commands["usage"]
    assert quota["contexts"] == usage["contexts"] == [0]  # guild only
    assert quota["dm_permission"] is usage["dm_permission"] is False
    assert quota["default_member_permissions"] is None  # /quota show is for everyone
    # discord.py sends the bits as a number; Discord stores (and answers with) the string "32".
    assert usage["default_member_permissions"] == str(MANAGE_GUILD) == "32"
    assert usage["options"] == []
    subcommands = {o["name"]: o for o in quota["options"]}
    assert set(subcommands) == {"show", "set", "reset", "role"}
    assert all(o["type"] == 1 for o in subcommands.values())
    assert subcommands["show"]["options"] == []
    set_options = {o["name"]: o for o in subcommands["set"]["options"]}
    assert set(set_options) == {"guild_credits", "member_credits", "period"}
    for name in ("guild_credits", "member_credits"):
        assert set_options[name]["type"] == 4
        assert (set_options[name]["min_value"], set_options[name]["max_value"]) == (0, 1_000_000)
    assert set_options["period"]["type"] == 3
    assert tuple(c["value"] for c in set_options["period"]["choices"]) == PERIODS
    assert not any(o.get("required") for o in set_options.values())
    [member] = subcommands["reset"]["options"]
    assert (member["name"], member["type"], member.get("required", False)) == (
        "member",
        USER_OPTION,
        False,
    )


# -- /quota show ----------------------------------------------------------------------------


async def test_show_reflects_spending_and_the_member_budget(bot, discord_fake) -> None:
    reply = await run(discord_fake, "quota", subcommand="show")
    status = await bot.quota.status(GUILD_ID, MEMBER_ID)
    assert "**100** of 100 credits left" in reply.content
    assert "You: **25** of 25 credits left" in reply.content  # QUOTA_MEMBER_CREDITS's default
    assert f"Resets {timestamp(status.resets_at)}" in reply.content

    await bot.quota.set_policy(GUILD_ID, member_credits=0, actor_id=ADMIN_ID)
    reply = await run(discord_fake, "quota", subcommand="show")
    assert "You:" not in reply.content  # 0: no per-member budget

    await spend(bot, ADMIN_ID, 30)
    await spend(bot, MEMBER_ID, 4)
    await bot.quota.set_policy(GUILD_ID, member_credits=10, actor_id=ADMIN_ID)
    reply = await run(discord_fake, "quota", subcommand="show")
    assert "Server: **66** of 100 credits left" in reply.content
    assert "You: **6** of 10 credits left" in reply.content


async def test_period_rollover_restores_the_budget(bot, discord_fake, quota_clock) -> None:
    await spend(bot, MEMBER_ID, 20)
    before = await run(discord_fake, "quota", subcommand="show")
    assert "**80** of 100" in before.content
    old_reset = (await bot.quota.status(GUILD_ID, MEMBER_ID)).resets_at

    quota_clock.set(old_reset)
    after = await run(discord_fake, "quota", subcommand="show")
    assert "**100** of 100" in after.content
    new_reset = (await bot.quota.status(GUILD_ID, MEMBER_ID)).resets_at
    assert new_reset > old_reset
    assert timestamp(new_reset) in after.content


# -- /quota set -----------------------------------------------------------------------------


async def test_admin_sets_the_policy(bot, discord_fake, admin) -> None:
    reply = await run(
        discord_fake,
        "quota",
        {"guild_credits": 80, "member_credits": 20, "period": "week"},
        subcommand="set",
        invoker=admin,
    )
    assert await bot.quota.policy(GUILD_ID) == QuotaPolicy(80, 20, "week")
    assert "**80 credits** per week" in reply.content
    assert "each member up to **20 credits**" in reply.content

    reply = await run(discord_fake, "quota", {"member_credits": 0}, subcommand="set", invoker=admin)
    assert await bot.quota.policy(GUILD_ID) == QuotaPolicy(80, 0, "week")
    assert "no per-member budget" in reply.content


async def test_a_regular_member_cannot_set_the_policy(bot, discord_fake) -> None:
    reply = await run(discord_fake, "quota", {"guild_credits": 1_000}, subcommand="set")
    assert reply.content == PERMISSION_REFUSAL
    assert "You need the Manage Server permission" in reply.content
    assert await bot.quota.policy(GUILD_ID) == DEFAULT_POLICY


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, "Nothing to change"),
        # Discord enforces min/max in its client; a forged value still meets the service's check.
        (
            {"guild_credits": 2_000_000},
            "The server budget must be a whole number from 0 to 1,000,000",
        ),
        ({"member_credits": 2_000_000}, "The per-member budget must be a whole number"),
    ],
)
async def test_invalid_settings_are_refused_privately(
    bot, discord_fake, admin, options, expected
) -> None:
    reply = await run(discord_fake, "quota", options, subcommand="set", invoker=admin)
    assert reply.content.startswith("⚠️")
    assert expected in reply.content
    assert await bot.quota.policy(GUILD_ID) == DEFAULT_POLICY


# -- /quota reset ---------------------------------------------------------------------------


async def test_reset_forgives_one_member_then_everyone(bot, discord_fake, admin) -> None:
    await spend(bot, MEMBER_ID, 3)
    await spend(bot, ADMIN_ID, 2)

    reply = await run(
        discord_fake,
        "quota",
        {"member": discord_fake.scenario.member},
        subcommand="reset",
        invoker=admin,
    )
    assert reply.content == f"✅ Forgave 3 credits that <@{MEMBER_ID}> used this period."
    status = await bot.quota.status(GUILD_ID, MEMBER_ID)
    assert (status.member_used, status.guild_used) == (0, 2)

    reply = await run(discord_fake, "quota", subcommand="reset", invoker=admin)
    assert "Forgave 2 credits that everyone in this server used" in reply.content
    assert (await bot.quota.status(GUILD_ID, ADMIN_ID)).guild_used == 0

    reply = await run(discord_fake, "quota", subcommand="reset", invoker=admin)
    assert reply.content.startswith("Nothing to forgive")


async def test_a_regular_member_cannot_reset(bot, discord_fake) -> None:
    await spend(bot, MEMBER_ID, 3)
    reply = await run(
        discord_fake, "quota", {"member": discord_fake.scenario.member}, subcommand="reset"
    )
    assert reply.content == PERMISSION_REFUSAL
    assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).member_used == 3


# -- /usage ---------------------------------------------------------------------------------


async def test_usage_lists_top_members_and_models(bot, discord_fake, admin) -> None:
    await spend(bot, MEMBER_ID, 1)
    await spend(bot, ADMIN_ID, 5, model="openai/gpt-image-1")
    await spend(bot, MEMBER_ID, 2, model="flux/flux-1-pro")
    await spend(bot, MEMBER_ID, 1, model="retired/model")

    [embed] = (await run(discord_fake, "usage", invoker=admin)).embeds
    assert "**9 credits** in 4 requests" in embed["description"]
    assert "every day" in embed["description"]
    fields = {f["name"]: f["value"].splitlines() for f in embed["fields"]}
    assert fields["Top members"] == [
        f"<@{ADMIN_ID}>: 5 credits (1 request)",
        f"<@{MEMBER_ID}>: 4 credits (3 requests)",
    ]
    assert fields["By model"] == [
        "GPT Image 1: 5 credits (1 request)",
        "FLUX.1 [pro]: 2 credits (1 request)",
        "DALL·E 3: 1 credit (1 request)",
        "retired/model: 1 credit (1 request)",  # no longer in the catalog: its id
    ]


async def test_usage_cuts_long_lists_to_whole_lines(bot, discord_fake, admin) -> None:
    await bot.access.grant(GUILD_ID, 1_000)  # above the default ceiling of 100
    await bot.quota.set_policy(GUILD_ID, guild_credits=1_000, actor_id=ADMIN_ID)
    for member_id in range(1, 21):
        await spend(bot, member_id, member_id)
    [embed] = (await run(discord_fake, "usage", invoker=admin)).embeds
    lines = embed["fields"][0]["value"].splitlines()
    assert lines[0] == "<@20>: 20 credits (1 request)"
    assert len(lines) == 16
    assert lines[-1] == "…and 5 more"


async def test_empty_usage_has_no_lists(bot, discord_fake, admin) -> None:
    [embed] = (await run(discord_fake, "usage", invoker=admin)).embeds
    assert "**0 credits** in 0 requests" in embed["description"]
    assert embed.get("fields", []) == []


async def test_a_regular_member_cannot_see_usage(bot, discord_fake) -> None:
    await spend(bot, ADMIN_ID, 5)
    reply = await run(discord_fake, "usage")
    assert reply.content == PERMISSION_REFUSAL
    assert reply.embeds == []


# -- /imagine refused by the quota ------------------------------------------------------------


async def test_refused_imagine_says_what_is_left_and_when_it_resets(
    start_bot, discord_fake, gateway
) -> None:
    async with start_bot(quota_guild_credits=1) as bot:
        first = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(
            lambda: first.original is not None and bool(first.original.attachments)
        )
        second = await discord_fake.inject_slash("imagine", {"prompt": "another fox"})
        record = await second.wait_response()
        status = await bot.quota.status(GUILD_ID, MEMBER_ID)
    # The refusal is the first answer, private: no public "thinking…" showed before it.
    assert record.response_type == 4
    note = second.original
    assert note.ephemeral
    assert "0 credits left" in note.content
    assert f"resets {timestamp(status.resets_at)}" in note.content
    assert len(gateway.requests) == 1
    assert status.guild_used == 1


async def test_a_repeated_quota_command_is_ignored_quietly(bot, discord_fake, caplog) -> None:
    """The second delivery's defer meets 40060: a duplicate, not a failure to report."""
    caplog.set_level("INFO", logger="imagine.cogs.errors")
    handle = await discord_fake.inject_slash("quota", subcommand="show")
    await handle.wait_followups()
    await discord_fake.redeliver(handle)

    def second_delivery_seen() -> bool:
        return any("second delivery" in r.getMessage() for r in caplog.records)

    await discord_fake.wait_until(second_delivery_seen)
    assert [r for r in caplog.records if r.levelname == "ERROR"] == []
    assert len(handle.record.followup_message_ids) == 1  # no second reply
