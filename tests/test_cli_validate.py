"""The ``validate`` and ``schema`` commands."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from achievement.cli import main
from achievement.readers import bundled_example, plan_schema

BAD_ROWS = [
    ["評価指標", "目標(令和7年度)", "実績"],
    ["オンライン手続比率", "60%", "20%"],
    ["事故件数", "年0件", "1件未満"],
]


def bad_file(folder: Path) -> Path:
    """A small table whose row 3 has an actual the notation cannot read."""
    path = folder / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(BAD_ROWS)
    return path


def test_validate_taito_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """The Taito table validates with no problem and exit code 0."""
    assert main(["validate", str(bundled_example()), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "read 28 of 28 rows; 0 problem(s)" in out


def test_validate_lists_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad cell is listed as file:row: column: text: message, and the exit code is 1."""
    path = bad_file(tmp_path)
    assert main(["validate", str(path), "--lang", "ja"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"{path}:3: 実績: 1件未満: 3文字目が読めません: "
        "「未満」には対応していません。以上・以下で書いてください"
    )
    assert (
        lines[1] == f"{path}: 2行中 1行を読み込みました。問題 1件(読めなかった行 1行)、注意 0件。"
    )


def test_validate_counts_characters_from_1_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The English problem line names the character where reading stopped, counting from 1."""
    path = bad_file(tmp_path)
    assert main(["validate", str(path), "--lang", "en"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"{path}:3: 実績: 1件未満: cannot read at character 3: "
        "strict bound '未満' is not supported; write 以上 or 以下"
    )


def test_validate_output_is_byte_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Validating the same file twice prints the same bytes."""
    path = bad_file(tmp_path)
    outputs = []
    for _ in range(2):
        main(["validate", str(path), "--lang", "en"])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]


def test_validate_columns_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--columns HEADER=FIELD`` maps a header the reader does not know."""
    path = tmp_path / "kpi.csv"
    path.write_text("項目名,目標値,実績値\nx,10件,12件\n", encoding="utf-8")
    assert main(["validate", str(path), "--columns", "項目名=indicator"]) == 0
    assert main(["validate", str(path), "--lang", "ja"]) == 2
    assert "項目名" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_missing_file_exits_2_with_one_paragraph(
    tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file gives exit code 2 and a one-line message, no traceback."""
    path = tmp_path / "absent.csv"
    assert main(["validate", str(path), "--lang", lang]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert str(path) in line
    assert ("ファイルがありません" if lang == "ja" else "no such file") in line
    assert "Traceback" not in captured.err


def test_malformed_columns_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A ``--columns`` value without ``=`` is refused with exit code 2."""
    assert main(["validate", str(bundled_example()), "--lang", "en", "--columns", "KPI"]) == 2
    assert "HEADER=FIELD" in capsys.readouterr().err


def test_schema_prints_the_plan_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """``schema`` prints the JSON Schema with sorted keys and Japanese as is."""
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == plan_schema()
    assert out == json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert "評価指標" in out


def test_unread_columns_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A column no field is read from is named, so nothing in the table is passed over unseen."""
    path = tmp_path / "plan.csv"
    path.write_text("指標名,令和2年度,目標値,実績値,担当課\n利用率,10%,60%,20%,情報政策課\n")
    assert main(["validate", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{path}: columns not read: 「令和2年度」、「担当課」 "
        "(map one with --columns HEADER=FIELD if it is needed)"
    )
    assert (
        main(
            ["validate", str(path), "--columns", "令和2年度=baseline", "--columns", "担当課=ignore"]
        )
        == 0
    )
    assert "読み込まなかった列" not in capsys.readouterr().out


def test_report_exits_0_when_only_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A published outcome the reader does not know is a warning: the row is judged, exit 0."""
    path = tmp_path / "plan.csv"
    path.write_text("評価指標,目標,実績,評価\n利用率,60%,70%,B\n")
    assert main(["report", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["totals"]["achieved"] == 1
    assert "評価「B」" in captured.err
