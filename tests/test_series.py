"""Judging as of a year: interim targets, pro-rated targets, revisions, relative targets."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from achievement import Judge, Outcome, parse_value
from achievement._model import (
    Actual,
    ActualStatus,
    Indicator,
    InterimKind,
    InterimTarget,
    Observation,
    Target,
    TargetRevision,
)
from achievement._series import prorate
from achievement.readers import dump_plan, load_plan

JUDGE = Judge(autoload=False)


def books(**changes: object) -> Indicator:
    """Loans rising from 100冊 (FY2020) to 150冊 (FY2025); 105冊 in 2021, 118冊 in 2022."""
    base = Indicator(
        name="貸出冊数",
        baseline=parse_value("100冊"),
        baseline_year=2020,
        target=Target(value=parse_value("150冊"), fiscal_year=2025),
        actual=Actual(value=parse_value("118冊"), fiscal_year=2022),
        series=(Observation(fiscal_year=2021, value=parse_value("105冊")),),
    )
    return base.model_copy(update=changes)


def test_a_year_without_interim_target_is_judged_on_the_prorated_target() -> None:
    """FY2022 is 2/5 of the way: 100 + 50 x 2/5 = 120冊; 118冊 falls short, and says so."""
    j = JUDGE.judge(books(), as_of=2022)
    assert j.outcome is Outcome.NOT_ACHIEVED
    assert j.reason.params["target_basis"] == "prorated"
    assert "按分目標" in j.message.ja
    assert "120冊" in j.message.ja
    assert "pro-rated target" in j.message.en
    assert "straight line" in j.message.en


def test_an_earlier_year_is_judged_on_its_own_value() -> None:
    """FY2021: 105冊 against 110冊 (1/5 of the way)."""
    j = JUDGE.judge(books(), as_of=2021)
    assert j.outcome is Outcome.NOT_ACHIEVED
    assert "110冊" in j.message.ja
    assert "105冊" in j.message.ja


def test_the_interim_target_of_the_year_comes_before_the_prorated_one() -> None:
    interim = (
        InterimTarget(fiscal_year=2022, value=parse_value("115冊"), kind=InterimKind.MIDTERM),
    )
    j = JUDGE.judge(books(interim=interim), as_of=2022)
    assert j.outcome is Outcome.ACHIEVED
    assert j.reason.params["target_basis"] == "interim"
    assert "中間目標 115冊" in j.message.ja
    assert "mid-term target" in j.message.en


def test_interim_targets_apply_without_as_of_in_the_actuals_year() -> None:
    interim = (InterimTarget(fiscal_year=2022, value=parse_value("115冊")),)
    assert JUDGE.judge(books(interim=interim)).outcome is Outcome.ACHIEVED


def test_in_the_target_year_the_final_target_counts() -> None:
    ind = books(actual=Actual(value=parse_value("149冊"), fiscal_year=2025))
    j = JUDGE.judge(ind, as_of=2025)
    assert j.outcome is Outcome.NOT_ACHIEVED
    assert j.reason.params["target_basis"] == "final"


def test_a_year_with_no_value_is_not_evaluable_and_named() -> None:
    j = JUDGE.judge(books(), as_of=2024)
    assert j.outcome is Outcome.NOT_EVALUABLE
    assert j.reason.code == "series.no_value"
    assert "2024年度" in j.message.ja
    assert "FY2024" in j.message.en


def test_a_revision_is_in_force_from_its_year_and_keeps_the_original() -> None:
    revision = TargetRevision(from_year=2023, value=parse_value("130冊"), reason="施設改修で休館")
    ind = books(
        revisions=(revision,),
        actual=Actual(value=parse_value("131冊"), fiscal_year=2025),
        series=(
            Observation(fiscal_year=2021, value=parse_value("105冊")),
            Observation(fiscal_year=2022, value=parse_value("118冊")),
        ),
    )
    final = JUDGE.judge(ind, as_of=2025)
    assert final.outcome is Outcome.ACHIEVED  # 131 against the revised 130, not the original 150
    assert "当初の150冊を130冊に見直し" in final.message.ja
    assert "施設改修で休館" in final.message.ja
    assert "revised" in final.message.en
    before = JUDGE.judge(ind, as_of=2022)  # the revision is not yet in force: 118 vs 120
    assert before.outcome is Outcome.NOT_ACHIEVED
    assert "見直し" not in before.message.ja
    assert ind.target.value.text == "150冊"


def test_a_cumulative_target_is_prorated_on_the_sum() -> None:
    """5年間で累計12万冊: by FY2022 2/5 of it (48,000冊); 25,000 + 26,000 = 51,000冊 is enough."""
    ind = Indicator(
        baseline=parse_value("2万冊"),
        baseline_year=2020,
        target=Target(value=parse_value("累計12万冊"), fiscal_year=2025),
        actual=Actual(value=parse_value("2.6万冊"), fiscal_year=2022),
        series=(Observation(fiscal_year=2021, value=parse_value("2.5万冊")),),
    )
    j = JUDGE.judge(ind, as_of=2022)
    assert j.outcome is Outcome.ACHIEVED
    assert "48,000冊" in j.message.ja
    assert "51,000冊" in j.message.ja
    first = JUDGE.judge(ind, as_of=2021)  # 1/5 of the way: 24,000冊, and 25,000冊 meets it
    assert first.outcome is Outcome.ACHIEVED
    assert "24,000冊" in first.message.ja
    assert first.margin is not None
    assert first.margin.difference == 1000
    short = ind.model_copy(
        update={"series": (Observation(fiscal_year=2021, value=parse_value("2.3万冊")),)}
    )
    assert JUDGE.judge(short, as_of=2021).outcome is Outcome.NOT_ACHIEVED
    gap = short.model_copy(update={"series": ()})
    assert JUDGE.judge(gap, as_of=2022).reason.code == "series.missing_year"


@pytest.mark.parametrize(
    ("target", "before", "now", "outcome"),
    [
        ("前年度比5%増", "100件", "105件", Outcome.ACHIEVED),
        ("前年度比5%増", "100件", "104件", Outcome.NOT_ACHIEVED),
        ("毎年度増加", "100件", "101件", Outcome.ACHIEVED),
        ("毎年度増加", "100件", "100件", Outcome.NOT_ACHIEVED),
        ("前年度比10件減", "100件", "90件", Outcome.ACHIEVED),
        ("前年度比10件減", "100件", "91件", Outcome.NOT_ACHIEVED),
    ],
)
def test_relative_targets_are_judged_against_the_previous_year(
    target: str, before: str, now: str, outcome: Outcome
) -> None:
    ind = Indicator(
        target=Target(value=parse_value(target)),
        actual=Actual(value=parse_value(now), fiscal_year=2024),
        series=(Observation(fiscal_year=2023, value=parse_value(before)),),
    )
    j = JUDGE.judge(ind)
    assert j.outcome is outcome
    assert before in j.message.ja
    assert "2023" in j.message.en


def test_a_relative_target_without_the_previous_year_is_not_evaluable() -> None:
    ind = Indicator(
        target=Target(value=parse_value("前年度比5%増")),
        actual=Actual(value=parse_value("110件"), fiscal_year=2024),
        series=(Observation(fiscal_year=2021, value=parse_value("100件")),),
    )
    j = JUDGE.judge(ind)
    assert j.reason.code == "series.no_previous"
    assert "2023年度" in j.message.ja
    assert "FY2023" in j.message.en


def test_a_projected_value_is_said_in_a_relative_judgment() -> None:
    ind = Indicator(
        target=Target(value=parse_value("毎年度増加")),
        actual=Actual(value=parse_value("110件"), fiscal_year=2024, status=ActualStatus.PROJECTED),
        series=(Observation(fiscal_year=2023, value=parse_value("100件")),),
    )
    assert "見込" in JUDGE.judge(ind).message.ja


def test_one_actual_is_judged_as_before() -> None:
    """A single actual is a one-year series: nothing about years is added."""
    ind = Indicator(
        baseline=parse_value("36件"),
        target=Target(value=parse_value("110件")),
        actual=Actual(value=parse_value("785件")),
    )
    assert JUDGE.judge(ind) == JUDGE.judge_text(baseline="36件", target="110件", actual="785件")


years = st.integers(min_value=2000, max_value=2040)
amounts = st.fractions(min_value=-1000, max_value=1000, max_denominator=100)


@given(amounts, amounts, years, st.integers(min_value=1, max_value=15))
def test_prorated_target_is_the_baseline_then_the_target(
    baseline: Fraction, target: Fraction, first: int, span: int
) -> None:
    assert prorate(baseline, target, first, first + span, first) == baseline
    assert prorate(baseline, target, first, first + span, first + span) == target


def test_plan_file_carries_years(tmp_path: Path) -> None:
    data = {
        "baseline_year": 2020,
        "target_year": 2025,
        "goals": [
            {
                "title": "G",
                "measures": [
                    {
                        "title": "M",
                        "indicators": [
                            {
                                "name": "貸出冊数",
                                "baseline": "100冊",
                                "target": "150冊",
                                "actual": "118冊",
                                "actual_year": 2022,
                                "series": [{"fiscal_year": 2021, "value": "105冊"}],
                                "interim": [
                                    {"fiscal_year": 2022, "value": "115冊", "kind": "guide"}
                                ],
                                "revisions": [
                                    {"from_year": 2023, "value": "130冊", "reason": "休館"}
                                ],
                            }
                        ],
                    }
                ],
            }
        ],
    }
    result = load_plan(data, file="plan.json")
    ind = result.plan.indicators[0].indicator
    assert ind.baseline_year == 2020
    assert ind.interim == (
        InterimTarget(fiscal_year=2022, value=parse_value("115冊"), kind=InterimKind.GUIDE),
    )
    assert ind.revisions[0].reason == "休館"
    again = load_plan(json.loads(dump_plan(result.plan, fmt="json")), file="again.json")
    assert again.plan == result.plan


def test_an_unreadable_interim_target_is_refused_with_its_path() -> None:
    data = {
        "goals": [
            {
                "title": "G",
                "measures": [
                    {
                        "title": "M",
                        "indicators": [
                            {
                                "name": "x",
                                "target": "10件",
                                "actual": "8件",
                                "interim": [{"fiscal_year": 2022, "value": "5件未満"}],
                            }
                        ],
                    }
                ],
            }
        ]
    }
    result = load_plan(data, file="plan.json")
    (problem,) = result.problems
    assert problem.severity == "error"
    assert problem.column == "goals[0].measures[0].indicators[0].interim[0].value"


def test_an_actual_before_the_target_year_is_judged_on_the_prorated_target() -> None:
    """Without as_of: the actual's year (2022) is before the target year, so pro-rated."""
    j = JUDGE.judge(books(series=()))
    assert j.reason.params["target_basis"] == "prorated"
    assert j.outcome is Outcome.NOT_ACHIEVED  # 118 against 120
    without_year = books(series=(), baseline_year=None)
    assert "target_basis" not in JUDGE.judge(without_year).reason.params  # 118 against 150


def test_a_relative_target_without_the_actuals_year_says_how_it_was_read() -> None:
    ind = Indicator(
        target=Target(value=parse_value("毎年度増加")),
        actual=Actual(value=parse_value("110件")),
        series=(Observation(fiscal_year=2023, value=parse_value("100件")),),
    )
    j = JUDGE.judge(ind)
    assert j.outcome is Outcome.ACHIEVED
    assert "翌年度の値として比較" in j.message.ja
    assert "the year after FY2023" in j.message.en
