"""The header of a detail table: which row it is, and which field each column holds.

A header is one row, or two when the row under it holds year sub-columns or
units under merged cells (``実績値`` over ``令和5年度 | 令和6年度``, ``(%)``): in a
CSV the cells to the right of a merged cell are blank, in an XLSX they repeat
its text.  Each column then reads as its combined header (``実績値/令和6年度``).
Which column each field is read from is decided in :mod:`._layout`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from achievement._years import parse_fiscal_year
from achievement.readers._cells import norm, shown

__all__ = [
    "FIELDS",
    "IGNORE",
    "REFERENCE_WORDS",
    "REQUIRED",
    "VALUE_FIELDS",
    "Head",
    "column_letter",
    "fiscal_year",
    "header_rows",
    "heads",
    "is_sub_row",
    "match_header",
    "series_stem",
]

FIELDS: Mapping[str, str] = {
    "goal": "基本目標",
    "measure": "施策",
    "initiative": "取り組み",
    "indicator": "評価指標",
    "baseline": "計画策定時",
    "target": "目標",
    "actual": "実績",
    "recorded": "評価",
    "note": "取組状況等",
    "direction": "方向",
    "style": "評価方式",
    "main": "主要な指標",
    "unit": "単位",
}
"""The fields a column can hold, with the Japanese header they stand for."""

IGNORE = "ignore"
"""The field name that tells ``--columns`` to leave a column out."""

REQUIRED = ("indicator", "target", "actual")

_HEADER_SCAN = 20
"""How many non-blank rows at the top are searched for the header row."""

_ENGLISH = {
    "goal": "goal",
    "goals": "goal",
    "measure": "measure",
    "measures": "measure",
    "initiative": "initiative",
    "initiatives": "initiative",
    "indicator": "indicator",
    "kpi": "indicator",
    "baseline": "baseline",
    "target": "target",
    "actual": "actual",
    "projected": "actual",
    "recorded": "recorded",
    "note": "note",
    "notes": "note",
    "direction": "direction",
    "style": "style",
    "main": "main",
    "unit": "unit",
    "units": "unit",
}

# Checked in order: the first keyword the header contains decides its field.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("判定理由", IGNORE),  # the columns `achievement annotate` adds are not the published 評価
    ("評価区分", IGNORE),
    ("基本目標", "goal"),
    ("主要", "main"),
    ("取組状況", "note"),
    ("取り組み状況", "note"),
    ("指標の評価", "recorded"),
    ("達成状況", "recorded"),
    ("判定", "recorded"),
    ("評価方式", "style"),
    ("評価指標", "indicator"),
    ("評価内容", "indicator"),
    ("評価項目", "indicator"),
    ("施策", "measure"),
    ("取り組み", "initiative"),
    ("取組", "initiative"),
    ("策定時", "baseline"),
    ("基準", "baseline"),
    ("目標", "target"),
    ("実績", "actual"),
    ("直近値", "actual"),
    ("現状値", "current"),
    ("評価", "recorded"),
    ("指標", "indicator"),
    ("方向", "direction"),
    ("備考", "note"),
    ("単位", "unit"),  # last: 目標値(単位:件) is the target, its unit in brackets
)


VALUE_FIELDS = frozenset({"baseline", "target", "actual"})

REFERENCE_WORDS = ("参考", "全国", "国平均", "県平均", "都平均", "府平均", "道平均", "他市")
"""Words of a reference column (参考値, 全国平均): it is never read as a field."""
"""Fields whose columns are never chosen between by the exactness of their header."""

_BRACKETS = re.compile(r"[(\[【<《「][^)\]】>》」]*[)\]】>》」]")
_YEAR_START = re.compile(r"(?<![A-Za-z0-9])(?:令和|平成|昭和|[RHS]\.?\d|FY|(?:19|20)\d{2})")
_UNIT = re.compile(r"[(\[]?(?:単位:?)?[(\[]?(?P<unit>[^\d()\[\]:/]{1,8}?)[)\]]{0,2}")


def _years(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, year)`` of each fiscal year written in normalised ``text``."""
    found: list[tuple[int, int, int]] = []
    after = 0
    for m in _YEAR_START.finditer(text):
        if m.start() < after:
            continue
        year = parse_fiscal_year(text[m.start() :])
        if year is None:
            continue
        after = m.start() + year.end
        found.append((m.start(), after, year.year))
    return found


def _without_years(text: str) -> str:
    for start, end, _ in reversed(_years(text)):
        text = text[:start] + text[end:]
    return text


def fiscal_year(text: str, *, bare: bool = False) -> int | None:
    """The fiscal year named in a header: 令和N年度 is FY 2018+N.

    ``bare`` reads a cell that is only a Western year (``2024``) as one, as in
    a row of year sub-columns.

    >>> fiscal_year("計画策定時(令和2年度末)"), fiscal_year("目標(令和7年度)")
    (2020, 2025)
    >>> fiscal_year("target (FY2025)"), fiscal_year("令和元年度"), fiscal_year("指標")
    (2025, 2019, None)
    >>> fiscal_year("目標値(R7)"), fiscal_year("H30年度末"), fiscal_year("2024年度実績")
    (2025, 2018, 2024)
    >>> fiscal_year("2024"), fiscal_year("2024", bare=True)
    (None, 2024)
    """
    s = norm(text)
    if bare:
        year = parse_fiscal_year(s, bare=True)
        if year is not None and year.end == len(s):
            return year.year
    found = _years(s)
    return found[0][2] if found else None


def _stem(header: str) -> str:
    """The header without brackets, fiscal years and spaces."""
    s = _BRACKETS.sub("", norm(header))
    return _without_years(s).strip(":・/")


def match_header(header: str) -> str | None:
    """The field a header stands for, ``"current"`` for 現状値, or ``None``.

    >>> [match_header(h) for h in ("基本目標", "目標(令和7年度)", "令和7年度 実績見込", "評価")]
    ['goal', 'target', 'actual', 'recorded']
    >>> match_header("Baseline (FY2020)"), match_header("令和2年度末(計画策定時)"), match_header("col7")
    ('baseline', 'baseline', None)
    >>> match_header("KPI名"), match_header("指標名"), match_header("実績値/令和6年度")
    ('indicator', 'indicator', 'actual')
    >>> match_header("評価内容"), match_header("令和6年度/目標")
    ('indicator', 'target')
    >>> match_header("判定理由"), match_header("評価区分")
    ('ignore', 'ignore')

    A reference column is no field, whatever else its header says:

    >>> match_header("参考値(全国平均)"), match_header("全国の実績(令和6年度)")
    (None, None)
    """
    if any(word in norm(header) for word in REFERENCE_WORDS):
        return None
    stem = _stem(header)
    english = _ENGLISH.get(stem.lower()) or _ENGLISH.get(stem.lower().removesuffix("名"))
    if english is not None:
        return english
    # the words outside brackets decide; failing them, the words inside
    for text in (stem, _without_years(norm(header))):
        for keyword, field in _KEYWORDS:
            if keyword in text:
                return field
    return None


def exact(header: str, field: str) -> bool:
    """Whether ``header`` is exactly a word of ``field`` (``評価``), not a longer header."""
    stem = _stem(header)
    words = {FIELDS[field], *(k for k, f in _KEYWORDS if f == field)}
    return stem in words or stem.removesuffix("値") in words or _ENGLISH.get(stem.lower()) == field


def column_letter(index: int) -> str:
    """The spreadsheet letter of a column counted from 0.

    >>> column_letter(0), column_letter(5), column_letter(26)
    ('A', 'F', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Head:
    """One column's header as shown (combined over two rows), its group, year and unit."""

    index: int
    header: str
    group: str
    year: int | None
    unit: str | None


def _unit(text: str) -> str | None:
    """The unit a cell of a units row states: ``(%)``, ``[件]``, ``単位:人``; else ``None``.

    >>> [_unit(t) for t in ("(%)", "(単位:件)", "単位:人", "［千円］", "単位", "(目標)", "件")]
    ['%', '件', '人', '千円', None, None, None]
    """
    s = norm(text)
    m = _UNIT.fullmatch(s)
    if m is None or not ("(" in s or "単位" in s or "[" in s):
        return None
    unit = m["unit"]
    if "単位" in unit or match_header(unit) is not None:
        return None
    return unit


def _sub_year(text: str) -> bool:
    """Whether a cell of a second header row names a year (``令和6年度``, ``2024``, ``R7見込``),
    in brackets or not (``(H30)``, ``【令和7年度】``).

    >>> [_sub_year(t) for t in ("(H30)", "（R7年度）", "【2024】", "(目標)", "(R5", "()")]
    [True, True, True, False, False, False]
    """
    s = norm(text)
    if len(s) > 2 and s[0] + s[-1] in ("()", "[]", "【】"):
        s = s[1:-1].strip()  # the year of the column in brackets
    year = parse_fiscal_year(s, bare=True)
    if year is None:
        return False
    rest = _BRACKETS.sub("", s[year.end :]).strip("()")
    return not rest or "見込" in rest or match_header(rest) is not None


def _only_year(text: str) -> bool:
    """Whether a header cell is a year and nothing else (``令和6年度``, ``R6``, ``2024``)."""
    s = norm(text)
    year = parse_fiscal_year(s, bare=True)
    return year is not None and year.end == len(s)


def _filled(top: Sequence[str], sub: Sequence[str]) -> list[str]:
    """The top header over each column: a blank cell right of a merged group takes its text."""
    width = max(len(top), len(sub))
    out: list[str] = []
    for i in range(width):
        above = top[i].strip() if i < len(top) else ""
        below = sub[i].strip() if i < len(sub) else ""
        if not above and below and out and out[-1]:
            left = sub[i - 1].strip() if i - 1 < len(sub) else ""
            if left and norm(left) != norm(out[-1]):
                above = out[-1]
        out.append(above)
    return out


def is_sub_row(top: Sequence[str], sub: Sequence[str]) -> bool:
    """Whether ``sub`` is a second header row under ``top``: years or units under its cells."""
    above = _filled(top, sub)
    marks = 0
    for i, cell in enumerate(sub):
        text = cell.strip()
        if not text or norm(text) == norm(above[i]):
            continue
        if _sub_year(text) or _unit(text) is not None:
            marks += 1
        elif match_header(text) is not None and _only_year(above[i]):
            marks += 1  # a field under a year: 令和6年度 over 実績 | 目標
        else:
            return False
    return marks > 0


def _score(cells: Sequence[str], columns: Mapping[str, str]) -> tuple[int, int]:
    """How many required fields, and how many fields, a row's headers name."""
    wanted = {norm(h): f for h, f in columns.items()}
    fields = {wanted.get(norm(c)) or match_header(c) for c in cells} - {None, IGNORE}
    return len(fields & set(REQUIRED)), len(fields)


def header_rows(rows: Sequence[Sequence[str]], columns: Mapping[str, str]) -> int:
    """The index of the header row: the first with the indicator, target and actual.

    Failing that, the row with the most recognised headers (the required ones
    counting first); the earliest such row on a tie.  When that row lacks a
    required field and is the second row of a two-row header (``令和6年度`` over
    ``実績 | 目標``), the row above it is the header's first row.
    """
    scores = [_score(cells, columns) for cells in rows]
    for index, (required, _) in enumerate(scores):
        if required == len(REQUIRED):
            return index
    best = scores.index(max(scores))
    if best > 0 and is_sub_row(rows[best - 1], rows[best]):
        return best - 1
    return best


def heads(top: Sequence[str], sub: Sequence[str] | None) -> list[Head]:
    """Each column's header as shown: combined over two rows when ``sub`` is a second header row.

    >>> [h.header for h in heads(["指標", "実績値", "", "目標値"], ["", "R5", "R6", "(%)"])]
    ['指標', '実績値/R5', '実績値/R6', '目標値']
    >>> [(h.year, h.unit) for h in heads(["指標", "実績値", "", "目標値"], ["", "R5", "R6", "(%)"])]
    [(None, None), (2023, None), (2024, None), (None, '%')]
    """
    if sub is None:
        return [
            Head(i, shown(text), shown(text), fiscal_year(text), None) for i, text in enumerate(top)
        ]
    above = _filled(top, sub)
    result: list[Head] = []
    for i, group in enumerate(above):
        below = sub[i].strip() if i < len(sub) else ""
        unit = None
        if not below or norm(below) == norm(group) or (unit := _unit(below)) is not None:
            header = group
        else:
            header = f"{group}/{below}" if group else below
        year = fiscal_year(below, bare=True) if below and unit is None else None
        result.append(Head(i, shown(header), shown(group), year or fiscal_year(group), unit))
    return result


def series_stem(header: str) -> str:
    """What the columns of one year series share: the header without years, brackets and 見込.

    >>> series_stem("実績値/令和5年度"), series_stem("実績値/令和6年度(見込)")
    ('実績値', '実績値')
    >>> series_stem("令和5年度実績"), series_stem("令和7年度 実績見込")
    ('実績', '実績')
    """
    return _stem(header).replace("見込", "").strip(":・/")
