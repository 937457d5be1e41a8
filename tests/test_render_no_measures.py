"""A plan without a measure column: its summary rows are named, never left blank."""

from __future__ import annotations

from pathlib import Path

import pytest

from achievement.cli import main

TABLE = "基本目標,評価指標,計画策定時,目標,実績\nしごと,新規創業件数,32件,40件,45件\nひと,移住相談件数,150件,200件,120件\n"


@pytest.mark.parametrize(
    ("fmt", "lang", "name"),
    [
        ("text", "ja", "(施策の記載なし)"),
        ("md", "ja", "(施策の記載なし)"),
        ("md", "en", "(no measure given)"),
        ("text", "en", "(no measure given)"),
        ("html", "en", "(no measure given)"),
    ],
)
def test_the_rows_of_a_plan_without_measures_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, lang: str, name: str
) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text(TABLE, encoding="utf-8")
    assert main(["report", str(path), "--format", fmt, "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert out.count(name) >= 2  # one row under each goal


def test_the_chart_of_a_plan_without_measures_names_its_bars_by_goal(tmp_path: Path) -> None:
    from achievement import Judge
    from achievement.readers import read_plan
    from achievement.render.html import chart_bars
    from achievement.rollup import evaluate_plan

    path = tmp_path / "kpi.csv"
    path.write_text(TABLE, encoding="utf-8")
    judge = Judge(autoload=False)
    report = evaluate_plan(read_plan(path, judge=judge).plan, judge)
    assert [bar.label for bar in chart_bars(report, "ja")] == ["しごと", "ひと"]
    path.write_text("\n".join(",".join(line.split(",")[1:]) for line in TABLE.splitlines()))
    report = evaluate_plan(read_plan(path, judge=judge).plan, judge)
    assert [bar.label for bar in chart_bars(report, "en")] == ["(no measure given)"]
