"""A smoke run of bench/terms.py: its tables, every disguise caught, no false positive, JSON."""

from __future__ import annotations

from bench.terms import DISGUISES
from tests.bench_tables import assert_aligned, run_bench


def test_terms_bench_prints_its_figures() -> None:
    run = run_bench("bench/terms.py", "--checks", "3")
    assert "µs per check" in run.lines[1]
    assert_aligned(run.lines[1:6])
    figures = run.figures
    assert set(figures["us_per_check"]) == {
        "ordinary",
        "underscores",
        "digits read as terms",
        "one-letter words",
    }
    assert all(v > 0 for v in figures["us_per_check"].values())
    assert figures["disguises"] == figures["disguises_caught"] == len(DISGUISES) >= 40
    assert figures["false_positives"] == 0
