"""The gateway websocket: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, dispatch.

Sharding as Discord does it: an IDENTIFY with ``shard: [id, count]`` gets only the guilds with
``(guild_id >> 22) % count == id``, and a guild's events go only to the connection holding its
shard, so several bot processes can share one fake.

Frames are plain JSON text: discord.py asks for zlib/zstd compression but only decompresses
binary frames, so uncompressed text is accepted.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.discord import payloads
from tests.fakes.discord.context import FakeContext

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 0, 1, 2, 6, 9, 10, 11
AUTHENTICATION_FAILED, INVALID_SHARD = 4004, 4010
# Dispatches whose "id" is the guild's own id; every other guild event carries "guild_id".
GUILD_OBJECT_EVENTS = frozenset({"GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE"})
Shard = tuple[int, int]  # (shard id, shard count)


def shard_of(guild_id: int, shard_count: int) -> int:
    """Discord's rule for which shard receives a guild's events."""
    return (guild_id >> 22) % shard_count


def guild_of(event: str, data: Any) -> int | None:
    """The guild a dispatch belongs to, or None for events every shard receives."""
    if not isinstance(data, dict):
        return None
    guild_id = data.get("id") if event in GUILD_OBJECT_EVENTS else data.get("guild_id")
    return None if guild_id is None else int(guild_id)


@dataclass
class GatewayConnection:
    """One websocket; ``opened_by`` is "identify" or "resume" once the client introduced itself."""

    socket: web.WebSocketResponse
    path: str
    opened_by: str | None = None
    session_id: str | None = None
    shard: Shard = (0, 1)
    received: list[dict[str, Any]] = field(default_factory=list)
    dispatched: list[tuple[str, Any]] = field(default_factory=list)

    def holds(self, guild_id: int) -> bool:
        shard_id, shard_count = self.shard
        return shard_of(guild_id, shard_count) == shard_id


class Gateway:
    def __init__(self, ctx: FakeContext, heartbeat_interval_ms: int = 41_250) -> None:
        self.ctx = ctx
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.connections: list[GatewayConnection] = []
        self._sequences: dict[str, int] = {}
        self._shards: dict[str, Shard] = {}

    def register(self, app: web.Application) -> None:
        app.router.add_get("/gateway", self.handle)
        app.router.add_get("/gateway/resume", self.handle)

    @property
    def live(self) -> list[GatewayConnection]:
        return [c for c in self.connections if c.session_id and not c.socket.closed]

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        connection = GatewayConnection(socket, request.path)
        self.connections.append(connection)
        await self._send(
            connection, {"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}
        )
        async for frame in socket:
            if frame.type is not WSMsgType.TEXT:
                continue
            message: dict[str, Any] = json.loads(frame.data)
            connection.received.append(message)
            await self._on_message(connection, message)
            self.ctx.notifier.notify()
        self.ctx.notifier.notify()
        return socket

    async def _on_message(self, connection: GatewayConnection, message: dict[str, Any]) -> None:
        op, data = message.get("op"), message.get("d")
        if op == HEARTBEAT:
            await self._send(connection, {"op": HEARTBEAT_ACK})
        elif op == IDENTIFY:
            await self._identify(connection, data or {})
        elif op == RESUME:
            await self._resume(connection, data or {})

    async def _identify(self, connection: GatewayConnection, data: dict[str, Any]) -> None:
        if data.get("token") != self.ctx.scenario.token:
            await connection.socket.close(
                code=AUTHENTICATION_FAILED, message=b"Authentication failed."
            )
            return
        shard = data.get("shard") or [0, 1]
        if not _valid_shard(shard):
            await connection.socket.close(code=INVALID_SHARD, message=b"Invalid shard.")
            return
        connection.opened_by = "identify"
        connection.session_id = uuid.uuid4().hex
        connection.shard = (shard[0], shard[1])
        self._sequences[connection.session_id] = 0
        self._shards[connection.session_id] = connection.shard
        scenario = self.ctx.scenario
        guilds = [g for g in scenario.guilds if connection.holds(g.id)]
        ready = payloads.ready(
            scenario, connection.session_id, self.ctx.resume_gateway_url, guilds, connection.shard
        )
        await self._dispatch(connection, "READY", ready)
        for guild in guilds:
            await self._dispatch(connection, "GUILD_CREATE", payloads.guild_create(guild))

    async def _resume(self, connection: GatewayConnection, data: dict[str, Any]) -> None:
        session_id = data.get("session_id")
        if data.get("token") != self.ctx.scenario.token or session_id not in self._sequences:
            await self._send(connection, {"op": INVALID_SESSION, "d": False})
            return
        connection.opened_by = "resume"
        connection.session_id = session_id
        connection.shard = self._shards[session_id]
        await self._dispatch(connection, "RESUMED", {})

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a dispatch (op 0) to the connections holding its guild's shard (or to all)."""
        guild_id = guild_of(event, data)
        connections = [c for c in self.live if guild_id is None or c.holds(guild_id)]
        if not connections:
            raise RuntimeError(f"no gateway connection to dispatch {event} to")
        for connection in connections:
            await self._dispatch(connection, event, data)

    async def close_all(self, code: int) -> None:
        for connection in self.connections:
            await connection.socket.close(code=code)

    async def _dispatch(self, connection: GatewayConnection, event: str, data: Any) -> None:
        assert connection.session_id is not None
        self._sequences[connection.session_id] += 1
        sequence = self._sequences[connection.session_id]
        connection.dispatched.append((event, data))
        await self._send(connection, {"op": DISPATCH, "t": event, "s": sequence, "d": data})

    async def _send(self, connection: GatewayConnection, message: dict[str, Any]) -> None:
        await connection.socket.send_str(json.dumps(message))


def _valid_shard(shard: Any) -> bool:
    return (
        isinstance(shard, list)
        and len(shard) == 2
        and all(isinstance(n, int) for n in shard)
        and 0 <= shard[0] < shard[1]
    )
