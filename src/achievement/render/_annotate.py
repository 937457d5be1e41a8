"""Annotate a city's own table: its 評価 column filled, a 判定理由 column added.

The workbook (or CSV) is written again as it was, with only these cells
changed: the published-outcome column (評価), where blank, gets the computed
outcome; a column 判定理由 (the reason for the judgment) is added after the
last column, or filled where an earlier run added it; under a scheme other
than ``binary``, a column 評価区分 with the grade.  When the table has no 評価
column, one is added after the last column.  A 評価 cell the city already
filled is kept as written; when it differs from the computed outcome the
reason says so.  A row that could not be read gets the problem in 判定理由.

XLSX is opened with openpyxl and saved: values, formulas, styles, merged
cells, column widths, other sheets, print settings and data validation are
kept.  Drawings, charts, images and pivot tables, which openpyxl cannot write
back, are refused rather than dropped.  CSV keeps its encoding (UTF-8 with or
without a BOM, or cp932) and its line endings.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from achievement._errors import AchievementError
from achievement.readers._result import Problem
from achievement.readers._table import match_header
from achievement.render._view import grade_name, published, shows_grades
from achievement.render.labels import label, outcome_label
from achievement.rollup import Report

__all__ = ["Annotated", "Layout", "annotate_csv", "annotate_xlsx", "locate", "plain_text"]

_UNKEPT = ("xl/drawings/drawing", "xl/charts/", "xl/media/", "xl/pivotTables/", "xl/pivotCache/")
"""Parts of a workbook openpyxl does not write back: annotating would silently drop them."""


def plain_text(text: str) -> str:
    """Text a spreadsheet shows as written: one that a spreadsheet would take for a
    formula gets a leading apostrophe (see :func:`achievement.render._safe.csv_cell`).

    >>> plain_text("=1+1"), plain_text("達成")
    ("'=1+1", '達成')
    """
    from achievement.render._safe import csv_cell

    return str(csv_cell(text))


@dataclass
class Annotated:
    """What annotating did, for the summary printed on stderr."""

    filled: int = 0
    kept: int = 0
    differing: list[int] = field(default_factory=list)
    problems: int = 0
    added: list[str] = field(default_factory=list)

    def lines(self, lang: str) -> list[str]:
        """The summary in ``lang``."""
        if lang == "ja":
            text = [
                f"評価を記入した行: {self.filled}、記入済みのため残した行: {self.kept}、"
                f"読み込めず理由だけ記入した行: {self.problems}"
            ]
            if self.added:
                text.append("追加した列: " + "、".join(f"「{h}」" for h in self.added))
            if self.differing:
                rows = "、".join(str(r) for r in self.differing)
                text.append(f"記入済みの評価が判定と異なる行(判定理由に記載): {rows}")
            return text
        text = [
            f"rows filled: {self.filled}; rows kept as written: {self.kept}; "
            f"rows not read, reason only: {self.problems}"
        ]
        if self.added:
            text.append("columns added: " + ", ".join(repr(h) for h in self.added))
        if self.differing:
            rows = ", ".join(str(r) for r in self.differing)
            text.append(
                f"rows whose written outcome differs from the judgment (see the reason): {rows}"
            )
        return text


@dataclass(frozen=True)
class Layout:
    """Where the table is: its header row and the columns (from 0) written into."""

    header: int
    recorded: int | None
    reason: int | None
    grade: int | None
    width: int


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _field(text: str, columns: Mapping[str, str]) -> str | None:
    wanted = {_norm(h): f for h, f in columns.items()}
    return wanted.get(_norm(text)) or match_header(text)


def locate(
    rows: Sequence[tuple[int, Sequence[str]]],
    first_data_row: int,
    columns: Mapping[str, str],
    *,
    file: str,
) -> Layout:
    """The header row (the nearest row above the data naming the indicator column) and
    the 評価, 判定理由 and 評価区分 columns in it, when there are."""
    above = [(n, cells) for n, cells in rows if n < first_data_row]
    for number, cells in reversed(above):
        fields = [_field(text, columns) if text.strip() else None for text in cells]
        if "indicator" not in fields:
            continue
        names = {_norm(text): index for index, text in enumerate(cells) if text.strip()}
        recorded = fields.index("recorded") if "recorded" in fields else None
        width = max((i + 1 for i, text in enumerate(cells) if text.strip()), default=0)
        return Layout(
            header=number,
            recorded=recorded,
            reason=_find(names, "reason_column"),
            grade=_find(names, "grade"),
            width=width,
        )
    raise AchievementError(
        "no header row naming the indicator column (評価指標) above the first indicator",
        "最初の指標の上に、評価指標の列を示す見出しの行がありません",
        file=file,
        row=first_data_row,
    )


def _find(names: Mapping[str, int], key: str) -> int | None:
    for lang in ("ja", "en"):
        found = names.get(_norm(label(key, lang)))
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class _Row:
    outcome: str
    grade: str | None
    reason: str
    written: bool
    differs: bool


def _rows(report: Report, lang: str) -> dict[int, _Row]:
    """What to write in each row of the source, by row number."""
    graded = shows_grades(report)
    out: dict[int, _Row] = {}
    for result in report.results:
        entry = result.entry
        if entry.row is None:
            continue
        computed = outcome_label(result.outcome, lang)
        reason = result.judgment.message.get(lang)
        written = bool(entry.recorded_text and entry.recorded_text.strip())
        differs = result.agrees is False
        if differs:
            reason = label("annotate_differs", lang).format(
                published=published(result, lang), computed=computed, reason=reason
            )
        out[entry.row] = _Row(
            outcome=computed,
            grade=grade_name(result.grade, lang) if graded else None,
            reason=reason,
            written=written,
            differs=differs,
        )
    return out


def _problems(problems: Sequence[Problem], lang: str) -> dict[int, str]:
    """The errors of each row left out, joined, by row number."""
    found: dict[int, list[str]] = {}
    for problem in problems:
        if problem.row is not None and problem.severity == "error":
            where = f"{problem.column}: " if problem.column else ""
            found.setdefault(problem.row, []).append(f"{where}{problem.message.get(lang)}")
    return {row: " / ".join(texts) for row, texts in found.items()}


@dataclass
class _Plan:
    """The columns to write: existing ones reused, missing ones appended in order."""

    recorded: int
    reason: int
    grade: int | None
    added: list[tuple[int, str]]


def _columns_to_write(layout: Layout, width: int, graded: bool, lang: str) -> _Plan:
    added: list[tuple[int, str]] = []
    next_free = width

    def place(existing: int | None, key: str) -> int:
        nonlocal next_free
        if existing is not None:
            return existing
        added.append((next_free, label(key, lang)))
        next_free += 1
        return next_free - 1

    recorded = place(layout.recorded, "outcome")
    grade = place(layout.grade, "grade") if graded else None
    reason = place(layout.reason, "reason_column")
    return _Plan(recorded=recorded, reason=reason, grade=grade, added=added)


def _first_row(report: Report, problems: Sequence[Problem], file: str) -> int:
    rows = [r.entry.row for r in report.results if r.entry.row is not None]
    rows += [p.row for p in problems if p.row is not None]
    if not rows:
        raise AchievementError(
            "the table has no indicator row to annotate",
            "記入する指標の行がありません",
            file=file,
        )
    return min(rows)


def _cells(
    report: Report, problems: Sequence[Problem], plan: _Plan, lang: str, done: Annotated
) -> dict[int, dict[int, str]]:
    """The text to write, by row number and column index (from 0)."""
    writes: dict[int, dict[int, str]] = {}
    for row, item in _rows(report, lang).items():
        cells = writes.setdefault(row, {})
        if item.written:
            done.kept += 1
        else:
            cells[plan.recorded] = item.outcome
            done.filled += 1
        if item.differs:
            done.differing.append(row)
        if plan.grade is not None and item.grade is not None:
            cells[plan.grade] = item.grade
        cells[plan.reason] = item.reason
    for row, text in _problems(problems, lang).items():
        writes.setdefault(row, {})[plan.reason] = text
        done.problems += 1
    return writes


def _csv_encoding(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp932"
    return "utf-8"


def _line_end(data: bytes) -> str:
    at = data.find(b"\n")
    if at > 0 and data[at - 1 : at] == b"\r":
        return "\r\n"
    if at < 0 and b"\r" in data:
        return "\r"
    return "\n"


def annotate_csv(
    source: Path,
    report: Report,
    problems: Sequence[Problem],
    *,
    lang: str,
    columns: Mapping[str, str],
) -> tuple[bytes, Annotated]:
    """The CSV ``source`` with its 評価 column filled and the reason column added, as bytes
    in the encoding and with the line endings of ``source``."""
    from achievement.readers._csv import csv_rows, decode

    file = str(source)
    data = source.read_bytes()
    text = decode(data, file=file)
    encoding, end = _csv_encoding(data), _line_end(data)
    records = [cells for _, cells in csv_rows(text, file=file)]
    numbered = list(enumerate(records, start=1))
    layout = locate(numbered, _first_row(report, problems, file), columns, file=file)
    width = max(layout.width, len(records[layout.header - 1]))
    plan = _columns_to_write(layout, width, shows_grades(report), lang)
    done = Annotated(added=[name for _, name in plan.added])
    writes = _cells(report, problems, plan, lang, done)
    last = max([width, *(index + 1 for index, _ in plan.added)])
    header = records[layout.header - 1]
    for index, name in plan.added:
        _put(header, index, name, last)
    for row, cells in writes.items():
        record = records[row - 1]
        for index, value in cells.items():
            _put(record, index, plain_text(value), last)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=end)
    writer.writerows(records)
    written = out.getvalue()
    if not text.endswith(("\n", "\r")):
        written = written[: -len(end)]
    try:
        return written.encode(encoding), done
    except UnicodeEncodeError as exc:
        raise AchievementError(
            f"the annotation cannot be written in the file's encoding ({encoding}): "
            f"{exc.object[exc.start : exc.end]!r}; save the file as CSV UTF-8",
            f"記入する文字がファイルの文字コード({encoding})で書けません: "
            f"「{exc.object[exc.start : exc.end]}」。CSV UTF-8 で保存してください",
            file=file,
        ) from exc


def _put(record: list[str], index: int, value: str, width: int) -> None:
    if len(record) < width:
        record.extend([""] * (width - len(record)))
    record[index] = value


def _refuse_unkept(source: Path, file: str) -> None:
    try:
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise AchievementError(
            f"the file cannot be read as XLSX: {exc}", f"XLSX として読めません: {exc}", file=file
        ) from exc
    unkept = sorted({part for name in names for part in _UNKEPT if name.startswith(part)})
    if unkept:
        parts = ", ".join(unkept)
        raise AchievementError(
            f"the workbook has drawings, charts, images or pivot tables ({parts}), which would "
            "be lost when it is written again; annotate a copy without them, or use "
            "achievement report",
            f"ブックに図形・グラフ・画像・ピボットテーブル({parts})があり、書き直すと失われます。"
            "それらを除いたコピーに記入するか、achievement report を使ってください",
            file=file,
        )


def annotate_xlsx(
    source: Path,
    report: Report,
    problems: Sequence[Problem],
    *,
    lang: str,
    columns: Mapping[str, str],
) -> tuple[bytes, Annotated]:
    """The workbook ``source`` with its first sheet annotated, as bytes."""
    import openpyxl

    from achievement.readers._xlsx import xlsx_rows

    file = str(source)
    _refuse_unkept(source, file)
    table = xlsx_rows(source.read_bytes(), file=file)
    layout = locate(table.rows, _first_row(report, problems, file), columns, file=file)
    book = openpyxl.load_workbook(source, keep_links=True)
    sheet = book.worksheets[0]
    width = max(layout.width, sheet.max_column)
    plan = _columns_to_write(layout, width, shows_grades(report), lang)
    done = Annotated(added=[name for _, name in plan.added])
    writes = _cells(report, problems, plan, lang, done)
    for index, name in plan.added:
        _write_cell(sheet, layout.header, index, name, like=width - 1)
        _width(sheet, index, 40 if name == label("reason_column", lang) else 12)
    for row, cells in writes.items():
        for index, value in cells.items():
            _write_cell(sheet, row, index, value, like=width - 1 if index >= width else None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), done


def _write_cell(sheet: Any, row: int, index: int, value: str, like: int | None) -> None:
    """Write ``value`` as text into a cell; a new column's cell takes the style of the
    cell of the last original column in its row."""
    from copy import copy

    from openpyxl.cell.cell import MergedCell

    cell = sheet.cell(row=row, column=index + 1)
    if isinstance(cell, MergedCell):
        cell = _top_left(sheet, row, index + 1)
    if like is not None:
        model = sheet.cell(row=row, column=like + 1)
        if model.has_style:
            cell.font, cell.border = copy(model.font), copy(model.border)
            cell.fill, cell.alignment = copy(model.fill), copy(model.alignment)
    from achievement.render._safe import xlsx_text

    cell.value = xlsx_text(value)
    cell.data_type = "s"  # text, never a live formula


def _top_left(sheet: Any, row: int, column: int) -> Any:
    for span in sheet.merged_cells.ranges:
        if span.min_row <= row <= span.max_row and span.min_col <= column <= span.max_col:
            return sheet.cell(row=span.min_row, column=span.min_col)
    return sheet.cell(row=row, column=column)


def _width(sheet: Any, index: int, width: int) -> None:
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(index + 1)
    if letter not in sheet.column_dimensions:
        sheet.column_dimensions[letter].width = width
