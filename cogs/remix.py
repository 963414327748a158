"""Remix: a result's button opens a form with its prompt; sending it runs a new request.

The form keeps no state in the process: its custom_id names the request it remixes, and its
submission is picked up by a listener, so a form left open across a restart still works.
The request itself goes the one way every request goes (`ImagineCog.rerun`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from cogs.errors import report_unexpected
from cogs.i18n import Words

if TYPE_CHECKING:
    from bot.app import ImagineBot

TEXT_INPUT_MAX = 4000  # Discord's cap on a text input's value
PROMPT_INPUT = "prompt"
_CUSTOM_ID = re.compile(r"imagine:remix:(?P<target>[0-9]+)")


def remix_modal(words: Words, request_id: int, prompt: str, max_length: int) -> discord.ui.Modal:
    """The form: the prompt prefilled, as long as the model takes and Discord allows."""
    limit = max(1, min(max_length, TEXT_INPUT_MAX))
    modal = discord.ui.Modal(title=words("remix-title"), custom_id=f"imagine:remix:{request_id}")
    modal.add_item(
        discord.ui.TextInput(
            label=words("remix-prompt-label"),
            custom_id=PROMPT_INPUT,
            style=discord.TextStyle.paragraph,
            default=prompt[:limit],
            max_length=limit,
        )
    )
    return modal


def remixed(interaction: discord.Interaction[Any]) -> tuple[int, str] | None:
    """The request a submitted Remix form names, and the prompt typed; None for other forms."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return None
    data: dict[str, Any] = interaction.data or {}  # type: ignore[assignment]
    match = _CUSTOM_ID.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return None
    for row in data.get("components") or []:
        # An action row holds the input; a label (type 18) holds it as `component`.
        for item in row.get("components") or [row.get("component") or {}]:
            if item.get("custom_id") == PROMPT_INPUT:
                return int(match["target"]), str(item.get("value") or "")
    return None


class RemixCog(commands.Cog, name="Remix"):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        found = remixed(interaction)
        if found is None:
            return
        from cogs.imagine import ImagineCog  # the cog that runs every request

        cog = self.bot.get_cog(ImagineCog.__cog_name__)
        assert isinstance(cog, ImagineCog)
        request_id, prompt = found
        try:
            await cog.rerun(interaction, request_id, prompt)
        except Exception as error:
            await report_unexpected(interaction, error, "remix")


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(RemixCog(bot))
