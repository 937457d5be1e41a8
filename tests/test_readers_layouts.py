"""Layouts as cities publish them: two header rows, year sub-columns, heading and totals rows.

The tables under ``tests/data`` are written by ``tests/data/make_tables.py``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from achievement import AchievementError, ActualStatus, Quantity
from achievement.cli import main
from achievement.readers import ReadResult, read_plan

DATA = Path(__file__).resolve().parent / "data"
TWO_ROWS = DATA / "dx-plan-two-row-header.csv"
MERGED = DATA / "dx-plan-merged.xlsx"
HEADINGS = DATA / "safety-plan-headings.csv"


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def summary(result: ReadResult) -> list[tuple[object, ...]]:
    """Each indicator as (goal, measure, name, actual, actual year, [(year, earlier value)])."""
    return [
        (
            item.goal.title,
            item.measure.title,
            item.indicator.name,
            item.indicator.actual.value.text,
            item.indicator.actual.fiscal_year,
            [(p.fiscal_year, p.value.text) for p in item.indicator.series],
        )
        for item in result.plan.indicators
    ]


EXPECTED = [
    ("行政のデジタル化", "オンライン申請の拡充", "オンライン申請可能な手続数", "152件", 2024,
     [(2023, "120件")]),
    ("行政のデジタル化", "オンライン申請の拡充", "電子決裁率", "93.4%", 2024, [(2023, "88.5%")]),
    ("行政のデジタル化", "窓口の待ち時間短縮", "平均待ち時間", "15分", 2024, [(2023, "18分")]),
    ("地域のデジタル化", "デジタル人材の育成", "ICT講座の受講者数", "年250人", 2024,
     [(2023, "年210人")]),
    ("地域のデジタル化", "デジタル人材の育成", "公衆無線LANの設置数", "20か所", 2024,
     [(2023, "20か所")]),
]  # fmt: skip


def test_cp932_csv_with_a_two_row_merged_header() -> None:
    """実績値 over 令和5年度 | 令和6年度 (blank under the merge): R6 is the actual, R5 the series."""
    assert TWO_ROWS.read_bytes().decode("cp932").startswith("第2期")
    result = read_plan(TWO_ROWS)
    assert result.header_rows == (2, 3)
    assert summary(result) == EXPECTED
    assert (result.plan.baseline_year, result.plan.target_year) == (2020, 2025)
    assert result.plan.title == "第2期 デジタル推進計画 評価指標一覧(令和6年度実績)"
    assert result.unread_columns == ("参考値(全国平均)",)
    rows, layout = result.layout
    assert rows.ja == "見出しは2行目と3行目の2行から読みました(上の行が結合したセルの見出し)"
    assert rows.en == "the header was read from rows 2 and 3 (the upper row heads merged cells)"
    assert "「実績値/令和6年度」" in layout.ja
    assert "「実績値/令和5年度」" in layout.en
    first = result.plan.indicators[0].indicator
    assert first.target.value.text == "150件"
    assert first.series[0].status is ActualStatus.FINAL
    # the reference column (全国平均 72.0%) is never the actual
    assert result.plan.indicators[1].indicator.actual.value.text == "93.4%"


def test_xlsx_with_merged_header_cells_reads_as_the_csv() -> None:
    """Real merges (header cells over two rows, 実績値 over its years, goal headings across)."""
    result = read_plan(MERGED)
    assert result.header_rows == (2, 3)
    assert summary(result) == EXPECTED
    assert [(p.row, p.code) for p in result.problems] == [
        (row, "cell.unknown_recorded") for row in (5, 6, 7, 9, 10)
    ]
    assert [(s.row, s.code) for s in result.skipped] == [
        (4, "row.heading"),
        (8, "row.heading"),
        (11, "row.totals"),
    ]
    assert result.unread_columns == ("参考値(全国平均)",)


def test_heading_and_totals_rows_are_skipped_with_a_note() -> None:
    """基本目標 headings set the goal of the rows below; 合計 and 小計 rows are skipped."""
    result = read_plan(HEADINGS)
    assert result.problems == ()
    assert [(n.row, n.code, n.severity) for n in result.skipped] == [
        (2, "row.heading", "note"),
        (5, "row.totals", "note"),
        (6, "row.heading", "note"),
        (9, "row.totals", "note"),
    ]
    assert result.skipped[0].message.ja == "見出しの行として読み飛ばしました(以下の行の基本目標)"
    assert result.skipped[0].message.en == "skipped as a heading row (the goal of the rows below)"
    goals = [(i.goal.number, i.goal.title, i.indicator.name) for i in result.plan.indicators]
    assert goals == [
        (1, "安全・安心なまちづくり", "防犯カメラの設置台数"),
        (1, "安全・安心なまちづくり", "刑法犯認知件数"),
        (2, "子育てしやすいまち", "保育所待機児童数"),
    ]
    assert result.rows == 3


@pytest.mark.parametrize("command", ["report", "validate"])
def test_a_real_file_with_headings_and_totals_exits_0(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Heading and totals rows are not errors: the commands exit 0 and name the rows skipped."""
    assert main([command, str(HEADINGS), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "safety-plan-headings.csv:9: 評価指標: 合計: skipped as a totals row" in out + err


def test_report_lists_skipped_rows_as_notes(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON report lists the skipped rows with severity "note"; no row is left out."""
    import json

    assert main(["report", str(HEADINGS), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["row"], p["code"], p["severity"]) for p in data["problems"]] == [
        (2, "row.heading", "note"),
        (5, "row.totals", "note"),
        (6, "row.heading", "note"),
        (9, "row.totals", "note"),
    ]
    assert data["totals"]["indicators"] == 3


def test_json_report_shows_the_series(capsys: pytest.CaptureFixture[str]) -> None:
    """Each indicator of the JSON report has its earlier years, oldest first."""
    import json

    assert main(["report", str(TWO_ROWS), "--format", "json", "--scheme", "degree"]) == 0
    first = json.loads(capsys.readouterr().out)["indicators"][0]
    assert first["series"] == [
        {"fiscal_year": 2023, "text": "120件", "display": "120件", "status": "final"}
    ]
    assert first["actual"]["fiscal_year"] == 2024


HEADER_TOP = ["評価指標", "計画策定時", "実績値", "", "", "目標値(令和7年度)", "備考"]
HEADER_SUB = ["", "", "令和4年度", "令和5年度", "令和6年度(見込)", "", ""]
ROW = ["転入者数", "1,200人", "1,250人", "1,300人", "1,320人", "1,400人", "速報値"]


def test_three_years_and_a_projection() -> None:
    """The latest year, projected (見込), is the actual; the two before it are the series."""
    path = write_csv(Path(_tmp()) / "p.csv", [HEADER_TOP, HEADER_SUB, ROW])
    (item,) = read_plan(path).plan.indicators
    assert item.indicator.actual.value.text == "1,320人"
    assert item.indicator.actual.status is ActualStatus.PROJECTED
    assert item.indicator.actual.fiscal_year == 2024
    assert [(p.fiscal_year, p.value.text) for p in item.indicator.series] == [
        (2022, "1,250人"),
        (2023, "1,300人"),
    ]


def _tmp() -> str:
    import tempfile

    return tempfile.mkdtemp()


@pytest.mark.parametrize(
    ("columns", "actual", "series", "unread"),
    [
        (
            {"実績値/令和5年度": "actual"},
            "1,300人",
            [],
            ("実績値/令和4年度", "実績値/令和6年度(見込)"),
        ),
        ({"D": "actual"}, "1,300人", [], ("実績値/令和4年度", "実績値/令和6年度(見込)")),
        ({"E": "ignore", "実績値/令和4年度": "ignore"}, "1,300人", [], ()),
        ({"実績値": "actual"}, "1,320人", [(2022, "1,250人"), (2023, "1,300人")], ()),
    ],
)
def test_columns_by_combined_header_or_letter(
    tmp_path: Path,
    columns: dict[str, str],
    actual: str,
    series: list[tuple[int, str]],
    unread: tuple[str, ...],
) -> None:
    """``--columns`` names a column by its combined header, its group or its letter."""
    path = write_csv(tmp_path / "p.csv", [HEADER_TOP, HEADER_SUB, ROW])
    result = read_plan(path, columns=columns)
    (item,) = result.plan.indicators
    assert item.indicator.actual.value.text == actual
    assert [(p.fiscal_year, p.value.text) for p in item.indicator.series] == series
    assert tuple(h for h in result.unread_columns if h != "備考") == unread


def test_columns_letter_names_a_column_without_a_header(tmp_path: Path) -> None:
    """A column with no header is mapped by its letter; unmapped, it is listed as unread."""
    rows = [["指標", "目標", "", "x"], ["転入者数", "1,400人", "1,320人", "1"]]
    path = write_csv(tmp_path / "p.csv", rows)
    with pytest.raises(AchievementError):
        read_plan(path)
    result = read_plan(path, columns={"C": "actual"})
    assert result.plan.indicators[0].indicator.actual.value.text == "1,320人"
    assert result.unread_columns == ("x",)
    rows = [["指標", "目標", "実績", ""], ["転入者数", "1,400人", "1,320人", "memo"]]
    assert read_plan(write_csv(tmp_path / "q.csv", rows)).unread_columns == ("D",)


def test_unknown_column_name_mentions_letters(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [HEADER_TOP, HEADER_SUB, ROW])
    with pytest.raises(AchievementError) as info:
        read_plan(path, columns={"実績値/令和3年度": "actual"})
    assert "F=actual" in info.value.en
    assert "「実績値/令和4年度」" in info.value.ja


def test_latest_actual_after_the_target_year_is_refused(tmp_path: Path) -> None:
    """Two readings (the target's year or the latest): refused, naming the columns."""
    top = ["評価指標", "実績", "", "目標(令和6年度)"]
    sub = ["", "令和6年度", "令和7年度", ""]
    path = write_csv(tmp_path / "p.csv", [top, sub, ["a", "1件", "2件", "3件"]])
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    assert "「実績/令和6年度」, 「実績/令和7年度」" in info.value.en
    assert "目標(令和6年度)" in info.value.ja


def test_one_actual_column_after_the_target_year_is_read_with_a_note(tmp_path: Path) -> None:
    """A single actual column of a later year than the target's is read, and a note says the
    value compared is not the target year's; the same year gives no such note."""
    late = ["評価指標", "目標(令和7年度)", "実績(令和8年度)"]
    path = write_csv(tmp_path / "late.csv", [late, ["結成率", "90%", "91%"]])
    result = read_plan(path)
    (item,) = result.plan.indicators
    assert item.indicator.actual.value.text == "91%"
    (note,) = [n for n in result.layout if "目標年度の値ではなく" in n.ja]
    assert "「実績(令和8年度)」" in note.ja
    assert "「目標(令和7年度)」" in note.ja
    assert "is for a year after the target's" in note.en
    same = ["評価指標", "目標(令和7年度)", "実績(令和7年度)"]
    path = write_csv(tmp_path / "same.csv", [same, ["結成率", "90%", "91%"]])
    assert not [n for n in read_plan(path).layout if "目標年度の値ではなく" in n.ja]


def test_targets_of_several_years_are_refused(tmp_path: Path) -> None:
    """目標値 over 令和6年度 | 令和7年度: which target counts is not guessed."""
    top = ["評価指標", "実績値(令和6年度)", "目標値", ""]
    sub = ["", "", "令和6年度", "令和7年度"]
    path = write_csv(tmp_path / "p.csv", [top, sub, ["a", "1件", "2件", "3件"]])
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    assert "「目標値/令和6年度」, 「目標値/令和7年度」" in info.value.en
    assert "--columns" in info.value.ja


def test_units_row_gives_bare_numbers_their_unit(tmp_path: Path) -> None:
    """A second header row of units: ``92.1`` under ``(%)`` reads as 92.1%, and a note says so."""
    top = ["評価指標", "計画策定時", "目標値", "実績値"]
    sub = ["", "(%)", "(%)", "(%)"]
    path = write_csv(tmp_path / "p.csv", [top, sub, ["満足度", "88.0", "95.0以上", "93.4"]])
    result = read_plan(path)
    (item,) = result.plan.indicators
    actual = item.indicator.actual.value
    assert isinstance(actual, Quantity)
    assert (actual.amount, actual.unit, actual.text) == (actual.amount, "%", "93.4")
    assert any("「実績値」" in note.ja and "'%'" in note.en for note in result.layout)


def test_inverted_header_year_over_words(tmp_path: Path) -> None:
    """令和6年度 over 実績 | 目標 reads as 令和6年度/実績 and 令和6年度/目標."""
    top = ["評価指標", "令和6年度", ""]
    sub = ["", "実績", "目標"]
    path = write_csv(tmp_path / "p.csv", [top, sub, ["a", "3件", "2件"]])
    result = read_plan(path)
    (item,) = result.plan.indicators
    assert (item.indicator.actual.value.text, item.indicator.target.value.text) == ("3件", "2件")
    assert result.plan.target_year == 2024


def test_unreadable_earlier_year_is_a_warning(tmp_path: Path) -> None:
    """A series cell that cannot be read does not change the judgment: a warning, the row kept."""
    row = ["転入者数", "1,200人", "5件未満", "1,300人", "1,320人", "1,400人", ""]
    path = write_csv(tmp_path / "p.csv", [HEADER_TOP, HEADER_SUB, row])
    result = read_plan(path)
    (problem,) = result.problems
    assert (problem.code, problem.severity, problem.row, problem.column) == (
        "cell.unreadable_series",
        "warning",
        3,
        "実績値/令和4年度",
    )
    assert "2022年度" in problem.message.ja
    assert [p.fiscal_year for p in result.plan.indicators[0].indicator.series] == [2023]


@pytest.mark.parametrize(
    ("header", "recorded", "indicator", "unread"),
    [
        (["評価内容", "目標", "実績", "評価"], "達成", "図書貸出冊数", ()),
        (
            ["評価指標", "目標", "実績", "評価", "評価コメント"],
            "達成",
            "図書貸出冊数",
            ("評価コメント",),
        ),
    ],
)
def test_exact_header_wins_over_a_keyword_inside_a_longer_one(
    tmp_path: Path,
    header: list[str],
    recorded: str,
    indicator: str,
    unread: tuple[str, ...],
) -> None:
    """評価 is the published judgment even beside 評価内容 (the indicator) or 評価コメント."""
    row = ["図書貸出冊数", "120万冊", "125万冊", "達成", "順調"][: len(header)]
    path = write_csv(tmp_path / "p.csv", [header, row])
    result = read_plan(path)
    (item,) = result.plan.indicators
    assert (item.indicator.name, item.recorded_text) == (indicator, recorded)
    assert result.unread_columns == unread


def test_two_inexact_headers_for_one_field_are_still_refused(tmp_path: Path) -> None:
    """評価結果 and 評価コメント: neither is exactly 評価, so neither is chosen."""
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["評価指標", "目標", "実績", "評価結果", "評価コメント"],
            ["a", "1件", "2件", "達成", "x"],
        ],
    )
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    assert "「評価結果」, 「評価コメント」" in info.value.en


def test_the_tables_are_what_their_script_writes(tmp_path: Path) -> None:
    """make_tables.py writes the same CSV bytes, and an XLSX with the merges that reads the same."""
    import importlib.util

    from openpyxl import load_workbook

    spec = importlib.util.spec_from_file_location("make_tables", DATA / "make_tables.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_csv(tmp_path)
    module.write_xlsx(tmp_path)
    for name in ("dx-plan-two-row-header.csv", "safety-plan-headings.csv"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes()
    merged = {
        str(r) for r in load_workbook(tmp_path / MERGED.name).worksheets[0].merged_cells.ranges
    }
    assert {"A1:H1", "A2:A3", "C2:C3", "D2:E2", "F2:F3", "A4:H4"} <= merged
    assert read_plan(tmp_path / MERGED.name).plan == read_plan(MERGED).plan


def test_totals_row_with_uncomputed_sums_is_skipped(tmp_path: Path) -> None:
    """A program-written 合計 row with =SUM() never computed is still a totals row; a row whose
    only text is a goal but whose values are uncomputed formulas is not a heading."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["基本目標", "評価指標", "目標", "実績"])
    sheet.append(["1 安全", "a", "10件", "12件"])
    sheet.append(["2 子育て", None, "=1+1", None])
    sheet.append([None, "合計", "=SUM(C2:C3)", "=SUM(D2:D3)"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    result = read_plan(path)
    assert [(n.row, n.code) for n in result.skipped] == [(4, "row.totals")]
    assert result.problem_rows == (3,)
    assert {p.code for p in result.problems} == {"cell.formula", "row.no_indicator"}


@pytest.mark.parametrize(
    ("header", "words"),
    [
        (["評価指標", "目標(令和7年度)", "実績(令和5年度)", "全国の実績(令和6年度)"], None),
        (
            ["評価指標", "目標(令和7年度)", "実績(令和5年度)", "直近値(令和6年度)"],
            "「実績(令和5年度)」, 「直近値(令和6年度)」",
        ),
    ],
)
def test_a_later_column_that_is_not_the_same_series_is_never_the_actual(
    tmp_path: Path, header: list[str], words: str | None
) -> None:
    """A reference column of a later year is not read; two differently named actual columns of
    different years are not a series: refused, naming both."""
    path = write_csv(tmp_path / "p.csv", [header, ["a", "10件", "8件", "12件"]])
    if words is None:
        result = read_plan(path)
        assert result.plan.indicators[0].indicator.actual.value.text == "8件"
        assert result.unread_columns == ("全国の実績(令和6年度)",)
        return
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    assert words in info.value.en


def test_series_survive_a_plan_file(tmp_path: Path) -> None:
    """A plan read from a two-row table, written as a plan file and read back, keeps its series."""
    pytest.importorskip("yaml")
    from achievement.readers import dump_plan

    plan = read_plan(TWO_ROWS).plan
    for fmt, text in (("yaml", dump_plan(plan, "yaml")), ("json", dump_plan(plan, "json"))):
        path = tmp_path / f"plan.{fmt}"
        path.write_text(text, encoding="utf-8")
        again = read_plan(path)
        assert summary(again) == EXPECTED
        assert again.plan.indicators == plan.indicators


def test_unreadable_series_value_in_a_plan_file_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(
        '{"goals": [{"title": "g", "measures": [{"title": "m", "indicators": [{"name": "a", '
        '"target": "10件", "actual": "8件", "series": [{"fiscal_year": 2023, "value": "5件未満"}, '
        '{"fiscal_year": 2024, "value": "7件", "status": "projected"}]}]}]}]}',
        encoding="utf-8",
    )
    result = read_plan(path)
    (problem,) = result.problems
    assert (problem.code, problem.severity) == ("cell.unreadable_series", "warning")
    assert problem.column == "goals[0].measures[0].indicators[0].series[0].value"
    (point,) = result.plan.indicators[0].indicator.series
    assert (point.fiscal_year, point.value.text, point.status) == (
        2024,
        "7件",
        ActualStatus.PROJECTED,
    )


def test_a_data_row_with_header_words_is_not_a_second_header_row(tmp_path: Path) -> None:
    """A cell that merely contains a header word (判定業務) under a header with a year is data."""
    rows = [
        ["目標(令和7年度)", "評価指標", "令和7年度 実績見込"],
        ["判定業務へのAIの活用", "", ""],
    ]
    result = read_plan(write_csv(tmp_path / "p.csv", rows))
    assert result.header_rows == (1,)
    assert result.rows + len(result.skipped) == 1
