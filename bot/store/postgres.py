"""The PostgreSQL store: an asyncpg pool, for several bot processes sharing one database.

Each script runs in its own transaction on a pooled connection, one await per statement, at
PostgreSQL's default READ COMMITTED: every statement sees what other transactions committed
before it began. A script that must read and then write without anyone in between (the budget
check) takes a lock first (`bot.store.base.lock`: an advisory lock, held until COMMIT). A
transaction
PostgreSQL aborts to break a deadlock or a serialisation conflict is run again from the start,
a few times, which is why scripts only compute and yield.

The scripts' SQL uses SQLite's `?` and `:name` parameters; `_translate` rewrites them to
PostgreSQL's `$1`, once per statement text, and refuses (at the statement's first run) SQL the
two databases read differently, such as `$$…$$` or `E'…'`. A hand-written lexer rather than an
SQL parsing library: it must read strings exactly as both servers do, and no more. The schema
version is kept in `imagine_schema`.
"""

from __future__ import annotations

import asyncio
import functools
import random
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from bot.store.base import (
    Parameters,
    Row,
    Statement,
    Store,
    StoreError,
    StoreUnavailable,
    Work,
)
from bot.store.migrations import (
    Migration,
    discover,
    for_postgres,
    migrations_dir,
    newer_schema_message,
    verdict,
)

SCHEMES = ("postgresql", "postgres")
CONNECT_TIMEOUT = 10.0  # seconds to reach the server at start-up
# Seconds a transaction waits for a free pooled connection. A burst (hundreds of members at
# once) waits its turn here, as it would for SQLite's one connection: only a pool stuck this
# long means the server is not answering.
ACQUIRE_TIMEOUT = 30.0
# Seconds a statement may wait for the server's answer: a server that stopped answering (a network
# partition, a frozen host) is then StoreUnavailable, not a request hanging for TCP's minutes.
COMMAND_TIMEOUT = 35.0  # above statement_timeout, so the server's own cancel normally comes first
CLOSE_TIMEOUT = 10.0  # seconds close() waits for connections in use before cutting them
SERVER_SETTINGS = {
    "application_name": "imagine-bot",
    "lock_timeout": "5s",  # a lock wait gives up like SQLite's busy timeout
    "statement_timeout": "30s",
    # A client that froze mid-transaction must not hold its guild's lock until TCP notices.
    "idle_in_transaction_session_timeout": "60s",
    # Strings read as SQLite and `_translate` read them ('\' is a backslash), whatever the
    # role's or database's default.
    "standard_conforming_strings": "on",
}
ATTEMPTS = 5  # runs of a script PostgreSQL aborted as a deadlock or serialisation failure
# What says the database cannot do the work now, rather than that the work is wrong.
_UNAVAILABLE = (
    OSError,
    TimeoutError,  # COMMAND_TIMEOUT, or no free pooled connection within ACQUIRE_TIMEOUT
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,  # the connection or the pool is closed
    asyncpg.exceptions.InsufficientResourcesError,  # too many connections, disk full
    asyncpg.exceptions.OperatorInterventionError,  # shutting down, statement_timeout
    asyncpg.exceptions.LockNotAvailableError,  # lock_timeout passed
    asyncpg.exceptions.TransactionRollbackError,  # deadlock or conflict, ATTEMPTS times
    asyncpg.exceptions.ReadOnlySQLTransactionError,  # a failover left us on a standby
    asyncpg.exceptions.PostgresSystemError,  # the server's disk failed (I/O)
    asyncpg.exceptions.DataCorruptedError,
    asyncpg.exceptions.IndexCorruptedError,
)
# Every transaction that may change the schema holds this lock, one per schema.
_SCHEMA_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema()))"
_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema()), $1)"
_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS imagine_schema (version BIGINT NOT NULL)"
_T = TypeVar("_T")
Connection = asyncpg.Connection | PoolConnectionProxy


class _Connection(asyncpg.Connection):
    """A pooled connection released as it is, without asyncpg's reset statements.

    asyncpg sends `pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL` on every release,
    a round trip per transaction. The bot leaves nothing of that kind behind: its locks end
    with their transaction, it opens no cursor, listens to nothing and sets nothing. An open
    transaction is still rolled back on release (asyncpg does that apart from this query).
    """

    def get_reset_query(self) -> str:
        return ""


class PostgresStore(Store):
    """An open PostgreSQL database. Create with `await PostgresStore.open(url)`."""

    def __init__(self, pool: asyncpg.Pool, url: str, schema_version: int) -> None:
        self._pool = pool
        self._where = redacted(url)
        self.schema_version = schema_version

    def __str__(self) -> str:
        return f"PostgreSQL database {self._where}"

    @classmethod
    async def open(
        cls, url: str, *, pool_size: int = 10, migrations: Path | None = None
    ) -> PostgresStore:
        """Migrate the schema, then connect a pool to `url`; StoreError says why it cannot."""
        version = await _migrate(url, migrations or migrations_dir())
        try:
            pool = await asyncpg.create_pool(
                url,
                min_size=1,
                max_size=pool_size,
                timeout=CONNECT_TIMEOUT,
                command_timeout=COMMAND_TIMEOUT,
                server_settings=SERVER_SETTINGS,
                connection_class=_Connection,
            )
        except (*_UNAVAILABLE, asyncpg.PostgresError, ValueError) as error:
            raise StoreError(f"cannot connect to {redacted(url)}: {_describe(error)}") from None
        return cls(pool, url, version)

    async def close(self) -> None:
        """Wait a little for connections in use, then cut them: a dead server must not hang
        the bot's shutdown."""
        try:
            await asyncio.wait_for(self._pool.close(), CLOSE_TIMEOUT)
        except TimeoutError:
            self._pool.terminate()

    async def run(self, work: Work[_T]) -> _T:
        async def transaction(conn: Connection) -> _T:
            async with conn.transaction():
                return await _drive(conn, work)

        return await self._attempt(transaction)

    async def read(self, work: Work[_T]) -> _T:
        async def snapshot(conn: Connection) -> _T:
            async with conn.transaction(isolation="repeatable_read", readonly=True):
                return await _drive(conn, work)

        return await self._attempt(snapshot)

    async def fetch(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        rows: list[Row] = await self._attempt(
            lambda conn: _perform(conn, Statement(sql, "all", parameters))
        )
        return rows

    async def execute(self, sql: str, parameters: Parameters = ()) -> int:
        changed: int = await self._attempt(
            lambda conn: _perform(conn, Statement(sql, "count", parameters))
        )
        return changed

    async def ping(self) -> None:
        await self._attempt(lambda conn: conn.fetchval("SELECT 1"))

    async def _attempt(self, job: Callable[[Connection], Awaitable[_T]]) -> _T:
        """Run `job` on a pooled connection; again if PostgreSQL broke a deadlock with it."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                async with self._pool.acquire(timeout=ACQUIRE_TIMEOUT) as conn:
                    return await job(conn)
            except asyncpg.exceptions.TransactionRollbackError as error:
                if attempt == ATTEMPTS:
                    raise StoreUnavailable(
                        f"PostgreSQL: {_describe(error)} ({ATTEMPTS} attempts)"
                    ) from error
            except _UNAVAILABLE as error:
                raise StoreUnavailable(f"PostgreSQL: {_describe(error)}") from error
            # Apart, so the transactions that collided do not collide again.
            await asyncio.sleep(random.uniform(0, 0.01 * 2**attempt))
        raise AssertionError("unreachable: the last attempt returns or raises")


async def _drive(conn: Connection, work: Work[_T]) -> _T:
    """bot.store.base.drive, with an await per statement."""
    script = work()
    try:
        statement = next(script)
        while True:
            statement = script.send(await _perform(conn, statement))
    except StopIteration as done:
        result: _T = done.value
        return result
    finally:
        script.close()


async def _perform(conn: Connection, statement: Statement) -> Any:
    if statement.want == "lock":  # keyed by the schema too: deployments sharing a database
        await conn.execute(_LOCK, *statement.parameters)
        return None
    sql, names = _translate(statement.sql)
    if statement.want == "each":
        await conn.executemany(sql, [_arguments(names, p) for p in statement.many])
        return None
    arguments = _arguments(names, statement.parameters)
    if statement.want == "one":
        return await conn.fetchrow(sql, *arguments)
    if statement.want == "all":
        return await conn.fetch(sql, *arguments)
    status: str = await conn.execute(sql, *arguments)  # "UPDATE 3", "INSERT 0 1", "CREATE TABLE"
    changed = status.rpartition(" ")[2]
    return int(changed) if changed.isdigit() else 0


# SQL read the way both databases read it: what stays as it is (strings, quoted names and
# comments, so a ? inside one is text), the parameters, and what SQLite and PostgreSQL read
# differently or this lexer cannot read (refused rather than guessed at).
_TOKEN = re.compile(
    r"""
      '(?:[^']|'')*'                                # a string ('' is a quote in it)
    | "(?:[^"]|"")*"                                # a quoted name
    | --[^\n]*                                      # a comment to the end of the line
    | /\*(?:[^*/]|\*(?!/)|/(?!\*))*\*/              # a block comment with no /* inside
    | (?P<e_string>(?<![\w$])[Ee]')                 # E'…': backslash escapes
    | (?P<dollar>\$)                                # $$…$$, $tag$…$tag$, $1
    | (?P<open_string>')
    | (?P<open_name>")
    | (?P<open_comment>/\*)                         # unterminated, or a comment in a comment
    | (?P<operator>\?[\d?|&])                       # ?NNN, or jsonb's ?| ?& ??
    | (?<![:\w]):(?P<name>[A-Za-z_]\w*)
    | (?P<positional>\?)
    """,
    re.VERBOSE,
)
_REFUSED = {
    "e_string": "an E'…' string (backslash escapes are PostgreSQL's alone)",
    "dollar": "a $ (dollar quoting and $n parameters are PostgreSQL's alone; use ? or :name)",
    "open_string": "an unterminated string",
    "open_name": "an unterminated quoted name",
    "open_comment": "an unterminated /* comment, or one inside another (PostgreSQL nests them)",
    "operator": "?NNN or a ? operator (write ? alone for a parameter)",
}


class UntranslatableStatement(Exception):
    """SQL the translator would have to guess at: a bug in the bot's SQL, raised (loudly, not
    as StoreUnavailable) at the statement's first run instead of running it wrong."""


@functools.lru_cache(maxsize=1024)
def _translate(sql: str) -> tuple[str, tuple[str, ...] | None]:
    """The statement with $1, $2… parameters, and the names they stand for (None: `?` ones).

    Cached per statement text: the lexing happens once, not on every run.
    """
    names: list[str] = []
    positional = 0

    def number(match: re.Match[str]) -> str:
        nonlocal positional
        kind = match.lastgroup
        if kind in _REFUSED:
            raise _untranslatable(sql, _REFUSED[kind], match.start())
        if kind == "positional":
            positional += 1
            return f"${positional}"
        if kind != "name":  # a string, a quoted name or a comment
            return match[0]
        if match[kind] not in names:
            names.append(match[kind])
        return f"${names.index(match[kind]) + 1}"

    translated = _TOKEN.sub(number, sql)
    if names and positional:
        raise _untranslatable(sql, "both ? and :name parameters")
    return translated, tuple(names) if names else None


def _untranslatable(sql: str, what: str, at: int | None = None) -> UntranslatableStatement:
    """One line naming what was refused and where, with the statement's text around it."""
    where = "" if at is None else f" at character {at + 1}"
    start = 0 if at is None else max(at - 30, 0)
    near = " ".join(sql[start : start + 60].split())
    return UntranslatableStatement(
        f"cannot translate SQL for PostgreSQL: {what}{where}, in {near!r}"
    )


def _arguments(names: tuple[str, ...] | None, parameters: Parameters) -> Sequence[object]:
    if names is None:
        if isinstance(parameters, Mapping):
            raise TypeError("named parameters given to a statement with ? parameters")
        return parameters
    if not isinstance(parameters, Mapping):
        raise TypeError("positional parameters given to a statement with :name parameters")
    return [parameters[name] for name in names]


async def _migrate(url: str, directory: Path) -> int:
    """Bring the schema up to the newest migration, each in a transaction with its version.

    On a connection of its own, without the pool's command timeout: a migration (an index on a
    big table) or the wait for another process's may take longer. Safe against another process
    migrating at the same time: each step holds the schema's advisory lock and re-reads the
    version under it.
    """
    migrations = discover(directory)
    conn = await _connect(url)
    try:
        while await _apply_next(conn, migrations):
            pass
    except asyncpg.PostgresError as error:
        raise StoreError(f"migrating the PostgreSQL schema failed: {_describe(error)}") from None
    except _UNAVAILABLE as error:
        raise StoreError(f"PostgreSQL stopped answering: {_describe(error)}") from None
    finally:
        try:
            await conn.close(timeout=CLOSE_TIMEOUT)
        except (*_UNAVAILABLE, asyncpg.PostgresError):
            conn.terminate()
    return len(migrations)


async def _connect(url: str) -> asyncpg.Connection:
    """One connection with no command timeout, to a schema that exists, or StoreError."""
    try:
        conn: asyncpg.Connection = await asyncpg.connect(
            url, timeout=CONNECT_TIMEOUT, server_settings=SERVER_SETTINGS
        )
        try:
            row = await conn.fetchrow(_SCHEMA)
        except BaseException:
            conn.terminate()
            raise
    except (*_UNAVAILABLE, asyncpg.PostgresError, ValueError) as error:
        raise StoreError(f"cannot connect to {redacted(url)}: {_describe(error)}") from None
    assert row is not None  # a SELECT without FROM returns one row
    schema, search_path, user = row
    if schema is None:  # PostgreSQL's own error comes later and names nothing
        conn.terminate()
        raise StoreError(f"PostgreSQL database {redacted(url)}: {_no_schema(search_path, user)}")
    return conn


# The schema the bot's tables go in (the first one of the search_path that exists, or NULL).
_SCHEMA = "SELECT current_schema(), current_setting('search_path'), quote_ident(current_user)"


def _no_schema(search_path: str, user: str) -> str:
    """Which schema the search_path wants and how to make it, in words for the operator."""
    first = search_path.partition(",")[0].strip()
    if not first:
        return "its search_path names no schema; name one with ?search_path= in DATABASE_URL"
    if first.strip('"') == "$user":
        first = user
    elif not first.startswith('"'):
        first = first.lower()  # PostgreSQL folds an unquoted name to lower case
    return (
        f"schema {first} (the first of its search_path) does not exist; create it "
        f"(CREATE SCHEMA {first}) or name an existing one with ?search_path= in DATABASE_URL"
    )


# The version table in the schema the bot uses, not one further along the search path.
_HAS_VERSION_TABLE = "SELECT to_regclass(format('%I.imagine_schema', current_schema())) IS NOT NULL"


async def _apply_next(conn: Connection, migrations: list[Migration]) -> bool:
    """Apply the first migration the schema lacks; False when it lacks none."""
    async with conn.transaction():
        # Another process may be migrating: wait for it however long that takes.
        await conn.execute("SET LOCAL lock_timeout = 0")
        await conn.execute("SET LOCAL statement_timeout = 0")
        await conn.execute(_SCHEMA_LOCK)
        if not await conn.fetchval(_HAS_VERSION_TABLE):
            await conn.execute(_VERSION_TABLE)
        current = await _version(conn)
        if current > len(migrations):
            raise StoreError(newer_schema_message(current, len(migrations)))
        if current == len(migrations):
            return False
        migration = migrations[current]
        try:
            for statement in migration.statements():
                await conn.execute(for_postgres(statement))
        except asyncpg.PostgresError as error:
            raise StoreError(f"migration {migration.path.name} failed: {error}") from None
        await conn.execute("DELETE FROM imagine_schema")
        await conn.execute("INSERT INTO imagine_schema (version) VALUES ($1)", migration.version)
        return True


async def _version(conn: Connection) -> int:
    version = await conn.fetchval("SELECT MAX(version) FROM imagine_schema")
    return 0 if version is None else int(version)


async def check(url: str, *, migrations: Path | None = None) -> str:
    """Say in plain words whether the database at `url` is usable, without changing it.

    Connects once and reads; StoreError says why the database cannot be used.
    """
    newest = len(discover(migrations or migrations_dir()))
    where = f"PostgreSQL database {redacted(url)}"
    conn = await _connect(url)
    try:
        if not await conn.fetchval(_HAS_VERSION_TABLE):
            return verdict(where, 0, newest)
        return verdict(where, await _version(conn), newest)
    except (*_UNAVAILABLE, asyncpg.PostgresError) as error:
        raise StoreError(f"cannot read {where}: {_describe(error)}") from None
    finally:
        await conn.close()


def redacted(url: str) -> str:
    """The URL without its passwords (in the user part or the query), fit for logs and messages."""
    parts = urlsplit(url)
    user, at, host = parts.netloc.rpartition("@")
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not (at and ":" in user) and not any(name in _SECRET_PARAMETERS for name, _ in pairs):
        return url
    if ":" in user:
        user = f"{user.partition(':')[0]}:***"
    query = [(name, "***" if name in _SECRET_PARAMETERS else value) for name, value in pairs]
    netloc = f"{user}@{host}" if at else host
    shown = f"{parts.scheme}://{netloc}{parts.path}"
    if query:
        shown += f"?{urlencode(query, safe='*/:')}"
    return shown + (f"#{parts.fragment}" if parts.fragment else "")


_SECRET_PARAMETERS = frozenset({"password", "sslpassword"})


def passwords(url: str) -> list[str]:
    """The passwords the URL carries, as written and decoded, for the log's redaction."""
    parts = urlsplit(url)
    pairs = (pair.partition("=") for pair in parts.query.split("&"))
    query = [value for name, _, value in pairs if name in _SECRET_PARAMETERS]
    written = [parts.password or "", *query]
    forms = (dict.fromkeys((secret, unquote_plus(secret))) for secret in written if secret)
    return [form for both in forms for form in both]


def _describe(error: BaseException) -> str:
    """The error in one line, without a traceback (asyncpg's messages name no password)."""
    return (str(error).strip() or type(error).__name__).splitlines()[0]
