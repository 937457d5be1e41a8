"""Reading cells of a detail table: goals, measures, published outcomes, directions.

Also the message catalogue of the table reader's problems (Japanese, then English).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from achievement._construct import assembled
from achievement._model import ActualStatus, Column, Direction, LocalizedText, Outcome, Value
from achievement._notation import MISSING_TEXTS, parse_value
from achievement._plan import Goal, Measure
from achievement._years import parse_fiscal_year
from achievement.readers._result import Problem

if TYPE_CHECKING:
    from achievement._judge import Judge

__all__ = [
    "DIRECTION_TEXTS",
    "MAIN_TEXTS",
    "MESSAGES",
    "NOTES",
    "RECORDED_TEXTS",
    "TOTALS",
    "WARNINGS",
    "CellReader",
    "Dated",
    "dated",
    "norm",
    "parse_direction",
    "parse_goal",
    "parse_measure",
    "parse_recorded",
    "problem",
    "recorded_fields",
    "shown",
]

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
        "書いてください(A・B・C などの評価区分なら --scheme で区分の名前を指定してください)",
        "unknown published outcome {text!r} (the indicator is still judged); "
        "write 達成 / 未達成 / 評価不能 / 〇 / × (achieved / not_achieved / not_evaluable), "
        "or name the grading scheme with --scheme when the column holds grades (A, B, C ...)",
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
        "合計・小計の行として読み飛ばしました(指標ではありません)",
        "skipped as a totals row (合計/小計): it is not an indicator",
    ),
    "row.heading": (
        "見出しの行として読み飛ばしました{effect_ja}",
        "skipped as a heading row{effect_en}",
    ),
    "row.repeated_header": (
        "表の見出し({header}行目)の繰り返しとして読み飛ばしました(ページごとに見出しがある表など)",
        "skipped as a repeat of the table's header (row {header}), as a table split into pages "
        "repeats it",
    ),
    "row.split_number": (
        "見出し({width}列)より列が多く({count}列)、{letter}列からの{cells}は、桁区切りのカンマで"
        "分かれた一つの数値「{text}」とみられます。列がずれて読まれるため、この行は判定しません。"
        'CSV では桁区切りのある数値を引用符で囲んでください("{text}")',
        "the row has {count} cells, more than the header's {width}, and {cells_en} from column "
        "{letter} look like one number, {text!r}, split at its thousands separators; the row "
        "would be read shifted and is not judged. In a CSV, put a number with thousands "
        'separators in quotes ("{text}")',
    ),
    "cell.year_in_cell": (
        "セルに書かれた{cell_year}の値として読みました(見出しの年度は{header_year})",
        "read as the value of {cell_year_en}, the year written in the cell "
        "(the header's year is {header_year_en})",
    ),
    "cell.unreadable_series": (
        "{year}年度の値の{position}文字目が読めません(この年度は系列から除きます。この年度の値が"
        "必要な判定は、そのことを示して評価不能になります): {ja}",
        "cannot read the value of FY{year} at character {position} (this year is left out of the "
        "series; a judgment that needs it is not evaluable and says so): {en}",
    ),
}
"""The message of each problem code, Japanese then English."""

WARNINGS = frozenset(
    {"cell.unknown_recorded", "cell.unknown_main", "cell.unreadable_series", "cell.year_in_cell"}
)
"""Problem codes that keep their row in the plan: the cell does not change the judgment."""

NOTES = frozenset({"row.totals", "row.heading", "row.repeated_header"})
"""Codes of rows that are not indicators and are skipped with a note (not a problem)."""


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

    Codes in :data:`WARNINGS` keep their row; codes in :data:`NOTES` name a row
    skipped because it is not an indicator; every other code leaves its row out.
    """
    return assembled(  # of its types as called (and many alike): built without validating again
        Problem,
        _PROBLEM_FIELDS,
        file=file,
        row=row,
        column=column,
        text=text,
        code=code,
        message=_message(code, text, tuple(params.items())),
        severity="warning" if code in WARNINGS else "note" if code in NOTES else "error",
    )


_PROBLEM_FIELDS = {"file", "row", "column", "text", "code", "message", "severity"}
_MESSAGE_FIELDS = {"ja", "en"}


@lru_cache(maxsize=1 << 12)  # rows refused alike share their message
def _message(code: str, text: str, params: tuple[tuple[str, str], ...]) -> LocalizedText:
    ja, en = MESSAGES[code]
    values = {"text": text, **dict(params)}
    return assembled(
        LocalizedText, _MESSAGE_FIELDS, ja=ja.format_map(values), en=en.format_map(values)
    )


_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 14)  # cells repeat: each distinct text is normalised once
def norm(text: str) -> str:
    """Width-normalised text without any white space."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def shown(header: str) -> str:
    """A header on one line, as problems show it: white space folded to one space.

    >>> shown("実績見込\\n(令和7年度)")
    '実績見込 (令和7年度)'
    """
    return " ".join(header.split())


TOTALS = frozenset({"合計", "小計", "総計", "計"})
"""Words that mark a totals row (after width normalisation, without spaces)."""


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
    return RECORDED_TEXTS.get(norm(text).lower())


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


_DATED = re.compile(r"(?P<value>.*?\S)\s*[(（]\s*(?P<inner>[^()（）]+?)\s*[)）]\s*")
_DATED_WORDS: Mapping[str, ActualStatus | None] = {
    "": None,
    "時点": None,
    "実績": ActualStatus.FINAL,
    "実績値": ActualStatus.FINAL,
    "確定": ActualStatus.FINAL,
    "確定値": ActualStatus.FINAL,
    "見込": ActualStatus.PROJECTED,
    "見込み": ActualStatus.PROJECTED,
    "見込値": ActualStatus.PROJECTED,
}
_PROVISIONAL_WORDS = frozenset({"速報", "速報値", "暫定", "暫定値"})


@dataclass(frozen=True, slots=True)
class Dated:
    """A value cell that ends with its fiscal year in brackets: ``45.2%(令和5年度)``.

    ``text`` is the cell without the year (with a 速報値 or 暫定 note kept in brackets,
    so that the notation marks the value preliminary), ``year`` the Western fiscal
    year, ``status`` final or projected when the bracket says so (``(R5見込)``), else
    ``None``.
    """

    text: str
    year: int
    status: ActualStatus | None


def dated(text: str) -> Dated | None:
    """The value and the fiscal year of a cell ending with a year in brackets, else ``None``.

    >>> dated("45.2%(令和5年度)")
    Dated(text='45.2%', year=2023, status=None)
    >>> dated("58.1%（R5見込）").status, dated("12件(H30速報値)").text
    (<ActualStatus.PROJECTED: 'projected'>, '12件(速報値)')
    >>> dated("1,200人(累計1,500人)") is None, dated("45%(2023)") is None
    (True, True)
    """
    found = _DATED.fullmatch(text.strip())
    if found is None:
        return None
    inner = norm(found["inner"])
    year = parse_fiscal_year(inner)
    if year is None or year.suffix not in ("", "年度", "年度末"):
        return None
    word = inner[year.end :].strip()
    if word in _PROVISIONAL_WORDS:
        return Dated(f"{found['value']}({word})", year.year, None)
    if word not in _DATED_WORDS:
        return None
    return Dated(found["value"], year.year, _DATED_WORDS[word])


def parse_direction(text: str) -> Direction | None:
    """The direction a word of the direction column stands for, or ``None`` if unknown."""
    return DIRECTION_TEXTS.get(norm(text).lower())


class CellReader:
    """Reads cells the way a judge does: its plugins' notation first, then the built-in one.

    The style names a plan may state are the judge's.  With no judge given,
    the default judge (with the installed plugins) is built on the first
    non-blank cell or stated style.
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

    def parse(self, text: str, column: Column | None = None) -> Value:
        """Read one cell of ``column``; raises :class:`ParseError` when nothing can read it.

        A non-blank cell always goes through the judge's plugins first, as
        :meth:`Judge.parse_value` reads it, so that a plugin claiming text the
        built-in notation could also read is never bypassed.
        """
        if not text.strip():
            return parse_value(text)
        return self.judge().parse_value(text, column)

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
