"""Hypothesis-generated workbooks, with random merged ranges, never crash the XLSX reader."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from achievement.readers import read_plan

HEADER = [
    "基本目標",
    "施策",
    "評価指標",
    "計画策定時(令和2年度末)",
    "目標(令和7年度)",
    "実績",
    "評価",
]
CELLS = ["", "【基本目標1】A", "2. B(重点施策)", "指標", "10%", "60%", "年5件(累計31件)", "推進"]
CELLS += ["―", "未満5件", "達成", "未達成", "減少", "x"]
WIDTH = len(HEADER)


@st.composite
def workbooks(draw: st.DrawFn) -> tuple[list[list[str | int | float | None]], list[str]]:
    """Rows under the header and merged ranges (A1 notation) below the header."""
    cell = st.one_of(
        st.sampled_from(CELLS),
        st.none(),
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=False, allow_infinity=False, width=32),
        st.text(st.characters(codec="ascii", categories=["L", "N", "P", "Zs"]), max_size=8),
    )
    rows = draw(st.lists(st.lists(cell, max_size=WIDTH), max_size=8))
    merges: list[str] = []
    taken: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(0, 3))):
        column = draw(st.integers(0, WIDTH - 1))
        first = draw(st.integers(2, len(rows) + 2))
        last = draw(st.integers(first, len(rows) + 3))
        span = {(r, column) for r in range(first, last + 1)}
        if last > first and not span & taken:
            taken |= span
            letter = chr(ord("A") + column)
            merges.append(f"{letter}{first}:{letter}{last}")
    return rows, merges


@settings(max_examples=30, deadline=None)
@given(workbooks())
def test_xlsx_rows_in_equal_rows_out(
    book: tuple[list[list[str | int | float | None]], list[str]],
) -> None:
    """Every data row of a workbook is either an indicator or named by a problem."""
    rows, merges = book
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    for span in merges:
        sheet.merge_cells(span)
    with TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        workbook.save(path)
        result = read_plan(path)  # the header is complete, so the table always reads
    assert result.rows == len(result.plan.indicators) + len(result.problem_rows)
    assert result.rows <= len(rows) + 2
    assert {item.row for item in result.plan.indicators}.isdisjoint(result.problem_rows)
