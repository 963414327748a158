"""/quota show, set and reset, and /usage: members see their credits, admins steer the budgets.

Permissions: Discord applies `default_member_permissions` only to top-level commands (discord.py
ignores `default_permissions` on a subcommand), and it cannot hide single subcommands. `/quota`
stays visible to everyone because `show` is for everyone, so `set` and `reset` are guarded at run
time only. `/usage` is hidden from non-admins by default as well; but admins can override that
default, so every admin command is checked at run time too (`has_permissions` reads the member's
permissions from the interaction payload).
"""

from __future__ import annotations

import asyncio
import io
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.policy import InvalidSetting
from bot.quota import MAX_CREDITS, InvalidPolicy
from bot.usage_chart import usage_chart
from cogs.command_text import described
from cogs.enforcement import role_ids
from cogs.presenters import (
    NO_MENTIONS,
    acknowledge,
    forgiveness,
    invalid_setting,
    policy_refusal,
    policy_saved,
    private_words,
    quota_summary,
    reply,
    role_budget_change,
    send_error,
    usage_embed,
)

if TYPE_CHECKING:
    from bot.app import ImagineBot

Credits = app_commands.Range[int, 0, MAX_CREDITS]
CHART_FILE = "usage.png"
PERIOD_CHOICES = [
    app_commands.Choice(name=described(f"cmd-quota-period-{period}"), value=period)
    for period in ("day", "week", "month")
]


class QuotaCog(commands.Cog, name="Quota"):
    # No default_permissions: it would hide /quota show too (see the module docstring). And
    # guild_only alone only sets the deprecated dm_permission; Discord goes by the contexts.
    quota = app_commands.Group(
        name="quota",
        description=described("cmd-quota"),
        guild_only=True,
        allowed_contexts=app_commands.AppCommandContext(guild=True),
    )

    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot

    @quota.command(name="show", description=described("cmd-quota-show"))
    async def show(self, interaction: discord.Interaction[ImagineBot]) -> None:
        await acknowledge(interaction)
        guild_id = _guild_id(interaction)
        budget = await self.bot.policy.member_credits(guild_id, role_ids(interaction))
        status = await self.bot.quota.status(guild_id, interaction.user.id, member_credits=budget)
        price = self.bot.settings.price if interaction.permissions.manage_guild else None
        await reply(interaction, quota_summary(private_words(interaction), status, price))

    @quota.command(name="set", description=described("cmd-quota-set"))
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.describe(
        guild_credits=described("cmd-quota-set-guild-credits"),
        member_credits=described("cmd-quota-set-member-credits"),
        period=described("cmd-quota-set-period"),
    )
    @app_commands.choices(period=PERIOD_CHOICES)
    async def set_(
        self,
        interaction: discord.Interaction[ImagineBot],
        guild_credits: Credits | None = None,
        member_credits: Credits | None = None,
        period: str | None = None,
    ) -> None:
        await acknowledge(interaction)
        try:
            policy = await self.bot.quota.set_policy(
                _guild_id(interaction),
                guild_credits=guild_credits,
                member_credits=member_credits,
                period=period,
                actor_id=interaction.user.id,
            )
        except InvalidPolicy as invalid:
            await send_error(interaction, policy_refusal(private_words(interaction), invalid))
            return
        await reply(interaction, policy_saved(private_words(interaction), policy))

    @quota.command(name="reset", description=described("cmd-quota-reset"))
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.describe(member=described("cmd-quota-reset-member"))
    async def reset(
        self,
        interaction: discord.Interaction[ImagineBot],
        member: discord.Member | discord.User | None = None,
    ) -> None:
        await acknowledge(interaction)
        forgiven = await self.bot.quota.reset(
            _guild_id(interaction),
            None if member is None else member.id,
            actor_id=interaction.user.id,
        )
        await reply(
            interaction,
            forgiveness(
                private_words(interaction), forgiven, None if member is None else member.id
            ),
        )

    @quota.command(name="role", description=described("cmd-quota-role"))
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.describe(
        role=described("cmd-quota-role-role"),
        credits=described("cmd-quota-role-credits"),
    )
    async def role(
        self,
        interaction: discord.Interaction[ImagineBot],
        role: discord.Role,
        credits: app_commands.Range[int, 1, MAX_CREDITS] | None = None,
    ) -> None:
        await acknowledge(interaction)
        try:
            changed = await self.bot.policy.set_role_budget(
                _guild_id(interaction), role.id, credits
            )
        except InvalidSetting as invalid:
            await send_error(interaction, invalid_setting(private_words(interaction), invalid))
            return
        await reply(
            interaction, role_budget_change(private_words(interaction), role.id, credits, changed)
        )

    @app_commands.command(name="usage", description=described("cmd-usage"))
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def usage(self, interaction: discord.Interaction[ImagineBot]) -> None:
        await acknowledge(interaction)
        report = await self.bot.quota.usage(_guild_id(interaction))
        embed = usage_embed(
            private_words(interaction), report, self._model_name, self.bot.settings.price
        )
        files = []
        if report.requests:
            chart = await asyncio.to_thread(usage_chart, report, self._chart_label)
            files.append(discord.File(io.BytesIO(chart), filename=CHART_FILE))
            embed.set_image(url=f"attachment://{CHART_FILE}")
        await interaction.followup.send(
            embed=embed, files=files, ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    def _chart_label(self, model_id: str) -> str:
        spec = self.bot.catalog.get(model_id)
        return spec.name if spec else model_id

    def _model_name(self, model_id: str) -> str:
        """The catalog's display name; a model since removed from the catalog shows its id."""
        spec = self.bot.catalog.get(model_id)
        return discord.utils.escape_markdown(spec.name if spec else model_id)


def _guild_id(interaction: discord.Interaction[ImagineBot]) -> int:
    assert interaction.guild_id is not None  # every command here is guild only
    return interaction.guild_id


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(QuotaCog(bot))
