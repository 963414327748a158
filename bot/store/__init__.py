"""The bot's database: SQLite (an embedded file, the default) or PostgreSQL (`DATABASE_URL`).

Both backends run the same scripts (bot/store/base.py) and the same numbered migrations
(bot/store/migrations.py); callers hold a `Store` and never learn which one it is.
"""

from __future__ import annotations

from pathlib import Path

from bot.store import postgres, sqlite
from bot.store.base import (
    Parameters,
    Row,
    Script,
    Statement,
    Store,
    StoreError,
    StoreUnavailable,
    Work,
    count,
    each,
    every,
    lock,
    one,
)
from bot.store.postgres import PostgresStore
from bot.store.sqlite import SQLiteStore

__all__ = [
    "Parameters",
    "PostgresStore",
    "Row",
    "SQLiteStore",
    "Script",
    "Statement",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "Work",
    "check",
    "count",
    "each",
    "every",
    "is_postgres_url",
    "lock",
    "one",
    "open_store",
]


def is_postgres_url(location: str | Path) -> bool:
    return isinstance(location, str) and location.partition("://")[0] in postgres.SCHEMES


async def open_store(
    location: str | Path, *, pool_size: int = 10, migrations: Path | None = None
) -> Store:
    """Open the database a PostgreSQL URL or an SQLite path names, migrated to this bot's schema.

    StoreError says in one line why it cannot be used.
    """
    if is_postgres_url(location):
        return await PostgresStore.open(str(location), pool_size=pool_size, migrations=migrations)
    return await SQLiteStore.open(Path(location), migrations=migrations)


async def check(location: str | Path, *, migrations: Path | None = None) -> str:
    """One line saying whether the database is usable (it changes nothing), or StoreError."""
    if is_postgres_url(location):
        return await postgres.check(str(location), migrations=migrations)
    return await sqlite.check(Path(location), migrations=migrations)
