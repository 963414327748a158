"""The operator's view across every guild: each guild's budget and spending, and what the
whole bot spent per guild and model (in money where CREDIT_PRICE is set).

Read by `python -m bot guilds list` and `python -m bot usage`; guild admins see only their own
guild (cogs/quota.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.guild_access import GuildAccess
from bot.quota import Period, QuotaService
from bot.quota import _ts as timestamp
from bot.store import Store

# Every guild the bot has a word, a setting or a count for.
_KNOWN_GUILDS = """
    SELECT guild_id FROM guild_access
    UNION SELECT guild_id FROM guild_settings
    UNION SELECT guild_id FROM usage_counters
    ORDER BY guild_id
"""
# What the operator pays for: every request not refunded, forgiven by a guild's admin or not.
_USAGE = """
    SELECT l.guild_id, a.name, l.model, COUNT(*) AS requests,
        CAST(SUM(l.credits) AS BIGINT) AS credits
    FROM ledger AS l LEFT JOIN guild_access AS a ON a.guild_id = l.guild_id
    WHERE l.created_at >= ? AND l.state <> 'refunded'
    GROUP BY l.guild_id, a.name, l.model
    ORDER BY l.guild_id, credits DESC, l.model
"""


@dataclass(frozen=True)
class GuildLine:
    """One guild as the operator sees it; `budget` is what it may spend now (held to its
    ceiling), `spent` what it used this period of its own."""

    guild_id: int
    name: str | None
    budget: int
    spent: int
    period: Period
    approved: bool
    credits_max: int | None  # the operator's grant; None: the default ceiling


@dataclass(frozen=True)
class UsageLine:
    guild_id: int
    name: str | None
    model: str
    requests: int
    credits: int


async def guild_lines(store: Store, quota: QuotaService, access: GuildAccess) -> list[GuildLine]:
    records = {r.guild_id: r for r in await access.records()}
    lines = []
    for row in await store.fetch(_KNOWN_GUILDS):
        guild_id = row["guild_id"]
        status = await quota.status(guild_id, 0)
        record = records.get(guild_id)
        lines.append(
            GuildLine(
                guild_id=guild_id,
                name=record.name if record else None,
                budget=status.guild_limit,
                spent=status.guild_used,
                period=status.period,
                approved=bool(record and record.approved),
                credits_max=record.credits_max if record else None,
            )
        )
    return lines


async def usage_lines(store: Store, since: datetime) -> list[UsageLine]:
    """Requests and credits per guild and model since `since`, refunds left out."""
    rows = await store.fetch(_USAGE, (timestamp(since),))
    return [
        UsageLine(r["guild_id"], r["name"], r["model"], r["requests"], r["credits"]) for r in rows
    ]
