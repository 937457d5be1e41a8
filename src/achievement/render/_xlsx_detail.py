"""The detail sheet of the XLSX report, written row by row into a write-only worksheet.

A write-only worksheet keeps no cell: each row goes to the file as it is
appended, so a report of many rows takes no more memory than one row.  What
such a sheet needs before its first row (the column widths, the year columns)
is found in a first pass over the results; the runs of equal goals and
measures are merged when the rows are known, and their lower cells are left
empty, as merged cells are.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from achievement.render._safe import spreadsheet_text, xlsx_text
from achievement.render._view import (
    column_label,
    detail_columns,
    detail_row,
    projected_mark,
    row_spans,
    series_years,
    year_key,
)
from achievement.render.labels import label
from achievement.rollup import IndicatorResult, Report

if TYPE_CHECKING:
    from achievement._model import Actual

    Observed = dict[int, Actual]

__all__ = ["HEAD_FILL", "WIDTHS", "detail_sheet", "text_width"]

HEAD_FILL = "D9E1F2"
"""The fill of header cells."""

DISAGREES = "FFF4CE"
"""The fill of a row whose computed outcome differs from the published one."""

WIDTHS = {
    "goal": 24,
    "measure": 24,
    "initiative": 30,
    "indicator": 28,
    "baseline": 14,
    "target": 14,
    "target_used": 24,
    "actual": 18,
    "outcome": 10,
    "grade": 12,
    "recorded": 10,
    "agrees": 8,
    "style": 12,
    "reason": 50,
    "progress": 10,
    "degree": 10,
    "note": 50,
}
"""The widest each detail column gets, in characters; narrower when its text is."""


@lru_cache(maxsize=1 << 14)  # texts repeat down a column
def text_width(text: str) -> int:
    """The width of the longest line of ``text`` in Excel character units: 2 for a wide
    (Japanese) character, 1 for others.

    >>> text_width("達成率"), text_width("71.4%"), text_width("ab\\n評価指標")
    (6, 5, 8)
    """
    return max(
        (
            sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
            for line in text.splitlines()
        ),
        default=0,
    )


# A write-only worksheet is typed ``Any``: the stubs give it none of the attributes it
# shares with a worksheet (column_dimensions, merged_cells, auto_filter...).


class _Cells:
    """Write-only cells in a few styles: each style is asked of openpyxl once and copied.

    Setting a style on a cell looks it up in the workbook's list of styles by
    hashing all its fields; cells of one style share the same style ids, so a
    styled prototype's ids are copied instead.  Text is made safe as
    :func:`~achievement.render._safe.safe_workbook` makes it: what XML cannot
    hold shown as symbols, formula-like text a string cell with Excel's quote prefix.
    """

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self._styles: dict[tuple[object, ...], Any] = {}

    def style(self, key: tuple[object, ...], make: Callable[[Any], None]) -> Any:
        """The style ids of ``key``, made once by ``make(cell)`` on a prototype cell."""
        found = self._styles.get(key)
        if found is None:
            from openpyxl.cell import WriteOnlyCell

            prototype: Any = WriteOnlyCell(self.sheet)
            make(prototype)
            found = self._styles[key] = prototype._style
        return found

    def cell(self, value: object, style: Any = None) -> Any:
        from openpyxl.cell import WriteOnlyCell

        made: Any = WriteOnlyCell(self.sheet, xlsx_text(value))
        if style is not None:
            made._style = copy.copy(style)
        if isinstance(made.value, str) and (made.data_type == "f" or spreadsheet_text(made.value)):
            made.data_type = "s"
            made.quotePrefix = True
        return made


def _points(report: Report) -> Iterator[Observed | None]:
    """Each result's published values by fiscal year (``None`` without a series)."""
    from achievement._series import observed

    for result in report.results:
        indicator = result.entry.indicator
        yield observed(indicator) if indicator.series else None


def _widths(report: Report, keys: tuple[str, ...], lang: str) -> list[float]:
    """Each column's width: its widest text (each distinct text measured once), capped."""
    widest = dict.fromkeys(keys, 0)
    for result in report.results:
        row = detail_row(result, lang, report.as_of)
        for key in keys:
            width = text_width(row[key])
            if width > widest[key]:
                widest[key] = width
    return [
        min(max(widest[key], min(text_width(label(key, lang)), 12)) + 2, WIDTHS[key])
        for key in keys
    ]


def _merge(sheet: Any, column: str, spans: list[int], first: int) -> None:
    """Merge each run of ``spans`` (see :func:`row_spans`) down ``column``, added straight to
    the sheet's ranges (``merge_cells`` checks every new range against every merged one)."""
    from openpyxl.worksheet.cell_range import CellRange

    for offset, span in enumerate(spans):
        if span > 1:
            top = first + offset
            sheet.merged_cells.ranges.add(CellRange(f"{column}{top}:{column}{top + span - 1}"))


def _ratio_cells(result: IndicatorResult) -> dict[str, float]:
    """Progress and degree as numbers Excel can sort and compute with, when finite."""
    measured = result.measurements
    ratios = {"progress": result.progress, "degree": None if measured is None else measured.degree}
    return {
        key: float(ratio)
        for key, ratio in ratios.items()
        if ratio is not None and ratio.is_finite()
    }


def detail_sheet(sheet: Any, report: Report, lang: str, setup: Callable[[Any], None]) -> None:
    """Write the detail: widths, panes and ``setup(sheet)`` (the print setup) first, then
    the header, the rows and the merges."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    keys = detail_columns(report, years=False)  # the years are written as numbers, at the end
    years = list(series_years(report))  # the year columns of every format
    points = _points(report)
    for number, width in enumerate(_widths(report, keys, lang), start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    for offset in range(len(years)):
        sheet.column_dimensions[get_column_letter(len(keys) + 1 + offset)].width = 14
    sheet.freeze_panes = "A2"
    setup(sheet)  # the sheet's properties (fitted to the page) go before its first row
    cells = _Cells(sheet)
    head_fill = PatternFill("solid", fgColor=HEAD_FILL)
    fill = PatternFill("solid", fgColor=DISAGREES)
    wrap = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(wrap_text=True, vertical="center", horizontal="center")

    def heading(cell: Any, centre: bool = True) -> None:
        cell.font, cell.fill = Font(bold=True), head_fill
        if centre:
            cell.alignment = centred

    header_style = cells.style(("header",), heading)
    year_style = cells.style(("year",), lambda cell: heading(cell, centre=False))
    sheet.append(
        [cells.cell(label(key, lang), header_style) for key in keys]
        + [cells.cell(column_label(year_key(year), lang), year_style) for year in years]
    )

    def styled(ratio: bool, disagrees: bool) -> Any:
        def make(cell: Any) -> None:
            cell.alignment = wrap
            if ratio:
                cell.number_format = "0.0%"
            if disagrees:
                cell.fill = fill

        return cells.style(("row", ratio, disagrees), make)

    # runs of one goal, and of one measure under it: their lengths on their first rows
    spans = (
        row_spans([r.entry.goal for r in report.results]),
        row_spans([(r.entry.goal, r.entry.measure) for r in report.results]),
    )
    projected = projected_mark(lang)
    for index, (result, found) in enumerate(zip(report.results, points, strict=True)):
        row = detail_row(result, lang, report.as_of)
        ratios = _ratio_cells(result)
        disagrees = result.agrees is False
        written: list[Any] = []
        for column, key in enumerate(keys):
            if column < 2 and spans[column][index] == 0:  # below the text of a merged cell
                written.append(None)
                continue
            ratio = ratios.get(key)
            value: object = row[key] if ratio is None else ratio
            written.append(cells.cell(value, styled(ratio is not None, disagrees)))
        if found is not None:
            written.extend(_year_cells(cells, years, found, projected))
        sheet.append(written)
    _merge(sheet, "A", spans[0], 2)
    _merge(sheet, "B", spans[1], 2)
    last = get_column_letter(len(keys) + len(years))
    sheet.auto_filter.ref = f"A1:{last}{len(report.results) + 1}"


def _year_cells(cells: _Cells, years: list[int], found: Observed, projected: str) -> list[Any]:
    """The values of one row under the year columns: numbers (a projected value keeps
    `` (見込)`` in its number format), or the text as written (with `` (見込)``)."""
    from achievement._model import ActualStatus, Quantity

    written: list[Any] = []
    for year in years:
        actual = found.get(year)
        if actual is None:
            written.append(None)
            continue
        value = actual.value
        if isinstance(value, Quantity) and value.amount.is_finite():
            unit = (value.unit or "").replace('"', "")
            mark = projected.replace('"', "")
            shown = f"{unit}{mark}" if actual.status is ActualStatus.PROJECTED else unit
            number_format = f'General"{shown}"' if shown else "General"

            def make(cell: Any, number_format: str = number_format) -> None:
                cell.number_format = number_format

            style = cells.style(("year", number_format), make)
            written.append(cells.cell(float(value.amount), style))
        else:
            mark = projected if actual.status is ActualStatus.PROJECTED else ""
            written.append(cells.cell(value.text + mark))
    return written
