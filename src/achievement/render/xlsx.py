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
import shutil
import zipfile
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from achievement.render._safe import (
    safe_properties,
    safe_sheets,
    safe_workbook,
    spreadsheet_text,
)
from achievement.render._view import (
    HIGHLIGHT_COLUMNS,
    coverage,
    disagreement_heading,
    disagreement_rows,
    grade_table,
    highlight_sections,
    problem_lines,
    scheme_rule,
    summary_rows,
    title,
)
from achievement.render._xlsx_detail import DISAGREES, HEAD_FILL, detail_sheet, text_width
from achievement.render.labels import label
from achievement.rollup import Report

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FIXED_TIME", "render", "text_width"]

FIXED_TIME = datetime.datetime(2000, 1, 1)
"""The creation and modification time written into every workbook."""

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _print_setup(sheet: Any, title_rows: str, heading: str) -> None:
    """A4 landscape, fitted to the page width, ``title_rows`` repeated on every page.

    ``sheet`` is a worksheet, write-only or not (the stubs give a write-only one
    none of the attributes it shares with a worksheet).
    """
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
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


def _summary(sheet: Worksheet, report: Report, lang: str) -> int:
    """Lay the summary out on ``sheet``; return the row of its table's header."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor=HEAD_FILL)
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
    return first


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
    fill = PatternFill("solid", fgColor=DISAGREES)
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


class _StampedZip(zipfile.ZipFile):
    """A zip archive whose every member has the same fixed time and permissions.

    openpyxl writes each part with the time it is written (and a sheet written
    row by row with its temporary file's); here every part gets :data:`_ZIP_TIME`,
    so the same report always gives the same bytes.
    """

    @staticmethod
    def _member(name: str) -> zipfile.ZipInfo:
        member = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
        member.compress_type = zipfile.ZIP_DEFLATED
        member.external_attr = 0o600 << 16
        return member

    def writestr(  # type: ignore[override]  # as openpyxl calls it
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: str | bytes, *args: Any, **kw: Any
    ) -> None:
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        super().writestr(self._member(str(name)), data)

    def write(  # type: ignore[override]  # as openpyxl calls it
        self, filename: str, arcname: str | None = None, *args: Any, **kw: Any
    ) -> None:
        # piece by piece: a detail sheet of many rows is tens of megabytes unpacked
        with open(filename, "rb") as read, self.open(self._member(arcname or filename), "w") as out:
            shutil.copyfileobj(read, out, 1 << 20)


def _copy_sheet(staged: Worksheet, sheet: Any) -> None:
    """Write ``staged`` (a sheet built cell by cell) into the write-only ``sheet``: widths,
    heights, panes, cells with their styles, and merges."""
    from openpyxl.cell import WriteOnlyCell

    for letter, dimension in staged.column_dimensions.items():
        if dimension.width:
            sheet.column_dimensions[letter].width = dimension.width
    for number, height in staged.row_dimensions.items():
        if height.height is not None:
            sheet.row_dimensions[number].height = height.height
    sheet.freeze_panes = staged.freeze_panes
    for row in staged.iter_rows():
        written: list[Any] = []
        for cell in row:
            if cell.value is None and not cell.has_style:
                written.append(None)
                continue
            made: Any = WriteOnlyCell(sheet, cell.value)  # type: ignore[arg-type]  # as read
            if cell.has_style:
                made.font = copy.copy(cell.font)
                made.fill = copy.copy(cell.fill)
                made.border = copy.copy(cell.border)
                made.alignment = copy.copy(cell.alignment)
                made.number_format = cell.number_format
                made.protection = copy.copy(cell.protection)
            if isinstance(made.value, str) and (
                (cell.data_type == "s" and made.data_type == "f") or spreadsheet_text(made.value)
            ):
                made.data_type = "s"
                made.quotePrefix = True
            written.append(made)
        sheet.append(written)
    for merged in staged.merged_cells.ranges:
        sheet.merged_cells.add(str(merged))


def render(report: Report, *, lang: str = "ja") -> bytes:
    """The report as an XLSX workbook: sheet 1 the summary, sheet 2 the detail.

    The workbook is write-only, so that no cell of the detail is kept: the
    summary, a few dozen rows, is laid out cell by cell on a sheet of a scratch
    workbook and then written; the detail is written row by row.
    """
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    scratch = Workbook()
    staged = scratch.active
    assert staged is not None
    safe_sheets(scratch)
    first = _summary(staged, report, lang)
    safe_workbook(scratch)
    book = Workbook(write_only=True)
    summary = book.create_sheet(label("summary", lang)[:31])
    # a write-only sheet writes its properties (fitted to the page) before its first row
    _print_setup(summary, f"{first}:{first + 1}", title(report, lang))
    _copy_sheet(staged, summary)
    del scratch, staged
    detail = book.create_sheet(label("detail", lang)[:31])
    detail_sheet(
        detail, report, lang, lambda sheet: _print_setup(sheet, "1:1", title(report, lang))
    )
    book.properties.creator = "achievement"
    book.properties.title = title(report, lang)
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    safe_properties(book)  # its cells were made safe as they were written
    raw = io.BytesIO()
    with _StampedZip(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()
    return raw.getvalue()
