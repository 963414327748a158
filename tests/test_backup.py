"""`python -m bot backup PATH` while the bot writes, and `--version`."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

from bot.clock import FakeClock
from bot.quota import QuotaDefaults, QuotaService
from bot.store import open_store
from tests.test_cli import SECRET, TOKEN, run_bot

ENV = {"DISCORD_TOKEN": TOKEN, "IMAGE_API_KEY": SECRET}


def rows_in(copy: Path) -> int:
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (count,) = conn.execute("SELECT COUNT(*) FROM ledger").fetchone()
        (counted,) = conn.execute(
            "SELECT COALESCE(SUM(credits), 0) FROM usage_counters WHERE scope = 'guild'"
        ).fetchone()
    # One snapshot: every reservation in the copy is counted in the copy, none half-written.
    assert counted == count
    return int(count)


async def test_backup_while_the_bot_writes_is_a_consistent_copy(tmp_path: Path) -> None:
    database = tmp_path / "data" / "imagine.sqlite3"
    async with await open_store(database) as store:
        quota = QuotaService(store, QuotaDefaults(1_000_000, 0, "month"), clock=FakeClock())
        written = 0
        stop, progress = asyncio.Event(), asyncio.Event()

        async def write() -> None:
            nonlocal written
            while not stop.is_set():
                await asyncio.gather(
                    *(
                        quota.reserve(
                            interaction_id=written * 10 + i,
                            guild_id=1,
                            member_id=i,
                            cost=1,
                            model="m",
                            size="s",
                            prompt="p" * 500,
                        )
                        for i in range(10)
                    )
                )
                written += 1
                progress.set()

        writer = asyncio.create_task(write())
        try:
            copies = []
            for attempt in range(3):
                while written < 20 * (attempt + 1):  # the writer is well under way
                    progress.clear()
                    await progress.wait()
                before = written * 10
                copy = tmp_path / f"backup-{attempt}.sqlite3"
                process = await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "bot",
                    "backup",
                    str(copy),
                    cwd=tmp_path,
                    env={**ENV, "DATABASE_PATH": str(database), "PATH": ""},
                    stdout=asyncio.subprocess.PIPE,
                    stderr=asyncio.subprocess.PIPE,
                )
                out, err = await process.communicate()
                assert process.returncode == 0, err.decode()
                assert out.decode().startswith(f"backed up {database} to {copy}")
                copies.append((before, copy, written * 10))
        finally:
            stop.set()
            await writer
    for before, copy, after in copies:
        assert before <= rows_in(copy) <= after
    assert leftovers(tmp_path) == []  # no temporary file left behind


def leftovers(folder: Path) -> list[Path]:
    return list(folder.glob(".imagine-backup-*"))


def test_backup_refuses_postgresql_in_one_line(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path,
        "backup",
        str(tmp_path / "copy.sqlite3"),
        DATABASE_URL=f"postgresql://imagine:{SECRET}@127.0.0.1:5432/imagine",
        DISCORD_TOKEN=TOKEN,
        IMAGE_API_KEY=SECRET,
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "pg_dump" in line
    assert SECRET not in result.stderr
    assert not (tmp_path / "copy.sqlite3").exists()


def test_backup_names_what_is_wrong_in_one_line(tmp_path: Path) -> None:
    missing = run_bot(tmp_path, "backup", "copy.sqlite3", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET)
    assert missing.returncode == 2
    [line] = missing.stderr.splitlines()
    assert "no database at data/imagine.sqlite3" in line
    (tmp_path / "data").mkdir()
    sqlite3.connect(tmp_path / "data" / "imagine.sqlite3").close()
    folder = run_bot(tmp_path, "backup", str(tmp_path), DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET)
    assert folder.returncode == 2
    [line] = folder.stderr.splitlines()
    assert "is a folder" in line
    itself = run_bot(
        tmp_path, "backup", "data/imagine.sqlite3", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET
    )
    assert itself.returncode == 2
    assert "overwrite the database itself" in itself.stderr
    no_path = run_bot(tmp_path, "backup", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET)
    assert no_path.returncode == 2
    assert "python -m bot backup PATH" in no_path.stderr


def test_version(tmp_path: Path) -> None:
    result = run_bot(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "imagine 0.1.0"
