"""/imagine-admin: a guild's moderators steer who may use /imagine, where, and with what.

Hidden from members without Manage Server by `default_permissions`; but a server can override
that default, and a client can send any interaction, so every subcommand is checked again at run
time (the cog's `interaction_check`, from the permissions in the interaction payload).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.policy import MAX_COOLDOWN_SECONDS, MAX_STRIKE_LIMIT, EntryKind, InvalidSetting
from bot.queue_limits import InvalidQueueLimit
from bot.rule_changes import enforce_on_line
from bot.terms import MAX_TERM_LENGTH, InvalidTerm
from cogs.command_text import described
from cogs.presenters import (
    NO_MENTIONS,
    acknowledge,
    entry_list,
    expelled_note,
    forgotten,
    invalid_setting,
    list_change,
    literal,
    pause_change,
    policy_embed,
    private_words,
    quoted_term,
    reply,
    send_error,
)
from cogs.settings import DESCRIBE, change_defaults, given_options, option_choices

if TYPE_CHECKING:
    from bot.app import ImagineBot

MAX_AUTOCOMPLETE = 25
MAX_LIMIT = 10_000  # the settings' own bound; the bot's actual caps are checked in the core

Term = app_commands.Range[str, 1, MAX_TERM_LENGTH]


class ModerationCog(commands.Cog, name="Moderation"):
    admin = app_commands.Group(
        name="imagine-admin",
        description=described("cmd-imagine-admin"),
        guild_only=True,
        allowed_contexts=app_commands.AppCommandContext(guild=True),
        default_permissions=discord.Permissions(manage_guild=True),
    )
    blocked = app_commands.Group(
        name="blocked", description=described("cmd-imagine-admin-blocked"), parent=admin
    )
    channels = app_commands.Group(
        name="channels", description=described("cmd-imagine-admin-channels"), parent=admin
    )
    roles = app_commands.Group(
        name="roles", description=described("cmd-imagine-admin-roles"), parent=admin
    )
    models = app_commands.Group(
        name="models", description=described("cmd-imagine-admin-models"), parent=admin
    )
    member = app_commands.Group(
        name="member", description=described("cmd-imagine-admin-member"), parent=admin
    )

    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction[ImagineBot]) -> bool:  # type: ignore[override]
        if not interaction.permissions.manage_guild:
            raise app_commands.MissingPermissions(["manage_guild"])
        return True

    # -- the whole policy ----------------------------------------------------------------------

    @admin.command(name="show", description=described("cmd-imagine-admin-show"))
    async def show(self, interaction: discord.Interaction[ImagineBot]) -> None:
        await acknowledge(interaction)
        guild_id = _guild_id(interaction)
        policy = await self.bot.policy.policy(guild_id)
        quota = await self.bot.quota.policy(guild_id)
        names = {model.id: model.name for model in self.bot.catalog.models}
        queue = self.bot.generation.queue.snapshot(guild_id)
        await interaction.followup.send(
            embed=policy_embed(private_words(interaction), policy, quota, names, queue),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @admin.command(name="set", description=described("cmd-imagine-admin-set"))
    @app_commands.describe(
        audit_channel=described("cmd-imagine-admin-set-audit-channel"),
        nsfw_only=described("cmd-imagine-admin-set-nsfw-only"),
        cooldown_seconds=described("cmd-imagine-admin-set-cooldown-seconds"),
        builtin_terms=described("cmd-imagine-admin-set-builtin-terms"),
        strike_limit=described("cmd-imagine-admin-set-strike-limit"),
        guild_concurrency=described("cmd-imagine-admin-set-guild-concurrency"),
        member_concurrency=described("cmd-imagine-admin-set-member-concurrency"),
        queue_limit=described("cmd-imagine-admin-set-queue-limit"),
    )
    async def set_(
        self,
        interaction: discord.Interaction[ImagineBot],
        audit_channel: discord.TextChannel | None = None,
        nsfw_only: bool | None = None,
        cooldown_seconds: app_commands.Range[int, 0, MAX_COOLDOWN_SECONDS] | None = None,
        builtin_terms: bool | None = None,
        strike_limit: app_commands.Range[int, 0, MAX_STRIKE_LIMIT] | None = None,
        guild_concurrency: app_commands.Range[int, 1, MAX_LIMIT] | None = None,
        member_concurrency: app_commands.Range[int, 1, MAX_LIMIT] | None = None,
        queue_limit: app_commands.Range[int, 0, MAX_LIMIT] | None = None,
    ) -> None:
        await acknowledge(interaction)
        guild_id = _guild_id(interaction)
        limits = {
            "guild_concurrency": guild_concurrency,
            "member_concurrency": member_concurrency,
            "queue_limit": queue_limit,
        }
        rules = (audit_channel, nsfw_only, cooldown_seconds, builtin_terms, strike_limit)
        queueing = any(value is not None for value in limits.values())
        try:
            if queueing:  # checked first: a limit above the bot's own changes nothing
                await self.bot.queue_limits.update(guild_id, actor_id=interaction.user.id, **limits)
            if not queueing or any(value is not None for value in rules):
                await self.bot.policy.update(
                    guild_id,
                    actor_id=interaction.user.id,
                    audit_channel_id=None if audit_channel is None else audit_channel.id,
                    nsfw_only=nsfw_only,
                    cooldown_seconds=cooldown_seconds,
                    builtin_terms=builtin_terms,
                    strike_limit=strike_limit,
                )
        except (InvalidSetting, InvalidQueueLimit) as invalid:
            await send_error(interaction, invalid_setting(private_words(interaction), invalid))
            return
        expelled = await self._enforce(interaction, guild_id)
        words = private_words(interaction)
        await reply(interaction, words.sentences(words("admin-saved"), expelled))

    # -- defaults ------------------------------------------------------------------------------

    @admin.command(name="defaults", description=described("cmd-imagine-admin-defaults"))
    @app_commands.describe(**DESCRIBE)
    async def defaults(
        self,
        interaction: discord.Interaction[ImagineBot],
        model: str | None = None,
        size: str | None = None,
        aspect: str | None = None,
        quality: str | None = None,
        style: str | None = None,
        clear: bool = False,
    ) -> None:
        given = given_options(model, size, aspect, quality, style)
        await change_defaults(self.bot, interaction, "server", given, clear)

    @defaults.autocomplete("model")
    @defaults.autocomplete("size")
    @defaults.autocomplete("aspect")
    @defaults.autocomplete("quality")
    @defaults.autocomplete("style")
    async def defaults_choices(
        self, interaction: discord.Interaction[ImagineBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return option_choices(self.bot, interaction, current)

    # -- lists ---------------------------------------------------------------------------------

    @blocked.command(name="add", description=described("cmd-imagine-admin-blocked-add"))
    @app_commands.describe(term=described("cmd-imagine-admin-blocked-add-term"))
    async def blocked_add(self, interaction: discord.Interaction[ImagineBot], term: Term) -> None:
        await self._change(
            interaction, "term", term, True, quoted_term(private_words(interaction), term)
        )

    @blocked.command(name="remove", description=described("cmd-imagine-admin-blocked-remove"))
    @app_commands.describe(term=described("cmd-imagine-admin-blocked-remove-term"))
    async def blocked_remove(
        self, interaction: discord.Interaction[ImagineBot], term: Term
    ) -> None:
        await self._change(
            interaction, "term", term, False, quoted_term(private_words(interaction), term)
        )

    @blocked.command(name="list", description=described("cmd-imagine-admin-blocked-list"))
    async def blocked_list(self, interaction: discord.Interaction[ImagineBot]) -> None:
        await self._show_list(interaction, "term")

    @channels.command(name="add", description=described("cmd-imagine-admin-channels-add"))
    @app_commands.describe(channel=described("cmd-imagine-admin-channels-add-channel"))
    async def channels_add(
        self, interaction: discord.Interaction[ImagineBot], channel: discord.TextChannel
    ) -> None:
        await self._change(interaction, "channel", channel.id, True, f"<#{channel.id}>")

    @channels.command(name="remove", description=described("cmd-imagine-admin-channels-remove"))
    @app_commands.describe(channel=described("cmd-imagine-admin-channels-remove-channel"))
    async def channels_remove(
        self, interaction: discord.Interaction[ImagineBot], channel: discord.TextChannel
    ) -> None:
        await self._change(interaction, "channel", channel.id, False, f"<#{channel.id}>")

    @channels.command(name="list", description=described("cmd-imagine-admin-channels-list"))
    async def channels_list(self, interaction: discord.Interaction[ImagineBot]) -> None:
        await self._show_list(interaction, "channel")

    @roles.command(name="add", description=described("cmd-imagine-admin-roles-add"))
    @app_commands.describe(role=described("cmd-imagine-admin-roles-add-role"))
    async def roles_add(
        self, interaction: discord.Interaction[ImagineBot], role: discord.Role
    ) -> None:
        await self._change(interaction, "role", role.id, True, f"<@&{role.id}>")

    @roles.command(name="remove", description=described("cmd-imagine-admin-roles-remove"))
    @app_commands.describe(role=described("cmd-imagine-admin-roles-remove-role"))
    async def roles_remove(
        self, interaction: discord.Interaction[ImagineBot], role: discord.Role
    ) -> None:
        await self._change(interaction, "role", role.id, False, f"<@&{role.id}>")

    @roles.command(name="list", description=described("cmd-imagine-admin-roles-list"))
    async def roles_list(self, interaction: discord.Interaction[ImagineBot]) -> None:
        await self._show_list(interaction, "role")

    @models.command(name="enable", description=described("cmd-imagine-admin-models-enable"))
    @app_commands.describe(model=described("cmd-imagine-admin-models-model"))
    async def models_enable(self, interaction: discord.Interaction[ImagineBot], model: str) -> None:
        await self._switch_model(interaction, model, enable=True)

    @models.command(name="disable", description=described("cmd-imagine-admin-models-disable"))
    @app_commands.describe(model=described("cmd-imagine-admin-models-model"))
    async def models_disable(
        self, interaction: discord.Interaction[ImagineBot], model: str
    ) -> None:
        await self._switch_model(interaction, model, enable=False)

    @models_enable.autocomplete("model")
    @models_disable.autocomplete("model")
    async def model_autocomplete(
        self, interaction: discord.Interaction[ImagineBot], current: str
    ) -> list[app_commands.Choice[str]]:
        wanted = current.strip().lower()
        return [
            app_commands.Choice(name=m.name, value=m.id)
            for m in self.bot.catalog.models
            if wanted in m.name.lower() or wanted in m.id.lower()
        ][:MAX_AUTOCOMPLETE]

    async def _switch_model(
        self, interaction: discord.Interaction[ImagineBot], model_id: str, *, enable: bool
    ) -> None:
        spec = self.bot.catalog.get(model_id)
        if spec is None:
            said = private_words(interaction)("admin-not-a-model", model=literal(model_id, 100))
            await send_error(interaction, said)
            return
        # Enabling a model removes it from the guild's list of disabled ones.
        await self._change(interaction, "disabled_model", spec.id, not enable, spec.name)

    # -- members -------------------------------------------------------------------------------

    @member.command(name="pause", description=described("cmd-imagine-admin-member-pause"))
    @app_commands.describe(
        member=described("cmd-imagine-admin-member-pause-member"),
        reason=described("cmd-imagine-admin-member-pause-reason"),
    )
    async def member_pause(
        self,
        interaction: discord.Interaction[ImagineBot],
        member: discord.Member | discord.User,
        reason: app_commands.Range[str, 1, 200] | None = None,
    ) -> None:
        await acknowledge(interaction)
        guild_id = _guild_id(interaction)
        paused = await self.bot.policy.pause(guild_id, member.id, reason, interaction.user.id)
        expelled = await self._enforce(interaction, guild_id) if paused else ""
        words = private_words(interaction)
        said = pause_change(words, member.id, pausing=True, changed=paused)
        await reply(interaction, words.sentences(said, expelled))

    @member.command(name="unpause", description=described("cmd-imagine-admin-member-unpause"))
    @app_commands.describe(member=described("cmd-imagine-admin-member-unpause-member"))
    async def member_unpause(
        self, interaction: discord.Interaction[ImagineBot], member: discord.Member | discord.User
    ) -> None:
        await acknowledge(interaction)
        unpaused = await self.bot.policy.unpause(_guild_id(interaction), member.id)
        words = private_words(interaction)
        await reply(interaction, pause_change(words, member.id, pausing=False, changed=unpaused))

    @member.command(name="forget", description=described("cmd-imagine-admin-member-forget"))
    @app_commands.describe(user=described("cmd-imagine-admin-member-forget-user"))
    async def member_forget(
        self, interaction: discord.Interaction[ImagineBot], user: discord.Member | discord.User
    ) -> None:
        await acknowledge(interaction)
        erased = await self.bot.history.forget(_guild_id(interaction), user.id)
        await reply(interaction, forgotten(private_words(interaction), erased, user.id))

    async def _show_list(
        self, interaction: discord.Interaction[ImagineBot], kind: EntryKind
    ) -> None:
        await acknowledge(interaction)
        policy = await self.bot.policy.policy(_guild_id(interaction))
        await reply(interaction, entry_list(private_words(interaction), kind, policy))

    async def _change(
        self,
        interaction: discord.Interaction[ImagineBot],
        kind: EntryKind,
        value: str | int,
        add: bool,
        shown: str,
    ) -> None:
        """Add to or remove from one of the guild's lists, and say whether anything changed."""
        await acknowledge(interaction)
        policy = self.bot.policy
        change = policy.add_entry if add else policy.remove_entry
        guild_id = _guild_id(interaction)
        words = private_words(interaction)
        try:
            changed = await change(guild_id, kind, value)
        except InvalidTerm as invalid:
            await send_error(interaction, invalid_setting(words, invalid))
            return
        expelled = await self._enforce(interaction, guild_id) if changed else ""
        await reply(
            interaction, words.sentences(list_change(words, kind, add, changed, shown), expelled)
        )

    async def _enforce(self, interaction: discord.Interaction[ImagineBot], guild_id: int) -> str:
        """The rules just changed: requests waiting in line that they now refuse leave it; the
        admin is told how many, in their own language."""
        expelled = await enforce_on_line(self.bot.policy, self.bot.generation, guild_id)
        return expelled_note(private_words(interaction), expelled)


def _guild_id(interaction: discord.Interaction[ImagineBot]) -> int:
    assert interaction.guild_id is not None  # every command here is guild only
    return interaction.guild_id


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(ModerationCog(bot))
