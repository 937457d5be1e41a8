"""``achievement annotate``: the city's own table, unchanged but for its 評価 and 判定理由 columns."""

from __future__ import annotations

import csv
import io
import os
from copy import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from achievement.cli import main
from achievement.render._annotate import plain_text

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parent.parent
TAITO_XLSX = ROOT / "examples" / "taito-2025" / "taito-2025.xlsx"


def _style(cell: Any) -> tuple[object, ...]:
    """The cell's style as plain values (openpyxl's style proxies do not compare)."""
    return (
        copy(cell.font),
        copy(cell.fill),
        copy(cell.border),
        copy(cell.alignment),
        cell.number_format,
        copy(cell.protection),
    )


def _snapshot(path: Path) -> dict[str, Any]:
    """Every cell's value and style, the merges, widths and panes of every sheet."""
    book = openpyxl.load_workbook(path)
    sheets = {}
    for sheet in book.worksheets:
        sheets[sheet.title] = {
            "cells": {
                (cell.row, cell.column): (cell.value, cell.data_type, _style(cell))
                for row in sheet.iter_rows()
                for cell in row
            },
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "widths": {k: v.width for k, v in sheet.column_dimensions.items()},
            "heights": {k: v.height for k, v in sheet.row_dimensions.items() if v.height},
            "freeze": sheet.freeze_panes,
            "max": (sheet.max_row, sheet.max_column),
        }
    return {"names": book.sheetnames, "sheets": sheets}


def _kept(before: dict[str, Any], after: dict[str, Any], changed: set[tuple[int, int]]) -> None:
    """Every original cell of every sheet is in ``after`` as it was, but ``changed``."""
    assert after["names"] == before["names"]
    for name, old in before["sheets"].items():
        new = after["sheets"][name]
        for at, cell in old["cells"].items():
            if name == before["names"][0] and at in changed:
                assert new["cells"][at][2] == cell[2], at  # the style is kept
                continue
            assert new["cells"][at] == cell, (name, at)
        assert new["merged"] == old["merged"]
        assert new["freeze"] == old["freeze"]
        assert {k: v for k, v in new["widths"].items() if k in old["widths"]} == old["widths"]
        assert new["heights"] == old["heights"]


def test_bundled_workbook_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The Taito workbook keeps every cell and style; 判定理由 is added after the last column
    with a reason on each of the 28 rows; the city's 評価 is kept as published."""
    source = tmp_path / "taito.xlsx"
    source.write_bytes(TAITO_XLSX.read_bytes())
    out = tmp_path / "out.xlsx"
    before = _snapshot(source)
    assert main(["annotate", str(source), "-o", str(out)]) == 0
    assert source.read_bytes() == TAITO_XLSX.read_bytes()
    after = _snapshot(out)
    _kept(before, after, changed=set())
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet.cell(2, 10).value == "判定理由"
    assert sheet.cell(2, 10).font.b  # styled like the header beside it
    reasons = [sheet.cell(row, 10).value for row in range(3, 31)]
    assert all(isinstance(text, str) and text for text in reasons)
    assert reasons[1].startswith("実績 20%は目標 60%以上に届かない")
    assert [sheet.cell(row, 8).value for row in range(3, 31)].count("達成") == 20
    err = capsys.readouterr().err
    assert "記入済みのため残した行: 28" in err
    assert "「判定理由」" in err


def _styled_plan(path: Path) -> None:
    """A workbook as a city keeps it: a merged title, styled two-row header area, a blank
    評価 column, merged measure cells, a formula column, and a second sheet."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "指標"
    sheet["A1"] = "○○市総合計画 評価指標"
    sheet["A1"].font = Font(bold=True, size=14, color="1F3864")
    sheet.merge_cells("A1:G1")
    header = ["施策", "評価指標", "計画策定時", "目標", "実績", "評価", "差分"]
    thin = Side(style="thin", color="000000")
    for column, text in enumerate(header, start=1):
        cell = sheet.cell(2, column, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    rows = [
        ("1. 子育て支援", "保育所待機児童数", 12, 0, 3, None),
        (None, "子育て相談件数", 800, 1000, 1200, None),
        ("2. 健康づくり", "特定健診受診率", 0.35, 0.6, 0.62, None),
    ]
    for offset, (measure, name, base, target, actual, recorded) in enumerate(rows):
        at = 3 + offset
        for column, value in enumerate((measure, name, base, target, actual, recorded), 1):
            cell = sheet.cell(at, column, value)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if isinstance(value, float):
                cell.number_format = "0%"
        sheet.cell(at, 7, f"=E{at}-D{at}").number_format = "#,##0.00"
    sheet.merge_cells("A3:A4")
    sheet.column_dimensions["B"].width = 24
    sheet.row_dimensions[2].height = 30
    sheet.freeze_panes = "C3"
    other = book.create_sheet("集計")
    other["A1"] = "合計"
    other["B1"] = "=SUM(指標!E3:E5)"
    other["A1"].font = Font(italic=True, color="C00000")
    other.merge_cells("C1:D2")
    book.save(path)


def test_styled_workbook_round_trip(tmp_path: Path) -> None:
    """Merges, formulas, styles and the second sheet are kept; the blank 評価 cells are filled
    with the computed outcome and 判定理由 is added after the formula column."""
    source = tmp_path / "plan.xlsx"
    _styled_plan(source)
    out = tmp_path / "annotated.xlsx"
    before = _snapshot(source)
    assert main(["annotate", str(source), "-o", str(out)]) == 0
    after = _snapshot(out)
    _kept(before, after, changed={(3, 6), (4, 6), (5, 6)})
    book = openpyxl.load_workbook(out)
    sheet = book["指標"]
    assert [sheet.cell(r, 6).value for r in (3, 4, 5)] == ["未達成", "達成", "達成"]
    assert sheet.cell(2, 8).value == "判定理由"
    assert sheet.cell(2, 8).fill.fgColor.rgb == "00DDEBF7"
    assert sheet.cell(3, 8).value.startswith("実績 3は目標 0以下を上回るため未達成")
    assert sheet.cell(3, 7).value == "=E3-D3"
    assert sheet.cell(3, 7).data_type == "f"
    assert book["集計"]["B1"].value == "=SUM(指標!E3:E5)"


def test_grade_column_under_a_scheme(tmp_path: Path) -> None:
    """Under --scheme degree a 評価区分 column comes before 判定理由."""
    source = tmp_path / "plan.xlsx"
    _styled_plan(source)
    out = tmp_path / "graded.xlsx"
    assert main(["annotate", str(source), "-o", str(out), "--scheme", "degree"]) == 0
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [sheet.cell(2, c).value for c in (8, 9)] == ["評価区分", "判定理由"]
    assert [sheet.cell(r, 8).value for r in (3, 4, 5)] == ["D", "A", "A"]


def test_annotated_workbook_reads_back_with_the_same_judgments(tmp_path: Path) -> None:
    """The annotated copy is a plan the library reads: 評価 is now published and agrees."""
    source = tmp_path / "plan.csv"
    source.write_text(
        "評価指標,計画策定時,目標,実績,評価\nA,10%,60%,20%,\nB,35%,60%,91%,\n", encoding="utf-8"
    )
    out = tmp_path / "out.csv"
    assert main(["annotate", str(source), "-o", str(out), "--scheme", "degree"]) == 0
    from achievement.readers import read_plan

    result = read_plan(out)
    assert [i.recorded_text for i in result.plan.indicators] == ["未達成", "達成"]
    assert result.unread_columns == ("評価区分", "判定理由")


@pytest.mark.parametrize(("encoding", "end"), [("cp932", "\r\n"), ("utf-8-sig", "\n")])
def test_csv_keeps_encoding_and_line_endings(tmp_path: Path, encoding: str, end: str) -> None:
    """A Shift_JIS CSV with CRLF stays Shift_JIS with CRLF (UTF-8 with BOM and LF too); every
    original cell is kept; without a 評価 column one is added, then 判定理由."""
    lines = [
        "評価指標,計画策定時,目標,実績",
        "オンライン手続比率,10%,60%,20%",
        "交付率,35%,60%,91%",
    ]
    data = (end.join(lines) + end).encode(encoding)
    source = tmp_path / "plan.csv"
    source.write_bytes(data)
    out = tmp_path / "out.csv"
    assert main(["annotate", str(source), "-o", str(out)]) == 0
    assert source.read_bytes() == data
    written = out.read_bytes()
    assert written.count(end.encode()) == 3
    if end == "\n":
        assert b"\r" not in written
    if encoding == "utf-8-sig":
        assert written.startswith(b"\xef\xbb\xbf")
    text = written.decode(encoding)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    original = list(csv.reader(io.StringIO(data.decode(encoding), newline="")))
    assert [row[:4] for row in rows] == original
    assert rows[0][4:] == ["評価", "判定理由"]
    assert [row[4] for row in rows[1:]] == ["未達成", "達成"]


def test_never_writes_over_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """OUT naming the input, or a link to it, is refused with exit 2 and the input unchanged."""
    source = tmp_path / "plan.csv"
    data = "評価指標,目標,実績\nA,60%,20%\n".encode()
    source.write_bytes(data)
    link = tmp_path / "link.csv"
    os.symlink(source, link)
    for out in (source, link, tmp_path / "." / "plan.csv"):
        assert main(["annotate", str(source), "-o", str(out)]) == 2
        assert "は読み込むファイル" in capsys.readouterr().err
        assert source.read_bytes() == data
    assert main(["annotate", str(source), "-o", str(tmp_path / "x.xlsx"), "--lang", "en"]) == 2
    assert "suffix of the input" in capsys.readouterr().err


def test_rows_not_read_get_the_problem_as_their_reason(tmp_path: Path) -> None:
    """A row whose target cannot be read keeps its 評価 blank and names the problem; exit 1."""
    source = tmp_path / "plan.csv"
    source.write_text("評価指標,目標,実績,評価\nA,60%未満,20%,\nB,60%,91%,\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["annotate", str(source), "-o", str(out)]) == 1
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[1][3] == ""
    assert rows[1][4].startswith("目標: ")
    assert rows[2][3:5] == ["達成", rows[2][4]]


def test_workbook_with_a_chart_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A chart openpyxl would drop is refused, not silently lost."""
    from openpyxl.chart import BarChart, Reference

    source = tmp_path / "chart.xlsx"
    _styled_plan(source)
    book = openpyxl.load_workbook(source)
    chart = BarChart()
    chart.add_data(Reference(book.worksheets[0], min_col=5, min_row=2, max_row=5))
    book.worksheets[1].add_chart(chart, "F2")
    book.save(source)
    assert main(["annotate", str(source), "-o", str(tmp_path / "o.xlsx"), "--lang", "en"]) == 2
    assert "charts" in capsys.readouterr().err
    assert not (tmp_path / "o.xlsx").exists()


def test_text_is_never_a_live_formula() -> None:
    """Text a spreadsheet would read as a formula is written with an apostrophe in CSV."""
    assert plain_text("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert plain_text("+SUM(A1)") == "'+SUM(A1)"
    assert plain_text("-5") == "-5"  # a number stays a number
    assert plain_text("実績 20%") == "実績 20%"


_TARGETS = ["60%", "0%", "減少", "増加", "推進", "年5件(累計31件)", "110件"]
_ACTUALS = ["20%", "91%", "0%", "41分", "推進", "検討", "年27件(累計59件)", "785件", "―"]
_PUBLISHED = ["", "", "達成", "未達成", "〇", "×"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_TARGETS), st.sampled_from(_ACTUALS), st.sampled_from(_PUBLISHED)
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_annotating_then_reading_agrees_everywhere_it_filled(
    tmp_path: Path, rows: list[tuple[str, str, str]], end: str
) -> None:
    """Law: every original cell is kept, each blank 評価 gets the judgment, so reading the
    copy back finds every filled row agreeing; rows the city filled keep their text."""
    from achievement.readers import read_plan

    lines = ["評価指標,計画策定時,目標,実績,評価"]
    lines += [f"指標{n},10%,{t},{a},{p}" for n, (t, a, p) in enumerate(rows)]
    source = tmp_path / "law.csv"
    source.write_bytes((end.join(lines) + end).encode("utf-8"))
    out = tmp_path / "law-out.csv"
    code = main(["annotate", str(source), "-o", str(out)])
    assert code in (0, 1)
    original = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"), newline="")))
    written = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert out.read_bytes().count(end.encode()) == len(lines)
    for before, after in zip(original, written, strict=True):
        kept = [cell for index, cell in enumerate(before) if index != 4 or cell]
        assert [after[i] for i, cell in enumerate(before) if i != 4 or cell] == kept
    again = read_plan(out)
    for item in again.plan.indicators:
        n = int(item.indicator.name.removeprefix("指標"))
        if rows[n][2] == "":
            assert item.recorded is not None
    report_rows = {i.row for i in again.plan.indicators}
    from achievement.rollup import evaluate_plan

    for result in evaluate_plan(again.plan).results:
        n = int(result.entry.indicator.name.removeprefix("指標"))
        if rows[n][2] == "":
            assert result.agrees is True, result.entry.row
    assert report_rows | set(again.problem_rows) == set(range(2, 2 + len(rows)))
