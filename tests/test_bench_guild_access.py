"""A smoke run of bench/guild_access.py: it runs and ends with its figures as one JSON line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_guild_access_bench_prints_its_figures() -> None:
    result = subprocess.run(
        [sys.executable, "bench/guild_access.py", "--checks", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.splitlines()[-1])
    assert set(figures) == {"sqlite_cached_us", "sqlite_uncached_us"}
    assert all(value > 0 for value in figures.values())
