"""Injected failures: answer the next N matching requests with a 429 or a 5xx, Discord-style."""

from __future__ import annotations

import fnmatch
import math
from dataclasses import dataclass

from aiohttp import web

from tests.fakes.discord.clock import DiscordClock
from tests.fakes.discord.errors import json_response


@dataclass
class FaultRule:
    """``path`` is a glob over the path after ``/api/v10`` (``/channels/*/messages``)."""

    method: str
    path: str
    status: int
    remaining: int
    retry_after: float = 0.05
    scope: str = "user"

    def matches(self, method: str, path: str) -> bool:
        return (
            self.remaining > 0
            and self.method in ("*", method)
            and fnmatch.fnmatchcase(path, self.path)
        )

    def response(self, clock: DiscordClock) -> web.Response:
        self.remaining -= 1
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
