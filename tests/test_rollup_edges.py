"""Edges of the roll-up found by mutation testing: regrading, rounding of progress, highlights."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from achievement.readers import read_plan
from achievement.rollup import evaluate_plan, regrade
from achievement.schemes import get_scheme

PLAN = """\
基本目標,施策,評価指標,計画策定時(令和2年度末),目標(令和7年度),令和7年度 実績見込,評価
【基本目標1】暮らし,施策1,証明書のコンビニ交付件数,"12,000件","20,000件","21,500件",A
【基本目標1】暮らし,施策1,電子申請の利用率,30%,60%,45%,達成
【基本目標1】暮らし,施策1,窓口の平均待ち時間,25分,15分,集計中,評価不能
【基本目標1】暮らし,施策1,図書館の利用者数,"5,000人","8,000人",たくさん,
【基本目標1】暮らし,施策1,健康診断の受診者数,"1万2千人",1万千人,"1万3千人",
"""


def test_regrade_reads_published_grades_and_keeps_the_rows(tmp_path: Path) -> None:
    """Under degree, a published A is read as a grade, not a warning; other problems are kept."""
    path = tmp_path / "plan.csv"
    path.write_text(PLAN, encoding="utf-8")
    result = read_plan(path)
    # under binary, the A in 評価 is an unknown outcome (a warning); 1万千人 cannot be read
    assert [(p.row, p.column) for p in result.problems] == [(2, "評価"), (6, "目標(令和7年度)")]
    binary = evaluate_plan(result.plan, problems=result.problems, source_rows=result.rows)
    assert len(binary.problems) == 2
    assert binary.results[0].recorded_grade is None
    assert binary.results[0].agrees is None

    graded = regrade(binary, get_scheme("degree"))
    assert graded.source_rows == 5
    assert graded.problems == (result.problems[1],)
    rows = [
        (r.grade and r.grade.label, r.recorded_grade and r.recorded_grade.label, r.agrees)
        for r in graded.results
    ]
    assert rows == [
        ("A", "A", True),  # 21,500 of 20,000: A, as published
        ("C", None, False),  # 45% of 60%: not achieved, published 達成
        (None, None, True),  # 集計中: not evaluable, as published
        (None, None, None),  # たくさん: nothing published
    ]
    assert graded.grades.counts == {"A": 1, "B": 0, "C": 1, "D": 0}
    direct = evaluate_plan(
        result.plan, scheme="degree", problems=result.problems, source_rows=result.rows
    )
    assert graded == direct


def test_progress_rounds_half_up(tmp_path: Path) -> None:
    """Progress is kept to four places rounded half up: 1 of 32 new shelters is 0.0313, not 0.0312."""
    path = tmp_path / "plan.csv"
    path.write_text(
        "評価指標,計画策定時(令和2年度末),目標(令和7年度),令和7年度 実績見込\n"
        "福祉避難所の指定数,0か所,32か所,1か所\n"
        "防災訓練の参加者数,0人,32人,3人\n",
        encoding="utf-8",
    )
    report = evaluate_plan(read_plan(path).plan)
    assert [r.progress for r in report.results] == [Decimal("0.0313"), Decimal("0.0938")]


HIGHLIGHT_PLAN = """\
基本目標,施策,評価指標,計画策定時(令和2年度末),目標(令和7年度),令和7年度 実績見込
【基本目標1】子育て,施策1,子育て相談の件数,0件,100件,120件
【基本目標1】子育て,施策1,地域行事の参加者数,0人,200人,300人
【基本目標1】子育て,施策2,防犯パトロールの回数,0回,100回,105回
【基本目標1】子育て,施策2,公園の清掃回数,0回,100回,90回
【基本目標1】子育て,施策2,健康教室の参加者数,0人,100人,30人
【基本目標1】子育て,施策2,図書の貸出冊数,0冊,100冊,50冊
【基本目標2】住まい,施策3,空き家の活用件数,0件,10件,12件
"""


def test_highlights_pick_the_greatest_and_the_smallest_progress(tmp_path: Path) -> None:
    """Per goal, the achieved indicator of greatest progress and the missed one of least."""
    path = tmp_path / "plan.csv"
    path.write_text(HIGHLIGHT_PLAN, encoding="utf-8")
    report = evaluate_plan(read_plan(path).plan)
    progress = {r.entry.indicator.name: r.progress for r in report.results}
    assert progress["地域行事の参加者数"] == Decimal("1.5")
    assert progress["健康教室の参加者数"] == Decimal("0.3")
    highlights = report.highlights
    assert [r.entry.indicator.name for r in highlights.achieved] == [
        "地域行事の参加者数",  # 1.5 beats 1.2 and 1.05
        "空き家の活用件数",  # the only one of goal 2
    ]
    assert [r.entry.indicator.name for r in highlights.not_achieved] == [
        "健康教室の参加者数",  # 0.3 is below 0.9 and 0.5; goal 2 missed nothing
    ]


def test_regrade_gives_no_grade_without_measurements(tmp_path: Path) -> None:
    """A result that carries no measurements (a report built by hand) is regraded to no grade."""
    path = tmp_path / "plan.csv"
    path.write_text(HIGHLIGHT_PLAN, encoding="utf-8")
    report = evaluate_plan(read_plan(path).plan)
    first = report.results[0].model_copy(update={"measurements": None})
    bare = report.model_copy(update={"results": (first, *report.results[1:])})
    graded = regrade(bare, get_scheme("degree"))
    assert graded.results[0].grade is None
    assert graded.results[1].grade is not None
    assert graded.results[1].grade.label == "A"  # 300 of 200: A under degree
