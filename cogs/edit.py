"""/imagine-edit, the Edit button on results and the "Edit with imagine" message menu.

All three read the input images through discord.py from what Discord resolved for the
interaction (its CDN, never a URL a member typed), refuse what is too big from the declared size
before reading, check and normalise the bytes in a worker thread, and then hand the edit to
`ImagineCog.serve`: the same rules, queue, budget, progress, buttons and delivery as /imagine.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog import EditInput, ModelSpec, RequestRejected
from bot.edit_inputs import Unreadable, check_size, prepare_input, prepare_mask
from bot.generation import Reserved
from cogs.command_text import described
from cogs.errors import report_unexpected
from cogs.i18n import Words
from cogs.imagine import PROMPT_OPTION_MAX, ImagineCog
from cogs.presenters import DISCORD_FAULTS, private_words, rejection, send_error

if TYPE_CHECKING:
    from bot.app import ImagineBot

log = logging.getLogger("imagine.cogs.edit")

MODAL_PROMPT_MAX = 4000  # Discord's cap on a text input's value


class EditModal(discord.ui.Modal):
    """Asks for the prompt, in the member's language; the images are those of the message the
    member chose."""

    def __init__(
        self, cog: EditCog, attachments: Sequence[discord.Attachment], words: Words
    ) -> None:
        super().__init__(title=words("edit-modal-title"), timeout=15 * 60)
        self.prompt: discord.ui.TextInput[EditModal] = discord.ui.TextInput(
            label=words("edit-prompt-label"),
            custom_id="prompt",
            style=discord.TextStyle.paragraph,
            min_length=1,
            max_length=MODAL_PROMPT_MAX,
        )
        self.add_item(self.prompt)
        self.cog = cog
        self.attachments = list(attachments)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        await self.cog.start(interaction, self.prompt.value, self.attachments)

    async def on_error(  # type: ignore[override]  # discord.py's Modal narrows BaseView's
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        """discord.py only logs what a modal raises: tell the member too."""
        await report_unexpected(interaction, error, "edit modal")


class EditCog(commands.Cog, name="Edit"):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self.menu = app_commands.guild_only(
            app_commands.ContextMenu(name=described("cmd-edit-menu"), callback=self.edit_message)
        )

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @property
    def imagine(self) -> ImagineCog:
        cog = self.bot.get_cog(ImagineCog.__cog_name__)
        assert isinstance(cog, ImagineCog)
        return cog

    @app_commands.command(name="imagine-edit", description=described("cmd-imagine-edit"))
    @app_commands.guild_only()
    @app_commands.describe(
        image=described("cmd-imagine-edit-image"),
        prompt=described("cmd-imagine-edit-prompt"),
        image2=described("cmd-imagine-edit-image2"),
        image3=described("cmd-imagine-edit-image3"),
        image4=described("cmd-imagine-edit-image4"),
        mask=described("cmd-imagine-edit-mask"),
        model=described("cmd-imagine-edit-model"),
        size=described("cmd-size"),
        quality=described("cmd-quality"),
        n=described("cmd-count"),
        background=described("cmd-imagine-edit-background"),
        output_format=described("cmd-imagine-edit-output-format"),
    )
    async def imagine_edit(
        self,
        interaction: discord.Interaction[ImagineBot],
        image: discord.Attachment,
        prompt: app_commands.Range[str, 1, PROMPT_OPTION_MAX],
        image2: discord.Attachment | None = None,
        image3: discord.Attachment | None = None,
        image4: discord.Attachment | None = None,
        mask: discord.Attachment | None = None,
        model: str | None = None,
        size: str | None = None,
        quality: str | None = None,
        n: app_commands.Range[int, 1, 10] = 1,
        background: str | None = None,
        output_format: str | None = None,
    ) -> None:
        images = [a for a in (image, image2, image3, image4) if a is not None]
        chosen = {"background": background, "output_format": output_format}
        extra = {name: value for name, value in chosen.items() if value is not None}
        await self.start(interaction, prompt, images, mask, model, size, quality, n, extra)

    @imagine_edit.autocomplete("model")
    async def model_autocomplete(
        self, interaction: discord.Interaction[ImagineBot], current: str
    ) -> list[app_commands.Choice[str]]:
        """Only the models that declare edits, and that this guild has not disabled."""
        return await self.imagine.offered_models(interaction, current, edits=True)

    async def edit_result(self, interaction: discord.Interaction[Any], request_id: int) -> None:
        """The Edit button: the result's own images are the input."""
        await self._ask_prompt(interaction, interaction.message)

    async def edit_message(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        """The message menu: any message's image attachments are the input."""
        await self._ask_prompt(interaction, message)

    async def _ask_prompt(
        self, interaction: discord.Interaction[Any], message: discord.Message | None
    ) -> None:
        attachments = [] if message is None else _images_of(message)
        words = private_words(interaction)
        if not attachments:
            await send_error(interaction, words("edit-no-image"))
            return
        await interaction.response.send_modal(EditModal(self, attachments, words))

    async def start(
        self,
        interaction: discord.Interaction[Any],
        prompt: str,
        images: Sequence[discord.Attachment],
        mask: discord.Attachment | None = None,
        model_id: str | None = None,
        size: str | None = None,
        quality: str | None = None,
        n: int = 1,
        extra: dict[str, str] | None = None,
    ) -> None:
        """Refuse what the catalog refuses at once; read and check the inputs, then serve."""
        try:
            model = self.bot.catalog.edit_model(model_id, len(images), mask=mask is not None)
        except RequestRejected as rejected:
            await send_error(interaction, rejection(private_words(interaction), rejected))
            return

        async def reserve() -> Reserved:
            inputs = await self._read_inputs(model, images, mask)
            plan = self.bot.catalog.plan_edit(
                prompt,
                inputs[0],
                model_id=model.id,
                mask=inputs[1],
                size=size,
                quality=quality,
                n=n,
                extra=extra,
            )
            return await self.imagine.reserve(interaction, plan)

        with self.bot.finishing():
            await self.imagine.serve(interaction, reserve(), thumbnail=images[0].url)

    async def _read_inputs(
        self,
        model: ModelSpec,
        images: Sequence[discord.Attachment],
        mask: discord.Attachment | None,
    ) -> tuple[tuple[EditInput, ...], EditInput | None]:
        """Sizes first (no byte read for a refusal), then the bytes, checked in a thread."""
        limit = self.bot.settings.edit_input_max_bytes
        for attachment in (*images, *([mask] if mask else [])):
            check_size(attachment.filename, attachment.size, limit)
        datas = await asyncio.gather(*(_read(a, limit) for a in images))
        prepared = await asyncio.gather(
            *(
                asyncio.to_thread(prepare_input, a.filename, data, model.edit_formats)
                for a, data in zip(images, datas, strict=True)
            )
        )
        first = prepared[0]
        checked_mask = None
        if mask is not None:
            checked_mask = await asyncio.to_thread(
                prepare_mask, mask.filename, await _read(mask, limit), first
            )
        return tuple(prepared), checked_mask


async def _read(attachment: discord.Attachment, limit: int) -> bytes:
    """The attachment's bytes from Discord's CDN; a fault or a size past the limit refuses."""
    try:
        data = await attachment.read()
    except DISCORD_FAULTS as error:
        log.warning("could not read attachment %s: %s", attachment.id, type(error).__name__)
        raise Unreadable(attachment.filename) from None
    if len(data) > limit:  # the CDN sent more than Discord declared
        raise Unreadable(attachment.filename)
    return data


def _images_of(message: discord.Message) -> list[discord.Attachment]:
    """Attachments that claim to be images; their bytes are checked before anything is spent."""
    return [
        a
        for a in message.attachments
        if (a.content_type or "").startswith("image/")
        or a.filename.lower().endswith((".png", ".jpg", ".jpeg", ".webp"))
    ]


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(EditCog(bot))
