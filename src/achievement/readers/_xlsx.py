"""XLSX: the first worksheet, read with openpyxl; merged cells repeat their value."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from achievement._errors import AchievementError

__all__ = ["XlsxTable", "cell_text", "is_percent_format", "xlsx_rows"]

_LITERALS = re.compile(r'"[^"]*"?|\\.|[_*].|\[[^\]]*\]')
"""Parts of a number format that are shown as written: quoted text, escaped
characters, padding (``_x``), fill (``*x``) and bracketed colours or locales."""


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
    >>> cell_text(60, '0"%"'), cell_text(60, "0\\\\%")
    ('60', '60')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        number = Decimal(repr(value))
        if is_percent_format(number_format):
            return f"{_plain(number * 100)}%"
        return _plain(number)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def is_percent_format(number_format: str) -> bool:
    """Whether Excel shows a number with this format multiplied by 100.

    A ``%`` inside quotes, escaped with a backslash, or after ``_`` or ``*`` is
    shown as it is and does not scale the number.

    >>> is_percent_format("0.0%"), is_percent_format('0"%"'), is_percent_format("0\\\\%")
    (True, False, False)
    """
    return "%" in _LITERALS.sub("", number_format)


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True, slots=True)
class XlsxTable:
    """The first worksheet of a workbook as cell text.

    ``formulas`` maps ``(row number, column index from 0)`` to the formula of
    each cell that has one but no computed value (a workbook written by a
    program and never opened in Excel); such a cell reads as blank.
    """

    rows: list[tuple[int, list[str]]]
    sheet: str
    others: tuple[str, ...] = ()
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)

    def note(self) -> tuple[str, str]:
        """Which sheet was read, in English and Japanese, for table-level errors."""
        en = f"only the first sheet {self.sheet!r} is read"
        ja = f"読み込むのは最初のシート「{self.sheet}」だけです"
        if self.others:
            en += "; other sheets: " + ", ".join(repr(name) for name in self.others)
            ja += "。ほかのシート: " + "、".join(f"「{name}」" for name in self.others)
        return en, ja


def _load(openpyxl: Any, path: Path, file: str, **options: bool) -> Any:
    try:
        return openpyxl.load_workbook(path, **options)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise AchievementError(
            f"the file cannot be read as XLSX: {type(exc).__name__}: {exc}",
            f"XLSX として読めません: {type(exc).__name__}: {exc}",
            file=file,
        ) from exc


def xlsx_rows(path: Path, *, file: str) -> XlsxTable:
    """The rows of the first worksheet as cell text, with their row numbers.

    Every cell of a merged range reads as the range's top-left cell.  The
    workbook is opened a second time, for its formulas, only when a cell has
    no value.
    """
    openpyxl = _openpyxl()
    book = _load(openpyxl, path, file, data_only=True)
    try:
        sheet = book.worksheets[0]
        names = tuple(ws.title for ws in book.worksheets)
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        merged: dict[tuple[int, int], str] = {}
        for span in sheet.merged_cells.ranges:
            top = sheet.cell(span.min_row, span.min_col)
            text = cell_text(top.value, top.number_format)
            for r in range(span.min_row, span.max_row + 1):
                for c in range(span.min_col, span.max_col + 1):
                    merged[(r, c)] = text
                    spans[(r, c)] = (span.min_row, span.min_col)
        rows: list[tuple[int, list[str]]] = []
        empty: dict[tuple[int, int], tuple[int, int]] = {}
        for number, row in enumerate(sheet.iter_rows(min_row=1, min_col=1), start=1):
            cells: list[str] = []
            for column, cell in enumerate(row, start=1):
                source = spans.get((number, column), (number, column))
                spanned = merged.get((number, column))
                if spanned is None:
                    format_ = getattr(cell, "number_format", "General")
                    spanned = cell_text(cell.value, format_)
                if not spanned:
                    empty[(number, column - 1)] = source
                cells.append(spanned)
            rows.append((number, cells))
    finally:
        book.close()
    formulas = _formulas(openpyxl, path, file, empty) if empty else {}
    return XlsxTable(rows=rows, sheet=names[0], others=names[1:], formulas=formulas)


def _formulas(
    openpyxl: Any, path: Path, file: str, empty: dict[tuple[int, int], tuple[int, int]]
) -> dict[tuple[int, int], str]:
    """The formula behind each empty cell (or its merged range's top-left cell) that has one."""
    book = _load(openpyxl, path, file, data_only=False, read_only=True)
    try:
        wanted = set(empty.values())
        found: dict[tuple[int, int], str] = {}
        sheet = book.worksheets[0]
        for row in sheet.iter_rows():
            for cell in row:
                place = (getattr(cell, "row", None), getattr(cell, "column", None))
                if place in wanted and getattr(cell, "data_type", None) == "f":
                    value = cell.value
                    found[place] = value if isinstance(value, str) else str(value.text)
        return {at: found[source] for at, source in empty.items() if source in found}
    finally:
        book.close()
