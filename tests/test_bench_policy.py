"""A smoke run of bench/policy_check.py: it runs and ends with its figures as one JSON line."""

from __future__ import annotations

from tests.bench_tables import assert_aligned, run_bench


def test_policy_check_bench_prints_its_figures() -> None:
    run = run_bench("bench/policy_check.py", "--checks", "5", "--terms", "3")
    assert "median ms" in run.lines[1]
    assert_aligned(run.table[1:])
    figures = run.figures
    assert (figures["checks"], figures["terms"]) == (5, 3)
    for name in ("short_median_ms", "short_p99_ms", "long_median_ms", "long_p99_ms"):
        assert figures[name] > 0
