"""The store and its migration runner: on SQLite files, and on PostgreSQL when one is offered.

Tests taking the `database` fixture run on both backends; the rest are about one of them.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import sqlite3
import uuid
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import asyncpg
import pytest
import yarl

from bot.quota import QuotaDefaults, QuotaService
from bot.store import (
    PostgresStore,
    Row,
    Script,
    SQLiteStore,
    Store,
    StoreError,
    StoreUnavailable,
    Work,
    check,
    count,
    every,
    lock,
    one,
    open_store,
    postgres,
)
from bot.store.migrations import discover, for_postgres, migrations_dir, split_statements
from bot.store.postgres import UntranslatableStatement, _translate, passwords, redacted
from tests import databases
from tests.databases import postgres_schema, query, schema_version, set_schema_version, tables
from tests.processes import free_port
from tests.waiting import eventually

NEWEST = len(discover(migrations_dir()))
INSERT_AUDIT = "INSERT INTO audit_log (guild_id, actor_id, action, detail, created_at)"


def _raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Look at the file with plain sqlite3, independently of the Store under test."""
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def _user_version(path: Path) -> int:
    return int(str(_raw(path, "PRAGMA user_version")[0][0]))


def _write(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, sql in files.items():
        (directory / name).write_text(sql)
    return directory


# -- both backends ------------------------------------------------------------------------------


async def test_open_migrates_once_and_reopening_keeps_the_data(database: str | Path) -> None:
    async with await open_store(database) as store:
        assert NEWEST >= 1
        assert store.schema_version == NEWEST == await schema_version(database)
        await store.execute(
            "INSERT INTO guild_settings (guild_id, period, updated_at, updated_by)"
            " VALUES (1, 'week', 'now', 2)"
        )
    assert {"guild_settings", "ledger", "audit_log", "usage_counters"} <= await tables(database)
    # Re-running 0001 would fail on CREATE TABLE; reopening must simply work.
    async with await open_store(database) as again:
        assert again.schema_version == NEWEST
        rows = await again.fetch("SELECT guild_id, period FROM guild_settings")
    assert [tuple(row) for row in rows] == [(1, "week")]


async def test_stores_opening_together_migrate_once(database: str | Path) -> None:
    """Bot processes starting together (here, eight stores) all open the new database."""
    opened = await asyncio.gather(*(open_store(database) for _ in range(8)), return_exceptions=True)
    for store in opened:
        if isinstance(store, Store):
            await store.close()
    assert all(isinstance(store, Store) for store in opened), opened
    assert await schema_version(database) == NEWEST


async def test_a_newer_schema_is_refused_with_a_clear_message(database: str | Path) -> None:
    await (await open_store(database)).close()
    await set_schema_version(database, 99)
    expected = (
        f"database schema version 99 is newer than this bot (knows up to {NEWEST}); upgrade the bot"
    )
    with pytest.raises(StoreError) as refused:
        await open_store(database)
    assert str(refused.value) == expected
    with pytest.raises(StoreError, match="newer than this bot"):
        await check(database)
    assert await schema_version(database) == 99


async def test_a_broken_migration_leaves_schema_and_version_unchanged(
    database: str | Path, tmp_path: Path
) -> None:
    migrations = _write(tmp_path / "m", {"0001_a.sql": "CREATE TABLE a (x INTEGER);"})
    await (await open_store(database, migrations=migrations)).close()
    _write(
        migrations,
        {"0002_b.sql": "CREATE TABLE b (x INTEGER);\nINSERT INTO a VALUES (1);\nSELECT nope();"},
    )
    with pytest.raises(StoreError, match=r"migration 0002_b\.sql failed: .*nope"):
        await open_store(database, migrations=migrations)
    assert await schema_version(database) == 1
    assert "b" not in await tables(database)
    assert await query(database, "SELECT COUNT(*) FROM a") == [(0,)]

    _write(migrations, {"0002_b.sql": "CREATE TABLE b (x INTEGER);"})
    async with await open_store(database, migrations=migrations) as fixed:
        assert fixed.schema_version == 2
    assert {"a", "b"} <= await tables(database)


async def test_check_says_what_state_the_database_is_in(database: str | Path) -> None:
    assert "start-up will create it" in await check(database)
    await (await open_store(database)).close()
    assert await check(database) == f"{_named(database)} opens and is at the current schema " \
        f"version {NEWEST}"  # fmt: skip
    await set_schema_version(database, 1)
    assert f"opens at schema version 1; start-up will migrate it to {NEWEST}" in await check(
        database
    )
    assert await schema_version(database) == 1  # check changed nothing


def _named(database: str | Path) -> str:
    if isinstance(database, Path):
        return f"database {database}"
    return f"PostgreSQL database {database}"


def _insert(name: str, *, then_fail: bool = False) -> Work[str]:
    def work() -> Script[str]:
        yield from count("INSERT INTO t VALUES (?)", (name,))
        if then_fail:
            raise ValueError(f"{name} changed its mind")
        return name

    return work


async def test_run_commits_a_script_and_undoes_one_that_raises(store: Store) -> None:
    await store.execute("CREATE TABLE t (name TEXT PRIMARY KEY)")
    results = await asyncio.gather(
        store.run(_insert("a")),
        store.run(_insert("b", then_fail=True)),
        store.run(_insert("a")),  # a constraint error: only this script fails
        store.run(_insert("c")),
        return_exceptions=True,
    )
    assert results[0] == "a"
    assert isinstance(results[1], ValueError)  # the script's own exception, unchanged
    assert str(results[1]) == "b changed its mind"
    assert isinstance(results[2], sqlite3.IntegrityError | asyncpg.UniqueViolationError)
    assert results[3] == "c"
    rows = await store.fetch("SELECT name FROM t ORDER BY name")
    assert [row["name"] for row in rows] == ["a", "c"]


async def test_a_script_gets_each_statement_s_result_in_its_shape(store: Store) -> None:
    await store.execute("CREATE TABLE t (name TEXT PRIMARY KEY)")

    def work() -> Script[tuple[object, ...]]:
        added = yield from count("INSERT INTO t VALUES ('x'), ('y')")
        first = yield from one("SELECT name FROM t WHERE name = :name", {"name": "y"})
        missing = yield from one("SELECT name FROM t WHERE name = 'z'")
        names = yield from every("SELECT name FROM t ORDER BY name")
        assert first is not None
        return added, first["name"], missing, [row[0] for row in names]

    assert await store.run(work) == (2, "y", None, ["x", "y"])


async def test_scripts_holding_one_lock_read_and_write_without_losing_updates(
    database: str | Path,
) -> None:
    """Two stores (as two processes) increment one row 60 times by reading, then writing."""
    async with await open_store(database) as first, await open_store(database) as second:
        await first.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)")
        await first.execute("INSERT INTO t VALUES (1, 0)")

        def increment() -> Script[None]:
            yield from lock("counter", 1)
            row = yield from one("SELECT n FROM t WHERE id = 1")
            assert row is not None
            yield from count("UPDATE t SET n = ? WHERE id = 1", (row[0] + 1,))

        await asyncio.gather(*(store.run(increment) for store in [first, second] * 30))
        [(total,)] = await first.fetch("SELECT n FROM t")
    assert total == 60


async def test_fetch_returns_the_rows_of_a_write_and_commits_it(store: Store) -> None:
    await store.execute("CREATE TABLE t (name TEXT PRIMARY KEY)")
    rows = await store.fetch("INSERT INTO t VALUES ('x'), ('y') RETURNING name")
    assert sorted(row["name"] for row in rows) == ["x", "y"]
    assert await store.execute("DELETE FROM t WHERE name = ?", ("x",)) == 1
    assert [tuple(row) for row in await store.fetch("SELECT COUNT(*) FROM t")] == [(1,)]


async def test_ping_answers_while_the_store_is_open(store: Store) -> None:
    await store.ping()
    await store.close()
    with pytest.raises(Exception):  # noqa: B017, PT011 (each backend says it its own way)
        await asyncio.wait_for(store.ping(), 5)


# -- SQLite -------------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "bot.db"


@pytest.fixture
async def sqlite_store(db: Path) -> AsyncIterator[SQLiteStore]:
    opened = await SQLiteStore.open(db)
    yield opened
    await opened.close()


async def test_sqlite_opens_with_wal_and_its_pragmas(sqlite_store: SQLiteStore) -> None:
    pragmas = {
        name: (await sqlite_store.fetch(f"PRAGMA {name}"))[0][0]
        for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
    }
    assert pragmas == {"journal_mode": "wal", "synchronous": 1, "busy_timeout": 5000,
                       "foreign_keys": 1}  # fmt: skip


async def test_sqlite_connections_racing_to_create_the_file_all_open_it(tmp_path: Path) -> None:
    """Many connections racing to create the same new file all open it, and it migrates once.

    Switching a new file to WAL answers "database is locked" without waiting while another
    connection is creating it (about one race in eight lost before the retry): many rounds of
    eight openers each make a regression show every time.
    """
    for round_number in range(40):
        db = tmp_path / f"race{round_number}.db"
        opened = await asyncio.gather(
            *(SQLiteStore.open(db) for _ in range(8)), return_exceptions=True
        )
        for store in opened:
            if isinstance(store, Store):
                await store.close()
        assert [type(s) for s in opened] == [SQLiteStore] * 8, opened
        assert _user_version(db) == NEWEST
        assert _raw(db, "PRAGMA journal_mode") == [("wal",)]


def _open_in_rounds(folder: Path, rounds: int, start: Any) -> list[str]:
    """One process of the race below: open each round's new file as soon as all are ready."""

    async def open_close(db: Path) -> str:
        try:
            await (await SQLiteStore.open(db)).close()
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


@pytest.mark.parametrize("then_raise", [False, True])
async def test_sqlite_run_fails_every_script_of_a_transaction_that_cannot_commit(
    sqlite_store: SQLiteStore, db: Path, then_raise: bool
) -> None:
    """Scripts waiting together share one transaction: if it is lost, none is reported done."""
    await sqlite_store.execute("CREATE TABLE t (name TEXT PRIMARY KEY)")

    def abandon() -> Script[None]:
        yield from count("ROLLBACK")  # the transaction is gone
        if then_raise:
            raise LookupError("gave up")

    results = await asyncio.gather(
        sqlite_store.run(_insert("a")), sqlite_store.run(abandon), sqlite_store.run(_insert("b")),
        return_exceptions=True,
    )  # fmt: skip
    expected = LookupError if then_raise else StoreUnavailable
    assert all(isinstance(r, expected) for r in results), results
    assert _raw(db, "SELECT COUNT(*) FROM t") == [(0,)]
    assert await sqlite_store.run(_insert("later")) == "later"  # the store is still usable


async def test_sqlite_run_skips_a_script_whose_caller_was_cancelled_before_it_started(
    sqlite_store: SQLiteStore, db: Path
) -> None:
    await sqlite_store.execute("CREATE TABLE t (name TEXT PRIMARY KEY)")
    busy = asyncio.create_task(sqlite_store.run(_insert("first")))
    await asyncio.sleep(0)  # the connection is busy with it: the next script has to wait
    waiting = asyncio.create_task(sqlite_store.run(_insert("never")))
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert await busy == "first"
    assert await sqlite_store.run(_insert("next")) == "next"
    assert _raw(db, "SELECT name FROM t ORDER BY name") == [("first",), ("next",)]


async def test_sqlite_busy_past_the_timeout_is_unavailable_and_leaves_the_store_usable(
    sqlite_store: SQLiteStore, db: Path
) -> None:
    """COMMIT can fail with "database is locked" once the busy timeout runs out.

    In rollback-journal mode (WAL is unavailable on some file systems) COMMIT needs every reader
    gone; a second connection holding a read transaction keeps it from getting there. The
    transaction must be rolled back, or every later BEGIN would fail.
    """
    await sqlite_store.execute("PRAGMA journal_mode = DELETE")
    await sqlite_store.execute("PRAGMA busy_timeout = 50")

    def audit(detail: str) -> Work[int]:
        return lambda: count(f"{INSERT_AUDIT} VALUES (1, 1, 'reset', ?, 'now')", (detail,))

    reader = sqlite3.connect(db, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM audit_log").fetchall()  # holds the shared lock
        with pytest.raises(StoreUnavailable, match="database is locked"):
            await sqlite_store.run(audit("lost"))
        reader.execute("COMMIT")
    finally:
        reader.close()
    async with databases.sqlite_write_lock(db):  # a lone statement waits as long, then gives up
        with pytest.raises(StoreUnavailable, match="database is locked"):
            await sqlite_store.execute(f"{INSERT_AUDIT} VALUES (1, 1, 'reset', 'lone', 'now')")
    await sqlite_store.run(audit("kept"))
    assert _raw(db, "SELECT detail FROM audit_log") == [("kept",)]


async def test_a_folder_given_as_the_database_is_named_as_such(tmp_path: Path) -> None:
    """SQLite itself would say "disk I/O error"."""
    folder = tmp_path / "imagine.sqlite3"
    folder.mkdir()
    for attempt in (SQLiteStore.open(folder), check(folder)):
        with pytest.raises(StoreError, match=f"database path {folder} is a folder"):
            await attempt


def _damage(path: Path) -> None:
    """Overwrite the start of every page after the first two, as a failing disk might."""
    with path.open("r+b") as file:
        for offset in range(2 * 4096, path.stat().st_size, 4096):
            file.seek(offset)
            file.write(b"\xff" * 100)


async def test_sqlite_a_file_damaged_under_the_running_bot_is_unavailable_not_a_crash(
    sqlite_store: SQLiteStore, db: Path
) -> None:
    """A failing disk: what is paid for is then owed and retried (bot/settlement.py), as for
    a locked database, instead of being raised and lost."""
    for guild in range(200):
        await sqlite_store.execute(
            f"{INSERT_AUDIT} VALUES (?, 1, 'reset', ?, 'now')", (guild, "x" * 500)
        )
    await sqlite_store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    await sqlite_store.execute("PRAGMA shrink_memory")  # read the pages from the file again
    _damage(db)
    with pytest.raises(StoreUnavailable, match="malformed"):
        await sqlite_store.fetch("SELECT SUM(LENGTH(detail)) FROM audit_log")


async def test_sqlite_reads_go_on_while_another_process_holds_the_write_lock(
    sqlite_store: SQLiteStore, db: Path
) -> None:
    await sqlite_store.execute(
        "INSERT INTO guild_settings (guild_id, period, updated_at, updated_by)"
        " VALUES (1, 'week', 'now', 2)"
    )

    def work() -> Script[list[str]]:
        rows = yield from every("SELECT period FROM guild_settings")
        return [row[0] for row in rows]

    async with databases.sqlite_write_lock(db):
        assert await asyncio.wait_for(sqlite_store.read(work), 1) == ["week"]


# -- migrations ----------------------------------------------------------------------------------


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


def test_postgres_reads_the_migrations_with_64_bit_integers_and_identity_keys() -> None:
    assert for_postgres("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);") == (
        "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
        "n BIGINT NOT NULL);"
    )
    assert for_postgres("CREATE TABLE t (a INTEGER,\n PRIMARY KEY (a)\n) WITHOUT ROWID;") == (
        "CREATE TABLE t (a BIGINT,\n PRIMARY KEY (a)\n);"
    )


# -- PostgreSQL ---------------------------------------------------------------------------------


def test_parameters_are_numbered_the_postgresql_way_outside_strings_and_comments() -> None:
    assert _translate("SELECT ? , ? -- what?\n") == ("SELECT $1 , $2 -- what?\n", None)
    assert _translate("SELECT :b, :a, :b, 'T00:00:00', x::text FROM t WHERE c = ':not'") == (
        "SELECT $1, $2, $1, 'T00:00:00', x::text FROM t WHERE c = ':not'",
        ("b", "a"),
    )
    assert _translate("SELECT \"why?\", ? /* or? */ FROM t WHERE c = '?'") == (
        "SELECT \"why?\", $1 /* or? */ FROM t WHERE c = '?'",
        None,
    )
    assert _translate("SELECT ? FROM t WHERE c LIKE'?'") == (
        "SELECT $1 FROM t WHERE c LIKE'?'",
        None,
    )


@pytest.mark.parametrize(
    ("sql", "refused"),
    [
        ("SELECT ?, :a", "both ? and :name parameters"),
        ("SELECT $$?$$, ?", "a $ (dollar quoting"),
        ("SELECT $tag$ ? $tag$", "a $ (dollar quoting"),
        ("SELECT $1", "$n parameters are PostgreSQL's alone"),
        ("SELECT E'it\\'s?', ?", "an E'…' string"),
        ("SELECT e'?'", "an E'…' string"),
        ("SELECT ?1, ?2", "?NNN or a ? operator"),
        ("SELECT * FROM t WHERE doc ?| ?", "?NNN or a ? operator"),
        ("SELECT 'it''s ?", "an unterminated string"),
        ('SELECT "why?', "an unterminated quoted name"),
        ("SELECT ? /* a /* nested ? */ comment */", "one inside another"),
    ],
)
def test_sql_the_translator_would_have_to_guess_at_is_refused_in_one_line(
    sql: str, refused: str
) -> None:
    with pytest.raises(UntranslatableStatement) as caught:
        _translate(sql)
    [line] = str(caught.value).splitlines()
    assert line.startswith("cannot translate SQL for PostgreSQL: ")
    assert refused in line


async def test_a_question_mark_in_a_name_or_comment_is_text_on_both_databases(store: Store) -> None:
    [row] = await store.fetch(
        "SELECT CAST(? AS BIGINT) AS \"why?\", '?' AS mark /* a ? here */", (7,)
    )
    assert (row["why?"], row["mark"]) == (7, "?")


async def test_postgres_refuses_an_untranslatable_statement_at_its_first_run(
    postgres_url: str,
) -> None:
    """Loudly (not as StoreUnavailable), and the store goes on serving other statements."""
    async with await open_store(postgres_url) as store:
        with pytest.raises(UntranslatableStatement, match="dollar quoting"):
            await store.fetch("SELECT $$?$$ AS a, ? AS b", (1,))

        def script() -> Script[Row | None]:
            return (yield from one("SELECT E'\\'?' AS a"))

        with pytest.raises(UntranslatableStatement, match="an E'…' string"):
            await store.run(script)
        assert [tuple(row) for row in await store.fetch("SELECT CAST(? AS BIGINT)", (1,))] == [(1,)]


async def test_postgres_reads_a_backslash_in_a_string_as_sqlite_does(postgres_url: str) -> None:
    """The translator reads `'\\'` as a whole string, as SQLite does; so must the server, even
    one whose default turns standard_conforming_strings off (a role or database setting)."""
    url = str(yarl.URL(postgres_url).update_query(standard_conforming_strings="off"))
    async with await open_store(url) as store:
        [row] = await store.fetch("SELECT '\\' AS slash, CAST(? AS BIGINT) AS n", (7,))
        assert (row["slash"], row["n"]) == ("\\", 7)


def test_a_database_url_is_shown_without_its_password() -> None:
    assert redacted("postgresql://bot:s3cret@db:5432/imagine?sslmode=require") == (
        "postgresql://bot:***@db:5432/imagine?sslmode=require"
    )
    assert redacted("postgresql://bot@db/imagine") == "postgresql://bot@db/imagine"
    assert redacted("postgresql://bot@db/imagine?password=s3cret&search_path=x") == (
        "postgresql://bot@db/imagine?password=***&search_path=x"
    )
    assert passwords("postgresql://bot:p%2Fq@db/x?sslpassword=k") == ["p%2Fq", "p/q", "k"]
    assert passwords("postgresql://bot@db/x?password=a+b%2Fc") == ["a+b%2Fc", "a b/c"]
    assert redacted("postgresql:///imagine?host=/run/postgresql&password=k") == (
        "postgresql:///imagine?host=/run/postgresql&password=***"
    )


async def test_postgres_refuses_an_unreachable_server_in_one_line_without_the_password() -> None:
    port = free_port()  # nothing listens on it: connecting is refused
    url = f"postgresql://bot:s3cret@127.0.0.1:{port}/imagine"
    for attempt in (open_store(url), check(url)):
        with pytest.raises(StoreError) as refused:
            await attempt
        message = str(refused.value)
        assert message.startswith(f"cannot connect to postgresql://bot:***@127.0.0.1:{port}/")
        assert "s3cret" not in message
        assert "\n" not in message


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    async with postgres_schema() as url:
        yield url


async def test_postgres_retries_a_script_postgresql_aborted_to_break_a_deadlock(
    postgres_url: str,
) -> None:
    """Two scripts lock two rows in opposite orders; PostgreSQL aborts one, which runs again."""
    async with await open_store(postgres_url) as store:
        assert isinstance(store, PostgresStore)
        await store.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)")
        await store.execute("INSERT INTO t VALUES (1, 0), (2, 0)")
        runs: list[int] = []

        def crossing(first: int, second: int) -> Work[int]:
            def work() -> Script[int]:
                runs.append(first)
                yield from count("UPDATE t SET n = n + 1 WHERE id = ?", (first,))
                yield from one("SELECT pg_sleep(0.3)")  # both hold their first row by now
                yield from count("UPDATE t SET n = n + 1 WHERE id = ?", (second,))
                return first

            return work

        results = await asyncio.gather(store.run(crossing(1, 2)), store.run(crossing(2, 1)))
        rows = await store.fetch("SELECT n FROM t ORDER BY id")
    assert sorted(results) == [1, 2]
    assert len(runs) == 3  # one of the two ran twice
    assert [row["n"] for row in rows] == [2, 2]  # and its aborted run left nothing behind


async def test_postgres_that_drops_a_transaction_is_unavailable_then_recovers(
    postgres_url: str,
) -> None:
    """The server ends the connection mid-transaction (a restart, a failover)."""
    marker = f"-- {uuid.uuid4().hex}"

    def slow() -> Script[int]:
        yield from one(f"SELECT pg_sleep(5) {marker}")
        return 1

    async with await open_store(postgres_url) as store:
        running = asyncio.create_task(store.run(slow))
        find = (
            "SELECT pid FROM pg_stat_activity"
            f" WHERE query LIKE '%{marker}' AND pid <> pg_backend_pid()"
        )

        async def started() -> bool:
            return bool(await query(postgres_url, find))

        await eventually(started, within=5)
        await query(postgres_url, f"SELECT pg_terminate_backend(pid) FROM ({find}) AS running")
        with pytest.raises(StoreUnavailable, match="PostgreSQL"):
            await running
        assert [tuple(r) for r in await store.fetch("SELECT 1")] == [(1,)]  # a new connection


async def test_postgres_gives_up_on_a_deadlock_that_keeps_coming_back(postgres_url: str) -> None:
    """After its attempts, a transaction PostgreSQL keeps aborting is StoreUnavailable, so a
    settlement is owed and retried, not dropped as a bug."""
    runs = 0

    def doomed() -> Script[None]:
        nonlocal runs
        runs += 1
        yield from one("SELECT 1")
        raise asyncpg.exceptions.DeadlockDetectedError("deadlock detected")

    async with await open_store(postgres_url) as store:
        with pytest.raises(StoreUnavailable, match="deadlock detected"):
            await store.run(doomed)
    assert runs == postgres.ATTEMPTS


async def test_postgres_that_stops_answering_is_unavailable_within_the_command_timeout(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network partition: the server neither answers nor closes the connection."""
    monkeypatch.setattr(postgres, "COMMAND_TIMEOUT", 0.5)
    async with databases.frozen_proxy(postgres_url) as (url, freeze):
        store = await open_store(url)
        assert [tuple(r) for r in await store.fetch("SELECT 1")] == [(1,)]
        freeze()
        started = asyncio.get_running_loop().time()
        with pytest.raises(StoreUnavailable):
            await store.fetch("SELECT 2")
        assert asyncio.get_running_loop().time() - started < 5
        await store.close()  # cuts what it cannot close politely
        assert asyncio.get_running_loop().time() - started < 5 + postgres.CLOSE_TIMEOUT


async def test_postgres_waits_for_another_process_s_migration_past_the_lock_timeout(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(postgres.SERVER_SETTINGS, "lock_timeout", "100ms")
    monkeypatch.setattr(postgres, "COMMAND_TIMEOUT", 0.2)
    other = await asyncpg.connect(postgres_url)
    try:
        async with other.transaction():  # as a process migrating the schema would
            await other.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()))")
            opening = asyncio.create_task(open_store(postgres_url))
            await asyncio.sleep(0.6)
            assert not opening.done()
        async with await opening as store:
            assert store.schema_version == NEWEST
    finally:
        await other.close()


async def test_postgres_a_guild_lock_held_past_the_lock_timeout_makes_reserve_unavailable(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holding the guild's lock: "nothing was spent", not asyncpg's error."""
    monkeypatch.setitem(postgres.SERVER_SETTINGS, "lock_timeout", "100ms")
    guild_lock = next(lock("guild", 10))  # the lock reserve() takes for guild 10
    async with await open_store(postgres_url) as store:
        quota = QuotaService(store, QuotaDefaults(50, 0, "day"))
        other = await asyncpg.connect(postgres_url)
        try:
            async with other.transaction():
                await other.execute(postgres._LOCK, *guild_lock.parameters)
                with pytest.raises(StoreUnavailable, match="lock timeout"):
                    await quota.reserve(
                        interaction_id=1, guild_id=10, member_id=101, cost=1, model="m", size="s"
                    )
        finally:
            await other.close()
        assert await store.fetch("SELECT * FROM ledger") == []  # nothing of it was kept
        reservation = await quota.reserve(
            interaction_id=1, guild_id=10, member_id=101, cost=1, model="m", size="s"
        )
        assert not reservation.duplicate


async def test_postgres_migrates_its_own_schema_not_one_further_along_the_search_path(
    postgres_url: str,
) -> None:
    """Two deployments in one database: the second's empty schema comes first in its path."""
    await (await open_store(postgres_url)).close()  # the first deployment, migrated
    first = yarl.URL(postgres_url).query["search_path"]
    async with postgres_schema() as second_url:
        second = yarl.URL(second_url).query["search_path"]
        both = str(yarl.URL(second_url).update_query(search_path=f"{second},{first}"))
        assert "start-up will create it" in await check(both)
        async with await open_store(both) as store:
            assert store.schema_version == NEWEST
        assert {"ledger", "imagine_schema"} <= await tables(second_url)


@pytest.mark.parametrize(
    ("search_path", "named"),
    [("imagine_nowhere", "imagine_nowhere"), ("Imagine_Nowhere", "imagine_nowhere"),
     ('"Imagine Nowhere", imagine_nowhere', '"Imagine Nowhere"'), ('"$user"', "postgres")],
)  # fmt: skip
async def test_postgres_names_a_missing_schema_and_how_to_create_it(
    search_path: str, named: str
) -> None:
    """Not PostgreSQL's "null values cannot be formatted as an SQL identifier"."""
    url = yarl.URL(databases.server_url()).with_password("s3cret")  # trust auth ignores it
    url = url.update_query(search_path=search_path)
    if named == "postgres":
        named = url.user or "postgres"
    for attempt in (open_store(str(url)), check(str(url))):
        with pytest.raises(StoreError) as refused:
            await attempt
        message = str(refused.value)
        assert f"schema {named} (the first of its search_path) does not exist" in message
        assert f"(CREATE SCHEMA {named})" in message
        assert "s3cret" not in message
        assert "\n" not in message
