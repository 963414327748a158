"""A smoke run of bench/history.py: it runs and ends with its figures as one JSON line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_history_bench_prints_its_figures() -> None:
    result = subprocess.run(
        [sys.executable, "bench/history.py", "--rows", "3000", "--reads", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "median ms" in lines[1]
    figures = json.loads(lines[-1])
    assert (figures["rows"], figures["reads"]) == (3000, 5)
    for name in ("first_page_median_ms", "page_100_median_ms"):
        assert figures[name] > 0
