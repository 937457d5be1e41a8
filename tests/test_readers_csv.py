"""Reading the detail table from CSV: encodings, headers, inheritance and problems."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from achievement import (
    AchievementError,
    ActualStatus,
    Direction,
    EvaluatorRegistry,
    Indicator,
    Judge,
    Missing,
    Outcome,
    Quantity,
    StatusWord,
    Value,
    Verdict,
    hookimpl,
)
from achievement.readers import ReadResult, bundled_example, read_plan

TAITO = Path(__file__).resolve().parent.parent / "examples" / "taito-2025" / "taito-2025.csv"
PRIORITY_MEASURES = {1, 3, 5, 9, 10, 15, 16}


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    """Write ``rows`` as CSV to ``path`` in ``encoding``."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


@pytest.fixture(params=["utf-8", "utf-8-sig", "cp932"])
def taito(request: pytest.FixtureRequest, tmp_path: Path) -> ReadResult:
    """The Taito table re-encoded as Excel may save it, then read."""
    copy = tmp_path / "taito.csv"
    copy.write_bytes(TAITO.read_text(encoding="utf-8").encode(request.param))
    return read_plan(copy)


def test_taito_rows_all_read(taito: ReadResult) -> None:
    """Every one of the 28 rows of the Taito table is read, with no problem."""
    assert taito.problems == ()
    assert taito.rows == 28
    assert len(taito.plan.indicators) == 28
    assert [item.row for item in taito.plan.indicators] == list(range(3, 31))


def test_taito_goals_and_measures(taito: ReadResult) -> None:
    """The Taito table has 3 goals and 16 measures, the priority ones marked."""
    items = taito.plan.indicators
    goals = list(dict.fromkeys(item.goal for item in items))
    assert [g.number for g in goals] == [1, 2, 3]
    assert goals[0].title == "新たな日常・生活に対応する区民サービスの提供"
    measures = list(dict.fromkeys(item.measure for item in items))
    assert [m.number for m in measures] == list(range(1, 17))
    assert {m.number for m in measures if m.priority} == PRIORITY_MEASURES
    assert measures[0].title == "デジタル行政窓口の整備"
    assert Counter(item.goal.number for item in items) == {1: 16, 2: 6, 3: 6}


def test_taito_recorded_and_years(taito: ReadResult) -> None:
    """The published judgments are 20 達成 and 8 未達成; the years are FY2020 and FY2025."""
    items = taito.plan.indicators
    assert Counter(item.recorded for item in items) == {
        Outcome.ACHIEVED: 20,
        Outcome.NOT_ACHIEVED: 8,
    }
    assert {item.recorded_text for item in items} == {"達成", "未達成"}
    assert (taito.plan.baseline_year, taito.plan.target_year) == (2020, 2025)
    for item in items:
        assert item.indicator.target.fiscal_year == 2025
        assert item.indicator.actual.fiscal_year == 2025
        assert item.indicator.actual.status is ActualStatus.PROJECTED


def test_taito_cells(taito: ReadResult) -> None:
    """Cells keep their text as published and read into typed values."""
    by_row = {item.row: item for item in taito.plan.indicators}
    online = by_row[4]
    assert online.indicator.name == "オンライン手続比率"
    assert isinstance(online.indicator.target.value, Quantity)
    assert online.indicator.target.value.amount == 60
    assert online.note == "・オンライン化に要する業務手順の見直し等による遅れ"
    assert by_row[9].indicator.baseline == Missing(text="―")
    assert isinstance(by_row[14].indicator.target.value, StatusWord)
    assert by_row[22].indicator.target.value.text == "年 8, 150 時間"


def test_blank_initiative_continues_the_measure(taito: ReadResult) -> None:
    """A blank initiative under a continued measure is the initiative above (merged cell)."""
    by_row = {item.row: item for item in taito.plan.indicators}
    assert by_row[6].initiative == by_row[5].initiative
    assert by_row[6].initiative.startswith("4. ")
    assert by_row[21].measure == by_row[20].measure
    assert by_row[21].initiative == by_row[20].initiative
    assert by_row[21].initiative.startswith("21. ")


def test_bundled_example_is_the_taito_table() -> None:
    """The bundled example is the Taito CSV of the examples folder."""
    assert bundled_example().read_bytes() == TAITO.read_bytes()


HEADER = ["基本目標", "施策", "評価指標", "計画策定時(令和2年度末)", "目標(令和7年度)", "実績"]


def test_merged_goal_and_measure_inherit(tmp_path: Path) -> None:
    """Blank goal and measure cells continue the row above; a new goal restarts measures."""
    path = write_csv(
        tmp_path / "p.csv",
        [
            HEADER,
            ["【基本目標1】A", "1. 施策A(重点施策)", "x", "1件", "2件", "3件"],
            ["", "", "y", "1件", "2件", "1件"],
            ["", "2. 施策B", "z", "1件", "2件", "2件"],
            ["【基本目標2】B", "", "w", "1件", "2件", "2件"],
        ],
    )
    result = read_plan(path)
    first, second, third = result.plan.indicators
    assert second.goal == first.goal
    assert second.measure == first.measure
    assert first.measure.priority
    assert third.measure.number == 2
    assert third.goal == first.goal
    (problem,) = result.problems
    assert (problem.row, problem.column, problem.code) == (5, "施策", "row.no_measure")
    assert result.rows == 4


def test_unreadable_cell_is_a_problem(tmp_path: Path) -> None:
    """A cell the notation cannot read names file, row, column and text, and its row is left out."""
    path = write_csv(
        tmp_path / "bad.csv",
        [
            HEADER,
            ["目標1", "施策1", "x", "1件", "5件未満", "3件"],
            ["", "", "y", "1件", "2件", "3件"],
        ],
    )
    result = read_plan(path)
    (problem,) = result.problems
    assert problem.file == str(path)
    assert problem.row == 2
    assert problem.column == "目標(令和7年度)"
    assert problem.text == "5件未満"
    assert problem.code == "cell.unreadable"
    assert "未満" in problem.message.ja
    assert [item.row for item in result.plan.indicators] == [3]
    assert result.rows == 2


def test_blank_rows_are_skipped_and_row_numbers_kept(tmp_path: Path) -> None:
    """Blank rows are not counted; row numbers are those a spreadsheet shows."""
    path = write_csv(
        tmp_path / "p.csv",
        [
            HEADER,
            ["目標1", "施策1", "x", "1件", "2件", "3件"],
            ["", "", "", ""],
            [" "] * 6,
            ["", "", "多行\nの指標", "1件", "2件", "3件"],
        ],
    )
    result = read_plan(path)
    assert result.rows == 2
    assert [item.row for item in result.plan.indicators] == [2, 5]
    assert result.plan.indicators[1].indicator.name == "多行\nの指標"


def test_title_row_above_the_header(tmp_path: Path) -> None:
    """The first text above the header row is the plan's title; a heading naming 評価指標 is not the header."""
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["台東区情報化推進計画 別紙"],
            ["評価指標の一覧"],
            HEADER,
            ["目標1", "施策1", "x", "1件", "2件", "3件"],
        ],
    )
    result = read_plan(path)
    assert result.plan.title == "台東区情報化推進計画 別紙"
    assert result.plan.indicators[0].row == 4
    assert result.rows == 1


def test_synonym_headers(tmp_path: Path) -> None:
    """策定時 / 目標値 / 実績値 / 判定 are read as baseline, target, actual and recorded."""
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["施策", "指標", "策定時(平成30年度)", "目標値(令和6年度)", "実績値", "判定"],
            ["1 施策", "x", "10%", "20%", "25%", "達成"],
        ],
    )
    result = read_plan(path)
    (item,) = result.plan.indicators
    assert item.indicator.baseline.text == "10%"
    assert item.indicator.actual.status is ActualStatus.FINAL
    assert item.recorded is Outcome.ACHIEVED
    assert (result.plan.baseline_year, result.plan.target_year) == (2018, 2024)
    assert item.goal.title == ""
    assert item.measure.number == 1


def test_current_value_is_the_baseline_when_no_other(tmp_path: Path) -> None:
    """現状値 is the baseline when no other baseline column exists, else the actual."""
    alone = write_csv(
        tmp_path / "a.csv",
        [["指標", "現状値", "目標値", "直近値"], ["x", "10%", "20%", "15%"]],
    )
    (item,) = read_plan(alone).plan.indicators
    assert item.indicator.baseline.text == "10%"
    assert item.indicator.actual.value.text == "15%"
    beside = write_csv(
        tmp_path / "b.csv",
        [["指標", "基準値", "目標値", "現状値"], ["x", "10%", "20%", "15%"]],
    )
    (item,) = read_plan(beside).plan.indicators
    assert item.indicator.baseline.text == "10%"
    assert item.indicator.actual.value.text == "15%"


def test_english_headers_and_optional_columns(tmp_path: Path) -> None:
    """English headers are read, with the optional direction and style columns."""
    path = write_csv(
        tmp_path / "p.csv",
        [
            [
                *("Goal", "Measure", "Initiative", "Indicator", "Baseline (FY2020)"),
                *("Target (FY2025)", "Actual", "Recorded", "Note", "Direction", "Style"),
            ],
            [
                *("Goal 1: Service", "Measure 3 (priority)", "i", "wait", "20分", "15分"),
                *("16分", "not achieved", "n", "lower", "threshold"),
            ],
            ["", "", "", "rate", "20%", "0%", "3%", "B", "", "低下", ""],
        ],
    )
    result = read_plan(path)
    assert [(p.row, p.column, p.code) for p in result.problems] == [
        (3, "Recorded", "cell.unknown_recorded")
    ]
    first, second = result.plan.indicators
    assert first.goal.number == 1
    assert first.goal.title == "Service"
    assert first.measure.number == 3
    assert first.measure.priority
    assert first.indicator.direction is Direction.LOWER
    assert first.indicator.style == "threshold"
    assert first.recorded is Outcome.NOT_ACHIEVED
    assert second.indicator.direction is Direction.LOWER
    assert second.recorded is None
    assert second.recorded_text == "B"


def test_unknown_direction_and_style_are_problems(tmp_path: Path) -> None:
    """An unknown word in the direction or style column is a problem naming the column."""
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["indicator", "target", "actual", "direction", "style"],
            ["a", "1件", "2件", "sideways", ""],
            ["b", "1件", "2件", "", "no-such-style"],
        ],
    )
    result = read_plan(path)
    assert [(p.row, p.column, p.text, p.code) for p in result.problems] == [
        (2, "direction", "sideways", "cell.unknown_direction"),
        (3, "style", "no-such-style", "cell.unknown_style"),
    ]
    assert result.plan.indicators == ()


def test_columns_option_maps_headers(tmp_path: Path) -> None:
    """``columns`` maps unknown headers to fields and leaves ignored ones out."""
    path = write_csv(
        tmp_path / "p.csv",
        [["KPI名", "R2", "R7目標", "R5実績", "R6実績"], ["x", "1件", "3件", "2件", "4件"]],
    )
    result = read_plan(
        path,
        columns={"KPI名": "indicator", "R2": "baseline", "R6実績": "actual", "R5実績": "ignore"},
    )
    (item,) = result.plan.indicators
    assert item.indicator.name == "x"
    assert item.indicator.baseline.text == "1件"
    assert item.indicator.actual.value.text == "4件"


def test_two_columns_for_one_field_is_an_error(tmp_path: Path) -> None:
    """Two columns that could both be the actual, with no year to tell them apart, give an error."""
    path = write_csv(
        tmp_path / "p.csv",
        [["指標", "目標", "令和6年度実績", "令和6年度実績見込"], ["x", "3件", "2件", "4件"]],
    )
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    assert "「令和6年度実績」, 「令和6年度実績見込」" in info.value.ja
    assert "several columns could be the actual" in info.value.en


def test_missing_column_names_it_and_the_headers_found(tmp_path: Path) -> None:
    """A table without an actual column gives an error naming it and the headers found."""
    path = write_csv(tmp_path / "p.csv", [["評価指標", "目標", "備考"], ["x", "1件", ""]])
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    error = info.value
    assert error.file == str(path)
    assert "actual" in error.en
    assert "実績" in error.ja
    assert "「備考」" in error.message("ja")
    assert "「目標」" in error.message("en")


def test_columns_naming_an_absent_header_is_an_error(tmp_path: Path) -> None:
    """``columns`` naming a header the file lacks, or an unknown field, is an error."""
    path = write_csv(tmp_path / "p.csv", [["indicator", "target", "actual"], ["x", "1", "2"]])
    with pytest.raises(AchievementError, match="not in the file"):
        read_plan(path, columns={"KPI": "indicator"})
    with pytest.raises(AchievementError, match="unknown field"):
        read_plan(path, columns={"target": "goal_title"})


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("指標".encode("utf-16"), "UTF-16"),
        (b"\x81\x20\x82\x0a", "UTF-8"),
        (b"", "no rows"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, words: str) -> None:
    """A file that is not text, or is empty, raises the library's error naming the file."""
    path = tmp_path / "p.csv"
    path.write_bytes(content)
    with pytest.raises(AchievementError, match=words) as info:
        read_plan(path)
    assert info.value.file == str(path)


def test_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    """A missing file or an unknown file type raises the library's error."""
    with pytest.raises(AchievementError, match="no such file"):
        read_plan(tmp_path / "absent.csv")
    with pytest.raises(AchievementError, match="unknown file type"):
        read_plan(tmp_path / "plan.txt")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(AchievementError, match="folder"):
        read_plan(folder)


class _MineEvaluator:
    style = "mine"
    messages: ClassVar[dict[str, dict[str, str]]] = {"mine.ok": {"ja": "可", "en": "ok"}}

    def evaluate(self, indicator: Indicator) -> Verdict:
        return Verdict(Outcome.ACHIEVED, "mine.ok")


class _MinePlugin:
    @hookimpl
    def achievement_register_evaluators(self, registry: EvaluatorRegistry) -> None:
        registry.add(_MineEvaluator())

    @hookimpl
    def achievement_parse_value(self, text: str) -> Value | None:
        return StatusWord(word="mine", text=text) if text.strip() == "◎" else None


def test_styles_and_cells_are_read_as_the_judge_reads_them(tmp_path: Path) -> None:
    """The judge given decides which styles a row may state and reads cells with its plugins."""
    path = write_csv(
        tmp_path / "p.csv",
        [["indicator", "target", "actual", "style"], ["a", "◎", "2件", "mine"]],
    )
    with_plugin = Judge(autoload=False, plugins=[_MinePlugin()])
    result = read_plan(path, judge=with_plugin)
    assert result.problems == ()
    assert result.plan.indicators[0].indicator.target.value == StatusWord(word="mine", text="◎")
    problems = read_plan(path, judge=Judge(autoload=False)).problems
    assert {p.code for p in problems} == {"cell.unknown_style", "cell.unreadable"}
    assert any("threshold" in p.message.en for p in problems)


def test_header_words_inside_brackets_and_short_years(tmp_path: Path) -> None:
    """A header whose word is in brackets is read, and R7 / H30 are fiscal years."""
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["指標名", "H30年度末(基準値)", "目標値(R7)", "R6年度実績"],
            ["x", "1件", "3件", "2件"],
        ],
    )
    result = read_plan(path)
    (item,) = result.plan.indicators
    assert item.indicator.baseline.text == "1件"
    assert (result.plan.baseline_year, result.plan.target_year) == (2018, 2025)
    assert item.indicator.actual.fiscal_year == 2024


def test_goal_written_again_keeps_the_measure(tmp_path: Path) -> None:
    """A goal filled down on every row keeps the measure above, and every row is read."""
    path = write_csv(
        tmp_path / "g.csv",
        [
            ["基本目標", "施策", "評価指標", "目標", "実績"],
            ["1 目標A", "1 施策A", "a", "10件", "12件"],
            ["1 目標A", "", "b", "10件", "12件"],
            ["2 目標B", "", "c", "10件", "12件"],
        ],
    )
    result = read_plan(path)
    first, second = result.plan.indicators
    assert second.measure == first.measure
    assert second.goal == first.goal
    assert [(p.row, p.code) for p in result.problems] == [(4, "row.no_measure")]


def test_a_new_goal_without_a_measure_column_is_read(tmp_path: Path) -> None:
    """Without a measure column, a second goal does not ask for a measure."""
    path = write_csv(
        tmp_path / "g.csv",
        [
            ["基本目標", "評価指標", "目標", "実績"],
            ["1 A", "a", "1件", "2件"],
            ["2 B", "b", "1件", "2件"],
        ],
    )
    result = read_plan(path)
    assert result.problems == ()
    assert [item.goal.number for item in result.plan.indicators] == [1, 2]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("〇", Outcome.ACHIEVED),
        ("○", Outcome.ACHIEVED),
        ("◯", Outcome.ACHIEVED),
        ("×", Outcome.NOT_ACHIEVED),
        ("✕", Outcome.NOT_ACHIEVED),
        ("✗", Outcome.NOT_ACHIEVED),
    ],
)
def test_circle_and_cross_are_published_outcomes(
    tmp_path: Path, text: str, outcome: Outcome
) -> None:
    """A published 〇 or × in the 評価 column is read as achieved or not achieved, text kept."""
    path = write_csv(
        tmp_path / "r.csv", [["評価指標", "目標", "実績", "評価"], ["a", "10件", "12件", text]]
    )
    result = read_plan(path)
    (item,) = result.plan.indicators
    assert (item.recorded, item.recorded_text) == (outcome, text)
    assert result.problems == ()


def test_unknown_published_outcome_is_a_warning_and_the_row_is_judged(tmp_path: Path) -> None:
    """An unknown word in the 評価 column is a warning naming it; the row is still read."""
    path = write_csv(
        tmp_path / "r.csv",
        [
            ["評価指標", "目標", "実績", "評価"],
            ["a", "10件", "12件", "A"],
            ["b", "1件", "5件未満", "B"],
        ],
    )
    result = read_plan(path)
    (item,) = result.plan.indicators
    assert (item.row, item.recorded, item.recorded_text) == (2, None, "A")
    warning = result.warnings[0]
    assert (warning.row, warning.column, warning.text) == (2, "評価", "A")
    assert warning.code == "cell.unknown_recorded"
    assert "達成" in warning.message.ja
    assert "not_achieved" in warning.message.en
    assert [(p.row, p.severity) for p in result.problems] == [
        (2, "warning"),
        (3, "error"),
        (3, "warning"),
    ]
    assert result.problem_rows == (3,)
    assert result.rows == len(result.plan.indicators) + len(result.problem_rows)


def test_header_row_is_the_one_with_most_headers(tmp_path: Path) -> None:
    """Without a complete header, the error lists the row with most recognised headers, not the title."""
    path = write_csv(
        tmp_path / "p.csv",
        [["台東区の計画 別紙"], ["項目", "目標", "実績"], ["x", "1件", "2件"]],
    )
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    assert "「項目」, 「目標」, 「実績」" in info.value.en
    assert "台東区" not in info.value.ja


def test_kpi_name_header(tmp_path: Path) -> None:
    """A header of a known English word followed by 名, as KPI名, names its field."""
    path = write_csv(
        tmp_path / "p.csv", [["計画"], ["KPI名", "目標値", "実績値"], ["a", "10件", "12件"]]
    )
    result = read_plan(path)
    assert [item.indicator.name for item in result.plan.indicators] == ["a"]
    assert result.plan.title == "計画"


def test_main_indicator_column(tmp_path: Path) -> None:
    """A 主要な指標 column marks main indicators with 〇; another mark is a warning, row kept."""
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["施策", "評価指標", "目標", "実績", "主要な指標"],
            ["1. 窓口", "a", "10件", "12件", "〇"],
            ["", "b", "10件", "8件", ""],
            ["", "c", "10件", "9件", "?"],
        ],
    )
    result = read_plan(path)
    assert [i.main for i in result.plan.indicators] == [True, False, False]
    (warning,) = result.warnings
    assert (warning.code, warning.row, warning.column, warning.text) == (
        "cell.unknown_main",
        4,
        "主要な指標",
        "?",
    )


def test_header_typed_on_two_lines_is_shown_on_one(tmp_path: Path) -> None:
    """A header with a line break inside (Alt+Enter) is named on one line in a problem."""
    header = [*HEADER[:5], "実績見込\n(令和7年度)"]
    path = write_csv(
        tmp_path / "plan.csv", [header, ["目標1", "施策1", "x", "1件", "2件", "3件未満"]]
    )
    (problem,) = read_plan(path).problems
    assert problem.column == "実績見込 (令和7年度)"
    assert "\n" not in f"{problem.column}{problem.message.ja}{problem.message.en}"


@pytest.mark.parametrize(
    "totals",
    [
        ["", "", "合計", "", "", "28"],
        ["", "小計", "", "", "", ""],
        ["合 計", "", "", "36件", "110件", "785件"],
        ["", "", "", "", "", "合計"],
    ],
)
def test_totals_row_is_skipped_with_a_note(tmp_path: Path, totals: list[str]) -> None:
    """A row saying 合計 or 小計 is skipped with a note, not a problem; rows in = rows out."""
    rows = [HEADER, ["目標1", "施策1", "x", "1件", "2件", "3件"], totals]
    result = read_plan(write_csv(tmp_path / "plan.csv", rows))
    assert result.problems == ()
    (note,) = result.skipped
    assert (note.code, note.row, note.severity) == ("row.totals", 3, "note")
    assert note.message.ja == "合計・小計の行として読み飛ばしました(指標ではありません)"
    assert "totals row" in note.message.en
    assert result.rows + len(result.skipped) == 2
    assert [item.row for item in result.plan.indicators] == [2]


@given(st.text(alphabet=',"\r\n a指\x0b\u2028', max_size=40))
@example('a,"b\r\nc"\rd\n\ne')
@example('"a\rb",c\r')
def test_records_are_split_as_a_text_stream_splits_them(text: str) -> None:
    """Lines end at \\r\\n, \\r or \\n only, as ``io.StringIO(text, newline="")`` ends them."""
    from achievement.readers._csv import csv_rows

    try:
        expected: object = list(
            enumerate(csv.reader(io.StringIO(text, newline=""), strict=False), start=1)
        )
    except csv.Error as exc:
        expected = str(exc)
    try:
        found: object = list(csv_rows(text, file="a.csv"))
    except AchievementError as exc:
        found = exc.en.rsplit(": ", 1)[-1]
    assert found == expected
