"""A fair line in front of the image gateway, with caps per process, guild and member.

Generations take 10 to 60 s, so a burst must wait instead of failing, and nobody may starve:
the next free slot goes round-robin across guilds with work ready to start, within a guild
round-robin across members, and in arrival order within one member. Every operation costs O(1)
(the caps are checked with counters, the rotations are ordered dicts); only a place in line costs
O(members waiting in that guild), and it is computed when someone asks for it.

    async with queue.join(guild_id, member_id, key=interaction_id) as ticket:  # QueueFull
        ...                    # reserve credits; the ticket waits meanwhile
        await ticket.turn()    # LeftQueue: cancelled, timed out or cleared at shutdown
        ...                    # call the gateway; the slot is released when the block ends

The slot is released however the block ends, and a ticket still waiting then leaves the line.
The queue knows nothing of credits: whoever awaits `turn()` refunds on `LeftQueue`.
"""

from __future__ import annotations

import asyncio
import enum
from collections import OrderedDict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Literal

DEFAULT_RUN_SECONDS = 20.0  # a first guess at a generation, until real ones are measured
RUN_AVERAGE_WEIGHT = 0.2  # weight of the newest run in the moving average


@dataclass(frozen=True)
class QueueSettings:
    """The process-wide caps; a guild may lower its own, never raise them."""

    global_concurrency: int = 32
    guild_concurrency: int = 4
    member_concurrency: int = 1
    queue_limit: int = 25
    timeout: float = 600.0
    member_queue_limit: int = 3


@dataclass(frozen=True)
class GuildOverrides:
    """What one guild chose for itself; None keeps the process-wide value."""

    guild_concurrency: int | None = None
    member_concurrency: int | None = None
    queue_limit: int | None = None

    def __post_init__(self) -> None:
        # A cap of 0 would leave work waiting for a slot that never frees.
        for cap in (self.guild_concurrency, self.member_concurrency):
            if cap is not None and cap < 1:
                raise ValueError("a concurrency cap must be at least 1")
        if self.queue_limit is not None and self.queue_limit < 0:
            raise ValueError("a queue limit cannot be negative")


@dataclass(frozen=True)
class GuildLimits:
    """The limits in force in one guild: its overrides, capped by the process-wide settings.

    `member_queue_limit` is one member's share of the line: never all of it while it has room
    for two, so one member can never fill it alone and leave no place for another's first.
    """

    guild_concurrency: int
    member_concurrency: int
    queue_limit: int
    member_queue_limit: int


class LeaveReason(enum.Enum):
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"
    SHUTDOWN = "shutdown"
    WITHDRAWN = "withdrawn"  # the holder left the `async with` block before its turn
    RULES = "rules"  # a rule changed while it waited (a pause, a disabled model, a channel)


class TicketState(enum.Enum):
    WAITING = "waiting"
    RUNNING = "running"
    LEFT = "left"  # left the line without running
    FINISHED = "finished"  # ran, and gave its slot back


class QueueFull(Exception):
    """The guild's line is full (`scope` "guild"), or the member already has their share of it
    waiting (`scope` "member"); nothing was queued."""

    def __init__(self, guild_id: int, limit: int, scope: Literal["guild", "member"]) -> None:
        super().__init__(guild_id, limit, scope)
        self.guild_id = guild_id
        self.limit = limit
        self.scope = scope


class QueueClosed(Exception):
    """The bot is shutting down: the queue takes no one new."""


class LeftQueue(Exception):
    """The ticket left the line without running, so whatever was reserved for it is owed back."""

    def __init__(self, reason: LeaveReason) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class Position:
    """Where a waiting ticket stands: 1 is next, and roughly how long until it starts."""

    place: int
    estimate_seconds: float


@dataclass(frozen=True)
class MemberQueue:
    member_id: int
    running: int
    waiting: int


@dataclass(frozen=True)
class GuildQueue:
    """The live line of one guild, for the admins."""

    guild_id: int
    limits: GuildLimits
    running: int
    waiting: int
    members: tuple[MemberQueue, ...]


@dataclass(frozen=True)
class QueueTotals:
    running: int
    waiting: int
    guilds: int
    average_run_seconds: float


class _Turns:
    """Whose turn is next among those ready to start: the ones not yet served since they became
    busy first, in arrival order, then the others in the order they were last served.

    So someone who was just served, even alone, goes behind a newcomer's first request.
    """

    __slots__ = ("fresh", "served")

    def __init__(self) -> None:
        self.fresh: OrderedDict[int, None] = OrderedDict()
        self.served: OrderedDict[int, None] = OrderedDict()

    def __bool__(self) -> bool:
        return bool(self.fresh) or bool(self.served)

    def __contains__(self, key: int) -> bool:
        return key in self.fresh or key in self.served

    def __iter__(self) -> Iterator[int]:
        yield from self.fresh
        yield from self.served

    def __len__(self) -> int:
        return len(self.fresh) + len(self.served)

    def add(self, key: int, served: bool) -> None:
        """Join at the back of the turn, unless already in it."""
        if key not in self:
            (self.served if served else self.fresh)[key] = None

    def discard(self, key: int) -> None:
        self.fresh.pop(key, None)
        self.served.pop(key, None)

    def pop(self) -> int:
        """The next in turn, taken out (it goes to the back of `served` if still ready)."""
        return (self.fresh or self.served).popitem(last=False)[0]


class _Member:
    __slots__ = ("member_id", "running", "served", "waiting")

    def __init__(self, member_id: int) -> None:
        self.member_id = member_id
        self.running = 0
        self.served = False
        self.waiting: deque[Ticket] = deque()


class _Guild:
    """One guild's line: its members, and those of them who may start now, in turn order."""

    __slots__ = (
        "guild_id",
        "limits",
        "members",
        "moved",
        "ready",
        "running",
        "served",
        "waiting",
    )

    def __init__(self, guild_id: int, limits: GuildLimits) -> None:
        self.guild_id = guild_id
        self.limits = limits
        self.running = 0
        self.waiting = 0
        self.served = False
        self.members: dict[int, _Member] = {}
        # Members with a ticket waiting and a free member slot, next first.
        self.ready = _Turns()
        # Resolved whenever this line moves; created only when someone watches.
        self.moved: asyncio.Future[None] | None = None

    def member_can_start(self, member: _Member) -> bool:
        return member.running < self.limits.member_concurrency

    def update_ready(self, member: _Member) -> None:
        if member.waiting and self.member_can_start(member):
            self.ready.add(member.member_id, member.served)
        else:
            self.ready.discard(member.member_id)

    def can_start(self) -> bool:
        return bool(self.ready) and self.running < self.limits.guild_concurrency

    def notify(self) -> None:
        if self.moved is not None:
            if not self.moved.done():
                self.moved.set_result(None)
            self.moved = None


class Ticket:
    """One request's place in the line, then its slot. Use it as an async context manager."""

    __slots__ = (
        "_granted",
        "_guild",
        "_joined",
        "_member",
        "_queue",
        "_started",
        "_timer",
        "guild_id",
        "key",
        "left_because",
        "member_id",
        "state",
        "waited",
    )

    def __init__(self, queue: FairQueue, guild: _Guild, member: _Member, key: int | None) -> None:
        self._queue = queue
        self._guild = guild
        self._member = member
        self.guild_id = guild.guild_id
        self.member_id = member.member_id
        self.key = key
        self.state = TicketState.WAITING
        self.left_because: LeaveReason | None = None
        loop = asyncio.get_running_loop()
        self._granted: asyncio.Future[None] = loop.create_future()
        self._timer: asyncio.TimerHandle | None = None
        self._joined = loop.time()
        self._started = 0.0
        self.waited = 0.0  # seconds from joining the line to getting a slot, once it has one

    async def __aenter__(self) -> Ticket:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release(succeeded=exc_type is None)

    async def turn(self) -> None:
        """Wait until this ticket holds a slot. Raises `LeftQueue` if it left the line instead.

        Cancelling the waiting task does not disturb the ticket: leaving the `async with` block
        takes it out of the line.
        """
        if self.state is TicketState.WAITING:
            await asyncio.shield(self._granted)
        if self.left_because is not None:
            raise LeftQueue(self.left_because)

    def cancel(self, reason: LeaveReason = LeaveReason.CANCELLED) -> bool:
        """Take a waiting ticket out of the line; False if it is already running or gone."""
        return self._queue._leave(self, reason)

    def release(self, *, succeeded: bool = False) -> None:
        """Give the slot back, or leave the line if still waiting; harmless when repeated."""
        if self.state is TicketState.WAITING:
            self._queue._leave(self, LeaveReason.WITHDRAWN)
        elif self.state is TicketState.RUNNING:
            self._queue._release(self, succeeded)

    def position(self) -> Position | None:
        """Where this ticket stands now, or None once it is running or gone."""
        if self.state is not TicketState.WAITING:
            return None
        return self._queue._position(self)

    async def moved(self) -> None:
        """Return when this ticket's line moves (someone started, left or joined ahead)."""
        if self.state is not TicketState.WAITING:
            return
        guild = self._guild
        if guild.moved is None:
            guild.moved = asyncio.get_running_loop().create_future()
        await asyncio.shield(guild.moved)


class FairQueue:
    """The line for the whole process. Not thread-safe: use it from the event loop."""

    def __init__(self, settings: QueueSettings) -> None:
        self.settings = settings
        self._overrides: dict[int, GuildOverrides] = {}
        self._guilds: dict[int, _Guild] = {}
        self._ready = _Turns()  # guilds that may start one now
        self._by_key: dict[int, Ticket] = {}
        self._running = 0
        self._waiting = 0
        self._closed = False
        self._average_run = DEFAULT_RUN_SECONDS

    # Limits ---------------------------------------------------------------------------------

    def limits(self, guild_id: int) -> GuildLimits:
        """The limits in force in a guild: its own choices, never above the process-wide caps."""
        own = self._overrides.get(guild_id, GuildOverrides())
        s = self.settings
        queue_limit = _capped(own.queue_limit, s.queue_limit)
        return GuildLimits(
            guild_concurrency=_capped(own.guild_concurrency, s.guild_concurrency),
            member_concurrency=_capped(own.member_concurrency, s.member_concurrency),
            queue_limit=queue_limit,
            member_queue_limit=min(s.member_queue_limit, max(1, queue_limit - 1)),
        )

    def set_overrides(self, guild_id: int, overrides: GuildOverrides) -> GuildLimits:
        """Apply a guild's own limits at once: raised caps start waiting work, lowered caps
        let running work finish and start no more until it is under them."""
        if overrides == GuildOverrides():
            self._overrides.pop(guild_id, None)
        else:
            self._overrides[guild_id] = overrides
        limits = self.limits(guild_id)
        guild = self._guilds.get(guild_id)
        if guild is not None:
            guild.limits = limits
            for member in guild.members.values():
                guild.update_ready(member)
            self._update_ready(guild)
            guild.notify()
            self._dispatch()
        return limits

    # Joining and leaving --------------------------------------------------------------------

    def join(self, guild_id: int, member_id: int, *, key: int | None = None) -> Ticket:
        """Get in line (or start at once if a slot is free). Raises `QueueFull`, `QueueClosed`.

        A member may fill only their share of the line (`GuildLimits.member_queue_limit`).
        `key` (the interaction id) lets `find` reach the ticket, for a Cancel button.
        """
        if self._closed:
            raise QueueClosed
        if key is not None and key in self._by_key:
            raise ValueError(f"key {key} is already in the queue")
        guild = self._guilds.get(guild_id)
        if guild is None:
            guild = self._guilds[guild_id] = _Guild(guild_id, self.limits(guild_id))
        member = guild.members.get(member_id)
        starts_now = (
            self._running < self.settings.global_concurrency
            and guild.running < guild.limits.guild_concurrency
            and (member is None or guild.member_can_start(member))
        )
        if not starts_now:
            full = _full(guild, member)
            if full is not None:
                if not guild.members:
                    del self._guilds[guild_id]
                raise full
        if member is None:
            member = guild.members[member_id] = _Member(member_id)
        ticket = Ticket(self, guild, member, key)
        if key is not None:
            self._by_key[key] = ticket
        member.waiting.append(ticket)
        guild.waiting += 1
        self._waiting += 1
        guild.update_ready(member)
        self._update_ready(guild)
        self._dispatch()
        if ticket.state is TicketState.WAITING:
            ticket._timer = asyncio.get_running_loop().call_later(
                self.settings.timeout, self._leave, ticket, LeaveReason.TIMED_OUT
            )
            guild.notify()  # someone may now stand behind the newcomer
        return ticket

    def find(self, key: int) -> Ticket | None:
        """The ticket joined with this key, while it is waiting or running."""
        return self._by_key.get(key)

    def waiting(self, guild_id: int) -> list[Ticket]:
        """The tickets waiting in one guild's line, member by member."""
        guild = self._guilds.get(guild_id)
        if guild is None:
            return []
        return [ticket for member in guild.members.values() for ticket in member.waiting]

    def close(self) -> int:
        """Take no one new and clear the line, telling each waiter why; running work goes on.

        Returns how many tickets were cleared.
        """
        self._closed = True
        waiting = [t for g in self._guilds.values() for m in g.members.values() for t in m.waiting]
        for ticket in waiting:
            self._leave(ticket, LeaveReason.SHUTDOWN)
        return len(waiting)

    # Observing ------------------------------------------------------------------------------

    def snapshot(self, guild_id: int) -> GuildQueue:
        """Running and waiting per member in one guild, members in arrival order."""
        guild = self._guilds.get(guild_id)
        if guild is None:
            return GuildQueue(guild_id, self.limits(guild_id), 0, 0, ())
        members = tuple(
            MemberQueue(m.member_id, m.running, len(m.waiting)) for m in guild.members.values()
        )
        return GuildQueue(guild_id, guild.limits, guild.running, guild.waiting, members)

    def totals(self) -> QueueTotals:
        return QueueTotals(self._running, self._waiting, len(self._guilds), self._average_run)

    # Internals ------------------------------------------------------------------------------

    def _update_ready(self, guild: _Guild) -> None:
        if guild.can_start():
            self._ready.add(guild.guild_id, guild.served)
        else:
            self._ready.discard(guild.guild_id)

    def _dispatch(self) -> None:
        """Hand free slots out: one per guild in turn, one per member in turn within a guild."""
        while self._ready and self._running < self.settings.global_concurrency:
            guild = self._guilds[self._ready.pop()]
            member = guild.members[guild.ready.pop()]
            ticket = member.waiting.popleft()
            guild.waiting -= 1
            self._waiting -= 1
            guild.running += 1
            member.running += 1
            self._running += 1
            guild.served = member.served = True
            guild.update_ready(member)  # to the back of the guild's turn, if still ready
            self._update_ready(guild)  # to the back of the process's turn, if still ready
            ticket.state = TicketState.RUNNING
            ticket._started = asyncio.get_running_loop().time()
            ticket.waited = ticket._started - ticket._joined
            if ticket._timer is not None:
                ticket._timer.cancel()
            ticket._granted.set_result(None)
            guild.notify()

    def _leave(self, ticket: Ticket, reason: LeaveReason) -> bool:
        if ticket.state is not TicketState.WAITING:
            return False
        guild, member = ticket._guild, ticket._member
        member.waiting.remove(ticket)  # O(this member's waiting tickets), at most the queue limit
        guild.waiting -= 1
        self._waiting -= 1
        if not member.waiting:
            guild.ready.discard(member.member_id)
            self._update_ready(guild)
        ticket.state = TicketState.LEFT
        ticket.left_because = reason
        if ticket._timer is not None:
            ticket._timer.cancel()
        ticket._granted.set_result(None)
        self._forget(ticket)
        guild.notify()
        return True

    def _release(self, ticket: Ticket, succeeded: bool) -> None:
        guild, member = ticket._guild, ticket._member
        guild.running -= 1
        member.running -= 1
        self._running -= 1
        ticket.state = TicketState.FINISHED
        if succeeded:
            ran = asyncio.get_running_loop().time() - ticket._started
            self._average_run += RUN_AVERAGE_WEIGHT * (ran - self._average_run)
        guild.update_ready(member)
        self._update_ready(guild)
        self._forget(ticket)
        self._dispatch()

    def _forget(self, ticket: Ticket) -> None:
        """Drop what a finished ticket left behind, so idle guilds cost no memory."""
        if ticket.key is not None:
            self._by_key.pop(ticket.key, None)
        guild, member = ticket._guild, ticket._member
        if not member.running and not member.waiting:
            del guild.members[member.member_id]
            if not guild.members:
                del self._guilds[guild.guild_id]

    def _position(self, ticket: Ticket) -> Position:
        """Predict the order the line will start in: members take turns, each from the front.

        Members with a free slot go first in their turn order, then those at their cap in
        arrival order (they rejoin the turn at the back when a slot of theirs frees).
        """
        guild, member = ticket._guild, ticket._member
        own = member.waiting.index(ticket)  # tickets of this member ahead of this one
        ahead = own
        before = True  # whether a member's turn comes before this ticket's member's
        parked = (m for m in guild.members if m not in guild.ready)
        for member_id in (*guild.ready, *parked):
            if member_id == member.member_id:
                before = False
                continue
            count = len(guild.members[member_id].waiting)
            ahead += min(count, own + 1 if before else own)
        place = ahead + 1
        limits = guild.limits
        guild_slots = min(limits.guild_concurrency, self.settings.global_concurrency)
        # When the process is full, every guild with work waiting takes a turn per round.
        busy_guilds = max(1, len(self._ready))
        rounds = max(
            place / max(1, guild_slots),
            (own + 1) / max(1, limits.member_concurrency),
            min(self._waiting, place * busy_guilds) / max(1, self.settings.global_concurrency),
        )
        return Position(place, rounds * self._average_run)


def _full(guild: _Guild, member: _Member | None) -> QueueFull | None:
    """Why a request that cannot start now may not wait either, or None if it may."""
    limits = guild.limits
    if guild.waiting >= limits.queue_limit:
        return QueueFull(guild.guild_id, limits.queue_limit, "guild")
    if member is not None and len(member.waiting) >= limits.member_queue_limit:
        return QueueFull(guild.guild_id, limits.member_queue_limit, "member")
    return None


def _capped(own: int | None, cap: int) -> int:
    return cap if own is None else min(own, cap)
