"""Write taito-2025.xlsx from taito-2025.csv, with merged cells as in the printed table.

Run from anywhere: ``python examples/taito-2025/make_xlsx.py`` (needs openpyxl).
The first row is the plan's name, the second the header.
A blank goal, measure or initiative cell continues the one above, so each run
of rows sharing a goal, a measure or an initiative becomes one merged cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
MERGED = (0, 1, 2)
"""The columns merged down: 基本目標, 施策, 取り組み."""
WIDTHS = (28, 28, 36, 30, 16, 16, 16, 8, 48)
FIXED_TIME = dt.datetime(2025, 10, 1)


def runs(rows: list[list[str]], column: int) -> list[tuple[int, int]]:
    """(first, last) data-row indexes of each run a column's blank cells continue.

    A run also ends where a column to its left starts a new run.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(rows) + 1):
        ends = i == len(rows) or any(rows[i][c].strip() for c in range(column + 1))
        if ends:
            spans.append((start, i - 1))
            start = i
    return spans


def build(source: Path, target: Path) -> None:
    """Write ``target`` (XLSX) from ``source`` (CSV)."""
    with source.open(encoding="utf-8", newline="") as f:
        (title, *_), header, *rows = list(csv.reader(f))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "別紙"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows(min_row=3):
        for cell in line:
            cell.alignment = wrap
    for column in MERGED:
        for first, last in runs(rows, column):
            if last > first:
                sheet.merge_cells(
                    start_row=first + 3,
                    end_row=last + 3,
                    start_column=column + 1,
                    end_column=column + 1,
                )
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A3"
    book.properties.creator = "achievement"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.save(target)


if __name__ == "__main__":
    build(HERE / "taito-2025.csv", HERE / "taito-2025.xlsx")
    sys.exit(0)
