"""XLSX: the first worksheet, streamed with openpyxl; merged cells repeat their value."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from achievement._errors import AchievementError
from achievement.readers._limits import MAX_COLUMNS, UNPACKED_RATIO, Limits

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

    The number keeps its own value and sign; of its number format, the text it shows
    before and after the digits (a unit: ``#,##0"人"``), a percent sign (the number
    times 100) and the commas after the last digit (the number divided by 1,000 each)
    are read as Excel shows them, from the format's section for the number's sign.

    >>> cell_text(0.6, "0%"), cell_text(13000.0), cell_text(None), cell_text("10%")
    ('60%', '13000', '', '10%')
    >>> cell_text(60, '0"%"'), cell_text(60, "0\\\\%"), cell_text(1250, '#,##0"万人"')
    ('60%', '60%', '1250万人')
    >>> cell_text(-120, '#,##0"人";"△"#,##0"人"'), cell_text(1234000, '#,##0,"千円"')
    ('-120人', '1234千円')
    >>> cell_text(35, 'G/標準"件"'), cell_text(12.5, '[Red]0.0_)"%"')
    ('35件', '12.5%')
    >>> cell_text(dt.datetime(2025, 3, 1)), cell_text(dt.datetime(2025, 3, 1, 9, 30))
    ('2025-03-01', '2025-03-01T09:30:00')
    >>> cell_text(-1500, '#,##0"人"_);[Red]\\\\(#,##0"人"\\\\)')
    '-1500人'

    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        number = Decimal(repr(value))
        prefix, shown, suffix = _shown_parts(_section(number_format, number < 0))
        if "%" in shown:
            number *= 100
            suffix = f"%{suffix}" if "%" not in suffix else suffix
        number /= Decimal(1000) ** _thousands_scale(shown)
        return f"{prefix}{_plain(number)}{suffix}"
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()  # a date typed into a cell: no time of day shown
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


def _section(number_format: str, negative: bool) -> str:
    """The section of ``number_format`` that shows a number of this sign (sections are
    separated by ``;`` outside quotes: positive, negative, zero, text).

    >>> _section('0"人";"△"0"人"', True), _section('0;;0', True), _section('"a;b"0', True)
    ('"△"0"人"', '0', '"a;b"0')
    """
    sections = [match.group().removesuffix(";") for match in _SECTION.finditer(number_format)]
    if negative and len(sections) > 1 and sections[1]:
        return sections[1]
    return sections[0]


_SECTION = re.compile(r'(?:"[^"]*"?|\\.|[^;"\\])*(?:;|$)')
_PLACEHOLDER = re.compile(r"[0#?]|General|G/標準", re.IGNORECASE)
_SIGNS = str.maketrans("", "", "-−△▲▼+()")


def _shown_parts(section: str) -> tuple[str, str, str]:
    """The text shown before the digits, the section without its literal text, and the
    text shown after the digits: quoted text and backslash-escaped characters, without
    the signs (the number's own sign is written)."""
    before: list[str] = []
    after: list[str] = []
    plain: list[str] = []
    seen = False
    at = 0
    for found in _LITERALS.finditer(section):
        plain.append(section[at : found.start()])
        seen = seen or bool(_PLACEHOLDER.search(section[at : found.start()]))
        at = found.end()
        literal = found.group()
        text = literal[1:].rstrip('"') if literal[0] in '"\\' else ""
        (after if seen else before).append(text)
    plain.append(section[at:])
    prefix = "".join(before).translate(_SIGNS).strip()
    return prefix, "".join(plain), "".join(after).translate(_SIGNS).strip()


def _thousands_scale(shown: str) -> int:
    """How many times Excel divides the number by 1,000: the commas right after the
    last digit placeholder (``#,##0,`` one, ``0,,`` two; ``#,##0`` none)."""
    digits = [m.end() for m in re.finditer(r"[0#?]", shown)]
    if not digits:
        return 0
    rest = shown[digits[-1] :]
    return len(rest) - len(rest.lstrip(","))


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


def _load(openpyxl: Any, data: bytes, file: str, *, data_only: bool) -> Any:
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise AchievementError(
            f"the file cannot be read as XLSX: {type(exc).__name__}: {exc}",
            f"XLSX として読めません: {type(exc).__name__}: {exc}",
            file=file,
        ) from exc


def _check_archive(data: bytes, file: str, limits: Limits) -> None:
    """Refuse an archive whose parts unpack to more than the limit allows (a zip bomb)."""
    budget = limits.max_bytes * UNPACKED_RATIO
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise AchievementError(
            f"the file cannot be read as XLSX: {exc}", f"XLSX として読めません: {exc}", file=file
        ) from exc
    if unpacked > budget:
        raise AchievementError(
            f"the workbook unpacks to {unpacked} bytes, more than {budget} "
            f"({UNPACKED_RATIO} times --max-bytes {limits.max_bytes})",
            f"ブックを展開すると {unpacked} バイトになり、{budget} バイト"
            f"(--max-bytes {limits.max_bytes} の {UNPACKED_RATIO} 倍)を超えます",
            file=file,
        )


MAX_CELLS = 5_000_000
"""Cells holding a value or a formula in one sheet."""


@dataclass(slots=True)
class _Sheet:
    """The cells of a worksheet that hold something, and its merged ranges, as stored.

    ``formulas`` holds the formula of each cell that has one but no computed
    value (a workbook written by a program and never opened in Excel).
    """

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    rows: int = 0
    columns: int = 0


def _parser(book: Any, sheet: Any) -> Any:
    """openpyxl's streaming parser of a read-only worksheet's XML (what ``iter_rows`` uses).

    It yields only the cells the file holds, so a far-away cell costs nothing
    more than a near one, and it keeps the sheet's ``<mergeCell>`` ranges.
    Each cell without a computed value also gets its formula, if it has one.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if element.find(_FORMULA_TAG) is not None:
                formula = self.parse_formula(element)  # type: ignore[no-untyped-call]
                if cell["value"] is None:
                    text = getattr(formula, "text", formula)
                    cell["formula"] = text if isinstance(text, str) else "="
            return cell

    return Parser(
        sheet._get_source(),
        sheet._shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )


_FORMULA_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}f"


def _too_far(file: str, row: int, column: int, limits: Limits) -> AchievementError:
    from openpyxl.utils import get_column_letter

    place = f"{get_column_letter(min(column, 16384))}{row}"
    return AchievementError(
        f"the sheet has a cell at {place}, beyond {limits.max_rows} rows (--max-rows) "
        f"or {MAX_COLUMNS} columns",
        f"シートの {place} にセルがあり、{limits.max_rows} 行(--max-rows)または "
        f"{MAX_COLUMNS} 列を超えています",
        file=file,
        row=row,
    )


def _scan(book: Any, sheet: Any, file: str, limits: Limits) -> _Sheet:
    from openpyxl.utils.cell import range_boundaries

    found = _Sheet()
    parser = _parser(book, sheet)
    try:
        for _, row in parser.parse():
            for cell in row:
                number, column, value = cell["row"], cell["column"], cell["value"]
                formula = cell.get("formula")
                if (value is None or value == "") and formula is None:
                    continue  # an empty cell, perhaps styled: not part of the used range
                if number > limits.max_rows or column > MAX_COLUMNS:
                    raise _too_far(file, number, column, limits)
                if formula is not None:
                    text = formula
                    found.formulas[(number, column)] = formula
                else:
                    text = cell_text(value, _number_format(book, cell["style_id"]))
                    found.cells[(number, column)] = text
                if len(text) > limits.max_cell_chars:
                    raise limits.too_long(file, number, column, len(text))
                if len(found.cells) + len(found.formulas) > MAX_CELLS:
                    raise AchievementError(
                        f"the sheet holds more than {MAX_CELLS} cells",
                        f"シートのセルが {MAX_CELLS} 個を超えています",
                        file=file,
                    )
                found.rows = max(found.rows, number)
                found.columns = max(found.columns, column)
        merged = parser.merged_cells
        for span in [] if merged is None else merged.mergeCell:
            min_col, min_row, max_col, max_row = (int(v or 0) for v in range_boundaries(span.ref))
            if max_row > limits.max_rows or max_col > MAX_COLUMNS:
                raise AchievementError(
                    f"the merged range {span.ref} reaches beyond {limits.max_rows} rows "
                    f"(--max-rows) or {MAX_COLUMNS} columns",
                    f"結合セル {span.ref} が {limits.max_rows} 行(--max-rows)または "
                    f"{MAX_COLUMNS} 列を超えています",
                    file=file,
                    row=min_row,
                )
            found.merges.append((min_row, min_col, max_row, max_col))
    except AchievementError:
        raise
    except Exception as exc:  # a broken sheet: openpyxl raises many kinds
        raise AchievementError(
            f"the first sheet cannot be read: {type(exc).__name__}: {exc}",
            f"最初のシートが読めません: {type(exc).__name__}: {exc}",
            file=file,
        ) from exc
    finally:
        parser.source.close()
    return found


def xlsx_rows(data: bytes, *, file: str, limits: Limits | None = None) -> XlsxTable:
    """The rows of the first worksheet as cell text, with their row numbers.

    The workbook is read once, in read-only (streaming) mode.  The used range
    is that of the cells holding a value or a formula, whatever the sheet's
    stated dimension or a far-away empty cell say; a row holds the cells up
    to its last one.  Every cell of a merged range, within the used range,
    reads as the range's top-left cell.
    """
    limits = limits or Limits()
    openpyxl = _openpyxl()
    _check_archive(data, file, limits)
    book = _load(openpyxl, data, file, data_only=True)
    try:
        names = tuple(ws.title for ws in book.worksheets)
        if not names:
            raise AchievementError(
                "the workbook has no worksheet", "ブックにワークシートがありません", file=file
            )
        found = _scan(book, book.worksheets[0], file, limits)
    finally:
        book.close()
    rows, sources = _grid(found)
    formulas = {
        (number, column): found.formulas[source]
        for number, cells in rows
        for column, text in enumerate(cells)
        if not text
        and (source := sources.get((number, column + 1), (number, column + 1))) in found.formulas
    }
    return XlsxTable(rows=rows, sheet=names[0], others=names[1:], formulas=formulas)


def _number_format(book: Any, style: int) -> str:
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    try:
        number = book._cell_styles[style].numFmtId
    except (IndexError, TypeError):
        return "General"
    if number < BUILTIN_FORMATS_MAX_SIZE:
        return str(BUILTIN_FORMATS.get(number, "General"))
    return str(book._number_formats[number - BUILTIN_FORMATS_MAX_SIZE])


def _grid(
    found: _Sheet,
) -> tuple[list[tuple[int, list[str]]], dict[tuple[int, int], tuple[int, int]]]:
    """The rows of the used range, merged ranges repeated over their cells within it.

    Returns the rows and, for each cell covered by a merged range whose
    top-left cell is a formula without a value, that top-left cell.  A merge
    is applied row by row as a slice, never beyond the used range.
    """
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (number, column), text in found.cells.items():
        by_row.setdefault(number, []).append((column, text))
    for number, column in found.formulas:
        by_row.setdefault(number, []).append((column, ""))
    merges = sorted(
        (top, left, min(bottom, found.rows), min(right, found.columns))
        for top, left, bottom, right in found.merges
        if top <= found.rows and left <= found.columns
    )
    active: list[tuple[int, int, int, int]] = []
    sources: dict[tuple[int, int], tuple[int, int]] = {}
    rows: list[tuple[int, list[str]]] = []
    waiting = 0
    for number in range(1, found.rows + 1):
        while waiting < len(merges) and merges[waiting][0] == number:
            active.append(merges[waiting])
            waiting += 1
        active = [m for m in active if m[2] >= number]
        here = by_row.get(number, [])
        width = max([0, *(column for column, _ in here), *(m[3] for m in active)])
        cells = [""] * width
        for column, text in here:
            cells[column - 1] = text
        for top, left, _bottom, right in active:
            cells[left - 1 : right] = [found.cells.get((top, left), "")] * (right - left + 1)
            if (top, left) in found.formulas:
                sources.update({(number, c): (top, left) for c in range(left, right + 1)})
        rows.append((number, cells))
    return rows, sources
