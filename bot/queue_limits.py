"""A guild's own limits for the fair queue: stored, and applied to the live queue.

The queue (`bot/queue.py`) knows nothing of SQL; this keeps its per-guild overrides in the
store and hands them to it at start-up and whenever an admin changes them. A guild's queue lives
in the process that holds its shard, and its admin commands arrive there too.
"""

from __future__ import annotations

from typing import Literal

from bot.clock import Clock, utc_now
from bot.queue import FairQueue, GuildLimits, GuildOverrides
from bot.quota import _ts as timestamp
from bot.store import Store

LimitField = Literal["guild_concurrency", "member_concurrency", "queue_limit"]


class InvalidQueueLimit(ValueError):
    """A limit out of its range: at least `least`, at most the process-wide `most`."""

    def __init__(self, field: LimitField, least: int, most: int) -> None:
        super().__init__(field, least, most)
        self.field = field
        self.least = least
        self.most = most


class QueueLimits:
    def __init__(self, store: Store, queue: FairQueue, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._queue = queue
        self._clock = clock

    async def load(self) -> int:
        """Apply every guild's stored limits to the queue; returns how many guilds have some."""
        rows = await self._store.fetch(
            "SELECT guild_id, guild_concurrency, member_concurrency, queue_limit FROM queue_limits"
        )
        for row in rows:
            self._queue.set_overrides(row[0], GuildOverrides(row[1], row[2], row[3]))
        return len(rows)

    async def update(
        self,
        guild_id: int,
        *,
        actor_id: int,
        guild_concurrency: int | None = None,
        member_concurrency: int | None = None,
        queue_limit: int | None = None,
    ) -> GuildLimits:
        """Change the given limits (None keeps them); returns the limits now in force."""
        caps = self._queue.settings
        changes = {
            "guild_concurrency": _check(
                "guild_concurrency", guild_concurrency, 1, caps.guild_concurrency
            ),
            "member_concurrency": _check(
                "member_concurrency", member_concurrency, 1, caps.member_concurrency
            ),
            "queue_limit": _check("queue_limit", queue_limit, 0, caps.queue_limit),
        }
        rows = await self._store.fetch(
            """INSERT INTO queue_limits (guild_id, guild_concurrency, member_concurrency,
                           queue_limit, updated_at, updated_by)
                       VALUES (:guild_id, :guild_concurrency, :member_concurrency, :queue_limit,
                           :now, :actor)
                       ON CONFLICT (guild_id) DO UPDATE SET
                           guild_concurrency = COALESCE(excluded.guild_concurrency,
                               queue_limits.guild_concurrency),
                           member_concurrency = COALESCE(excluded.member_concurrency,
                               queue_limits.member_concurrency),
                           queue_limit = COALESCE(excluded.queue_limit, queue_limits.queue_limit),
                           updated_at = excluded.updated_at, updated_by = excluded.updated_by
                       RETURNING guild_concurrency, member_concurrency, queue_limit""",
            {"guild_id": guild_id, "now": timestamp(self._clock()), "actor": actor_id} | changes,
        )
        (row,) = rows
        return self._queue.set_overrides(guild_id, GuildOverrides(row[0], row[1], row[2]))

    async def purge_guild(self, guild_id: int) -> None:
        """Forget a guild the bot left."""
        await self._store.execute("DELETE FROM queue_limits WHERE guild_id = ?", (guild_id,))
        self._queue.set_overrides(guild_id, GuildOverrides())


def _check(field: LimitField, value: int | None, least: int, most: int) -> int | None:
    if value is not None and (isinstance(value, bool) or not least <= value <= most):
        raise InvalidQueueLimit(field, least, most)
    return value
