"""A smoke run of bench/terms.py: its tables, every disguise caught, no false positive, JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.terms import DISGUISES
from tests.bench_tables import assert_aligned

ROOT = Path(__file__).resolve().parents[1]


def test_terms_bench_prints_its_figures() -> None:
    result = subprocess.run(
        [sys.executable, "bench/terms.py", "--checks", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "µs per check" in lines[1]
    assert_aligned(lines[1:6])
    figures = json.loads(lines[-1])
    assert set(figures["us_per_check"]) == {
        "ordinary",
        "underscores",
        "digits read as terms",
        "one-letter words",
    }
    assert all(v > 0 for v in figures["us_per_check"].values())
    assert figures["disguises"] == figures["disguises_caught"] == len(DISGUISES) >= 40
    assert figures["false_positives"] == 0
