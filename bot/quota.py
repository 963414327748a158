"""Per-guild credit quotas: reserve before calling the image API, settle afterwards.

Why reserve-then-settle: the API call takes up to minutes and its outcome may never be known
(crash, read timeout). The cost is taken from the budgets up front, in one `BEGIN IMMEDIATE`
transaction that checks both budgets and records the reservation under the interaction id
(UNIQUE), so concurrent requests cannot overspend and a duplicated interaction is charged once.
Settlement then keeps, shrinks or gives back that reservation, exactly once: a single UPDATE
that only matches a row still 'pending'.

Usage is never stored as a counter: it is the sum of the ledger's `credits` over the rows created
in the current UTC window and not forgiven by an admin reset. That keeps period changes, resets
and late settlements of earlier reservations consistent without any bookkeeping.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal, NamedTuple, TypeVar

import aiosqlite

from bot.clock import Clock, utc_now
from bot.store import Store

Period = Literal["day", "week", "month"]
State = Literal["pending", "committed", "refunded", "unknown"]
Scope = Literal["guild", "member"]

PERIODS: tuple[Period, ...] = ("day", "week", "month")
MAX_CREDITS = 1_000_000
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_T = TypeVar("_T")


PolicyField = Literal["guild_credits", "member_credits", "period"]


class InvalidPolicy(ValueError):
    """A budget or period out of range (`field` names it), or no change given (`field` None).

    Data only: the presenters word it for the admin.
    """

    def __init__(self, field: PolicyField | None) -> None:
        super().__init__(field)
        self.field = field


def _check_credits(field: PolicyField, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_CREDITS:
        raise InvalidPolicy(field)
    return value


def _check_period(value: str) -> Period:
    if value not in PERIODS:
        raise InvalidPolicy("period")
    return value


@dataclass(frozen=True)
class QuotaPolicy:
    """A guild's budgets: credits per period for the guild, and per member (0 = no member cap)."""

    guild_credits: int
    member_credits: int
    period: Period

    def __post_init__(self) -> None:
        _check_credits("guild_credits", self.guild_credits)
        _check_credits("member_credits", self.member_credits)
        _check_period(self.period)


QuotaDefaults = QuotaPolicy
"""The bot-wide policy from settings (QUOTA_GUILD_CREDITS, QUOTA_MEMBER_CREDITS, QUOTA_PERIOD)."""


@dataclass(frozen=True)
class Window:
    """A UTC calendar window: days start 00:00, weeks on Monday 00:00, months on the 1st."""

    period: Period
    start: datetime
    end: datetime

    @classmethod
    def containing(cls, period: Period, now: datetime) -> Window:
        midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        if period == "day":
            return cls(period, midnight, midnight + timedelta(days=1))
        if period == "week":
            start = midnight - timedelta(days=midnight.weekday())
            return cls(period, start, start + timedelta(days=7))
        start = midnight.replace(day=1)
        after = start.replace(year=start.year + 1, month=1) if start.month == 12 else None
        return cls(period, start, after or start.replace(month=start.month + 1))


@dataclass(frozen=True)
class Reservation:
    """A ledger row. `duplicate` is True when reserve() found the interaction already recorded."""

    interaction_id: int
    guild_id: int
    member_id: int
    reserved: int
    credits: int
    state: State
    period_start: datetime
    created_at: datetime
    model: str
    size: str
    quality: str | None
    n: int
    prompt: str | None  # None once prompt retention has purged it
    duplicate: bool = False


class QuotaExceeded(Exception):
    """The request does not fit a budget; nothing was recorded or charged.

    Data only: the presenters word it for the member.
    """

    def __init__(
        self, scope: Scope, *, limit: int, remaining: int, cost: int, resets_at: datetime
    ) -> None:
        super().__init__(scope, limit, remaining, cost, resets_at)
        self.scope = scope
        self.limit = limit
        self.remaining = remaining
        self.cost = cost
        self.resets_at = resets_at


@dataclass(frozen=True)
class QuotaStatus:
    """What is left; member_limit and member_remaining are None without a per-member budget."""

    period: Period
    period_start: datetime
    resets_at: datetime
    guild_limit: int
    guild_used: int
    guild_remaining: int
    member_used: int
    member_limit: int | None
    member_remaining: int | None

    @property
    def available(self) -> int:
        """Credits this member can spend right now (the tighter of the two budgets)."""
        if self.member_remaining is None:
            return self.guild_remaining
        return min(self.guild_remaining, self.member_remaining)


@dataclass(frozen=True)
class MemberUsage:
    member_id: int
    credits: int
    requests: int


@dataclass(frozen=True)
class ModelUsage:
    model: str
    credits: int
    requests: int


@dataclass(frozen=True)
class UsageReport:
    """This window's spending (pending, committed and kept-unknown requests), biggest first."""

    period: Period
    period_start: datetime
    resets_at: datetime
    credits: int
    requests: int
    by_member: tuple[MemberUsage, ...]
    by_model: tuple[ModelUsage, ...]


class _Used(NamedTuple):
    guild: int
    member: int


_SETTLE = """
    UPDATE ledger SET state = :state, credits = COALESCE(:credits, credits),
        settled_at = :now, note = :note
    WHERE state = 'pending' AND {where}
"""
_USAGE_BY = """
    SELECT {key} AS key, SUM(credits) AS credits, COUNT(*) AS requests FROM ledger
    WHERE guild_id = ? AND created_at >= ? AND forgiven = 0 AND state <> 'refunded'
    GROUP BY {key} ORDER BY credits DESC, requests DESC, {key}
"""


class QuotaService:
    """The quota rules on top of a Store. One per process; safe for any number of coroutines."""

    def __init__(
        self,
        store: Store,
        defaults: QuotaDefaults,
        *,
        refund_unknown: bool = False,
        clock: Clock = utc_now,
    ) -> None:
        self._store = store
        self._defaults = defaults
        self._refund_unknown = refund_unknown
        self._clock = clock

    # -- reservations --------------------------------------------------------------------------

    async def reserve(
        self,
        *,
        interaction_id: int,
        guild_id: int,
        member_id: int,
        cost: int,
        model: str,
        size: str,
        n: int = 1,
        quality: str | None = None,
        channel_id: int | None = None,
        prompt: str | None = None,
    ) -> Reservation:
        """Take `cost` credits from both budgets, or raise QuotaExceeded.

        A second call with the same interaction id changes nothing and returns the recorded
        reservation with `duplicate=True` (in whatever state it is now): do not call the API
        again for it.
        """
        if cost < 1 or n < 1:
            raise ValueError("cost and n must be at least 1")
        async with self._store.transaction() as conn:
            now = self._now()  # taken under the lock: the time the reservation really happens
            existing = await _fetch_reservation(conn, interaction_id)
            if existing is not None:
                return replace(existing, duplicate=True)
            policy = await self._policy(conn, guild_id)
            window = Window.containing(policy.period, now)
            _ensure_fits(policy, window, await _used(conn, guild_id, member_id, window), cost)
            rows = await conn.execute_fetchall(
                """INSERT INTO ledger (interaction_id, guild_id, member_id, channel_id, model,
                       size, quality, n, reserved, credits, prompt, period_start, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *""",
                (
                    interaction_id,
                    guild_id,
                    member_id,
                    channel_id,
                    model,
                    size,
                    quality,
                    n,
                    cost,
                    cost,
                    prompt,
                    _ts(window.start),
                    _ts(now),
                ),
            )
            return _reservation(_one(rows))

    async def find(self, interaction_id: int) -> Reservation | None:
        """The ledger row of an interaction (what Re-roll repeats), or None if there is none."""
        async with self._store.read() as conn:
            return await _fetch_reservation(conn, interaction_id)

    async def commit(self, interaction_id: int, credits: int) -> bool:
        """Charge what was actually spent (≤ reserved; the rest goes back). False if no-op."""
        if credits < 0:
            raise ValueError("credits must not be negative")
        return await self._settle(interaction_id, "committed", credits, None)

    async def refund(self, interaction_id: int, reason: str) -> bool:
        """Give the whole reservation back. False if it was already settled (or is unknown)."""
        return await self._settle(interaction_id, "refunded", 0, reason)

    async def mark_unknown(self, interaction_id: int, reason: str) -> bool:
        """Outcome unknown: stays spent, or is refunded when the service has refund_unknown."""
        state, credits, note = self._unknown_outcome(reason)
        return await self._settle(interaction_id, state, credits, note)

    async def recover_pending(self, older_than: timedelta) -> int:
        """Settle reservations stuck in 'pending' (the bot died mid-request) as unknown outcomes."""
        state, credits, note = self._unknown_outcome("still pending at start-up")
        now = self._now()
        return await self._store.execute(
            _SETTLE.format(where="created_at < :cutoff"),
            {
                "state": state,
                "credits": credits,
                "now": _ts(now),
                "note": note,
                "cutoff": _ts(now - older_than),
            },
        )

    def _unknown_outcome(self, reason: str) -> tuple[State, int | None, str]:
        if self._refund_unknown:
            return "refunded", 0, f"outcome unknown, refunded: {reason}"
        return "unknown", None, f"outcome unknown, kept: {reason}"

    async def _settle(
        self, interaction_id: int, state: State, credits: int | None, note: str | None
    ) -> bool:
        """Move a pending reservation to `state`; `credits` None keeps the reserved amount.

        Only a 'pending' row changes, so settling twice (or a settlement racing start-up
        recovery) can never refund or charge twice. An unknown id (e.g. the guild was purged
        meanwhile) is a no-op as well.
        """
        params = {
            "state": state,
            "credits": credits,
            "now": _ts(self._now()),
            "note": note,
            "iid": interaction_id,
        }
        settled = await self._store.execute(
            _SETTLE.format(where="interaction_id = :iid AND COALESCE(:credits, 0) <= reserved"),
            params,
        )
        if settled:
            return True
        async with self._store.read() as conn:
            pending = await _fetch_reservation(conn, interaction_id)
        if pending is not None and pending.state == "pending":
            raise ValueError(
                f"cannot charge {credits} credits: only {pending.reserved} were reserved"
            )
        return False

    # -- reading -------------------------------------------------------------------------------

    async def policy(self, guild_id: int) -> QuotaPolicy:
        """The guild's effective policy: its overrides on top of the defaults."""
        async with self._store.read() as conn:
            return await self._policy(conn, guild_id)

    async def status(self, guild_id: int, member_id: int) -> QuotaStatus:
        now = self._now()
        async with self._store.read() as conn:
            policy = await self._policy(conn, guild_id)
            window = Window.containing(policy.period, now)
            used = await _used(conn, guild_id, member_id, window)
        member_limit = policy.member_credits or None
        return QuotaStatus(
            period=policy.period,
            period_start=window.start,
            resets_at=window.end,
            guild_limit=policy.guild_credits,
            guild_used=used.guild,
            guild_remaining=max(0, policy.guild_credits - used.guild),
            member_used=used.member,
            member_limit=member_limit,
            member_remaining=None if member_limit is None else max(0, member_limit - used.member),
        )

    async def usage(self, guild_id: int) -> UsageReport:
        now = self._now()
        async with self._store.read() as conn:
            policy = await self._policy(conn, guild_id)
            window = Window.containing(policy.period, now)
            params = (guild_id, _ts(window.start))
            members = await conn.execute_fetchall(_USAGE_BY.format(key="member_id"), params)
            models = await conn.execute_fetchall(_USAGE_BY.format(key="model"), params)
        by_member = tuple(MemberUsage(r["key"], r["credits"], r["requests"]) for r in members)
        return UsageReport(
            period=policy.period,
            period_start=window.start,
            resets_at=window.end,
            credits=sum(m.credits for m in by_member),
            requests=sum(m.requests for m in by_member),
            by_member=by_member,
            by_model=tuple(ModelUsage(r["key"], r["credits"], r["requests"]) for r in models),
        )

    # -- admin ---------------------------------------------------------------------------------

    async def set_policy(
        self,
        guild_id: int,
        *,
        guild_credits: int | None = None,
        member_credits: int | None = None,
        period: str | None = None,
        actor_id: int,
    ) -> QuotaPolicy:
        """Override the given fields for a guild (others keep following the defaults)."""
        changes = {
            "guild_credits": None
            if guild_credits is None
            else _check_credits("guild_credits", guild_credits),
            "member_credits": None
            if member_credits is None
            else _check_credits("member_credits", member_credits),
            "period": None if period is None else _check_period(period),
        }
        if all(value is None for value in changes.values()):
            raise InvalidPolicy(None)
        now = _ts(self._now())
        async with self._store.transaction() as conn:
            await conn.execute(
                """INSERT INTO guild_settings
                       (guild_id, guild_credits, member_credits, period, updated_at, updated_by)
                   VALUES (:guild_id, :guild_credits, :member_credits, :period, :now, :actor)
                   ON CONFLICT (guild_id) DO UPDATE SET
                       guild_credits = COALESCE(excluded.guild_credits, guild_credits),
                       member_credits = COALESCE(excluded.member_credits, member_credits),
                       period = COALESCE(excluded.period, period),
                       updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                {"guild_id": guild_id, "now": now, "actor": actor_id, **changes},
            )
            detail = " ".join(f"{k}={v}" for k, v in changes.items() if v is not None)
            await _audit(conn, guild_id, actor_id, "set_policy", detail, now)
            return await self._policy(conn, guild_id)

    async def reset(self, guild_id: int, member_id: int | None = None, *, actor_id: int) -> int:
        """Forgive this window's use of one member, or of the whole guild; returns the credits.

        Rows are flagged `forgiven` rather than changed, so reservations still pending settle
        normally later and never count again.
        """
        now = self._now()
        async with self._store.transaction() as conn:
            window = Window.containing((await self._policy(conn, guild_id)).period, now)
            rows = await conn.execute_fetchall(
                """UPDATE ledger SET forgiven = 1
                   WHERE guild_id = ? AND created_at >= ? AND forgiven = 0
                     AND (? IS NULL OR member_id = ?)
                   RETURNING credits""",
                (guild_id, _ts(window.start), member_id, member_id),
            )
            forgiven = sum(int(row["credits"]) for row in rows)
            who = "everyone" if member_id is None else f"member {member_id}"
            detail = f"{who}: {forgiven} credits forgiven"
            await _audit(conn, guild_id, actor_id, "reset", detail, _ts(now))
        return forgiven

    # -- retention -----------------------------------------------------------------------------

    async def purge_prompts(self, older_than: timedelta) -> int:
        """Forget the prompt text of requests older than `older_than`; returns how many."""
        cutoff = _ts(self._now() - older_than)
        return await self._store.execute(
            "UPDATE ledger SET prompt = NULL WHERE prompt IS NOT NULL AND created_at < ?", (cutoff,)
        )

    async def purge_guild(self, guild_id: int) -> int:
        """Delete everything stored about a guild (the bot left it); returns ledger rows deleted."""
        async with self._store.transaction() as conn:
            cursor = await conn.execute("DELETE FROM ledger WHERE guild_id = ?", (guild_id,))
            for table in ("guild_settings", "audit_log"):
                await conn.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))
            return cursor.rowcount

    # -- helpers -------------------------------------------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must return aware datetimes")
        return now.astimezone(UTC)

    async def _policy(self, conn: aiosqlite.Connection, guild_id: int) -> QuotaPolicy:
        rows = list(
            await conn.execute_fetchall(
                "SELECT guild_credits, member_credits, period FROM guild_settings"
                " WHERE guild_id = ?",
                (guild_id,),
            )
        )
        if not rows:
            return self._defaults
        row, base = rows[0], self._defaults
        return QuotaPolicy(
            guild_credits=_coalesce(row["guild_credits"], base.guild_credits),
            member_credits=_coalesce(row["member_credits"], base.member_credits),
            period=_coalesce(row["period"], base.period),
        )


def _ensure_fits(policy: QuotaPolicy, window: Window, used: _Used, cost: int) -> None:
    budgets: list[tuple[Scope, int, int]] = [("guild", policy.guild_credits, used.guild)]
    if policy.member_credits:
        budgets.append(("member", policy.member_credits, used.member))
    for scope, limit, spent in budgets:
        if spent + cost > limit:
            raise QuotaExceeded(
                scope,
                limit=limit,
                remaining=max(0, limit - spent),
                cost=cost,
                resets_at=window.end,
            )


async def _used(conn: aiosqlite.Connection, guild_id: int, member_id: int, window: Window) -> _Used:
    row = _one(
        await conn.execute_fetchall(
            """SELECT COALESCE(SUM(credits), 0) AS guild,
                      COALESCE(SUM(CASE WHEN member_id = ? THEN credits END), 0) AS member
               FROM ledger WHERE guild_id = ? AND created_at >= ? AND forgiven = 0""",
            (member_id, guild_id, _ts(window.start)),
        )
    )
    return _Used(int(row["guild"]), int(row["member"]))


async def _fetch_reservation(conn: aiosqlite.Connection, interaction_id: int) -> Reservation | None:
    rows = list(
        await conn.execute_fetchall(
            "SELECT * FROM ledger WHERE interaction_id = ?", (interaction_id,)
        )
    )
    return _reservation(rows[0]) if rows else None


async def _audit(
    conn: aiosqlite.Connection, guild_id: int, actor_id: int, action: str, detail: str, now: str
) -> None:
    await conn.execute(
        "INSERT INTO audit_log (guild_id, actor_id, action, detail, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (guild_id, actor_id, action, detail, now),
    )


def _reservation(row: sqlite3.Row) -> Reservation:
    return Reservation(
        interaction_id=row["interaction_id"],
        guild_id=row["guild_id"],
        member_id=row["member_id"],
        reserved=row["reserved"],
        credits=row["credits"],
        state=row["state"],
        period_start=_parse(row["period_start"]),
        created_at=_parse(row["created_at"]),
        model=row["model"],
        size=row["size"],
        quality=row["quality"],
        n=row["n"],
        prompt=row["prompt"],
    )


def _one(rows: Iterable[sqlite3.Row]) -> sqlite3.Row:
    (row,) = rows
    return row


def _coalesce(value: _T | None, default: _T) -> _T:
    return default if value is None else value


def _ts(when: datetime) -> str:
    return when.astimezone(UTC).strftime(_TIME_FORMAT)


def _parse(text: str) -> datetime:
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)
