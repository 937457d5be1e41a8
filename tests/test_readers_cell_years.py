"""A value cell that ends with its fiscal year in brackets, ``58.1%(令和5年度)``: the value
is read, the year kept with the actual or the target, and a year other than the header's
is a warning that says which year was read. The outcome is the one of the bare value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from achievement import ActualStatus, Judge, Outcome
from achievement.readers import ReadResult
from tests._table_rows import read

HEADER = ["基本目標", "評価指標", "計画策定時(令和元年度)", "目標(令和7年度)", "実績(令和6年度)"]
JUDGE = Judge(autoload=False)


def outcomes(result: ReadResult) -> list[Outcome]:
    return [JUDGE.judge(i.indicator).outcome for i in result.plan.indicators]


def test_an_actual_of_an_earlier_year_is_read_with_a_warning() -> None:
    result = read([HEADER, ["子育て", "子育て満足度", "45.2%", "60%以上", "58.1%(令和5年度)"]])
    (item,) = result.plan.indicators
    actual = item.indicator.actual
    assert (actual.value.text, actual.fiscal_year, actual.status) == (
        "58.1%",
        2023,
        ActualStatus.FINAL,
    )
    assert outcomes(result) == [Outcome.NOT_ACHIEVED]
    (warning,) = result.problems
    assert (warning.row, warning.column, warning.text, warning.severity) == (
        2,
        "実績(令和6年度)",
        "58.1%(令和5年度)",
        "warning",
    )
    assert (
        warning.message.ja == "セルに書かれた令和5年度の値として読みました(見出しの年度は令和6年度)"
    )
    assert warning.message.en == (
        "read as the value of FY2023, the year written in the cell (the header's year is FY2024)"
    )


def test_a_year_equal_to_the_header_s_is_read_without_a_word() -> None:
    row = ["健康", "がん検診受診率", "12.0%(令和元年度)", "15%(R7年度)", "13.1%（令和6年度）"]
    result = read([HEADER, row])
    assert result.problems == ()
    (item,) = result.plan.indicators
    assert item.indicator.target.fiscal_year == 2025
    assert item.indicator.actual.fiscal_year == 2024
    assert outcomes(result) == [Outcome.NOT_ACHIEVED]


def test_projected_and_preliminary_words_in_the_bracket() -> None:
    result = read(
        [
            HEADER,
            ["子育て", "保育所定員", "1,200人", "1,500人", "1,450人(R6見込)"],
            ["健康", "健診受診率", "38.5%", "60%", "41.2%(R5速報値)"],
        ]
    )
    first, second = result.plan.indicators
    assert first.indicator.actual.status is ActualStatus.PROJECTED
    assert first.indicator.actual.fiscal_year == 2024
    assert second.indicator.actual.fiscal_year == 2023
    assert second.indicator.actual.value.provisional  # type: ignore[union-attr]
    judged = JUDGE.judge(second.indicator)
    assert "速報値" in judged.message.ja
    assert [p.row for p in result.problems] == [3]  # only the year other than the header's


def test_a_target_year_in_the_cell_is_the_target_s_year() -> None:
    result = read([HEADER, ["子育て", "保育所定員", "1,200人", "1,500人(令和8年度)", "1,450人"]])
    (item,) = result.plan.indicators
    assert item.indicator.target.fiscal_year == 2026
    assert [p.message.ja for p in result.problems] == [
        "セルに書かれた令和8年度の値として読みました(見出しの年度は令和7年度)"
    ]


def test_a_baseline_year_in_the_cell_never_pro_rates_the_target() -> None:
    """The baseline's year is not kept with the indicator: a baseline year and an actual
    before the target year would judge on a pro-rated target (55.8% here, achieved),
    where the table's own header years judge on the final one (60%, not achieved)."""
    row = ["子育て", "子育て満足度", "45.2%(平成30年度)", "60%以上", "58.1%(令和5年度)"]
    result = read([HEADER, row])
    (item,) = result.plan.indicators
    assert item.indicator.baseline_year is None
    assert outcomes(result) == [Outcome.NOT_ACHIEVED]
    assert [p.message.ja for p in result.problems] == [
        "セルに書かれた平成30年度の値として読みました(見出しの年度は令和元年度)",
        "セルに書かれた令和5年度の値として読みました(見出しの年度は令和6年度)",
    ]


def test_brackets_that_are_no_fiscal_year_are_left_to_the_notation() -> None:
    """A running total, a bare number and a calendar year are not years of the value."""
    result = read(
        [
            HEADER,
            ["a", "累計", "0人", "1,500人", "200人(累計1,200人)"],
            ["a", "数", "0人", "1,500人", "1,200人(2023)"],
            ["a", "暦年", "0人", "1,500人", "1,200人(令和5年)"],
        ]
    )
    assert [i.indicator.name for i in result.plan.indicators] == ["累計"]
    assert [(p.row, p.code) for p in result.problems] == [
        (3, "cell.unreadable"),
        (4, "cell.unreadable"),
    ]


@given(
    baseline=st.integers(0, 500),
    target=st.integers(0, 500),
    actual=st.integers(0, 500),
    year=st.integers(2019, 2030),
    where=st.sampled_from(["baseline", "target", "actual"]),
    form=st.sampled_from(["({})", "（{}）", "({}見込)", "({}実績)", "({}時点)"]),
)
def test_a_year_in_a_cell_never_changes_the_outcome(
    baseline: int, target: int, actual: int, year: int, where: str, form: str
) -> None:
    cells = {"baseline": f"{baseline}件", "target": f"{target}件", "actual": f"{actual}件"}
    plain = read([HEADER, ["a", "指標", cells["baseline"], cells["target"], cells["actual"]]])
    cells[where] += form.format(f"令和{year - 2018}年度")
    dated = read([HEADER, ["a", "指標", cells["baseline"], cells["target"], cells["actual"]]])
    assert outcomes(dated) == outcomes(plain)
    assert all(p.severity == "warning" for p in dated.problems)


def test_years_in_brackets_make_a_second_header_row() -> None:
    """(H30) and (R7) under 基準値 and 目標値, as published tables write them, are years of a
    second header row like R5年度 and R6年度 under a merged 実績値."""
    top = ["指標", "基準値", "目標値", "実績値", "実績値"]
    sub = ["", "(H30)", "（R7年度）", "R5年度", "R6年度"]
    result = read([top, sub, ["新規創業件数", "32件", "40件", "38件", "45件"]])
    assert result.header_rows == (1, 2)
    assert (result.plan.baseline_year, result.plan.target_year) == (2018, 2025)
    (item,) = result.plan.indicators
    assert item.indicator.actual.fiscal_year == 2024
    assert [o.fiscal_year for o in item.indicator.series] == [2023]
