"""`python -m bot backup PATH`: a consistent copy of the SQLite database while the bot runs.

Copying the file with `cp` while the bot writes can tear a transaction, and misses what still
sits in the -wal file. SQLite's online backup API copies the database as one snapshot (the
copy is taken in a single step, so a write committed meanwhile cannot restart or tear it),
WAL included. The copy is written beside PATH and renamed into place, so PATH is only ever
a whole backup. PostgreSQL has its own tool for this: pg_dump.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from bot.store import StoreError, is_postgres_url


def backup(database: str | Path, destination: Path) -> str:
    """Copy the database to `destination`; one line saying what was copied, or StoreError."""
    if is_postgres_url(database):
        raise StoreError(
            "backup copies the SQLite database; with DATABASE_URL (PostgreSQL) use pg_dump"
        )
    source = Path(database)
    if not source.is_file():
        raise StoreError(f"no database at {source} to back up")
    if destination.is_dir():
        raise StoreError(
            f"{destination} is a folder; name the backup file, such as "
            f"{destination / 'imagine-backup.sqlite3'}"
        )
    with contextlib.suppress(OSError):
        if destination.resolve() == source.resolve():
            raise StoreError("the backup would overwrite the database itself; name another file")
    try:
        pages = _copy(source, destination)
    except (OSError, sqlite3.Error) as error:
        reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
        raise StoreError(f"cannot back up {source} to {destination}: {reason}") from None
    return f"backed up {source} to {destination} ({pages} pages, integrity ok)"


def _copy(source: Path, destination: Path) -> int:
    """The snapshot, checked, then moved into place; returns its page count."""
    folder = destination.parent
    descriptor, temporary = tempfile.mkstemp(prefix=".imagine-backup-", dir=folder)
    os.close(descriptor)
    try:
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(temporary)
            try:
                reader.backup(copy)  # pages=-1: all in one step, one consistent snapshot
                (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
                (pages,) = copy.execute("PRAGMA page_count").fetchone()
            finally:
                copy.close()
        finally:
            reader.close()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"the copy failed its integrity check: {verdict}")
        os.replace(temporary, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return int(pages)
