"""A smoke run of bench/defaults.py: it runs and ends with its figures as one JSON line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.bench_tables import assert_aligned

ROOT = Path(__file__).resolve().parents[1]


def test_defaults_bench_prints_its_figures() -> None:
    result = subprocess.run(
        [sys.executable, "bench/defaults.py", "--reads", "5", "--members", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "median ms" in lines[1]
    assert_aligned(lines[1:-1])
    figures = json.loads(lines[-1])
    assert (figures["reads"], figures["members"]) == (5, 3)
    assert 0 < figures["median_ms"] <= figures["p99_ms"]
