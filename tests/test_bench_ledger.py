"""A smoke run of bench/ledger.py, so the script keeps working (its figures are not checked)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

from tests.bench_tables import assert_aligned
from tests.databases import server_url

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "ledger.py"
KEYS = {
    "cycles_per_s_empty",
    "cycles_per_s_20k",
    "floor_cycles_per_s",
    "floor_group_commit_cycles_per_s",
    "floor_group_commit_2tx_cycles_per_s",
}
POSTGRES_KEYS = {"postgres_one_guild_cycles_per_s", "postgres_many_guilds_cycles_per_s"}


def test_smoke_run_prints_a_table_and_ends_with_the_json_figures() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--cycles", "200", "--repeats", "1", "--tasks", "20"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    figures = json.loads(lines[-1])
    assert set(figures) == KEYS
    assert all(isinstance(v, float) and math.isfinite(v) and v > 0 for v in figures.values())
    assert_aligned(lines[1:-1])  # after the title line
    table = "\n".join(lines[:-1])
    assert "20,000 rows in window" in table
    assert "floor: 1 tx, awaited" in table


def test_smoke_run_on_postgresql_adds_its_figures() -> None:
    url = server_url()
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--cycles", "100", "--repeats", "1", "--tasks", "10",
         "--database-url", url],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    lines = done.stdout.strip().splitlines()
    figures = json.loads(lines[-1])
    assert set(figures) == KEYS | POSTGRES_KEYS
    assert all(figures[key] > 0 for key in POSTGRES_KEYS)
    assert "PostgreSQL quota, 10 guilds" in "\n".join(lines[:-1])


def test_a_run_with_the_bots_budget_on_prints_the_same_figures() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--cycles", "100", "--repeats", "1", "--tasks", "10",
         "--bot-credits", "1000000"],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    assert set(json.loads(done.stdout.strip().splitlines()[-1])) == KEYS


def test_bad_options_are_refused_in_one_line() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--cycles", "0"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "must be at least 1" in done.stderr
