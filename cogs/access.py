"""Approved servers: with GUILD_ACCESS=approved, a server the operator has not approved gets a
private one-line answer to every command and button, and nothing is spent.

Every app command passes the command tree's global check, autocomplete included; the buttons
on results do not, so they ask `admitted` themselves.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.generation import StoreBusy
from bot.store import StoreUnavailable
from cogs.errors import tell
from cogs.presenters import private_words, refusal

if TYPE_CHECKING:
    from bot.app import ImagineBot

log = logging.getLogger("imagine.cogs.access")


async def admitted(interaction: discord.Interaction[Any]) -> bool:
    """Whether the bot serves this interaction's server; if not, the member is told privately."""
    bot: ImagineBot = interaction.client
    if interaction.guild_id is None:
        return True
    try:
        if await bot.access.allowed(interaction.guild_id):
            return True
    except StoreUnavailable as error:
        log.warning("could not read the approval of guild %s: %s", interaction.guild_id, error)
        message = refusal(private_words(interaction), StoreBusy())
    else:
        bot.metrics.refused("not_approved")
        message = private_words(interaction)("guild-not-approved")
    if interaction.type is not discord.InteractionType.autocomplete:
        await tell(interaction, message)
    return False


class AccessCog(commands.Cog, name="Access"):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self._previous = bot.tree.interaction_check

    async def cog_load(self) -> None:
        self.bot.tree.interaction_check = admitted  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.interaction_check = self._previous  # type: ignore[method-assign]

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self.bot.access.remember(guild.id, guild.name)
        if not await self.bot.access.allowed(guild.id):
            log.warning(
                "joined guild %s (%s), which is not approved: it gets nothing until "
                "`python -m bot guilds approve %s`",
                guild.id,
                guild.name,
                guild.id,
            )

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        """Names for the operator's list (`python -m bot guilds list`)."""
        await self.bot.access.remember(guild.id, guild.name)


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(AccessCog(bot))
