"""Edges of the table reader, row by row: heading rows, Excel fractions, goals and measures,
earlier years, and the messages of its problems, each with the expected reading written here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from achievement import (
    ActualStatus,
    Goal,
    Judge,
    Measure,
    Quantity,
    Value,
    hookimpl,
)
from achievement.readers import ReadResult
from achievement.readers._cells import CellReader, parse_goal, parse_measure
from achievement.readers._table import read_rows
from tests._table_rows import JUDGE, read, unit_of

HEADER = ["基本目標", "施策", "取り組み", "評価指標", "計画策定時", "目標", "実績"]


def places(result: ReadResult) -> list[tuple[str, str, str, str]]:
    """(goal, measure, initiative, indicator) of each indicator read."""
    return [
        (i.goal.title, i.measure.title, i.initiative, i.indicator.name)
        for i in result.plan.indicators
    ]


def test_heading_rows_set_the_goal_and_the_measure_below() -> None:
    """A text alone in the goal column heads a goal, alone in the measure column a measure,
    even without the words 基本目標 or 施策; a heading resets the initiative above it."""
    result = read(
        [
            HEADER,
            ["安全なまち", "", "", "", "", "", ""],
            ["", "防犯対策", "", "", "", "", ""],
            ["", "", "見守り", "防犯カメラの台数", "10台", "30台", "25台"],
            ["", "交通安全", "", "", "", "", ""],
            ["", "", "", "交通事故の件数", "120件", "100件以下", "95件"],
            ["暮らし", "暮らし", "暮らし", "暮らし", "暮らし", "暮らし", "暮らし"],
            ["", "生活環境", "", "ごみの量", "500t", "450t以下", "440t"],
        ]
    )
    assert places(result) == [
        ("安全なまち", "防犯対策", "見守り", "防犯カメラの台数"),
        ("安全なまち", "交通安全", "", "交通事故の件数"),
        ("暮らし", "生活環境", "", "ごみの量"),
    ]
    assert [(p.row, p.column, p.message.ja, p.message.en) for p in result.skipped] == [
        (2, "基本目標", "見出しの行として読み飛ばしました(以下の行の基本目標)",
         "skipped as a heading row (the goal of the rows below)"),
        (3, "施策", "見出しの行として読み飛ばしました(以下の行の施策)",
         "skipped as a heading row (the measure of the rows below)"),
        (5, "施策", "見出しの行として読み飛ばしました(以下の行の施策)",
         "skipped as a heading row (the measure of the rows below)"),
        (7, "基本目標", "見出しの行として読み飛ばしました(以下の行の基本目標)",
         "skipped as a heading row (the goal of the rows below)"),
    ]  # fmt: skip


def test_a_heading_word_decides_over_the_column() -> None:
    """施策2 in the goal column heads a measure; 基本目標2 in the measure column heads a goal;
    a heading in the initiative column sets neither (the goal and measure above go on)."""
    result = read(
        [
            HEADER,
            ["基本目標1 安全なまち", "施策1 防犯", "", "防犯カメラの台数", "10台", "30台", "25台"],
            ["施策2 交通安全", "", "", "", "", "", ""],
            ["", "", "", "交通事故の件数", "120件", "100件以下", "95件"],
            ["", "基本目標2 健康なまち", "", "", "", "", ""],
            ["", "施策3 健診", "", "受診率", "40%", "60%", "52%"],
            ["", "", "重点の取り組み", "", "", "", ""],
            ["", "", "", "がん検診の受診者数", "900人", "1,200人", "1,250人"],
        ]
    )
    assert [
        (i.goal.number, i.measure.number, i.indicator.name) for i in result.plan.indicators
    ] == [
        (1, 1, "防犯カメラの台数"),
        (1, 2, "交通事故の件数"),
        (2, 3, "受診率"),
        (2, 3, "がん検診の受診者数"),
    ]
    assert [(p.row, p.message.en) for p in result.skipped] == [
        (3, "skipped as a heading row (the measure of the rows below)"),
        (5, "skipped as a heading row (the goal of the rows below)"),
        (7, "skipped as a heading row"),
    ]
    assert result.skipped[2].message.ja == "見出しの行として読み飛ばしました"


def test_excel_fractions_are_read_in_percent() -> None:
    """Every bare number in the actual column is from 0 to 1 and the targets are in %: 0.625 is
    62.5% and 0.6 is 60% (shown as 60, not 6E+1)."""
    result = read(
        [
            ["評価指標", "目標", "実績"],
            ["電子申請率", "60%", "0.625"],
            ["電子決裁率", "60%", "0.6"],
        ]
    )
    actuals = [i.indicator.actual.value for i in result.plan.indicators]
    assert all(isinstance(v, Quantity) for v in actuals)
    assert [(str(v.amount), v.unit) for v in actuals if isinstance(v, Quantity)] == [
        ("62.5", "%"),
        ("60", "%"),
    ]


def test_a_fraction_among_percentages_is_refused_with_its_message() -> None:
    """0.5 beside 75 in the actual column, against a target of 60%: a problem, in both languages."""
    result = read(
        [
            ["評価指標", "目標", "実績"],
            ["電子申請率", "60%", "0.5"],
            ["電子決裁率", "60%", "75"],
        ]
    )
    assert [i.indicator.name for i in result.plan.indicators] == ["電子決裁率"]
    (problem,) = result.problems
    assert (problem.row, problem.column, problem.text, problem.code) == (
        2,
        "実績",
        "0.5",
        "cell.fraction_or_percent",
    )
    assert problem.message.ja == (
        "「0.5」は割合(1を100%とする値)とも数値とも読め、目標は%です。"
        "列の単位のない数がすべて0から1なら%として読みます。%を付けて書いてください"
    )
    assert problem.message.en == (
        "'0.5' could be a fraction of one or a number, and the target is a percentage; a column "
        "whose numbers without a unit are all from 0 to 1 is read in %. Write it with %"
    )


def test_an_unknown_style_lists_the_styles() -> None:
    result = read(
        [["評価指標", "目標", "実績", "評価方式"], ["相談件数", "100件", "120件", "range"]]
    )
    (problem,) = result.problems
    assert (problem.file, problem.row, problem.column) == ("plan.csv", 2, "評価方式")
    assert problem.message.en == (
        "unknown style 'range'; installed styles: cumulative, deadline, direction, ordinal, "
        "threshold"
    )
    assert problem.message.ja == (
        "評価方式「range」はありません。使える方式: cumulative, deadline, direction, ordinal, "
        "threshold"
    )


def test_zero_counts_as_a_fraction_of_the_column() -> None:
    """0 and 0.5 under a target of 60%: the column holds fractions, so 0.5 is 50% (0 stays 0)."""
    result = read([["評価指標", "目標", "実績"], ["a", "60%", "0"], ["b", "60%", "0.5"]])
    assert result.problems == ()
    values = [i.indicator.actual.value for i in result.plan.indicators]
    assert [(v.amount, v.unit) for v in values if isinstance(v, Quantity)] == [
        (Decimal(0), None),
        (Decimal(50), "%"),
    ]


def test_one_and_a_half_is_not_a_fraction() -> None:
    """1.5 beside 0.5: the column is not all fractions, so 0.5 against 60% is refused."""
    result = read([["評価指標", "目標", "実績"], ["a", "60%", "1.5"], ["b", "60%", "0.5"]])
    assert [i.indicator.name for i in result.plan.indicators] == ["a"]
    assert [(p.row, p.code) for p in result.problems] == [(3, "cell.fraction_or_percent")]


def test_a_heading_in_a_column_that_is_not_read() -> None:
    """A heading alone under "No." (no field) is skipped with no column named."""
    result = read(
        [["No.", "評価指標", "目標", "実績"], ["1 防犯", "", "", ""], ["", "a", "5件", "6件"]]
    )
    assert [(p.row, p.column, p.message.en) for p in result.skipped] == [
        (2, None, "skipped as a heading row")
    ]


def test_measure_cells_over_two_lines_and_with_a_priority_mark() -> None:
    assert parse_measure("1. 窓口の整備\nオンライン化") == Measure(
        number=1, title="窓口の整備\nオンライン化"
    )
    assert parse_measure("窓口の整備(重点施策)") == Measure(title="窓口の整備", priority=True)


@pytest.mark.parametrize(
    ("index", "text"), [(3, "相談件数"), (4, "100件"), (5, "150件"), (6, "120件")]
)
def test_a_lone_value_is_a_data_row_not_a_heading(index: int, text: str) -> None:
    """A text alone in the indicator, baseline, target or actual column is read as a row (an
    indicator without values, or a row without its indicator), never skipped as a heading."""
    lone = [""] * 7
    lone[index] = text
    result = read([HEADER, ["安全", "防犯", "", "防犯カメラの台数", "10台", "30台", "25台"], lone])
    assert result.skipped == ()
    if index == 3:
        assert [i.indicator.name for i in result.plan.indicators] == [
            "防犯カメラの台数",
            "相談件数",
        ]
    else:
        assert [(p.row, p.column, p.code, p.message.en) for p in result.problems] == [
            (3, "評価指標", "row.no_indicator", "the indicator is blank")
        ]


def test_a_merged_heading_over_the_value_columns() -> None:
    """安全なまち repeated across every column (a merged cell) is a heading, not an indicator."""
    result = read([["評価指標", "目標", "実績"], ["安全なまち"] * 3, ["a", "5件", "6件"]])
    assert [(p.row, p.message.en) for p in result.skipped] == [(2, "skipped as a heading row")]
    assert [i.indicator.name for i in result.plan.indicators] == ["a"]


def test_fractions_are_decided_column_by_column() -> None:
    """A baseline of 45 (a number) does not stop the actual column of fractions: 0.62 is 62%."""
    result = read([["評価指標", "計画策定時", "目標", "実績"], ["a", "45", "60%", "0.62"]])
    assert result.problems == ()
    actual = result.plan.indicators[0].indicator.actual.value
    assert isinstance(actual, Quantity)
    assert (actual.amount, actual.unit) == (Decimal(62), "%")


def test_goal_cells() -> None:
    assert parse_goal("1. 安全なまち\n(防犯)") == Goal(number=1, title="安全なまち\n(防犯)")
    assert parse_goal("安全なまち") == Goal(title="安全なまち")


def test_baseline_fractions_beside_actuals_of_every_kind() -> None:
    """The baseline column is read in % whatever the actual beside it: 0 (a fraction too) or
    45% (written with its unit)."""
    result = read(
        [
            ["評価指標", "計画策定時", "目標", "実績"],
            ["a", "0.3", "60%", "0"],
            ["b", "0.25", "60%", "45%"],
        ]
    )
    assert result.problems == ()
    baselines = [i.indicator.baseline for i in result.plan.indicators]
    assert [(v.amount, v.unit) for v in baselines if isinstance(v, Quantity)] == [
        (Decimal(30), "%"),
        (Decimal(25), "%"),
    ]


def test_a_blank_goal_with_nothing_above() -> None:
    result = read([["基本目標", "評価指標", "目標", "実績"], ["", "a", "5件", "6件"]])
    assert result.plan.indicators == ()
    assert [(p.row, p.code, p.column, p.message.ja, p.message.en) for p in result.problems] == [
        (
            2,
            "row.no_goal",
            "基本目標",
            "基本目標が空欄で、上の行から引き継ぐ基本目標もありません",
            "the goal is blank and there is no goal above to continue",
        )
    ]


def test_a_goal_heading_resets_the_initiative() -> None:
    """Without a measure column, the initiative above a goal heading does not run on below it."""
    result = read(
        [
            ["基本目標", "取り組み", "評価指標", "目標", "実績"],
            ["安全", "見守り", "a", "5件", "6件"],
            ["", "", "b", "5件", "6件"],
            ["健康", "", "", "", ""],
            ["", "", "c", "5件", "6件"],
        ]
    )
    assert places(result) == [
        ("安全", "", "見守り", "a"),
        ("安全", "", "見守り", "b"),
        ("健康", "", "", "c"),
    ]


def test_a_table_with_only_the_required_columns() -> None:
    """No goal, measure or initiative column: each is blank, not made up."""
    result = read([["評価指標", "目標", "実績"], ["a", "5件", "6件"]])
    (item,) = result.plan.indicators
    assert (item.goal, item.measure, item.initiative) == (Goal(title=""), Measure(title=""), "")


def test_an_unknown_style_with_no_style_installed() -> None:
    blocked = [f"achievement.rules.{name}" for name in JUDGE.styles]
    bare = Judge(autoload=False, blocked=blocked)
    problem = CellReader(bare).problem("range", file="plan.csv", row=2, column="評価方式")
    assert problem is not None
    assert (problem.message.ja, problem.message.en) == (
        "評価方式「range」はありません。使える方式: -",
        "unknown style 'range'; installed styles: -",
    )


YEARS = ["評価指標", "目標", "実績/令和4年度", "実績/令和5年度", "実績/令和6年度"]


def test_blank_earlier_years_are_left_out_of_the_series() -> None:
    """R4 blank, R5 80: the series holds R5 only; a units row gives the series its unit too."""
    result = read([YEARS, ["", "(件)", "(件)", "(件)", "(件)"], ["a", "100", "", "80", "95"]])
    series = result.plan.indicators[0].indicator.series
    assert [(o.fiscal_year, o.value.text, unit_of(o.value)) for o in series] == [(2023, "80", "件")]


def test_an_unreadable_earlier_year_is_a_warning_that_keeps_the_row() -> None:
    result = read([YEARS, ["a", "100件", "1万千件", "80件", "95件"]])
    assert [o.fiscal_year for o in result.plan.indicators[0].indicator.series] == [2023]
    (problem,) = result.problems
    assert (problem.row, problem.column, problem.text, problem.code, problem.severity) == (
        2,
        "実績/令和4年度",
        "1万千件",
        "cell.unreadable_series",
        "warning",
    )
    assert problem.message.ja == (
        "2022年度の値の3文字目が読めません(この年度は系列から除きます。この年度の値が必要な判定は、"
        "そのことを示して評価不能になります): 億・万・千の前には数を書いてください(1万千ではなく1万1千)"
    )
    assert problem.message.en == (
        "cannot read the value of FY2022 at character 3 (this year is left out of the series; a "
        "judgment that needs it is not evaluable and says so): write the number before each of "
        "億, 万 and 千 (1万1千, not 1万千)"
    )


def test_the_parse_hook_is_told_each_cell_s_column() -> None:
    """Every value cell reaches a plugin's parse hook with its own column; earlier years are
    actuals."""
    seen: set[tuple[str | None, str]] = set()

    class Recorder:
        __name__ = "recorder"

        @hookimpl
        def achievement_parse_value(self, text: str, column: str | None) -> Value | None:
            seen.add((column, text))
            return None

    rows = [["評価指標", "計画策定時", "目標", "実績/令和5年度", "実績/令和6年度"]]
    rows.append(["a", "60件", "100件", "80件", "95件"])
    read_rows(
        [(n, cells) for n, cells in enumerate(rows, start=1)],
        file="plan.csv",
        judge=Judge(plugins=[Recorder()], autoload=False),
    )
    assert seen == {
        ("baseline", "60件"),
        ("target", "100件"),
        ("actual", "80件"),
        ("actual", "95件"),
    }


def test_an_earlier_year_marked_projected() -> None:
    """実績/令和5年度(見込) beside 実績/令和6年度: the earlier year is kept as projected."""
    result = read(
        [
            ["評価指標", "目標", "実績/令和5年度(見込)", "実績/令和6年度"],
            ["a", "100件", "80件", "95件"],
        ]
    )
    indicator = result.plan.indicators[0].indicator
    assert [(o.fiscal_year, o.status) for o in indicator.series] == [(2023, ActualStatus.PROJECTED)]
    assert indicator.actual.status is ActualStatus.FINAL


def test_an_unreadable_target_and_main_marks_in_any_case() -> None:
    """1万千件 keeps its row out with the reason and the character; Yes and TRUE mark main."""
    result = read(
        [
            ["評価指標", "目標", "実績", "主要な指標"],
            ["a", "1万千件", "6件", "Yes"],
            ["b", "5件", "6件", "yes"],
            ["c", "5件", "6件", "TRUE"],
        ]
    )
    assert [(i.indicator.name, i.main) for i in result.plan.indicators] == [
        ("b", True),
        ("c", True),
    ]
    (problem,) = result.problems
    assert (problem.row, problem.column, problem.text, problem.code) == (
        2,
        "目標",
        "1万千件",
        "cell.unreadable",
    )
    assert (problem.message.ja, problem.message.en) == (
        "3文字目が読めません: 億・万・千の前には数を書いてください(1万千ではなく1万1千)",
        "cannot read at character 3: write the number before each of 億, 万 and 千 "
        "(1万1千, not 1万千)",
    )


def test_problems_of_blank_cells_name_an_empty_text() -> None:
    """A blank goal, measure or indicator is reported with the text '' (not None), and every
    problem dumps all its fields, as a validated one would."""
    result = read(
        [
            ["基本目標", "施策", "評価指標", "目標", "実績"],
            ["", "", "", "5件", "6件"],
        ]
    )
    assert [(p.code, p.text) for p in result.problems] == [
        ("row.no_goal", ""),
        ("row.no_measure", ""),
        ("row.no_indicator", ""),
    ]
    dumped = result.problems[0].model_dump(exclude_unset=True)
    assert set(dumped) == {"file", "row", "column", "text", "code", "message", "severity"}


def test_an_unreadable_earlier_year_names_the_file() -> None:
    result = read([YEARS, ["a", "100件", "1万千件", "80件", "95件"]])
    assert [p.file for p in result.problems] == ["plan.csv"]


def test_a_header_below_nineteen_rows_of_notes_with_its_units_row() -> None:
    """The header is searched in the first 20 rows with text; a units row under the 20th is
    still read as the header's second row."""
    notes = [[f"注{i}"] for i in range(1, 20)]
    result = read([*notes, ["評価指標", "目標", "実績"], ["", "(件)", "(件)"], ["a", "5", "6"]])
    assert (result.header_rows, result.plan.title) == ((20, 21), "注1")
    assert result.problems == ()
    assert unit_of(result.plan.indicators[0].indicator.actual.value) == "件"
