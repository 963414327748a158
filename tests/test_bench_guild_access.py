"""A smoke run of bench/guild_access.py: it runs and ends with its figures as one JSON line."""

from __future__ import annotations

from tests.bench_tables import run_bench


def test_guild_access_bench_prints_its_figures() -> None:
    figures = run_bench("bench/guild_access.py", "--checks", "5").figures
    assert set(figures) == {"sqlite_cached_us", "sqlite_uncached_us"}
    assert all(value > 0 for value in figures.values())
