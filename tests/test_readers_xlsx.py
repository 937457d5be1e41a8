"""Reading the detail table from XLSX: the same plan as the CSV, merged cells repeated."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from openpyxl import Workbook

from achievement import AchievementError, Judge, Outcome
from achievement.readers import read_plan
from achievement.readers._xlsx import cell_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "taito-2025"


def test_taito_xlsx_is_the_csv_plan() -> None:
    """The shipped XLSX, with merged goal, measure and initiative cells, reads as the CSV does."""
    from_csv = read_plan(EXAMPLES / "taito-2025.csv")
    from_xlsx = read_plan(EXAMPLES / "taito-2025.xlsx")
    assert from_xlsx.problems == ()
    assert from_xlsx.rows == 28
    assert from_xlsx.plan == from_csv.plan


def test_make_xlsx_script_rebuilds_the_same_plan(tmp_path: Path) -> None:
    """The example's build script writes an XLSX that reads as the CSV, merges included."""
    spec = importlib.util.spec_from_file_location("make_xlsx", EXAMPLES / "make_xlsx.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = tmp_path / "taito.xlsx"
    module.build(EXAMPLES / "taito-2025.csv", target)
    from openpyxl import load_workbook

    merged = {str(r) for r in load_workbook(target).worksheets[0].merged_cells.ranges}
    assert {"A3:A18", "A19:A24", "A25:A30", "B3:B4", "C5:C6"} <= merged
    assert read_plan(target).plan == read_plan(EXAMPLES / "taito-2025.csv").plan


def test_merged_cells_repeat_in_every_column(tmp_path: Path) -> None:
    """A merged cell of any column, not only goal and measure, reads in each row it spans."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["評価指標", "目標", "実績", "取組状況等"])
    sheet.append(["a", "60%", "20%", "共通の取組"])
    sheet.append(["b", None, "70%", None])
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("D2:D3")
    path = tmp_path / "m.xlsx"
    book.save(path)
    first, second = read_plan(path).plan.indicators
    assert second.indicator.target.value.text == "60%"
    assert second.note == first.note == "共通の取組"
    assert (first.row, second.row) == (2, 3)


def test_number_cells_read_as_shown(tmp_path: Path) -> None:
    """Numbers and percentages typed into Excel read as the text a person sees."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指標", "基準値", "目標値", "実績値"])
    sheet.append(["rate", 0.1, 0.6, 0.2])
    sheet.append(["count", 36, 110, 785.0])
    for row in sheet.iter_rows(min_row=2, max_row=2, min_col=2):
        for cell in row:
            cell.number_format = "0%"
    path = tmp_path / "n.xlsx"
    book.save(path)
    rate, count = read_plan(path).plan.indicators
    assert [rate.indicator.baseline.text, rate.indicator.target.value.text] == ["10%", "60%"]
    assert count.indicator.actual.value.text == "785"


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (0.125, "0.0%", "12.5%"),
        (13000, "#,##0", "13000"),
        (True, "General", "TRUE"),
        (None, "", ""),
    ],
)
def test_cell_text(value: object, fmt: str, text: str) -> None:
    """Cell values become the text a person sees."""
    assert cell_text(value, fmt) == text


def test_broken_xlsx_is_the_library_error(tmp_path: Path) -> None:
    """A file that is not a workbook raises the library's error naming the file."""
    path = tmp_path / "broken.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    assert info.value.file == str(path)
    assert "XLSX" in info.value.ja


@pytest.mark.parametrize(
    ("fmt", "text"), [('0"%"', "60%"), ("0\\%", "60%"), ('0" %"', "60%"), ("0_%", "60")]
)
def test_literal_percent_sign_does_not_scale(fmt: str, text: str) -> None:
    """A % shown as text in a number format does not multiply the value by 100, and is
    read as the unit it shows (``_%`` is a space as wide as %, not a %)."""
    assert cell_text(60, fmt) == text


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (1250, '#,##0"万人"', "1250万人"),
        (35, 'G/標準"件"', "35件"),
        (35, 'General"件"', "35件"),
        (12.5, '0.0"%"', "12.5%"),
        (-120, '#,##0"人";"△"#,##0"人"', "-120人"),
        (-120, '#,##0"人";[Red]\\(#,##0"人"\\)', "-120人"),
        (-120, '#,##0"人";;0', "-120人"),
        (0, '#,##0"人";"△"#,##0"人";"-"', "0人"),
        (1234000, '#,##0,"千円"', "1234千円"),
        (2500000, '0.0,,"百万円"', "2.5百万円"),
        (1234000, '#,##0"円"', "1234000円"),
        (3, '"約"0"件"', "約3件"),
        (7, '"第"0"位"', "第7位"),
        (45, '0"以上"', "45以上"),
        (2024, "0", "2024"),
        (0.25, '0%"以上"', "25%以上"),
    ],
)
def test_the_unit_of_a_number_format_is_read(value: object, fmt: str, text: str) -> None:
    """Text a number format shows around the digits is read with the number, from the
    section for the number's sign (the number's own sign written); commas after the
    last digit divide by 1,000 as Excel shows it."""
    assert cell_text(value, fmt) == text


def test_a_unit_in_the_number_format_judges_against_a_target_in_text(tmp_path: Path) -> None:
    """1,500 shown as 1,500万人 by its format meets a target of 1,400万人 written as text:
    without the format's unit it would read as 1,500 people against 14,000,000."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指標", "基準値", "目標値", "実績値"])
    sheet.append(["観光入込客数", "1,250万人", "1,400万人", 1500])
    sheet.append(["転入超過数", "△120人", "0人", -45])
    sheet.append(["市税収納率", "97.0%", "98.5%", 98.9])
    sheet["D2"].number_format = '#,##0"万人"'
    sheet["D3"].number_format = '#,##0"人";"△"#,##0"人"'
    sheet["D4"].number_format = '0.0"%"'
    path = tmp_path / "units.xlsx"
    book.save(path)
    read = read_plan(path)
    assert read.problems == ()
    texts = [i.indicator.actual.value.text for i in read.plan.indicators]
    assert texts == ["1500万人", "-45人", "98.9%"]
    judge = Judge(autoload=False)
    outcomes = [judge.judge(i.indicator).outcome for i in read.plan.indicators]
    assert outcomes == [Outcome.ACHIEVED, Outcome.NOT_ACHIEVED, Outcome.ACHIEVED]


@pytest.mark.parametrize(
    ("fmt", "text"), [("0%", "50%"), ("0.0%", "50%"), ("[Red]0%", "50%"), ('"約"0%', "約50%")]
)
def test_percent_format_scales(fmt: str, text: str) -> None:
    """A real percent format shows the value multiplied by 100 (and the text before it)."""
    assert cell_text(0.5, fmt) == text


def test_formula_without_value_is_a_problem(tmp_path: Path) -> None:
    """A formula cell never computed is a problem with its formula, not a blank cell."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["評価指標", "目標", "実績"])
    sheet.append(["a", "10件", "=B2"])
    sheet.append(["b", "10件", "12件"])
    sheet.append([None, None, "=1+1"])
    path = tmp_path / "f.xlsx"
    book.save(path)
    result = read_plan(path)
    assert [item.row for item in result.plan.indicators] == [3]
    problem = result.problems[0]
    assert (problem.row, problem.column, problem.text, problem.code) == (
        2,
        "実績",
        "=B2",
        "cell.formula",
    )
    assert "Excel" in problem.message.ja
    assert "open and save" in problem.message.en
    assert result.problem_rows == (2, 4)
    assert result.rows == 3


def test_missing_column_names_the_sheet_read(tmp_path: Path) -> None:
    """The missing-column error of a workbook names the sheet read and the other sheets."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "表紙"
    sheet.append(["台東区の計画"])
    sheet.append(["指標", "ほか"])
    book.create_sheet("別紙")
    path = tmp_path / "c.xlsx"
    book.save(path)
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    assert "「指標」, 「ほか」" in info.value.en
    assert "first sheet '表紙'" in info.value.en
    assert "'別紙'" in info.value.en
    assert "「表紙」" in info.value.ja
    assert "「別紙」" in info.value.ja


def test_merged_formula_without_value_is_a_problem_in_each_row(tmp_path: Path) -> None:
    """A merged goal whose formula was never computed is a problem in every row it spans."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["基本目標", "評価指標", "目標", "実績"])
    sheet.append(['="1 A"', "a", "10件", "12件"])
    sheet.append([None, "b", "10件", "12件"])
    sheet.merge_cells("A2:A3")
    path = tmp_path / "m.xlsx"
    book.save(path)
    result = read_plan(path)
    formulas = [(p.row, p.text) for p in result.problems if p.code == "cell.formula"]
    assert formulas == [(2, '="1 A"'), (3, '="1 A"')]
    assert result.plan.indicators == ()
