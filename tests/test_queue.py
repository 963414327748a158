"""The fair queue on its own: caps, turn order, places, leaving, and slots always given back."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import pytest

from bot.queue import (
    FairQueue,
    GuildLimits,
    GuildOverrides,
    LeaveReason,
    LeftQueue,
    Position,
    QueueClosed,
    QueueFull,
    QueueSettings,
    Ticket,
    TicketState,
)

GUILD, OTHER_GUILD = 1, 2
ALICE, BOB, CAROL = 11, 12, 13


async def settle() -> None:
    """Let every task that can run, run (the queue hands slots out synchronously)."""
    for _ in range(10):
        await asyncio.sleep(0)


@dataclass
class Request:
    """A request that holds its slot until `finish()` is called, recording what it saw."""

    name: str
    ticket: Ticket
    started: asyncio.Event = field(default_factory=asyncio.Event)
    done: asyncio.Event = field(default_factory=asyncio.Event)
    left: LeaveReason | None = None
    task: asyncio.Task[None] | None = None

    def finish(self) -> None:
        self.done.set()


class Line:
    """Drives a queue with named requests and records the order slots were granted in."""

    def __init__(self, queue: FairQueue) -> None:
        self.queue = queue
        self.order: list[str] = []
        self.requests: dict[str, Request] = {}

    def join(self, name: str, guild: int, member: int, *, key: int | None = None) -> Request:
        ticket = self.queue.join(guild, member, key=key)
        request = Request(name, ticket)
        request.task = asyncio.create_task(self._hold(request))
        self.requests[name] = request
        return request

    async def _hold(self, request: Request) -> None:
        async with request.ticket:
            try:
                await request.ticket.turn()
            except LeftQueue as left:
                request.left = left.reason
                return
            self.order.append(request.name)
            request.started.set()
            await request.done.wait()

    async def finish(self, *names: str) -> None:
        for name in names:
            self.requests[name].finish()
        await settle()

    def places(self, *names: str) -> list[int | None]:
        return [_place(self.requests[name].ticket.position()) for name in names]


def _place(position: Position | None) -> int | None:
    return None if position is None else position.place


def make_queue(**settings: float) -> FairQueue:
    return FairQueue(QueueSettings(**settings))  # type: ignore[arg-type]


async def test_one_member_runs_one_at_a_time_with_places_1_2_3() -> None:
    line = Line(make_queue())
    for name in ("a1", "a2", "a3", "a4"):
        line.join(name, GUILD, ALICE)
    await settle()
    assert line.order == ["a1"]
    assert line.places("a1", "a2", "a3", "a4") == [None, 1, 2, 3]

    await line.finish("a1")
    assert line.order == ["a1", "a2"]
    assert line.places("a3", "a4") == [1, 2]
    await line.finish("a2", "a3")
    assert line.order == ["a1", "a2", "a3", "a4"]
    assert line.queue.totals().running == 1


async def test_a_ticket_knows_how_long_it_waited_for_its_slot() -> None:
    line = Line(make_queue())
    first, second = line.join("a1", GUILD, ALICE), line.join("a2", GUILD, ALICE)
    await asyncio.sleep(0.05)
    await line.finish("a1")
    assert first.ticket.waited < 0.01  # a free slot: it started as it joined
    assert 0.04 < second.ticket.waited < 1  # it waited out the 0.05 s sleep


async def test_a_second_members_first_request_runs_before_the_first_members_third() -> None:
    line = Line(make_queue(guild_concurrency=1))
    for name in ("a1", "a2", "a3", "a4"):
        line.join(name, GUILD, ALICE)
    line.join("b1", GUILD, BOB)
    await settle()
    assert line.places("a2", "a3", "b1") == [2, 3, 1]
    await line.finish("a1")
    await line.finish("b1")
    await line.finish("a2", "a3")
    assert line.order == ["a1", "b1", "a2", "a3", "a4"]


async def test_members_take_turns_within_a_guild_and_places_predict_the_order() -> None:
    line = Line(make_queue(guild_concurrency=1, member_concurrency=4))
    for name in ("a1", "a2", "a3", "a4"):
        line.join(name, GUILD, ALICE)
    for name in ("b1", "b2"):
        line.join(name, GUILD, BOB)
    await settle()
    waiting = ["a2", "a3", "a4", "b1", "b2"]
    predicted = sorted(waiting, key=lambda n: line.places(n)[0] or 0)
    assert sorted(p or 0 for p in line.places(*waiting)) == [1, 2, 3, 4, 5]
    for name in ("a1", "b1", "a2", "b2", "a3"):
        await line.finish(name)
    # Alice was just served, even if alone: Bob's first request goes before her second.
    assert line.order == ["a1", "b1", "a2", "b2", "a3", "a4"]
    assert line.order[1:] == predicted


async def test_two_guilds_alternate_and_a_late_guild_is_not_starved() -> None:
    line = Line(make_queue(global_concurrency=1, member_concurrency=10))
    for i in range(1, 5):
        line.join(f"x{i}", GUILD, ALICE)
    for i in range(1, 3):
        line.join(f"y{i}", OTHER_GUILD, BOB)
    await settle()
    for name in ("x1", "y1", "x2", "y2", "x3"):
        await line.finish(name)
    assert line.order == ["x1", "y1", "x2", "y2", "x3", "x4"]


async def test_a_member_at_their_cap_does_not_hold_up_the_guild() -> None:
    line = Line(make_queue(guild_concurrency=2))
    for name in ("a1", "a2", "a3"):
        line.join(name, GUILD, ALICE)
    line.join("b1", GUILD, BOB)
    await settle()
    assert line.order == ["a1", "b1"]  # a2 waits for Alice's own slot, not Bob's
    await line.finish("b1")
    assert line.order == ["a1", "b1"]
    assert line.queue.totals().running == 1


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_global_guild_and_member_caps_are_never_exceeded(seed: int) -> None:
    rng = random.Random(seed)
    caps = QueueSettings(
        global_concurrency=5,
        guild_concurrency=3,
        member_concurrency=2,
        queue_limit=1000,
        member_queue_limit=1000,
    )
    queue = FairQueue(caps)
    queue.set_overrides(3, GuildOverrides(guild_concurrency=1))
    in_flight: Counter[object] = Counter()
    peak: Counter[object] = Counter()

    async def request(guild: int, member: int) -> None:
        async with queue.join(guild, member) as ticket:
            await ticket.turn()
            keys = ("all", ("g", guild), ("m", guild, member))
            for k in keys:
                in_flight[k] += 1
                peak[k] = max(peak[k], in_flight[k])
            await asyncio.sleep(rng.random() / 1000)
            for k in keys:
                in_flight[k] -= 1

    # Guild 1 has the most work, so its backlog outlasts the others' and meets its own cap.
    guilds = [1 if rng.random() < 0.5 else rng.randint(2, 4) for _ in range(400)]
    await asyncio.gather(*(request(guild, rng.randint(1, 5)) for guild in guilds))
    guild_peaks = {k[1]: v for k, v in peak.items() if isinstance(k, tuple) and k[0] == "g"}
    member_peaks = [v for k, v in peak.items() if isinstance(k, tuple) and k[0] == "m"]
    assert peak["all"] == 5  # each cap is reached, so the test could see it exceeded
    assert guild_peaks[1] == 3
    assert max(guild_peaks.values()) == 3
    assert guild_peaks[3] == 1
    assert max(member_peaks) == 2
    assert queue.totals().running == queue.totals().waiting == 0


async def test_a_full_line_refuses_at_once_and_queues_nothing() -> None:
    line = Line(make_queue(queue_limit=2, guild_concurrency=1))
    for name, member in (("a1", ALICE), ("a2", ALICE), ("c1", CAROL)):
        line.join(name, GUILD, member)
    await settle()
    with pytest.raises(QueueFull) as refused:
        line.queue.join(GUILD, BOB)
    assert (refused.value.guild_id, refused.value.limit, refused.value.scope) == (GUILD, 2, "guild")
    snapshot = line.queue.snapshot(GUILD)
    assert (snapshot.running, snapshot.waiting) == (1, 2)
    # A request that starts at once never waits, so a full line does not refuse it.
    line.join("other", OTHER_GUILD, BOB)
    await settle()
    assert line.order == ["a1", "other"]
    # Another guild's line is its own.
    line.join("other2", OTHER_GUILD, BOB)
    await line.finish("a1")
    line.join("b1", GUILD, BOB)  # the line has room again
    for name in ("c1", "b1", "a2", "other", "other2"):
        await line.finish(name)
    assert line.order == [
        "a1",
        "other",
        "c1",
        "b1",
        "a2",
        "other2",
    ]  # Bob's first before Alice's 2nd


async def test_one_member_never_fills_the_line_alone() -> None:
    """GUILD_CONCURRENCY=1, QUEUE_LIMIT=3: Alice's 4th request is refused (her share of the
    line is 2), so Bob's first finds the place; the refusal queues nothing."""
    line = Line(make_queue(queue_limit=3, guild_concurrency=1))
    for name in ("a1", "a2", "a3"):
        line.join(name, GUILD, ALICE)
    await settle()
    with pytest.raises(QueueFull) as refused:
        line.queue.join(GUILD, ALICE)
    assert (refused.value.limit, refused.value.scope) == (2, "member")
    line.join("b1", GUILD, BOB)
    snapshot = line.queue.snapshot(GUILD)
    assert (snapshot.running, snapshot.waiting, snapshot.limits.member_queue_limit) == (1, 3, 2)
    with pytest.raises(QueueFull) as full:  # now the line itself is full
        line.queue.join(GUILD, CAROL)
    assert full.value.scope == "guild"
    for name in ("a1", "b1", "a2", "a3"):
        await line.finish(name)
    assert line.order == ["a1", "b1", "a2", "a3"]


def test_a_members_share_of_the_line_is_the_setting_below_the_line() -> None:
    queue = make_queue(queue_limit=25, member_queue_limit=3)
    assert queue.limits(GUILD).member_queue_limit == 3
    queue.set_overrides(GUILD, GuildOverrides(queue_limit=3))
    assert queue.limits(GUILD).member_queue_limit == 2  # leaves room for another member
    queue.set_overrides(GUILD, GuildOverrides(queue_limit=1))
    assert queue.limits(GUILD).member_queue_limit == 1  # a line of one: whoever comes first


async def test_a_full_line_leaves_no_trace_of_a_refused_guild() -> None:
    queue = make_queue(queue_limit=0, global_concurrency=1)
    line = Line(queue)
    line.join("a1", GUILD, ALICE)
    with pytest.raises(QueueFull):
        queue.join(OTHER_GUILD, BOB)
    assert queue.totals().guilds == 1
    assert queue.snapshot(OTHER_GUILD).members == ()
    await line.finish("a1")


async def test_cancel_takes_a_waiting_ticket_out_but_not_a_running_one() -> None:
    line = Line(make_queue())
    a1 = line.join("a1", GUILD, ALICE, key=101)
    a2 = line.join("a2", GUILD, ALICE, key=102)
    a3 = line.join("a3", GUILD, ALICE, key=103)
    await settle()
    assert line.queue.find(101) is a1.ticket
    assert a1.ticket.cancel() is False  # running: its cost is already incurred
    assert a2.ticket.cancel() is True
    assert a2.ticket.cancel() is False  # already out
    await settle()
    assert a2.left is LeaveReason.CANCELLED
    assert line.queue.find(102) is None
    assert line.places("a3") == [1]
    await line.finish("a1")
    assert line.order == ["a1", "a3"]
    assert a3.ticket.state is TicketState.RUNNING
    await line.finish("a3")
    assert line.queue.find(101) is line.queue.find(103) is None
    assert _counts(line.queue) == (0, 0, 0)


def _counts(queue: FairQueue) -> tuple[int, int, int]:
    totals = queue.totals()
    return totals.running, totals.waiting, totals.guilds


async def test_a_key_can_be_in_the_line_only_once() -> None:
    queue = make_queue()
    async with queue.join(GUILD, ALICE, key=7):
        with pytest.raises(ValueError, match="already"):
            queue.join(GUILD, BOB, key=7)
    async with queue.join(GUILD, BOB, key=7) as again:  # free again once it left
        assert again.state is TicketState.RUNNING


async def test_a_ticket_waiting_too_long_times_out_but_a_running_one_never_does() -> None:
    line = Line(make_queue(timeout=0.05))
    line.join("a1", GUILD, ALICE)
    a2 = line.join("a2", GUILD, ALICE)
    await asyncio.wait_for(a2.task or asyncio.sleep(0), timeout=2)
    assert a2.left is LeaveReason.TIMED_OUT
    assert a2.ticket.state is TicketState.LEFT
    await asyncio.sleep(0.1)
    assert line.order == ["a1"]
    assert line.requests["a1"].ticket.state is TicketState.RUNNING
    await line.finish("a1")
    assert line.queue.totals().running == 0


async def test_shutdown_clears_the_line_telling_each_waiter_and_running_work_goes_on() -> None:
    line = Line(make_queue())
    for name in ("a1", "a2", "a3"):
        line.join(name, GUILD, ALICE)
    line.join("b1", OTHER_GUILD, BOB)
    line.join("b2", OTHER_GUILD, BOB)
    await settle()
    assert line.queue.close() == 3
    await settle()
    assert {n: r.left for n, r in line.requests.items() if r.left} == {
        "a2": LeaveReason.SHUTDOWN,
        "a3": LeaveReason.SHUTDOWN,
        "b2": LeaveReason.SHUTDOWN,
    }
    with pytest.raises(QueueClosed):
        line.queue.join(GUILD, CAROL)
    assert line.queue.totals().running == 2
    await line.finish("a1", "b1")
    assert line.order == ["a1", "b1"]
    assert line.queue.totals().running == 0


class Boom(Exception):
    pass


async def _fail_by_raising(ticket: Ticket) -> None:
    await ticket.turn()
    raise Boom


async def _fail_by_base_exception(ticket: Ticket) -> None:
    await ticket.turn()
    raise KeyboardInterrupt


async def _leave_before_the_turn(ticket: Ticket) -> None:
    raise Boom  # e.g. the reservation was refused: the ticket never waited for its turn


FAILURE_KINDS = [
    pytest.param(_fail_by_raising, Boom, id="error"),
    pytest.param(_fail_by_base_exception, KeyboardInterrupt, id="base-exception"),
    pytest.param(_leave_before_the_turn, Boom, id="left-before-turn"),
]


@pytest.mark.parametrize(("body", "raised"), FAILURE_KINDS)
@pytest.mark.parametrize("waiting", [False, True], ids=["granted", "waiting"])
async def test_the_slot_is_given_back_whatever_the_block_raises(
    body: object, raised: type[BaseException], waiting: bool
) -> None:
    line = Line(make_queue())
    if waiting:
        line.join("before", GUILD, ALICE)
    async with asyncio.timeout(2):
        ticket = line.queue.join(GUILD, ALICE)
        with pytest.raises(raised):
            await _hold_and_fail(line, ticket, body, waiting)  # type: ignore[arg-type]
    assert ticket.state in (TicketState.FINISHED, TicketState.LEFT)
    await _proves_the_slot_is_free(line)


async def test_the_slot_is_given_back_when_the_running_task_is_cancelled() -> None:
    line = Line(make_queue())
    request = line.join("a1", GUILD, ALICE)
    await request.started.wait()
    assert request.task is not None
    request.task.cancel()
    await settle()
    assert request.ticket.state is TicketState.FINISHED
    await _proves_the_slot_is_free(line)


async def test_a_task_cancelled_while_waiting_leaves_the_line() -> None:
    line = Line(make_queue())
    line.join("a1", GUILD, ALICE)
    a2 = line.join("a2", GUILD, ALICE)
    a3 = line.join("a3", GUILD, ALICE)
    await settle()
    assert a2.task is not None
    a2.task.cancel()
    await settle()
    assert a2.ticket.state is TicketState.LEFT
    assert a2.ticket.left_because is LeaveReason.WITHDRAWN
    assert line.places("a3") == [1]
    await line.finish("a1")
    assert a3.started.is_set()
    await line.finish("a3")
    await _proves_the_slot_is_free(line)


async def test_the_slot_is_given_back_when_shutdown_cancels_running_work() -> None:
    line = Line(make_queue())
    request = line.join("a1", GUILD, ALICE)
    waiting = line.join("a2", GUILD, ALICE)
    await request.started.wait()
    line.queue.close()
    assert request.task is not None
    request.task.cancel()  # what the generation service does at the end of the grace period
    await settle()
    assert waiting.left is LeaveReason.SHUTDOWN
    assert request.ticket.state is TicketState.FINISHED
    assert line.queue.totals().running == 0


async def _hold_and_fail(
    line: Line, ticket: Ticket, body: Callable[[Ticket], Awaitable[None]], waiting: bool
) -> None:
    async with ticket:
        if waiting:
            await line.finish("before")
        await body(ticket)


async def _proves_the_slot_is_free(line: Line) -> None:
    """With every cap at 1 the member's next request starts only if every slot was released."""
    assert line.queue.totals().running == 0
    assert line.queue.totals().guilds == 0  # nothing left behind either
    after = line.join("after", GUILD, ALICE)
    async with asyncio.timeout(2):
        await after.started.wait()
    await line.finish("after")


async def test_overrides_never_exceed_the_process_wide_caps_and_apply_at_once() -> None:
    queue = make_queue(guild_concurrency=4, member_concurrency=2, queue_limit=25)
    assert queue.set_overrides(GUILD, GuildOverrides(10, 10, 100)) == GuildLimits(4, 2, 25, 3)
    assert queue.set_overrides(GUILD, GuildOverrides(member_concurrency=1)) == GuildLimits(
        4, 1, 25, 3
    )
    assert queue.limits(OTHER_GUILD) == GuildLimits(4, 2, 25, 3)

    line = Line(queue)
    for name in ("a1", "a2", "a3"):
        line.join(name, GUILD, ALICE)
    await settle()
    assert line.order == ["a1"]
    queue.set_overrides(GUILD, GuildOverrides())  # back to the defaults: Alice may run 2
    await settle()
    assert line.order == ["a1", "a2"]
    queue.set_overrides(GUILD, GuildOverrides(guild_concurrency=1))
    await line.finish("a1")
    assert line.order == ["a1", "a2"]  # 1 still running: the lowered cap starts no more
    await line.finish("a2")
    assert line.order == ["a1", "a2", "a3"]
    await line.finish("a3")


def test_overrides_refuse_caps_that_would_never_free() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        GuildOverrides(guild_concurrency=0)
    with pytest.raises(ValueError, match="at least 1"):
        GuildOverrides(member_concurrency=0)
    with pytest.raises(ValueError, match="negative"):
        GuildOverrides(queue_limit=-1)
    assert GuildOverrides(queue_limit=0).queue_limit == 0


async def test_the_snapshot_shows_running_and_waiting_per_member() -> None:
    line = Line(make_queue(guild_concurrency=2))
    for name in ("a1", "a2", "a3"):
        line.join(name, GUILD, ALICE)
    line.join("b1", GUILD, BOB)
    line.join("c1", GUILD, CAROL)
    line.join("x", OTHER_GUILD, CAROL)
    await settle()
    snapshot = line.queue.snapshot(GUILD)
    assert (snapshot.running, snapshot.waiting) == (2, 3)
    assert [(m.member_id, m.running, m.waiting) for m in snapshot.members] == [
        (ALICE, 1, 2),
        (BOB, 1, 0),
        (CAROL, 0, 1),
    ]
    assert snapshot.limits == GuildLimits(2, 1, 25, 3)
    assert _counts(line.queue) == (3, 3, 2)
    await line.finish(*line.requests)
    await line.finish(*line.requests)
    await line.finish(*line.requests)
    assert line.queue.snapshot(GUILD).members == ()


async def test_watchers_hear_when_the_line_moves_and_estimates_follow_run_times() -> None:
    line = Line(make_queue())
    line.join("a1", GUILD, ALICE)
    a2 = line.join("a2", GUILD, ALICE)
    a3 = line.join("a3", GUILD, ALICE)
    await settle()
    first = a3.ticket.position()
    assert first is not None
    assert first.place == 2
    watch = asyncio.create_task(a3.ticket.moved())
    await settle()
    assert not watch.done()
    line.join("b1", OTHER_GUILD, BOB)  # another guild's line: not this one's news
    await settle()
    assert not watch.done()
    await asyncio.sleep(0.05)
    await line.finish("a1")  # ran ~50 ms: the average drops from its first guess
    assert watch.done()
    moved = a3.ticket.position()
    assert moved is not None
    assert moved.place == 1
    assert moved.estimate_seconds < first.estimate_seconds / 2
    await line.finish("a2")
    assert a2.ticket.position() is None
    await a3.ticket.moved()  # returns at once when the ticket is no longer waiting
    await line.finish("a3", "b1")


async def test_estimates_grow_with_the_place_and_shrink_with_more_slots() -> None:
    narrow = Line(make_queue(guild_concurrency=1, member_concurrency=1))
    wide = Line(make_queue(guild_concurrency=4, member_concurrency=1))
    for line in (narrow, wide):
        for member in range(1, 11):
            line.join(f"m{member}", GUILD, member)
    await settle()
    estimates = [
        narrow.requests[f"m{m}"].ticket.position().estimate_seconds  # type: ignore[union-attr]
        for m in range(2, 11)
    ]
    assert estimates == sorted(estimates)
    assert estimates[0] < estimates[-1]
    late_narrow = narrow.requests["m10"].ticket.position()
    late_wide = wide.requests["m10"].ticket.position()
    assert late_narrow is not None
    assert late_wide is not None
    assert late_wide.estimate_seconds < late_narrow.estimate_seconds
    for line in (narrow, wide):
        for _ in range(10):
            await line.finish(*line.requests)


async def test_a_thousand_requests_across_fifty_guilds_all_finish() -> None:
    rng = random.Random(7)
    queue = make_queue(
        global_concurrency=16,
        guild_concurrency=2,
        member_concurrency=1,
        queue_limit=100,
        member_queue_limit=100,
    )
    ran: Counter[int] = Counter()

    async def request(number: int) -> None:
        async with queue.join(number % 50, rng.randint(1, 8), key=number) as ticket:
            await ticket.turn()
            ran[number] += 1
            await asyncio.sleep(0 if rng.random() < 0.5 else 0.001)

    async with asyncio.timeout(30):
        await asyncio.gather(*(request(n) for n in range(1000)))
    assert ran == Counter(range(1000))
    assert _counts(queue) == (0, 0, 0)
