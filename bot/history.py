"""A member's past requests in a guild, and the erasing of them.

The ledger already holds every request that reserved credits (bot/quota.py); this module reads
it as a member's history, adds what the ledger cannot say (where the result was posted, and the
requests a rule refused before any credit was reserved: the `refusals` table), and erases on
request. Erasing keeps what the accounts need (credits, time, model): the budgets a member
spent this period stay spent.

Prompts show only within the retention (PROMPT_RETENTION_DAYS), even between two purges.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from bot.catalog import PlannedRequest
from bot.clock import Clock, utc_now
from bot.quota import Kind
from bot.quota import _parse as parse_time
from bot.quota import _ts as timestamp
from bot.store import Row, Script, Store, count, every

Outcome = Literal["pending", "committed", "refunded", "unknown", "refused"]
PAGE_SIZE = 10

# Both kinds of entry in one shape, newest first; the interaction id breaks ties in a second.
_ENTRIES = """
    SELECT interaction_id, member_id, created_at, model, size, quality, n, credits,
        state AS outcome, note AS why, prompt, channel_id, message_id, kind
    FROM ledger WHERE guild_id = :guild AND {ledger} AND erased = 0
    UNION ALL
    SELECT interaction_id, member_id, created_at, model, size, quality, n, credits,
        'refused' AS outcome, rule AS why, prompt, channel_id, CAST(NULL AS BIGINT) AS message_id,
        'generation' AS kind
    FROM refusals WHERE guild_id = :guild AND {refusals}
"""
_PAGE = (
    _ENTRIES.format(ledger="member_id = :member", refusals="member_id = :member")
    + " ORDER BY created_at DESC, interaction_id DESC"
    + " LIMIT CAST(:limit AS BIGINT) OFFSET CAST(:offset AS BIGINT)"
)
_ONE = _ENTRIES.format(ledger="interaction_id = :iid", refusals="interaction_id = :iid")


@dataclass(frozen=True)
class Entry:
    """One past request. `credits` is what it counts against the budgets now (for a refused
    request: what it would have cost). `why` is a refusal's rule, or a settlement's note."""

    interaction_id: int
    member_id: int
    created_at: datetime
    model: str
    size: str
    quality: str | None
    n: int
    credits: int
    outcome: Outcome
    why: str | None
    prompt: str | None  # None: older than the retention, or erased with its result
    channel_id: int | None
    message_id: int | None  # the result message while it exists
    kind: Kind = "generation"  # a refused edit is not told apart: refusals keep no kind


@dataclass(frozen=True)
class Page:
    entries: tuple[Entry, ...]
    number: int  # from 0
    more: bool  # a later page exists


class HistoryService:
    def __init__(
        self, store: Store, *, retention: timedelta | None, clock: Clock = utc_now
    ) -> None:
        self._store = store
        self._retention = retention  # None: prompts are kept until the bot leaves the guild
        self._clock = clock

    async def page(self, guild_id: int, member_id: int, number: int) -> Page:
        """The member's entries in the guild, PAGE_SIZE a page, newest first."""
        number = max(number, 0)
        params = {
            "guild": guild_id,
            "member": member_id,
            "limit": PAGE_SIZE + 1,
            "offset": number * PAGE_SIZE,
        }

        def work() -> Script[list[Row]]:
            return (yield from every(_PAGE, params))

        rows = await self._store.read(work)
        entries = tuple(self._entry(row) for row in rows[:PAGE_SIZE])
        return Page(entries, number, len(rows) > PAGE_SIZE)

    async def find(self, guild_id: int, interaction_id: int) -> Entry | None:
        """A request of this guild that its member has not erased, or None."""
        rows = await self._store.fetch(_ONE, {"guild": guild_id, "iid": interaction_id})
        return self._entry(rows[0]) if rows else None

    async def delivered(self, interaction_id: int, message_id: int) -> None:
        """Remember where the result of a request was posted, for the history's jump link."""
        await self._store.execute(
            "UPDATE ledger SET message_id = ? WHERE interaction_id = ? AND erased = 0",
            (message_id, interaction_id),
        )

    async def refused(
        self,
        interaction_id: int,
        guild_id: int,
        member_id: int,
        channel_id: int,
        plan: PlannedRequest,
        rule: str,
    ) -> None:
        """Record a request a rule refused before any credit was reserved."""
        await self._store.execute(
            """INSERT INTO refusals (interaction_id, guild_id, member_id, channel_id, model, size,
                   quality, n, credits, prompt, rule, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (interaction_id) DO NOTHING""",
            (
                interaction_id,
                guild_id,
                member_id,
                channel_id,
                plan.model.id,
                plan.size,
                plan.quality,
                plan.n,
                plan.credits,
                plan.prompt,
                rule,
                timestamp(self._clock()),
            ),
        )

    async def forget(self, guild_id: int, member_id: int) -> int:
        """Erase a member's prompts and history in a guild; returns how many entries.

        Ledger rows keep their credits, time and model (the budgets and /usage still count
        them) and lose their prompt, channel and message; refused requests cost nothing and go.
        """

        def work() -> Script[int]:
            erased = yield from count(
                """UPDATE ledger SET prompt = NULL, channel_id = NULL, message_id = NULL,
                       erased = 1
                   WHERE guild_id = ? AND member_id = ? AND erased = 0""",
                (guild_id, member_id),
            )
            dropped = yield from count(
                "DELETE FROM refusals WHERE guild_id = ? AND member_id = ?", (guild_id, member_id)
            )
            return erased + dropped

        return await self._store.run(work)

    async def result_deleted(self, guild_id: int, message_id: int) -> int:
        """A result message was deleted: its prompt goes with it; returns the rows changed."""
        return await self._store.execute(
            "UPDATE ledger SET prompt = NULL, message_id = NULL"
            " WHERE message_id = ? AND guild_id = ?",
            (message_id, guild_id),
        )

    async def purge(self) -> int:
        """Delete refused requests older than the retention (nothing is owed for them)."""
        if self._retention is None:
            return 0
        return await self._store.execute(
            "DELETE FROM refusals WHERE created_at < ?",
            (timestamp(self._clock() - self._retention),),
        )

    async def purge_guild(self, guild_id: int) -> int:
        """The bot left the guild (its ledger rows go with the quota's purge_guild)."""
        return await self._store.execute("DELETE FROM refusals WHERE guild_id = ?", (guild_id,))

    def _entry(self, row: Row) -> Entry:
        created_at = parse_time(row["created_at"])
        kept = self._retention is None or created_at >= self._clock() - self._retention
        return Entry(
            interaction_id=row["interaction_id"],
            member_id=row["member_id"],
            created_at=created_at,
            model=row["model"],
            size=row["size"],
            quality=row["quality"],
            n=row["n"],
            credits=row["credits"],
            outcome=row["outcome"],
            why=row["why"],
            prompt=row["prompt"] if kept else None,
            channel_id=row["channel_id"],
            message_id=row["message_id"],
            kind=row["kind"],
        )
