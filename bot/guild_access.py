"""The operator's word on each guild: approved or not, a ceiling above the default, its name.

Only the operator sets these (`python -m bot guilds …`, against the same database while the
bot runs), never a guild's admins. With GUILD_ACCESS=approved, a guild the operator has not
approved gets nothing from the bot. The bot reads an approval through a cache that forgets it
after `ttl` seconds: a command costs no database trip while the answer is fresh, and a change
from the command line reaches every process within that time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.clock import Clock, utc_now
from bot.quota import MAX_CREDITS, InvalidPolicy
from bot.quota import _ts as timestamp
from bot.store import Store

AccessMode = Literal["open", "approved"]
ACCESS_MODES: tuple[AccessMode, ...] = ("open", "approved")
CACHE_SECONDS = 2.0

_APPROVED = "SELECT approved FROM guild_access WHERE guild_id = ?"
_UPSERT = """
    INSERT INTO guild_access (guild_id, {column}, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (guild_id) DO UPDATE SET {column} = excluded.{column},
        updated_at = excluded.updated_at
"""
_RECORDS = "SELECT guild_id, name, approved, credits_max FROM guild_access ORDER BY guild_id"


@dataclass(frozen=True)
class GuildRecord:
    """What the operator decided about a guild; `credits_max` None: the default ceiling."""

    guild_id: int
    name: str | None
    approved: bool
    credits_max: int | None


class GuildAccess:
    """Approvals, grants and names on top of a Store; one per process (or command line run)."""

    def __init__(
        self,
        store: Store,
        mode: AccessMode = "open",
        *,
        ttl: float = CACHE_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
        clock: Clock = utc_now,
    ) -> None:
        self._store = store
        self.mode = mode
        self._ttl = ttl
        self._monotonic = monotonic
        self._clock = clock
        self._cache: dict[int, tuple[bool, float]] = {}

    async def allowed(self, guild_id: int) -> bool:
        """Whether the bot serves this guild: always when open, else once approved."""
        if self.mode == "open":
            return True
        now = self._monotonic()
        cached = self._cache.get(guild_id)
        if cached is not None and cached[1] > now:
            return cached[0]
        rows = await self._store.fetch(_APPROVED, (guild_id,))
        approved = bool(rows and rows[0]["approved"])
        self._cache[guild_id] = (approved, now + self._ttl)
        return approved

    async def approve(self, guild_id: int, approved: bool = True) -> None:
        await self._set(guild_id, "approved", int(approved))

    async def grant(self, guild_id: int, credits: int) -> None:
        """Let this guild's admins set up to `credits`, above (or below) the default ceiling."""
        if isinstance(credits, bool) or not 0 <= credits <= MAX_CREDITS:
            raise InvalidPolicy("guild_credits")
        await self._set(guild_id, "credits_max", credits)

    async def remember(self, guild_id: int, name: str) -> None:
        """Keep the guild's name, so the operator's list can show it."""
        await self._set(guild_id, "name", name)

    async def records(self) -> list[GuildRecord]:
        rows = await self._store.fetch(_RECORDS)
        return [
            GuildRecord(r["guild_id"], r["name"], bool(r["approved"]), r["credits_max"])
            for r in rows
        ]

    async def _set(self, guild_id: int, column: str, value: object) -> None:
        if guild_id < 1:
            raise ValueError("a guild id is a positive number")
        now = timestamp(self._clock())
        await self._store.execute(_UPSERT.format(column=column), (guild_id, value, now))
        self._cache.pop(guild_id, None)
