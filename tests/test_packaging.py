"""The wheel carries what the bot reads at run time: the migrations and the model catalog."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from hatchling.builders.wheel import WheelBuilder

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import asyncio, pathlib, sys
from bot.catalog import load_catalog
from bot.store import SQLiteStore
from bot.store.migrations import migrations_dir

async def main():
    store = await SQLiteStore.open(pathlib.Path(sys.argv[1]))
    print(store.schema_version)
    await store.close()

print(migrations_dir())
print(len(load_catalog().models))
asyncio.run(main())
"""


def test_an_installed_wheel_finds_its_migrations_and_catalog(tmp_path: Path) -> None:
    [wheel] = WheelBuilder(str(ROOT)).build(directory=str(tmp_path / "dist"), versions=["standard"])
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "bot/migrations/0001_init.sql" in names
    assert "bot/data/models.toml" in names
    assert "bot/data/builtin_terms.txt" in names
    assert "cogs/imagine.py" in names
    assert "cogs/locales/en-US.ftl" in names  # the messages travel with the code that says them
    # pyproject.toml says MIT: the licence text travels with every installed copy.
    assert "imagine_bot-0.1.0.dist-info/licenses/LICENSE" in names
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert not [name for name in names if name.startswith("tests/")]  # the specs stay test data
    # Run from elsewhere, with only the unpacked wheel importable: no checkout to fall back on.
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(site)!r})\n" + PROBE,
            str(tmp_path / "db.sqlite3"),
        ],
        cwd=tmp_path,
        env={"PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    migrations, models, version = result.stdout.split()
    assert Path(migrations) == site / "bot" / "migrations"
    assert int(models) == 3
    assert int(version) == len(list((ROOT / "migrations").glob("*.sql")))
