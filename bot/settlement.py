"""Settlements the database refused, kept until it takes them.

A settlement fails when the database cannot take it now (StoreUnavailable): another process
holds SQLite's write lock past the busy timeout, PostgreSQL is unreachable, the disk fails. The
images are paid for whatever the ledger says, so delivery never waits for this; but the ledger
must end saying what the gateway charged. A refused settlement is retried a few times at once,
then at every maintenance pass and at shutdown. Settling is idempotent (only a 'pending' row
changes), so a retry racing another is harmless. Only a crash loses what is owed; start-up
recovery then settles the row by the rules for unknown outcomes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.store import StoreUnavailable

log = logging.getLogger("imagine.settlement")

Settle = Callable[[], Awaitable[object]]
CLOSING_RETRY_SECONDS = 0.25


class Settlements:
    """What is owed to the ledger, by interaction id."""

    retry_delays: tuple[float, ...] = (1.0, 5.0, 30.0)

    def __init__(self) -> None:
        self._owed: dict[int, tuple[str, Settle]] = {}
        self._retrying: set[asyncio.Task[None]] = set()

    async def settle(self, interaction_id: int, what: str, settle: Settle) -> bool:
        """Settle now, or (the database is busy) owe it and retry in the background.

        Returns whether the ledger took it now.
        """
        self._owed[interaction_id] = (what, settle)
        if await self._try(interaction_id):
            return True
        task = asyncio.create_task(self._retry(interaction_id))
        self._retrying.add(task)
        task.add_done_callback(self._retrying.discard)
        return False

    async def flush(self) -> int:
        """Try everything owed once more; returns how many are still owed."""
        for interaction_id in list(self._owed):
            await self._try(interaction_id)
        return len(self._owed)

    async def close(self, within: float) -> None:
        """Stop the background retries, then keep trying what is owed for `within` seconds."""
        for task in self._retrying:
            task.cancel()
        await asyncio.gather(*self._retrying, return_exceptions=True)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        # Another process's lock on the database has no event to wait on: poll it.
        while await self.flush() and (left := deadline - loop.time()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(min(CLOSING_RETRY_SECONDS, left))
        if self._owed:
            for interaction_id, (what, _) in self._owed.items():
                log.error(
                    "could not %s for interaction %s before stopping; start-up recovery "
                    "will settle it as an unknown outcome",
                    what,
                    interaction_id,
                )

    async def _retry(self, interaction_id: int) -> None:
        for delay in self.retry_delays:
            await asyncio.sleep(delay)
            if await self._try(interaction_id):
                return
        log.warning(
            "still cannot settle interaction %s; the maintenance pass will retry", interaction_id
        )

    async def _try(self, interaction_id: int) -> bool:
        entry = self._owed.get(interaction_id)
        if entry is None:
            return True
        what, settle = entry
        try:
            await settle()
        except StoreUnavailable as error:
            log.warning("could not %s for interaction %s: %s", what, interaction_id, error)
            return False
        except Exception:  # a failure no retry can cure: raise it once, owe nothing
            self._owed.pop(interaction_id, None)
            raise
        self._owed.pop(interaction_id, None)
        return True
