"""What every store offers, whatever database is behind it.

A transaction is written once, as a *script*: a generator that yields SQL statements and gets
back their results. Each backend drives scripts its own way (SQLite on its connection's thread,
in one trip; PostgreSQL with one await per statement), and a backend may run a script again
from the start (PostgreSQL after a deadlock), so a script must do nothing but compute and yield.

    def work() -> Script[int]:
        row = yield from one("SELECT credits FROM ledger WHERE interaction_id = ?", (iid,))
        return 0 if row is None else row["credits"]

    credits = await store.run(work)

The SQL is the common ground of SQLite and PostgreSQL: `?` or `:name` parameters, ON CONFLICT,
RETURNING, CAST(… AS BIGINT) where PostgreSQL would otherwise infer another type; no `$`, no
`E'…'` strings (the PostgreSQL store refuses them).
"""

from __future__ import annotations

import abc
import hashlib
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, Self, TypeVar

Parameters = Sequence[object] | Mapping[str, object]
_T = TypeVar("_T")


class Row(Protocol):
    """A result row: columns by name or position (sqlite3.Row and asyncpg.Record both are)."""

    def __getitem__(self, key: Any, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


Want = Literal["one", "all", "count", "each", "lock"]


@dataclass(frozen=True, slots=True)
class Statement:
    """One SQL statement of a script and what the script wants back from it."""

    sql: str
    want: Want
    parameters: Parameters = ()
    many: Sequence[Parameters] = ()  # for "each": one set of parameters per run


Script = Generator[Statement, Any, _T]
Work = Callable[[], Script[_T]]
"""Makes a fresh script; a backend may call it more than once (see the module docstring)."""


def one(sql: str, parameters: Parameters = ()) -> Script[Row | None]:
    """The statement's first row, or None."""
    row: Row | None = yield Statement(sql, "one", parameters)
    return row


def every(sql: str, parameters: Parameters = ()) -> Script[list[Row]]:
    """All the statement's rows."""
    rows: list[Row] = yield Statement(sql, "all", parameters)
    return rows


def count(sql: str, parameters: Parameters = ()) -> Script[int]:
    """How many rows a write without RETURNING changed."""
    changed: int = yield Statement(sql, "count", parameters)
    return changed


def each(sql: str, many: Sequence[Parameters]) -> Script[None]:
    """Run the statement once per set of parameters (nothing when there are none)."""
    if many:
        yield Statement(sql, "each", many=many)


def lock(*names: str | int) -> Script[None]:
    """Hold a lock on `names` (e.g. "guild", 42) until the transaction ends, in every process.

    Scripts that take the same lock run one after the other, so one can read and then write
    without another in between. SQLite's write transactions run one at a time anyway. The
    names become a 32-bit key: two different names may share one, which only makes their
    scripts take turns, never lets two with the same name run together.
    """
    digest = hashlib.blake2b(repr(names).encode(), digest_size=4).digest()
    yield Statement("", "lock", (int.from_bytes(digest, "big", signed=True),))


def drive(work: Work[_T], perform: Callable[[Statement], Any]) -> _T:
    """Run a script to its end, `perform` executing each statement it yields."""
    script = work()
    try:
        statement = next(script)
        while True:
            statement = script.send(perform(statement))
    except StopIteration as done:
        result: _T = done.value
        return result
    finally:
        script.close()


class StoreError(Exception):
    """The database cannot be used as it is; the message is meant for the operator."""


class StoreUnavailable(Exception):
    """The database could not do the work now (locked, unreachable, timed out, damaged).

    Nothing of the work was kept. Settling what was paid for retries later; a new request is
    refused with "nothing was spent". The message is for the log and names no secret.
    """


class Store(abc.ABC):
    """An open database with the bot's schema. Open with `open_store`; close with `close()`."""

    schema_version: int

    @abc.abstractmethod
    async def run(self, work: Work[_T]) -> _T:
        """Run the script in one transaction: committed if it returns, rolled back if it raises.

        The script's own exceptions come through unchanged; a database that cannot run it now
        raises StoreUnavailable.
        """

    @abc.abstractmethod
    async def read(self, work: Work[_T]) -> _T:
        """Run a script that only reads, in one snapshot, so its statements agree.

        Unlike run(), it never waits for a writer (SQLite under WAL; PostgreSQL's MVCC).
        """

    @abc.abstractmethod
    async def fetch(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        """Run one statement on its own and return its rows (a SELECT, or a write … RETURNING)."""

    @abc.abstractmethod
    async def execute(self, sql: str, parameters: Parameters = ()) -> int:
        """Run one write statement on its own; returns the number of rows it changed."""

    @abc.abstractmethod
    async def ping(self) -> None:
        """Answer a trivial query, or raise: a readiness probe (the caller bounds the wait)."""

    @abc.abstractmethod
    async def close(self) -> None: ...

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
