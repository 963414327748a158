"""The databases tests run against: an SQLite file, and a PostgreSQL schema when one is offered.

PostgreSQL tests need `IMAGINE_TEST_DATABASE_URL` (`.ci/run` sets it to the machine's server);
without it they are skipped with a reason that names the setting. Each test gets a schema of its
own, dropped afterwards, so runs and tests cannot see each other's rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiosqlite
import asyncpg
import pytest
import yarl

TEST_DATABASE_SETTING = "IMAGINE_TEST_DATABASE_URL"
BACKENDS = ("sqlite", "postgresql")


def server_url() -> str:
    """The test server's URL, or skip the test saying which setting would run it."""
    url = os.environ.get(TEST_DATABASE_SETTING)
    if not url:
        pytest.skip(
            f"needs PostgreSQL: set {TEST_DATABASE_SETTING}, e.g. "
            "postgresql://postgres@127.0.0.1:5432/test"
        )
    return url


def unreachable() -> str | None:
    """Why the PostgreSQL server the setting names cannot be used; None if it can (or unset)."""
    url = os.environ.get(TEST_DATABASE_SETTING)
    if not url:
        return None

    async def connect() -> None:
        conn = await asyncpg.connect(url, timeout=10)
        await conn.close()

    try:
        asyncio.run(connect())
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        return f"{TEST_DATABASE_SETTING} is set, but its server cannot be used: {error}"
    return None


@contextlib.asynccontextmanager
async def postgres_schema() -> AsyncIterator[str]:
    """A new, empty schema on the test server; yields a URL whose connections use only it."""
    async with schema_on(server_url()) as url:
        yield url


@contextlib.asynccontextmanager
async def schema_on(url: str, prefix: str = "imagine_test") -> AsyncIterator[str]:
    """A new, empty schema on the server of `url`, dropped afterwards; yields a URL using it."""
    schema = f"{prefix}_{uuid.uuid4().hex[:16]}"
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(f'CREATE SCHEMA "{schema}"')
    finally:
        await conn.close()
    try:
        yield str(yarl.URL(url).update_query(search_path=schema))
    finally:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        finally:
            await conn.close()


@contextlib.asynccontextmanager
async def database(backend: str, folder: Path) -> AsyncIterator[str | Path]:
    """Where a store of `backend` lives for one test: a file in `folder`, or a fresh schema."""
    if backend == "sqlite":
        yield folder / "imagine.sqlite3"
        return
    async with postgres_schema() as url:
        yield url


def setting_for(location: str | Path) -> str:
    """The setting that points the bot at `location`: DATABASE_PATH or DATABASE_URL."""
    return "database_path" if isinstance(location, Path) else "database_url"


@contextlib.asynccontextmanager
async def sqlite_write_lock(path: Path) -> AsyncIterator[None]:
    """Another connection, as another process would, takes SQLite's write lock and keeps it."""
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        await conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            await conn.rollback()


async def query(location: str | Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows of `sql` read with the plain driver, independently of the Store under test."""
    if isinstance(location, Path):
        async with aiosqlite.connect(location) as conn:
            return [tuple(row) for row in await conn.execute_fetchall(sql)]
    server = await asyncpg.connect(location)
    try:
        return [tuple(row) for row in await server.fetch(sql)]
    finally:
        await server.close()


async def schema_version(location: str | Path) -> int:
    if isinstance(location, Path):
        [(version,)] = await query(location, "PRAGMA user_version")
    else:
        [(version,)] = await query(location, "SELECT MAX(version) FROM imagine_schema")
    return int(str(version))


async def set_schema_version(location: str | Path, version: int) -> None:
    if isinstance(location, Path):
        await query(location, f"PRAGMA user_version = {version:d}")
    else:
        await query(location, f"UPDATE imagine_schema SET version = {version:d}")


async def tables(location: str | Path) -> set[str]:
    sql = (
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        if isinstance(location, Path)
        else "SELECT table_name FROM information_schema.tables"
        " WHERE table_schema = current_schema()"
    )
    return {str(name) for (name,) in await query(location, sql)}


@contextlib.asynccontextmanager
async def frozen_proxy(url: str) -> AsyncIterator[tuple[str, Callable[[], None]]]:
    """A TCP relay to the server of `url`; yields the URL through it and a `freeze()` that makes
    it stop passing bytes either way while keeping the connections open (a network partition)."""
    target = yarl.URL(url)
    frozen = asyncio.Event()
    relays: set[asyncio.Task[None]] = set()

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            if frozen.is_set():
                await asyncio.Event().wait()  # swallow: the other side hears nothing, ever
            writer.write(data)
            await writer.drain()

    async def relay(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        server_r, server_w = await asyncio.open_connection(target.host, target.port)
        for task in (pipe(client_r, server_w), pipe(server_r, client_w)):
            relays.add(asyncio.create_task(task))

    server = await asyncio.start_server(relay, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield str(target.with_host("127.0.0.1").with_port(port)), frozen.set
    finally:
        server.close()
        for task in relays:
            task.cancel()
        await asyncio.gather(*relays, return_exceptions=True)
