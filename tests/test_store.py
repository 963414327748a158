"""The store and its migration runner, on real SQLite files."""

from __future__ import annotations

import asyncio
import multiprocessing
import sqlite3
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import aiosqlite
import pytest

from bot.store import (
    Store,
    StoreError,
    Work,
    check,
    discover,
    migrations_dir,
    split_statements,
)

NEWEST = len(discover(migrations_dir()))


def _raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Look at the file with plain sqlite3, independently of the Store under test."""
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def _tables(path: Path) -> set[str]:
    return {str(r[0]) for r in _raw(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def _user_version(path: Path) -> int:
    return int(str(_raw(path, "PRAGMA user_version")[0][0]))


def _write(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, sql in files.items():
        (directory / name).write_text(sql)
    return directory


async def scalar(conn: aiosqlite.Connection, sql: str) -> Any:
    (row,) = await conn.execute_fetchall(sql)
    return row[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "bot.db"


@pytest.fixture
async def store(db: Path) -> AsyncIterator[Store]:
    opened = await Store.open(db)
    yield opened
    await opened.close()


async def test_open_creates_file_applies_migrations_and_pragmas(store: Store, db: Path) -> None:
    assert NEWEST >= 1
    assert store.schema_version == NEWEST == _user_version(db)
    assert {"guild_settings", "ledger", "audit_log"} <= _tables(db)
    async with store.read() as conn:
        pragmas = {
            name: await scalar(conn, f"PRAGMA {name}")
            for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
        }
    assert pragmas == {"journal_mode": "wal", "synchronous": 1, "busy_timeout": 5000,
                       "foreign_keys": 1}  # fmt: skip


async def test_reopen_runs_nothing_again_and_keeps_data(store: Store, db: Path) -> None:
    async with store.transaction() as conn:
        await conn.execute(
            "INSERT INTO guild_settings (guild_id, period, updated_at, updated_by)"
            " VALUES (1, 'week', 'now', 2)"
        )
    await store.close()
    # Re-running 0001 would fail on CREATE TABLE; reopening must simply work.
    async with await Store.open(db) as again:
        assert again.schema_version == NEWEST
    assert _user_version(db) == NEWEST
    assert _raw(db, "SELECT guild_id, period FROM guild_settings") == [(1, "week")]


async def test_concurrent_first_opens_migrate_once(tmp_path: Path) -> None:
    """Many connections racing to create the same new file all open it, and it migrates once.

    Switching a new file to WAL answers "database is locked" without waiting while another
    connection is creating it (about one race in eight lost before the retry): many rounds of
    eight openers each make a regression show every time.
    """
    for round_number in range(40):
        db = tmp_path / f"race{round_number}.db"
        opened = await asyncio.gather(*(Store.open(db) for _ in range(8)), return_exceptions=True)
        for store in opened:
            if isinstance(store, Store):
                await store.close()
        assert [type(s) for s in opened] == [Store] * 8, opened
        assert _user_version(db) == NEWEST
        assert _raw(db, "PRAGMA journal_mode") == [("wal",)]


def _open_in_rounds(folder: Path, rounds: int, start: Any) -> list[str]:
    """One process of the race below: open each round's new file as soon as all are ready."""

    async def open_close(db: Path) -> str:
        try:
            await (await Store.open(db)).close()
        except StoreError as error:
            return str(error)
        return "ok"

    outcomes = []
    for round_number in range(rounds):
        start.wait(timeout=60)
        outcomes.append(asyncio.run(open_close(folder / f"race{round_number}.db")))
    return outcomes


def test_processes_racing_to_create_the_database_all_open_it(tmp_path: Path) -> None:
    """The same race between separate processes, as when two bot instances start together."""
    processes, rounds = 4, 8
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(processes, mp_context=context) as pool:
        start = manager.Barrier(processes)
        racers = [pool.submit(_open_in_rounds, tmp_path, rounds, start) for _ in range(processes)]
        results = [racer.result() for racer in racers]
    assert results == [["ok"] * rounds] * processes
    assert {_user_version(tmp_path / f"race{r}.db") for r in range(rounds)} == {NEWEST}


async def test_newer_database_is_refused_with_a_clear_message(store: Store, db: Path) -> None:
    await store.close()
    _raw(db, "PRAGMA user_version = 7")
    expected = (
        f"database schema version 7 is newer than this bot (knows up to {NEWEST}); upgrade the bot"
    )
    with pytest.raises(StoreError) as refused:
        await Store.open(db)
    assert str(refused.value) == expected
    with pytest.raises(StoreError, match="newer than this bot"):
        await check(db)
    assert _user_version(db) == 7


async def test_broken_migration_leaves_schema_and_version_unchanged(tmp_path: Path) -> None:
    migrations = _write(tmp_path / "m", {"0001_a.sql": "CREATE TABLE a (x INTEGER);"})
    db = tmp_path / "t.db"
    await (await Store.open(db, migrations=migrations)).close()
    _write(
        migrations,
        {"0002_b.sql": "CREATE TABLE b (x INTEGER);\nINSERT INTO a VALUES (1);\nSELECT nope();"},
    )
    with pytest.raises(StoreError, match=r"migration 0002_b\.sql failed: .*nope"):
        await Store.open(db, migrations=migrations)
    assert _user_version(db) == 1
    assert "b" not in _tables(db)
    assert _raw(db, "SELECT COUNT(*) FROM a") == [(0,)]

    _write(migrations, {"0002_b.sql": "CREATE TABLE b (x INTEGER);"})
    async with await Store.open(db, migrations=migrations) as fixed:
        assert fixed.schema_version == 2
    assert {"a", "b"} <= _tables(db)


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["0001_a.sql", "0003_c.sql"], "without gaps; found \\[1, 3\\]"),
        (["0001_a.sql", "0001_b.sql"], "number 1 is used twice"),
        (["0002_b.sql"], "without gaps; found \\[2\\]"),
        (["0000_zero.sql", "0001_a.sql"], "without gaps; found \\[0, 1\\]"),
        (["1_a.sql"], "not like 0001_name.sql"),
    ],
)
def test_badly_numbered_migrations_are_refused(
    tmp_path: Path, names: list[str], message: str
) -> None:
    _write(tmp_path, dict.fromkeys(names, "SELECT 1;"))
    with pytest.raises(StoreError, match=message):
        discover(tmp_path)


def test_discover_ignores_other_files_and_orders_by_number(tmp_path: Path) -> None:
    _write(tmp_path, {"0002_b.sql": "", "0001_a.sql": "", ".keep": "", "README.md": ""})
    assert [m.path.name for m in discover(tmp_path)] == ["0001_a.sql", "0002_b.sql"]


def test_split_statements_keeps_triggers_strings_and_comments_whole() -> None:
    script = """
        -- leading comment; with a semicolon
        CREATE TABLE t (x TEXT DEFAULT 'a;b');
        CREATE TRIGGER tr AFTER INSERT ON t BEGIN
            UPDATE t SET x = 'c;d' WHERE rowid = new.rowid;
            SELECT 1;
        END;  CREATE INDEX i ON t (x);
        -- trailing comment
    """
    statements = split_statements(script)
    assert len(statements) == 3
    assert statements[0].endswith("DEFAULT 'a;b');")
    assert statements[1].startswith("CREATE TRIGGER")
    assert statements[1].endswith("END;")
    assert statements[2] == "CREATE INDEX i ON t (x);"
    conn = sqlite3.connect(":memory:")
    for statement in statements:
        conn.execute(statement)
    conn.execute("INSERT INTO t VALUES ('z')")
    assert conn.execute("SELECT x FROM t").fetchall() == [("c;d",)]


def test_split_statements_refuses_an_unterminated_string() -> None:
    with pytest.raises(StoreError, match="unterminated"):
        split_statements("SELECT 1; INSERT INTO t VALUES ('abc);\n")


def test_split_statements_accepts_a_last_statement_without_semicolon() -> None:
    assert split_statements("SELECT 1;\nSELECT 2\n") == ["SELECT 1;", "SELECT 2\n;"]


def test_migrations_dir_prefers_the_packaged_copy(tmp_path: Path) -> None:
    package = tmp_path / "bot"
    (tmp_path / "migrations").mkdir()
    package.mkdir()
    assert migrations_dir(package) == tmp_path / "migrations"
    (package / "migrations").mkdir()
    assert migrations_dir(package) == package / "migrations"
    assert (migrations_dir() / "0001_init.sql").is_file()


async def test_transaction_rolls_back_when_the_block_raises(store: Store, db: Path) -> None:
    insert = "INSERT INTO audit_log (guild_id, actor_id, action, detail, created_at)"

    async def insert_then_fail() -> None:
        async with store.transaction() as conn:
            await conn.execute(f"{insert} VALUES (1, 1, 'reset', 'x', 'now')")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await insert_then_fail()
    async with store.transaction() as conn:
        await conn.execute(f"{insert} VALUES (2, 1, 'reset', 'y', 'now')")
    assert _raw(db, "SELECT guild_id FROM audit_log") == [(2,)]


async def test_transactions_are_serialised_across_coroutines(store: Store) -> None:
    """Read-modify-write with awaits in between would lose updates without the lock."""
    async with store.transaction() as conn:
        await conn.execute(
            "INSERT INTO guild_settings (guild_id, guild_credits, updated_at, updated_by)"
            " VALUES (1, 0, 'now', 0)"
        )

    async def increment() -> None:
        async with store.transaction() as conn:
            value = await scalar(conn, "SELECT guild_credits FROM guild_settings")
            await asyncio.sleep(0)
            await conn.execute("UPDATE guild_settings SET guild_credits = ?", (value + 1,))

    await asyncio.gather(*(increment() for _ in range(100)))
    async with store.read() as conn:
        assert await scalar(conn, "SELECT guild_credits FROM guild_settings") == 100


async def test_check_says_what_state_the_database_is_in(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    assert "no database" in await check(db)
    _raw(db, "CREATE TABLE unrelated (x)")
    assert f"start-up will migrate it to {NEWEST}" in await check(db)
    db.unlink()
    await (await Store.open(db)).close()
    assert await check(db) == f"database {db} opens and is at the current schema version {NEWEST}"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        await check(db)


async def test_a_read_sees_one_snapshot_while_another_connection_writes(
    store: Store, db: Path
) -> None:
    count = "SELECT COUNT(*) FROM guild_settings"
    async with await Store.open(db) as other:
        async with store.read() as conn:
            [(before,)] = list(await conn.execute_fetchall(count))
            changed = await other.execute(
                "INSERT INTO guild_settings (guild_id, updated_at, updated_by) VALUES (1, 'now', 2)"
            )
            [(during,)] = list(await conn.execute_fetchall(count))
        async with store.read() as conn:
            [(after,)] = list(await conn.execute_fetchall(count))
    assert changed == 1  # the writer was not blocked by the reader (WAL)
    assert (before, during, after) == (0, 0, 1)


# -- one-trip transactions (Store.run) and lone statements (Store.fetch) -------------------------


async def _make_table(store: Store) -> None:
    await store.execute("CREATE TABLE t (name TEXT PRIMARY KEY)")


def _insert(name: str, *, then_fail: bool = False) -> Work[str]:
    def work(conn: sqlite3.Connection) -> str:
        conn.execute("INSERT INTO t VALUES (?)", (name,))
        if then_fail:
            raise ValueError(f"{name} changed its mind")
        return name

    return work


async def test_run_commits_waiting_works_together_and_isolates_a_failing_one(
    store: Store, db: Path
) -> None:
    await _make_table(store)
    results = await asyncio.gather(
        store.run(_insert("a")),
        store.run(_insert("b", then_fail=True)),
        store.run(_insert("a")),  # a constraint error: only this work fails
        store.run(_insert("c")),
        return_exceptions=True,
    )
    assert results[0] == "a"
    assert str(results[1]) == "b changed its mind"
    assert isinstance(results[2], sqlite3.IntegrityError)
    assert results[3] == "c"
    assert _raw(db, "SELECT name FROM t ORDER BY name") == [("a",), ("c",)]


@pytest.mark.parametrize("then_raise", [False, True])
async def test_run_fails_every_work_of_a_transaction_that_cannot_commit(
    store: Store, db: Path, then_raise: bool
) -> None:
    await _make_table(store)

    def abandon(conn: sqlite3.Connection) -> None:
        conn.execute("ROLLBACK")  # the transaction is gone: nothing in it may be reported done
        if then_raise:
            raise LookupError("gave up")

    results = await asyncio.gather(
        store.run(_insert("a")), store.run(abandon), store.run(_insert("b")),
        return_exceptions=True,
    )  # fmt: skip
    expected = LookupError if then_raise else sqlite3.OperationalError
    assert all(isinstance(r, expected) for r in results)
    assert _raw(db, "SELECT COUNT(*) FROM t") == [(0,)]
    assert await store.run(_insert("later")) == "later"  # the store is still usable


async def test_run_skips_a_work_whose_caller_was_cancelled_before_it_started(
    store: Store, db: Path
) -> None:
    await _make_table(store)
    async with store.transaction():  # the connection is busy: the work has to wait
        waiting = asyncio.create_task(store.run(_insert("never")))
        await asyncio.sleep(0)
        waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert await store.run(_insert("next")) == "next"
    assert _raw(db, "SELECT name FROM t") == [("next",)]


async def test_fetch_returns_the_rows_of_a_write_and_commits_it(store: Store, db: Path) -> None:
    await _make_table(store)
    rows = await store.fetch("INSERT INTO t VALUES ('x'), ('y') RETURNING name")
    assert sorted(row["name"] for row in rows) == ["x", "y"]
    assert _raw(db, "SELECT COUNT(*) FROM t") == [(2,)]


async def test_a_failed_commit_rolls_back_and_frees_the_connection(store: Store, db: Path) -> None:
    """COMMIT can fail with "database is locked" once the busy timeout runs out.

    In rollback-journal mode (WAL is unavailable on some file systems) COMMIT needs every reader
    gone; a second connection holding a read transaction keeps it from getting there.
    """
    await store.execute("PRAGMA journal_mode = DELETE")
    await store.execute("PRAGMA busy_timeout = 50")
    insert = "INSERT INTO audit_log (guild_id, actor_id, action, detail, created_at)"
    reader = sqlite3.connect(db, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM audit_log").fetchall()  # holds the shared lock
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            async with store.transaction() as conn:
                await conn.execute(f"{insert} VALUES (1, 1, 'reset', 'lost', 'now')")
        reader.execute("COMMIT")
    finally:
        reader.close()
    # The connection is usable again: neither "cannot start a transaction within a transaction"
    # nor a lone write that would only be applied (or lost) when the connection closes.
    async with store.transaction() as conn:
        await conn.execute(f"{insert} VALUES (2, 1, 'reset', 'kept', 'now')")
    await store.execute(f"{insert} VALUES (3, 1, 'reset', 'alone', 'now')")
    assert _raw(db, "SELECT guild_id FROM audit_log ORDER BY guild_id") == [(2,), (3,)]


async def test_a_folder_given_as_the_database_is_named_as_such(tmp_path: Path) -> None:
    """SQLite itself would say "disk I/O error"."""
    folder = tmp_path / "imagine.sqlite3"
    folder.mkdir()
    for attempt in (Store.open(folder), check(folder)):
        with pytest.raises(StoreError, match=f"database path {folder} is a folder"):
            await attempt
