"""A smoke run of bench/policy_check.py: it runs and ends with its figures as one JSON line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.bench_tables import assert_aligned

ROOT = Path(__file__).resolve().parents[1]


def test_policy_check_bench_prints_its_figures() -> None:
    result = subprocess.run(
        [sys.executable, "bench/policy_check.py", "--checks", "5", "--terms", "3"],
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
    assert (figures["checks"], figures["terms"]) == (5, 3)
    for name in ("short_median_ms", "short_p99_ms", "long_median_ms", "long_p99_ms"):
        assert figures[name] > 0
