"""A recurring fault is said at once, then at most once per interval and key, with a count."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FakeClock
from bot.log_throttle import LogThrottle


def test_first_said_then_held_back_and_counted_until_the_interval_passes() -> None:
    clock = FakeClock()
    throttle = LogThrottle(timedelta(minutes=10), clock)
    assert throttle.admit("a") == 0
    assert throttle.admit("a") is None
    assert throttle.admit("b") == 0  # each key on its own
    clock.advance(minutes=9, seconds=59)
    assert throttle.admit("a") is None
    clock.advance(seconds=1)
    assert throttle.admit("a") == 2  # held back twice since it was last said
    assert throttle.admit("a") is None
    clock.advance(minutes=30)
    assert throttle.admit("a") == 1
    assert throttle.admit("b") == 0
