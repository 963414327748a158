"""A smoke run of bench/defaults.py: it runs and ends with its figures as one JSON line."""

from __future__ import annotations

from tests.bench_tables import assert_aligned, run_bench


def test_defaults_bench_prints_its_figures() -> None:
    run = run_bench("bench/defaults.py", "--reads", "5", "--members", "3")
    assert "median ms" in run.lines[1]
    assert_aligned(run.table[1:])
    figures = run.figures
    assert (figures["reads"], figures["members"]) == (5, 3)
    assert 0 < figures["median_ms"] <= figures["p99_ms"]
