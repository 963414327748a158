"""A smoke run of bench/history.py: it runs and ends with its figures as one JSON line."""

from __future__ import annotations

from tests.bench_tables import run_bench


def test_history_bench_prints_its_figures() -> None:
    run = run_bench("bench/history.py", "--rows", "3000", "--reads", "5")
    assert "median ms" in run.lines[1]
    figures = run.figures
    assert (figures["rows"], figures["reads"]) == (3000, 5)
    for name in ("first_page_median_ms", "page_100_median_ms"):
        assert figures[name] > 0
