"""The detail table: headers matched by keyword, one row per indicator.

CSV and XLSX readers turn a file into rows of cell text; this module finds the
header row, matches each header to a field, and reads every data row into a
:class:`PlanIndicator` or into :class:`Problem` entries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from achievement._errors import AchievementError, ParseError
from achievement._model import (
    Actual,
    ActualStatus,
    Direction,
    Indicator,
    LocalizedText,
    Outcome,
    Target,
    Value,
)
from achievement._notation import MISSING_TEXTS, parse_value
from achievement._plan import Goal, Measure, Plan, PlanIndicator
from achievement.readers._result import Problem, ReadResult

if TYPE_CHECKING:
    from achievement._judge import Judge

__all__ = [
    "DIRECTION_TEXTS",
    "FIELDS",
    "IGNORE",
    "RECORDED_TEXTS",
    "CellReader",
    "fiscal_year",
    "parse_direction",
    "parse_goal",
    "parse_measure",
    "parse_recorded",
    "read_rows",
    "recorded_fields",
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
)

_BRACKETS = re.compile(r"[(\[【<《「][^)\]】>》」]*[)\]】>》」]")
_YEAR = re.compile(
    r"(?P<era>令和|平成|(?<![A-Za-z])[RH](?=\d{1,2}(?!\d)))(?P<n>元|\d{1,3})(?:年度?)?"
    r"|FY(?P<fy>\d{4})|(?P<y>\d{4})年度",
    re.IGNORECASE,
)
_ERA_BASE = {"令和": 2018, "平成": 1988, "R": 2018, "H": 1988}

RECORDED_TEXTS: Mapping[str, Outcome] = {
    "達成": Outcome.ACHIEVED,
    "achieved": Outcome.ACHIEVED,
    **dict.fromkeys(("〇", "○", "◯"), Outcome.ACHIEVED),
    "未達成": Outcome.NOT_ACHIEVED,
    "未達": Outcome.NOT_ACHIEVED,
    **dict.fromkeys(("×", "✕", "✗"), Outcome.NOT_ACHIEVED),
    "notachieved": Outcome.NOT_ACHIEVED,
    "not_achieved": Outcome.NOT_ACHIEVED,
    "評価不能": Outcome.NOT_EVALUABLE,
    "notevaluable": Outcome.NOT_EVALUABLE,
    "not_evaluable": Outcome.NOT_EVALUABLE,
    **dict.fromkeys(MISSING_TEXTS - {""}, Outcome.NOT_EVALUABLE),
}
"""Published judgment words (after width normalisation, without spaces, lower case)."""

DIRECTION_TEXTS: Mapping[str, Direction] = {
    "上昇": Direction.HIGHER,
    "増加": Direction.HIGHER,
    "高い方が良い": Direction.HIGHER,
    "↑": Direction.HIGHER,
    "higher": Direction.HIGHER,
    "低下": Direction.LOWER,
    "減少": Direction.LOWER,
    "低い方が良い": Direction.LOWER,
    "↓": Direction.LOWER,
    "lower": Direction.LOWER,
}
"""Words of the optional direction column (after width normalisation, without spaces)."""

MAIN_TEXTS: Mapping[str, bool] = {
    **dict.fromkeys(("〇", "○", "◯", "●", "◎", "✓", "✔", "主要", "はい", "yes", "true", "1"), True),
    **dict.fromkeys(("", "×", "✕", "✗", "-", "―", "いいえ", "no", "false", "0"), False),
}
"""Words of the optional main-indicator column (主要な指標), after width normalisation."""

MESSAGES: Mapping[str, tuple[str, str]] = {
    "cell.unreadable": (
        "{position}文字目が読めません: {ja}",
        "cannot read at character {position}: {en}",
    ),
    "cell.unknown_direction": (
        "方向「{text}」は読めません。上昇・低下(higher・lower)のいずれかで書いてください",
        "unknown direction {text!r}; write 上昇 / 低下 (higher / lower)",
    ),
    "cell.unknown_recorded": (
        "評価「{text}」は読めません(指標は判定します)。達成・未達成・評価不能・〇・×のいずれかで"
        "書いてください",
        "unknown published outcome {text!r} (the indicator is still judged); "
        "write 達成 / 未達成 / 評価不能 / 〇 / × (achieved / not_achieved / not_evaluable)",
    ),
    "cell.unknown_main": (
        "主要な指標の欄「{text}」は読めません(主要でないとして扱います)。〇 か空欄で書いてください",
        "unknown main-indicator mark {text!r} (taken as not main); write 〇 or leave it blank",
    ),
    "cell.formula": (
        "計算されていない数式です。Excel でファイルを開いて保存してください",
        "formula without a computed value; open and save the file in Excel",
    ),
    "cell.unknown_style": (
        "評価方式「{text}」はありません。使える方式: {known}",
        "unknown style {text!r}; installed styles: {known}",
    ),
    "row.no_goal": (
        "基本目標が空欄で、上の行から引き継ぐ基本目標もありません",
        "the goal is blank and there is no goal above to continue",
    ),
    "row.no_measure": (
        "施策が空欄で、同じ基本目標の上の行から引き継ぐ施策もありません",
        "the measure is blank and there is no measure above, under the same goal, to continue",
    ),
    "row.no_indicator": (
        "評価指標が空欄です",
        "the indicator is blank",
    ),
    "row.totals": (
        "合計・小計の行は読みません。集計行なら削除してください",
        "a totals row (合計/小計) is not an indicator; delete it if it is a totals row",
    ),
}
"""The message of each problem code, Japanese then English."""

WARNINGS = frozenset({"cell.unknown_recorded", "cell.unknown_main"})
"""Problem codes that keep their row in the plan: the cell does not change the judgment."""


def problem(
    code: str,
    *,
    file: str,
    row: int | None,
    column: str | None,
    text: str,
    **params: str,
) -> Problem:
    """A :class:`Problem` with its message from :data:`MESSAGES`.

    Codes in :data:`WARNINGS` keep their row; every other code leaves it out.
    """
    ja, en = MESSAGES[code]
    values = {"text": text, **params}
    return Problem(
        file=file,
        row=row,
        column=column,
        text=text,
        code=code,
        message=LocalizedText(ja=ja.format_map(values), en=en.format_map(values)),
        severity="warning" if code in WARNINGS else "error",
    )


def _norm(text: str) -> str:
    """Width-normalised text without any white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _shown(header: str) -> str:
    """A header on one line, as problems show it: white space folded to one space.

    >>> _shown("実績見込\\n(令和7年度)")
    '実績見込 (令和7年度)'
    """
    return " ".join(header.split())


_TOTALS = frozenset({"合計", "小計"})
"""Words that mark a totals row (after width normalisation, without spaces)."""


def fiscal_year(text: str) -> int | None:
    """The fiscal year named in a header: 令和N年度 is FY 2018+N.

    >>> fiscal_year("計画策定時(令和2年度末)"), fiscal_year("目標(令和7年度)")
    (2020, 2025)
    >>> fiscal_year("target (FY2025)"), fiscal_year("令和元年度"), fiscal_year("指標")
    (2025, 2019, None)
    >>> fiscal_year("目標値(R7)"), fiscal_year("H30年度末"), fiscal_year("2024年度実績")
    (2025, 2018, 2024)
    """
    m = _YEAR.search(_norm(text))
    if m is None:
        return None
    if m.group("era"):
        n = m.group("n")
        return _ERA_BASE[m.group("era").upper()] + (1 if n == "元" else int(n))
    return int(m.group("fy") or m.group("y"))


def _stem(header: str) -> str:
    """The header without brackets, fiscal years and spaces."""
    s = _norm(header)
    s = _BRACKETS.sub("", s)
    s = _YEAR.sub("", s)
    return s.strip(":・")


def match_header(header: str) -> str | None:
    """The field a header stands for, ``"current"`` for 現状値, or ``None``.

    >>> [match_header(h) for h in ("基本目標", "目標(令和7年度)", "令和7年度 実績見込", "評価")]
    ['goal', 'target', 'actual', 'recorded']
    >>> match_header("Baseline (FY2020)"), match_header("令和2年度末(計画策定時)"), match_header("col7")
    ('baseline', 'baseline', None)
    >>> match_header("KPI名"), match_header("指標名")
    ('indicator', 'indicator')
    >>> match_header("判定理由"), match_header("評価区分")
    ('ignore', 'ignore')
    """
    stem = _stem(header)
    english = _ENGLISH.get(stem.lower()) or _ENGLISH.get(stem.lower().removesuffix("名"))
    if english is not None:
        return english
    # the words outside brackets decide; failing them, the words inside
    for text in (stem, _YEAR.sub("", _norm(header))):
        for keyword, field in _KEYWORDS:
            if keyword in text:
                return field
    return None


def parse_goal(text: str) -> Goal:
    """A goal cell: ``【基本目標1】title`` or ``1. title`` gives the number.

    >>> parse_goal("【基本目標1】新たな日常・生活に対応する区民サービスの提供")
    Goal(number=1, title='新たな日常・生活に対応する区民サービスの提供')
    """
    s = text.strip()
    m = re.fullmatch(
        r"[【\[(（]?\s*(?:基本目標|目標|goal)\s*(\d{1,9})\s*[】\])）]?\s*[:：.．、]?\s*(.*)",
        s,
        re.IGNORECASE | re.DOTALL,
    ) or re.fullmatch(r"(\d{1,9})(?:\s*[.．、)）:：]\s*|\s+)(.*\S.*)", s, re.DOTALL)
    if m is None:
        return Goal(title=s)
    return Goal(number=int(m.group(1)), title=m.group(2).strip())


_PRIORITY = re.compile(r"\s*(?:[(（【\[]\s*(?:重点施策|重点|priority)\s*[)）】\]]|★)\s*", re.I)


def parse_measure(text: str) -> Measure:
    """A measure cell: the number before the title, and the (重点施策) mark.

    >>> parse_measure("1. デジタル行政窓口の整備(重点施策)")
    Measure(number=1, title='デジタル行政窓口の整備', priority=True)
    >>> parse_measure("施策2 マイナンバーカードの普及促進")
    Measure(number=2, title='マイナンバーカードの普及促進', priority=False)
    """
    s = text.strip()
    priority = _PRIORITY.search(s) is not None
    s = _PRIORITY.sub(" ", s).strip()
    m = re.fullmatch(
        r"[【\[(（]?\s*(?:施策|measure)\s*(\d{1,9})\s*[】\])）]?\s*[:：.．、]?\s*(.*)",
        s,
        re.IGNORECASE | re.DOTALL,
    ) or re.fullmatch(r"(\d{1,9})(?:\s*[.．、)）:：]\s*|\s+)(.*\S.*)", s, re.DOTALL)
    if m is None:
        return Measure(title=s, priority=priority)
    return Measure(number=int(m.group(1)), title=m.group(2).strip(), priority=priority)


def parse_recorded(text: str) -> Outcome | None:
    """The outcome a published judgment word stands for, or ``None`` if unknown.

    >>> parse_recorded("達成"), parse_recorded("未達成"), parse_recorded("―")
    (<Outcome.ACHIEVED: 'achieved'>, <Outcome.NOT_ACHIEVED: 'not_achieved'>, <Outcome.NOT_EVALUABLE: 'not_evaluable'>)
    >>> parse_recorded("〇"), parse_recorded("×"), parse_recorded("A")
    (<Outcome.ACHIEVED: 'achieved'>, <Outcome.NOT_ACHIEVED: 'not_achieved'>, None)
    """
    return RECORDED_TEXTS.get(_norm(text).lower())


def recorded_fields(text: str | None) -> tuple[Outcome | None, str | None]:
    """``recorded`` and ``recorded_text`` for a published judgment cell.

    The text is kept as written, except when it is an outcome code itself;
    text that is not a known word gives ``(None, text)``.

    >>> recorded_fields("達成")
    (<Outcome.ACHIEVED: 'achieved'>, '達成')
    >>> recorded_fields("achieved"), recorded_fields("")
    ((<Outcome.ACHIEVED: 'achieved'>, None), (None, None))
    """
    if text is None or not text.strip():
        return None, None
    text = text.strip()
    outcome = parse_recorded(text)
    if outcome is not None and text == outcome.value:
        return outcome, None
    return outcome, text


def parse_direction(text: str) -> Direction | None:
    """The direction a word of the direction column stands for, or ``None`` if unknown."""
    return DIRECTION_TEXTS.get(_norm(text).lower())


class CellReader:
    """Reads cells the way a judge does: its plugins' notation first, then the built-in one.

    The style names a plan may state are the judge's.  With no judge given,
    the default judge is built only when a plugin could matter: when a row
    states a style, or when the built-in notation cannot read a cell.
    """

    def __init__(self, judge: Judge | None = None) -> None:
        self._judge = judge

    def judge(self) -> Judge:
        """The judge the plan is read for."""
        if self._judge is None:
            from achievement._judge import default_judge

            self._judge = default_judge()
        return self._judge

    def names(self) -> tuple[str, ...]:
        """The known style names, sorted."""
        return self.judge().styles

    def parse(self, text: str) -> Value:
        """Read one cell; raises :class:`ParseError` when nothing can read it."""
        if self._judge is None:
            try:
                return parse_value(text)
            except ParseError:
                pass  # a plugin of the default judge may read it
        return self.judge().parse_value(text)

    def problem(
        self, style: str, *, file: str, row: int | None, column: str | None
    ) -> Problem | None:
        """A problem when ``style`` is not known, else ``None``."""
        names = self.names()
        if style in names:
            return None
        return problem(
            "cell.unknown_style",
            file=file,
            row=row,
            column=column,
            text=style,
            known=", ".join(names) or "-",
        )


@dataclass(frozen=True, slots=True)
class _Column:
    index: int
    header: str
    field: str
    year: int | None
    projected: bool


def _columns(header: Sequence[str], columns: Mapping[str, str], file: str) -> dict[str, _Column]:
    """Map each field to its column, or raise naming what is missing or doubled."""
    wanted = {_norm(h): f for h, f in columns.items()}
    for name, given in columns.items():
        if given not in FIELDS and given != IGNORE:
            known = ", ".join([*FIELDS, IGNORE])
            raise AchievementError(
                f"--columns {name}={given}: unknown field {given!r}; fields: {known}",
                f"--columns {name}={given}: 項目「{given}」はありません。使える項目: {known}",
                file=file,
            )
    found = [_norm(h) for h in header]
    for name in columns:
        if _norm(name) not in found:
            raise AchievementError(
                f"--columns names the header {name!r}, which is not in the file; "
                f"headers found: {_listing(header)}",
                f"--columns の見出し「{name}」がファイルにありません。見つかった見出し: "
                f"{_listing(header)}",
                file=file,
            )
    explicit: dict[str, list[_Column]] = {}
    matched: dict[str, list[_Column]] = {}
    for index, text in enumerate(header):
        key = _norm(text)
        if not key:
            continue
        into = explicit
        field: str | None = wanted.get(key)
        if field is None:
            field, into = match_header(text), matched
        if field is None or field == IGNORE:
            continue
        column = _Column(index, _shown(text), field, fiscal_year(text), "見込" in key)
        into.setdefault(field, []).append(column)
    current = matched.pop("current", [])
    if current:
        side = "actual" if "baseline" in matched or "baseline" in explicit else "baseline"
        matched.setdefault(side, []).extend(current)
    result: dict[str, _Column] = {}
    for field in FIELDS:
        candidates = explicit.get(field) or matched.get(field) or []
        if len(candidates) > 1:
            names = ", ".join(f"「{c.header}」" for c in candidates)
            raise AchievementError(
                f"several columns could be the {field}: {names}; "
                f"choose one with --columns HEADER={field} (or HEADER={IGNORE})",
                f"{FIELDS[field]}({field})に当たる列が複数あります: {names}。"
                f"--columns 見出し={field}(または 見出し={IGNORE})で指定してください",
                file=file,
            )
        if candidates:
            result[field] = candidates[0]
    missing = [f for f in REQUIRED if f not in result]
    if missing:
        en_names = ", ".join(f"{f} ({FIELDS[f]})" for f in missing)
        ja_names = "、".join(f"{FIELDS[f]}({f})" for f in missing)
        raise AchievementError(
            f"no column for {en_names}; headers found: {_listing(header)}; "
            "map a header with --columns HEADER=FIELD",
            f"{ja_names}の列がありません。見つかった見出し: {_listing(header)}。"
            "--columns 見出し=項目 で列を指定できます",
            file=file,
        )
    return result


def _listing(header: Sequence[str]) -> str:
    names = [_shown(h) for h in header if h.strip()]
    return ", ".join(f"「{n}」" for n in names) if names else "-"


def _header_row(rows: Sequence[Sequence[str]], columns: Mapping[str, str]) -> int:
    """The index of the header row: the first with the indicator, target and actual.

    Failing that, the row with the most recognised headers (the required ones
    counting first); the earliest such row on a tie.
    """
    wanted = {_norm(h): f for h, f in columns.items()}

    def score(cells: Sequence[str]) -> tuple[int, int]:
        fields = {wanted.get(_norm(c)) or match_header(c) for c in cells} - {None, IGNORE}
        return len(fields & set(REQUIRED)), len(fields)

    scores = [score(cells) for cells in rows]
    for index, (required, _) in enumerate(scores):
        if required == len(REQUIRED):
            return index
    best = max(scores)
    return scores.index(best)


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
    them with the most recognised headers.  The first text above it is the
    plan's title, and other rows above it are not read.  Completely blank rows
    are skipped and not counted.  Blank goal and measure cells continue the row
    above (as merged cells do), and a goal written again (filled down, or
    merged) keeps the measure above; so does a blank initiative under a
    continued measure.

    ``formulas`` maps ``(row number, column index from 0)`` to the text of a
    formula whose value was never computed: its cell reads as blank, so its
    row is a problem.

    Every data row ends up in the plan or named by an error problem.  Warning
    problems (an unknown published outcome) keep their row in the plan.
    """
    columns = dict(columns or {})
    formulas = formulas or {}
    every = [(n, list(cells)) for n, cells in rows]
    data = [(n, cells) for n, cells in every if not _blank(cells)]
    if not data:
        raise AchievementError(
            "the file has no rows; expected a header row and one row per indicator",
            "ファイルに行がありません。見出しの行と、指標ごとの行が必要です",
            file=file,
        )
    at = _header_row([cells for _, cells in data[:_HEADER_SCAN]], columns)
    title = ""
    if at > 0:
        title = next(c.strip() for c in data[0][1] if c.strip())
    found = _columns(data[at][1], columns, file)
    header_number = data[at][0]
    read = {column.index for column in found.values()}
    body = [
        (n, cells)
        for n, cells in every
        if n > header_number
        and (not _blank(cells) or any((n, index) in formulas for index in read))
    ]
    baseline_year = found["baseline"].year if "baseline" in found else None
    target_year = found["target"].year
    reader = _RowReader(file, found, CellReader(judge), target_year, formulas)
    indicators: list[PlanIndicator] = []
    problems: list[Problem] = []
    for number, cells in body:
        item, found_problems = reader.read(number, cells)
        problems.extend(found_problems)
        if item is not None:
            indicators.append(item)
    plan = Plan(
        title=title,
        baseline_year=baseline_year,
        target_year=target_year,
        indicators=tuple(indicators),
    )
    used = {column.index for column in found.values()}
    ignored = {_norm(h) for h, f in columns.items() if f == IGNORE}
    unread = tuple(
        _shown(text)
        for index, text in enumerate(data[at][1])
        if text.strip() and index not in used and _norm(text) not in ignored
    )
    return ReadResult(plan=plan, problems=tuple(problems), rows=len(body), unread_columns=unread)


class _RowReader:
    """Reads data rows one by one, carrying merged goal and measure cells down."""

    def __init__(
        self,
        file: str,
        found: Mapping[str, _Column],
        cells: CellReader,
        target_year: int | None,
        formulas: Mapping[tuple[int, int], str],
    ) -> None:
        self.file = file
        self.found = found
        self.cells = cells
        self.target_year = target_year
        self.formulas = formulas
        self.goal: Goal | None = None if "goal" in found else Goal(title="")
        self.no_measure: Measure | None = None if "measure" in found else Measure(title="")
        self.measure = self.no_measure
        self.initiative = ""

    def _cell(self, cells: Sequence[str], field: str) -> str:
        column = self.found.get(field)
        if column is None or column.index >= len(cells):
            return ""
        return cells[column.index]

    def _header(self, field: str) -> str | None:
        column = self.found.get(field)
        return None if column is None else column.header

    def _totals(self, cells: Sequence[str]) -> tuple[int, str] | None:
        """Where a totals row says 合計 or 小計: its column index and text; else ``None``.

        A row is a totals row when its goal, measure or indicator cell is such a
        word, or when such words are its only text.
        """
        for field in ("goal", "measure", "indicator"):
            column = self.found.get(field)
            text = self._cell(cells, field).strip()
            if column is not None and _norm(text) in _TOTALS:
                return column.index, text
        filled = [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]
        if filled and all(_norm(text) in _TOTALS for _, text in filled):
            return filled[0]
        return None

    def read(self, row: int, cells: Sequence[str]) -> tuple[PlanIndicator | None, list[Problem]]:
        """One data row: the indicator (``None`` when an error keeps it out), and its problems."""
        problems: list[Problem] = []

        def report(code: str, field: str, text: str, **params: str) -> None:
            problems.append(
                problem(
                    code, file=self.file, row=row, column=self._header(field), text=text, **params
                )
            )

        for field, column in self.found.items():
            formula = self.formulas.get((row, column.index))
            if formula is not None:
                report("cell.formula", field, formula)
        totals = self._totals(cells)
        if totals is not None:
            index, text = totals
            header = next((c.header for c in self.found.values() if c.index == index), None)
            problems.append(
                problem("row.totals", file=self.file, row=row, column=header, text=text)
            )
            return None, problems
        goal_text = self._cell(cells, "goal").strip()
        measure_text = self._cell(cells, "measure").strip()
        initiative_text = self._cell(cells, "initiative").strip()
        if goal_text:
            goal = parse_goal(goal_text)
            if goal != self.goal:
                self.goal = goal
                self.measure = self.no_measure
        if measure_text:
            self.measure = parse_measure(measure_text)
            self.initiative = ""
        if initiative_text or measure_text:
            self.initiative = initiative_text
        if self.goal is None:
            report("row.no_goal", "goal", goal_text)
        if self.measure is None:
            report("row.no_measure", "measure", measure_text)
        name = self._cell(cells, "indicator").strip()
        if not name:
            report("row.no_indicator", "indicator", name)
        values: dict[str, Value] = {}
        for field in ("baseline", "target", "actual"):
            text = self._cell(cells, field)
            try:
                values[field] = self.cells.parse(text)
            except ParseError as exc:
                report(
                    "cell.unreadable",
                    field,
                    text.strip(),
                    position=str(exc.position + 1),
                    ja=exc.reason_ja,
                    en=exc.reason_en,
                )
        direction_text = self._cell(cells, "direction").strip()
        direction = parse_direction(direction_text) if direction_text else None
        if direction_text and direction is None:
            report("cell.unknown_direction", "direction", direction_text)
        style = self._cell(cells, "style").strip() or None
        if style is not None:
            found = self.cells.problem(style, file=self.file, row=row, column=self._header("style"))
            if found is not None:
                problems.append(found)
        recorded, recorded_text = recorded_fields(self._cell(cells, "recorded"))
        if recorded is None and recorded_text is not None:
            report("cell.unknown_recorded", "recorded", recorded_text)
        main_text = self._cell(cells, "main").strip()
        main = MAIN_TEXTS.get(_norm(main_text).lower())
        if main is None:
            report("cell.unknown_main", "main", main_text)
        if any(p.severity == "error" for p in problems):
            return None, problems
        assert self.goal is not None
        assert self.measure is not None
        actual = self.found["actual"]
        indicator = Indicator(
            name=name,
            baseline=values["baseline"],
            target=Target(value=values["target"], fiscal_year=self.target_year),
            actual=Actual(
                value=values["actual"],
                status=ActualStatus.PROJECTED if actual.projected else ActualStatus.FINAL,
                fiscal_year=actual.year,
            ),
            style=style,
            direction=direction,
        )
        item = PlanIndicator(
            goal=self.goal,
            measure=self.measure,
            initiative=self.initiative,
            indicator=indicator,
            recorded=recorded,
            recorded_text=recorded_text,
            note=self._cell(cells, "note").strip(),
            row=row,
            main=bool(main),
        )
        return item, problems
