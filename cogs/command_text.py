"""What Discord shows beside each command, in the member's language: descriptions of commands
and options, the names of fixed choices, and the context menu's name.

discord.py asks a `Translator` for each of Discord's locales when it publishes the commands, and
Discord then shows every member the one for their own language; a language without the message
is left out, so Discord shows the English. The English lives in the source catalog too, so a
cog names a message id, never a sentence. Command and option names stay English: they are what
people type and share.

Autocomplete choices are left as they are: they are the values a member types (model names,
sizes, qualities, aspects, formats, counts), which the bot matches against what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from cogs.i18n import SOURCE_LOCALE, Catalogs, catalogs

if TYPE_CHECKING:
    from bot.app import ImagineBot


def described(message_id: str) -> app_commands.locale_str:
    """A command text: the source catalog's English, with the id the translator looks up."""
    return app_commands.locale_str(catalogs().text(SOURCE_LOCALE, message_id), key=message_id)


class CatalogTranslator(app_commands.Translator):
    """Reads each command text's message id in the locale's catalog; None where it has none."""

    def __init__(self, source: Catalogs | None = None) -> None:
        self.source = source or catalogs()

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        message_id = string.extras.get("key")
        return None if message_id is None else self.source.translation(locale, message_id)


async def setup(bot: ImagineBot) -> None:
    """Loaded before the commands are compared with Discord's or published."""
    await bot.tree.set_translator(CatalogTranslator())
