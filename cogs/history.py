"""/imagine-history: a member's past requests in this server, a page at a time, privately.

Its own command because /imagine takes options and so cannot have subcommands. The page
buttons and the Use again menu are persistent (`DynamicItem`, like Re-roll): the member and
the page live in the custom_id, and who may see or re-run what is decided again on each press
from the interaction's user and permissions and the stored entry, never from the custom_id.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.history import Page
from cogs.command_text import described
from cogs.errors import report_unexpected
from cogs.i18n import Words
from cogs.imagine import ImagineCog
from cogs.presenters import (
    NO_MENTIONS,
    acknowledge,
    history_embed,
    private_words,
    send_error,
    use_again_description,
    use_again_label,
)

if TYPE_CHECKING:
    from bot.app import ImagineBot


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"imagine:history:(?P<member>[0-9]+):(?P<page>[0-9]+):(?P<way>prev|next)",
):
    """Previous or Next: shows page `page` of `member`'s history."""

    def __init__(
        self, words: Words, member_id: int, page: int, way: str, *, disabled: bool = False
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=words("button-previous" if way == "prev" else "button-next"),
                style=discord.ButtonStyle.secondary,
                custom_id=f"imagine:history:{member_id}:{page}:{way}",
                disabled=disabled,
            )
        )
        self.member_id = member_id
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PageButton:
        words = private_words(interaction)
        return cls(words, int(match["member"]), int(match["page"]), match["way"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            await _cog(interaction).turn_page(interaction, self.member_id, self.page)
        except Exception as error:
            await report_unexpected(interaction, error, "history page button")


class UseAgainSelect(
    discord.ui.DynamicItem[discord.ui.Select[Any]],
    template=r"imagine:again:(?P<member>[0-9]+)",
):
    """Use again: re-runs the chosen entry (its interaction id is the option's value)."""

    def __init__(self, words: Words, member_id: int, options: list[discord.SelectOption]) -> None:
        super().__init__(
            discord.ui.Select(
                custom_id=f"imagine:again:{member_id}",
                placeholder=words("use-again-placeholder"),
                options=options,
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> UseAgainSelect:
        options = item.options if isinstance(item, discord.ui.Select) else []
        return cls(private_words(interaction), int(match["member"]), options)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            chosen = self.item.values[0] if self.item.values else ""
            if not chosen.isdigit():
                await send_error(interaction, private_words(interaction)("use-again-refused"))
                return
            await _cog(interaction).use_again(interaction, int(chosen))
        except Exception as error:
            await report_unexpected(interaction, error, "use again")


class HistoryCog(commands.Cog, name="History"):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(PageButton, UseAgainSelect)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(PageButton, UseAgainSelect)

    @app_commands.command(name="imagine-history", description=described("cmd-imagine-history"))
    @app_commands.guild_only()
    @app_commands.describe(member=described("cmd-imagine-history-member"))
    async def history(
        self,
        interaction: discord.Interaction[ImagineBot],
        member: discord.Member | discord.User | None = None,
    ) -> None:
        member_id = interaction.user.id if member is None else member.id
        if not _may_see(interaction, member_id):
            await send_error(interaction, private_words(interaction)("history-refused"))
            return
        await acknowledge(interaction)
        embed, view = await self._page(interaction, member_id, 0)
        await interaction.followup.send(
            embed=embed, view=view, ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    async def turn_page(
        self, interaction: discord.Interaction[Any], member_id: int, number: int
    ) -> None:
        if not _may_see(interaction, member_id):
            await send_error(interaction, private_words(interaction)("history-refused"))
            return
        await interaction.response.defer()
        embed, view = await self._page(interaction, member_id, number)
        await interaction.edit_original_response(
            embed=embed, view=view, allowed_mentions=NO_MENTIONS
        )

    async def use_again(self, interaction: discord.Interaction[Any], request_id: int) -> None:
        """Re-run one of the member's own entries the way Re-roll does: every rule, full cost."""
        entry = await self.bot.history.find(_guild_id(interaction), request_id)
        if entry is None or entry.member_id != interaction.user.id:
            said = "use-again-gone" if entry is None else "use-again-refused"
            await send_error(interaction, private_words(interaction)(said))
            return
        imagine = interaction.client.get_cog(ImagineCog.__cog_name__)
        assert isinstance(imagine, ImagineCog)
        await imagine.rerun(interaction, request_id)

    async def _page(
        self, interaction: discord.Interaction[Any], member_id: int, number: int
    ) -> tuple[discord.Embed, discord.ui.View]:
        guild_id = _guild_id(interaction)
        page = await self.bot.history.page(guild_id, member_id, number)
        own = member_id == interaction.user.id
        words = private_words(interaction)
        embed = history_embed(words, page, member_id, own, self._model_name, guild_id)
        return embed, self._view(words, page, member_id, own)

    def _view(self, words: Words, page: Page, member_id: int, own: bool) -> discord.ui.View:
        view = discord.ui.View(timeout=None)
        # An edit's inputs are not kept: only a generation can be used again.
        again = [e for e in page.entries if e.prompt and e.kind == "generation"] if own else []
        if again:
            options = [
                discord.SelectOption(
                    label=use_again_label(words, e),
                    value=str(e.interaction_id),
                    description=use_again_description(words, e, self._model_name(e.model)),
                )
                for e in again
            ]
            view.add_item(UseAgainSelect(words, member_id, options))
        previous = max(page.number - 1, 0)
        view.add_item(PageButton(words, member_id, previous, "prev", disabled=page.number == 0))
        view.add_item(PageButton(words, member_id, page.number + 1, "next", disabled=not page.more))
        return view

    def _model_name(self, model_id: str) -> str:
        spec = self.bot.catalog.get(model_id)
        return spec.name if spec else model_id


def _may_see(interaction: discord.Interaction[Any], member_id: int) -> bool:
    return member_id == interaction.user.id or interaction.permissions.manage_guild


def _cog(interaction: discord.Interaction[Any]) -> HistoryCog:
    cog = interaction.client.get_cog(HistoryCog.__cog_name__)
    assert isinstance(cog, HistoryCog)
    return cog


def _guild_id(interaction: discord.Interaction[Any]) -> int:
    assert interaction.guild_id is not None  # guild only
    return interaction.guild_id


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(HistoryCog(bot))
