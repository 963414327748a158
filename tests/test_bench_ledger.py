"""A smoke run of bench/ledger.py, so the script keeps working (its figures are not checked)."""

from __future__ import annotations

import math
import subprocess
import sys

from tests.bench_tables import ROOT, assert_aligned, run_bench
from tests.databases import server_url

SCRIPT = "bench/ledger.py"
KEYS = {
    "cycles_per_s_empty",
    "cycles_per_s_20k",
    "floor_cycles_per_s",
    "floor_group_commit_cycles_per_s",
    "floor_group_commit_2tx_cycles_per_s",
}
SMALL_RUN = (SCRIPT, "--cycles", "100", "--repeats", "1", "--tasks", "10")
POSTGRES_KEYS = {"postgres_one_guild_cycles_per_s", "postgres_many_guilds_cycles_per_s"}


def test_smoke_run_prints_a_table_and_ends_with_the_json_figures() -> None:
    run = run_bench(SCRIPT, "--cycles", "200", "--repeats", "1", "--tasks", "20", timeout=300)
    lines, figures = run.lines, run.figures
    assert set(figures) == KEYS
    assert all(isinstance(v, float) and math.isfinite(v) and v > 0 for v in figures.values())
    assert_aligned(lines[1:-1])  # after the title line
    table = "\n".join(lines[:-1])
    assert "20,000 rows in window" in table
    assert "floor: 1 tx, awaited" in table


def test_smoke_run_on_postgresql_adds_its_figures() -> None:
    url = server_url()
    run = run_bench(*SMALL_RUN, "--database-url", url, timeout=300)
    lines, figures = run.lines, run.figures
    assert set(figures) == KEYS | POSTGRES_KEYS
    assert all(figures[key] > 0 for key in POSTGRES_KEYS)
    assert "PostgreSQL quota, 10 guilds" in "\n".join(lines[:-1])


def test_a_run_with_the_bots_budget_on_prints_the_same_figures() -> None:
    run = run_bench(*SMALL_RUN, "--bot-credits", "1000000", timeout=300)
    assert set(run.figures) == KEYS


def test_bad_options_are_refused_in_one_line() -> None:
    done = subprocess.run(
        [sys.executable, SCRIPT, "--cycles", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "must be at least 1" in done.stderr
