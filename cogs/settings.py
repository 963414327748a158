"""/imagine-settings: a member's own defaults in this server; and the shared way of changing
defaults, which /imagine-admin defaults (the server's) goes through too.

With no option the command shows the defaults; with options it changes those given (the rest
stay); `clear` removes them all. Every answer is private.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog import RequestOptions, RequestRejected
from bot.defaults import Whose, merged
from cogs.command_text import described
from cogs.presenters import (
    acknowledge,
    defaults_cleared,
    defaults_shown,
    model_not_offered,
    private_words,
    rejection,
    reply,
    send_error,
)

if TYPE_CHECKING:
    from bot.app import ImagineBot

MAX_AUTOCOMPLETE = 25
DESCRIBE = {
    option: described(f"cmd-defaults-{option}")
    for option in ("model", "size", "aspect", "quality", "style", "clear")
}


async def change_defaults(
    bot: ImagineBot,
    interaction: discord.Interaction[Any],
    whose: Whose,
    given: RequestOptions,
    clear: bool,
) -> None:
    """Show, change or clear one set of defaults; a value the model lacks is refused."""
    await acknowledge(interaction)
    assert interaction.guild_id is not None
    guild_id, member_id = interaction.guild_id, interaction.user.id
    store = bot.defaults
    old = await (store.member(guild_id, member_id) if whose == "member" else store.server(guild_id))
    if clear:
        if whose == "member":
            removed = await store.clear_member(guild_id, member_id)
        else:
            removed = await store.clear_server(guild_id)
        await reply(interaction, defaults_cleared(private_words(interaction), whose, removed))
        return
    if given == RequestOptions():
        await reply(
            interaction, defaults_shown(private_words(interaction), whose, old, bot.catalog)
        )
        return
    new = merged(old, given)
    policy = await bot.policy.policy(guild_id)
    if new.model is not None and not policy.model_enabled(new.model):
        model = bot.catalog.get(new.model)
        await send_error(
            interaction,
            model_not_offered(private_words(interaction), model.name if model else new.model),
        )
        return
    # Checked against the model it would be used with: its own, else the server's, else the
    # catalog's default.
    server = await store.server(guild_id) if whose == "member" else None
    model_id = new.model or (server.model if server else None)
    try:
        bot.catalog.plan_options("check", dataclasses.replace(new, model=model_id))
    except RequestRejected as rejected:
        await send_error(interaction, rejection(private_words(interaction), rejected))
        return
    if whose == "member":
        await store.set_member(guild_id, member_id, new)
    else:
        await store.set_server(guild_id, new, member_id)
    await reply(interaction, defaults_shown(private_words(interaction), whose, new, bot.catalog))


def given_options(
    model: str | None,
    size: str | None,
    aspect: str | None,
    quality: str | None,
    style: str | None,
) -> RequestOptions:
    return RequestOptions(model, size, aspect, quality, 1, {"style": style} if style else {})


def focused(options: list[dict[str, Any]]) -> str | None:
    """The option being typed, found in a (sub)command's options as Discord nests them."""
    for option in options:
        if option.get("focused"):
            return str(option["name"])
        inner = focused(option.get("options") or [])
        if inner is not None:
            return inner
    return None


def option_choices(
    bot: ImagineBot, interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Autocomplete for a defaults command: the chosen model's values (the catalog default's
    when none is chosen); the catalog's models for `model`."""
    data: dict[str, Any] = dict(interaction.data or {})
    option = focused(list(data.get("options") or []))
    wanted = current.strip().lower()
    if option == "model":
        return [
            app_commands.Choice(name=m.name, value=m.id)
            for m in bot.catalog.models
            if wanted in m.name.lower() or wanted in m.id.lower()
        ][:MAX_AUTOCOMPLETE]
    chosen = getattr(interaction.namespace, "model", None)
    spec = bot.catalog.get(chosen or bot.catalog.default_model)
    if spec is None:
        return []
    values = {
        "size": spec.sizes,
        "aspect": list(spec.aspects),
        "quality": spec.qualities,
        "style": spec.extra_params.get("style", []),
    }.get(option or "", [])
    return [app_commands.Choice(name=value, value=value) for value in values if wanted in value][
        :MAX_AUTOCOMPLETE
    ]


class SettingsCog(commands.Cog, name="Settings"):
    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot

    @app_commands.command(name="imagine-settings", description=described("cmd-imagine-settings"))
    @app_commands.guild_only()
    @app_commands.describe(**DESCRIBE)
    async def settings(
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
        await change_defaults(self.bot, interaction, "member", given, clear)

    @settings.autocomplete("model")
    @settings.autocomplete("size")
    @settings.autocomplete("aspect")
    @settings.autocomplete("quality")
    @settings.autocomplete("style")
    async def choices(
        self, interaction: discord.Interaction[ImagineBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return option_choices(self.bot, interaction, current)


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(SettingsCog(bot))
