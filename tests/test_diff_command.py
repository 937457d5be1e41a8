"""``achievement diff``: changed judgments, the 見込→確定 flips and target revisions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from achievement.cli import main

FOLDER = Path(__file__).resolve().parent.parent / "examples" / "five-year-plan"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_diff_of_two_plans_shows_the_flip(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        [
            "diff",
            str(FOLDER / "plan-r6-projected.yaml"),
            str(FOLDER / "plan-r6-final.yaml"),
            "--format",
            "json",
        ],
        capsys,
    )
    assert code == 0
    data = json.loads(out)
    assert [row["indicator"] for row in data["flips"]] == ["図書館の年間貸出冊数"]
    (flip,) = data["flips"]
    assert (flip["last"]["outcome"], flip["this"]["outcome"]) == ("achieved", "not_achieved")
    assert "見込" in flip["last"]["actual"]
    assert "確定" in flip["this"]["actual"]
    assert [row["indicator"] for row in data["changed"]] == ["図書館の年間貸出冊数"]
    (revision,) = data["revisions"]
    assert revision["indicator"] == "電子書籍の貸出件数"
    assert revision["from_year"] == 2023
    assert revision["new"] is False
    assert data["added"] == []
    assert data["removed"] == []


def test_diff_reads_a_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = tmp_path / "last.json"
    assert main(["report", str(FOLDER / "plan-r6-projected.yaml"), "-o", str(last)]) in (0, 1)
    capsys.readouterr()
    code, out = run(["diff", str(last), str(FOLDER / "plan-r6-final.yaml"), "--lang", "en"], capsys)
    assert code == 0
    assert "Projected → final flips" in out
    assert "図書館の年間貸出冊数: achieved" in out
    assert "pro-rated target" in out


def test_diff_in_markdown_lists_revisions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        [
            "diff",
            str(FOLDER / "plan-r6-final.yaml"),
            str(FOLDER / "plan-r6-final.yaml"),
            "--format",
            "md",
        ],
        capsys,
    )
    assert code == 0
    assert "## 見込→確定で判定が変わった評価指標\n\nなし" in out
    assert (
        "| 電子書籍の貸出件数 | 2023 | 80,000件 | 電子図書館の利用が当初の想定を上回ったため |"
        in out
    )


def test_an_added_indicator_is_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = tmp_path / "last.yaml"
    text = (FOLDER / "plan-r6-final.yaml").read_text(encoding="utf-8")
    cut = text.index("          - name: 来館者数")
    last.write_text(text[:cut], encoding="utf-8")
    shutil.copy(FOLDER / "plan-r6-final.yaml", tmp_path / "this.yaml")
    code, out = run(["diff", str(last), str(tmp_path / "this.yaml"), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["added"] == ["来館者数"]


def test_a_json_file_that_is_no_report_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"a": 1}', encoding="utf-8")
    code = main(["diff", str(bad), str(bad)])
    err = capsys.readouterr().err
    assert code == 2
    assert "計画ファイル" in err or "plan file" in err


def test_diff_as_xlsx_has_the_flip_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "diff.xlsx"
    last, this = FOLDER / "plan-r6-projected.yaml", FOLDER / "plan-r6-final.yaml"
    assert main(["diff", str(last), str(this), "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    flips = book["見込→確定で判定が変わった評価指標"]
    assert flips.cell(2, 1).value == "図書館の年間貸出冊数"
    revisions = book.worksheets[2]
    assert revisions.cell(2, 2).value == 2023


def _report_as_of(year: str, path: Path) -> Path:
    assert main(
        ["report", str(FOLDER / "plan-r6-projected.yaml"), "--as-of", year, "-o", str(path)]
    ) in (0, 1)
    return path


def test_diff_of_reports_as_of_years_shows_the_values_and_targets_judged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reports as of two years: each side shows the value of its year and the target it was
    compared with, never the plan's latest actual or its final target."""
    last = _report_as_of("R5", tmp_path / "r5.json")
    this = _report_as_of("R6", tmp_path / "r6.json")
    capsys.readouterr()
    code, out = run(["diff", str(last), str(this), "--format", "json"], capsys)
    assert code == 0
    rows = {row["indicator"]: row for row in json.loads(out)["changed"]}
    books = rows["図書館の年間貸出冊数"]
    assert books["last"]["actual"] == "1,250,000冊 (2023年度, 確定)"
    assert books["last"]["target"] == "2023年度の按分目標 1,300,000冊"
    assert books["this"]["actual"] == "1,410,000冊 (2024年度, 見込)"
    assert books["this"]["target"] == "2024年度の按分目標 1,400,000冊"
    visitors = rows["来館者数"]  # not evaluable as of 2023: no value for 2022 to compare with
    assert visitors["last"]["outcome"] == "not_evaluable"
    assert visitors["last"]["actual"] == "500,000人 (2023年度, 確定)"
    code, out = run(["diff", str(last), str(this), "--lang", "en"], capsys)
    assert "not achieved: 1,250,000冊 (FY2023, final) / target pro-rated for FY2023" in out


def test_diff_shows_no_value_for_a_year_without_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An entry judged as of a year it has no value for shows ``-``, not its latest value; one
    compared as of a year shows the value its judgment compared, whatever its series says."""
    last = _report_as_of("R5", tmp_path / "r5.json")
    this = _report_as_of("R6", tmp_path / "r6.json")
    data = json.loads(last.read_text(encoding="utf-8"))
    for entry in data["indicators"]:
        if entry["name"] in ("来館者数", "図書館の年間貸出冊数"):
            entry["series"] = []
    last.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    code, out = run(["diff", str(last), str(this), "--format", "json"], capsys)
    assert code == 0
    rows = {row["indicator"]: row for row in json.loads(out)["changed"]}
    assert rows["来館者数"]["last"]["actual"] == "- (2023年度)"
    assert rows["図書館の年間貸出冊数"]["last"]["actual"] == "1,250,000冊 (2023年度, 確定)"
