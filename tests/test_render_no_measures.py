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
