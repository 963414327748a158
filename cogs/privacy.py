"""/imagine-forget: a member erases their prompts and history in this server.

It asks first: the reply carries an Erase button (persistent, like Re-roll), which only the
member it was shown to can press; the custom_id names that member, and the press is checked
against the interaction's user. Moderators erase a member who left with
`/imagine-admin member forget` (cogs/moderation.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from cogs.command_text import described
from cogs.errors import report_unexpected
from cogs.i18n import Words
from cogs.presenters import NO_MENTIONS, forgotten, private_words, send_error

if TYPE_CHECKING:
    from bot.app import ImagineBot


class EraseButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"imagine:forget:(?P<member>[0-9]+)",
):
    def __init__(self, words: Words, member_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label=words("button-erase"),
                style=discord.ButtonStyle.danger,
                custom_id=f"imagine:forget:{member_id}",
            )
        )
        self.member_id = member_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> EraseButton:
        return cls(private_words(interaction), int(match["member"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        cog = interaction.client.get_cog(PrivacyCog.__cog_name__)
        assert isinstance(cog, PrivacyCog)
        try:
            await cog.erase(interaction, self.member_id)
        except Exception as error:
            await report_unexpected(interaction, error, "erase button")


class PrivacyCog(commands.Cog, name="Privacy"):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(EraseButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(EraseButton)

    @app_commands.command(name="imagine-forget", description=described("cmd-imagine-forget"))
    @app_commands.guild_only()
    async def forget(self, interaction: discord.Interaction[ImagineBot]) -> None:
        view = discord.ui.View(timeout=None)
        words = private_words(interaction)
        view.add_item(EraseButton(words, interaction.user.id))
        await interaction.response.send_message(
            words("forget-confirm"), view=view, ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    async def erase(self, interaction: discord.Interaction[Any], member_id: int) -> None:
        if interaction.user.id != member_id:
            await send_error(interaction, private_words(interaction)("forget-refused"))
            return
        assert interaction.guild_id is not None  # the command is guild only
        await interaction.response.defer()
        erased = await self.bot.history.forget(interaction.guild_id, member_id)
        await interaction.edit_original_response(
            content=forgotten(private_words(interaction), erased),
            view=None,
            allowed_mentions=NO_MENTIONS,
        )


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(PrivacyCog(bot))
