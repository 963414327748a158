"""The Discord side of the moderation policy: who and where a request comes from, and the
moderators' audit channel."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import aiohttp
import discord

from bot.policy import Asker
from cogs.presenters import NO_MENTIONS

if TYPE_CHECKING:
    from bot.app import ImagineBot

log = logging.getLogger("imagine.cogs.audit")


def role_ids(interaction: discord.Interaction[Any]) -> frozenset[int]:
    user = interaction.user
    return frozenset(r.id for r in user.roles) if isinstance(user, discord.Member) else frozenset()


def asker_of(interaction: discord.Interaction[Any]) -> Asker:
    """The facts the rules need, from the interaction payload (a thread counts as its parent)."""
    assert interaction.guild_id is not None
    assert interaction.channel_id is not None
    channel = interaction.channel
    is_nsfw = getattr(channel, "is_nsfw", None)
    return Asker(
        guild_id=interaction.guild_id,
        member_id=interaction.user.id,
        role_ids=role_ids(interaction),
        channel_id=interaction.channel_id,
        parent_id=channel.parent_id if isinstance(channel, discord.Thread) else None,
        age_restricted=bool(is_nsfw and is_nsfw()),
        manages_guild=interaction.permissions.manage_guild,
    )


class AuditChannel:
    """Posts to each guild's audit channel, if it has one; a failure is logged once per channel.

    A moderator who forgot to let the bot post there must not break /imagine for everyone.
    """

    def __init__(self, bot: ImagineBot) -> None:
        self._bot = bot
        self._failed: set[tuple[int, int]] = set()

    async def post(self, guild_id: int, embed: discord.Embed) -> None:
        channel_id = (await self._bot.policy.policy(guild_id)).audit_channel_id
        if channel_id is None:
            return
        channel = self._bot.get_partial_messageable(channel_id, guild_id=guild_id)
        try:
            await channel.send(embed=embed, allowed_mentions=NO_MENTIONS)
        except (discord.HTTPException, aiohttp.ClientError, OSError, TimeoutError) as error:
            if (guild_id, channel_id) not in self._failed:
                self._failed.add((guild_id, channel_id))
                log.warning(
                    "cannot post to the audit channel %s of guild %s (%s); "
                    "not saying so again for this channel",
                    channel_id,
                    guild_id,
                    error,
                )
