"""Cells that are words around a number rather than amounts: years, deadlines, ranks, changes.

Read before the amounts of :mod:`achievement._notation`, on width-normalised text:

- a fiscal year in any form of :func:`~achievement._years.parse_fiscal_year`
  (``2025年度``, ``令和7年度``, ``R7``, ``平成30年度末``), alone or followed by what was
  done in it (``令和6年度完了``, ``令和8年度完了予定``): a :class:`FiscalYear`;
- a deadline, ``令和7年度までに完了``: a :class:`Deadline`;
- a rank, ``第3位`` or ``上位10位以内``: a :class:`Quantity` in 位;
- a change against the previous year, ``前年度比5%増`` or ``毎年度増加``: a
  :class:`RelativeTarget`.

Each reader returns ``None`` when the text is not of its form, and raises
:class:`ParseError` when it is but cannot be read one way only.
"""

from __future__ import annotations

import re
from decimal import Decimal

from achievement._errors import ParseError
from achievement._model import (
    Bound,
    Deadline,
    FiscalYear,
    Quantity,
    RelativeTarget,
    Trend,
    Value,
)
from achievement._years import era_name, parse_fiscal_year

__all__ = ["DONE_WORDS", "parse_wording"]

DONE_WORDS: tuple[str, ...] = (
    "完了",
    "実施",
    "導入",
    "達成",
    "整備",
    "開始",
    "策定",
    "設置",
    "開設",
    "完成",
    "構築",
    "改定",
    "制定",
    "移行",
    "運用開始",
    "供用開始",
)
"""Words that say a piece of work was done, read after a year (``令和6年度完了``)."""

_PLANNED = "予定"
_BY = ("までに", "まで", "中に")
_LATER_EARLIER = ("以降", "以前")
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_RANK = re.compile(rf"(?P<lead>第|上位)?\s*(?P<num>{_NUMBER})\s*位\s*(?P<bound>以内|以上|以下)?")
_TRENDS = {
    "増加": Trend.INCREASE,
    "増": Trend.INCREASE,
    "向上": Trend.INCREASE,
    "上昇": Trend.INCREASE,
    "拡大": Trend.INCREASE,
    "減少": Trend.DECREASE,
    "減": Trend.DECREASE,
    "削減": Trend.DECREASE,
    "低下": Trend.DECREASE,
    "短縮": Trend.DECREASE,
    "維持": Trend.MAINTAIN,
}
_RELATIVE = re.compile(
    r"(?P<basis>対前年度比|対前年比|前年度比|前年比|毎年度|毎年)\s*"
    rf"(?:(?P<num>{_NUMBER})\s*(?P<unit>%|ポイント|[^\W\d_]+?)?\s*)?"
    rf"(?:の)?(?P<trend>{'|'.join(sorted(_TRENDS, key=len, reverse=True))})"
)


def parse_wording(original: str, s: str) -> Value | None:
    """Read ``s`` (normalised ``original``) as a year, deadline, rank or relative target.

    ``None`` when it is none of these, so that it is read as an amount or a word.
    """
    date = _DATE.fullmatch(s)
    if date is not None:
        _refuse_month(original, 0, int(date["year"]), int(date["month"]), "a date", "日付")
    return _year(original, s) or _rank(original, s) or _relative(original, s)


_DATE = re.compile(
    r"(?P<year>[0-9]{4})[-/.](?P<month>[0-9]{1,2})[-/.][0-9]{1,2}"
    r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
)
"""A date as Excel gives a date cell (``2025-03-01T00:00:00``) or as it is typed (``2025/3/1``)."""
_MONTH = re.compile(r"(?P<month>[0-9]{1,2})\s*月")


def _refuse_month(original: str, position: int, year: int, month: int, en: str, ja: str) -> None:
    """Refuse a month or a date, naming the fiscal year it falls in (April to March)."""
    if not 1 <= month <= 12:
        return
    fiscal = year - 1 if month <= 3 else year
    raise ParseError(
        original,
        position,
        f"{en} is not read; write the fiscal year it falls in, FY{fiscal} "
        f"({era_name(fiscal)}), as in {era_name(fiscal)}までに完了",
        f"{ja}は読めません。年度で書いてください({year}年{month}月は{era_name(fiscal)}。"
        f"{era_name(fiscal)}までに完了 など)",
    )


def _year(original: str, s: str) -> Value | None:
    found = parse_fiscal_year(s)
    if found is None:
        return None
    rest = s[found.end :].strip()
    at = found.end + len(s[found.end :]) - len(s[found.end :].lstrip())
    if not rest:
        return FiscalYear(year=found.year, text=original)
    for word in _LATER_EARLIER:
        if rest.startswith(word):
            raise ParseError(
                original,
                found.end,
                f"{word!r} is not a bound that can be judged; write 以上, 以下 or 以内, "
                "or a deadline such as 令和7年度までに完了",
                f"「{word}」は評価できる上下限ではありません。以上・以下・以内、"
                "または期限(令和7年度までに完了 など)で書いてください",
            )
    by = next((b for b in _BY if rest.startswith(b)), None)
    if by is not None:
        word = rest[len(by) :].strip()
        _check_word(original, s, word, at + len(by))
        return Deadline(year=found.year, word=word, text=original)
    planned = rest.endswith(_PLANNED)
    word = rest[: -len(_PLANNED)].strip() if planned else rest
    if word.startswith(("に", "中に")):
        word = word.removeprefix("中に").removeprefix("に").strip()
    month = _MONTH.match(rest)
    if month is not None and found.suffix == "年":  # a calendar year and its month
        _refuse_month(original, at, found.year, int(month["month"]), "a month", "月")
    if re.search(r"[0-9]", rest):
        if found.text[:1].isascii() and not found.suffix:
            return None  # R7 10件 R8 12件, S 5件 M 3件: letters labelling values
        raise ParseError(
            original,
            at,
            "a fiscal year with a value in one cell; put the year in the header, "
            "as in 目標(令和7年度)",
            "年度と値が一つのセルにあります。年度は見出しに書いてください(目標(令和7年度) など)",
        )
    if not re.fullmatch(r"[^\W\d_]+", word):
        return None  # not a word: left to the reading of amounts, which refuses it
    _check_word(original, s, word, at)
    return FiscalYear(year=found.year, word=word, planned=planned, text=original)


def _check_word(original: str, s: str, word: str, position: int) -> None:
    """Refuse a word after a year that does not say a piece of work was done."""
    if not word or word in DONE_WORDS:
        return
    known = "、".join(DONE_WORDS)
    raise ParseError(
        original,
        min(position, len(s)),
        f"{word!r} after a year is not a word for work done; known words: {known}",
        f"年度の後の「{word}」は完了を表す語ではありません。読める語: {known}",
    )


def _rank(original: str, s: str) -> Value | None:
    m = _RANK.fullmatch(s)
    if m is None:
        return None
    bound_text = m.group("bound")
    if bound_text in ("以上", "以下"):
        # 3位以上 means third or better, a rank of at most 3: the words run against the numbers.
        raise ParseError(
            original,
            m.start("bound"),
            f"a rank with {bound_text!r} can be read two ways; write 上位N位 or N位以内",
            f"順位の「{bound_text}」は二通りに読めます。上位N位 または N位以内 と書いてください",
        )
    amount = Decimal(m.group("num"))
    if amount != amount.to_integral_value() or amount < 1:
        raise ParseError(
            original,
            m.start("num"),
            "a rank is a whole number from 1",
            "順位は1以上の整数です",
        )
    within = bound_text == "以内" or m.group("lead") == "上位"
    return Quantity(
        amount=amount,
        unit="位",
        bound=Bound.AT_MOST if within else None,
        text=original,
    )


def _relative(original: str, s: str) -> Value | None:
    m = _RELATIVE.fullmatch(s)
    if m is None:
        return None
    raw = m.group("num")
    return RelativeTarget(
        trend=_TRENDS[m.group("trend")],
        amount=None if raw is None else Decimal(raw),
        unit=m.group("unit") or None,
        every_year=m.group("basis").startswith("毎"),
        text=original,
    )
