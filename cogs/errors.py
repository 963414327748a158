"""One error handler for the whole command tree: a short private note, never a traceback."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from cogs.presenters import DISCORD_FAULTS, command_refusal, private_words, send_error

if TYPE_CHECKING:
    from bot.app import ImagineBot

log = logging.getLogger("imagine.cogs.errors")
ALREADY_ACKNOWLEDGED = 40060


async def tell(interaction: discord.Interaction[Any], message: str) -> None:
    """A private note, unless Discord no longer takes answers to this interaction."""
    try:
        await send_error(interaction, message)
    except DISCORD_FAULTS as error:
        log.warning("could not tell interaction %s about its error: %s", interaction.id, error)


def is_duplicate(error: BaseException) -> bool:
    """Discord delivered this interaction twice and the other delivery answered it first."""
    cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    return isinstance(cause, discord.HTTPException) and cause.code == ALREADY_ACKNOWLEDGED


async def report_unexpected(
    interaction: discord.Interaction[Any], error: BaseException, where: str
) -> None:
    """Log a bug with its traceback for the admins; tell the member only that it happened."""
    log.error("%s failed", where, exc_info=error)
    await tell(interaction, private_words(interaction)("unexpected-error"))


class ErrorsCog(commands.Cog, name="Errors"):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self._previous = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous  # type: ignore[method-assign]

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.CheckFailure | app_commands.TransformerError):
            await tell(interaction, command_refusal(private_words(interaction), error))
            return
        if is_duplicate(error):  # the first delivery answers; a second reply would fail too
            log.info("ignored a second delivery of interaction %s", interaction.id)
            return
        command = interaction.command.qualified_name if interaction.command else "?"
        await report_unexpected(interaction, error, f"command {command}")


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(ErrorsCog(bot))
