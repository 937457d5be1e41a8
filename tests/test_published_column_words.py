"""What a report and its warnings say of a published 評価 column that could not be read:
never that the table has no such column, and, under a scheme, which grades it has."""

from __future__ import annotations

from pathlib import Path

import pytest

from achievement.cli import main

TABLE = (
    "基本目標,評価指標,計画策定時,目標,実績,評価\n"
    "しごと,新規創業件数,32件,40件,45件,A\n"
    "しごと,観光入込客数,1250万人,1400万人,980万人,C\n"
)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "kpi.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


def test_a_column_of_unread_grades_is_no_missing_column(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(plan)]) == 0
    out = capsys.readouterr().out
    assert (
        "公表された評価の列はありますが、読める評価がないため、判定との照合はしていません。" in out
    )
    assert "列がないため" not in out
    assert main(["report", str(plan), "--lang", "en"]) == 0
    assert (
        "The table has a published outcome column, but none of its entries could be read, "
        "so no judgment was reconciled with one." in capsys.readouterr().out
    )


def test_a_table_without_the_column_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text(
        "\n".join(line.rsplit(",", 1)[0] for line in TABLE.splitlines()), encoding="utf-8"
    )
    assert main(["report", str(path)]) == 0
    assert (
        "表に公表された評価の列がないため、判定との照合はしていません。" in capsys.readouterr().out
    )


def test_under_a_scheme_the_warning_names_its_grades(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(plan), "--scheme", "baseline-4"]) == 0
    err = capsys.readouterr().err
    assert (
        "kpi.csv:2: 評価: A: 評価「A」は評価区分「baseline-4」の区分(達成A、前進B、横ばいC、後退D)"
        "でも、達成・未達成・評価不能でもありません(指標は判定します)。表の区分に合う評価区分を "
        "--scheme で指定してください" in err
    )
    assert main(["report", str(plan), "--scheme", "baseline-4", "--lang", "en"]) == 0
    assert (
        "published outcome 'C' is neither a grade of the scheme 'baseline-4' (met A, forward B, "
        "flat C, back D) nor 達成 / 未達成 / 評価不能 (the indicator is still judged); name the "
        "scheme whose grades the table uses with --scheme" in capsys.readouterr().err
    )


def test_under_binary_the_warning_asks_for_a_scheme(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(plan)]) == 0
    assert (
        "A・B・C などの評価区分なら --scheme で区分の名前を指定してください"
        in capsys.readouterr().err
    )


def test_grades_of_the_scheme_are_read_without_a_warning(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(plan), "--scheme", "degree"]) == 0
    captured = capsys.readouterr()
    assert "評価「" not in captured.err
    assert "公表された評価と判定が異なる評価指標" in captured.out
