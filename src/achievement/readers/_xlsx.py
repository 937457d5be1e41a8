"""XLSX: the first worksheet, read with openpyxl; merged cells repeat their value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from achievement._errors import AchievementError

__all__ = ["cell_text", "xlsx_rows"]


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError as exc:
        raise AchievementError(
            "reading XLSX needs openpyxl: pip install 'achievement[xlsx]'",
            "XLSX の読み込みには openpyxl が必要です: pip install 'achievement[xlsx]'",
        ) from exc
    return openpyxl


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell's value as the text a person sees.

    >>> cell_text(0.6, "0%"), cell_text(13000.0), cell_text(None), cell_text("10%")
    ('60%', '13000', '', '10%')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        number = Decimal(repr(value))
        if "%" in number_format:
            return f"{_plain(number * 100)}%"
        return _plain(number)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def xlsx_rows(path: Path, *, file: str) -> list[tuple[int, list[str]]]:
    """The rows of the first worksheet as cell text, with their row numbers.

    Every cell of a merged range reads as the range's top-left cell.
    """
    openpyxl = _openpyxl()
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise AchievementError(
            f"the file cannot be read as XLSX: {type(exc).__name__}: {exc}",
            f"XLSX として読めません: {type(exc).__name__}: {exc}",
            file=file,
        ) from exc
    try:
        sheet = book.worksheets[0]
        merged: dict[tuple[int, int], str] = {}
        for span in sheet.merged_cells.ranges:
            top = sheet.cell(span.min_row, span.min_col)
            text = cell_text(top.value, top.number_format)
            for r in range(span.min_row, span.max_row + 1):
                for c in range(span.min_col, span.max_col + 1):
                    merged[(r, c)] = text
        rows: list[tuple[int, list[str]]] = []
        for number, row in enumerate(sheet.iter_rows(min_row=1, min_col=1), start=1):
            cells: list[str] = []
            for column, cell in enumerate(row, start=1):
                spanned = merged.get((number, column))
                if spanned is None:
                    format_ = getattr(cell, "number_format", "General")
                    spanned = cell_text(cell.value, format_)
                cells.append(spanned)
            rows.append((number, cells))
        return rows
    finally:
        book.close()
