"""Reading a table given as rows of cells, as the CSV reader gives them (shared by the
reader tests)."""

from __future__ import annotations

from collections.abc import Sequence

from achievement import Judge, Quantity
from achievement.readers import ReadResult
from achievement.readers._table import read_rows

JUDGE = Judge(autoload=False)


def read(rows: Sequence[Sequence[str]], columns: dict[str, str] | None = None) -> ReadResult:
    """Read ``rows`` as a CSV would give them, numbered from 1."""
    return read_rows(
        [(n, list(cells)) for n, cells in enumerate(rows, start=1)],
        file="plan.csv",
        judge=JUDGE,
        columns=columns,
    )


def unit_of(value: object) -> str | None:
    return value.unit if isinstance(value, Quantity) else None
