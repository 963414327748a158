"""Per-guild credit quotas: reserve before calling the image API, settle afterwards.

Why reserve-then-settle: the API call takes up to minutes and its outcome may never be known
(crash, read timeout). The cost is taken from the budgets up front, in one `BEGIN IMMEDIATE`
transaction that checks both budgets and records the reservation under the interaction id
(UNIQUE), so concurrent requests cannot overspend and a duplicated interaction is charged once.
Settlement then keeps, shrinks or gives back that reservation, exactly once: a single UPDATE
that only matches a row still 'pending'.

Usage is the sum of the ledger's `credits` over the rows created in the current UTC window and
not forgiven by an admin reset. So that a budget check costs the same whatever the window holds,
that sum is also kept in `usage_counters` per guild, member and UTC day (migrations/0002), changed
in the same transaction as every ledger row it sums. Day buckets keep period changes exact (every
window is a whole number of UTC days), and a late settlement or a reset lowers the bucket of the
day its row was created, whichever window that day now belongs to.

Cost per request: a reservation is two statements (a guarded INSERT … SELECT that checks both
budgets and the interaction's novelty, and the counter upsert); a settlement is its UPDATE, the
counter change if credits go back, and the member's new status, which it returns. Each is one
`Store.run` script: with SQLite one trip to the database thread, group-committed with concurrent
requests; with PostgreSQL one transaction, the reservation under a lock on its guild.

With a bot-wide budget (BOT_CREDITS), a reservation ends with one more guarded upsert on the
day's row of `bot_usage` (migrations/0005), exact across processes like the guild's budget. On
PostgreSQL that row is locked from that last statement to COMMIT, so reservations of all guilds
take turns there for one round trip each: bench/ledger.py --bot-credits measures the cost.
Without a budget nothing touches that row.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Literal, NamedTuple, TypeVar

from bot.clock import Clock, utc_now
from bot.store import Row, Script, Store, count, each, every, lock, one

Period = Literal["day", "week", "month"]
State = Literal["pending", "committed", "refunded", "unknown"]
Kind = Literal["generation", "edit"]
Scope = Literal["bot", "guild", "member"]

PERIODS: tuple[Period, ...] = ("day", "week", "month")
MAX_CREDITS = 1_000_000
# Tries of a reservation whose statement refused what the budget read then allowed: a settlement
# committed in between is cured by one more; a disagreement that persists is a bug.
RESERVE_ATTEMPTS = 3
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
class BotBudget:
    """The operator's budget over every guild and process: BOT_CREDITS per BOT_PERIOD.

    0 credits: none, and no reservation touches the bot's counter (no hot row to wait for);
    a bot started with a budget first counts its window again from the ledger (reconcile_bot).
    """

    credits: int = 0
    period: Period = "day"

    def __post_init__(self) -> None:
        if isinstance(self.credits, bool) or self.credits < 0:
            raise ValueError("the bot's budget must be 0 (none) or more credits")
        _check_period(self.period)


class AboveCeiling(InvalidPolicy):
    """A guild admin asked for more than the operator allows this guild (`ceiling`)."""

    def __init__(self, ceiling: int) -> None:
        super().__init__("guild_credits")
        self.ceiling = ceiling


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
    options: str | None = None  # RequestOptions JSON; None on rows from before they were kept
    duplicate: bool = False
    kind: Kind = "generation"  # an edit's inputs are not kept: Re-roll repeats generations only


class QuotaExceeded(Exception):
    """The request does not fit a budget; nothing was recorded or charged.

    Data only: the presenters word it for the member.
    """

    def __init__(
        self,
        scope: Scope,
        *,
        limit: int,
        remaining: int,
        cost: int,
        resets_at: datetime,
        period: Period | None = None,
    ) -> None:
        super().__init__(scope, limit, remaining, cost, resets_at)
        self.scope = scope
        self.period = period  # the budget's period, where its words need it (the bot's)
        self.limit = limit
        self.remaining = remaining
        self.cost = cost
        self.resets_at = resets_at


class BudgetMismatch(RuntimeError):
    """The reservation statement kept refusing a cost the budget check says fits: a bug in one
    of the two, raised rather than retried for ever (nothing was recorded)."""

    def __init__(self, budget: object, cost: int) -> None:
        super().__init__(f"the reservation statement refuses {cost} credits that {budget} allows")


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
class KindUsage:
    """Spending on generations or on edits."""

    kind: Kind
    credits: int
    requests: int


@dataclass(frozen=True)
class DayUsage:
    day: date
    model: str
    credits: int


@dataclass(frozen=True)
class UsageReport:
    """This window's spending (pending, committed and kept-unknown requests), biggest first;
    `by_day` per UTC day and model, in date order."""

    period: Period
    period_start: datetime
    resets_at: datetime
    credits: int
    requests: int
    by_member: tuple[MemberUsage, ...]
    by_model: tuple[ModelUsage, ...]
    by_kind: tuple[KindUsage, ...] = ()
    by_day: tuple[DayUsage, ...] = ()


@dataclass(frozen=True)
class BotStatus:
    """The bot's budget over every guild this window; `limit` 0: it has none."""

    period: Period
    resets_at: datetime
    limit: int
    used: int


@dataclass(frozen=True)
class HeldGuild:
    """A guild whose stored budget is above its ceiling: it is held to `ceiling`."""

    guild_id: int
    stored: int
    ceiling: int


class _Budget(NamedTuple):
    """A guild's limits and this window's use, as one budget statement reads them."""

    period: Period
    guild_limit: int
    member_limit: int  # 0: no per-member budget
    guild_used: int
    member_used: int


@dataclass(frozen=True)
class _Calendar:
    """The windows containing one UTC day, and how SQL names their first days."""

    windows: dict[Period, Window]
    first_days: dict[str, str]  # SQL parameter (day, week, month) -> 'YYYY-MM-DD'
    starts: dict[str, datetime]  # a ledger period_start as stored -> the window start


@functools.lru_cache(maxsize=4)
def _calendar(day: date) -> _Calendar:
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    windows = {period: Window.containing(period, moment) for period in PERIODS}
    return _Calendar(
        windows=windows,
        first_days={period: w.start.date().isoformat() for period, w in windows.items()},
        starts={_ts(w.start): w.start for w in windows.values()},
    )


# The guild's effective policy and this window's use from the counters: at most 31 day buckets
# for the guild and 31 for the member, however many requests the window holds. The guild's
# budget is held to the operator's ceiling for it (its grant, else QUOTA_GUILD_CREDITS_MAX);
# the stored value is kept, so a higher ceiling restores it.
_BUDGET = """
    SELECT b.period, b.first_day, b.guild_limit, b.member_limit,
        (SELECT CAST(COALESCE(SUM(u.credits), 0) AS BIGINT) FROM usage_counters AS u
         WHERE u.guild_id = :guild AND u.scope = 'guild' AND u.member_id = 0
           AND u.day >= b.first_day) AS guild_used,
        (SELECT CAST(COALESCE(SUM(u.credits), 0) AS BIGINT) FROM usage_counters AS u
         WHERE u.guild_id = :guild AND u.scope = 'member' AND u.member_id = :member
           AND u.day >= b.first_day) AS member_used
    FROM (
        SELECT p.period, p.guild_limit, p.member_limit,
            CASE p.period WHEN 'day' THEN CAST(:day AS TEXT) WHEN 'week' THEN CAST(:week AS TEXT)
                ELSE CAST(:month AS TEXT) END AS first_day
        FROM (
            SELECT COALESCE(s.period, CAST(:default_period AS TEXT)) AS period,
                CASE WHEN COALESCE(s.guild_credits, CAST(:default_guild AS BIGINT))
                        > COALESCE(a.credits_max, CAST(:ceiling AS BIGINT))
                    THEN COALESCE(a.credits_max, CAST(:ceiling AS BIGINT))
                    ELSE COALESCE(s.guild_credits, CAST(:default_guild AS BIGINT))
                END AS guild_limit,
                COALESCE(CAST(:member_credits AS BIGINT), s.member_credits,
                    CAST(:default_member AS BIGINT)) AS member_limit
            FROM (SELECT 1) AS one LEFT JOIN guild_settings AS s ON s.guild_id = :guild
                LEFT JOIN guild_access AS a ON a.guild_id = :guild
        ) AS p
    ) AS b
"""
# The reservation and the budget check in one statement: the row is inserted only if the cost
# fits both budgets and the interaction is new; no row back means refused or a duplicate.
_RESERVE = f"""
    INSERT INTO ledger (interaction_id, guild_id, member_id, channel_id, model, size, quality, n,
        reserved, credits, prompt, options, period_start, created_at, kind)
    SELECT CAST(:iid AS BIGINT), CAST(:guild AS BIGINT), CAST(:member AS BIGINT),
        CAST(:channel AS BIGINT), CAST(:model AS TEXT), CAST(:size AS TEXT),
        CAST(:quality AS TEXT), CAST(:n AS BIGINT), CAST(:cost AS BIGINT), CAST(:cost AS BIGINT),
        CAST(:prompt AS TEXT), CAST(:options AS TEXT), b.first_day || 'T00:00:00.000000Z',
        CAST(:now AS TEXT), CAST(:kind AS TEXT)
    FROM ({_BUDGET}) AS b
    WHERE b.guild_used + CAST(:cost AS BIGINT) <= b.guild_limit
      AND (b.member_limit = 0 OR b.member_used + CAST(:cost AS BIGINT) <= b.member_limit)
    ON CONFLICT (interaction_id) DO NOTHING
    RETURNING period_start
"""
_COUNT = """
    INSERT INTO usage_counters (guild_id, scope, member_id, day, credits)
    VALUES (:guild, 'guild', 0, :today, :cost), (:guild, 'member', :member, :today, :cost)
    ON CONFLICT (guild_id, scope, member_id, day)
    DO UPDATE SET credits = usage_counters.credits + excluded.credits
"""
# The bot's budget, taken last in a reservation so that its one hot row (today's) is locked only
# from this statement to COMMIT, not while the guild's budget is checked. The guard reads that
# row's own credits, so PostgreSQL re-checks it on the newest version once the lock is free;
# the window's earlier days are read before and can only go down meanwhile (settlements), so
# they can refuse too much, never grant too much, and a refusal is checked again (_BOT_USED).
_BOT_EARLIER = """
    SELECT CAST(COALESCE(SUM(credits), 0) AS BIGINT) AS used FROM bot_usage
    WHERE day >= :first AND day < :today
"""
_BOT_TAKE = """
    INSERT INTO bot_usage (day, credits)
    SELECT CAST(:today AS TEXT), CAST(:cost AS BIGINT)
    WHERE CAST(:earlier AS BIGINT) + CAST(:cost AS BIGINT) <= CAST(:limit AS BIGINT)
    ON CONFLICT (day) DO UPDATE SET credits = bot_usage.credits + excluded.credits
    WHERE CAST(:earlier AS BIGINT) + bot_usage.credits + excluded.credits
        <= CAST(:limit AS BIGINT)
    RETURNING credits
"""
_BOT_USED = """
    SELECT CAST(COALESCE(SUM(credits), 0) AS BIGINT) AS used FROM bot_usage WHERE day >= :first
"""
# Runs after the guild's and member's rows are lowered: the order a reservation locks them in.
# Never below 0: a row reserved while the bot had no budget was never counted.
_BOT_UNCOUNT = """
    UPDATE bot_usage SET credits = CASE WHEN credits > :amount THEN credits - :amount ELSE 0 END
    WHERE day = :day
"""
# What the bot spent per day since :first by the ledger's definition, and never less than counted
# (a guild purged meanwhile took its rows, not its spending, with it).
_BOT_RECONCILE = """
    INSERT INTO bot_usage (day, credits)
    SELECT SUBSTR(created_at, 1, 10), CAST(SUM(credits) AS BIGINT) FROM ledger
    WHERE created_at >= :first GROUP BY SUBSTR(created_at, 1, 10)
    ON CONFLICT (day) DO UPDATE SET credits = CASE WHEN excluded.credits > bot_usage.credits
        THEN excluded.credits ELSE bot_usage.credits END
"""
_BOT_SPENT = """
    SELECT CAST(COALESCE(SUM(credits), 0) AS BIGINT) AS used FROM ledger WHERE created_at >= :since
"""
_CEILING = "SELECT credits_max FROM guild_access WHERE guild_id = ?"
# Undo part of a day's count: `amount` fewer credits for the guild, then for the member. Two
# statements, run in that order, so that PostgreSQL locks the rows in the order a reservation
# does (guild row, then member row) and the two can never deadlock.
_UNCOUNT = """
    UPDATE usage_counters SET credits = credits - :amount
    WHERE guild_id = :guild AND day = :day AND scope = :scope AND member_id = :member
"""
# Every statement that lowers rows' counted credits returns them in this shape for _uncount.
_LOWERED = "guild_id, member_id, created_at, forgiven"
_SETTLE = f"""
    UPDATE ledger SET state = :state, credits = COALESCE(CAST(:credits AS BIGINT), credits),
        settled_at = :now, note = :note
    WHERE state = 'pending' AND {{where}}
    RETURNING {_LOWERED}, reserved - credits AS amount
"""
# A settlement may keep less than was reserved, never more.
_SETTLE_ONE = _SETTLE.format(
    where="interaction_id = :iid AND COALESCE(CAST(:credits AS BIGINT), 0) <= reserved"
)
_FIND = "SELECT * FROM ledger WHERE interaction_id = ?"
_POLICY = "SELECT guild_credits, member_credits, period FROM guild_settings WHERE guild_id = ?"
_USAGE_BY_DAY = """
    SELECT SUBSTR(created_at, 1, 10) AS day, model, CAST(SUM(credits) AS BIGINT) AS credits
    FROM ledger
    WHERE guild_id = ? AND created_at >= ? AND forgiven = 0 AND state <> 'refunded'
    GROUP BY SUBSTR(created_at, 1, 10), model ORDER BY day, model
"""
_HELD = """
    SELECT s.guild_id, s.guild_credits AS stored,
        COALESCE(a.credits_max, CAST(? AS BIGINT)) AS ceiling
    FROM guild_settings AS s LEFT JOIN guild_access AS a ON a.guild_id = s.guild_id
    WHERE s.guild_credits > COALESCE(a.credits_max, CAST(? AS BIGINT))
    ORDER BY s.guild_id
"""
_USAGE_BY = """
    SELECT {key} AS key, CAST(SUM(credits) AS BIGINT) AS credits, COUNT(*) AS requests
    FROM ledger
    WHERE guild_id = ? AND created_at >= ? AND forgiven = 0 AND state <> 'refunded'
    GROUP BY {key} ORDER BY credits DESC, requests DESC, {key}
"""


class QuotaService:
    """The quota rules on top of a Store. One per process; safe for any number of coroutines.

    Every write is one `Store.run` script: with SQLite a whole transaction in one trip to the
    database thread, committed together with whatever other requests were waiting.
    """

    def __init__(
        self,
        store: Store,
        defaults: QuotaDefaults,
        *,
        refund_unknown: bool = False,
        clock: Clock = utc_now,
        ceiling: int = MAX_CREDITS,
        bot_budget: BotBudget = BotBudget(),
    ) -> None:
        """`ceiling`: the most a guild's admins may set for it (QUOTA_GUILD_CREDITS_MAX) unless
        the operator granted it more; `bot_budget`: the operator's budget over every guild."""
        _check_credits("guild_credits", ceiling)
        self._store = store
        self._defaults = defaults
        self._ceiling = ceiling
        self._bot_budget = bot_budget
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
        member_credits: int | None = None,
        kind: Kind = "generation",
        options: str | None = None,
    ) -> Reservation:
        """Take `cost` credits from both budgets, or raise QuotaExceeded.

        `member_credits` replaces the guild's per-member budget for this member (e.g. from their
        roles; 0 = no per-member budget). A second call with the same interaction id changes
        nothing and returns the recorded reservation with `duplicate=True` (in whatever state it
        is now): do not call the API again for it.
        """
        if cost < 1 or n < 1:
            raise ValueError("cost and n must be at least 1")
        _check_override(member_credits)
        fields = {
            "iid": interaction_id,
            "channel": channel_id,
            "model": model,
            "size": size,
            "quality": quality,
            "n": n,
            "cost": cost,
            "prompt": prompt,
            "kind": kind,
            "options": options,
        }

        def work() -> Script[Reservation]:
            # Held until COMMIT: the budget check reads what every earlier reservation of the
            # guild committed, and no other can slip in before the insert. A lock on the guild,
            # not on a counter row, because the rows a check reads change with the day and the
            # period. Settlements and resets only lower the counters and need not take it.
            yield from lock("guild", guild_id)
            now = self._now()  # taken in the transaction: the time the reservation happens
            calendar = _calendar(now.date())
            params = self._budget_params(calendar, guild_id, member_id, member_credits)
            created_at = _ts(now)
            params.update(fields, now=created_at)
            for _ in range(RESERVE_ATTEMPTS):
                inserted = yield from one(_RESERVE, params)
                if inserted is not None:
                    break
                existing = yield from one(_FIND, (interaction_id,))
                if existing is not None:
                    return replace(_reservation(existing), duplicate=True)
                budget = _budget((yield from one(_BUDGET, params)))
                refusal = _refusal(budget, cost, calendar.windows[budget.period])
                if refusal is not None:
                    raise refusal
                # It fits now: where writers run side by side, a settlement or a policy change
                # committed between the two statements. Try again with what is there now.
            else:
                raise BudgetMismatch(budget, cost)
            yield from count(_COUNT, {**params, "today": created_at[:10]})
            yield from self._take_from_bot(cost, created_at[:10], calendar)
            return Reservation(
                interaction_id=interaction_id,
                guild_id=guild_id,
                member_id=member_id,
                reserved=cost,
                credits=cost,
                state="pending",
                period_start=calendar.starts[inserted["period_start"]],
                created_at=now,
                model=model,
                size=size,
                quality=quality,
                n=n,
                prompt=prompt,
                kind=kind,
                options=options,
            )

        return await self._store.run(work)

    async def find(self, interaction_id: int) -> Reservation | None:
        """The ledger row of an interaction (what Re-roll repeats), or None if there is none."""
        rows = await self._store.fetch(_FIND, (interaction_id,))
        return _reservation(rows[0]) if rows else None

    async def commit(
        self, interaction_id: int, credits: int, *, member_credits: int | None = None
    ) -> QuotaStatus | None:
        """Charge what was actually spent (≤ reserved; the rest goes back).

        Returns the member's new status (`member_credits` as for reserve), or None if no-op.
        """
        if credits < 0:
            raise ValueError("credits must not be negative")
        return await self._settle(interaction_id, "committed", credits, None, member_credits)

    async def refund(
        self, interaction_id: int, reason: str, *, member_credits: int | None = None
    ) -> QuotaStatus | None:
        """Give the whole reservation back; the new status, or None if already settled."""
        return await self._settle(interaction_id, "refunded", 0, reason, member_credits)

    async def mark_unknown(
        self, interaction_id: int, reason: str, *, member_credits: int | None = None
    ) -> QuotaStatus | None:
        """Outcome unknown: stays spent, or is refunded when the service has refund_unknown."""
        state, credits, note = self._unknown_outcome(reason)
        return await self._settle(interaction_id, state, credits, note, member_credits)

    async def recover_pending(self, older_than: timedelta) -> int:
        """Settle reservations stuck in 'pending' (the bot died mid-request) as unknown outcomes."""
        state, credits, note = self._unknown_outcome("still pending at start-up")

        def work() -> Script[int]:
            now = self._now()
            params = {
                "state": state,
                "credits": credits,
                "now": _ts(now),
                "note": note,
                "cutoff": _ts(now - older_than),
            }
            return (
                yield from _uncount(
                    (yield from every(_SETTLE.format(where="created_at < :cutoff"), params)),
                    bot=bool(self._bot_budget.credits),
                )
            )

        return await self._store.run(work)

    def _unknown_outcome(self, reason: str) -> tuple[State, int | None, str]:
        if self._refund_unknown:
            return "refunded", 0, f"outcome unknown, refunded: {reason}"
        return "unknown", None, f"outcome unknown, kept: {reason}"

    async def _settle(
        self,
        interaction_id: int,
        state: State,
        credits: int | None,
        note: str | None,
        member_credits: int | None,
    ) -> QuotaStatus | None:
        """Move a pending reservation to `state`; `credits` None keeps the reserved amount.

        Only a 'pending' row changes, so settling twice (or a settlement racing start-up
        recovery) can never refund or charge twice. An unknown id (e.g. the guild was purged
        meanwhile) is a no-op as well. What is given back leaves the counters of the day the
        reservation was made, in the same transaction; the status is read in it too.
        """
        _check_override(member_credits)

        def work() -> Script[QuotaStatus | None]:
            now = self._now()
            params = {
                "state": state,
                "credits": credits,
                "now": _ts(now),
                "note": note,
                "iid": interaction_id,
            }
            rows = yield from every(_SETTLE_ONE, params)
            if not rows:
                pending = yield from one(_FIND, (interaction_id,))
                if pending is not None and pending["state"] == "pending":
                    raise ValueError(
                        f"cannot charge {credits} credits: only {pending['reserved']} were reserved"
                    )
                return None
            yield from _uncount(rows, bot=bool(self._bot_budget.credits))
            calendar = _calendar(now.date())
            guild_id, member_id = rows[0]["guild_id"], rows[0]["member_id"]
            budget = yield from one(
                _BUDGET, self._budget_params(calendar, guild_id, member_id, member_credits)
            )
            return _status(_budget(budget), calendar)

        return await self._store.run(work)

    # -- reading -------------------------------------------------------------------------------

    async def policy(self, guild_id: int) -> QuotaPolicy:
        """The guild's effective policy: its overrides on top of the defaults."""
        return self._policy(_first(await self._store.fetch(_POLICY, (guild_id,))))

    async def status(
        self, guild_id: int, member_id: int, *, member_credits: int | None = None
    ) -> QuotaStatus:
        """What is left; `member_credits` replaces the guild's per-member budget (see reserve)."""
        _check_override(member_credits)
        calendar = _calendar(self._now().date())
        params = self._budget_params(calendar, guild_id, member_id, member_credits)
        return _status(_budget(_one(await self._store.fetch(_BUDGET, params))), calendar)

    async def usage(self, guild_id: int) -> UsageReport:
        now = self._now()

        def work() -> Script[tuple[Window, list[Row], list[Row], list[Row], list[Row]]]:
            policy = self._policy((yield from one(_POLICY, (guild_id,))))
            window = Window.containing(policy.period, now)
            params = (guild_id, _ts(window.start))
            members = yield from every(_USAGE_BY.format(key="member_id"), params)
            models = yield from every(_USAGE_BY.format(key="model"), params)
            kinds = yield from every(_USAGE_BY.format(key="kind"), params)
            days = yield from every(_USAGE_BY_DAY, params)
            return window, members, models, kinds, days

        window, members, models, kinds, days = await self._store.read(work)
        by_member = tuple(MemberUsage(r["key"], r["credits"], r["requests"]) for r in members)
        return UsageReport(
            period=window.period,
            period_start=window.start,
            resets_at=window.end,
            credits=sum(m.credits for m in by_member),
            requests=sum(m.requests for m in by_member),
            by_member=by_member,
            by_model=tuple(ModelUsage(r["key"], r["credits"], r["requests"]) for r in models),
            by_kind=tuple(KindUsage(r["key"], r["credits"], r["requests"]) for r in kinds),
            by_day=tuple(
                DayUsage(date.fromisoformat(r["day"]), r["model"], r["credits"]) for r in days
            ),
        )

    async def ceiling(self, guild_id: int) -> int:
        """The most this guild's admins may set: the operator's grant, else the default."""
        return await self._store.read(lambda: self._guild_ceiling(guild_id))

    async def held_to_ceiling(self) -> list[HeldGuild]:
        """Guilds whose stored budget is above their ceiling (it lowered since they set it)."""
        rows = await self._store.fetch(_HELD, (self._ceiling, self._ceiling))
        return [HeldGuild(r["guild_id"], r["stored"], r["ceiling"]) for r in rows]

    async def bot_status(self) -> BotStatus:
        """What the whole bot spent this window of BOT_PERIOD, against BOT_CREDITS (without a
        budget nothing counts it, so it is summed from the ledger)."""
        budget = self._bot_budget
        window = _calendar(self._now().date()).windows[budget.period]
        if budget.credits:
            params = {"first": window.start.date().isoformat()}
            used = _used(_first(await self._store.fetch(_BOT_USED, params)))
        else:
            used = _used(_first(await self._store.fetch(_BOT_SPENT, {"since": _ts(window.start)})))
        return BotStatus(budget.period, window.end, budget.credits, used)

    async def reconcile_bot(self) -> None:
        """At start-up, with a budget: count the window again from the ledger, so what was spent
        while the bot ran without one (nothing counted it then) counts now.

        A day keeps the larger of the two counts, so processes already counting lose nothing
        to it; only where none counted, a reservation committing during this statement may be
        missed (a deploy that turns the budget on while another process runs without it).
        """
        budget = self._bot_budget
        if budget.credits:
            first = Window.containing(budget.period, self._now()).start
            await self._store.execute(_BOT_RECONCILE, {"first": _ts(first)})

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
        """Override the given fields for a guild (others keep following the defaults).

        Nothing else changes: the counters are per day, so any period sums them exactly.
        """
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
        detail = " ".join(f"{k}={v}" for k, v in changes.items() if v is not None)

        def work() -> Script[QuotaPolicy]:
            now = _ts(self._now())
            if guild_credits is not None:
                ceiling = yield from self._guild_ceiling(guild_id)
                if guild_credits > ceiling:
                    raise AboveCeiling(ceiling)
            yield from count(
                """INSERT INTO guild_settings
                       (guild_id, guild_credits, member_credits, period, updated_at, updated_by)
                   VALUES (:guild_id, :guild_credits, :member_credits, :period, :now, :actor)
                   ON CONFLICT (guild_id) DO UPDATE SET
                       guild_credits = COALESCE(excluded.guild_credits,
                           guild_settings.guild_credits),
                       member_credits = COALESCE(excluded.member_credits,
                           guild_settings.member_credits),
                       period = COALESCE(excluded.period, guild_settings.period),
                       updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                {"guild_id": guild_id, "now": now, "actor": actor_id, **changes},
            )
            yield from _audit(guild_id, actor_id, "set_policy", detail, now)
            return self._policy((yield from one(_POLICY, (guild_id,))))

        return await self._store.run(work)

    async def reset(self, guild_id: int, member_id: int | None = None, *, actor_id: int) -> int:
        """Forgive this window's use of one member, or of the whole guild; returns the credits.

        Rows are flagged `forgiven` rather than changed, so reservations still pending settle
        normally later and never count again; the counters lose what they forgive.
        """

        def work() -> Script[int]:
            now = self._now()
            policy = self._policy((yield from one(_POLICY, (guild_id,))))
            window = Window.containing(policy.period, now)
            rows = yield from every(
                f"""UPDATE ledger SET forgiven = 1
                    WHERE guild_id = ? AND created_at >= ? AND forgiven = 0
                      AND (CAST(? AS BIGINT) IS NULL OR member_id = ?)
                    RETURNING {_LOWERED}, credits AS amount""",
                (guild_id, _ts(window.start), member_id, member_id),
            )
            forgiven = sum(int(row["amount"]) for row in rows)
            yield from _uncount(rows, forgiving=True)
            who = "everyone" if member_id is None else f"member {member_id}"
            yield from _audit(
                guild_id, actor_id, "reset", f"{who}: {forgiven} credits forgiven", _ts(now)
            )
            return forgiven

        return await self._store.run(work)

    # -- retention -----------------------------------------------------------------------------

    async def purge_prompts(self, older_than: timedelta) -> int:
        """Forget the prompt text of requests older than `older_than`; returns how many."""
        cutoff = _ts(self._now() - older_than)
        return await self._store.execute(
            "UPDATE ledger SET prompt = NULL WHERE prompt IS NOT NULL AND created_at < ?", (cutoff,)
        )

    async def purge_guild(self, guild_id: int) -> int:
        """Delete everything stored about a guild (the bot left it); returns ledger rows deleted."""

        def work() -> Script[int]:
            # Without the lock a reservation committing meanwhile would keep its new ledger
            # row while losing the counter row this deletes.
            yield from lock("guild", guild_id)
            deleted = yield from count("DELETE FROM ledger WHERE guild_id = ?", (guild_id,))
            for table in ("usage_counters", "guild_settings", "audit_log"):
                yield from count(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))
            return deleted

        return await self._store.run(work)

    # -- helpers -------------------------------------------------------------------------------

    def _guild_ceiling(self, guild_id: int) -> Script[int]:
        row = yield from one(_CEILING, (guild_id,))
        return self._ceiling if row is None or row["credits_max"] is None else row["credits_max"]

    def _take_from_bot(self, cost: int, today: str, calendar: _Calendar) -> Script[None]:
        """Count `cost` in the bot's budget for `today`, or raise QuotaExceeded('bot')."""
        budget = self._bot_budget
        if not budget.credits:
            return
        first = calendar.first_days[budget.period]
        params: dict[str, object] = {
            "today": today,
            "cost": cost,
            "limit": budget.credits,
            "first": first,
            "earlier": 0,
        }
        for _ in range(RESERVE_ATTEMPTS):
            if first < today:
                params["earlier"] = _used((yield from one(_BOT_EARLIER, params)))
            if (yield from one(_BOT_TAKE, params)) is not None:
                return
            used = _used((yield from one(_BOT_USED, params)))
            if used + cost > budget.credits:
                raise QuotaExceeded(
                    "bot",
                    limit=budget.credits,
                    remaining=max(0, budget.credits - used),
                    cost=cost,
                    resets_at=calendar.windows[budget.period].end,
                    period=budget.period,
                )
            # It fits now: a settlement gave credits back after the first read. Again.
        raise BudgetMismatch(budget, cost)

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must return aware datetimes")
        return now.astimezone(UTC)

    def _budget_params(
        self, calendar: _Calendar, guild_id: int, member_id: int, member_credits: int | None
    ) -> dict[str, object]:
        defaults = self._defaults
        return {
            "guild": guild_id,
            "member": member_id,
            "member_credits": member_credits,
            "default_period": defaults.period,
            "default_guild": defaults.guild_credits,
            "default_member": defaults.member_credits,
            "ceiling": self._ceiling,
            **calendar.first_days,
        }

    def _policy(self, row: Row | None) -> QuotaPolicy:
        """The defaults with a guild_settings row's overrides (None: the guild has none)."""
        if row is None:
            return self._defaults
        base = self._defaults
        return QuotaPolicy(
            guild_credits=_coalesce(row["guild_credits"], base.guild_credits),
            member_credits=_coalesce(row["member_credits"], base.member_credits),
            period=_coalesce(row["period"], base.period),
        )


def _used(row: Row | None) -> int:
    assert row is not None, "a SUM always returns one row"
    return int(row["used"])


def _check_override(member_credits: int | None) -> None:
    if member_credits is not None:
        _check_credits("member_credits", member_credits)


def _budget(row: Row | None) -> _Budget:
    assert row is not None, "the budget statement always returns one row"
    return _Budget(
        row["period"],
        row["guild_limit"],
        row["member_limit"],
        row["guild_used"],
        row["member_used"],
    )


def _refusal(budget: _Budget, cost: int, window: Window) -> QuotaExceeded | None:
    """Why `cost` does not fit: the guild's budget first, then the member's; None if it fits."""
    budgets: list[tuple[Scope, int, int]] = [("guild", budget.guild_limit, budget.guild_used)]
    if budget.member_limit:
        budgets.append(("member", budget.member_limit, budget.member_used))
    for scope, limit, spent in budgets:
        if spent + cost > limit:
            return QuotaExceeded(
                scope, limit=limit, remaining=max(0, limit - spent), cost=cost, resets_at=window.end
            )
    return None


def _status(budget: _Budget, calendar: _Calendar) -> QuotaStatus:
    window = calendar.windows[budget.period]
    member_limit = budget.member_limit or None
    return QuotaStatus(
        period=budget.period,
        period_start=window.start,
        resets_at=window.end,
        guild_limit=budget.guild_limit,
        guild_used=budget.guild_used,
        guild_remaining=max(0, budget.guild_limit - budget.guild_used),
        member_used=budget.member_used,
        member_limit=member_limit,
        member_remaining=None
        if member_limit is None
        else max(0, member_limit - budget.member_used),
    )


def _uncount(rows: Sequence[Row], *, forgiving: bool = False, bot: bool = False) -> Script[int]:
    """Lower the day counters by the `amount` each row (shaped by _LOWERED) stopped counting.

    Rows already forgiven before this change were no longer counted, so they lower nothing;
    `forgiving` says the change is the one that forgives them. With `bot` (the bot has a
    budget), the bot's day counts lower for every row but on a reset: what a guild's admin
    forgives was still paid for. Returns how many
    rows there were. Guild rows are lowered before member rows, each in sorted order (see
    _UNCOUNT), and the bot's rows last.
    """
    amounts: Counter[tuple[int, int, str]] = Counter()
    for row in rows:
        if forgiving or not row["forgiven"]:
            amounts[row["guild_id"], row["member_id"], row["created_at"][:10]] += row["amount"]
    guilds: Counter[tuple[int, str]] = Counter()
    for (guild, _, day), amount in amounts.items():
        guilds[guild, day] += amount
    lowered = [
        *(
            {"guild": guild, "scope": "guild", "member": 0, "day": day, "amount": amount}
            for (guild, day), amount in sorted(guilds.items())
            if amount
        ),
        *(
            {"guild": guild, "scope": "member", "member": member, "day": day, "amount": amount}
            for (guild, member, day), amount in sorted(amounts.items())
            if amount
        ),
    ]
    yield from each(_UNCOUNT, lowered)
    if bot and not forgiving:  # a reset forgives a guild's use, not what the operator pays
        days: Counter[str] = Counter()
        for row in rows:
            days[row["created_at"][:10]] += row["amount"]
        yield from each(
            _BOT_UNCOUNT, [{"day": d, "amount": a} for d, a in sorted(days.items()) if a]
        )
    return len(rows)


def _audit(guild_id: int, actor_id: int, action: str, detail: str, now: str) -> Script[int]:
    return count(
        "INSERT INTO audit_log (guild_id, actor_id, action, detail, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (guild_id, actor_id, action, detail, now),
    )


def _reservation(row: Row) -> Reservation:
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
        kind=row["kind"],
        options=row["options"],
    )


def _one(rows: Iterable[Row]) -> Row:
    (row,) = rows
    return row


def _first(rows: Iterable[Row]) -> Row | None:
    return next(iter(rows), None)


def _coalesce(value: _T | None, default: _T) -> _T:
    return default if value is None else value


def _ts(when: datetime) -> str:
    """The stored form, 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (isoformat: twice as fast as strftime)."""
    return when.astimezone(UTC).isoformat(timespec="microseconds")[:-6] + "Z"


def _parse(text: str) -> datetime:
    """The stored fixed-width UTC text back to an aware datetime (fromisoformat: no strptime)."""
    return datetime.fromisoformat(text)
