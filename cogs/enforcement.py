"""The Discord side of the moderation policy: who and where a request comes from, and the
moderators' audit channel."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import discord

from bot.log_throttle import LogThrottle
from bot.policy import Asker
from cogs.presenters import DISCORD_FAULTS, NO_MENTIONS

if TYPE_CHECKING:
    from bot.app import ImagineBot

log = logging.getLogger("imagine.cogs.audit")
FAILURE_LOG_INTERVAL = timedelta(minutes=10)


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
    """Posts to each guild's audit channel, if it has one.

    A moderator who forgot to let the bot post there must not break /imagine for everyone, nor
    go unnoticed: every post Discord does not take is counted (`imagine_audit_posts_failed`),
    and logged at most once per channel per `FAILURE_LOG_INTERVAL`, with how many were not.
    """

    def __init__(self, bot: ImagineBot) -> None:
        self._bot = bot
        self._warnings = LogThrottle(FAILURE_LOG_INTERVAL, bot.clock)

    async def post(self, guild_id: int, embed: discord.Embed) -> None:
        channel_id = (await self._bot.policy.policy(guild_id)).audit_channel_id
        if channel_id is None:
            return
        channel = self._bot.get_partial_messageable(channel_id, guild_id=guild_id)
        try:
            await channel.send(embed=embed, allowed_mentions=NO_MENTIONS)
        except DISCORD_FAULTS as error:
            self._bot.metrics.audit_post_failed(failure_reason(error))
            held_back = self._warnings.admit((guild_id, channel_id))
            if held_back is not None:
                log.warning(
                    "cannot post to the audit channel %s of guild %s (%s); %d more failures "
                    "there since the last report; reported at most once per %d min",
                    channel_id,
                    guild_id,
                    error,
                    held_back,
                    FAILURE_LOG_INTERVAL // timedelta(minutes=1),
                )


def failure_reason(error: BaseException) -> str:
    """The metric's label for a post Discord did not take (one of `AUDIT_FAILURES`)."""
    if isinstance(error, TimeoutError):  # before OSError, of which it is a kind
        return "timeout"
    if not isinstance(error, discord.HTTPException):
        return "transport"
    if isinstance(error, discord.Forbidden):
        return "forbidden"
    if isinstance(error, discord.NotFound):
        return "not_found"
    if error.status >= 500:
        return "server_error"
    return {400: "invalid", 429: "rate_limited"}.get(error.status, "refused")
