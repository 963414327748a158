"""Say a recurring fault now and then rather than at every occurrence, counting the rest.

A broken audit channel fails every post: a log line per post floods the log, and a line for the
first failure only hides that it still fails. So the first failure is said at once, then at most
one line per key and interval, each saying how many it held back.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime, timedelta

from bot.clock import Clock, utc_now


class LogThrottle:
    def __init__(self, interval: timedelta, clock: Clock = utc_now) -> None:
        self._interval = interval
        self._clock = clock
        self._said: dict[Hashable, tuple[datetime, int]] = {}  # key: (when said, held back since)

    def admit(self, key: Hashable) -> int | None:
        """None: stay quiet this time (it is counted); else how many were held back before it."""
        now = self._clock()
        said = self._said.get(key)
        if said is not None and now - said[0] < self._interval:
            self._said[key] = (said[0], said[1] + 1)
            return None
        self._said[key] = (now, 0)
        return 0 if said is None else said[1]
