"""XLSX: a summary sheet laid out like the seed's イ table and a detail sheet like its 別紙.

The summary sheet opens with the plan's name and the judgments that differ from
the published outcome.  Both sheets print on A4 landscape, fitted to the page
width, with their header rows repeated on every page and the plan's name in the
page header; panes are frozen under the headers, columns are as wide as their
Japanese text, and counts, rates, progress and achievement degree are numbers.

Workbook properties carry a fixed date and every part of the archive a fixed
time stamp, so the same report always gives the same bytes.
"""

from __future__ import annotations

import copy
import datetime
import io
import unicodedata
import zipfile
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from achievement.render._safe import safe_sheets, safe_workbook, xlsx_text
from achievement.render._view import (
    HIGHLIGHT_COLUMNS,
    column_label,
    coverage,
    detail_columns,
    detail_rows,
    disagreement_heading,
    disagreement_rows,
    grade_table,
    highlight_sections,
    problem_lines,
    projected_mark,
    row_spans,
    scheme_rule,
    series_years,
    summary_rows,
    title,
    year_key,
)
from achievement.render.labels import label
from achievement.rollup import Report

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FIXED_TIME", "render", "text_width"]

FIXED_TIME = datetime.datetime(2000, 1, 1)
"""The creation and modification time written into every workbook."""

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_DISAGREES = "FFF4CE"
"""The fill of a row whose computed outcome differs from the published one."""

_WIDTHS = {
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


def _print_setup(sheet: Worksheet, title_rows: str, heading: str) -> None:
    """A4 landscape, fitted to the page width, ``title_rows`` repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    from openpyxl.worksheet.header_footer import HeaderFooterItem
    from openpyxl.worksheet.properties import PageSetupProperties

    setup = sheet.sheet_properties.pageSetUpPr
    if setup is None:
        setup = sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    setup.fitToPage = True
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    header = sheet.oddHeader if sheet.oddHeader is not None else HeaderFooterItem()
    footer = sheet.oddFooter if sheet.oddFooter is not None else HeaderFooterItem()
    header.center.text = heading.replace("&", "&&")
    footer.center.text = "&P / &N"
    sheet.oddHeader, sheet.oddFooter = header, footer


def _summary(sheet: Worksheet, report: Report, lang: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="D9E1F2")
    goal_fill = PatternFill("solid", fgColor="F2F2F2")
    center = Alignment(horizontal="center", vertical="center")

    sheet["A1"] = title(report, lang)
    sheet["A1"].font = Font(bold=True, size=13)
    for line in disagreement_heading(report, lang):
        sheet.append([line])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    differing = disagreement_rows(report, lang)
    if differing:
        _disagreements(sheet, differing, lang, head_fill, border)
    sheet.append([])
    sheet.append([label("summary", lang)])
    sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    first = sheet.max_row + 1
    sheet.append(
        [
            label("measure_name", lang),
            label("indicators", lang),
            label("outcomes", lang),
            None,
            None,
        ]
    )
    sheet.append(
        [
            None,
            None,
            label("achieved", lang),
            label("not_achieved", lang),
            label("not_evaluable", lang),
        ]
    )
    sheet.merge_cells(start_row=first, start_column=1, end_row=first + 1, end_column=1)
    sheet.merge_cells(start_row=first, start_column=2, end_row=first + 1, end_column=2)
    sheet.merge_cells(start_row=first, start_column=3, end_row=first, end_column=5)
    for cells in sheet.iter_rows(min_row=first, max_row=first + 1, max_col=5):
        for cell in cells:
            cell.fill, cell.font, cell.alignment, cell.border = (
                head_fill,
                Font(bold=True),
                center,
                border,
            )
    at = first + 1  # the last row written; counted, not asked of openpyxl
    for row in summary_rows(report, lang, rate_row=True):
        tally = row.tally
        at += 1
        if row.kind == "goal":
            sheet.append([row.label])
            sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=5)
            sheet.cell(at, 1).fill = goal_fill
            sheet.cell(at, 1).font = Font(bold=True)
        elif row.kind == "rate":
            sheet.append([row.label, None, None if tally.rate is None else float(tally.rate / 100)])
            sheet.cell(at, 3).number_format = "0.0%"
            sheet.merge_cells(start_row=at, start_column=3, end_row=at, end_column=5)
            sheet.cell(at, 3).alignment = center
        else:
            sheet.append(
                [
                    row.label,
                    tally.indicators,
                    tally.achieved,
                    tally.not_achieved,
                    tally.not_evaluable,
                ]
            )
            if row.kind == "total":
                for col in range(1, 6):
                    sheet.cell(at, col).font = Font(bold=True)
        for col in range(1, 6):
            sheet.cell(at, col).border = border
    sheet.append([])
    sheet.append([f"{label('unique_indicators', lang)}: {report.unique_indicators}"])
    sheet.append([label("rate_rule", lang)])
    if report.problems:
        sheet.append([])
        if coverage(report, lang):
            sheet.append([coverage(report, lang)])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True, color="C62828")
        sheet.append([label("problems", lang)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for line in problem_lines(report, lang):
            sheet.append([line])
    for heading, section in highlight_sections(report, lang):
        sheet.append([])
        sheet.append([heading])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append([label(key, lang) for key in HIGHLIGHT_COLUMNS])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            cell.fill = head_fill
        for picked in section:
            sheet.append([picked[key] for key in HIGHLIGHT_COLUMNS])
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.append([report.highlights.rule.get(lang)])
    _grades(sheet, report, lang, first)
    names = [row.label for row in summary_rows(report, lang)]
    names += [row["indicator"] for row in disagreement_rows(report, lang)]
    sheet.column_dimensions["A"].width = min(max(24, *map(text_width, names)) + 2, 60)
    for column in "BCDE":
        sheet.column_dimensions[column].width = 12
    # the header rows stay in view, unless a long list of disagreements sits above them
    sheet.freeze_panes = f"B{first + 2}" if first <= _FREEZE_WITHIN else "B1"
    _print_setup(sheet, f"{first}:{first + 1}", title(report, lang))


_DISAGREEMENT_LAYOUT = ("indicator", "row", "recorded", "computed", "reason")
"""The disagreement columns as the summary sheet lays them out: the name in the wide
column A, the reason last, merged over :data:`_REASON_SPAN` columns."""

_REASON_SPAN = 7

_FREEZE_WITHIN = 16
"""The lowest row the summary's header may start on for the rows above it to be frozen."""


def _disagreements(
    sheet: Worksheet, rows: list[dict[str, str]], lang: str, head_fill: Any, border: Any
) -> None:
    """The judgments that differ from the published outcome, above the summary table."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.append([label("disagreements", lang)])
    sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    last = len(_DISAGREEMENT_LAYOUT) + _REASON_SPAN - 1
    sheet.append([label(key, lang) for key in _DISAGREEMENT_LAYOUT])
    for cell in sheet[sheet.max_row][:last]:
        cell.fill, cell.font, cell.border = head_fill, Font(bold=True), border
    reason = len(_DISAGREEMENT_LAYOUT)
    sheet.merge_cells(
        start_row=sheet.max_row, start_column=reason, end_row=sheet.max_row, end_column=last
    )
    fill = PatternFill("solid", fgColor=_DISAGREES)
    top = Alignment(wrap_text=True, vertical="top")
    for row_text in rows:
        sheet.append([_number(row_text[key]) for key in _DISAGREEMENT_LAYOUT])
        at = sheet.max_row
        for column in range(1, last + 1):
            cell = sheet.cell(at, column)
            cell.fill, cell.border, cell.alignment = fill, border, top
        sheet.merge_cells(start_row=at, start_column=reason, end_row=at, end_column=last)
        lines = -(-text_width(row_text["reason"]) // 60)  # about the merged width
        sheet.row_dimensions[at].height = 15 * max(lines, 1) + 3


def _grades(sheet: Worksheet, report: Report, lang: str, first: int) -> None:
    """The grade distribution beside the summary, row for row, and the scheme's rule below."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, rows = grade_table(report, lang)
    if not header:
        return
    left = 7
    sheet.cell(first, left, label("grades", lang)).font = Font(bold=True)
    for offset, name in enumerate(header[1:]):
        sheet.cell(first + 1, left + offset, name).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(left + offset)].width = 12
    for index, (_kind, cells) in enumerate(rows):
        for offset, text in enumerate(cells[1:]):
            cell = sheet.cell(first + 2 + index, left + offset, _number(text))
            if text.endswith("%") and not isinstance(cell.value, str):
                cell.number_format = "0.0%"
    sheet.append([scheme_rule(report, lang)])


def _number(text: str) -> int | float | str:
    """A count or a rate as a number Excel can compute with; other text as it is.

    >>> _number("20"), _number("71.4%"), _number("-")
    (20, 0.714, '-')
    """
    if text.isdigit():
        return int(text)
    if text.endswith("%"):
        try:
            return float(Decimal(text[:-1]) / 100)
        except InvalidOperation:
            return text
    return text


def _merge_runs(sheet: Worksheet, column: int, keys: list[object], first: int) -> None:
    """Merge each run of equal keys down ``column``, all in one pass.

    ``Worksheet.merge_cells`` checks every new range against every merged one,
    so merging run by run is quadratic; runs are disjoint, so they are added
    straight to the sheet's ranges and their cells made merged cells.
    """
    from openpyxl.cell.cell import MergedCell
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    letter = get_column_letter(column)
    for offset, span in enumerate(row_spans(keys)):
        if span > 1:
            top, bottom = first + offset, first + offset + span - 1
            merged = MergedCellRange(sheet, f"{letter}{top}:{letter}{bottom}")
            sheet.merged_cells.ranges.add(merged)
            for row in range(top + 1, bottom + 1):
                sheet._cells[row, column] = MergedCell(sheet, row, column)
            merged.format()


class _Styled:
    """Sets a style on many cells, asking openpyxl only once per starting style and value.

    Setting ``cell.alignment`` (or ``fill``...) looks the value up in the
    workbook's list of styles by hashing all its fields, for every cell; a
    cell that starts with the same style ids and takes the same value ends with
    the same ids, so those are copied instead.  The file is the same.
    """

    def __init__(self) -> None:
        self._done: dict[tuple[str, int, tuple[int, ...]], Any] = {}

    def set(self, cell: Any, name: str, value: object) -> None:
        start = cell._style  # None until a style is set
        key = (name, id(value), () if start is None else tuple(start))
        done = self._done.get(key)
        if done is None:
            setattr(cell, name, value)
            self._done[key] = (value, copy.copy(cell._style))  # keeps value, so its id
        else:
            cell._style = copy.copy(done[1])


def _detail(sheet: Worksheet, report: Report, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    keys = detail_columns(report, years=False)  # the years are written as numbers below
    sheet.append([label(key, lang) for key in keys])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    fill = PatternFill("solid", fgColor=_DISAGREES)
    wrap = Alignment(wrap_text=True, vertical="top")
    rows = detail_rows(report, lang)
    # Row numbers are counted, never asked of openpyxl (max_row walks every cell).
    styled = _Styled()
    for number, (result, row) in enumerate(zip(report.results, rows, strict=True), start=2):
        sheet.append([row[key] for key in keys])
        for column in range(1, len(keys) + 1):
            styled.set(sheet.cell(number, column), "alignment", wrap)
        measured = result.measurements
        ratios = {
            "progress": result.progress,
            "degree": None if measured is None else measured.degree,
        }
        for key, ratio in ratios.items():  # numbers Excel can sort and compute with
            if ratio is not None and ratio.is_finite():
                cell = sheet.cell(number, keys.index(key) + 1, float(ratio))
                styled.set(cell, "number_format", "0.0%")
        if result.agrees is False:
            for column in range(1, len(keys) + 1):
                styled.set(sheet.cell(number, column), "fill", fill)
    _year_columns(sheet, report, lang, len(keys) + 1)
    goals = [r.entry.goal for r in report.results]
    _merge_runs(sheet, 1, list(goals), 2)
    _merge_runs(sheet, 2, [(r.entry.goal, r.entry.measure) for r in report.results], 2)
    for number, key in enumerate(keys, start=1):
        widest = max(map(text_width, {row[key] for row in rows}), default=0)  # texts repeat
        widest = max(widest, min(text_width(label(key, lang)), 12))
        sheet.column_dimensions[get_column_letter(number)].width = min(widest + 2, _WIDTHS[key])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _print_setup(sheet, "1:1", title(report, lang))


def _year_columns(sheet: Worksheet, report: Report, lang: str, first: int) -> None:
    """One column per fiscal year of the series, right of the detail, with the values as
    numbers (a projected value keeps ``(見込)`` in its number format); none without series."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from achievement._model import ActualStatus, Quantity
    from achievement._series import observed

    points = [
        observed(r.entry.indicator) if r.entry.indicator.series else {} for r in report.results
    ]
    years = series_years(report)  # the year columns of every format
    if not years:
        return
    projected = projected_mark(lang).replace('"', "")
    for offset, year in enumerate(years):
        column = first + offset
        cell = sheet.cell(1, column, column_label(year_key(year), lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        sheet.column_dimensions[get_column_letter(column)].width = 14
        for number, found in enumerate(points, start=2):
            actual = found.get(year)
            if actual is None:
                continue
            value = actual.value
            if isinstance(value, Quantity) and value.amount.is_finite():
                written = sheet.cell(number, column, float(value.amount))
                unit = (value.unit or "").replace('"', "")
                shown = f"{unit}{projected}" if actual.status is ActualStatus.PROJECTED else unit
                written.number_format = f'General"{shown}"' if shown else "General"
            else:
                mark = projected_mark(lang) if actual.status is ActualStatus.PROJECTED else ""
                sheet.cell(number, column, xlsx_text(value.text + mark))


def _repack(data: bytes) -> bytes:
    """The archive again, with every member stamped with the same fixed time."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def render(report: Report, *, lang: str = "ja") -> bytes:
    """The report as an XLSX workbook: sheet 1 the summary, sheet 2 the detail."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = label("summary", lang)[:31]
    detail = book.create_sheet(label("detail", lang)[:31])
    safe_sheets(book)
    _summary(summary, report, lang)
    _detail(detail, report, lang)
    book.properties.creator = "achievement"
    book.properties.title = title(report, lang)
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    safe_workbook(book)
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()
    return _repack(raw.getvalue())
