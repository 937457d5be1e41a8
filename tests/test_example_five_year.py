"""The worked example: a five-year plan reviewed on projected (見込) and then final (確定) values."""

from __future__ import annotations

from pathlib import Path

import pytest

from achievement import Judge, Outcome
from achievement.readers import read_plan
from achievement.trajectory import TrajectoryStatus, assess

FOLDER = Path(__file__).resolve().parent.parent / "examples" / "five-year-plan"
JUDGE = Judge(autoload=False)


def judged(name: str) -> dict[str, Outcome]:
    plan = read_plan(FOLDER / f"{name}.yaml").plan
    return {item.indicator.name: JUDGE.judge(item.indicator).outcome for item in plan.indicators}


def test_the_loans_flip_from_achieved_on_projected_to_not_achieved_on_final() -> None:
    """141万冊 (見込) meets the pro-rated 140万冊; the final 138万冊 does not."""
    projected, final = judged("plan-r6-projected"), judged("plan-r6-final")
    assert projected["図書館の年間貸出冊数"] is Outcome.ACHIEVED
    assert final["図書館の年間貸出冊数"] is Outcome.NOT_ACHIEVED
    others = set(projected) - {"図書館の年間貸出冊数"}
    assert {k: projected[k] for k in others} == {k: final[k] for k in others}


@pytest.mark.parametrize(
    ("name", "outcome", "words"),
    [
        ("電子書籍の貸出件数", Outcome.NOT_ACHIEVED, ("見直し", "66,000件")),
        ("読み聞かせボランティアの新規登録者数", Outcome.ACHIEVED, ("累計400人", "405人")),
        ("1か月に1冊も本を読まない児童の割合", Outcome.NOT_ACHIEVED, ("年度別目標 9.0%以下",)),
        ("来館者数", Outcome.ACHIEVED, ("510,000人",)),
    ],
)
def test_each_indicator_says_which_target_it_used(
    name: str, outcome: Outcome, words: tuple[str, ...]
) -> None:
    plan = read_plan(FOLDER / "plan-r6-final.yaml").plan
    (item,) = (i for i in plan.indicators if i.indicator.name == name)
    j = JUDGE.judge(item.indicator)
    assert j.outcome is outcome
    for word in words:
        assert word in j.message.ja


def test_the_trajectory_of_the_example() -> None:
    plan = read_plan(FOLDER / "plan-r6-final.yaml").plan
    status = {i.indicator.name: assess(i.indicator).status for i in plan.indicators}
    assert status == {
        "図書館の年間貸出冊数": TrajectoryStatus.NEEDS_ACCELERATION,  # 0.95 of the change due
        "電子書籍の貸出件数": TrajectoryStatus.NEEDS_ACCELERATION,
        "読み聞かせボランティアの新規登録者数": TrajectoryStatus.ON_TRACK,
        "1か月に1冊も本を読まない児童の割合": TrajectoryStatus.NEEDS_ACCELERATION,
        "来館者数": TrajectoryStatus.NOT_ASSESSABLE,  # 前年度比: no target value to head for
    }


def test_the_xlsx_detail_keeps_the_year_columns_as_numbers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from achievement.cli import main

    out = tmp_path / "r6.xlsx"
    assert main(["report", str(FOLDER / "plan-r6-projected.yaml"), "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).worksheets[-1]
    heading = [cell.value for cell in sheet[1]]
    assert heading[-4:] == ["2021年度", "2022年度", "2023年度", "2024年度"]
    loans = list(sheet[2])[-4:]
    assert [cell.value for cell in loans] == [1050000, 1180000, 1250000, 1410000]
    assert loans[-1].number_format == 'General"冊 (見込)"'  # as every format marks it
    assert loans[0].number_format == 'General"冊"'
    visitors = [cell.value for cell in sheet[6]][-4:]
    assert visitors == [None, None, 500000, 515000]


def test_the_html_report_draws_a_line_per_indicator_with_years(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    from achievement.cli import main

    out = tmp_path / "r6.html"
    assert main(["report", str(FOLDER / "plan-r6-projected.yaml"), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.count('<svg class="spark') == 4  # 来館者数 (前年度比) has no target to draw
    assert '<svg class="spark needs_acceleration"' in html
    assert '<span class="trajectory on_track">順調</span>' in html
    assert "<script" not in html
