"""A month or a date is not a fiscal year: refused, naming the fiscal year it falls in
(April to March), never read as a year or as numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from achievement import ParseError, parse_value
from achievement.readers import read_plan


@pytest.mark.parametrize(
    ("text", "position", "ja", "en"),
    [
        (
            "令和7年3月まで",
            4,
            "月は読めません。年度で書いてください(2025年3月は令和6年度。令和6年度までに完了 など)",
            "a month is not read; write the fiscal year it falls in, FY2024 (令和6年度), "
            "as in 令和6年度までに完了",
        ),
        (
            "令和7年4月策定予定",
            4,
            "月は読めません。年度で書いてください(2025年4月は令和7年度。令和7年度までに完了 など)",
            "a month is not read; write the fiscal year it falls in, FY2025 (令和7年度), "
            "as in 令和7年度までに完了",
        ),
        (
            "2026年1月",
            5,
            "月は読めません。年度で書いてください(2026年1月は令和7年度。令和7年度までに完了 など)",
            "a month is not read; write the fiscal year it falls in, FY2025 (令和7年度), "
            "as in 令和7年度までに完了",
        ),
        (
            "2025-03-31T00:00:00",
            0,
            "日付は読めません。年度で書いてください(2025年3月は令和6年度。令和6年度までに完了 など)",
            "a date is not read; write the fiscal year it falls in, FY2024 (令和6年度), "
            "as in 令和6年度までに完了",
        ),
        (
            "2019/12/1",
            0,
            "日付は読めません。年度で書いてください(2019年12月は令和元年度。令和元年度までに完了 など)",
            "a date is not read; write the fiscal year it falls in, FY2019 (令和元年度), "
            "as in 令和元年度までに完了",
        ),
    ],
)
def test_a_month_or_a_date_names_its_fiscal_year(
    text: str, position: int, ja: str, en: str
) -> None:
    """The position counts from 0: at the month, or at the start of a date."""
    with pytest.raises(ParseError) as info:
        parse_value(text)
    assert (info.value.position, info.value.reason_ja, info.value.reason_en) == (position, ja, en)


@pytest.mark.parametrize("text", ["2025/13/1", "令和7年度3月"])
def test_what_is_no_month_keeps_its_own_message(text: str) -> None:
    """A thirteenth month is no date, and a fiscal year followed by a number is the
    year-and-value cell it always was: neither names a fiscal year."""
    with pytest.raises(ParseError) as info:
        parse_value(text)
    assert "月は" not in info.value.reason_ja
    assert "日付" not in info.value.reason_ja


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_date_names_the_fiscal_year_from_april(day: dt.date) -> None:
    fiscal = day.year if day.month >= 4 else day.year - 1
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月",
    ):
        with pytest.raises(ParseError) as info:
            parse_value(text)
        assert f"FY{fiscal} " in info.value.reason_en


def test_a_date_cell_in_a_workbook_is_refused_with_its_fiscal_year(tmp_path: Path) -> None:
    """Excel turns 2025/3 typed into a cell into a date: the problem says so."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指標", "計画策定時", "目標", "実績"])
    sheet.append(["条例の制定", "未制定", dt.datetime(2025, 3, 1), "制定済み"])
    sheet["C2"].number_format = 'yyyy"年"m"月"'
    path = tmp_path / "dates.xlsx"
    book.save(path)
    (found,) = read_plan(path).problems
    assert (found.row, found.column, found.text) == (2, "目標", "2025-03-01")
    assert found.message.ja == (
        "1文字目が読めません: 日付は読めません。年度で書いてください"
        "(2025年3月は令和6年度。令和6年度までに完了 など)"
    )
