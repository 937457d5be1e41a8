"""Grades in the report and the compare command, on the Taito plan."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from achievement import Plan
from achievement.cli import main
from achievement.render import FORMATS, render
from achievement.rollup import evaluate_plan
from achievement.schemes import get_scheme

PRESETS = ("binary", "degree", "progress", "baseline-4", "kenko21", "soumu5")


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_report_json_baseline_4(capsys: pytest.CaptureFixture[str]) -> None:
    """`report --scheme baseline-4 --format json` gives each indicator a baseline-4 grade."""
    data = run_json(capsys, "report", "--scheme", "baseline-4", "--format", "json")
    indicators = data["indicators"]
    assert isinstance(indicators, list)
    labels = get_scheme("baseline-4").labels
    assert all(item["grade"] in labels for item in indicators)
    by_name = {item["name"]: item["grade"] for item in indicators}
    assert by_name["オンライン手続比率"] == "前進B"
    assert by_name["コンビニで取得可能な証明書数"] == "横ばいC"
    totals = data["totals"]
    assert isinstance(totals, dict)
    assert totals["grades"]["counts"]["達成A"] == totals["achieved"] == 20
    assert data["scheme"]["name"] == "baseline-4"
    assert "前進B" in data["scheme"]["rule"]
    assert data["rules"]["grades"].startswith("評価区分の基準: 計画策定時との比較による4区分")


def test_report_json_degree(capsys: pytest.CaptureFixture[str]) -> None:
    """`report --scheme degree --format json` grades 電子決裁 99% as B and counts per measure."""
    data = run_json(capsys, "report", "--scheme", "degree", "--format", "json")
    by_name = {item["name"]: item["grade"] for item in data["indicators"]}
    assert by_name["電子決裁利用率"] == "B"
    assert by_name["情報漏えい・事故件数"] == "D"
    measure_9 = next(m for m in data["measures"] if m["number"] == 9)
    assert measure_9["grades"]["counts"] == {"A": 1, "B": 1, "C": 0, "D": 1}


def test_binary_report_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --scheme the Taito report still reads 28 / 20 / 8 / 71.4% and grades 達成/未達成."""
    data = run_json(capsys, "report", "--format", "json")
    totals = data["totals"]
    assert isinstance(totals, dict)
    assert (totals["indicators"], totals["achieved"], totals["not_achieved"], totals["rate"]) == (
        28,
        20,
        8,
        "71.4",
    )
    assert totals["grades"] == {"counts": {"達成": 20, "未達成": 8}, "ungraded": 0, "rate": "71.4"}


@pytest.mark.parametrize("name", PRESETS)
def test_grade_counts_add_up(taito_plan: Plan, name: str) -> None:
    """Under every preset the grade counts and the ungraded add up to the indicators everywhere."""
    report = evaluate_plan(taito_plan, scheme=name)
    summaries = [
        *((m.tally, m.grades) for m in report.measures),
        *((g.tally, g.grades) for g in report.goals),
        (report.totals, report.grades),
    ]
    for tally, grades in summaries:
        assert grades is not None
        assert sum(grades.counts.values()) + grades.ungraded == tally.indicators
    assert report.grades is not None
    assert sum(report.grades.counts.values()) == 28


def test_soumu5_grades_every_measure(taito_plan: Plan) -> None:
    """Under soumu5 every one of the 16 measures gets a grade; others leave measures ungraded."""
    report = evaluate_plan(taito_plan, scheme="soumu5")
    assert all(m.grade is not None for m in report.measures)
    assert len(report.measures) == 16
    assert all(m.grade is None for m in evaluate_plan(taito_plan, scheme="degree").measures)


def test_main_flags_from_the_plan_change_the_measure_grade(taito_plan: Plan) -> None:
    """Flagging 電子決裁利用率 as measure 9's main indicator lifts the measure to 相当程度進展あり."""
    flagged = taito_plan.model_copy(
        update={
            "indicators": tuple(
                entry.model_copy(update={"main": True})
                if entry.indicator.name == "電子決裁利用率"
                else entry
                for entry in taito_plan.indicators
            )
        }
    )
    plain = next(
        m for m in evaluate_plan(taito_plan, scheme="soumu5").measures if m.measure.number == 9
    )
    main = next(
        m for m in evaluate_plan(flagged, scheme="soumu5").measures if m.measure.number == 9
    )
    assert plain.grade is not None
    assert main.grade is not None
    assert (plain.grade.label, main.grade.label) == ("進展が大きくない", "相当程度進展あり")


def test_the_plan_names_its_scheme(taito_plan: Plan) -> None:
    """A plan that names a scheme is graded by it when no scheme is given."""
    report = evaluate_plan(taito_plan.model_copy(update={"scheme": "kenko21"}))
    assert report.scheme is not None
    assert report.scheme.name == "kenko21"


def test_plan_file_scheme_and_main(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan file's `scheme` (a file beside it) and `main` flags are read by `report`."""
    (tmp_path / "strict.yaml").write_text("extends: degree\nbands: {B: 99.5%}\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "scheme: strict.yaml\n"
        "goals:\n"
        "  - title: G\n"
        "    measures:\n"
        "      - number: 21\n"
        "        title: 電子決裁\n"
        "        indicators:\n"
        "          - {name: 電子決裁利用率, baseline: 31%, target: 100%, actual: 99%, main: true}\n",
        encoding="utf-8",
    )
    data = run_json(capsys, "report", str(plan), "--format", "json")
    assert data["scheme"]["name"] == "strict"
    assert [item["grade"] for item in data["indicators"]] == ["C"]


def test_bad_scheme_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown scheme ends with exit code 2 and a message listing the schemes, no traceback."""
    assert main(["report", "--scheme", "aichi", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "unknown grading scheme 'aichi'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_documents_show_the_distribution_and_rule(taito_plan: Plan, fmt: str) -> None:
    """Markdown and HTML show the grade distribution table and the scheme's rule in words."""
    report = evaluate_plan(taito_plan, scheme="degree")
    text = render(report, fmt, lang="ja")
    assert isinstance(text, str)
    assert "評価区分の分布" in text
    assert "A(目標を達成): 達成度100%以上" in text


def test_text_shows_the_distribution(taito_plan: Plan) -> None:
    """The text report prints the grade distribution with the total of each grade."""
    pytest.importorskip("rich")
    text = render(evaluate_plan(taito_plan, scheme="degree"), "text", lang="en")
    assert isinstance(text, str)
    assert "Grade distribution" in text
    assert "Grading scheme: bands of the achievement degree" in text


def test_xlsx_has_the_distribution_beside_the_summary(taito_plan: Plan) -> None:
    """The XLSX summary sheet carries the grade counts beside the summary rows."""
    openpyxl = pytest.importorskip("openpyxl")
    data = render(evaluate_plan(taito_plan, scheme="degree"), "xlsx", lang="ja")
    assert isinstance(data, bytes)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    total = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "合計")
    assert total[6:10] == (20, 1, 1, 6)


def test_compare_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    """`compare --schemes` gives each indicator one grade per scheme and each scheme's rate."""
    data = run_json(capsys, "compare", "--schemes", "binary,degree,kenko21", "--format", "json")
    schemes = data["schemes"]
    assert isinstance(schemes, list)
    assert [(s["name"], s["rate"]) for s in schemes] == [
        ("binary", "71.4"),
        ("degree", "71.4"),
        ("kenko21", "71.4"),
    ]
    online = next(i for i in data["indicators"] if i["indicator"] == "オンライン手続比率")
    assert online["grades"] == {"binary": "未達成", "degree": "D", "kenko21": "B"}


def test_compare_csv_has_a_column_per_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    """The CSV comparison has one column per scheme after the outcome."""
    assert main(["compare", "--schemes", "binary,soumu5", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split(",")
    assert header[-2:] == ["binary", "soumu5"]


def test_compare_needs_a_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    """`compare --schemes ,` ends with exit code 2 and a message."""
    assert main(["compare", "--schemes", ",", "--lang", "en"]) == 2
    assert "at least one scheme" in capsys.readouterr().err


def test_json_shows_what_the_scheme_read(capsys: pytest.CaptureFixture[str]) -> None:
    """Each indicator in the JSON carries its degree, progress and change to four places
    (pace and trajectory are null: the seed has no years)."""
    data = run_json(capsys, "report", "--scheme", "progress", "--format", "json")
    online = next(i for i in data["indicators"] if i["name"] == "オンライン手続比率")
    assert online["measurements"] == {
        "degree": "0.3333",
        "progress": "0.2000",
        "change": "1.0000",
        "pace": None,
        "trajectory": None,
    }
    assert online["grade"] == "C"


@pytest.mark.parametrize("name", PRESETS)
def test_every_format_renders_under_every_preset(taito_plan: Plan, name: str) -> None:
    """Every report format renders the Taito plan under every preset, naming the scheme's grades."""
    report = evaluate_plan(taito_plan, scheme=name)
    scheme = get_scheme(name)
    for fmt in FORMATS:
        if fmt == "xlsx":
            pytest.importorskip("openpyxl")
        if fmt == "html":
            pytest.importorskip("jinja2")
        if fmt == "text":
            pytest.importorskip("rich")
        output = render(report, fmt, lang="ja")
        if not isinstance(output, str) or fmt == "csv":
            continue
        if name == "binary" and fmt != "json":  # its grades are the outcomes: not repeated
            assert scheme.title.ja not in output
        else:
            assert scheme.title.ja in output


def test_regrading_a_report_equals_judging_under_that_scheme() -> None:
    """Regrading the Taito report under each preset gives what evaluating under it gives."""
    from achievement.readers import bundled_example, read_plan
    from achievement.rollup import evaluate_plan, regrade
    from achievement.schemes.presets import PRESETS

    plan = read_plan(bundled_example()).plan
    binary = evaluate_plan(plan)
    for scheme in PRESETS:
        assert regrade(binary, scheme) == evaluate_plan(plan, scheme=scheme), scheme.name


def test_soumu5_reads_main_indicator_flags_from_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Marking 電子決裁利用率 main in a 主要な指標 column lifts measure 9 under soumu5."""
    import csv

    from achievement.readers import bundled_example

    rows = list(csv.reader(bundled_example().read_text(encoding="utf-8").splitlines(True)))
    rows[1].append("主要な指標")  # rows[0] is the plan's name
    for row in rows[2:]:
        row.append("〇" if row[3] == "電子決裁利用率" else "")
    path = tmp_path / "plan.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)

    def measure_9(*argv: str) -> object:
        data = run_json(capsys, "report", *argv, "--scheme", "soumu5", "--format", "json")
        return next(m["grade"] for m in data["measures"] if m["number"] == 9)  # type: ignore[index, union-attr]

    assert measure_9() == "進展が大きくない"
    assert measure_9(str(path)) == "相当程度進展あり"
