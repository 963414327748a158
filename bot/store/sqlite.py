"""The SQLite store: one aiosqlite connection shared by coroutines, plus schema migrations.

Facts this is built on (see the project's notes on SQLite under asyncio): every await is a hop
to the connection's thread, so a script runs whole on that thread, in one hop; writes use
`BEGIN IMMEDIATE` so a second connection (another process) waits on `busy_timeout` instead of
failing with "database is locked" on lock upgrade, and so every write transaction runs alone;
WAL lets readers run meanwhile. The schema version is SQLite's `user_version`.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from bot.store.base import (
    Parameters,
    Row,
    Statement,
    Store,
    StoreError,
    StoreUnavailable,
    Work,
    drive,
)
from bot.store.migrations import (
    Migration,
    discover,
    migrations_dir,
    newer_schema_message,
    verdict,
)

BUSY_TIMEOUT_MS = 5000
_T = TypeVar("_T")


class SQLiteStore(Store):
    """An open SQLite file. Create with `await SQLiteStore.open(path)`."""

    def __init__(self, conn: aiosqlite.Connection, path: Path, schema_version: int) -> None:
        self._conn = conn
        self._lock = asyncio.Lock()
        self._queued: list[tuple[Work[Any], asyncio.Future[Any]]] = []
        self._draining: asyncio.Task[None] | None = None
        self.path = path
        self.schema_version = schema_version

    def __str__(self) -> str:
        return f"SQLite database {self.path}"

    @classmethod
    async def open(cls, path: Path, *, migrations: Path | None = None) -> SQLiteStore:
        """Open (creating it if needed) and migrate the database at `path`.

        A file that cannot be created or is not a database raises StoreError in plain words.
        """
        _check_location(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = await aiosqlite.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot open database {path}: {_reason(error)}") from error
        try:
            conn.row_factory = sqlite3.Row
            await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await _enable_wal(conn)
            for pragma in ("synchronous = NORMAL", "foreign_keys = ON"):
                await conn.execute(f"PRAGMA {pragma}")
            version = await migrate(conn, migrations or migrations_dir())
        except BaseException as error:
            await conn.close()
            if isinstance(error, sqlite3.Error):
                raise StoreError(f"cannot open database {path}: {_reason(error)}") from error
            raise
        return cls(conn, path, version)

    async def close(self) -> None:
        async with self._lock:
            await self._conn.close()

    async def execute(self, sql: str, parameters: Parameters = ()) -> int:
        """A lone statement is atomic and takes the write lock before it reads (like BEGIN
        IMMEDIATE), so this saves the two round trips of an explicit transaction."""
        async with self._lock, _unavailable_on_error():
            cursor = await self._conn.execute(sql, parameters)
            return cursor.rowcount

    async def fetch(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        """Atomic like execute(), and one round trip instead of a transaction's three or more."""
        async with self._lock, _unavailable_on_error():
            return list(await self._conn.execute_fetchall(sql, parameters))

    async def run(self, work: Work[_T]) -> _T:
        """Run the script on the database thread, in one round trip.

        Each awaited statement would be a hop to the connection's thread and back; a transaction
        of several statements would pay that for each, plus a WAL commit. Scripts queued while
        the connection is busy run together in one transaction (group commit), each inside its
        own savepoint: a script that raises undoes only its own changes and gets its own
        exception. Results are delivered once that transaction has committed; if it cannot
        commit, every script in it gets the error. A script whose caller was cancelled before
        it started is skipped; once started it runs to the end (the caller still sees the
        cancellation).
        """
        future: asyncio.Future[_T] = asyncio.get_running_loop().create_future()
        self._queued.append((work, future))
        if self._draining is None:
            self._draining = asyncio.create_task(self._drain())
        return await future

    async def read(self, work: Work[_T]) -> _T:
        async with self._lock, _unavailable_on_error():
            result: _T = await self._conn._execute(  # type: ignore[no-untyped-call]
                _run_read, self._conn._conn, work
            )
            return result

    async def _drain(self) -> None:
        batch: list[tuple[Work[Any], asyncio.Future[Any]]] = []
        try:
            while self._queued:
                async with self._lock:  # the batch is taken once the connection is free
                    batch = [job for job in self._queued if not job[1].cancelled()]
                    self._queued = []
                    if not batch:
                        continue
                    try:
                        # aiosqlite has no public way to run a function on its thread.
                        outcomes = await self._conn._execute(  # type: ignore[no-untyped-call]
                            _run_batch, self._conn._conn, [work for work, _ in batch]
                        )
                    except Exception as error:
                        outcomes = [(False, _translated(error))] * len(batch)
                for (_, future), (ok, value) in zip(batch, outcomes, strict=True):
                    if future.done():  # the caller was cancelled meanwhile
                        continue
                    if ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
        finally:  # normally all settled; if this task was cancelled, so are the waiting callers
            self._draining = None
            for _, future in [*batch, *self._queued]:
                future.cancel()
            self._queued = []

    async def ping(self) -> None:
        async with self._lock:
            await self._conn.execute("SELECT 1")


def _translated(error: Exception) -> Exception:
    """SQLite's operational failures (locked, busy, I/O, a damaged file) as StoreUnavailable.

    Errors in the SQL itself or the data (a constraint) are the caller's and pass unchanged.
    """
    if isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError:
        unavailable = StoreUnavailable(f"SQLite: {error}")
        unavailable.__cause__ = error
        return unavailable
    return error


@asynccontextmanager
async def _unavailable_on_error() -> AsyncIterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        translated = _translated(error)
        if translated is error:
            raise
        raise translated from error


async def _enable_wal(conn: aiosqlite.Connection) -> None:
    """Switch to WAL, retrying while another connection is busy with the same new file.

    SQLite answers this pragma with "database is locked" at once, without the busy handler,
    while another process is creating or converting the file; that wait is short, so retry
    within the busy timeout rather than fail the start-up.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            await conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_BUSY or loop.time() >= deadline:
                raise
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.1)


def _run_batch(conn: sqlite3.Connection, works: list[Work[Any]]) -> list[tuple[bool, Any]]:
    """On the database thread: the scripts in one transaction, each in a savepoint."""
    outcomes: list[tuple[bool, Any]] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for work in works:
            conn.execute("SAVEPOINT work")
            try:
                outcomes.append((True, drive(work, lambda statement: _perform(conn, statement))))
            except Exception as error:
                if not conn.in_transaction:  # SQLite rolled the whole transaction back
                    raise
                conn.execute("ROLLBACK TO work")
                outcomes.append((False, _translated(error)))
            conn.execute("RELEASE work")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    return outcomes


def _run_read(conn: sqlite3.Connection, work: Work[_T]) -> _T:
    """On the database thread: a deferred transaction, which under WAL takes no write lock."""
    conn.execute("BEGIN")
    try:
        return drive(work, lambda statement: _perform(conn, statement))
    finally:
        conn.rollback()  # it changed nothing; this only ends the snapshot


def _perform(conn: sqlite3.Connection, statement: Statement) -> Any:
    sql, want = statement.sql, statement.want
    if want == "lock":  # BEGIN IMMEDIATE: no other write transaction runs meanwhile
        return None
    if want == "each":
        conn.executemany(sql, statement.many)
        return None
    cursor = conn.execute(sql, statement.parameters)
    if want == "one":
        return cursor.fetchone()
    if want == "all":
        return cursor.fetchall()
    return cursor.rowcount


async def migrate(conn: aiosqlite.Connection, directory: Path) -> int:
    """Bring the database up to the newest migration in `directory`; returns that version.

    `conn` must be in autocommit mode. Safe against another process migrating at the same time:
    each step re-reads the version inside its write transaction.
    """
    migrations = discover(directory)
    newest = len(migrations)
    current = await user_version(conn)
    if current > newest:
        raise StoreError(newer_schema_message(current, newest))
    for migration in migrations[current:]:
        await _apply(conn, migration)
    return newest


async def user_version(conn: aiosqlite.Connection) -> int:
    rows = list(await conn.execute_fetchall("PRAGMA user_version"))
    return int(rows[0][0])


@asynccontextmanager
async def _in_transaction(conn: aiosqlite.Connection, begin: str) -> AsyncIterator[None]:
    """Run the block between `begin` and COMMIT; roll back if either the block or COMMIT fails.

    A COMMIT that fails (busy past the timeout, a deferred constraint) leaves the transaction
    open: without the rollback every later BEGIN would fail, and lone writes would join the
    open transaction and be lost at close.
    """
    await conn.execute(begin)
    try:
        yield
        await conn.execute("COMMIT")
    except BaseException:
        await conn.rollback()
        raise


async def _apply(conn: aiosqlite.Connection, migration: Migration) -> None:
    statements = migration.statements()
    try:
        async with _in_transaction(conn, "BEGIN IMMEDIATE"):
            if await user_version(conn) < migration.version:
                for statement in statements:
                    await conn.execute(statement)
                await conn.execute(f"PRAGMA user_version = {migration.version:d}")
    except sqlite3.Error as exc:
        raise StoreError(f"migration {migration.path.name} failed: {exc}") from exc


async def check(path: Path, *, migrations: Path | None = None) -> str:
    """Say in plain words whether the database at `path` is usable, without changing it.

    Returns a one-line verdict when it is (or will be, after start-up migrations); raises
    StoreError with the reason when it is not.
    """
    newest = len(discover(migrations or migrations_dir()))
    if not _check_location(path):
        _try_creating_beside(path)
        return f"no database at {path} yet; start-up will create it at schema version {newest}"
    try:
        async with aiosqlite.connect(_read_only_uri(path), uri=True) as conn:
            version = await user_version(conn)
            (quick_check,) = next(iter(await conn.execute_fetchall("PRAGMA quick_check")))
    except sqlite3.Error as exc:
        raise StoreError(f"database {path} cannot be opened: {exc}") from exc
    if quick_check != "ok":
        raise StoreError(f"database {path} is damaged: {quick_check}")
    return verdict(f"database {path}", version, newest)


def _check_location(path: Path) -> bool:
    """Refuse, in a line that names the cause, a path the bot cannot keep its database at.

    SQLite's own words mislead here: "disk I/O error" for a folder, "attempt to write a
    readonly database" for a writable file in a read-only folder (WAL keeps its -wal and -shm
    files beside the database). Returns whether the database file exists already.
    """
    try:
        return _inspect_location(path)
    except OSError as error:  # the look itself refused: a name too long, a denied stat
        raise StoreError(f"cannot use database {path}: {error.strerror or error}") from None


def _inspect_location(path: Path) -> bool:
    blocked = next(
        (f for f in reversed(path.absolute().parents) if f.is_dir() and not os.access(f, os.X_OK)),
        None,
    )
    if blocked is not None:
        raise StoreError(f"cannot reach database {path}: the bot may not enter folder {blocked}")
    if path.is_dir():
        raise StoreError(
            f"database path {path} is a folder; name a file in it, such as "
            f"{path / 'imagine.sqlite3'}"
        )
    folder = _nearest_existing(path.parent)
    if not folder.is_dir():
        raise StoreError(f"cannot create database {path}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK):
        if path.exists():
            raise StoreError(
                f"cannot use database {path}: the bot may not write in its folder, where "
                "SQLite keeps its -wal and -shm files"
            )
        raise StoreError(f"cannot create database {path}: the bot may not write in {folder}")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"cannot use database {path}: the bot may not read and write the file")
    return path.exists()


def _try_creating_beside(path: Path) -> None:
    """Create and remove a folder where start-up would create the database's first folder.

    Permission bits do not tell everything: root may write anywhere by them, yet not in /proc
    or on a read-only mount. The probe leaves nothing behind.
    """
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".imagine-check-", dir=_nearest_existing(path.parent)))
    except OSError as error:
        raise StoreError(f"cannot create database {path}: {error.strerror or error}") from None


def _nearest_existing(folder: Path) -> Path:
    """`folder`, or its closest ancestor that exists: where start-up's mkdir would begin."""
    while not folder.exists():
        folder = folder.parent
    return folder


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def _reason(error: OSError | sqlite3.Error) -> str:
    """The cause without the traceback: strerror for OS errors, SQLite's own message otherwise."""
    return (error.strerror if isinstance(error, OSError) else None) or str(error)
