"""Injectable time source, so quota periods can be rolled over in tests without sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]
"""Returns the current time as an aware datetime (UTC)."""


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to; shared by every test suite that needs time."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = _aware(start or datetime(2025, 1, 15, 12, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta = timedelta(0), /, **units: float) -> datetime:
        """Move forward by `delta` and/or keyword units (`hours=2`); returns the new now."""
        step = delta + timedelta(**units)
        if step < timedelta(0):
            raise ValueError("a clock does not go backwards")
        self._now += step
        return self._now

    def set(self, when: datetime) -> None:
        """Jump to an absolute moment (forwards or backwards, for setting up scenarios)."""
        self._now = _aware(when)


def _aware(when: datetime) -> datetime:
    if when.tzinfo is None:
        raise ValueError("FakeClock needs an aware datetime (use tzinfo=UTC)")
    return when.astimezone(UTC)
