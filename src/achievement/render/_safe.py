"""Cell text made safe for where it is written: spreadsheets, Markdown and terminals.

A report is opened by people who trust it, and its cells come from a file we
do not control.  Every writer passes the text it took from the plan through
one of these functions at its edge:

- a spreadsheet never gets a live formula: text that starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return is written as text (XLSX: a string
  cell with a quote prefix; CSV: a leading ``'``, as OWASP recommends), while
  numbers stay numbers;
- Markdown gets HTML escaped, so ``<script>`` shows as text;
- a terminal gets no control characters or escape sequences: each is shown as
  a visible symbol (``␛`` for ESC), never silently dropped.

None of these imports anything beyond the standard library; the XLSX helpers
take openpyxl objects but import openpyxl only when called.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook

__all__ = [
    "FORMULA_STARTS",
    "NUMBER_PATTERN",
    "csv_cell",
    "csv_writer",
    "is_number_text",
    "markdown_text",
    "safe_properties",
    "safe_sheets",
    "safe_workbook",
    "spreadsheet_text",
    "terminal_text",
    "xlsx_text",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula."""

NUMBER_PATTERN = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?%?"
"""A plain number as a spreadsheet reads it (``-5``, ``1.5e3``, ``60%``): no formula."""
_NUMBER = re.compile(NUMBER_PATTERN)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters a terminal acts on: C0 but tab and newline, DEL and C1."""
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters an XLSX file cannot hold (XML 1.0)."""


def _picture(match: re.Match[str]) -> str:
    """A visible stand-in for a control character: its Unicode control picture, or ``\\xNN``."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def is_number_text(text: str) -> bool:
    """Whether ``text`` is a plain number a spreadsheet reads as a number, not a formula.

    >>> is_number_text("-5"), is_number_text("+1.5%"), is_number_text("-5+A1"), is_number_text("")
    (True, True, False, False)
    """
    return _NUMBER.fullmatch(text) is not None


def spreadsheet_text(text: str) -> bool:
    """Whether ``text`` would be read as a formula by a spreadsheet (and must be neutralised).

    >>> spreadsheet_text("=1+1"), spreadsheet_text("@SUM(A1)"), spreadsheet_text("-5")
    (True, True, False)
    >>> spreadsheet_text("\\t=1"), spreadsheet_text("60%"), spreadsheet_text("年5件")
    (True, False, False)

    A dash standing for "none" (``-``, ``--``) is no formula either.
    """
    return text.startswith(FORMULA_STARTS) and not is_number_text(text) and text.strip("-") != ""


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs: formula-like text gets a leading ``'``.

    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("-5"), csv_cell(3), csv_cell("達成")
    ('\\'=HYPERLINK("http://x")', '-5', 3, '達成')
    """
    if isinstance(value, str) and spreadsheet_text(value):
        return "'" + value
    return value


class _SafeWriter:
    """A :func:`csv.writer` that passes every cell through :func:`csv_cell`."""

    def __init__(self, out: IO[str]) -> None:
        self._writer = csv.writer(out, lineterminator="\r\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([csv_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out: IO[str]) -> _SafeWriter:
    """A CSV writer (RFC 4180 quoting, ``\\r\\n`` line ends) that writes no live formula."""
    return _SafeWriter(out)


def markdown_text(text: str) -> str:
    """Text for a Markdown document: HTML escaped, control characters made visible.

    >>> markdown_text("<script>alert(1)</script> & <img src=x onerror=y>")
    '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;'
    """
    return html.escape(terminal_text(text), quote=False)


def terminal_text(text: str) -> str:
    """Text for a terminal: every control character but tab and newline shown as a symbol.

    ESC, and so every ANSI or OSC escape sequence, never reaches the terminal.

    >>> terminal_text("a\\x1b]0;owned\\x07b\\x1b[31mc\\n")
    'a␛]0;owned␇b␛[31mc\\n'
    >>> terminal_text("\\x9b2J\\x00")
    '\\\\x9b2J␀'
    """
    return _CONTROL.sub(_picture, text)


def xlsx_text(value: Any) -> Any:
    """A value an XLSX cell can hold: characters XML cannot carry shown as symbols.

    >>> xlsx_text("a\\x00b\\x1b"), xlsx_text(5), xlsx_text("改行\\nあり")
    ('a␀b␛', 5, '改行\\nあり')
    """
    if isinstance(value, str):
        return _XLSX_ILLEGAL.sub(_picture, value)
    return value


def safe_workbook(book: Workbook) -> None:
    """Make a workbook built from report text safe to open, in place.

    Every text cell is a string cell (never a formula), formula-like text gets
    Excel's quote prefix so that editing the cell keeps it text, the
    workbook's properties hold no formula-like or illegal text, and Excel is
    not asked to recompute anything on load.
    """
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                if cell.data_type == "f" or spreadsheet_text(value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    safe_properties(book)


def safe_properties(book: Workbook) -> None:
    """The part of :func:`safe_workbook` that needs no cell: the workbook's properties hold
    no formula-like or illegal text, and Excel is not asked to recompute anything on load."""
    properties = book.properties
    for name in ("title", "subject", "creator", "description", "keywords", "category"):
        value = getattr(properties, name, None)
        if isinstance(value, str):
            value = xlsx_text(value)
            setattr(properties, name, "'" + value if spreadsheet_text(value) else value)
    book.calculation.fullCalcOnLoad = None


def _safe_sheet_class(base: type[Any]) -> type[Any]:
    class SafeWorksheet(base):  # type: ignore[misc]
        """A worksheet whose cells take only text an XLSX file can hold."""

        def append(self, iterable: Iterable[Any]) -> None:
            super().append([xlsx_text(value) for value in iterable])

        def cell(self, row: int, column: int, value: Any = None) -> Any:
            return super().cell(row, column, xlsx_text(value))

        def __setitem__(self, key: str, value: Any) -> None:
            super().__setitem__(key, xlsx_text(value))

    return SafeWorksheet


_SHEET_CLASSES: dict[type[Any], type[Any]] = {}


def safe_sheets(book: Workbook) -> None:
    """Make every worksheet of ``book`` replace what XML cannot hold in the text it is given.

    Control characters (NUL, ``\\x0b``, ESC...) in a cell would otherwise stop
    openpyxl; they are shown as symbols instead (see :func:`xlsx_text`).
    """
    for sheet in book.worksheets:
        base = type(sheet)
        if base not in _SHEET_CLASSES.values():
            sheet.__class__ = _SHEET_CLASSES.setdefault(base, _safe_sheet_class(base))
