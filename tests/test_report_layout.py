"""What a council reads first: the plan's name, then the judgments that differ from the
published ones, in every format; one vocabulary per language; the JSON and its schema;
the workbook's print setup."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from achievement.cli import main
from achievement.readers import read_plan
from achievement.render import FORMATS, render
from achievement.rollup import Report, evaluate_plan, regrade
from achievement.schemes import get_scheme

TWO_DISAGREEMENTS = (
    "○○市情報化計画\n"
    "評価指標,計画策定時,目標,実績,評価\n"
    "オンライン手続比率,10%,60%,20%,達成\n"
    "マイナンバーカード交付率,35%,60%,91%,×\n"
    "窓口の待ち時間,45分,減少,41分,達成\n"
)
"""A table whose published 評価 differs from the judgment on rows 3 and 4."""


@pytest.fixture
def two(tmp_path: Path) -> Path:
    path = tmp_path / "two.csv"
    path.write_text(TWO_DISAGREEMENTS, encoding="utf-8")
    return path


@pytest.fixture
def two_report(two: Path) -> Report:
    return evaluate_plan(read_plan(two).plan)


def test_text_report_names_both_disagreements(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text report opens with the plan's name and the count, then lists both rows with
    the published and the computed outcome, before the summary table."""
    assert main(["report", str(two)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "○○市情報化計画 達成状況"
    assert lines[1] == "公表された評価と判定が異なる評価指標: 2件"
    listed = out[: out.index("計画事業の達成状況")]
    assert re.search(r"│ 3\s+│ オンライン手続比率\s+│ 達成\s+│ 未達成\s+│ 実績 20%は", listed)
    assert re.search(r"│ 4\s+│ マイナンバーカード交付率\s+│ 未達成\s+│ 達成\s+│ 実績 91%は", listed)
    assert "窓口の待ち時間" not in listed


def test_text_detail_prints_every_indicator(two: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--detail adds the table of every indicator; without it there is none."""
    assert main(["report", str(two), "--lang", "en"]) == 0
    heading = re.compile(r"^ *Indicators *$", re.M)
    assert not heading.search(capsys.readouterr().out)
    assert main(["report", str(two), "--lang", "en", "--detail"]) == 0
    out = capsys.readouterr().out
    found = heading.search(out)
    assert found is not None
    detail = out[found.start() :]
    for name in ("オンライ", "マイナン", "窓口の待"):  # the start of each name, before a fold
        assert name in detail


def test_title_option_names_the_plan(two: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--title replaces the plan's name in every format's heading."""
    assert main(["report", str(two), "--title", "別の計画", "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# 別の計画 達成状況\n")
    assert main(["report", str(two), "--title", "別の計画", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["plan"]["title"] == "別の計画"


@pytest.mark.parametrize("fmt", ["text", "md", "csv", "html"])
def test_every_format_opens_with_the_name_and_the_disagreements(
    two_report: Report, fmt: str
) -> None:
    """The plan's name, the count and both rows come before the summary table."""
    output = render(two_report, fmt, lang="en")
    assert isinstance(output, str)
    name = output.index("○○市情報化計画")
    count = output.index("differs from the published one: 2")
    summary = output.index("Achievement by goal and measure") if fmt != "csv" else len(output)
    assert name < count < summary
    head = output[:summary]
    assert "オンライン手続比率" in head
    assert "マイナンバーカード交付率" in head


def test_json_and_xlsx_list_the_disagreements(two_report: Report) -> None:
    """JSON counts and lists them (computed as the outcome's identity); XLSX lists them on
    top of the summary sheet, highlighted, and highlights their detail rows."""
    data = json.loads(str(render(two_report, "json", lang="ja")))
    assert data["disagreements"]["count"] == 2
    assert [
        (d["row"], d["published"], d["published_text"], d["computed"])
        for d in data["disagreements"]["indicators"]
    ] == [(3, "achieved", "達成", "not_achieved"), (4, "not_achieved", "×", "achieved")]
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(bytes(render(two_report, "xlsx", lang="ja"))))
    summary, detail = book.worksheets
    assert summary["A1"].value == "○○市情報化計画 達成状況"
    assert summary["A2"].value == "公表された評価と判定が異なる評価指標: 2件"
    names = [summary.cell(r, 1).value for r in range(5, 7)]
    assert names == ["オンライン手続比率", "マイナンバーカード交付率"]
    assert summary.cell(5, 1).fill.fgColor.rgb == "00FFF4CE"
    fills = [detail.cell(r, 4).fill.fgColor.rgb for r in range(2, 5)]
    assert fills == ["00FFF4CE", "00FFF4CE", "00000000"]


def test_no_published_column_is_said(tmp_path: Path) -> None:
    """A table without a 評価 column says nothing was reconciled rather than 0 differences."""
    path = tmp_path / "plain.csv"
    path.write_text("評価指標,目標,実績\nA,60%,20%\n", encoding="utf-8")
    text = render(evaluate_plan(read_plan(path).plan), "text", lang="ja")
    assert "公表された評価の列がないため、判定との照合はしていません" in str(text)
    assert "異なる評価指標" not in str(text)


def test_binary_does_not_repeat_the_summary(taito_report: Report) -> None:
    """Under binary the grade distribution is not printed; under degree it is."""
    for fmt in ("text", "md", "html"):
        assert "評価区分の分布" not in str(render(taito_report, fmt, lang="ja"))
        graded = regrade(taito_report, get_scheme("degree"))
        assert "評価区分の分布" in str(render(graded, fmt, lang="ja"))


def test_japanese_output_has_japanese_style_names(taito_report: Report) -> None:
    """Style, outcome and measurement names are Japanese in Japanese output; progress and
    achievement degree are percentages; English output capitalises its labels."""
    rows = list(csv.reader(io.StringIO(str(render(taito_report, "csv", lang="ja")))))
    header, body = rows[3], rows[4:]
    styles = {row[header.index("評価方式")] for row in body}
    assert styles == {"閾値", "方向", "累計", "段階"}
    online = body[1]
    assert online[header.index("進捗率")] == "20.0%"
    assert online[header.index("達成度")] == "33.3%"
    english = list(csv.reader(io.StringIO(str(render(taito_report, "csv", lang="en")))))
    head_en, body_en = english[3], english[4:]
    assert {row[head_en.index("Style")] for row in body_en} == {
        "Threshold",
        "Direction",
        "Cumulative",
        "Ordinal",
    }
    assert {row[head_en.index("Outcome")] for row in body_en} == {"Achieved", "Not achieved"}
    assert {row[head_en.index("Agrees")] for row in body_en} == {"Yes"}
    data = json.loads(str(render(taito_report, "json", lang="en")))
    assert data["indicators"][1]["progress"] == "0.2000"
    assert data["indicators"][1]["style"] == "threshold"


def test_deadline_style_has_its_labels() -> None:
    """The deadline style is named 期限 / Deadline."""
    from achievement.render.labels import style_label

    assert (style_label("deadline", "ja"), style_label("deadline", "en")) == ("期限", "Deadline")
    assert style_label("range", "ja") == "range"  # a plugin's style as it names it


def test_json_validates_against_the_report_schema(
    two_report: Report, taito_report: Report, capsys: pytest.CaptureFixture[str]
) -> None:
    """`achievement schema --report` is a draft 2020-12 schema every JSON report meets, with
    its properties in report order; a report with an extra key does not meet it."""
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["schema", "--report"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert list(schema["properties"])[:8] == [
        "plan",
        "lang",
        "disagreements",
        "totals",
        "goals",
        "measures",
        "indicators",
        "problems",
    ]
    validator = jsonschema.Draft202012Validator(schema)
    reports = [two_report, taito_report, regrade(taito_report, get_scheme("soumu5"))]
    for report in reports:
        for lang in ("ja", "en"):
            data = json.loads(str(render(report, "json", lang=lang)))
            validator.validate(data)
            assert list(data)[:8] == list(schema["properties"])[:8]
    data["indicators"][0]["extra"] = 1
    assert not validator.is_valid(data)
    data["indicators"][0].pop("extra")
    data["totals"]["rate"] = 71.4
    assert not validator.is_valid(data)


def test_xlsx_print_setup(taito_report: Report) -> None:
    """Both sheets print A4 landscape, one page wide, headers repeated, panes frozen; column
    widths follow the Japanese text."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(bytes(render(taito_report, "xlsx", lang="ja"))))
    summary, detail = book.worksheets
    for sheet in (summary, detail):
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert int(sheet.page_setup.fitToWidth) == 1
        assert int(sheet.page_setup.fitToHeight) == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert "台東区情報化推進計画" in sheet.oddHeader.center.text
    assert detail.print_title_rows == "$1:$1"
    assert detail.freeze_panes == "A2"
    header_row = int(summary.print_title_rows.split(":")[0].strip("$"))
    assert summary.cell(header_row, 1).value == "施策名"
    assert summary.freeze_panes == f"B{header_row + 2}"
    widths = {
        detail.cell(1, c).value: detail.column_dimensions[chr(64 + c)].width for c in range(1, 16)
    }
    assert widths["評価"] == 8  # 未達成: 3 wide characters and a margin
    assert widths["理由"] == 50
    # 基本目標1. 新たな日常・生活に対応する区民サービスの提供: 26 wide characters, 3 narrow
    assert summary.column_dimensions["A"].width == 26 * 2 + 3 + 2


def test_every_format_renders_the_title(taito_report: Report) -> None:
    """The plan's name heads every format."""
    for fmt in FORMATS:
        output = render(taito_report, fmt, lang="ja")
        text = output.decode("latin-1") if isinstance(output, bytes) else output
        if isinstance(output, bytes):
            openpyxl = pytest.importorskip("openpyxl")
            book = openpyxl.load_workbook(io.BytesIO(output))
            text = str(book.worksheets[0]["A1"].value)
        assert "台東区情報化推進計画" in text[:400], fmt


def test_a_row_without_a_published_outcome_is_counted_not_listed(tmp_path: Path) -> None:
    """A blank 評価 is neither agreement nor disagreement: counted on its own, not listed."""
    path = tmp_path / "partial.csv"
    path.write_text(
        "評価指標,目標,実績,評価\nA,60%,20%,達成\nB,60%,91%,\nC,60%,70%,達成\n", encoding="utf-8"
    )
    report = evaluate_plan(read_plan(path).plan)
    text = str(render(report, "md", lang="ja"))
    assert "公表された評価と判定が異なる評価指標: 1件" in text
    assert "公表された評価がない評価指標: 1件(照合していません)" in text
    listed = text.split("## 公表された評価と異なる判定", 1)[1].split("\n## ", 1)[0]
    assert "| 2 | A |" in listed
    assert "| 3 | B |" not in listed
    data = json.loads(str(render(report, "json", lang="en")))
    assert (data["disagreements"]["count"], data["disagreements"]["unpublished"]) == (1, 1)


def test_xlsx_text_is_never_a_formula(tmp_path: Path) -> None:
    """An indicator named like a formula is written to the workbook as text."""
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "odd.csv"
    path.write_text("評価指標,目標,実績,評価\n=1+1,60%,20%,達成\n", encoding="utf-8")
    report = evaluate_plan(read_plan(path).plan)
    book = openpyxl.load_workbook(io.BytesIO(bytes(render(report, "xlsx", lang="ja"))))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    named = [c for c in cells if c.value == "=1+1"]
    assert len(named) == 3  # the disagreement list, the main not achieved, the detail
    assert {c.data_type for c in named} == {"s"}
