"""A bare 2025 as the target and 2024 as the actual could be a deadline met a year early or
a count one short: with nothing to tell a count (no baseline, a word, or a year-like
baseline), the judgment is 評価不能 and says why, never 未達成."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from achievement import Judge, Outcome

pl = pytest.importorskip("polars")

from achievement.batch import judge_table  # noqa: E402

JUDGE = Judge(autoload=False)


@pytest.mark.parametrize(
    ("target", "actual"), [("1900", "2099"), ("2099", "1900"), ("2025", "2025")]
)
def test_the_first_and_last_years_are_years(target: str, actual: str) -> None:
    judged = JUDGE.judge_text(baseline="", target=target, actual=actual)
    assert judged.reason.code == "threshold.year_or_count"


@pytest.mark.parametrize("baseline", ["", "―", "未実施", "2019"])
def test_years_or_counts_are_not_evaluable(baseline: str) -> None:
    judged = JUDGE.judge_text(baseline=baseline, target="2025", actual="2024")
    assert (judged.outcome, judged.reason.code) == (
        Outcome.NOT_EVALUABLE,
        "threshold.year_or_count",
    )
    assert judged.message.ja == (
        "目標「2025」と実績「2024」は年度とも数量とも読めるため評価不能"
        "(年度なら「2025年度」、数量なら「2025件」のように単位を付けて書いてください)"
    )
    assert judged.message.en == (
        "target '2025' and actual '2024' could be years or counts: not evaluable "
        "(write a year as 2025年度, a count with its unit, as 2025件)"
    )


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "outcome"),
    [
        ("50", "2025", "2024", Outcome.NOT_ACHIEVED),  # a baseline of 50 tells counts
        ("", "2025件", "2024件", Outcome.NOT_ACHIEVED),
        ("", "2025", "2024件", Outcome.NOT_ACHIEVED),  # the row's unit: counts
        ("", "2025以上", "2024", Outcome.NOT_ACHIEVED),  # a bound: a level to reach
        ("", "1899", "1900", Outcome.ACHIEVED),
        ("", "2100", "2099", Outcome.NOT_ACHIEVED),
        ("", "2025.5", "2024", Outcome.NOT_ACHIEVED),
        ("", "年2025", "年2024", Outcome.NOT_ACHIEVED),  # a yearly count
        ("", "令和7年度", "令和6年度完了", Outcome.ACHIEVED),  # years written as years
    ],
)
def test_what_tells_a_count_or_a_year_is_judged(
    baseline: str, target: str, actual: str, outcome: Outcome
) -> None:
    assert JUDGE.judge_text(baseline=baseline, target=target, actual=actual).outcome is outcome


def test_a_stated_threshold_style_compares_the_numbers() -> None:
    from achievement import Actual, Indicator, Missing, Target, parse_value

    indicator = Indicator(
        baseline=Missing(text=""),
        target=Target(value=parse_value("2025")),
        actual=Actual(value=parse_value("2024")),
        style="threshold",
    )
    assert JUDGE.judge(indicator).outcome is Outcome.NOT_ACHIEVED


@given(
    target=st.integers(1900, 2099),
    actual=st.integers(1900, 2099),
    baseline=st.sampled_from(["", "―", "未実施", "検討"]),
)
def test_any_pair_of_year_like_numbers_without_a_count_is_not_evaluable(
    target: int, actual: int, baseline: str
) -> None:
    judged = JUDGE.judge_text(baseline=baseline, target=str(target), actual=str(actual))
    assert judged.outcome is Outcome.NOT_EVALUABLE


def test_the_batch_path_judges_them_as_the_row_judge() -> None:
    rows = [
        ("―", "2025", "2024"),
        ("未実施", "2025", "2024"),
        ("50", "2025", "2024"),
        ("", "2025", "2026"),
    ]
    frame = pl.DataFrame(
        {
            "baseline": [r[0] for r in rows],
            "target": [r[1] for r in rows],
            "actual": [r[2] for r in rows],
        }
    )
    judged = judge_table(frame, judge=JUDGE)
    expected = [JUDGE.judge_text(baseline=b, target=t, actual=a) for b, t, a in rows]
    assert judged["outcome"].to_list() == [j.outcome.value for j in expected]
    assert judged["reason"].to_list() == [j.reason.code for j in expected]
    assert judged["reason"].to_list()[0] == "threshold.year_or_count"
