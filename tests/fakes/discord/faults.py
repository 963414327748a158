"""Injected failures on the next N matching requests: a 429 or any error status, Discord-style,
or a transport fault: the connection reset unanswered, or stalled, then dropped unanswered.

A transport fault never reaches the route: like a proxy that failed, Discord made nothing.
"""

from __future__ import annotations

import asyncio
import fnmatch
import math
from dataclasses import dataclass
from typing import Literal

from aiohttp import web

from tests.fakes.discord.clock import DiscordClock
from tests.fakes.discord.errors import json_response
from tests.fakes.transport import reset_connection


@dataclass
class FaultRule:
    """``path`` is a glob over the path after ``/api/v10`` (``/channels/*/messages``)."""

    method: str
    path: str
    status: int
    remaining: int
    retry_after: float = 0.05
    scope: str = "user"
    transport: Literal["reset", "stall"] | None = None
    stall_seconds: float = 30.0

    def matches(self, method: str, path: str) -> bool:
        return (
            self.remaining > 0
            and self.method in ("*", method)
            and fnmatch.fnmatchcase(path, self.path)
        )

    async def respond(self, request: web.Request, clock: DiscordClock) -> web.Response:
        self.remaining -= 1
        if self.transport is not None:
            if self.transport == "stall":
                await asyncio.sleep(self.stall_seconds)
            reset_connection(request)
            return web.Response(status=599)  # never sent: the connection is gone
        if self.status == 429:
            return self._rate_limited(clock)
        body = {"message": f"{self.status}: Server error", "code": 0}
        return json_response(body, self.status)

    def _rate_limited(self, clock: DiscordClock) -> web.Response:
        """Discord's 429: discord.py retries it only with a ``Via`` header and ``retry_after``."""
        is_global = self.scope == "global"
        body = {
            "message": "You are being rate limited.",
            "retry_after": self.retry_after,
            "global": is_global,
        }
        headers = {
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": f"{clock.now() + self.retry_after:.3f}",
            "X-RateLimit-Reset-After": f"{self.retry_after:.3f}",
            "X-RateLimit-Bucket": "fakebucket" + format(abs(hash(self.path)), "x"),
            "X-RateLimit-Scope": self.scope,
            "Retry-After": str(math.ceil(self.retry_after)),
            "Via": "1.1 google",
        }
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        return json_response(body, 429, headers)
