"""The detail table: header rows, then one row per indicator.

CSV and XLSX readers turn a file into rows of cell text; this module finds the
header (:mod:`._headers`), maps its columns to fields (:mod:`._layout`), reads
every data row (:mod:`._rows`) with the cell readers of :mod:`._cells`, and returns the plan with every row it could not
read or skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING

from achievement._errors import AchievementError
from achievement._model import LocalizedText
from achievement._plan import Plan, PlanIndicator
from achievement.readers._cells import (
    DIRECTION_TEXTS,
    MESSAGES,
    RECORDED_TEXTS,
    CellReader,
    parse_direction,
    parse_goal,
    parse_measure,
    parse_recorded,
    problem,
    recorded_fields,
)
from achievement.readers._headers import (
    FIELDS,
    IGNORE,
    column_letter,
    fiscal_year,
    header_rows,
    is_sub_row,
    match_header,
)
from achievement.readers._layout import layout
from achievement.readers._result import Problem, ReadResult
from achievement.readers._review import review
from achievement.readers._rows import RowReader

if TYPE_CHECKING:
    from achievement._judge import Judge

__all__ = [
    "DIRECTION_TEXTS",
    "FIELDS",
    "IGNORE",
    "MESSAGES",
    "RECORDED_TEXTS",
    "CellReader",
    "fiscal_year",
    "match_header",
    "parse_direction",
    "parse_goal",
    "parse_measure",
    "parse_recorded",
    "problem",
    "read_rows",
    "recorded_fields",
]

_HEADER_SCAN = 20
"""How many non-blank rows at the top are searched for the header row."""


def _two_rows(top: int, two: bool) -> tuple[LocalizedText, ...]:
    """A note saying the header was read over two rows, when it was."""
    if not two:
        return ()
    return (
        LocalizedText(
            ja=f"見出しは{top}行目と{top + 1}行目の2行から読みました(上の行が結合したセルの見出し)",
            en=f"the header was read from rows {top} and {top + 1} "
            "(the upper row heads merged cells)",
        ),
    )


_HEAD = re.compile(r"[△▲▼\-−]?[0-9]{1,3}")
_GROUP = re.compile(r"[0-9]{3}")
_LAST_GROUP = re.compile(r"[0-9]{3}(?![0-9])")


def _split_number(cells: Sequence[str]) -> tuple[int, int, str] | None:
    """Where a number was split into cells at its thousands separators, as an unquoted
    ``1,250万人`` is in a CSV row: ``(first index, number of cells, the number)``.

    A head of one to three digits is followed by cells of exactly three digits, the
    last of which may go on with a unit (``1`` | ``250万人``, ``12`` | ``345`` | ``678円``).

    >>> _split_number(["観光入込客数", "1", "250万人", "平成30年度"])
    (1, 2, '1,250万人')
    >>> _split_number(["人口", "12", "345", "678人"])
    (1, 3, '12,345,678人')
    >>> _split_number(["指標", "32", "2018年度"]) is None  # four digits: not a group
    True
    """
    texts = [c.strip() for c in cells]
    for i, head in enumerate(texts[:-1]):
        if not _HEAD.fullmatch(head):
            continue
        end = i + 1
        while end + 1 < len(texts) and _GROUP.fullmatch(texts[end]):
            end += 1  # a middle group of three digits: the number may go on
        if not _LAST_GROUP.match(texts[end]):
            end -= 1  # the cell after the middle groups is not a group: they end the number
        if end > i:
            return i, end - i + 1, ",".join(texts[i : end + 1])
    return None


def _split_problem(
    file: str, row: int, cells: Sequence[str], split: tuple[int, int, str], width: int
) -> Problem:
    """The refusal of a row whose number ``split`` (:func:`_split_number`) moved its cells."""
    first, count, joined = split
    parts = [cells[i].strip() for i in range(first, first + count)]
    return problem(
        "row.split_number",
        file=file,
        row=row,
        column=column_letter(first),
        text=joined,
        letter=column_letter(first),
        width=str(width),
        count=str(len(cells)),
        cells="".join(f"「{c}」" for c in parts),
        cells_en=", ".join(repr(c) for c in parts),
    )


def _cell_texts(cells: Sequence[str]) -> tuple[str, ...]:
    """The cells with white space folded and the empty cells at the end left out."""
    texts = [" ".join(c.split()) for c in cells]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


def _repeated_header(cells: Sequence[str], headers: Mapping[int, tuple[str, ...]]) -> int | None:
    """The number of the header row that ``cells`` repeat, cell for cell, else ``None``."""
    texts = _cell_texts(cells)
    return next((n for n, header in headers.items() if texts and texts == header), None)


def _blank(cells: Sequence[str]) -> bool:
    return all(not c.strip() for c in cells)


def read_rows(
    rows: Iterable[tuple[int, Sequence[str]]],
    *,
    file: str,
    columns: Mapping[str, str] | None = None,
    judge: Judge | None = None,
    formulas: Mapping[tuple[int, int], str] | None = None,
) -> ReadResult:
    """Read a detail table given as ``(row number, cells)`` pairs, in order.

    The header row is the first of the first 20 non-blank rows with headers
    for the indicator, the target and the actual; failing that, the one of
    them with the most recognised headers.  The row right under it is a second
    header row when it holds years or units under the header's cells (see
    :mod:`._headers`).  The first text above the header is the plan's title,
    and other rows above it are not read.  Completely blank rows are skipped
    and not counted.  Blank goal and measure cells continue the row above (as
    merged cells do), and a goal written again (filled down, or merged) keeps
    the measure above; so does a blank initiative under a continued measure.
    Heading rows and totals rows are skipped, each with a note.

    ``formulas`` maps ``(row number, column index from 0)`` to the text of a
    formula whose value was never computed: its cell reads as blank, so its
    row is a problem.

    Every data row ends up in the plan, named by an error problem, or skipped
    with a note.  Warning problems (an unknown published outcome) keep their
    row in the plan.
    """
    columns = dict(columns or {})
    formulas = formulas or {}
    stream = iter(rows)
    # the top of the table, up to one row past the rows searched for the header;
    # the rest is read as it comes, never held whole
    top_rows: list[tuple[int, list[str]]] = []
    data: list[tuple[int, list[str]]] = []
    for n, cells in stream:
        top_rows.append((n, list(cells)))
        if not _blank(top_rows[-1][1]):
            data.append(top_rows[-1])
            if len(data) > _HEADER_SCAN:
                break
    if not data:
        raise AchievementError(
            "the file has no rows; expected a header row and one row per indicator",
            "ファイルに行がありません。見出しの行と、指標ごとの行が必要です",
            file=file,
        )
    at = header_rows([cells for _, cells in data[:_HEADER_SCAN]], columns)
    title = ""
    if at > 0:
        title = next(c.strip() for c in data[0][1] if c.strip())
    top_number, top = data[at]
    sub: list[str] | None = None
    if (
        at + 1 < len(data)
        and data[at + 1][0] == top_number + 1
        and is_sub_row(top, data[at + 1][1])
    ):
        sub = data[at + 1][1]
    found = layout(top, sub, columns, file)
    header_number = top_number + (1 if sub is not None else 0)
    read = {column.index for column in found.fields.values()}
    headed = {i for i, h in enumerate(found.headers) if h.strip()}
    used = read | {column.index for column in found.series}
    known = headed | used
    first_unknown = next(i for i in range(len(known) + 1) if i not in known)
    width = max(len(top), len(sub or ()))  # the header's cells: a row longer than it is suspect
    header_texts = {top_number: _cell_texts(top)}
    if sub is not None:
        header_texts[top_number + 1] = _cell_texts(sub)
    # a row repeats a header only if its indicator cell does: the rest is compared only then
    name_at = found.fields["indicator"].index
    header_names = {
        " ".join(t[name_at].split()) if name_at < len(t) else "" for t in (top, sub or ())
    }
    reader = RowReader(file, found, CellReader(judge), formulas)
    indicators: list[PlanIndicator] = []
    problems: list[Problem] = []
    skipped: list[Problem] = []
    unlabelled: set[int] = set()
    body = 0
    for number, cells in chain(top_rows, ((n, list(c)) for n, c in stream)):
        if number <= header_number or (
            _blank(cells) and not any((number, index) in formulas for index in read)
        ):
            continue
        body += 1
        uncomputed = any((number, i) in formulas for i in read)
        note = reader.skipped(number, cells, formulas=uncomputed)
        named = " ".join(cells[name_at].split()) if name_at < len(cells) else ""
        repeated = _repeated_header(cells, header_texts) if named in header_names else None
        if note is None and repeated is not None:  # a header again, as on each printed page
            first = next(i for i, c in enumerate(cells) if c.strip())
            note = problem(
                "row.repeated_header",
                file=file,
                row=number,
                column=column_letter(first),
                text=cells[first].strip(),
                header=str(repeated),
            )
        split = _split_number(cells) if note is None and len(cells) > width else None
        if split is None and len(cells) > first_unknown:  # a text under no header, not read
            unlabelled.update(i for i, c in enumerate(cells) if i not in known and c.strip())
        if note is not None:
            skipped.append(note)
            continue
        if split is not None:  # the cells under the headers are not the row's own: refused
            problems.append(_split_problem(file, number, cells, split, width))
            continue
        item, found_problems = reader.read(number, cells)
        problems.extend(found_problems)
        if item is not None:
            indicators.append(item)
    del top_rows, data
    headers = {field: column.header for field, column in found.fields.items()}
    indicators, more = review(indicators, file=file, headers=headers, judge=reader.cells.judge)
    problems = sorted([*problems, *more], key=lambda p: p.row or 0)  # in the order of rows
    plan = Plan(
        title=title,
        baseline_year=found.fields["baseline"].year if "baseline" in found.fields else None,
        target_year=found.fields["target"].year,
        indicators=tuple(indicators),
    )
    unread = found.unread + tuple(column_letter(i) for i in sorted(unlabelled))
    return ReadResult(
        plan=plan,
        problems=tuple(problems),
        rows=body - len(skipped),
        unread_columns=unread,
        skipped=tuple(skipped),
        layout=_two_rows(top_number, sub is not None) + found.notes,
        header_rows=tuple(range(top_number, header_number + 1)),
    )
