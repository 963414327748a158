"""The fake's notion of "now", which tests can move forward to trigger Discord's time limits."""

from __future__ import annotations

import itertools
import time

DISCORD_EPOCH_MS = 1_420_070_400_000


class DiscordClock:
    """Real time plus an offset; ``advance`` moves it forward without sleeping."""

    def __init__(self, offset: float = 0.0) -> None:
        self.offset = offset
        self._increment = itertools.count()

    def now(self) -> float:
        """Seconds since the Unix epoch, as the fake sees them."""
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds

    def snowflake(self) -> int:
        """A unique snowflake for the current fake time (its timestamp is what Discord checks)."""
        return snowflake_at(self.now(), next(self._increment))


def snowflake_at(timestamp: float, increment: int = 0) -> int:
    """Discord's id layout: milliseconds since 2015 in the top 42 bits, then worker/increment."""
    return (int(timestamp * 1000) - DISCORD_EPOCH_MS) << 22 | (increment & 0xFFF)


def snowflake_time(snowflake: int) -> float:
    return ((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000
