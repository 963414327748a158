"""What the bench smoke tests share: running a bench, and checking the table it prints."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class BenchRun:
    """What a bench printed: its lines, the last of which is its figures as one JSON object."""

    lines: list[str]

    @property
    def figures(self) -> Any:
        return json.loads(self.lines[-1])

    @property
    def table(self) -> list[str]:
        return self.lines[:-1]


def run_bench(*argv: str, timeout: float = 120) -> BenchRun:
    """Run `python <argv>` in the checkout (a bench file, or -m and a module); fail if it fails."""
    result = subprocess.run(
        [sys.executable, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return BenchRun(result.stdout.strip().splitlines())


def assert_aligned(lines: list[str]) -> None:
    """Every line as long as the header (figures right-aligned), no column name twice."""
    assert len({len(line) for line in lines}) == 1, "misaligned table:\n" + "\n".join(lines)
    names = re.split(r" {2,}", lines[0].strip())
    assert len(names) == len(set(names)), f"repeated column names: {names}"
