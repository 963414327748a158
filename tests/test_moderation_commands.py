"""/imagine-admin and /quota role end to end: real discord.py, fake Discord, real SQLite."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from discord import AppCommandOptionType, app_commands
from discord.app_commands import Group
from discord.ext.commands import Cog

from bot.app import EXTENSIONS
from bot.catalog import RequestOptions
from bot.policy import MAX_BLOCKED_TERMS, Pause
from tests.fakes.discord.harness import running_fake_discord
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import (
    ADMIN_ID,
    ART_CHANNEL_ID,
    ARTIST_ROLE_ID,
    AUDIT_CHANNEL_ID,
    CHANNEL_ID,
    GUILD_ID,
    MANAGE_GUILD,
    MANAGE_MESSAGES,
    MEMBER_ID,
    MODERATOR_ID,
    NSFW_CHANNEL_ID,
    PATRON_ID,
    PATRON_ROLE_ID,
    SUPPORTER_ROLE_ID,
    moderation_scenario,
)
from tests.test_quota_commands import PERMISSION_REFUSAL, run, spend

ADMIN_COMMAND = "imagine-admin"


@pytest.fixture
async def discord_fake():
    async with running_fake_discord(moderation_scenario()) as fake:
        yield fake


@pytest.fixture
def admin(discord_fake):
    return Invoker(member=discord_fake.scenario.admin)


def guild(fake):
    return fake.scenario.guild


def role(fake, role_id):
    return next(r for r in guild(fake).roles if r.id == role_id)


def channel(fake, channel_id):
    return guild(fake).channel(channel_id)


async def admin_run(fake, group, subcommand, options=None, *, invoker):
    return await run(
        fake, ADMIN_COMMAND, options, group=group, subcommand=subcommand, invoker=invoker
    )


def fields(embed):
    return {f["name"]: f["value"] for f in embed["fields"]}


# -- the command schema ---------------------------------------------------------------------


async def test_synced_schema(bot, discord_fake) -> None:
    commands = {c["name"]: c for c in discord_fake.state.guild_commands[GUILD_ID]}
    admin = commands[ADMIN_COMMAND]
    assert admin["default_member_permissions"] == str(MANAGE_GUILD)
    assert admin["contexts"] == [0]
    tree = {
        o["name"]: sorted(s["name"] for s in o.get("options", []) if s["type"] == 1)
        for o in admin["options"]
    }
    assert tree == {
        "show": [],
        "set": [],
        "blocked": ["add", "list", "remove"],
        "channels": ["add", "list", "remove"],
        "roles": ["add", "list", "remove"],
        "models": ["disable", "enable"],
        "member": ["forget", "pause", "unpause"],
        "defaults": [],
    }
    set_command = next(o for o in admin["options"] if o["name"] == "set")
    set_options = {o["name"]: o["type"] for o in set_command["options"]}
    assert set_options == {
        "audit_channel": 7,
        "nsfw_only": 5,
        "cooldown_seconds": 4,
        "builtin_terms": 5,
        "strike_limit": 4,
        "guild_concurrency": 4,
        "member_concurrency": 4,
        "queue_limit": 4,
    }
    quota_role = next(o for o in commands["quota"]["options"] if o["name"] == "role")
    assert [(o["name"], o["type"], o.get("required", False)) for o in quota_role["options"]] == [
        ("role", 8, True),
        ("credits", 4, False),
    ]


# -- every admin command is for Manage Server only, even sent directly -----------------------

FOR_EVERYONE = {
    "imagine",
    "imagine-edit",
    "imagine-settings",
    "quota show",
    "imagine-history",
    "imagine-forget",
}


AnyCommand = app_commands.Command[Any, ..., Any]


def leaf_commands() -> list[AnyCommand]:
    """Every command and subcommand the bot loads, from its cogs' command trees."""
    found: list[AnyCommand] = []
    for extension in EXTENSIONS:
        module = importlib.import_module(extension)
        cogs = [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, Cog)]
        for cog in cogs:
            for command in cog.__cog_app_commands__:
                walked = command.walk_commands() if isinstance(command, Group) else [command]
                found += [c for c in walked if isinstance(c, app_commands.Command)]
    return found


ADMIN_COMMANDS = [c for c in leaf_commands() if c.qualified_name not in FOR_EVERYONE]
TAKING = {"remove", "enable", "unpause", "reset", "forget"}  # what these take away must be there


def options_for(fake, command: AnyCommand) -> dict[str, Any]:
    """A value for every option, chosen so the command would change the policy if it ran."""
    taking = command.name in TAKING
    given = {
        "term": "owl" if taking else "fox",
        "model": "flux/flux-1-pro" if taking else "openai/dall-e-3",
        "reason": "spam",
        "size": "1792x1024",
        "aspect": "landscape",
        "quality": "hd",
        "style": "natural",
    }
    by_type = {
        AppCommandOptionType.channel: channel(fake, ART_CHANNEL_ID if taking else NSFW_CHANNEL_ID),
        AppCommandOptionType.role: role(fake, ARTIST_ROLE_ID if taking else SUPPORTER_ROLE_ID),
        AppCommandOptionType.user: guild(fake).member(MEMBER_ID if taking else PATRON_ID),
        AppCommandOptionType.boolean: True,
    }
    values = {}
    for p in command.parameters:
        if p.choices:
            values[p.name] = p.choices[-1].value
        elif p.type is AppCommandOptionType.integer:
            values[p.name] = 1 if p.min_value is None else int(p.min_value)
        else:
            values[p.name] = given[p.name] if p.name in given else by_type[p.type]
    return values


async def everything_stored(bot):
    bot.policy._cache.clear()  # what the database says, not the cache
    return (
        await bot.policy.policy(GUILD_ID),
        await bot.quota.policy(GUILD_ID),
        await bot.quota.status(GUILD_ID, MEMBER_ID),
        bot.generation.queue.snapshot(GUILD_ID).limits,
        await bot.history.page(GUILD_ID, MEMBER_ID, 0),
        await bot.defaults.server(GUILD_ID),
    )


def test_every_admin_command_is_found() -> None:
    names = {c.qualified_name for c in ADMIN_COMMANDS}
    assert len(names) == 21
    assert {"imagine-admin member pause", "quota role", "quota set", "usage"} <= names


async def seeded(bot):
    """Something in every list, a pause and some use, so that each command has its target."""
    await bot.policy.add_entry(GUILD_ID, "term", "owl")
    await bot.policy.add_entry(GUILD_ID, "channel", ART_CHANNEL_ID)
    await bot.policy.add_entry(GUILD_ID, "role", ARTIST_ROLE_ID)
    await bot.policy.add_entry(GUILD_ID, "disabled_model", "flux/flux-1-pro")
    await bot.policy.pause(GUILD_ID, MEMBER_ID, "before", ADMIN_ID)
    await spend(bot, MEMBER_ID, 3)
    await bot.defaults.set_server(GUILD_ID, RequestOptions(quality="standard"), ADMIN_ID)
    return await everything_stored(bot)


async def run_as(fake, command, member_id):
    """Run `command` with `options_for` it; the interaction and its member's permissions."""
    *parents, name = command.qualified_name.split()
    handle = await fake.inject_slash(
        parents[0] if parents else name,
        options_for(fake, command),
        group=parents[1] if len(parents) > 1 else None,
        subcommand=name if parents else None,
        invoker=Invoker(member=guild(fake).member(member_id)),
    )
    return handle, int(handle.record.payload["member"]["permissions"])


@pytest.mark.parametrize("command", ADMIN_COMMANDS, ids=lambda c: c.qualified_name)
async def test_only_manage_server_may_run_an_admin_command(bot, discord_fake, command) -> None:
    """Refused at once and privately, and nothing changed, for a plain member and for a
    moderator with Manage Messages: the permission is read from the interaction's member."""
    before = await seeded(bot)
    for member_id in (MEMBER_ID, MODERATOR_ID):
        handle, permissions = await run_as(discord_fake, command, member_id)
        assert not permissions & MANAGE_GUILD
        assert bool(permissions & MANAGE_MESSAGES) == (member_id == MODERATOR_ID)
        record = await handle.wait_response()
        assert record.response_type == 4  # refused at once, no defer
        reply = discord_fake.state.message(record.original_message_id)
        assert reply.ephemeral
        assert reply.content == PERMISSION_REFUSAL
        assert reply.embeds == []
    assert await everything_stored(bot) == before


@pytest.mark.parametrize("command", ADMIN_COMMANDS, ids=lambda c: c.qualified_name)
async def test_the_refused_commands_would_change_something(bot, discord_fake, command) -> None:
    """The same options from an admin: each command that writes does change what is stored,
    so "nothing changed" above means the check stopped it."""
    before = await seeded(bot)
    handle, _ = await run_as(discord_fake, command, ADMIN_ID)
    await handle.wait_followups()
    readers = command.name in ("show", "list", "usage")
    assert (await everything_stored(bot) == before) == readers


# -- show and set -----------------------------------------------------------------------------


async def test_show_reflects_every_setting(bot, discord_fake, admin) -> None:
    [embed] = (await admin_run(discord_fake, None, "show", invoker=admin)).embeds
    shown = fields(embed)
    assert shown["Channels"] == "everywhere"
    assert shown["Roles"] == "everyone"
    assert shown["NSFW only"] == "off"
    assert shown["Cooldown"] == "off"
    assert shown["Strike limit"] == "3"
    assert shown["Audit channel"] == "none"
    assert shown["Role budgets"] == "none"
    assert shown["Paused members"] == "none"
    assert "0 of this server; built-in list on" in shown["Blocked terms"]
    assert "Server: 100 credits per day" in shown["Budgets"]

    reply = await admin_run(
        discord_fake,
        None,
        "set",
        {
            "audit_channel": channel(discord_fake, AUDIT_CHANNEL_ID),
            "nsfw_only": True,
            "cooldown_seconds": 30,
            "builtin_terms": False,
            "strike_limit": 0,
        },
        invoker=admin,
    )
    assert reply.content.startswith("✅ Saved")
    await bot.policy.add_entry(GUILD_ID, "term", "fox")
    await bot.policy.add_entry(GUILD_ID, "channel", CHANNEL_ID)
    await bot.policy.add_entry(GUILD_ID, "role", ARTIST_ROLE_ID)
    await bot.policy.add_entry(GUILD_ID, "disabled_model", "flux/flux-1-pro")
    await bot.policy.set_role_budget(GUILD_ID, PATRON_ROLE_ID, 70)
    await bot.policy.pause(GUILD_ID, MEMBER_ID, "spam", ADMIN_ID)

    [embed] = (await admin_run(discord_fake, None, "show", invoker=admin)).embeds
    shown = fields(embed)
    assert shown["Channels"] == f"<#{CHANNEL_ID}>"
    assert shown["Roles"] == f"<@&{ARTIST_ROLE_ID}>"
    assert shown["NSFW only"] == "on"
    assert shown["Cooldown"] == "30 s"
    assert shown["Strike limit"] == "off"
    assert shown["Audit channel"] == f"<#{AUDIT_CHANNEL_ID}>"
    assert shown["Role budgets"] == f"<@&{PATRON_ROLE_ID}>: 70 credits"
    assert shown["Paused members"] == f"<@{MEMBER_ID}>: spam"
    assert "1 of this server; built-in list off" in shown["Blocked terms"]
    assert "🚫 FLUX.1 [pro]" in shown["Models"]
    assert "✅ DALL·E 3" in shown["Models"]


async def test_show_fits_a_policy_of_any_size(bot, discord_fake, admin) -> None:
    """Lists of 45 show 15 whole entries and count the rest; Discord takes the embed."""
    for i in range(45):
        await bot.policy.add_entry(GUILD_ID, "channel", CHANNEL_ID + 1_000 + i)
        await bot.policy.add_entry(GUILD_ID, "role", ARTIST_ROLE_ID + 1_000 + i)
        await bot.policy.set_role_budget(GUILD_ID, ARTIST_ROLE_ID + 1_000 + i, 1_000_000 - i)
        await bot.policy.pause(GUILD_ID, MEMBER_ID + 1_000 + i, "*" * 200, ADMIN_ID)
    [embed] = (await admin_run(discord_fake, None, "show", invoker=admin)).embeds
    shown = fields(embed)
    for name in ("Channels", "Roles", "Role budgets", "Paused members"):
        *listed, more = shown[name].split("\n")
        assert more == f"…and {45 - len(listed)} more", name
        assert 0 < len(listed) <= 15
    assert shown["Channels"].startswith(f"<#{CHANNEL_ID + 1_000}>\n")
    assert sum(len(f["name"]) + len(f["value"]) for f in embed["fields"]) <= 6000


async def test_set_keeps_what_is_left_out_and_refuses_nothing(bot, discord_fake, admin) -> None:
    await admin_run(discord_fake, None, "set", {"cooldown_seconds": 45}, invoker=admin)
    await admin_run(discord_fake, None, "set", {"nsfw_only": True}, invoker=admin)
    policy = await bot.policy.policy(GUILD_ID)
    assert (policy.cooldown_seconds, policy.nsfw_only, policy.strike_limit) == (45, True, 3)
    reply = await admin_run(discord_fake, None, "set", invoker=admin)
    assert reply.content.startswith("⚠️ Nothing to change")
    # Discord enforces min/max in its client; a forged value still meets the service's check.
    reply = await admin_run(discord_fake, None, "set", {"strike_limit": 500}, invoker=admin)
    assert reply.content == "⚠️ The strike limit must be from 0 to 100."
    assert (await bot.policy.policy(GUILD_ID)).strike_limit == 3


# -- the lists ----------------------------------------------------------------------------------


async def test_blocked_terms_add_list_remove(bot, discord_fake, admin) -> None:
    reply = await admin_run(discord_fake, "blocked", "add", {"term": "Blood Bath"}, invoker=admin)
    assert reply.content == "✅ Blocked “Blood Bath”."
    reply = await admin_run(discord_fake, "blocked", "add", {"term": "blood  bath"}, invoker=admin)
    assert reply.content.startswith("Nothing changed")  # the same term once normalised
    await admin_run(discord_fake, "blocked", "add", {"term": "porn*"}, invoker=admin)
    reply = await admin_run(discord_fake, "blocked", "list", invoker=admin)
    assert reply.content == "**Blocked terms**\n“blood bath”\n“porn\\*”"
    reply = await admin_run(
        discord_fake, "blocked", "remove", {"term": "BLOOD BATH"}, invoker=admin
    )
    assert reply.content.startswith("✅ Unblocked")
    assert (await bot.policy.policy(GUILD_ID)).blocked_terms == ("porn*",)
    reply = await admin_run(discord_fake, "blocked", "add", {"term": "..."}, invoker=admin)
    assert reply.content == "⚠️ A blocked term needs at least one letter or digit."


async def test_a_term_past_the_limit_is_refused_and_not_stored(bot, discord_fake, admin) -> None:
    """Each term costs compile time and memory that every server shares: a list has a cap."""
    full = tuple(f"capped{n:03}" for n in range(MAX_BLOCKED_TERMS))
    for term in full:
        await bot.policy.add_entry(GUILD_ID, "term", term)
    reply = await admin_run(discord_fake, "blocked", "add", {"term": "one more"}, invoker=admin)
    assert reply.content == (
        f"⚠️ This server already has {MAX_BLOCKED_TERMS} blocked terms, the most it may: "
        "remove one first. Nothing was added."
    )
    assert (await bot.policy.policy(GUILD_ID)).blocked_terms == full
    # A term already on the full list is no new one; after a removal there is room again.
    reply = await admin_run(discord_fake, "blocked", "add", {"term": "capped000"}, invoker=admin)
    assert reply.content.startswith("Nothing changed")
    await admin_run(discord_fake, "blocked", "remove", {"term": "capped000"}, invoker=admin)
    reply = await admin_run(discord_fake, "blocked", "add", {"term": "one more"}, invoker=admin)
    assert reply.content == "✅ Blocked “one more”."


async def test_channels_add_list_remove(bot, discord_fake, admin) -> None:
    general = channel(discord_fake, CHANNEL_ID)
    reply = await admin_run(discord_fake, "channels", "list", invoker=admin)
    assert reply.content == "**Channels**\neverywhere"
    reply = await admin_run(discord_fake, "channels", "add", {"channel": general}, invoker=admin)
    assert reply.content == f"✅ /imagine now works in <#{CHANNEL_ID}>."
    reply = await admin_run(discord_fake, "channels", "list", invoker=admin)
    assert reply.content == f"**Channels**\n<#{CHANNEL_ID}>"
    await admin_run(discord_fake, "channels", "remove", {"channel": general}, invoker=admin)
    assert (await bot.policy.policy(GUILD_ID)).channel_ids == frozenset()
    reply = await admin_run(discord_fake, "channels", "remove", {"channel": general}, invoker=admin)
    assert reply.content.startswith("Nothing changed")


async def test_roles_add_list_remove(bot, discord_fake, admin) -> None:
    artist = role(discord_fake, ARTIST_ROLE_ID)
    reply = await admin_run(discord_fake, "roles", "add", {"role": artist}, invoker=admin)
    assert reply.content == f"✅ /imagine is now open to <@&{ARTIST_ROLE_ID}>."
    assert reply.allowed_mentions == {"parse": []}  # a role named, never pinged
    reply = await admin_run(discord_fake, "roles", "list", invoker=admin)
    assert reply.content == f"**Roles**\n<@&{ARTIST_ROLE_ID}>"
    await admin_run(discord_fake, "roles", "remove", {"role": artist}, invoker=admin)
    assert (await bot.policy.policy(GUILD_ID)).role_ids == frozenset()


async def test_models_disable_enable_and_autocomplete(bot, discord_fake, admin) -> None:
    reply = await admin_run(
        discord_fake, "models", "disable", {"model": "flux/flux-1-pro"}, invoker=admin
    )
    assert reply.content == "✅ Disabled FLUX.1 [pro]."
    assert not (await bot.policy.policy(GUILD_ID)).model_enabled("flux/flux-1-pro")
    reply = await admin_run(
        discord_fake, "models", "enable", {"model": "flux/flux-1-pro"}, invoker=admin
    )
    assert reply.content == "✅ Enabled FLUX.1 [pro]."
    reply = await admin_run(discord_fake, "models", "enable", {"model": "nope/x"}, invoker=admin)
    assert reply.content == "⚠️ `nope/x` is not a model of this bot."

    handle = await discord_fake.inject_autocomplete(
        ADMIN_COMMAND,
        {"model": "gpt"},
        "model",
        group="models",
        subcommand="disable",
        invoker=admin,
    )
    await handle.wait_response()
    assert [c["value"] for c in handle.choices] == ["openai/gpt-image-1"]


async def test_member_pause_and_unpause(bot, discord_fake, admin) -> None:
    alice = discord_fake.scenario.member
    reply = await admin_run(
        discord_fake, "member", "pause", {"member": alice, "reason": "spam"}, invoker=admin
    )
    assert reply.content == f"✅ Paused <@{MEMBER_ID}>."
    paused = (await bot.policy.policy(GUILD_ID)).paused[MEMBER_ID]
    assert (paused.reason, paused.by) == ("spam", ADMIN_ID)
    assert isinstance(paused, Pause)
    reply = await admin_run(discord_fake, "member", "pause", {"member": alice}, invoker=admin)
    assert reply.content == f"<@{MEMBER_ID}> is already paused."
    reply = await admin_run(discord_fake, "member", "unpause", {"member": alice}, invoker=admin)
    assert reply.content == f"✅ Unpaused <@{MEMBER_ID}>."
    assert MEMBER_ID not in (await bot.policy.policy(GUILD_ID)).paused


# -- /quota role ------------------------------------------------------------------------------


async def test_role_budgets_with_several_roles(bot, discord_fake, admin) -> None:
    carol = Invoker(member=guild(discord_fake).member(PATRON_ID))
    reply = await run(
        discord_fake,
        "quota",
        {"role": role(discord_fake, SUPPORTER_ROLE_ID), "credits": 40},
        subcommand="role",
        invoker=admin,
    )
    assert (
        reply.content == f"✅ Members with <@&{SUPPORTER_ROLE_ID}> now get 40 credits per period."
    )
    await run(
        discord_fake,
        "quota",
        {"role": role(discord_fake, PATRON_ROLE_ID), "credits": 60},
        subcommand="role",
        invoker=admin,
    )
    reply = await run(discord_fake, "quota", subcommand="show", invoker=carol)
    assert "You: **60** of 60 credits left" in reply.content  # the larger of her two roles
    reply = await run(discord_fake, "quota", subcommand="show")
    assert "You: **25** of 25 credits left" in reply.content  # alice: the member default

    [embed] = (await admin_run(discord_fake, None, "show", invoker=admin)).embeds
    assert fields(embed)["Role budgets"].splitlines() == [
        f"<@&{PATRON_ROLE_ID}>: 60 credits",
        f"<@&{SUPPORTER_ROLE_ID}>: 40 credits",
    ]

    reply = await run(
        discord_fake,
        "quota",
        {"role": role(discord_fake, PATRON_ROLE_ID)},
        subcommand="role",
        invoker=admin,
    )
    assert "no longer has its own budget" in reply.content
    reply = await run(discord_fake, "quota", subcommand="show", invoker=carol)
    assert "You: **40** of 40 credits left" in reply.content


async def test_a_forged_role_budget_is_refused(bot, discord_fake, admin) -> None:
    reply = await run(
        discord_fake,
        "quota",
        {"role": role(discord_fake, SUPPORTER_ROLE_ID), "credits": 0},
        subcommand="role",
        invoker=admin,
    )
    assert reply.content == "⚠️ A role's budget must be from 1 to 1,000,000 credits."
    assert (await bot.policy.policy(GUILD_ID)).role_budgets == {}


async def test_show_tells_a_strike_pause_from_a_moderators(bot, discord_fake, admin) -> None:
    await bot.policy.update(GUILD_ID, strike_limit=1, actor_id=ADMIN_ID)
    assert (await bot.policy.add_strike(GUILD_ID, MEMBER_ID, "safety")).paused
    await bot.policy.pause(GUILD_ID, MEMBER_ID + 1, "spam", ADMIN_ID)
    [embed] = (await admin_run(discord_fake, None, "show", invoker=admin)).embeds
    assert fields(embed)["Paused members"].splitlines() == [
        f"<@{MEMBER_ID}>: strike limit reached",
        f"<@{MEMBER_ID + 1}>: spam",
    ]
