"""What the bench smoke tests check of a printed table: aligned columns with distinct names."""

from __future__ import annotations

import re


def assert_aligned(lines: list[str]) -> None:
    """Every line as long as the header (figures right-aligned), no column name twice."""
    assert len({len(line) for line in lines}) == 1, "misaligned table:\n" + "\n".join(lines)
    names = re.split(r" {2,}", lines[0].strip())
    assert len(names) == len(set(names)), f"repeated column names: {names}"
