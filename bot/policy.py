"""Who may use /imagine, where, with which models and words: the moderation rules of a guild.

No Discord in here: the cog passes ids and flags, and gets back either None (allowed) or a typed
refusal that carries the rule and its details. The rules run in a fixed order, cheapest and most
basic first: paused → channel → role → NSFW-only → model → blocked terms → cooldown → (optional)
pre-moderation. The quota reservation comes after, in the quota service.

A guild's policy is read once and cached in memory (every /imagine reads it; admins rarely
change it); every change through this service drops the guild's cached copy. Cooldowns live only
in memory: losing them on a restart costs nothing worth a database write per request.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import ClassVar, Literal, NamedTuple

from bot.clock import Clock, utc_now
from bot.metrics import Metrics
from bot.moderation_api import ModerationClient, ModerationUnavailable
from bot.quota import MAX_CREDITS, QuotaService, Window
from bot.quota import _parse as parse_time
from bot.quota import _ts as timestamp
from bot.store import Row, Script, Store, StoreUnavailable, count, every, lock, one
from bot.terms import Compiler, InvalidTerm, Matcher, clean_term
from bot.text import without_lone_surrogates

log = logging.getLogger("imagine.policy")

EntryKind = Literal["term", "channel", "role", "disabled_model"]
SettingField = Literal["cooldown_seconds", "strike_limit", "role_credits"]
MAX_COOLDOWN_SECONDS = 86_400
MAX_STRIKE_LIMIT = 100
MAX_REASON_LENGTH = 200
# A gateway's safety refusal, as its strike records it: the kind the client classified, since a
# gateway may rewrite the code (LiteLLM's is "400") and a reason must mean the same every time.
GATEWAY_STRIKE = "gateway: content_policy"
PRUNE_COOLDOWNS_AT = 10_000  # members remembered before old cooldowns are forgotten
# Each term already matches its stand-ins, separators and plurals (a `*` every word it begins), so
# 100 cover far more than 100 words (the built-in list has 22); and 100 terms of the costliest kind
# (100 letters that all have digit stand-ins) compile within the terms cache's memory budget.
MAX_BLOCKED_TERMS = 100
BUILTIN_TERMS_FILE = Path(__file__).resolve().parent / "data" / "builtin_terms.txt"


def load_builtin_terms(path: Path = BUILTIN_TERMS_FILE) -> tuple[str, ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(clean_term(line) for line in lines if line.strip() and not line.startswith("#"))


class InvalidSetting(ValueError):
    """A setting out of range (`field` names it), or no change given (`field` None).

    Data only: the presenters word it for the admin.
    """

    def __init__(self, field: SettingField | None) -> None:
        super().__init__(field)
        self.field = field


# -- what the rules see and say ----------------------------------------------------------------


@dataclass(frozen=True)
class Asker:
    """The member and the place of a request, as the Discord side found them."""

    guild_id: int
    member_id: int
    role_ids: frozenset[int]
    channel_id: int
    parent_id: int | None  # a thread's channel: threads follow their parent's rules
    age_restricted: bool
    manages_guild: bool


@dataclass(frozen=True)
class Refusal:
    """Base of every refusal; `rule` names it in audit posts, logs and the refusal metric
    (`imagine_refusals_total{rule}`), so it must stay stable, short and snake_case."""

    rule: ClassVar[str]


@dataclass(frozen=True)
class Paused(Refusal):
    rule: ClassVar[str] = "paused"
    reason: str | None
    by_strikes: bool


@dataclass(frozen=True)
class ChannelNotAllowed(Refusal):
    rule: ClassVar[str] = "channel"
    channel_ids: tuple[int, ...]


@dataclass(frozen=True)
class RoleNotAllowed(Refusal):
    rule: ClassVar[str] = "role"
    role_ids: tuple[int, ...]


@dataclass(frozen=True)
class NsfwOnly(Refusal):
    rule: ClassVar[str] = "nsfw_only"


@dataclass(frozen=True)
class ModelDisabled(Refusal):
    rule: ClassVar[str] = "model"
    model: str


@dataclass(frozen=True)
class BlockedTerm(Refusal):
    rule: ClassVar[str] = "blocked_term"
    quoted: str  # the member's own text that matched
    builtin: bool


@dataclass(frozen=True)
class CoolingDown(Refusal):
    rule: ClassVar[str] = "cooldown"
    until: datetime


@dataclass(frozen=True)
class Flagged(Refusal):
    """Pre-moderation flagged the prompt; a strike was counted."""

    rule: ClassVar[str] = "pre_moderation"
    categories: tuple[str, ...]
    strike: StrikeOutcome | None  # None: the database was busy, the strike was not counted


@dataclass(frozen=True)
class ModerationDown(Refusal):
    rule: ClassVar[str] = "pre_moderation_unavailable"


@dataclass(frozen=True)
class StrikeOutcome:
    count: int  # strikes this period, this one included
    limit: int  # 0: strikes never pause
    paused: bool  # this strike paused the member


# -- the policy of a guild -----------------------------------------------------------------------


@dataclass(frozen=True)
class PolicyDefaults:
    """The settings a new guild starts with (MEMBER_COOLDOWN_SECONDS, STRIKE_LIMIT)."""

    cooldown_seconds: int = 0
    strike_limit: int = 3


@dataclass(frozen=True)
class Pause:
    reason: str | None
    by: int | None  # None: the strike limit paused them
    since: datetime


@dataclass(frozen=True)
class GuildPolicy:
    audit_channel_id: int | None
    nsfw_only: bool
    cooldown_seconds: int
    builtin_terms: bool
    strike_limit: int
    blocked_terms: tuple[str, ...] = ()
    channel_ids: frozenset[int] = frozenset()
    role_ids: frozenset[int] = frozenset()
    disabled_models: frozenset[str] = frozenset()
    role_budgets: Mapping[int, int] = field(default_factory=dict)
    paused: Mapping[int, Pause] = field(default_factory=dict)

    def model_enabled(self, model_id: str) -> bool:
        return model_id not in self.disabled_models

    def member_credits(self, role_ids: Iterable[int]) -> int | None:
        """The largest budget among the member's roles; None: the member default applies."""
        budgets = [self.role_budgets[r] for r in role_ids if r in self.role_budgets]
        return max(budgets, default=None)


@dataclass(frozen=True)
class CompiledTerms:
    """A guild's blocked terms and the built-in ones, compiled (see `PolicyService.terms`)."""

    guild: Matcher
    builtin: Matcher


class _Accepted(NamedTuple):
    """When a member's last accepted request started their cooldown, and which request it was."""

    at: datetime
    request_id: int | None


_ENTRY_COLUMNS: dict[EntryKind, str] = {
    "term": "blocked_terms",
    "channel": "channel_ids",
    "role": "role_ids",
    "disabled_model": "disabled_models",
}


class PolicyService:
    """The moderation rules on top of a Store, with a per-guild cache; one per process."""

    def __init__(
        self,
        store: Store,
        quota: QuotaService,
        defaults: PolicyDefaults,
        *,
        metrics: Metrics,
        moderation: ModerationClient | None = None,
        moderation_fail_open: bool = False,
        builtin_terms: tuple[str, ...] | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._store = store
        self._quota = quota
        self._defaults = defaults
        self._metrics = metrics
        self._moderation = moderation
        self._fail_open = moderation_fail_open
        self._builtin = load_builtin_terms() if builtin_terms is None else builtin_terms
        self._compiler = Compiler()
        self._clock = clock
        self._cache: dict[int, GuildPolicy] = {}
        self._last_accepted: dict[tuple[int, int], _Accepted] = {}
        self._prune_at = PRUNE_COOLDOWNS_AT

    # -- the check ---------------------------------------------------------------------------

    async def check(
        self, asker: Asker, model_id: str, prompt: str, *, request_id: int | None = None
    ) -> Refusal | None:
        """The first rule the request breaks, or None when it may go on to the quota.

        A request that passes the rules starts its member's cooldown there and then, with no
        await between the cooldown's check and its start, so requests sent together cannot all
        pass it while pre-moderation is awaited. The cooldown is given back when pre-moderation
        is unavailable (no fault of the member's); a flagged prompt keeps it, like one the image
        service refuses, so rewording and retrying is paced too. `request_id` (the interaction)
        lets a second delivery of the same request pass its own cooldown.
        """
        policy = await self.policy(asker.guild_id)
        terms = await self.terms(policy)
        refusal = self._check_rules(policy, terms, asker, model_id, prompt, request_id)
        if refusal is None:
            if policy.cooldown_seconds and not asker.manages_guild:
                self.accepted(asker.guild_id, asker.member_id, request_id)
            if self._moderation is not None:
                refusal = await self._pre_moderate(asker, prompt)
                if isinstance(refusal, ModerationDown):
                    self.not_accepted(asker.guild_id, asker.member_id, request_id)
        if refusal is not None:
            self._metrics.refused(refusal.rule)
        return refusal

    async def terms(self, policy: GuildPolicy) -> CompiledTerms:
        """The terms `policy` blocks, compiled in a worker thread when not at hand: compiling
        takes up to a second, which no server may take from the others' event loop."""
        guild = await self._compiler.matcher(policy.blocked_terms)
        return CompiledTerms(guild, await self._compiler.matcher(self._builtin))

    def _check_rules(
        self,
        policy: GuildPolicy,
        terms: CompiledTerms,
        asker: Asker,
        model_id: str,
        prompt: str,
        request_id: int | None = None,
    ) -> Refusal | None:
        return self.standing_refusal(policy, terms, asker, model_id, prompt) or (
            self._cooling_down(policy, asker, request_id)
        )

    def standing_refusal(
        self, policy: GuildPolicy, terms: CompiledTerms, asker: Asker, model_id: str, prompt: str
    ) -> Refusal | None:
        """The first rule of `policy` the request breaks, the cooldown aside: what a request
        already waiting in line is judged by again when the rules change."""
        pause = policy.paused.get(asker.member_id)
        if pause is not None:
            return Paused(pause.reason, by_strikes=pause.by is None)
        places = {asker.channel_id, asker.parent_id}
        if policy.channel_ids and not places & policy.channel_ids:
            return ChannelNotAllowed(tuple(sorted(policy.channel_ids)))
        if policy.role_ids and not asker.role_ids & policy.role_ids:
            return RoleNotAllowed(tuple(sorted(policy.role_ids)))
        if policy.nsfw_only and not asker.age_restricted:
            return NsfwOnly()
        if not policy.model_enabled(model_id):
            return ModelDisabled(model_id)
        if found := terms.guild.find(prompt):
            return BlockedTerm(found.quoted, builtin=False)
        builtin = policy.builtin_terms and not asker.age_restricted
        if builtin and (found := terms.builtin.find(prompt)):
            return BlockedTerm(found.quoted, builtin=True)
        return None

    def _cooling_down(
        self, policy: GuildPolicy, asker: Asker, request_id: int | None
    ) -> CoolingDown | None:
        if policy.cooldown_seconds and not asker.manages_guild:
            last = self._last_accepted.get((asker.guild_id, asker.member_id))
            if last is not None and (request_id is None or last.request_id != request_id):
                until = last.at + timedelta(seconds=policy.cooldown_seconds)
                if until > self._clock():
                    return CoolingDown(until)
        return None

    async def _pre_moderate(self, asker: Asker, prompt: str) -> Refusal | None:
        assert self._moderation is not None
        try:
            verdict = await self._moderation.classify(prompt)
        except ModerationUnavailable as error:
            log.warning("pre-moderation unavailable (%s); failing %s", error, self._open_or_closed)
            return None if self._fail_open else ModerationDown()
        if not verdict.flagged:
            return None
        reason = "pre-moderation: " + (", ".join(verdict.categories) or "flagged")
        strike = await self.add_strike(asker.guild_id, asker.member_id, reason)
        return Flagged(verdict.categories, strike)

    @property
    def _open_or_closed(self) -> str:
        return "open" if self._fail_open else "closed"

    def accepted(self, guild_id: int, member_id: int, request_id: int | None = None) -> None:
        """A request passed every rule: its member's cooldown starts now."""
        now = self._clock()
        self._last_accepted[(guild_id, member_id)] = _Accepted(now, request_id)
        if len(self._last_accepted) > self._prune_at:
            # No cooldown lasts longer than the maximum: older entries can no longer refuse.
            cutoff = now - timedelta(seconds=MAX_COOLDOWN_SECONDS)
            kept = {key: last for key, last in self._last_accepted.items() if last.at > cutoff}
            self._last_accepted = kept
            self._prune_at = max(PRUNE_COOLDOWNS_AT, 2 * len(kept))

    def not_accepted(self, guild_id: int, member_id: int, request_id: int | None = None) -> None:
        """The request was refused after all (the quota, the queue): it starts no cooldown.

        Only the cooldown this request started is withdrawn (`request_id` None: whichever).
        Any earlier request of the member's is past the cooldown (or the check had refused).
        """
        key = (guild_id, member_id)
        last = self._last_accepted.get(key)
        if last is not None and (request_id is None or last.request_id == request_id):
            del self._last_accepted[key]

    async def member_credits(self, guild_id: int, role_ids: Iterable[int]) -> int | None:
        """The member's per-period budget when a role gives one (see GuildPolicy)."""
        return (await self.policy(guild_id)).member_credits(role_ids)

    # -- strikes -----------------------------------------------------------------------------

    async def add_strike(self, guild_id: int, member_id: int, reason: str) -> StrikeOutcome | None:
        """Count a refused prompt; at the guild's strike limit the member is paused.

        None when the database stayed locked: the strike is logged, not counted, and the
        member's answer does not wait for it.
        """
        try:
            return await self._add_strike(guild_id, member_id, reason)
        except StoreUnavailable as error:
            log.warning(
                "strike of member %s in guild %s not counted: %s", member_id, guild_id, error
            )
            return None

    async def _add_strike(self, guild_id: int, member_id: int, reason: str) -> StrikeOutcome:
        policy = await self.policy(guild_id)
        period = (await self._quota.policy(guild_id)).period
        now = self._clock()
        window = Window.containing(period, now)
        limit = policy.strike_limit

        def work() -> Script[tuple[int, bool]]:
            # Concurrent strikes of one member must see each other, or none reaches the limit.
            yield from lock("strikes", guild_id, member_id)
            yield from count(
                "INSERT INTO strikes (guild_id, member_id, reason, created_at) VALUES (?, ?, ?, ?)",
                (guild_id, member_id, reason[:MAX_REASON_LENGTH], timestamp(now)),
            )
            row = yield from one(
                "SELECT COUNT(*) FROM strikes"
                " WHERE guild_id = ? AND member_id = ? AND created_at >= ?",
                (guild_id, member_id, timestamp(window.start)),
            )
            strikes = 0 if row is None else int(row[0])
            paused = False
            if limit and strikes >= limit and member_id not in policy.paused:
                paused = yield from _pause(guild_id, member_id, None, None, now)
            return strikes, paused

        strikes, paused = await self._store.run(work)
        if paused:
            self._cache.pop(guild_id, None)
        return StrikeOutcome(strikes, limit, paused)

    # -- reading -----------------------------------------------------------------------------

    async def policy(self, guild_id: int) -> GuildPolicy:
        """The guild's policy (cached until an admin changes it)."""
        cached = self._cache.get(guild_id)
        if cached is None:
            cached = self._cache[guild_id] = await self._load(guild_id)
        return cached

    async def _load(self, guild_id: int) -> GuildPolicy:
        def work() -> Script[tuple[Row | None, list[Row], list[Row], list[Row]]]:
            settings = yield from one(
                "SELECT * FROM moderation_settings WHERE guild_id = ?", (guild_id,)
            )
            entries = yield from every(
                "SELECT kind, value FROM moderation_entries WHERE guild_id = ? ORDER BY value",
                (guild_id,),
            )
            budgets = yield from every(
                "SELECT role_id, credits FROM role_budgets WHERE guild_id = ?", (guild_id,)
            )
            paused = yield from every(
                "SELECT member_id, reason, paused_by, paused_at FROM paused_members"
                " WHERE guild_id = ?",
                (guild_id,),
            )
            return settings, entries, budgets, paused

        row, entries, budgets, paused = await self._store.read(work)
        defaults = self._defaults

        def pick(column: str, default: int) -> int:
            """The guild's own value, or the default where it has none (NULL)."""
            value = None if row is None else row[column]
            return default if value is None else int(value)

        lists: dict[str, list[str]] = {column: [] for column in _ENTRY_COLUMNS.values()}
        for entry in entries:
            lists[_ENTRY_COLUMNS[entry["kind"]]].append(entry["value"])
        return GuildPolicy(
            audit_channel_id=pick("audit_channel_id", 0) or None,
            nsfw_only=bool(pick("nsfw_only", False)),
            cooldown_seconds=pick("cooldown_seconds", defaults.cooldown_seconds),
            builtin_terms=bool(pick("builtin_terms", True)),
            strike_limit=pick("strike_limit", defaults.strike_limit),
            blocked_terms=tuple(lists["blocked_terms"]),
            channel_ids=frozenset(int(v) for v in lists["channel_ids"]),
            role_ids=frozenset(int(v) for v in lists["role_ids"]),
            disabled_models=frozenset(lists["disabled_models"]),
            role_budgets=MappingProxyType({int(b["role_id"]): int(b["credits"]) for b in budgets}),
            paused=MappingProxyType(
                {
                    int(p["member_id"]): Pause(
                        p["reason"], p["paused_by"], parse_time(p["paused_at"])
                    )
                    for p in paused
                }
            ),
        )

    # -- admin -------------------------------------------------------------------------------

    async def update(
        self,
        guild_id: int,
        *,
        actor_id: int,
        audit_channel_id: int | None = None,
        nsfw_only: bool | None = None,
        cooldown_seconds: int | None = None,
        builtin_terms: bool | None = None,
        strike_limit: int | None = None,
    ) -> GuildPolicy:
        """Change the given settings; the ones left out (None) stay as they are."""
        changes = {
            "audit_channel_id": audit_channel_id,
            "nsfw_only": nsfw_only,
            "cooldown_seconds": _check_range(
                "cooldown_seconds", cooldown_seconds, 0, MAX_COOLDOWN_SECONDS
            ),
            "builtin_terms": builtin_terms,
            "strike_limit": _check_range("strike_limit", strike_limit, 0, MAX_STRIKE_LIMIT),
        }
        if all(value is None for value in changes.values()):
            raise InvalidSetting(None)
        await self._store.execute(
            """INSERT INTO moderation_settings (guild_id, audit_channel_id, nsfw_only,
                       cooldown_seconds, builtin_terms, strike_limit, updated_at, updated_by)
                   VALUES (:guild_id, :audit_channel_id, :nsfw_only, :cooldown_seconds,
                       :builtin_terms, :strike_limit, :now, :actor)
                   ON CONFLICT (guild_id) DO UPDATE SET
                       audit_channel_id = COALESCE(excluded.audit_channel_id,
                           moderation_settings.audit_channel_id),
                       nsfw_only = COALESCE(excluded.nsfw_only, moderation_settings.nsfw_only),
                       cooldown_seconds = COALESCE(excluded.cooldown_seconds,
                           moderation_settings.cooldown_seconds),
                       builtin_terms = COALESCE(excluded.builtin_terms,
                           moderation_settings.builtin_terms),
                       strike_limit = COALESCE(excluded.strike_limit,
                           moderation_settings.strike_limit),
                       updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
            {"guild_id": guild_id, "now": timestamp(self._clock()), "actor": actor_id} | changes,
        )
        return await self._changed(guild_id)

    async def add_entry(self, guild_id: int, kind: EntryKind, value: str | int) -> bool:
        """Add a term, channel, role or disabled model; False if it was already there.

        Raises InvalidTerm ("too_many") for a term past MAX_BLOCKED_TERMS, storing nothing.
        """
        value = without_lone_surrogates(str(value))
        stored = clean_term(value) if kind == "term" else value

        def work() -> Script[int | None]:
            """Rows added; None: the guild has as many terms as it may."""
            insert = (
                "INSERT INTO moderation_entries (guild_id, kind, value) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING"
            )
            if kind != "term":
                return (yield from count(insert, (guild_id, kind, stored)))
            yield from lock("blocked terms", guild_id)  # two adds cannot both take the last place
            row = yield from one(
                "SELECT COUNT(*), SUM(CASE WHEN value = ? THEN 1 ELSE 0 END)"
                " FROM moderation_entries WHERE guild_id = ? AND kind = 'term'",
                (stored, guild_id),
            )
            terms, present = (0, 0) if row is None else (int(row[0]), int(row[1] or 0))
            if present:
                return 0
            if terms >= MAX_BLOCKED_TERMS:
                return None
            return (yield from count(insert, (guild_id, kind, stored)))

        changed = await self._store.run(work)
        if changed is None:
            raise InvalidTerm("too_many")
        await self._changed(guild_id, terms=kind == "term")
        return bool(changed)

    async def remove_entry(self, guild_id: int, kind: EntryKind, value: str | int) -> bool:
        """Remove a term, channel, role or disabled model; False if it was not there.

        A term is also removed as written: one stored while `_` was a letter (`blood_bath`) is
        cleaned differently now, and `blocked list` shows it as stored.
        """
        value = without_lone_surrogates(str(value))
        stored = clean_term(value) if kind == "term" else value
        changed = await self._store.execute(
            "DELETE FROM moderation_entries WHERE guild_id = ? AND kind = ? AND value IN (?, ?)",
            (guild_id, kind, stored, value.strip()),
        )
        await self._changed(guild_id, terms=kind == "term")
        return bool(changed)

    async def set_role_budget(self, guild_id: int, role_id: int, credits: int | None) -> bool:
        """Give a role its own member budget, or (None) remove it; False if nothing changed."""
        if credits is None:
            changed = await self._store.execute(
                "DELETE FROM role_budgets WHERE guild_id = ? AND role_id = ?", (guild_id, role_id)
            )
        else:
            _check_range("role_credits", credits, 1, MAX_CREDITS)
            changed = await self._store.execute(
                "INSERT INTO role_budgets (guild_id, role_id, credits) VALUES (?, ?, ?)"
                " ON CONFLICT (guild_id, role_id) DO UPDATE SET credits = excluded.credits",
                (guild_id, role_id, credits),
            )
        await self._changed(guild_id)
        return bool(changed)

    async def pause(self, guild_id: int, member_id: int, reason: str | None, actor_id: int) -> bool:
        """Stop a member using /imagine; False if they were paused already."""
        now = self._clock()
        reason = reason and without_lone_surrogates(reason)
        changed = await self._store.run(lambda: _pause(guild_id, member_id, reason, actor_id, now))
        await self._changed(guild_id)
        return changed

    async def unpause(self, guild_id: int, member_id: int) -> bool:
        """Let a member use /imagine again, with their strikes forgiven; False if not paused."""

        def work() -> Script[bool]:
            unpaused = yield from count(
                "DELETE FROM paused_members WHERE guild_id = ? AND member_id = ?",
                (guild_id, member_id),
            )
            yield from count(
                "DELETE FROM strikes WHERE guild_id = ? AND member_id = ?", (guild_id, member_id)
            )
            return bool(unpaused)

        changed = await self._store.run(work)
        await self._changed(guild_id)
        return changed

    async def purge_guild(self, guild_id: int) -> None:
        """Forget everything about a guild the bot left."""

        def work() -> Script[None]:
            for table in (
                "moderation_settings",
                "moderation_entries",
                "role_budgets",
                "paused_members",
                "strikes",
            ):
                yield from count(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))

        await self._store.run(work)
        self._cache.pop(guild_id, None)
        for key in [k for k in self._last_accepted if k[0] == guild_id]:
            del self._last_accepted[key]

    async def _changed(self, guild_id: int, *, terms: bool = False) -> GuildPolicy:
        """Drop the guild's cached policy; `terms`: its blocked terms changed, so they are
        compiled now, and the next member's check need not wait for them."""
        self._cache.pop(guild_id, None)
        policy = await self.policy(guild_id)
        if terms:
            await self.terms(policy)
        return policy


def _pause(
    guild_id: int, member_id: int, reason: str | None, actor_id: int | None, now: datetime
) -> Script[bool]:
    paused = yield from count(
        "INSERT INTO paused_members (guild_id, member_id, reason, paused_by, paused_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (guild_id, member_id, reason and reason[:MAX_REASON_LENGTH], actor_id, timestamp(now)),
    )
    return bool(paused)


def _check_range(field: SettingField, value: int | None, least: int, most: int) -> int | None:
    if value is not None and (isinstance(value, bool) or not least <= value <= most):
        raise InvalidSetting(field)
    return value
