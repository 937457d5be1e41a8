"""Readings that need the whole table: Excel percentages and unknown target words."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from achievement._model import Quantity
from achievement.cli import main
from achievement.readers import read_plan
from achievement.readers._table import read_rows
from achievement.rollup import evaluate_plan

DATA = Path(__file__).parent / "data"


def test_excel_fractions_are_read_as_percentages_and_said() -> None:
    """A column of bare numbers from 0 to 1 under % targets is read in %, and the judgment says so."""
    result = read_plan(DATA / "excel_percentages.csv")
    assert result.problems == ()
    first = result.plan.indicators[0].indicator
    actual = first.actual.value
    assert isinstance(actual, Quantity)
    assert (actual.amount, actual.unit, actual.from_fraction) == (Decimal(62), "%", True)
    assert actual.text == "0.62"
    report = evaluate_plan(result.plan)
    outcomes = [row.judgment.outcome.value for row in report.results]
    # 62% >= 60%, 45% < 50%, 100% >= 95%, 125万3467人 >= 1万2千人
    assert outcomes == ["achieved", "not_achieved", "achieved", "achieved"]
    message = report.results[0].judgment.message
    assert "0.62" in message.ja
    assert "62%" in message.ja
    assert "0.62" in message.en
    assert "Excel" in message.en
    assert "the baseline 0.48 was read as 48%" in message.en


def test_a_fraction_in_a_mixed_column_is_a_problem_naming_the_cell() -> None:
    """0.62 beside a bare 93.4 in the same column could be either: a problem at that cell."""
    result = read_plan(DATA / "mixed_fractions.csv")
    codes = {(p.row, p.code) for p in result.problems}
    assert (2, "cell.fraction_or_percent") in codes
    fraction = next(p for p in result.problems if p.code == "cell.fraction_or_percent")
    assert fraction.text == "0.62"
    assert fraction.column == "実績"
    assert "0.62" in fraction.message.ja
    assert "0.62" in fraction.message.en
    # rows in = rows read + rows named by errors
    assert result.rows == len(result.plan.indicators) + len(result.problem_rows)


def test_unknown_target_word_is_a_problem_listing_the_known_words() -> None:
    """A target word no style reads is a problem in both languages, with the words that are read."""
    result = read_plan(DATA / "mixed_fractions.csv")
    word = next(p for p in result.problems if p.code == "cell.unknown_word")
    assert (word.row, word.column, word.text) == (5, "目標", "foo")
    assert "foo" in word.message.ja
    assert "推進" in word.message.ja
    assert "増加" in word.message.en
    assert "foo" in word.message.en


def test_validate_exits_1_on_an_unknown_target_word(capsys: pytest.CaptureFixture[str]) -> None:
    """validate lists the unknown word with the known words and exits 1."""
    assert main(["validate", "--lang", "en", str(DATA / "mixed_fractions.csv")]) == 1
    out = capsys.readouterr().out
    assert "5: 目標: foo: the target word 'foo' cannot be read; known words:" in out


def test_deadline_row_in_a_table_is_judged() -> None:
    """A deadline row of a table is judged by the deadline style."""
    result = read_plan(DATA / "mixed_fractions.csv")
    report = evaluate_plan(result.plan)
    row = next(r for r in report.results if r.entry.indicator.name == "防災アプリの導入")
    assert row.judgment.style == "deadline"
    assert row.judgment.outcome.value == "achieved"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_judge_exits_1_naming_an_unknown_target_word(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``achievement judge --target foo`` exits 1 and names the word, in either language."""
    assert main(["judge", "--lang", lang, "--target", "foo", "--actual", "実施"]) == 1
    err = capsys.readouterr().err
    assert "foo" in err
    assert "推進" in err


def test_judge_with_an_unknown_actual_word_is_still_not_evaluable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An unknown actual word stays a judgment (not evaluable), exit 0."""
    assert main(["judge", "--lang", "en", "--target", "実施", "--actual", "foo"]) == 0
    assert capsys.readouterr().out.startswith("not evaluable")


def test_a_zero_in_a_mixed_column_is_zero_percent() -> None:
    """0 under a % target is 0% however the column is read: no problem for it."""
    rows = [
        ["評価指標", "目標", "実績"],
        ["事故率", "0%", "0"],
        ["参加率", "60%", "93.4"],
    ]
    result = read_rows(enumerate(rows, start=1), file="t.csv")
    assert result.problems == ()
    assert len(result.plan.indicators) == 2


@pytest.mark.parametrize("fmt", ["text", "md", "csv", "json"])
def test_years_never_print_with_a_separator_in_reports(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table of deadlines, 万 numbers and ranks reports years as written, never 2,026."""
    main(["report", "--format", fmt, "--lang", "en", str(DATA / "deadlines.csv")])
    out = capsys.readouterr().out
    assert "2026年度" in out
    assert "2,02" not in out


def test_deadline_table_outcomes() -> None:
    """Each row of the deadline table is judged as a person would."""
    result = read_plan(DATA / "deadlines.csv")
    assert result.problems == ()
    report = evaluate_plan(result.plan)
    got = [(r.judgment.style, r.judgment.outcome.value) for r in report.results]
    assert got == [
        ("deadline", "achieved"),  # 令和6年度導入 by 令和7年度
        ("deadline", "not_achieved"),  # planned for 2026, past 2025
        ("deadline", "not_evaluable"),  # planned within the deadline
        ("deadline", "achieved"),  # 完了 as of 令和6年度
        ("deadline", "not_achieved"),  # 2026年度 after 2025年度
        ("threshold", "achieved"),  # 41万5千人 >= 40万人
        ("threshold", "achieved"),  # 8位 within 上位10位
    ]


def test_problems_are_listed_in_the_order_of_rows() -> None:
    """Problems found once the whole table is read are listed among the others, by row."""
    rows = [
        ["評価指標", "目標", "実績"],
        ["指標A", "foo", "実施"],
        ["指標B", "60%", "1件未満"],
    ]
    result = read_rows(enumerate(rows, start=1), file="t.csv")
    assert [(p.row, p.code) for p in result.problems] == [
        (2, "cell.unknown_word"),
        (3, "cell.unreadable"),
    ]
