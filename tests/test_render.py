"""Renderers: each format shows the seed's numbers, in Japanese or English, the same every time."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from achievement.render import FORMATS, render
from achievement.render.labels import LABELS, label
from achievement.rollup import Report, regrade
from achievement.schemes import get_scheme

from .test_rollup import SEED_MAIN_ACHIEVED, SEED_MAIN_NOT_ACHIEVED, SEED_SUMMARY


def _measure(number: int, title: str, priority: bool, lang: str = "ja") -> str:
    mark = {"ja": "(重点施策)", "en": " (priority measure)"}[lang] if priority else ""
    return f"{number}. {title}{mark}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_format_renders_the_same_bytes_twice(
    taito_report: Report, fmt: str, lang: str
) -> None:
    """Two renders of one report in one format and language are byte-identical."""
    assert render(taito_report, fmt, lang=lang) == render(taito_report, fmt, lang=lang)


def test_unknown_format_is_refused(taito_report: Report) -> None:
    """A format that does not exist raises ValueError naming the known ones."""
    with pytest.raises(ValueError, match="xlsx"):
        render(taito_report, "pdf")


def test_every_label_exists_in_both_languages() -> None:
    """The catalogue has a non-empty Japanese and English text for every key."""
    assert all(text.ja and text.en for text in LABELS.values())


def test_text_shows_the_seed_summary_table(taito_report: Report) -> None:
    """The text summary has each measure with its counts, 合計 28/20/8 and 達成率 71.4%."""
    text = render(taito_report, "text", lang="ja")
    assert isinstance(text, str)
    for _goal, number, title, priority, count, achieved, not_achieved in SEED_SUMMARY:
        row = re.escape(_measure(number, title, priority))
        assert re.search(rf"│ {row}\s*│\s+{count} │\s+{achieved} │\s+{not_achieved} │", text)
    assert re.search(r"│ 合計\s*│\s+28 │\s+20 │\s+8 │\s+0 │\s+71\.4% │", text)
    assert not re.search(r"^│ 達成率\s*│", text, re.M)  # no rate row repeating the total's rate
    for number in (1, 2, 3):
        assert f"基本目標{number}. " in text
    assert "主な評価指標の選び方" in text
    assert "評価指標数(重複除く): 27" in text


def test_text_in_english(taito_report: Report) -> None:
    """With lang en the text labels are English and the numbers the same."""
    text = render(taito_report, "text", lang="en")
    assert isinstance(text, str)
    assert re.search(r"│ Total\s*│\s+28 │\s+20 │\s+8 │\s+0 │", text)
    assert "Goal 1. " in text
    assert "How the main indicators are chosen" in text
    assert "合計" not in text


def test_markdown_has_summary_highlights_and_detail(taito_report: Report) -> None:
    """The Markdown summary rows carry the seed's counts; highlights and 28 detail rows follow."""
    md = render(taito_report, "md", lang="ja")
    assert isinstance(md, str)
    lines = md.splitlines()
    for _goal, number, title, priority, count, achieved, not_achieved in SEED_SUMMARY:
        row = next(
            line for line in lines if line.startswith(f"| {_measure(number, title, priority)} |")
        )
        assert row.split(" | ")[1:4] == [str(count), str(achieved), str(not_achieved)]
    assert "| **合計** | 28 | 20 | 8 | 0 | 71.4% |" in lines
    assert "## 達成している主な評価指標" in lines
    assert "## 未達成の主な評価指標" in lines
    detail_at = lines.index("## 評価指標の一覧")
    assert len([line for line in lines[detail_at:] if line.startswith("| 基本目標")]) == 1 + 28


def test_markdown_escapes_pipes_and_newlines(taito_report: Report) -> None:
    """Multi-line cells become <br> so each table row stays on one line."""
    md = render(taito_report, "md", lang="ja")
    assert isinstance(md, str)
    assert "1. 待たずに申請できるスマート窓口の環境整備<br>2. 書かずに" in md


def test_json_has_indicators_measures_and_totals(taito_report: Report) -> None:
    """The JSON totals are 28/20/8/0 with rate "71.4" and every indicator agrees."""
    text = render(taito_report, "json", lang="ja")
    assert isinstance(text, str)
    data = json.loads(text)
    assert data["totals"] == {
        "indicators": 28,
        "achieved": 20,
        "not_achieved": 8,
        "not_evaluable": 0,
        "rate": "71.4",
        "unique_indicators": 27,
        "grades": {"counts": {"達成": 20, "未達成": 8}, "ungraded": 0, "rate": "71.4"},
    }
    assert len(data["indicators"]) == 28
    assert data["rules"]["highlights"].startswith("主な評価指標の選び方")
    assert data["rules"]["rate"].startswith("達成率")
    first = data["indicators"][0]
    assert first["measure"] == {"number": 1, "title": "デジタル行政窓口の整備", "priority": True}
    assert {"name", "style", "outcome", "reason", "recorded", "agrees"} <= first.keys()
    assert all(i["agrees"] is True for i in data["indicators"])
    assert [
        (m["number"], m["indicators"], m["achieved"], m["not_achieved"]) for m in data["measures"]
    ] == [(n, c, a, na) for _g, n, _t, _p, c, a, na in SEED_SUMMARY]
    assert [(h["measure"]["number"], h["name"]) for h in data["highlights"]["achieved"]] == (
        SEED_MAIN_ACHIEVED
    )
    assert [(h["measure"]["number"], h["name"]) for h in data["highlights"]["not_achieved"]] == (
        SEED_MAIN_NOT_ACHIEVED
    )


def test_json_keeps_japanese_and_keys_in_report_order(taito_report: Report) -> None:
    """The JSON is not ASCII-escaped and its keys come in the order of the report."""
    text = render(taito_report, "json", lang="ja")
    assert isinstance(text, str)
    assert "オンライン手続比率" in text
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert list(data) == [
        "plan",
        "lang",
        "disagreements",
        "totals",
        "goals",
        "measures",
        "indicators",
        "problems",
        "source_rows",
        "highlights",
        "scheme",
        "rules",
    ]
    assert list(data["indicators"][0])[:3] == ["name", "goal", "measure"]


def test_csv_has_a_header_and_one_row_per_indicator(taito_report: Report) -> None:
    """The CSV has the plan's name, the count of disagreements, labelled columns and 28 rows
    whose outcomes count 20 達成 and 8 未達成."""
    for lang, achieved, count in (
        ("ja", "達成", "公表された評価と判定が異なる評価指標: 0件"),
        ("en", "Achieved", "Indicators whose computed outcome differs from the published one: 0"),
    ):
        text = render(taito_report, "csv", lang=lang)
        assert isinstance(text, str)
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0][0].startswith("台東区情報化推進計画")
        assert rows[1] == [count]
        assert rows[2] == []
        header, body = rows[3], rows[4:]
        assert header[:5] == [
            label(key, lang) for key in ("row", "goal", "measure", "initiative", "indicator")
        ]
        assert [row[0] for row in body] == [str(n) for n in range(3, 31)]
        assert len(body) == 28
        outcome = header.index(label("outcome", lang))
        assert sum(row[outcome] == achieved for row in body) == 20
        assert body[1][4] == "オンライン手続比率"


def test_xlsx_summary_sheet_is_laid_out_like_the_seed(taito_report: Report) -> None:
    """Sheet 1 has the seed's summary rows, 合計 and 達成率; sheet 2 merges goal and measure cells."""
    openpyxl = pytest.importorskip("openpyxl")
    data = render(taito_report, "xlsx", lang="ja")
    assert isinstance(data, bytes)
    book = openpyxl.load_workbook(io.BytesIO(data))
    summary, detail = book.worksheets
    rows = [r for r in summary.iter_rows(values_only=True) if r[0] is not None]
    measures = [r[:4] for r in rows if r[1] is not None and isinstance(r[1], int)]
    expected = [(_measure(n, t, p), c, a, na) for _g, n, t, p, c, a, na in SEED_SUMMARY]
    assert measures[:16] == expected
    assert ("合計", 28, 20, 8) in measures
    rate_row = next(r for r in summary.iter_rows() if r[0].value == "達成率")
    assert rate_row[2].value == pytest.approx(0.714)
    assert rate_row[2].number_format == "0.0%"
    goal_rows = [r[0] for r in rows if str(r[0]).startswith("基本目標")]
    assert len(goal_rows) == 3
    assert detail.max_row == 29
    merged = {str(cells) for cells in detail.merged_cells.ranges}
    assert {"A2:A17", "A18:A23", "A24:A29", "B2:B3", "B18:B20"} <= merged
    assert detail.cell(1, 4).value == "評価指標"
    assert [detail.cell(r, 8).value for r in range(2, 30)].count("達成") == 20


def test_xlsx_merged_goal_and_measure_cells_hold_their_text_on_top(taito_report: Report) -> None:
    """A run of one goal (or measure) is one merged cell: its text on its first row only."""
    openpyxl = pytest.importorskip("openpyxl")
    detail = openpyxl.load_workbook(io.BytesIO(render(taito_report, "xlsx", lang="ja"))).worksheets[
        1
    ]
    goals = [detail.cell(r, 1).value for r in range(2, 30)]
    assert [(n + 2, g[:5]) for n, g in enumerate(goals) if g is not None] == [
        (2, "基本目標1"),
        (18, "基本目標2"),
        (24, "基本目標3"),
    ]
    measures = [detail.cell(r, 2).value for r in range(2, 30)]
    assert measures[:3] == [
        "1. デジタル行政窓口の整備(重点施策)",
        None,
        "2. マイナンバーカードの普及促進",
    ]
    tops = {r.min_row for r in detail.merged_cells.ranges if r.min_col == 2}
    for row, text in enumerate(measures, start=2):
        inside = any(
            r.min_row < row <= r.max_row for r in detail.merged_cells.ranges if r.min_col == 2
        )
        assert (text is None) == inside, row
    assert 2 in tops


def test_xlsx_summary_sheet_has_the_highlight_tables(taito_report: Report) -> None:
    """Sheet 1 lists the main achieved and not achieved indicators, as the seed's ウ and エ do."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(render(taito_report, "xlsx", lang="ja")))
    column_a = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
    column_b = [row[1] for row in book.worksheets[0].iter_rows(values_only=True)]
    achieved = column_a.index("達成している主な評価指標")
    not_achieved = column_a.index("未達成の主な評価指標")
    assert column_b[achieved + 2 : achieved + 5] == [name for _, name in SEED_MAIN_ACHIEVED]
    assert column_b[not_achieved + 2 : not_achieved + 5] == [
        name for _, name in SEED_MAIN_NOT_ACHIEVED
    ]


def test_xlsx_carries_fixed_times(taito_report: Report) -> None:
    """Every archive member and the document properties carry fixed times, not the clock."""
    data = render(taito_report, "xlsx", lang="en")
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2


def test_html_is_self_contained_with_a_bar_per_measure(taito_report: Report) -> None:
    """The HTML has 16 measure bars, the totals, and no script or external asset."""
    html = render(taito_report, "html", lang="ja")
    assert isinstance(html, str)
    assert html.count('class="measure-bar"') == 16
    assert '<strong data-total="rate">71.4%</strong>' in html
    assert '<strong data-total="indicators">28</strong>' in html
    assert "<script" not in html
    assert "<link" not in html
    assert re.findall(r"(?:src|href)=", html) == []
    assert re.findall(r"https?://[^\"' ]+", html) == ["http://www.w3.org/2000/svg"]


def test_html_in_english(taito_report: Report) -> None:
    """With lang en the page is marked English and labelled in English."""
    html = render(taito_report, "html", lang="en")
    assert isinstance(html, str)
    assert '<html lang="en">' in html
    assert "Main achieved indicators" in html


def test_xlsx_writes_rates_and_progress_as_numbers(taito_report: Report) -> None:
    """Rates and progress are numbers with a percent format, so Excel can sort and sum them."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(render(taito_report, "xlsx", lang="ja")))
    summary, detail = book.worksheets
    header = [c.value for c in detail[1]]
    online = detail.cell(3, header.index("進捗率") + 1)
    assert (online.value, online.number_format) == (pytest.approx(0.2), "0.0%")
    degree = detail.cell(3, header.index("達成度") + 1)
    assert (degree.value, degree.number_format) == (pytest.approx(20 / 60), "0.0%")
    counts = [c.value for row in summary.iter_rows() for c in row if isinstance(c.value, int)]
    assert 28 in counts
    graded = openpyxl.load_workbook(
        io.BytesIO(render(regrade(taito_report, get_scheme("degree")), "xlsx", lang="ja"))
    )
    rates = [
        c
        for row in graded.worksheets[0].iter_rows()
        for c in row
        if isinstance(c.value, float) and c.column > 6
    ]
    assert rates
    assert all(c.number_format == "0.0%" for c in rates)


def test_english_output_shows_grades_in_english(taito_report: Report) -> None:
    """With lang="en" the grade column and the distribution use the scheme's English labels,
    capitalised like every English label; the outcomes too."""
    text = render(regrade(taito_report, get_scheme("baseline-4")), "md", lang="en")
    assert isinstance(text, str)
    cells = {
        c.strip() for line in text.splitlines() if line.startswith("|") for c in line.split("|")
    }
    assert {"Met A", "Forward B", "Achieved", "Not achieved", "Threshold", "Direction"} <= cells
    assert not {"達成", "未達成", "achieved", "not achieved", "threshold", "met A"} & cells
    data = json.loads(render(taito_report, "json", lang="en"))
    assert data["scheme"]["grade_labels"] == {"達成": "Achieved", "未達成": "Not achieved"}
    assert {row["grade"] for row in data["indicators"]} == {"達成", "未達成"}


def test_html_chart_names_a_bar_of_a_plan_without_measures(tmp_path: Path) -> None:
    """A plan whose rows name no measure still labels its chart bar, in each language."""
    from achievement.readers import read_plan
    from achievement.rollup import evaluate_plan

    path = tmp_path / "plan.csv"
    path.write_text("評価指標,計画策定時,目標,実績\n図書館貸出冊数,100冊,120冊,130冊\n", "utf-8")
    report = evaluate_plan(read_plan(path).plan)
    assert ">(施策の記載なし)<" in str(render(report, "html", lang="ja"))
    assert ">(no measure given)<" in str(render(report, "html", lang="en"))
