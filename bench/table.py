"""The one table layout every bench prints: columns padded to their widest cell.

The leading ``labels`` columns say what a row is and are left-aligned; the others hold figures
and are right-aligned, so their units line up. Cells arrive formatted: each bench knows its
precision.
"""

from __future__ import annotations

from collections.abc import Sequence

GAP = "  "


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]], labels: int = 1) -> str:
    """The header and rows as aligned lines; a repeated column name is a bench bug."""
    if len(set(header)) != len(header):
        raise ValueError(f"the column names repeat: {list(header)}")
    if any(len(row) != len(header) for row in rows):
        raise ValueError(f"every row needs {len(header)} cells")
    lines = [header, *rows]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join(
        GAP.join(
            cell.ljust(width) if column < labels else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    )
