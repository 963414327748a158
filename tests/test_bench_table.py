"""The table printer every bench shares."""

from __future__ import annotations

import pytest

from bench.table import format_table
from tests.bench_tables import assert_aligned


def test_columns_are_padded_to_their_widest_cell() -> None:
    rows = [["quota", "1234", "1 2 3"], ["f", "5", "7"]]
    lines = format_table(["setup", "cycles/s", "runs"], rows).splitlines()
    assert lines == [
        "setup  cycles/s   runs",
        "quota      1234  1 2 3",
        "f             5      7",
    ]
    assert_aligned(lines)


def test_leading_label_columns_are_left_aligned() -> None:
    lines = format_table(["N", "side", "req/s"], [["50", "bot", "9"]], labels=2).splitlines()
    assert lines == ["N   side  req/s", "50  bot       9"]


def test_a_repeated_column_name_is_refused() -> None:
    with pytest.raises(ValueError, match="repeat"):
        format_table(["result", "vs floor", "vs floor"], [])


def test_a_row_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match="3 cells"):
        format_table(["a", "b", "c"], [["1", "2"]])


@pytest.mark.parametrize(
    "lines",
    [
        ["prompt   median ms", "short (46)       0.02"],  # the policy bench's old layout
        ["result  vs floor  vs floor", "b64       1.00x     1.00x"],  # the client's old names
    ],
)
def test_the_smoke_tests_catch_a_bad_table(lines: list[str]) -> None:
    with pytest.raises(AssertionError):
        assert_aligned(lines)
