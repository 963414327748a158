"""The fault matrix: every stage of a request against each fault it can meet.

Each cell runs one /imagine through the real bot, the fake Discord and the fake image gateway,
then asserts what the ledger says (read from the SQLite file) and what the member received.
The real timeouts are kept but shortened: SQLite's busy timeout, the result download timeout
and discord.py's HTTP session timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest

import bot.images
import bot.store
from bot.app import ImagineBot
from tests.databases import sqlite_write_lock
from tests.fakes.discord.interactions import InteractionHandle, Invoker
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.image_gateway import FakeImageGateway
from tests.test_imagine_e2e import unopenable_png, wait_for_private_note
from tests.waiting import eventually

EDIT = "/webhooks/*/messages/@original"
CALLBACK = "/interactions/*/*/callback"
CHANNEL = "/channels/*/messages"
DISCORD_TIMEOUT = 1.0


@dataclass
class World:
    bot: ImagineBot
    discord: FakeDiscord
    gateway: FakeImageGateway
    database: Any
    caplog: pytest.LogCaptureFixture
    locks: contextlib.AsyncExitStack
    handle: InteractionHandle | None = None
    background: list[asyncio.Task[None]] = field(default_factory=list)

    async def hold_write_lock(self) -> None:
        """Another process takes SQLite's write lock and keeps it (past the busy timeout)."""
        await self.locks.enter_async_context(sqlite_write_lock(self.database))

    async def release_write_lock(self) -> None:
        await self.locks.aclose()

    async def gateway_called(self) -> None:
        await self.discord.wait_until(lambda: len(self.gateway.requests) == 1)

    async def stop_bot(self) -> None:
        """What SIGTERM does: `python -m bot` closes the bot (tests/test_shutdown.py)."""
        await self.bot.close()


Step = Callable[[World], Awaitable[None]]


async def nothing(world: World) -> None:
    return None


@dataclass(frozen=True)
class Cell:
    stage: str
    fault: str
    ledger: tuple[str, int] | None  # (state, credits); None: no row was ever written
    member: str  # "edit", "channel", "lost", or "note:<words the private note holds>"
    arrange: Step = nothing  # before the interaction arrives
    during: Step = nothing  # after it arrived, before the member's outcome is awaited
    options: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    invoker: Invoker | None = None

    @property
    def id(self) -> str:
        return f"{self.stage}|{self.fault}"


def gateway_fails(kind: str, **opts: Any) -> Step:
    async def arrange(world: World) -> None:
        world.gateway.fail_next(kind, **opts)

    return arrange


def discord_fails(*rules: dict[str, Any]) -> Step:
    async def arrange(world: World) -> None:
        for rule in rules:
            world.discord.fail_next(**rule)

    return arrange


def both(*steps: Step) -> Step:
    async def run(world: World) -> None:
        for step in steps:
            await step(world)

    return run


async def lock_the_database(world: World) -> None:
    await world.hold_write_lock()


async def stop_during_the_call(world: World) -> None:
    await world.gateway_called()
    await world.stop_bot()


async def stop_during_the_upload(world: World) -> None:
    await world.discord.wait_until(lambda: any(r.status == 429 for r in world.discord.requests))
    await world.stop_bot()


async def another_request_then_stop(world: World) -> None:
    """A request under way keeps the bot in its grace period; then the cell's request comes."""
    world.gateway.fail_next("slow", seconds=1.0)
    await world.discord.inject_slash("imagine", {"prompt": "a request under way"})
    await world.gateway_called()
    world.background.append(asyncio.create_task(world.stop_bot()))
    await asyncio.sleep(0.05)


async def lock_during_the_call_then_release(world: World) -> None:
    await world.gateway_called()
    await world.hold_write_lock()
    await release_once_refused(world)


async def release_once_refused(world: World) -> None:
    assert world.handle is not None
    await wait_for_private_note(world.discord, world.handle)
    await world.release_write_lock()


async def release_once_delivered(world: World) -> None:
    await world.gateway_called()
    await world.hold_write_lock()
    await world.discord.wait_until(lambda: _with_images(world.discord) != [], within=10)
    await world.release_write_lock()
    # The owed settlement lands by its own retry, before any shutdown could flush it.
    await eventually(lambda: _ledger_is(world, "committed"), within=5)


async def stop_then_release(world: World) -> None:
    await world.gateway_called()
    await world.hold_write_lock()
    await world.discord.wait_until(lambda: _with_images(world.discord) != [], within=10)
    stopping = asyncio.create_task(world.stop_bot())
    await asyncio.sleep(0.3)
    await world.release_write_lock()
    await stopping


async def _ledger_is(world: World, state: str) -> bool:
    assert world.handle is not None
    row = await world.bot.quota.find(world.handle.id)
    return row is not None and row.state == state


def _with_images(fake: FakeDiscord) -> list[Any]:
    return [m for m in fake.messages() if m.attachments]


FLUX = {"model": "flux/flux-1-pro", "size": "512x768"}
TOKEN_GONE = {"method": "PATCH", "path": EDIT, "status": 404}

CELLS = [
    # -- reserve -------------------------------------------------------------------------------
    Cell(
        "reserve",
        "database locked",
        None,
        "note:database is busy",
        arrange=lock_the_database,
        during=release_once_refused,
    ),
    Cell(
        "reserve",
        "SIGTERM",
        None,
        "note:restarting",
        arrange=another_request_then_stop,
    ),
    # -- defer (Discord never saw the request start: it must not run, nor cost) ---------------
    Cell(
        "defer",
        "HTTP error",
        ("refunded", 0),
        "note:Nothing was spent",
        arrange=discord_fails({"method": "POST", "path": CALLBACK, "status": 404}),
    ),
    Cell(
        "defer",
        "transport reset",
        ("refunded", 0),
        "note:Nothing was spent",
        arrange=discord_fails({"method": "POST", "path": CALLBACK, "transport": "reset"}),
    ),
    Cell(
        "defer",
        "timeout",
        ("refunded", 0),
        "note:Nothing was spent",
        arrange=discord_fails({"method": "POST", "path": CALLBACK, "transport": "stall"}),
    ),
    # -- gateway call --------------------------------------------------------------------------
    Cell(
        "gateway call",
        "HTTP error",
        ("refunded", 0),
        "note:unavailable right now",
        arrange=gateway_fails("server_error", times=3, retry_after=0),
    ),
    Cell(
        "gateway call",
        "transport reset",
        ("unknown", 1),
        "note:may have cost 1 credit",
        arrange=gateway_fails("disconnect"),
    ),
    Cell(
        "gateway call",
        "timeout",
        ("unknown", 1),
        "note:may have cost 1 credit",
        arrange=gateway_fails("slow", seconds=3),
        settings={"image_api_timeout": 1},
    ),
    Cell(
        "gateway call",
        "database locked",
        ("refunded", 0),
        "note:Nothing was spent",
        arrange=gateway_fails("content_policy", delay=0.5),
        during=lock_during_the_call_then_release,
    ),
    Cell(
        "gateway call",
        "SIGTERM (grace ends)",
        ("unknown", 1),
        "note:may have cost 1 credit",
        arrange=gateway_fails("slow", seconds=30),
        during=stop_during_the_call,
        settings={"shutdown_grace_seconds": 0.3},
    ),
    Cell(
        "gateway call",
        "SIGTERM (within grace)",
        ("committed", 1),
        "edit",
        arrange=gateway_fails("slow", seconds=0.5),
        during=stop_during_the_call,
    ),
    # -- result download -----------------------------------------------------------------------
    Cell(
        "result download",
        "HTTP error",
        ("committed", 2),
        "note:It still cost 2 credits",
        arrange=gateway_fails("download_error"),
        options=FLUX,
    ),
    Cell(
        "result download",
        "transport reset",
        ("committed", 2),
        "note:It still cost 2 credits",
        arrange=gateway_fails("download_reset"),
        options=FLUX,
    ),
    Cell(
        "result download",
        "timeout",
        ("committed", 2),
        "note:It still cost 2 credits",
        arrange=gateway_fails("download_stall", seconds=5),
        options=FLUX,
    ),
    Cell(
        "result download",
        "SIGTERM (grace ends)",
        ("unknown", 2),
        "note:may have cost 2 credits",
        arrange=gateway_fails("download_stall", seconds=30),
        during=stop_during_the_call,
        options=FLUX,
        settings={"shutdown_grace_seconds": 0.3},
    ),
    # -- commit --------------------------------------------------------------------------------
    Cell(
        "commit",
        "database locked",
        ("committed", 1),
        "edit",
        arrange=gateway_fails("slow", seconds=0.5),
        during=release_once_delivered,
    ),
    Cell(
        "commit",
        "database locked, then SIGTERM",
        ("committed", 1),
        "edit",
        arrange=gateway_fails("slow", seconds=0.5),
        during=stop_then_release,
    ),
    # -- fit -----------------------------------------------------------------------------------
    Cell(
        "fit",
        "image Pillow cannot open",
        ("committed", 1),
        "channel",
        arrange=gateway_fails("not_image", data=unopenable_png()),
        invoker=Invoker(attachment_size_limit=len(unopenable_png()) - 1),
    ),
    Cell(
        "fit",
        "SIGTERM",
        ("committed", 1),
        "edit",
        arrange=gateway_fails("slow", seconds=0.2),
        during=stop_during_the_call,
        invoker=Invoker(attachment_size_limit=60_000),
    ),
    # -- delivery by edit ----------------------------------------------------------------------
    Cell(
        "delivery by edit",
        "HTTP 5xx",
        ("committed", 1),
        "edit",
        arrange=discord_fails({"method": "PATCH", "path": EDIT, "status": 500}),
    ),
    Cell(
        "delivery by edit",
        "HTTP 404 (token gone)",
        ("committed", 1),
        "channel",
        arrange=discord_fails(TOKEN_GONE),
    ),
    Cell(
        "delivery by edit",
        "transport reset",
        ("committed", 1),
        "edit",
        arrange=discord_fails({"method": "PATCH", "path": EDIT, "transport": "reset"}),
    ),
    Cell(
        "delivery by edit",
        "transport reset, twice",
        ("committed", 1),
        "channel",
        arrange=discord_fails({"method": "PATCH", "path": EDIT, "transport": "reset", "count": 2}),
    ),
    Cell(
        "delivery by edit",
        "timeout",
        ("committed", 1),
        "edit",
        arrange=discord_fails({"method": "PATCH", "path": EDIT, "transport": "stall"}),
    ),
    Cell(
        "delivery by edit",
        "SIGTERM",
        ("committed", 1),
        "edit",
        arrange=discord_fails({"method": "PATCH", "path": EDIT, "retry_after": 1}),
        during=stop_during_the_upload,
    ),
    # -- delivery to the channel ---------------------------------------------------------------
    Cell(
        "delivery to the channel",
        "HTTP 403",
        ("committed", 1),
        "lost",
        arrange=discord_fails(TOKEN_GONE, {"method": "POST", "path": CHANNEL, "status": 403}),
    ),
    Cell(
        "delivery to the channel",
        "transport reset",
        ("committed", 1),
        "channel",
        arrange=discord_fails(
            TOKEN_GONE, {"method": "POST", "path": CHANNEL, "transport": "reset"}
        ),
    ),
    Cell(
        "delivery to the channel",
        "transport reset, twice",
        ("committed", 1),
        "lost",
        arrange=discord_fails(
            TOKEN_GONE, {"method": "POST", "path": CHANNEL, "transport": "reset", "count": 2}
        ),
    ),
    Cell(
        "delivery to the channel",
        "timeout",
        ("committed", 1),
        "channel",
        arrange=discord_fails(
            TOKEN_GONE, {"method": "POST", "path": CHANNEL, "transport": "stall"}
        ),
    ),
    Cell(
        "delivery to the channel",
        "SIGTERM",
        ("committed", 1),
        "channel",
        arrange=discord_fails(TOKEN_GONE, {"method": "POST", "path": CHANNEL, "retry_after": 1}),
        during=stop_during_the_upload,
    ),
]


@pytest.fixture
def short_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.store.sqlite, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(bot.images, "DOWNLOAD_TIMEOUT", 0.5)


@contextlib.asynccontextmanager
async def world_for(
    cell: Cell, start_bot: Any, discord_fake: FakeDiscord, gateway: FakeImageGateway, caplog: Any
) -> AsyncIterator[World]:
    async with start_bot(**cell.settings) as running, contextlib.AsyncExitStack() as locks:
        # discord.py's session has aiohttp's 5-minute default; a stalled route must time out.
        session = running.http._HTTPClient__session
        session._timeout = aiohttp.ClientTimeout(total=DISCORD_TIMEOUT)
        running.generation.settlements.retry_delays = (0.2, 0.2, 0.5)
        running.get_cog("Imagine").retry_delay = 0.05
        yield World(running, discord_fake, gateway, running.settings.database_path, caplog, locks)


@pytest.mark.parametrize("cell", [pytest.param(c, id=c.id) for c in CELLS])
async def test_fault_matrix(
    cell: Cell, short_timeouts: None, start_bot, discord_fake, gateway, caplog
) -> None:
    caplog.set_level(logging.INFO)
    if cell.stage == "fit" and cell.fault == "SIGTERM":
        gateway.width = gateway.height = 256
        gateway.noise = True  # too big for the member's upload limit: it must be re-encoded
    async with world_for(cell, start_bot, discord_fake, gateway, caplog) as world:
        await cell.arrange(world)
        world.handle = await discord_fake.inject_slash(
            "imagine", {"prompt": "a fox", **cell.options}, invoker=cell.invoker
        )
        await cell.during(world)
        await expect_member(world, cell)
        database = world.database
        handle = world.handle
    assert ledger_row(database, handle.id) == cell.ledger
    assert gateway.requests == [] or cell.stage != "defer"
    # No fault ends in a traceback: only the fit stage logs Pillow's own failure with one.
    assert [r.getMessage() for r in caplog.records if r.exc_info and cell.stage != "fit"] == []


async def expect_member(world: World, cell: Cell) -> None:
    fake, handle = world.discord, world.handle
    assert handle is not None
    if cell.member.startswith("note:"):
        note = await wait_for_private_note(fake, handle)
        assert cell.member.removeprefix("note:") in note.content
        assert _with_images(fake) == [] or cell.id == "reserve|SIGTERM"
        return
    if cell.member == "lost":

        async def lost() -> bool:
            return _losses(world.caplog, handle.id) >= 1

        await eventually(lost, within=10)
        await asyncio.sleep(0.2)
        assert _losses(world.caplog, handle.id) == 1  # logged once
        assert _with_images(fake) == []
        return
    await fake.wait_until(lambda: _with_images(fake) != [], within=10)
    [message] = _with_images(fake)  # exactly one copy reached the member
    if cell.member == "edit":
        assert message.interaction_id == handle.id
        assert handle.original is not None
        assert message.id == handle.original.id
    else:
        assert message.interaction_id is None
    if cell.id == "fit|SIGTERM":  # fitted while the bot was stopping
        assert message.attachments[0].filename.endswith(".webp")
    elif cell.stage != "fit":
        assert [a.data for a in message.attachments] == world.gateway.produced[-1:]


def _losses(caplog: pytest.LogCaptureFixture, interaction_id: int) -> int:
    return sum(
        f"lost delivery of interaction {interaction_id}" in r.getMessage() for r in caplog.records
    )


def ledger_row(database: Any, interaction_id: int) -> tuple[str, int] | None:
    with contextlib.closing(sqlite3.connect(database)) as conn:
        row = conn.execute(
            "SELECT state, credits FROM ledger WHERE interaction_id = ?", (interaction_id,)
        ).fetchone()
    return None if row is None else (row[0], row[1])
